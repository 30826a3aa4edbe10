# tests/fuzz/: libFuzzer targets, one per parser that sees outside input.
# Built only with `make FUZZ=1 fuzz-targets` (clang, ASan, UBSan, into
# bin-fuzz/); tests/fuzz/run.sh builds and runs them.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(BIN)/fuzz/%,$(FUZZ_SRC))
.PHONY: fuzz-targets
fuzz-targets: $(FUZZ_TARGETS)

$(BUILD)/tests/fuzz/%.o: CFLAGS += -Ihalld -Itests/fuzz
$(BIN)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)
$(BIN)/fuzz/fuzz_hall_messages: $(BUILD)/tests/fuzz/fuzz_hall_messages.o $(BUILD)/halld/input.o \
		$(BUILD)/halld/msg.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS) -lwebsockets
