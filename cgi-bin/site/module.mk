# cgi-bin/site/: the site FastCGI program.
PROGRAMS += $(BIN)/site.fcgi
$(BIN)/site.fcgi: $(call objs,$(wildcard cgi-bin/site/*.c)) $(LIBA)
	$(link)
