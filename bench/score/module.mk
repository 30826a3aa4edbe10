# bench/score: scoring one critique against the whole weakness catalog.
$(BIN)/bench-score: $(BUILD)/bench/score/score_bench.o $(LIBA)
	$(link)
