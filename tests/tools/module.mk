# tests/tools/: small programs the shell tests drive (built with `make`, used
# only by tests/).

# fake-target: an HTTP target that answers slowly, never, with a redirect, or hangs up.
PROGRAMS += $(BIN)/tests/fake-target
# Built with the programs on a host without cmocka: not the unit tests' libraries.
$(BIN)/tests/fake-target: EXTRA_LIBS :=
$(BIN)/tests/fake-target: $(BUILD)/tests/tools/fake_target.o $(BUILD)/lib/clock.o
	$(link)

# A fake chat-completions API for the masakari tests: answers, or misbehaves on purpose.
PROGRAMS += $(BIN)/tests/fake-llm
$(BIN)/tests/fake-llm: EXTRA_LIBS :=
$(BIN)/tests/fake-llm: $(BUILD)/tests/tools/fake_llm.o $(BUILD)/lib/clock.o
	$(link)
