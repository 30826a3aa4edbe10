# cgi-bin/api/: the api FastCGI program.
PROGRAMS += $(BIN)/api.fcgi
$(BIN)/api.fcgi: EXTRA_LIBS := -lcrypto
$(BIN)/api.fcgi: $(call objs,$(wildcard cgi-bin/api/*.c)) $(LIBA)
	$(link)
