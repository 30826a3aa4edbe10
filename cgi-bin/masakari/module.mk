# cgi-bin/masakari/: the masakari FastCGI program (the game's pages).
# libcrypto gives the SHA-256 of the reply cache's keys.
PROGRAMS += $(BIN)/masakari.fcgi
$(BIN)/masakari.fcgi: EXTRA_LIBS := -lcrypto
$(BIN)/masakari.fcgi: $(call objs,$(wildcard cgi-bin/masakari/*.c)) $(LIBA)
	$(link)
