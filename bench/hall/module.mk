# bench/hall: the hall daemon's load client (libwebsockets), built by bench/hall/run.sh.
$(BIN)/bench-hall-load: $(BUILD)/bench/hall/loadclient.o $(BUILD)/lib/clock.o
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ -lwebsockets -lev -ljansson -lm
