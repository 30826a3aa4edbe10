# tests/fuzz/: libFuzzer targets, one per parser that sees outside input.
# Built only with `make FUZZ=1 fuzz-targets` (clang, ASan, UBSan, into
# bin-fuzz/); tests/fuzz/run.sh builds and runs them.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(BIN)/fuzz/%,$(FUZZ_SRC))
.PHONY: fuzz-targets
fuzz-targets: $(FUZZ_TARGETS)

$(BUILD)/tests/fuzz/%.o: CFLAGS += -Ihalld -Itests/fuzz
$(BIN)/fuzz/%: LDFLAGS += -fsanitize=fuzzer
$(BIN)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(LIBA)
	$(link)
$(BIN)/fuzz/fuzz_hall_messages: EXTRA_LIBS := -lwebsockets
$(BIN)/fuzz/fuzz_hall_messages: $(BUILD)/tests/fuzz/fuzz_hall_messages.o $(BUILD)/halld/input.o \
		$(BUILD)/halld/msg.o $(LIBA)
	$(link)
$(BUILD)/tests/fuzz/fuzz_wire.o: CFLAGS += -Iflooder
$(BIN)/fuzz/fuzz_wire: $(BUILD)/tests/fuzz/fuzz_wire.o $(BUILD)/flooder/wire.o $(LIBA)
	$(link)
