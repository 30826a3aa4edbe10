/* exhibit.c — "/exhibits/": the list, one exhibit's page, and the jump to its site. */
#include "site.h"

#include "exhibit_store.h"

NEOERR *exhibit_list_render(web_request *req)
{
	NEOERR *err = exhibit_store_copy_all(req, "Exhibits");

	if (!err)
		err = web_render(req, "site/exhibits.cs");
	return nerr_pass(err);
}

NEOERR *exhibit_page_render(web_request *req)
{
	NEOERR *err = exhibit_store_copy_one(req, req->params[0], "Exhibit");

	if (!err)
		err = web_render(req, "site/exhibit.cs");
	return nerr_pass(err);
}

NEOERR *exhibit_go(web_request *req)
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
