/* web_internal.h — what the files of the FastCGI request loop (lib/web*.c)
 * share with each other and not with the programs: the process's state set
 * at start, and the steps one file takes for another. */
#ifndef MASAKARI_WEB_INTERNAL_H
#define MASAKARI_WEB_INTERNAL_H

#include <ClearSilver.h>
#include <stddef.h>
#include <time.h>

#include "db.h"
#include "lang.h"
#include "web.h"

/* web.c — the process's database handle (one per worker), and the language
 * of the request being served (one at a time), for the texts of errors
 * raised without a request at hand (web_db_error). */
extern db_t *web_dbh;
extern enum lang_id web_current_lang;

/* web_response.c — the reason phrase of a status ("Not Found"), and the
 * security headers every response carries; raises what web_header raises. */
const char *web_reason_phrase(int status);
NEOERR *web_security_headers(web_request *req);

/* web_cache.c — whole responses of WEB_CACHED routes, kept for
 * web_cache_ttl seconds (Cache.PagesSeconds; 0: never). web_cache_store
 * keeps a copy (out of memory: nothing); web_cache_lookup finds one still
 * fresh, or NULL. */
struct web_cache_entry {
	char *key;
	char *response;        /* headers and body, exactly as sent */
	size_t len;
	time_t at;
};
extern long web_cache_ttl;
void web_cache_store(const char *key, const STRING *response);
const struct web_cache_entry *web_cache_lookup(const char *key);

/* web_cookie.c — Site.BaseUrl is https: cookies are Secure and named with
 * the __Host- prefix (set by web_main). */
extern int web_cookie_secure;

/* web_lang.c — the language switch. web_lang_switch_links sets
 * Page.LangSwitch.ja / .en for the page being rendered; web_lang_switch
 * answers "?lang=ja|en" on a GET (sets *done when it answered). */
NEOERR *web_lang_switch_links(web_request *req);
NEOERR *web_lang_switch(web_request *req, int *done);

/* web_error.c — error pages. web_error_send answers with the page (JSON
 * under /api/) for status, message shown to the visitor, falling back to
 * plain text; web_error_report answers for a handler's failure and frees it
 * (a 500's details go to the log, not the visitor). Neither fails. */
void web_error_send(web_request *req, int status, const char *message);
void web_error_report(web_request *req, NEOERR *err);

/* web_workers.c — runs workers copies of serve in forked processes on the
 * listening socket, starting a new one whenever one dies, until SIGTERM or
 * SIGINT; then stops them. Returns the exit code. */
int web_workers_supervise(const struct web_app *app, int workers,
			  int (*serve)(const struct web_app *app));

#endif
