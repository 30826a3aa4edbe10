/* fuzz_web_form.c — a request as nginx hands it to a FastCGI program, parsed
 * by the cgi kit through lib/web.c's own emulation hooks: method, path, query
 * string, cookie header, content type and body all come from the input. Any
 * request reaches a route or none, and every field is one value or a 400.
 *
 * The file includes lib/web.c to reach its static hooks (the CONTENT_TYPE
 * rule, the environment iterator) and its route matcher. */
#include "../../lib/web.c"

#include "fuzz.h"

static int handled;

/* Every route's handler: reads the fields and the cookie as the pages do. */
static NEOERR *fuzz_handler(web_request *req)
{
	static const char *const fields[] = { "critique", "csrf_token", "github_id", "exhibit" };
	const char *value;
	NEOERR *err;

	handled = 1;
	FUZZ_CHECK(req->nparams >= 0 && req->nparams <= WEB_MAX_PARAMS);
	for (int i = 0; i < req->nparams; i++)
		FUZZ_CHECK(req->params[i] && req->params[i][0] && !strchr(req->params[i], '/'));
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		err = web_field(req, fields[i], &value);
		if (err) {
			FUZZ_CHECK(nerr_match(err, WEB_ERR_BAD_REQUEST) && value == NULL);
			nerr_ignore(&err);
		}
	}
	(void)web_cookie(req, "github_id");
	FUZZ_CHECK(web_remote_addr(req) != NULL);
	/* The CSRF check's refusal goes out as the error page, as in a page. */
	return nerr_pass(web_csrf_check(req));
}

static const struct web_route fuzz_routes[] = {
	{ "GET", "/", fuzz_handler, WEB_CACHED },
	{ "POST", "/", fuzz_handler, 0 },
	{ "GET", "/exhibits/*", fuzz_handler, WEB_CACHED },
	{ "GET", "/exhibits/*/go", fuzz_handler, 0 },
	{ "GET", "/legacy/", fuzz_handler, 0 },
	{ "POST", "/masakari/throw", fuzz_handler, 0 },
	{ "GET", "/api/throws/*/*", fuzz_handler, 0 },
	{ NULL, NULL, NULL, 0 },
};
static const struct web_app fuzz_app = { "fuzz", fuzz_routes, NULL };

static const char *body;
static size_t body_len, body_at;

static int fuzz_read(void *data, char *buf, int len)
{
	size_t n = body_len - body_at;

	(void)data;
	if ((size_t)len < n)
		n = (size_t)len;
	memcpy(buf, body + body_at, n);
	body_at += n;
	return (int)n;
}

static int fuzz_writef(void *data, const char *fmt, va_list ap)
{
	(void)data;
	(void)fmt;
	(void)ap;
	return 0;
}

static int fuzz_write(void *data, const char *buf, int len)
{
	(void)data;
	(void)buf;
	return len;
}

/* The next line of the input, NUL-terminated in place (the copy is ours). */
static char *next_line(char **p, char *end)
{
	char *s = *p, *nl;

	if (s >= end)
		return "";
	nl = memchr(s, '\n', (size_t)(end - s));
	if (!nl)
		nl = end;
	*nl = '\0';
	*p = nl + 1;
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	char *copy = malloc(size + 1), *p = copy, *end = copy + size;
	char *env[8], *method, *uri, *cookie, *ctype, *query;
	char scratch[4096];
	web_request req = { .status = 200, .settings = &web_settings };
	FCGX_Request fr = { 0 };
	int n = 0;
	NEOERR *err;

	FUZZ_CHECK(copy);
	if (!ready) {
		err = register_errors();
		FUZZ_CHECK(err == STATUS_OK);
		web_templates = "templates";
		/* The settings' defaults, as a program reads them from an empty
		 * configuration. */
		err = hdf_init(&web_config);
		FUZZ_CHECK(err == STATUS_OK);
		settings_read(web_config, &web_settings);
		ready = 1;
	}
	memcpy(copy, data, size);
	copy[size] = '\0';
	/* method \n path?query \n cookie \n content type \n body */
	method = next_line(&p, end);
	uri = next_line(&p, end);
	cookie = next_line(&p, end);
	ctype = next_line(&p, end);
	body = p < end ? p : "";
	body_len = p < end ? (size_t)(end - p) : 0;
	body_at = 0;
	query = strchr(uri, '?');
	if (query)
		*query++ = '\0';
	if (asprintf(&env[n++], "REQUEST_METHOD=%s", method) < 0 ||
	    asprintf(&env[n++], "DOCUMENT_URI=%s", uri) < 0 ||
	    asprintf(&env[n++], "QUERY_STRING=%s", query ? query : "") < 0 ||
	    asprintf(&env[n++], "HTTP_COOKIE=%s", cookie) < 0 ||
	    asprintf(&env[n++], "CONTENT_TYPE=%s", ctype) < 0 ||
	    asprintf(&env[n++], "CONTENT_LENGTH=%zu", body_len) < 0 ||
	    asprintf(&env[n++], "REMOTE_ADDR=%s", "192.0.2.7") < 0)
		abort();
	env[n] = NULL;
	fr.envp = env;
	cgiwrap_init_emu(&fr, fuzz_read, fuzz_writef, fuzz_write, fcgi_getenv, fcgi_putenv,
			 fcgi_iterenv);

	/* As web_serve does it. */
	req.method = strcmp(method, "HEAD") == 0 ? "GET" : method;
	req.path = *uri == '/' ? uri : "/";
	err = cgi_init(&req.cgi, NULL);
	FUZZ_CHECK(err == STATUS_OK);
	req.hdf = req.cgi->hdf;
	handled = 0;
	request_handle(&fuzz_app, &req, NULL);
	/* A handler ran only for a route that has this path and method. */
	if (handled) {
		int known;

		FUZZ_CHECK(route_find(fuzz_routes, &req, scratch, sizeof(scratch), &known) && known);
	}
	cgi_destroy(&req.cgi);
	for (int i = 0; i < n; i++)
		free(env[i]);
	free(copy);
	return 0;
}
