/* catalog.c — the weakness catalog, read once per process at the first throw. */
#include "masakari.h"

#include "log.h"

static struct score_catalog catalog;
static int catalog_loaded;

NEOERR *catalog_get(web_request *req, db_t *db, const struct score_catalog **out)
{
	if (!catalog_loaded) {
		score_catalog_init(&catalog);
		score_catalog_configure(&catalog, req->settings);
		if (score_catalog_load(&catalog, db) != 0)
			return web_db_error(db, "loading the weakness catalog");
		catalog_loaded = 1;
		log_info("weakness catalog: %zu weaknesses", catalog.nweaknesses);
	}
	*out = &catalog;
	return STATUS_OK;
}
