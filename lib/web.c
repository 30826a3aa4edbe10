/* web.c — the FastCGI request loop shared by every program in cgi-bin/: the
 * cgi kit's I/O hooks on the accepted request, a request prepared and routed
 * to its handler, and each worker's accept loop (web.h). The rest of the
 * loop's concerns are files of their own: web_response.c, web_request.c,
 * web_cookie.c, web_cache.c, web_template.c, web_lang.c, web_error.c and
 * web_workers.c (web_internal.h). */
#define _GNU_SOURCE
#include "web_internal.h"

#include <fcgiapp.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "github.h"
#include "identity.h"
#include "log.h"

NERR_TYPE WEB_ERR_BAD_REQUEST;
NERR_TYPE WEB_ERR_FORBIDDEN;
NERR_TYPE WEB_ERR_NOT_FOUND;
NERR_TYPE WEB_ERR_TOO_MANY;
NERR_TYPE WEB_ERR_DB_DOWN;

static HDF *web_config;
static struct settings web_settings;   /* read from web_config once */
static const char *web_templates;
db_t *web_dbh;
enum lang_id web_current_lang;

/* ---- cgiwrap emulation: ClearSilver's I/O goes to the current FCGX request ---- */

static int fcgi_read(void *data, char *buf, int len)
{
	return FCGX_GetStr(buf, len, ((FCGX_Request *)data)->in);
}

static int fcgi_writef(void *data, const char *fmt, va_list ap)
{
	return FCGX_VFPrintF(((FCGX_Request *)data)->out, fmt, ap);
}

static int fcgi_write(void *data, const char *buf, int len)
{
	return FCGX_PutStr(buf, len, ((FCGX_Request *)data)->out);
}

#define FORM_TYPE "application/x-www-form-urlencoded"

static char *fcgi_getenv(void *data, const char *name)
{
	const char *v = FCGX_GetParam(name, ((FCGX_Request *)data)->envp);

	/* The cgi kit parses a form body only when the type is exactly the form
	 * type, but browsers' fetch() adds "; charset=UTF-8": forms are UTF-8
	 * here either way, so the parameter is dropped. */
	if (v && strcmp(name, "CONTENT_TYPE") == 0 && strncasecmp(v, FORM_TYPE, strlen(FORM_TYPE)) == 0 &&
	    (v[strlen(FORM_TYPE)] == ';' || v[strlen(FORM_TYPE)] == ' '))
		return strdup(FORM_TYPE);
	return v ? strdup(v) : NULL;
}

static int fcgi_putenv(void *data, const char *name, const char *value)
{
	(void)data;
	(void)name;
	(void)value;
	return -1; /* the request environment is read-only */
}

static int fcgi_iterenv(void *data, int n, char **k, char **v)
{
	char **envp = ((FCGX_Request *)data)->envp;
	const char *eq;

	*k = NULL;
	*v = NULL;
	for (int i = 0; i < n; i++)
		if (!envp[i])
			return 0;
	if (!envp[n] || !(eq = strchr(envp[n], '=')))
		return 0;
	*k = strndup(envp[n], (size_t)(eq - envp[n]));
	*v = strdup(eq + 1);
	if (!*k || !*v) {
		free(*k);
		free(*v);
		*k = *v = NULL;
		return 1;
	}
	return 0;
}

/* ---- routing ---- */

/* Matches path against pattern segment by segment; "*" takes one segment. */
static int route_match(const char *pattern, const char *path, web_request *req, char *scratch,
		       size_t scratch_len)
{
	size_t plen = strlen(path);
	char *p, *save = NULL, *seg;
	const char *pat = pattern;

	if (plen + 1 > scratch_len)
		return 0;
	memcpy(scratch, path, plen + 1);
	req->nparams = 0;
	if (strcmp(pattern, "/") == 0)
		return strcmp(path, "/") == 0;
	/* "/legacy/" and "/legacy" differ: a trailing slash is part of the pattern. */
	if ((pattern[strlen(pattern) - 1] == '/') != (path[plen - 1] == '/'))
		return 0;
	p = scratch;
	for (seg = strtok_r(p, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		const char *end;
		size_t n;

		while (*pat == '/')
			pat++;
		if (!*pat)
			return 0;
		end = strchr(pat, '/');
		n = end ? (size_t)(end - pat) : strlen(pat);
		if (n == 1 && *pat == '*') {
			if (req->nparams >= WEB_MAX_PARAMS)
				return 0;
			req->params[req->nparams++] = seg;
		} else if (strlen(seg) != n || strncmp(seg, pat, n) != 0) {
			return 0;
		}
		pat += n;
	}
	while (*pat == '/')
		pat++;
	return *pat == '\0';
}

static const struct web_route *route_find(const struct web_route *routes, web_request *req,
					  char *scratch, size_t scratch_len, int *path_known)
{
	*path_known = 0;
	for (const struct web_route *r = routes; r->pattern; r++) {
		if (!route_match(r->pattern, req->path, req, scratch, scratch_len))
			continue;
		*path_known = 1;
		if (strcmp(r->method, req->method) == 0)
			return r;
	}
	return NULL;
}

/* ---- a request ---- */

static NEOERR *request_prepare(web_request *req)
{
	NEOERR *err;
	const char *id;

	req->lang = lang_choose(web_cookie(req, LANG_COOKIE),
				hdf_get_value(req->hdf, "HTTP.AcceptLanguage", NULL));
	web_current_lang = req->lang;
	err = hdf_set_value(req->hdf, "Config.VarEscapeMode", "html");
	if (!err)
		err = hdf_set_value(req->hdf, "Config.DebugEnabled", "0");
	if (!err)
		err = hdf_set_value(req->hdf, "Config.TimeFooter", "0");
	if (!err)
		err = hdf_set_value(req->hdf, "Config.WhiteSpaceStrip", "0");
	if (!err)
		err = hdf_set_value(req->hdf, "hdf.loadpaths.0", web_templates);
	if (!err)
		err = hdf_set_value(req->hdf, "Site.Name", req->settings->site_name);
	if (!err)
		err = hdf_set_value(req->hdf, "Site.Static", "/static");
	if (!err)
		err = hdf_set_value(req->hdf, "Page.Lang", lang_name(req->lang));
	if (!err)
		err = web_security_headers(req);
	/* The page depends on both: a shared cache must keep them apart. */
	if (!err)
		err = web_header(req, "Vary", "Accept-Language, Cookie");
	/* Every page knows who is visiting: the ID the identity cookie's secret
	 * holds (lib/identity.h). A cookie that is not a secret is never looked
	 * up; with the database down the visitor is simply nobody. */
	id = web_cookie(req, IDENTITY_COOKIE);
	if (!err && identity_secret_valid(id)) {
		struct identity who;
		int found = db_connect(web_dbh) == 0
			? identity_lookup(web_dbh, id, req->settings->identity_hold_days, &who) : -1;

		/* Who it is cannot be known now: a form that acts for the
		 * visitor says the database is down, not "enter first". */
		if (found < 0) {
			log_warn("looking up the visitor's identity: %s", db_error(web_dbh));
			err = hdf_set_value(req->hdf, "Page.IdentityUnknown", "1");
		}
		if (found > 0 && github_id_problem(who.github_id) == NULL) {
			err = hdf_set_value(req->hdf, "Page.GithubId", who.github_id);
			if (!err && who.verified)
				err = hdf_set_value(req->hdf, "Page.Verified", "1");
		}
	}
	return nerr_pass(err);
}

static void request_handle(const struct web_app *app, web_request *req, char *cache_key)
{
	char scratch[4096];
	const struct web_route *route;
	const char *ctype;
	int known;
	NEOERR *err;

	int answered = 0;

	err = request_prepare(req);
	if (err) {
		web_error_report(req, err);
		return;
	}
	/* No form here uploads files, and the cgi kit's multipart parser reads
	 * through a NULL boundary when the Content-Type's is malformed (found by
	 * tests/fuzz/fuzz_web_form): such a body is refused before it is read. */
	ctype = hdf_get_value(req->hdf, "CGI.ContentType", NULL);
	if (ctype && strncasecmp(ctype, "multipart/", 10) == 0) {
		web_error_send(req, 415, web_text(req, "Text.Common.Error.Multipart"));
		return;
	}
	err = cgi_parse(req->cgi);
	if (!err)
		err = web_lang_switch(req, &answered);
	if (err || answered) {
		if (err)
			web_error_report(req, err);
		return;
	}
	route = route_find(app->routes, req, scratch, sizeof(scratch), &known);
	if (!route) {
		if (known) {
			nerr_ignore(&err);
			web_error_send(req, 405, web_text(req, "Text.Common.Error.Method"));
		} else {
			web_error_send(req, 404, web_text(req, "Text.Common.Error.NoPage"));
		}
		return;
	}
	if (route->flags & WEB_CACHED)
		req->cache_key = cache_key;
	err = route->handler(req);
	req->cache_key = NULL;
	if (err)
		web_error_report(req, err);
}

/* The cache key of a request to a WEB_CACHED route (see web.h), or NULL when
 * this request is not one to cache. */
static char *cache_key_for(const struct web_app *app, FCGX_Request *fr, const char *method,
			   const char *path)
{
	const char *query = FCGX_GetParam("QUERY_STRING", fr->envp);
	const char *cookie = FCGX_GetParam("HTTP_COOKIE", fr->envp);
	int lang = lang_from_accept(FCGX_GetParam("HTTP_ACCEPT_LANGUAGE", fr->envp));
	web_request probe = { .method = method, .path = path };
	const struct web_route *route;
	char scratch[1024];
	char *key;
	int known;

	if (web_cache_ttl <= 0 || strcmp(method, "GET") != 0 || (query && *query))
		return NULL;
	route = route_find(app->routes, &probe, scratch, sizeof(scratch), &known);
	if (!route || !(route->flags & WEB_CACHED))
		return NULL;
	/* The language a cookie chooses is in the cookie; the one Accept-Language
	 * chooses is added, so visitors without a cookie never share a page. */
	if (asprintf(&key, "%s\n%d\n%s", path, lang, cookie ? cookie : "") < 0)
		return NULL;
	return key;
}

static NEOERR *register_errors(void)
{
	NEOERR *err = nerr_init();

	if (!err)
		err = nerr_register(&WEB_ERR_BAD_REQUEST, "BadRequest");
	if (!err)
		err = nerr_register(&WEB_ERR_FORBIDDEN, "Forbidden");
	if (!err)
		err = nerr_register(&WEB_ERR_NOT_FOUND, "NotFound");
	if (!err)
		err = nerr_register(&WEB_ERR_TOO_MANY, "TooManyRequests");
	if (!err)
		err = nerr_register(&WEB_ERR_DB_DOWN, "DatabaseUnavailable");
	return nerr_pass(err);
}

static int web_serve(const struct web_app *app);

int web_main(const struct web_app *app)
{
	char key[128];
	const char *dot;
	long workers;
	NEOERR *err;

	log_init(app->name);
	if (config_load(&web_config) != 0)
		return 1;
	settings_read(web_config, &web_settings);
	settings_use_account(&web_settings, SETTINGS_PART_WEB);
	log_to_file(web_settings.log_file);
	err = register_errors();
	if (err) {
		nerr_log_error(err);
		nerr_ignore(&err);
		return 1;
	}
	web_templates = web_settings.paths_templates;
	web_cookie_secure = strncmp(web_settings.site_base_url ? web_settings.site_base_url : "", "https://", 8) == 0;
	err = lang_load(web_settings.paths_lang);
	if (err) {
		nerr_log_error(err);
		nerr_ignore(&err);
		return 1;
	}
	web_cache_ttl = web_settings.cache_pages_seconds;
	dot = strchr(app->name, '.');
	snprintf(key, sizeof(key), "Web.Workers.%.*s", dot ? (int)(dot - app->name) : (int)strlen(app->name),
		 app->name);
	workers = settings_find(key) ? settings_int_of(&web_settings, settings_find(key)) : 2;
	signal(SIGPIPE, SIG_IGN);
	/* 0 workers: serve in this process (for a debugger). */
	return workers > 0 ? web_workers_supervise(app, (int)workers, web_serve) : web_serve(app);
}

/* One worker: its own database connection and caches, then the accept loop. */
static int web_serve(const struct web_app *app)
{
	FCGX_Request fr;
	NEOERR *err;

	/* Every request allocates and frees the same few hundred kilobytes: keep
	 * them instead of returning them to the kernel each time. */
	mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
	db_library_init();
	web_dbh = db_new(&web_settings);
	if (!web_dbh || (app->init && app->init(&web_settings) != 0))
		return 1;
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0) {
		log_error("cannot initialise FastCGI");
		return 1;
	}
	cgiwrap_init_emu(&fr, fcgi_read, fcgi_writef, fcgi_write, fcgi_getenv, fcgi_putenv,
			 fcgi_iterenv);
	while (FCGX_Accept_r(&fr) >= 0) {
		web_request req = { .settings = &web_settings, .status = 200 };
		const char *method = FCGX_GetParam("REQUEST_METHOD", fr.envp);
		const char *path = FCGX_GetParam("DOCUMENT_URI", fr.envp);

		const struct web_cache_entry *cached;
		char *cache_key;

		req.method = (method && strcmp(method, "HEAD") == 0) ? "GET" : (method ? method : "GET");
		req.path = (path && *path == '/') ? path : "/";
		cache_key = cache_key_for(app, &fr, req.method, req.path);
		if (cache_key && (cached = web_cache_lookup(cache_key))) {
			FCGX_PutStr(cached->response, (int)cached->len, fr.out);
			free(cache_key);
			FCGX_Finish_r(&fr);
			continue;
		}
		err = cgi_init(&req.cgi, NULL);
		if (err) {
			nerr_log_error(err);
			nerr_ignore(&err);
			FCGX_FPrintF(fr.out, "Status: 500 Internal Server Error\r\n"
					     "Content-Type: text/plain\r\n\r\nInternal error\n");
			free(cache_key);
			FCGX_Finish_r(&fr);
			continue;
		}
		req.hdf = req.cgi->hdf;
		request_handle(app, &req, cache_key);
		free(cache_key);
		cgi_destroy(&req.cgi);
		FCGX_Finish_r(&fr);
	}
	db_free(web_dbh);
	hdf_destroy(&web_config);
	return 0;
}
