/* web.h — the FastCGI request loop shared by every program in cgi-bin/.
 *
 * ClearSilver's cgi kit is wired to libfcgi through its cgiwrap emulation
 * hooks, once per process; each request gets cgi_init / cgi_parse, a route
 * from the program's table, and either a template, a redirect
 * or a JSON body. Handlers report failure with nerr_raise using the WEB_ERR_*
 * types below; the loop turns them into an error page (or JSON under /api/)
 * with the matching status code.
 *
 * Where each part lives: web.c (the loop, routing), web_request.c (fields,
 * texts, the database handle), web_response.c (status, headers, render,
 * redirect, JSON), web_cookie.c (cookies, CSRF), web_cache.c (the page
 * cache), web_template.c (template functions), web_lang.c (the language
 * switch), web_error.c (error pages), web_workers.c (pre-forked workers). */
#ifndef MASAKARI_WEB_H
#define MASAKARI_WEB_H

#include <ClearSilver.h>
#include <jansson.h>

#include "db.h"
#include "settings.h"
#include "lang.h"

extern NERR_TYPE WEB_ERR_BAD_REQUEST;  /* 400 */
extern NERR_TYPE WEB_ERR_FORBIDDEN;    /* 403 */
extern NERR_TYPE WEB_ERR_NOT_FOUND;    /* 404 */
extern NERR_TYPE WEB_ERR_TOO_MANY;     /* 429 */
extern NERR_TYPE WEB_ERR_DB_DOWN;      /* 503 */

#define WEB_MAX_PARAMS 4

typedef struct web_request {
	CGI *cgi;
	HDF *hdf;              /* the request's data: Query.*, Cookie.*, CGI.*, and what the page sets */
	const struct settings *settings; /* the process's configuration, read once at start */
	const char *method;    /* GET (HEAD counts as GET), POST, … */
	const char *path;      /* decoded path, without the query string */
	const char *params[WEB_MAX_PARAMS]; /* the segments matched by '*' in the route */
	int nparams;
	int status;            /* the status this response will carry */
	char *cache_key;       /* set for WEB_CACHED routes: the response is kept under it */
	enum lang_id lang;     /* the visitor's language (see lang.h), also at Page.Lang */
} web_request;

/* A page: what a route runs for its request. The programs declare theirs
 * with it (web_page legacy_source_render;), so the signature is written once. */
typedef NEOERR *web_page(web_request *req);
typedef web_page *web_handler;

/* A WEB_CACHED route's successful responses to a GET without a query string
 * are kept, per process, for Cache.PagesSeconds (default 30; 0 turns it off),
 * keyed by path, the language Accept-Language asks for and the Cookie header:
 * such a page must depend on nothing else (the cookie carries who is visiting
 * and the language they chose). The next identical request is answered
 * from memory before the cgi kit parses anything. Responses that set a cookie
 * are never kept. */
#define WEB_CACHED 1

struct web_route {
	const char *method;    /* "GET" or "POST" */
	const char *pattern;   /* a path where a segment "*" matches any one segment */
	web_handler handler;
	int flags;             /* WEB_CACHED or 0 */
};

struct web_app {
	const char *name;                 /* program name for logs */
	const struct web_route *routes;   /* ends with a zeroed entry */
	int (*init)(const struct settings *settings); /* once per process, after the config loads; 0 or -1 */
};

/* Runs the accept loop until the socket closes. Returns the process exit code. */
int web_main(const struct web_app *app);

/* The process's database handle, connected. On outage raises WEB_ERR_DB_DOWN. */
NEOERR *web_db(web_request *req, db_t **out);

/* Raises the error that matches a failed db_* call (outage → 503, else 500). */
NEOERR *web_db_error(db_t *db, const char *what);

/* Registers the functions every template may call — the cgi kit's
 * (url_escape, …) and the catalogs' fill, fill2, fill3, datetime and number
 * (docs/ARCHITECTURE.md, Languages) — on cs. Raises what registering raises. */
NEOERR *web_template_functions(CSPARSE *cs);

/* Renders templates/<name> with the request's HDF at the current status. */
NEOERR *web_render(web_request *req, const char *template_name);

/* Sends body (len bytes) as ctype ("text/csv") with the current status: for
 * what is neither a page nor JSON. Raises what writing raises. */
NEOERR *web_send(web_request *req, const char *ctype, const char *body, size_t len);

/* This response depends on more than the path and the cookies (numbers that
 * move, for one reader): it is neither kept nor marked for nginx's cache,
 * even on a WEB_CACHED route. Never fails. */
void web_uncached(web_request *req);

/* Sends a redirect (301, 302, 303) to a local path or an absolute URL. */
NEOERR *web_redirect(web_request *req, int status, const char *location);

/* Sends body as JSON with the given status; takes over the reference. */
NEOERR *web_json(web_request *req, int status, json_t *body);

/* Answers with the error page for status saying message (JSON when
 * web_wants_json): what a raised WEB_ERR_* becomes, for a sentence of any
 * length (a raised error's is cut at 255 bytes). Raises what rendering
 * raises. */
NEOERR *web_error_page(web_request *req, int status, const char *message);

/* Sets the response status (before rendering). */
void web_status(web_request *req, int status);

/* Adds a response header line ("Name: value"). */
NEOERR *web_header(web_request *req, const char *name, const char *value);

/* Sets an HttpOnly, SameSite=Lax cookie on / (max_age seconds; 0 = session).
 * The one way the programs write a cookie. When Site.BaseUrl is https it is
 * also Secure, and its name on the wire is "__Host-" + name; web_cookie reads
 * it back by the same plain name. */
NEOERR *web_cookie_set(web_request *req, const char *name, const char *value, long max_age);

/* A form or query field: sets *value to it, or to NULL when the request has
 * no such field. A field sent more than once is refused: raises
 * WEB_ERR_BAD_REQUEST with a sentence naming the field. */
NEOERR *web_field(web_request *req, const char *name, const char **value);

/* A cookie's value, or NULL (over https: the "__Host-" cookie of that name only). */
const char *web_cookie(web_request *req, const char *name);

/* The CSRF token for this visitor (set in a cookie when new); also stored at
 * Page.CsrfToken for forms. */
NEOERR *web_csrf_token(web_request *req, const char **token);

/* Raises WEB_ERR_FORBIDDEN unless the csrf_token field matches the cookie
 * (WEB_ERR_BAD_REQUEST when the field is sent more than once). */
NEOERR *web_csrf_check(web_request *req);

/* The text at key ("Text.…") in the visitor's language (see lang.h). */
const char *web_text(web_request *req, const char *key);

/* The text at key with {1}, {2}, … replaced by the string arguments that
 * follow (ending with NULL), written into buf. Returns buf. */
const char *web_text_fill(web_request *req, char *buf, size_t buflen, const char *key, ...)
	__attribute__((sentinel));

/* True for a request that wants JSON back: anything under /api/, and a
 * script's fetch whose Accept header names application/json first. Its
 * errors are then {"status":N,"error":"…"} instead of a page. */
int web_wants_json(web_request *req);

/* The client's address as nginx saw it. */
const char *web_remote_addr(web_request *req);

#endif
