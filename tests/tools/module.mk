# tests/tools/: small programs the shell tests drive (built with `make`, used
# only by tests/).

# fake-target: an HTTP target that answers slowly, never, with a redirect, or hangs up.
PROGRAMS += $(BIN)/tests/fake-target
$(BIN)/tests/fake-target: $(BUILD)/tests/tools/fake_target.o $(BUILD)/lib/clock.o
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ -lpthread

# A fake chat-completions API for the masakari tests: answers, or misbehaves on purpose.
PROGRAMS += $(BIN)/tests/fake-llm
$(BIN)/tests/fake-llm: $(BUILD)/tests/tools/fake_llm.o
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< -ljansson
