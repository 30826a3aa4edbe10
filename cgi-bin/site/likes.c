/* likes.c — "POST /exhibits/<slug>/like": a visitor likes a work, or takes
 * the like back; and the counts the list, the hall and the exhibit page show
 * (docs/EXHIBITS.md, Likes). One like per identity per work: liking twice is
 * still one like, so a form sent a hundred times changes the count by one at
 * most. The pages that show likes stay WEB_CACHED, keyed by the visitor's
 * cookies: a like sets LIKES_CHANGED_COOKIE anew, so the liker's next pages
 * are new keys, drawn fresh, in this program's cache and in nginx's. */
#include "site.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "exhibit_store.h"
#include "log.h"
#include "moderation.h"

/* Runs a query of like counts; NULL when the database is away or the query
 * failed (logged, as what). The counts are a garnish: without them the
 * works still show. */
static db_result *counts_query(web_request *req, const char *what, const char *sql,
			       const struct db_param *params, size_t n)
{
	db_result *r;
	db_t *db;
	NEOERR *err = web_db(req, &db);

	if (err) {
		nerr_ignore(&err);
		return NULL;
	}
	r = db_query_params(db, sql, params, n);
	if (!r)
		log_warn("%s: %s", what, db_error(db));
	return r;
}

NEOERR *likes_copy_counts(web_request *req, const char *prefix)
{
	NEOERR *err = STATUS_OK;
	db_result *r = counts_query(req, "counting likes",
				    "SELECT e.position, COUNT(l.github_id) FROM exhibits e "
				    "LEFT JOIN exhibit_likes l ON l.exhibit_id = e.id GROUP BY e.id, e.position",
				    DB_PARAMS_());

	if (!r)
		return STATUS_OK;
	for (unsigned i = 0; i < r->nrows && !err; i++)
		err = hdf_set_valuef(req->hdf, "%s.%s.Likes=%s", prefix, db_cell(r, i, 0),
				     db_cell(r, i, 1));
	db_result_free(r);
	return nerr_pass(err);
}

NEOERR *likes_copy_one(web_request *req, const char *slug, const char *prefix)
{
	const char *me = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	NEOERR *err;
	db_result *r = counts_query(req, "counting an exhibit's likes",
				    "SELECT COUNT(*), COALESCE(SUM(l.github_id = ?), 0) FROM exhibit_likes l "
				    "JOIN exhibits e ON e.id = l.exhibit_id WHERE e.slug = ?",
				    DB_PARAMS_(DB_TEXT(me ? me : ""), DB_TEXT(slug)));

	if (!r)
		return STATUS_OK;
	err = hdf_set_valuef(req->hdf, "%s.Likes=%s", prefix, db_cell(r, 0, 0));
	if (!err && me && db_cell_int(r, 0, 1, 0) > 0)
		err = hdf_set_valuef(req->hdf, "%s.Liked=1", prefix);
	db_result_free(r);
	return nerr_pass(err);
}

NEOERR *site_visitor_may_answer(web_request *req, db_t **db_out, const char **who_out)
{
	const char *me = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	char until[64];
	int banned;
	NEOERR *err;

	if (!me) {
		if (hdf_get_int_value(req->hdf, "Page.IdentityUnknown", 0))
			return nerr_raise(WEB_ERR_DB_DOWN, "%s", web_text(req, "Text.Common.Error.DbDown"));
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Site.Exhibit.NeedsId"));
	}
	err = web_db(req, db_out);
	if (err)
		return nerr_pass(err);
	banned = moderation_banned(*db_out, me, web_remote_addr(req), until, sizeof(until));
	if (banned < 0)
		return web_db_error(*db_out, "checking for a ban");
	if (banned)
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Site.Exhibit.Banned"));
	*who_out = me;
	return STATUS_OK;
}

NEOERR *likes_changed(web_request *req)
{
	struct timespec now;
	char stamp[32];

	clock_gettime(CLOCK_REALTIME, &now);
	snprintf(stamp, sizeof(stamp), "%lld%06ld", (long long)now.tv_sec, now.tv_nsec / 1000);
	return nerr_pass(web_cookie_set(req, LIKES_CHANGED_COOKIE, stamp, 0));
}

NEOERR *site_exhibit_like(web_request *req)
{
	const char *slug = req->params[0];
	const char *action, *me;
	char location[160];
	long long changed;
	db_t *db;
	NEOERR *err = web_csrf_check(req);

	if (!err)
		err = exhibit_store_copy_one(req, slug, "Exhibit");
	if (!err)
		err = web_field(req, "action", &action);
	if (!err && (!action || (strcmp(action, "like") != 0 && strcmp(action, "undo") != 0)))
		err = nerr_raise(WEB_ERR_BAD_REQUEST, "%s", web_text(req, "Text.Site.Exhibit.LikeAction"));
	if (!err)
		err = site_visitor_may_answer(req, &db, &me);
	if (err)
		return nerr_pass(err);
	if (strcmp(action, "like") == 0)
		changed = db_exec(db, "INSERT IGNORE INTO exhibit_likes (exhibit_id, github_id) "
				      "SELECT id, ? FROM exhibits WHERE slug = ?", DB_TEXT(me), DB_TEXT(slug));
	else
		changed = db_exec(db, "DELETE l FROM exhibit_likes l JOIN exhibits e ON e.id = l.exhibit_id "
				      "WHERE e.slug = ? AND l.github_id = ?", DB_TEXT(slug), DB_TEXT(me));
	if (changed < 0)
		return web_db_error(db, "recording a like");
	/* Back to the work's page, at the button that was pressed. */
	snprintf(location, sizeof(location), "/exhibits/%s#likes", slug);
	err = likes_changed(req);
	if (!err)
		err = web_redirect(req, 303, location);
	return nerr_pass(err);
}
