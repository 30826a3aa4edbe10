# flooder/: masakari-flooder, the cron-driven runner of the attack queue.
PROGRAMS += $(BIN)/masakari-flooder
$(BIN)/masakari-flooder: $(call objs,$(wildcard flooder/*.c)) $(LIBA)
	$(link)
