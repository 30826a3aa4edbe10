/* entrance.c — "/": the GitHub ID form; once the visitor has an ID, the hall
 * (hall.c). Entering claims the ID for this browser (lib/identity.h): the
 * secret goes in the identity cookie, and a browser that does not hold an ID
 * another one holds is refused (409), as is an ID or address the operators
 * banned (403, saying until when: lib/ban_notice.h). */
#include "site.h"

#include <stdio.h>
#include <string.h>

#include "ban_notice.h"
#include "github.h"
#include "identity.h"
#include "log.h"
#include "utf8.h"

static NEOERR *entrance_form_render(web_request *req, const char *value, const char *problem)
{
	const char *token;
	NEOERR *err = web_csrf_token(req, &token);

	if (!err && value)
		err = hdf_set_value(req->hdf, "Form.GithubId", value);
	/* Where an OAuth app is configured, signing in with GitHub proves the ID. */
	if (!err && req->settings->github_client_id && *req->settings->github_client_id)
		err = hdf_set_value(req->hdf, "Form.SignIn", "1");
	if (!err && problem)
		err = hdf_set_value(req->hdf, "Form.Problem", problem);
	if (!err)
		err = web_render(req, "site/entrance.cs");
	return nerr_pass(err);
}

NEOERR *site_entrance_render(web_request *req)
{
	const char *id = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	const char *change;
	NEOERR *err = web_field(req, "change", &change);

	if (err)
		return nerr_pass(err);
	if (!id || change)
		return nerr_pass(entrance_form_render(req, id, NULL));
	return nerr_pass(site_hall_render(req));
}

NEOERR *site_entrance_submit(web_request *req)
{
	const char *id, *problem;
	char secret[IDENTITY_SECRET_LEN + 1], problem_buf[512], back_buf[512];
	enum identity_claim_result held;
	NEOERR *err = web_csrf_check(req);
	int banned;
	db_t *db;

	if (!err)
		err = web_field(req, "github_id", &id);
	if (err)
		return nerr_pass(err);
	problem = github_id_problem_key(id);
	if (problem) {
		web_status(req, 400);
		/* Echo back only what can be shown: short, well-formed text. */
		if (id && (strlen(id) > 100 || !utf8_valid(id, strlen(id))))
			id = NULL;
		return nerr_pass(entrance_form_render(req, id, web_text(req, problem)));
	}
	err = web_db(req, &db);
	if (!err)
		err = ban_notice_check(req, db, id, problem_buf, sizeof(problem_buf), &banned);
	if (err)
		return nerr_pass(err);
	if (banned) {
		web_status(req, 403);
		return nerr_pass(entrance_form_render(req, id, problem_buf));
	}
	held = identity_claim(db, id, web_cookie(req, IDENTITY_COOKIE),
			      req->settings->identity_hold_days, secret);
	if (held == IDENTITY_ERROR)
		return web_db_error(db, "claiming the visitor's ID");
	if (held == IDENTITY_HELD) {
		char days[24];

		web_status(req, 409);
		snprintf(days, sizeof(days), "%ld", req->settings->identity_hold_days);
		web_text_fill(req, problem_buf, sizeof(problem_buf), "Text.Site.Entrance.Held", id, NULL);
		web_text_fill(req, back_buf, sizeof(back_buf),
			      req->settings->github_client_id && *req->settings->github_client_id
				      ? "Text.Site.Entrance.HeldSignIn" : "Text.Site.Entrance.HeldBack",
			      days, NULL);
		err = hdf_set_value(req->hdf, "Form.HowBack", back_buf);
		if (err)
			return nerr_pass(err);
		return nerr_pass(entrance_form_render(req, id, problem_buf));
	}
	if (db_exec(db, "INSERT INTO visitors (github_id) VALUES (?) ON DUPLICATE KEY UPDATE "
			"last_seen = CURRENT_TIMESTAMP, entries = entries + 1", DB_TEXT(id)) < 0)
		return web_db_error(db, "recording the visitor");
	err = web_cookie_set(req, IDENTITY_COOKIE, secret, req->settings->identity_hold_days * 86400L);
	if (!err)
		err = web_redirect(req, 303, "/");
	return nerr_pass(err);
}
