/* throws.c — "/api/throws/<id>": one throw and its attack job as JSON, polled
 * by the throw page for live progress. */
#include "api.h"

#include "throws.h"

NEOERR *api_throw_render(web_request *req)
{
	long long id = throw_id_parse(req->params[0]);
	struct throw_view v;
	json_t *body;
	db_t *db;
	NEOERR *err;
	int found;

	if (id <= 0)
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s",
				  web_text(req, "Text.Masakari.Throw.NotANumber"));
	err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	found = throw_view_load(db, id, &v);
	if (found < 0)
		return web_db_error(db, "loading a throw");
	if (found == 0) {
		char msg[256], num[24];

		snprintf(num, sizeof(num), "%lld", id);
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s",
				  web_text_fill(req, msg, sizeof(msg), "Text.Masakari.Throw.NoSuch",
						num, NULL));
	}
	body = throw_view_json(&v);
	throw_view_free(&v);
	if (!body)
		return nerr_raise(NERR_NOMEM, "throw JSON");
	/* Progress changes every second: never serve it from a cache. */
	return nerr_pass(web_header(req, "Cache-Control", "no-store")) ?:
	       nerr_pass(web_json(req, 200, body));
}
