/* web_response.c — what goes back to the browser: the status, header lines
 * (the security headers every response carries among them), and the one
 * writer, response_send, under web_render, web_redirect and web_json. A
 * response to a WEB_CACHED route is also kept whole (web_cache.c). */
#include "web_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *web_reason_phrase(int status)
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
NEOERR *web_security_headers(web_request *req)
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

/* Every response goes through here: the status, the cgiout.other.* header
 * lines, the content type, then the body. */
static NEOERR *response_send(web_request *req, const char *ctype, const char *body, size_t len)
{
	HDF *other = hdf_get_obj(req->hdf, "cgiout.other");
	const char *location = hdf_get_value(req->hdf, "cgiout.Location", NULL);
	int cookie = 0;
	STRING out;
	NEOERR *err;

	string_init(&out);
	err = string_appendf(&out, "Status: %d %s\r\n", req->status, web_reason_phrase(req->status));
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
		err = string_appendf(&out, "X-Accel-Expires: %ld\r\n", web_cache_ttl);
	if (!err)
		err = string_appendf(&out, "Content-Type: %s; charset=utf-8\r\n\r\n", ctype);
	if (!err && len)
		err = string_appendn(&out, body, (int)len);
	if (!err)
		err = cgiwrap_write(out.buf, out.len);
	/* Only a plain success that hands out no cookie is the same for the next visitor. */
	if (!err && req->cache_key && req->status == 200 && !cookie)
		web_cache_store(req->cache_key, &out);
	string_clear(&out);
	return nerr_pass(err);
}

static NEOERR *render_to_string(void *ctx, char *buf)
{
	return nerr_pass(string_append((STRING *)ctx, buf));
}

NEOERR *web_render(web_request *req, const char *template_name)
{
	CSPARSE *cs = NULL;
	STRING page;
	NEOERR *err;

	string_init(&page);
	err = web_lang_switch_links(req);
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
