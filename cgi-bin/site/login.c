/* login.c — "Sign in with GitHub", where GitHub.ClientId is set: GitHub's
 * authorization code flow.
 *
 *   POST /login/github           (CSRF token) a random state in a cookie,
 *                                then to GitHub
 *   GET  /login/github/callback  the state checked and spent, the code
 *                                exchanged for a token, the token's user
 *                                read: that ID is given to this browser,
 *                                verified and bound to the account's numeric
 *                                id, taken from whoever held it
 *                                (lib/identity.h); an ID or address the
 *                                operators banned is refused (403)
 *   POST /logout                 (CSRF token) the browser lets its ID go
 *
 * Starting is a POST with the CSRF token so that another site cannot sign a
 * visitor in as an account of its choosing: a GitHub user who authorised the
 * app once is sent straight back by GitHub, so a cross-site GET alone would
 * complete a sign-in. The callback refuses a state that is not this
 * browser's, and a code that cannot be one, before anything is sent to
 * GitHub, so a junk callback does not hold a worker; each request to GitHub
 * waits at most GitHub.TimeoutMs. Every failure is an error page that says
 * what happened and what to do. */
#define _GNU_SOURCE
#include "site.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "ban_notice.h"
#include "identity.h"
#include "lang.h"
#include "log.h"
#include "oauth.h"

#define STATE_COOKIE "oauth_state"
#define STATE_COOKIE_AGE 600L
#define ANSWER_MAX (64 * 1024)

static int configured(const web_request *req)
{
	return req->settings->github_client_id && *req->settings->github_client_id &&
	       req->settings->github_client_secret && *req->settings->github_client_secret;
}

/* An error page: status, the reason phrase, and the sentence message. */
static NEOERR *login_error_page(web_request *req, int status, const char *message)
{
	char reason[64];
	NEOERR *err;

	snprintf(reason, sizeof(reason), "Text.Common.Status.S%d", status);
	web_status(req, status);
	err = hdf_set_int_value(req->hdf, "Error.Status", status);
	if (!err)
		err = hdf_set_value(req->hdf, "Error.Reason", web_text(req, reason));
	if (!err)
		err = hdf_set_value(req->hdf, "Error.Message", message);
	if (!err)
		err = web_render(req, "error.cs");
	return nerr_pass(err);
}

/* The error page with the catalog's sentence at key. */
static NEOERR *login_error(web_request *req, int status, const char *key)
{
	return nerr_pass(login_error_page(req, status, web_text(req, key)));
}

/* The address GitHub sends the visitor back to. */
static void callback_url(const web_request *req, char *buf, size_t len)
{
	const char *base = req->settings->site_base_url ? req->settings->site_base_url : "";
	size_t n = strlen(base);

	while (n && base[n - 1] == '/')
		n--;
	snprintf(buf, len, "%.*s/login/github/callback", (int)n, base);
}

NEOERR *site_login_github(web_request *req)
{
	unsigned char raw[16];
	char state[33], redirect[600], *location = NULL, *client, *back;
	CURL *curl;
	NEOERR *err;

	if (!configured(req))
		return nerr_pass(login_error(req, 404, "Text.Site.Login.NotConfigured"));
	err = web_csrf_check(req);
	if (err)
		return nerr_pass(err);
	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return nerr_raise_errno(NERR_SYSTEM, "getrandom");
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(state + 2 * i, 3, "%02x", raw[i]);
	callback_url(req, redirect, sizeof(redirect));
	curl = curl_easy_init();
	if (!curl)
		return nerr_raise(NERR_NOMEM, "curl");
	client = curl_easy_escape(curl, req->settings->github_client_id, 0);
	back = curl_easy_escape(curl, redirect, 0);
	if (client && back &&
	    asprintf(&location, "%s?client_id=%s&redirect_uri=%s&state=%s&allow_signup=false",
		     req->settings->github_authorize_url, client, back, state) < 0)
		location = NULL;
	curl_free(client);
	curl_free(back);
	curl_easy_cleanup(curl);
	if (!location)
		return nerr_raise(NERR_NOMEM, "the authorize address");
	err = web_cookie_set(req, STATE_COOKIE, state, STATE_COOKIE_AGE);
	if (!err)
		err = web_header(req, "Cache-Control", "no-store");
	if (!err)
		err = web_redirect(req, 302, location);
	free(location);
	return nerr_pass(err);
}

struct answer {
	char *buf;
	size_t len;
	int too_big;
};

static size_t answer_append(char *data, size_t size, size_t n, void *userp)
{
	struct answer *a = userp;
	size_t add = size * n;
	char *grown;

	if (a->len + add > ANSWER_MAX) {
		a->too_big = 1;
		return 0;
	}
	grown = realloc(a->buf, a->len + add + 1);
	if (!grown)
		return 0;
	a->buf = grown;
	memcpy(a->buf + a->len, data, add);
	a->len += add;
	a->buf[a->len] = '\0';
	return add;
}

enum ask_result { ASK_OK, ASK_TIMEOUT, ASK_FAILED };

/* One request to GitHub: a POST when form is set, else a GET; a 200 is
 * ASK_OK with its body in *out (free it). */
static enum ask_result ask(const web_request *req, const char *url, const char *form,
			   const char *bearer, struct answer *out)
{
	struct curl_slist *headers = NULL;
	char auth[OAUTH_TOKEN_MAX + 32];
	long status = 0;
	CURLcode rc;
	CURL *curl = curl_easy_init();

	memset(out, 0, sizeof(*out));
	if (!curl)
		return ASK_FAILED;
	headers = curl_slist_append(headers, "Accept: application/json");
	if (bearer) {
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", bearer);
		headers = curl_slist_append(headers, auth);
	}
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	if (form)
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, answer_append);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, req->settings->github_timeout_ms);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, req->settings->github_timeout_ms);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "masakari-exhibition");
	rc = curl_easy_perform(curl);
	if (rc == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	if (rc != CURLE_OK || status != 200) {
		log_warn("sign-in: %s answered %ld (%s)", url, status,
			 rc == CURLE_OK ? "not 200" : curl_easy_strerror(rc));
		free(out->buf);
		out->buf = NULL;
		return rc == CURLE_OPERATION_TIMEDOUT ? ASK_TIMEOUT : ASK_FAILED;
	}
	return ASK_OK;
}

/* The token endpoint: the authorize address with "access_token" for its
 * last segment (github.com/login/oauth/authorize → …/access_token). */
static void token_url(const web_request *req, char *buf, size_t len)
{
	const char *a = req->settings->github_authorize_url;
	const char *slash = strrchr(a, '/');

	snprintf(buf, len, "%.*s/access_token", (int)(slash ? slash - a : (long)strlen(a)), a);
}

NEOERR *site_login_github_callback(web_request *req)
{
	const char *state, *code, *denied, *expected;
	char url[700], redirect[600], token[OAUTH_TOKEN_MAX + 1], refusal[64];
	char login[GITHUB_ID_MAX + 1], secret[IDENTITY_SECRET_LEN + 1], ban[512];
	long long user_id;
	char *form = NULL, *e_client, *e_secret, *e_code, *e_back;
	struct answer a;
	enum ask_result asked;
	enum oauth_result read;
	CURL *curl;
	int banned;
	db_t *db;
	NEOERR *err;

	if (!configured(req))
		return nerr_pass(login_error(req, 404, "Text.Site.Login.NotConfigured"));
	err = web_field(req, "state", &state);
	if (!err)
		err = web_field(req, "code", &code);
	if (!err)
		err = web_field(req, "error", &denied);
	if (err)
		return nerr_pass(err);
	/* The state is spent whatever comes of the callback: a second try
	 * starts again from the entrance. */
	expected = web_cookie(req, STATE_COOKIE);
	if (expected && *expected && (err = web_cookie_set(req, STATE_COOKIE, "", 1)) != NULL)
		return nerr_pass(err);
	if (!oauth_state_matches(state, expected))
		return nerr_pass(login_error(req, 403, "Text.Site.Login.BadState"));
	if (denied)
		return nerr_pass(login_error(req, 403, "Text.Site.Login.Denied"));
	if (!oauth_code_plausible(code))
		return nerr_pass(login_error(req, 400, "Text.Site.Login.NoCode"));

	curl = curl_easy_init();
	if (!curl)
		return nerr_raise(NERR_NOMEM, "curl");
	callback_url(req, redirect, sizeof(redirect));
	e_client = curl_easy_escape(curl, req->settings->github_client_id, 0);
	e_secret = curl_easy_escape(curl, req->settings->github_client_secret, 0);
	e_code = curl_easy_escape(curl, code, 0);
	e_back = curl_easy_escape(curl, redirect, 0);
	if (e_client && e_secret && e_code && e_back &&
	    asprintf(&form, "client_id=%s&client_secret=%s&code=%s&redirect_uri=%s",
		     e_client, e_secret, e_code, e_back) < 0)
		form = NULL;
	curl_free(e_client);
	curl_free(e_secret);
	curl_free(e_code);
	curl_free(e_back);
	curl_easy_cleanup(curl);
	if (!form)
		return nerr_raise(NERR_NOMEM, "the token request");
	token_url(req, url, sizeof(url));
	asked = ask(req, url, form, NULL, &a);
	free(form);
	if (asked != ASK_OK)
		return nerr_pass(login_error(req, 503, asked == ASK_TIMEOUT ? "Text.Site.Login.Slow"
									   : "Text.Site.Login.Unavailable"));
	read = oauth_token_parse(a.buf, a.len, token, refusal, sizeof(refusal));
	free(a.buf);
	if (read == OAUTH_REFUSED) {
		log_warn("sign-in: GitHub refused the code: %s", refusal);
		return nerr_pass(login_error(req, 403, "Text.Site.Login.Refused"));
	}
	if (read != OAUTH_OK)
		return nerr_pass(login_error(req, 503, "Text.Site.Login.Garbage"));

	snprintf(url, sizeof(url), "%s/user", req->settings->github_api_url);
	asked = ask(req, url, NULL, token, &a);
	if (asked != ASK_OK)
		return nerr_pass(login_error(req, 503, asked == ASK_TIMEOUT ? "Text.Site.Login.Slow"
									   : "Text.Site.Login.Unavailable"));
	read = oauth_user_parse(a.buf, a.len, login, &user_id);
	free(a.buf);
	if (read != OAUTH_OK)
		return nerr_pass(login_error(req, 503, "Text.Site.Login.Garbage"));

	err = web_db(req, &db);
	if (!err)
		err = ban_notice_check(req, db, login, ban, sizeof(ban), &banned);
	if (err)
		return nerr_pass(err);
	/* Proving a banned ID does not let it in: nothing is given or taken. */
	if (banned) {
		log_info("sign-in: %s is banned, refused", login);
		return nerr_pass(login_error_page(req, 403, ban));
	}
	if (identity_grant(db, login, user_id, web_cookie(req, IDENTITY_COOKIE), secret) != 0)
		return web_db_error(db, "giving the signed-in visitor their ID");
	if (db_exec(db, "INSERT INTO visitors (github_id) VALUES (?) ON DUPLICATE KEY UPDATE "
			"last_seen = CURRENT_TIMESTAMP, entries = entries + 1", DB_TEXT(login)) < 0)
		return web_db_error(db, "recording the visitor");
	log_info("sign-in: %s (GitHub account %lld) signed in with GitHub", login, user_id);
	err = web_cookie_set(req, IDENTITY_COOKIE, secret, req->settings->identity_hold_days * 86400L);
	if (!err)
		err = web_redirect(req, 303, "/");
	return nerr_pass(err);
}

NEOERR *site_login_logout(web_request *req)
{
	NEOERR *err = web_csrf_check(req);
	db_t *db;

	if (!err)
		err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	if (identity_release(db, web_cookie(req, IDENTITY_COOKIE)) != 0)
		return web_db_error(db, "signing the visitor out");
	err = web_cookie_set(req, IDENTITY_COOKIE, "", 1);
	if (!err)
		err = web_redirect(req, 303, "/");
	return nerr_pass(err);
}
