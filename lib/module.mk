# lib/: the shared core linked into every program.
LIB_SRC := $(wildcard lib/*.c)
$(LIBA): $(call objs,$(LIB_SRC))
	@mkdir -p $(dir $@)
	$(AR) rcs $@ $^
