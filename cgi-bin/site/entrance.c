/* entrance.c — "/": the GitHub ID form, and the hall once the visitor has one. */
#include "site.h"

#include <string.h>

#include "exhibit_store.h"
#include "github.h"
#include "utf8.h"

#define GITHUB_ID_COOKIE_AGE (365L * 24 * 3600)

static NEOERR *entrance_form_render(web_request *req, const char *value, const char *problem)
{
	const char *token;
	NEOERR *err = web_csrf_token(req, &token);

	if (!err && value)
		err = hdf_set_value(req->hdf, "Form.GithubId", value);
	if (!err && problem)
		err = hdf_set_value(req->hdf, "Form.Problem", problem);
	if (!err)
		err = web_render(req, "site/entrance.cs");
	return nerr_pass(err);
}

NEOERR *entrance_page_render(web_request *req)
{
	const char *id = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	const char *change;
	NEOERR *err = web_field(req, "change", &change);

	if (err)
		return nerr_pass(err);
	if (!id || change)
		return nerr_pass(entrance_form_render(req, id, NULL));
	err = exhibit_store_copy_all(req, "Exhibits");
	if (!err)
		err = web_render(req, "site/hall.cs");
	return nerr_pass(err);
}

NEOERR *entrance_form_submit(web_request *req)
{
	const char *id, *problem;
	NEOERR *err = web_csrf_check(req);
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
	if (err)
		return nerr_pass(err);
	if (db_exec(db, "INSERT INTO visitors (github_id) VALUES (?) ON DUPLICATE KEY UPDATE "
			"last_seen = CURRENT_TIMESTAMP, entries = entries + 1", DB_TEXT(id)) < 0)
		return web_db_error(db, "recording the visitor");
	err = web_cookie_set(req, "github_id", id, GITHUB_ID_COOKIE_AGE);
	if (!err)
		err = web_redirect(req, 303, "/");
	return nerr_pass(err);
}
