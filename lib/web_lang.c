/* web_lang.c — the language switch: "?lang=ja|en" on any GET keeps the
 * choice in a cookie and sends the visitor back without the parameter, and
 * every page links itself in each language (Page.LangSwitch.*). */
#include "web_internal.h"

#include <stdio.h>
#include <string.h>

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
NEOERR *web_lang_switch_links(web_request *req)
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
NEOERR *web_lang_switch(web_request *req, int *done)
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
