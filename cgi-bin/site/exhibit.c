/* exhibit.c — "/exhibits/": the list (in hall order, or by likes), one
 * exhibit's page with its likes and guestbook, and the jump to its site. */
#include "site.h"

#include <stdio.h>
#include <string.h>

#include "exhibit_store.h"
#include "log.h"

/* The list by likes, most first (equals in hall order): each work copied
 * from All.<position> to Exhibits.<n>. */
static NEOERR *exhibits_by_likes(web_request *req)
{
	db_result *r;
	db_t *db;
	NEOERR *err = web_db(req, &db);

	if (err)
		return nerr_pass(err);
	r = db_query(db, "SELECT e.position FROM exhibits e LEFT JOIN exhibit_likes l "
			 "ON l.exhibit_id = e.id GROUP BY e.id, e.position "
			 "ORDER BY COUNT(l.github_id) DESC, e.position");
	if (!r)
		return web_db_error(db, "sorting the works by likes");
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		char at[32];
		HDF *e;

		snprintf(at, sizeof(at), "All.%s", db_cell(r, i, 0));
		e = hdf_get_obj(req->hdf, at);
		if (!e)
			continue;
		snprintf(at, sizeof(at), "Exhibits.%u", i);
		err = hdf_copy(req->hdf, at, e);
	}
	db_result_free(r);
	return nerr_pass(err);
}

NEOERR *site_exhibit_list_render(web_request *req)
{
	const char *sort;
	NEOERR *err = web_field(req, "sort", &sort);

	if (!err && sort && strcmp(sort, "likes") != 0 && strcmp(sort, "hall") != 0)
		err = nerr_raise(WEB_ERR_BAD_REQUEST, "%s", web_text(req, "Text.Site.Exhibits.BadSort"));
	if (err)
		return nerr_pass(err);
	if (sort && strcmp(sort, "likes") == 0) {
		err = exhibit_store_copy_all(req, "All");
		if (!err)
			err = likes_copy_counts(req, "All");
		if (!err)
			err = exhibits_by_likes(req);
		if (!err)
			err = hdf_set_value(req->hdf, "Page.Sort", "likes");
	} else {
		err = exhibit_store_copy_all(req, "Exhibits");
		if (!err)
			err = likes_copy_counts(req, "Exhibits");
	}
	if (!err)
		err = web_render(req, "site/exhibits.cs");
	return nerr_pass(err);
}

NEOERR *site_exhibit_render(web_request *req)
{
	const char *slug = req->params[0];
	const char *token;
	NEOERR *err = exhibit_store_copy_one(req, slug, "Exhibit");

	if (err)
		return nerr_pass(err);
	/* A visitor with an ID sees their own like and the forms that act for
	 * them: the page is kept under their cookies only, and drawn anew after
	 * they like or write (likes_changed). */
	if (hdf_get_value(req->hdf, "Page.GithubId", NULL)) {
		NEOERR *away;
		db_t *db;
		int team;

		err = web_csrf_token(req, &token);
		/* Without the database the page still shows the work. */
		away = web_db(req, &db);
		if (away) {
			nerr_ignore(&away);
		} else if (!err) {
			team = site_is_team(req, db, slug);
			if (team < 0)
				log_warn("checking the work's team: %s", db_error(db));
			if (team > 0)
				err = hdf_set_value(req->hdf, "Page.Team", "1");
		}
	}
	if (!err)
		err = likes_copy_one(req, slug, "Exhibit");
	if (!err)
		err = guestbook_copy(req, slug, "Guestbook");
	if (!err)
		err = web_render(req, "site/exhibit.cs");
	return nerr_pass(err);
}

NEOERR *site_exhibit_go(web_request *req)
{
	const char *slug = req->params[0];
	const char *url;
	long long changed;
	NEOERR *err;
	db_t *db;

	err = exhibit_store_copy_one(req, slug, "Exhibit");
	if (!err)
		err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	changed = db_exec(db, "UPDATE exhibits SET visits = visits + 1 WHERE slug = ?", DB_TEXT(slug));
	if (changed < 0)
		return web_db_error(db, "counting the visit");
	url = hdf_get_value(req->hdf, "Exhibit.SiteUrl", NULL);
	if (changed == 0 || !url)
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s", web_text(req, "Text.Site.Exhibit.NotFound"));
	return nerr_pass(web_redirect(req, 302, url));
}
