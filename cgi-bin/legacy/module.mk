# cgi-bin/legacy/: the legacy FastCGI program.
PROGRAMS += $(BIN)/legacy.fcgi
$(BIN)/legacy.fcgi: $(call objs,$(wildcard cgi-bin/legacy/*.c)) $(LIBA)
	$(link)
