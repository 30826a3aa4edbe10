# flooder/: masakari-flooder, the cron-driven runner of the attack queue.
PROGRAMS += $(BIN)/masakari-flooder
$(BIN)/masakari-flooder: $(call objs,$(wildcard flooder/*.c)) $(LIBA)
	$(link)

# Unit tests of the flooder's own HTTP client (tests/unit/test_flooder_*.c).
$(BUILD)/tests/unit/test_flooder_%.o: CFLAGS += -Iflooder
$(BIN)/tests/test_flooder_wire: EXTRA_LIBS := -lcmocka
$(BIN)/tests/test_flooder_wire: $(BUILD)/tests/unit/test_flooder_wire.o $(BUILD)/flooder/wire.o $(LIBA)
	$(link)
