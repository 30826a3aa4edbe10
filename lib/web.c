/* web.c — the FastCGI request loop shared by every program in cgi-bin/. */
#define _GNU_SOURCE
#include "web.h"

#include <fcgiapp.h>
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>

#include "config.h"
#include "github.h"
#include "identity.h"
#include "moderation.h"
#include "lang.h"
#include "log.h"

NERR_TYPE WEB_ERR_BAD_REQUEST;
NERR_TYPE WEB_ERR_FORBIDDEN;
NERR_TYPE WEB_ERR_NOT_FOUND;
NERR_TYPE WEB_ERR_TOO_MANY;
NERR_TYPE WEB_ERR_DB_DOWN;

static HDF *web_config;
static struct settings web_settings;   /* read from web_config once */
static db_t *web_dbh;
static const char *web_templates;
/* Site.BaseUrl is https: cookies are Secure and named with the __Host- prefix,
 * which browsers accept only from a secure origin, for Path=/ and no Domain,
 * so a plain-HTTP page or a sibling host cannot plant one. */
static int web_cookie_secure;
#define WEB_SECURE_COOKIE_PREFIX "__Host-"

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

/* ---- responses ---- */

static const char *reason_phrase(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

void web_status(web_request *req, int status)
{
	req->status = status;
}

NEOERR *web_header(web_request *req, const char *name, const char *value)
{
	HDF *other = hdf_get_obj(req->hdf, "cgiout.other");
	int n = 0;

	for (HDF *c = other ? hdf_obj_child(other) : NULL; c; c = hdf_obj_next(c))
		n++;
	/* Header values never carry a line break: no response splitting. */
	if (strpbrk(name, "\r\n:") || strpbrk(value, "\r\n"))
		return nerr_raise(NERR_ASSERT, "refusing header with a line break: %s", name);
	return nerr_pass(hdf_set_valuef(req->hdf, "cgiout.other.h%d=%s: %s", n, name, value));
}

/* The headers every response carries (DESIGN.md security baseline). In CSP
 * level 3, 'self' in connect-src also covers ws: and wss: to this host and
 * port, which is where the hall's WebSocket lives. */
static NEOERR *security_headers(web_request *req)
{
	NEOERR *err;

	err = web_header(req, "Content-Security-Policy",
			 "default-src 'self'; img-src 'self' data: https://github.com "
			 "https://avatars.githubusercontent.com; connect-src 'self'; "
			 "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'");
	if (!err)
		err = web_header(req, "X-Content-Type-Options", "nosniff");
	if (!err)
		err = web_header(req, "Referrer-Policy", "same-origin");
	if (!err)
		err = web_header(req, "X-Frame-Options", "SAMEORIGIN");
	return nerr_pass(err);
}

/* ---- responses ----
 *
 * Every response goes through response_send: the status, the cgiout.other.*
 * header lines, the content type, then the body. A response to a route marked
 * for caching is also kept, whole, so the next identical request is answered
 * before the cgi kit even parses it (see page_cache_lookup). */

#define PAGE_CACHE_SLOTS 256

struct page_cache_entry {
	char *key;
	char *response;        /* headers and body, exactly as sent */
	size_t len;
	time_t at;
};

static struct page_cache_entry page_cache[PAGE_CACHE_SLOTS];
static long page_cache_ttl;

/* Direct-mapped by a hash of the key: a colliding page simply replaces the old one. */
static struct page_cache_entry *page_cache_slot(const char *key)
{
	unsigned long h = 5381;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return &page_cache[h % PAGE_CACHE_SLOTS];
}

static void page_cache_store(const char *key, const STRING *response)
{
	struct page_cache_entry *e = page_cache_slot(key);
	char *k = strdup(key), *r = malloc((size_t)response->len + 1);

	if (!k || !r) {
		free(k);
		free(r);
		return;
	}
	memcpy(r, response->buf, (size_t)response->len);
	r[response->len] = '\0';
	free(e->key);
	free(e->response);
	*e = (struct page_cache_entry){ .key = k, .response = r, .len = (size_t)response->len,
					.at = time(NULL) };
}

static const struct page_cache_entry *page_cache_lookup(const char *key)
{
	const struct page_cache_entry *e = page_cache_slot(key);

	if (!e->key || strcmp(e->key, key) != 0 || time(NULL) - e->at >= page_cache_ttl)
		return NULL;
	return e;
}

static NEOERR *response_send(web_request *req, const char *ctype, const char *body, size_t len)
{
	HDF *other = hdf_get_obj(req->hdf, "cgiout.other");
	const char *location = hdf_get_value(req->hdf, "cgiout.Location", NULL);
	int cookie = 0;
	STRING out;
	NEOERR *err;

	string_init(&out);
	err = string_appendf(&out, "Status: %d %s\r\n", req->status, reason_phrase(req->status));
	if (!err && location)
		err = string_appendf(&out, "Location: %s\r\n", location);
	for (HDF *h = other ? hdf_obj_child(other) : NULL; h && !err; h = hdf_obj_next(h)) {
		const char *line = hdf_obj_value(h);

		cookie |= strncmp(line, "Set-Cookie:", 11) == 0;
		err = string_appendf(&out, "%s\r\n", line);
	}
	/* A page the next visitor with the same cookies may be given as is: nginx
	 * keeps it as long as this process would (fastcgi_cache, see nginx.conf). */
	if (!err && req->cache_key && req->status == 200 && !cookie)
		err = string_appendf(&out, "X-Accel-Expires: %ld\r\n", page_cache_ttl);
	if (!err)
		err = string_appendf(&out, "Content-Type: %s; charset=utf-8\r\n\r\n", ctype);
	if (!err && len)
		err = string_appendn(&out, body, (int)len);
	if (!err)
		err = cgiwrap_write(out.buf, out.len);
	/* Only a plain success that hands out no cookie is the same for the next visitor. */
	if (!err && req->cache_key && req->status == 200 && !cookie)
		page_cache_store(req->cache_key, &out);
	string_clear(&out);
	return nerr_pass(err);
}

static NEOERR *render_to_string(void *ctx, char *buf)
{
	return nerr_pass(string_append((STRING *)ctx, buf));
}

/* ---- template functions for the catalogs' texts ---- */

/* The visitor's language as the template's data says it. */
static enum lang_id template_lang(CSPARSE *parse)
{
	return lang_parse(hdf_get_value(parse->hdf, "Page.Lang", NULL)) == LANG_EN ? LANG_EN : LANG_JA;
}

static NEOERR *template_string_result(CSARG *result, char *s)
{
	if (!s)
		return nerr_raise(NERR_NOMEM, "template function result");
	result->op_type = CS_TYPE_STRING;
	result->s = s;
	result->alloc = 1;
	return STATUS_OK;
}

/* fill(text, a), fill2(text, a, b), fill3(text, a, b, c): a catalog text with
 * its {1}, {2}, {3} filled; escaped afterwards like any var:. */
static NEOERR *template_fill_n(CSPARSE *parse, CSARG *args, CSARG *result, int n)
{
	char *text = NULL, *a[3] = { NULL, NULL, NULL };
	const char *av[4] = { NULL, NULL, NULL, NULL };
	char buf[4096];
	NEOERR *err;

	err = n == 1 ? cs_arg_parse(parse, args, "ss", &text, &a[0])
	    : n == 2 ? cs_arg_parse(parse, args, "sss", &text, &a[0], &a[1])
		     : cs_arg_parse(parse, args, "ssss", &text, &a[0], &a[1], &a[2]);
	for (int i = 0; !err && i < n; i++)
		av[i] = a[i] ? a[i] : "";
	if (!err)
		err = template_string_result(result,
					     strdup(lang_fill(buf, sizeof(buf), text ? text : "", av)));
	free(text);
	for (int i = 0; i < 3; i++)
		free(a[i]);
	return nerr_pass(err);
}

static NEOERR *template_fill(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	(void)csf;
	return nerr_pass(template_fill_n(parse, args, result, 1));
}

static NEOERR *template_fill2(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	(void)csf;
	return nerr_pass(template_fill_n(parse, args, result, 2));
}

static NEOERR *template_fill3(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	(void)csf;
	return nerr_pass(template_fill_n(parse, args, result, 3));
}

/* datetime("2026-12-03 12:04:05"): a UTC time as the visitor's language writes it. */
static NEOERR *template_datetime(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	char *t = NULL, buf[64];
	NEOERR *err = cs_arg_parse(parse, args, "s", &t);

	(void)csf;
	if (!err)
		err = template_string_result(result, strdup(lang_datetime(buf, sizeof(buf), t ? t : "",
									 template_lang(parse))));
	free(t);
	return nerr_pass(err);
}

/* number(n): an integer with its digits grouped (1,234,567). */
static NEOERR *template_number(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	char *t = NULL, *end, buf[32];
	NEOERR *err = cs_arg_parse(parse, args, "s", &t);
	long long n;

	(void)csf;
	if (err)
		return nerr_pass(err);
	n = t ? strtoll(t, &end, 10) : 0;
	/* Anything that is not a whole number is shown as it is. */
	if (!t || !*t || *end)
		err = template_string_result(result, strdup(t ? t : ""));
	else
		err = template_string_result(result,
					     strdup(lang_number(buf, sizeof(buf), n, template_lang(parse))));
	free(t);
	return nerr_pass(err);
}

NEOERR *web_template_functions(CSPARSE *cs)
{
	NEOERR *err = cgi_register_strfuncs(cs);

	if (!err)
		err = cs_register_function(cs, "fill", 2, template_fill);
	if (!err)
		err = cs_register_function(cs, "fill2", 3, template_fill2);
	if (!err)
		err = cs_register_function(cs, "fill3", 4, template_fill3);
	if (!err)
		err = cs_register_function(cs, "datetime", 1, template_datetime);
	if (!err)
		err = cs_register_function(cs, "number", 1, template_number);
	return nerr_pass(err);
}

static NEOERR *language_switch_links(web_request *req);

NEOERR *web_render(web_request *req, const char *template_name)
{
	CSPARSE *cs = NULL;
	STRING page;
	NEOERR *err;

	string_init(&page);
	err = language_switch_links(req);
	if (!err)
		err = cs_init(&cs, req->hdf);
	/* Text.* comes from the visitor's catalog, shared by every request of the
	 * process instead of copied into each request's data. */
	if (!err)
		cs->global_hdf = lang_catalog(req->lang);
	if (!err)
		err = web_template_functions(cs);
	if (!err)
		err = cs_parse_file(cs, template_name);
	if (!err)
		err = cs_render(cs, &page, render_to_string);
	cs_destroy(&cs);
	if (!err)
		err = response_send(req, "text/html", page.buf ? page.buf : "", (size_t)page.len);
	string_clear(&page);
	return nerr_pass(err);
}

NEOERR *web_send(web_request *req, const char *ctype, const char *body, size_t len)
{
	return nerr_pass(response_send(req, ctype, body, len));
}

void web_uncached(web_request *req)
{
	req->cache_key = NULL;
}

NEOERR *web_redirect(web_request *req, int status, const char *location)
{
	NEOERR *err;

	if (strpbrk(location, "\r\n"))
		return nerr_raise(NERR_ASSERT, "refusing a redirect with a line break");
	req->status = status;
	err = hdf_set_value(req->hdf, "cgiout.Location", location);
	if (!err)
		err = response_send(req, "text/plain", "", 0);
	return nerr_pass(err);
}

NEOERR *web_json(web_request *req, int status, json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT | JSON_ENSURE_ASCII);
	NEOERR *err;

	json_decref(body);
	if (!text)
		return nerr_raise(NERR_NOMEM, "cannot encode JSON");
	req->status = status;
	err = response_send(req, "application/json", text, strlen(text));
	free(text);
	return nerr_pass(err);
}

/* The name a cookie has on the wire (and under Cookie. in the request's HDF). */
static const char *cookie_wire_name(const char *name, char *buf, size_t len)
{
	if (!web_cookie_secure)
		return name;
	snprintf(buf, len, WEB_SECURE_COOKIE_PREFIX "%s", name);
	return buf;
}

NEOERR *web_cookie_set(web_request *req, const char *name, const char *value, long max_age)
{
	const char *secure = web_cookie_secure ? "; Secure" : "";
	char line[512], wire[128];

	name = cookie_wire_name(name, wire, sizeof(wire));
	if (max_age > 0)
		snprintf(line, sizeof(line), "%s=%s; Path=/; Max-Age=%ld%s; HttpOnly; SameSite=Lax",
			 name, value, max_age, secure);
	else
		snprintf(line, sizeof(line), "%s=%s; Path=/%s; HttpOnly; SameSite=Lax", name, value,
			 secure);
	return nerr_pass(web_header(req, "Set-Cookie", line));
}

/* ---- texts ---- */

const char *web_text(web_request *req, const char *key)
{
	return lang_text(req->lang, key);
}

const char *web_text_fill(web_request *req, char *buf, size_t buflen, const char *key, ...)
{
	const char *args[10];
	size_t n = 0;
	va_list ap;

	va_start(ap, key);
	while (n < 9 && (args[n] = va_arg(ap, const char *)))
		n++;
	va_end(ap);
	args[n] = NULL;
	return lang_fill(buf, buflen, web_text(req, key), args);
}

/* ---- request data ---- */

NEOERR *web_field(web_request *req, const char *name, const char **value)
{
	HDF *obj = hdf_get_obj(hdf_get_obj(req->hdf, "Query"), name);

	*value = NULL;
	/* A repeated field becomes a node with children in the cgi kit: which of
	 * its values was meant cannot be known, so neither is taken. */
	if (obj && hdf_obj_child(obj))
	{
		char msg[512];

		return nerr_raise(WEB_ERR_BAD_REQUEST, "%s",
				  web_text_fill(req, msg, sizeof(msg), "Text.Common.Error.FieldTwice",
						name, NULL));
	}
	if (obj)
		*value = hdf_obj_value(obj);
	return STATUS_OK;
}

const char *web_cookie(web_request *req, const char *name)
{
	HDF *cookies = hdf_get_obj(req->hdf, "Cookie");
	char wire[128];

	/* Over https only the prefixed name counts: one without the prefix may
	 * have been set over plain HTTP by anyone on the way. */
	return cookies ? hdf_get_value(cookies, cookie_wire_name(name, wire, sizeof(wire)), NULL)
		       : NULL;
}

const char *web_remote_addr(web_request *req)
{
	return hdf_get_value(req->hdf, "CGI.RemoteAddress", "");
}

#define CSRF_COOKIE "masakari_csrf"

static int is_hex_token(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n != 32)
		return 0;
	return strspn(s, "0123456789abcdef") == n;
}

NEOERR *web_csrf_token(web_request *req, const char **token)
{
	const char *have = web_cookie(req, CSRF_COOKIE);
	unsigned char raw[16];
	char hex[33], wire[128];
	NEOERR *err;

	if (!is_hex_token(have)) {
		if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
			return nerr_raise_errno(NERR_SYSTEM, "getrandom");
		for (size_t i = 0; i < sizeof(raw); i++)
			snprintf(hex + 2 * i, 3, "%02x", raw[i]);
		err = web_cookie_set(req, CSRF_COOKIE, hex, 0);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Cookie.%s=%s",
					     cookie_wire_name(CSRF_COOKIE, wire, sizeof(wire)), hex);
		if (err)
			return nerr_pass(err);
		have = web_cookie(req, CSRF_COOKIE);
	}
	*token = have;
	return nerr_pass(hdf_set_value(req->hdf, "Page.CsrfToken", have));
}

NEOERR *web_csrf_check(web_request *req)
{
	const char *cookie = web_cookie(req, CSRF_COOKIE);
	const char *field;
	unsigned diff = 0;
	NEOERR *err = web_field(req, "csrf_token", &field);

	if (err)
		return nerr_pass(err);
	if (!is_hex_token(cookie) || !field || strlen(field) != 32)
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Common.Error.Csrf"));
	for (size_t i = 0; i < 32; i++)
		diff |= (unsigned)(cookie[i] ^ field[i]);
	if (diff)
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Common.Error.Csrf"));
	return STATUS_OK;
}

/* ---- database ---- */

/* The visitor's language for the texts of errors raised without a request
 * at hand (web_db_error): the request being served, one at a time. */
static enum lang_id web_current_lang;

NEOERR *web_db(web_request *req, db_t **out)
{
	if (db_connect(web_dbh) != 0) {
		log_warn("%s", db_error(web_dbh));
		return nerr_raise(WEB_ERR_DB_DOWN, "%s", web_text(req, "Text.Common.Error.DbDown"));
	}
	*out = web_dbh;
	return STATUS_OK;
}

NEOERR *web_db_error(db_t *db, const char *what)
{
	if (db_is_full(db)) {
		log_error("%s: the database has no room left to write (disk full?): %s", what,
			  db_error(db));
		return nerr_raise(WEB_ERR_DB_DOWN, "%s",
				  lang_text(web_current_lang, "Text.Common.Error.DbFull"));
	}
	log_error("%s: %s", what, db_error(db));
	if (db_is_outage(db))
		return nerr_raise(WEB_ERR_DB_DOWN, "%s",
				  lang_text(web_current_lang, "Text.Common.Error.DbDown"));
	return nerr_raise(NERR_DB, "%s: %s", what, db_error(db));
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

/* ---- error pages ---- */

static int error_status(NEOERR *err)
{
	if (nerr_match(err, WEB_ERR_BAD_REQUEST))
		return 400;
	if (nerr_match(err, WEB_ERR_FORBIDDEN))
		return 403;
	if (nerr_match(err, WEB_ERR_NOT_FOUND))
		return 404;
	if (nerr_match(err, WEB_ERR_TOO_MANY))
		return 429;
	if (nerr_match(err, WEB_ERR_DB_DOWN))
		return 503;
	return 500;
}

static const char *error_message(NEOERR *err)
{
	while (err && err != INTERNAL_ERR && err->error == NERR_PASS && err->next)
		err = err->next;
	return (err && err != INTERNAL_ERR) ? err->desc : "";
}

/* Answers with the error page for status; message is shown to the visitor. */
static void send_error(web_request *req, int status, const char *message)
{
	NEOERR *err;

	req->status = status;
	if (strncmp(req->path, "/api/", 5) == 0) {
		json_t *body = json_pack("{s:i,s:s}", "status", status, "error", message);

		err = body ? web_json(req, status, body) : nerr_raise(NERR_NOMEM, "json");
	} else {
		char key[64];

		snprintf(key, sizeof(key), "Text.Common.Status.S%d", status);
		err = hdf_set_int_value(req->hdf, "Error.Status", status);
		/* The reason phrase in the visitor's language where the catalog has one. */
		if (!err)
			err = hdf_set_value(req->hdf, "Error.Reason",
					    hdf_get_value(lang_catalog(req->lang), key, reason_phrase(status)));
		if (!err)
			err = hdf_set_value(req->hdf, "Error.Message", message);
		if (!err)
			err = web_render(req, "error.cs");
	}
	if (err) {
		/* The error page itself failed: fall back to plain text. */
		log_error("error page failed for %d", status);
		nerr_ignore(&err);
		cgiwrap_writef("Status: %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
			       "X-Content-Type-Options: nosniff\r\n\r\n%d %s\n%s\n",
			       status, reason_phrase(status), status, reason_phrase(status), message);
	}
}

static void report_failure(web_request *req, NEOERR *err)
{
	int status = error_status(err);

	if (status >= 500 && status != 503) {
		STRING trace;

		string_init(&trace);
		nerr_error_traceback(err, &trace);
		log_error("%s %s failed: %s", req->method, req->path, trace.buf ? trace.buf : "");
		string_clear(&trace);
		send_error(req, status, web_text(req, "Text.Common.Error.Internal"));
	} else {
		send_error(req, status, error_message(err));
	}
	nerr_ignore(&err);
}

/* ---- languages ---- */

/* The query string without its lang parameters, into out (empty if none). */
static NEOERR *query_without_lang(const char *query, STRING *out)
{
	NEOERR *err = STATUS_OK;

	for (const char *p = query; p && *p && !err;) {
		const char *end = strchr(p, '&');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n && !(n >= 4 && strncmp(p, "lang", 4) == 0 && (n == 4 || p[4] == '=')))
			err = out->len ? string_appendf(out, "&%.*s", (int)n, p)
				       : string_appendn(out, p, (int)n);
		p = end ? end + 1 : NULL;
	}
	return nerr_pass(err);
}

/* The request's own path as the browser sent it (still percent-encoded),
 * made safe to send back as a Location: one leading slash, so "//host/"
 * or "/\host/" can never become another site. */
static const char *request_raw_path(web_request *req, char *buf, size_t buflen)
{
	const char *uri = hdf_get_value(req->hdf, "CGI.RequestURI", req->path);
	size_t n = strcspn(uri, "?#");

	while (n && (*uri == '/' || *uri == '\\'))
		uri++, n--;
	if (n + 2 > buflen)
		n = 0;
	snprintf(buf, buflen, "/%.*s", (int)n, uri);
	return buf;
}

/* The switch on every page: Page.LangSwitch.ja / .en, this page in the
 * other language (a GET; after a POST, the page given in Page.SwitchPath or
 * the hall, since the form's address answers only POST). */
static NEOERR *language_switch_links(web_request *req)
{
	char path[2048];
	NEOERR *err = STATUS_OK;
	STRING query;

	string_init(&query);
	if (strcmp(req->method, "GET") == 0) {
		request_raw_path(req, path, sizeof(path));
		err = query_without_lang(hdf_get_value(req->hdf, "CGI.QueryString", ""), &query);
	} else {
		snprintf(path, sizeof(path), "%s", hdf_get_value(req->hdf, "Page.SwitchPath", "/"));
	}
	for (int l = 0; !err && l < LANG_COUNT; l++)
		err = hdf_set_valuef(req->hdf, "Page.LangSwitch.%s=%s?%s%slang=%s",
				     lang_name((enum lang_id)l), path, query.buf ? query.buf : "",
				     query.len ? "&" : "", lang_name((enum lang_id)l));
	string_clear(&query);
	return nerr_pass(err);
}

/* "?lang=ja|en" on a GET: keeps the choice in the cookie and sends the
 * visitor back to the same address without the parameter. Sets *done when
 * it answered. Anything but ja or en is a 400 saying which ones exist. */
static NEOERR *language_switch(web_request *req, int *done)
{
	const char *want;
	char path[2048];
	STRING location;
	NEOERR *err;
	int lang;

	*done = 0;
	if (strcmp(req->method, "GET") != 0 || !hdf_get_obj(req->hdf, "Query.lang"))
		return STATUS_OK;
	err = web_field(req, "lang", &want);
	if (err)
		return nerr_pass(err);
	lang = lang_parse(want);
	if (lang < 0)
		return nerr_raise(WEB_ERR_BAD_REQUEST, "%s", web_text(req, "Text.Common.Error.Language"));
	string_init(&location);
	err = string_append(&location, request_raw_path(req, path, sizeof(path)));
	if (!err) {
		STRING query;

		string_init(&query);
		err = query_without_lang(hdf_get_value(req->hdf, "CGI.QueryString", ""), &query);
		if (!err && query.len)
			err = string_appendf(&location, "?%s", query.buf);
		string_clear(&query);
	}
	if (!err)
		err = web_cookie_set(req, LANG_COOKIE, lang_name((enum lang_id)lang), LANG_COOKIE_AGE);
	if (!err)
		err = web_redirect(req, 302, location.buf);
	string_clear(&location);
	*done = !err;
	return nerr_pass(err);
}

/* ---- the loop ---- */

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
		err = security_headers(req);
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
			if (!err && moderation_is_operator(req->settings, who.github_id, who.verified, who.linked))
				err = hdf_set_value(req->hdf, "Page.Operator", "1");
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
		report_failure(req, err);
		return;
	}
	/* No form here uploads files, and the cgi kit's multipart parser reads
	 * through a NULL boundary when the Content-Type's is malformed (found by
	 * tests/fuzz/fuzz_web_form): such a body is refused before it is read. */
	ctype = hdf_get_value(req->hdf, "CGI.ContentType", NULL);
	if (ctype && strncasecmp(ctype, "multipart/", 10) == 0) {
		send_error(req, 415, web_text(req, "Text.Common.Error.Multipart"));
		return;
	}
	err = cgi_parse(req->cgi);
	if (!err)
		err = language_switch(req, &answered);
	if (err || answered) {
		if (err)
			report_failure(req, err);
		return;
	}
	route = route_find(app->routes, req, scratch, sizeof(scratch), &known);
	if (!route) {
		if (known) {
			nerr_ignore(&err);
			send_error(req, 405, web_text(req, "Text.Common.Error.Method"));
		} else {
			send_error(req, 404, web_text(req, "Text.Common.Error.NoPage"));
		}
		return;
	}
	if (route->flags & WEB_CACHED)
		req->cache_key = cache_key;
	err = route->handler(req);
	req->cache_key = NULL;
	if (err)
		report_failure(req, err);
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

	if (page_cache_ttl <= 0 || strcmp(method, "GET") != 0 || (query && *query))
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

/* ---- workers ----
 *
 * The process started on the listening socket (fd 0, from spawn-fcgi or a
 * systemd socket unit) forks Web.Workers.<program> workers that all accept on
 * it, and starts a new one whenever one dies, so a crash costs one request and
 * not the program. SIGTERM stops the workers, then the supervisor. */

#define WEB_MAX_WORKERS 64

static volatile sig_atomic_t web_stopping;

static void web_on_stop(int sig)
{
	(void)sig;
	web_stopping = 1;
}

static int web_serve(const struct web_app *app);

static pid_t web_spawn_worker(const struct web_app *app)
{
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		_exit(web_serve(app));
	}
	if (pid < 0)
		log_error("cannot fork a worker: %s", strerror(errno));
	return pid;
}

static int web_supervise(const struct web_app *app, int workers)
{
	pid_t pids[WEB_MAX_WORKERS];
	struct sigaction sa = { .sa_handler = web_on_stop };
	time_t last_death = 0;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (int i = 0; i < workers; i++)
		pids[i] = web_spawn_worker(app);
	while (!web_stopping) {
		int status;
		pid_t dead = waitpid(-1, &status, 0);

		if (dead < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < workers; i++) {
			if (pids[i] != dead)
				continue;
			if (WIFSIGNALED(status))
				log_error("worker %d died of signal %d; starting another", (int)dead,
					  WTERMSIG(status));
			else
				log_error("worker %d exited with %d; starting another", (int)dead,
					  WEXITSTATUS(status));
			/* A worker that cannot start at all must not spin the CPU. */
			if (time(NULL) - last_death < 1)
				sleep(1);
			last_death = time(NULL);
			pids[i] = web_stopping ? -1 : web_spawn_worker(app);
		}
	}
	for (int i = 0; i < workers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	return 0;
}

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
	page_cache_ttl = web_settings.cache_pages_seconds;
	dot = strchr(app->name, '.');
	snprintf(key, sizeof(key), "Web.Workers.%.*s", dot ? (int)(dot - app->name) : (int)strlen(app->name),
		 app->name);
	workers = settings_find(key) ? settings_int_of(&web_settings, settings_find(key)) : 2;
	signal(SIGPIPE, SIG_IGN);
	/* 0 workers: serve in this process (for a debugger). */
	return workers > 0 ? web_supervise(app, (int)workers) : web_serve(app);
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
		web_request req = { .config = web_config, .settings = &web_settings, .status = 200 };
		const char *method = FCGX_GetParam("REQUEST_METHOD", fr.envp);
		const char *path = FCGX_GetParam("DOCUMENT_URI", fr.envp);

		const struct page_cache_entry *cached;
		char *cache_key;

		req.method = (method && strcmp(method, "HEAD") == 0) ? "GET" : (method ? method : "GET");
		req.path = (path && *path == '/') ? path : "/";
		cache_key = cache_key_for(app, &fr, req.method, req.path);
		if (cache_key && (cached = page_cache_lookup(cache_key))) {
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
