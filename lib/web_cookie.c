/* web_cookie.c — cookies written (web_cookie_set, the one writer: HttpOnly,
 * SameSite=Lax, Secure and __Host- over https) and read (web_cookie), and the
 * CSRF token a form repeats from its cookie. */
#define _GNU_SOURCE
#include "web_internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

/* Site.BaseUrl is https: cookies are Secure and named with the __Host- prefix,
 * which browsers accept only from a secure origin, for Path=/ and no Domain,
 * so a plain-HTTP page or a sibling host cannot plant one. */
int web_cookie_secure;
#define WEB_SECURE_COOKIE_PREFIX "__Host-"

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

const char *web_cookie(web_request *req, const char *name)
{
	HDF *cookies = hdf_get_obj(req->hdf, "Cookie");
	char wire[128];

	/* Over https only the prefixed name counts: one without the prefix may
	 * have been set over plain HTTP by anyone on the way. */
	return cookies ? hdf_get_value(cookies, cookie_wire_name(name, wire, sizeof(wire)), NULL)
		       : NULL;
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
