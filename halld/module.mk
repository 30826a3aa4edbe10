# halld/: masakari-halld, the hall daemon (libwebsockets event loop + database worker).
PROGRAMS += $(BIN)/masakari-halld
$(BIN)/masakari-halld: EXTRA_LIBS := -lwebsockets -lev
$(BIN)/masakari-halld: $(call objs,$(wildcard halld/*.c)) $(LIBA)
	$(link)

# Unit tests of the daemon's own pure parts (tests/unit/test_halld_*.c).
$(BUILD)/tests/unit/test_halld_%.o: CFLAGS += -Ihalld
$(BIN)/tests/test_halld_input: EXTRA_LIBS := -lcmocka
$(BIN)/tests/test_halld_input: $(BUILD)/tests/unit/test_halld_input.o $(BUILD)/halld/input.o $(LIBA)
	$(link)
$(BIN)/tests/test_halld_charmap: EXTRA_LIBS := -lcmocka
$(BIN)/tests/test_halld_charmap: $(BUILD)/tests/unit/test_halld_charmap.o $(BUILD)/halld/charmap.o $(LIBA)
	$(link)
$(BIN)/tests/test_halld_limits: EXTRA_LIBS := -lwebsockets -lcmocka
$(BIN)/tests/test_halld_limits: $(BUILD)/tests/unit/test_halld_limits.o $(BUILD)/halld/session.o $(BUILD)/halld/msg.o $(LIBA)
	$(link)
$(BIN)/tests/test_halld_msg: EXTRA_LIBS := -lcmocka
$(BIN)/tests/test_halld_msg: $(BUILD)/tests/unit/test_halld_msg.o $(BUILD)/halld/msg.o $(LIBA)
	$(link)
