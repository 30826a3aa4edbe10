/* exhibit_store.c — the exhibits, loaded from MariaDB and kept in memory.
 *
 * Exhibits change only when the seed data does, so each process keeps them in
 * an HDF tree and refreshes it every Cache.ExhibitsSeconds; the hall and the
 * exhibit pages then cost no database round trip. */
#include "exhibit_store.h"

#include <string.h>
#include <time.h>

#include "canned.h"
#include "db_hdf.h"
#include "log.h"

static HDF *store;
static time_t store_loaded;

static NEOERR *load_lists(db_t *db, HDF *tree, const char *sql, const char *leaf)
{
	db_result *r = db_query(db, sql);
	NEOERR *err = STATUS_OK;

	if (!r)
		return web_db_error(db, "loading exhibit details");
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		const char *idx = db_cell(r, i, 0);
		const char *pos = db_cell(r, i, 1);

		const char *en = db_cell(r, i, 3);

		/* The English name or label, where there is one, beside the Japanese. */
		if (strcmp(leaf, "Stack") == 0) {
			err = hdf_set_valuef(tree, "%s.Stack.%s=%s", idx, pos, db_cell(r, i, 2));
			if (!err && en && *en)
				err = hdf_set_valuef(tree, "%s.Stack.%s.En=%s", idx, pos, en);
		} else {
			err = hdf_set_valuef(tree, "%s.Links.%s.Label=%s", idx, pos, db_cell(r, i, 2));
			if (!err && en && *en)
				err = hdf_set_valuef(tree, "%s.Links.%s.LabelEn=%s", idx, pos, en);
			if (!err)
				err = hdf_set_valuef(tree, "%s.Links.%s.Url=%s", idx, pos, db_cell(r, i, 4));
		}
	}
	db_result_free(r);
	return nerr_pass(err);
}

static NEOERR *store_load(web_request *req, HDF **out)
{
	/* Column 0, the position, names each exhibit's node. */
	static const char *const fields[] = { "", "Slug", "Title", "SiteUrl", "Image", "Summary",
					      "Description", "SummaryEn", "DescriptionEn", "Event",
					      "EventEn", "Team", "TeamEn", "HallX", "HallY", NULL };
	db_t *db;
	db_result *r;
	HDF *tree;
	NEOERR *err = web_db(req, &db);

	if (err)
		return nerr_pass(err);
	r = db_query(db, "SELECT position, slug, title, site_url, image, summary, description, "
			 "summary_en, description_en, event, event_en, team, team_en, hall_x, hall_y "
			 "FROM exhibits ORDER BY position");
	if (!r)
		return web_db_error(db, "loading exhibits");
	err = hdf_init(&tree);
	/* Unknown facts stay absent, so templates leave them out. */
	if (!err)
		err = db_hdf_rows(tree, "", r, fields, DB_HDF_KEYED | DB_HDF_SKIP_EMPTY);
	/* Titles are names, shown as they are; the lang attribute says how to read them. */
	for (unsigned i = 0; i < r->nrows && !err; i++)
		err = hdf_set_valuef(tree, "%s.TitleLang=%s", db_cell(r, i, 0),
				     canned_lang_of(db_cell(r, i, 2)) == SCORE_LANG_JA ? "ja" : "en");
	db_result_free(r);
	if (!err)
		err = load_lists(db, tree,
				 "SELECT e.position, s.position, s.name, s.name_en FROM exhibit_stack s "
				 "JOIN exhibits e ON e.id = s.exhibit_id ORDER BY e.position, s.position",
				 "Stack");
	if (!err)
		err = load_lists(db, tree,
				 "SELECT e.position, l.position, l.label, l.label_en, l.url FROM exhibit_links l "
				 "JOIN exhibits e ON e.id = l.exhibit_id ORDER BY e.position, l.position",
				 "Links");
	if (err) {
		hdf_destroy(&tree);
		return nerr_pass(err);
	}
	*out = tree;
	return STATUS_OK;
}

static NEOERR *store_fresh(web_request *req)
{
	long ttl = req->settings->cache_exhibits_seconds;
	time_t now = time(NULL);
	HDF *tree = NULL;
	NEOERR *err;

	if (store && now - store_loaded < ttl)
		return STATUS_OK;
	err = store_load(req, &tree);
	if (err) {
		/* A stale list beats an error page while the database is away. */
		if (store && nerr_match(err, WEB_ERR_DB_DOWN)) {
			nerr_ignore(&err);
			return STATUS_OK;
		}
		return nerr_pass(err);
	}
	hdf_destroy(&store);
	store = tree;
	store_loaded = now;
	return STATUS_OK;
}

NEOERR *exhibit_store_copy_all(web_request *req, const char *prefix)
{
	NEOERR *err = store_fresh(req);

	if (err)
		return nerr_pass(err);
	return nerr_pass(hdf_copy(req->hdf, prefix, store));
}

NEOERR *exhibit_store_copy_one(web_request *req, const char *slug, const char *prefix)
{
	NEOERR *err = store_fresh(req);

	if (err)
		return nerr_pass(err);
	for (HDF *e = hdf_obj_child(store); e; e = hdf_obj_next(e)) {
		const char *s = hdf_get_value(e, "Slug", "");

		if (strcmp(s, slug) == 0)
			return nerr_pass(hdf_copy(req->hdf, prefix, e));
	}
	return nerr_raise(WEB_ERR_NOT_FOUND, "%s", web_text(req, "Text.Site.Exhibit.NotFound"));
}
