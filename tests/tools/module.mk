# tests/tools/: programs the masakari tests run beside the stack (a fake chat API).
PROGRAMS += $(BIN)/tests/fake-llm
$(BIN)/tests/fake-llm: $(BUILD)/tests/tools/fake_llm.o
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< -ljansson
