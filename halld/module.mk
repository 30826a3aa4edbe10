# halld/: masakari-halld, the hall daemon (libwebsockets event loop + database worker).
PROGRAMS += $(BIN)/masakari-halld
$(BIN)/masakari-halld: $(call objs,$(wildcard halld/*.c)) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lwebsockets
