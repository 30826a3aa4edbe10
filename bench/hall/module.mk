# bench/hall: the hall daemon's load client (libwebsockets), built by bench/hall/run.sh.
$(BIN)/bench-hall-load: EXTRA_LIBS := -lwebsockets -lev
$(BIN)/bench-hall-load: $(BUILD)/bench/hall/loadclient.o $(BUILD)/lib/clock.o $(BUILD)/lib/sha256.o
	$(link)
