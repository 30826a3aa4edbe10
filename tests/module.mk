# tests/unit/test_<module>.c: one cmocka program per lib module (only these
# link cmocka: the helper programs below are built where it is not installed).
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_TESTS += $(patsubst tests/unit/%.c,$(BIN)/tests/%,$(UNIT_SRC))

$(BIN)/tests/test_%: EXTRA_LIBS := -lcmocka
$(BIN)/tests/test_%: $(BUILD)/tests/unit/test_%.o $(LIBA)
	$(link)

# TURN credentials are an HMAC from libcrypto.
$(BIN)/tests/test_turn: EXTRA_LIBS := -lcmocka -lcrypto

# Helper programs of the shell tests, each listed in tests/<dir>/module.mk.
include $(sort $(wildcard tests/*/module.mk))
