# halld/: masakari-halld, the hall daemon (libwebsockets event loop + database worker).
PROGRAMS += $(BIN)/masakari-halld
$(BIN)/masakari-halld: $(call objs,$(wildcard halld/*.c)) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lwebsockets -lev

# Unit tests of the daemon's own pure parts (tests/unit/test_halld_*.c).
$(BUILD)/tests/unit/test_halld_%.o: CFLAGS += -Ihalld
$(BIN)/tests/test_halld_input: $(BUILD)/tests/unit/test_halld_input.o $(BUILD)/halld/input.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka
$(BIN)/tests/test_halld_charmap: $(BUILD)/tests/unit/test_halld_charmap.o $(BUILD)/halld/charmap.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka
$(BIN)/tests/test_halld_limits: $(BUILD)/tests/unit/test_halld_limits.o $(BUILD)/halld/session.o $(BUILD)/halld/msg.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lwebsockets -lcmocka
$(BIN)/tests/test_halld_msg: $(BUILD)/tests/unit/test_halld_msg.o $(BUILD)/halld/msg.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka
