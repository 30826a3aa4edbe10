# tests/unit/test_<module>.c: one cmocka program per lib module.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_TESTS += $(patsubst tests/unit/%.c,$(BIN)/tests/%,$(UNIT_SRC))

$(BIN)/tests/%: EXTRA_LIBS := -lcmocka
$(BIN)/tests/%: $(BUILD)/tests/unit/%.o $(LIBA)
	$(link)

# Helper programs of the shell tests, each listed in tests/<dir>/module.mk.
include $(sort $(wildcard tests/*/module.mk))
