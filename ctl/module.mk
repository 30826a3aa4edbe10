# ctl/: masakarictl, the administrator's tool.
PROGRAMS += $(BIN)/masakarictl
$(BIN)/masakarictl: $(call objs,$(wildcard ctl/*.c)) $(LIBA)
	$(link)
