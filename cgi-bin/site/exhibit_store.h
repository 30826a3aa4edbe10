/* exhibit_store.h — the exhibits, loaded from MariaDB and kept in memory. */
#ifndef SITE_EXHIBIT_STORE_H
#define SITE_EXHIBIT_STORE_H

#include "web.h"

/* Copies every exhibit into req's HDF under prefix ("Exhibits.0.Slug", …, in
 * hall order). The list is read from the database at most once every
 * Cache.ExhibitsSeconds (default 30) per process; raises WEB_ERR_DB_DOWN when
 * it has never been read and the database is unreachable. */
NEOERR *exhibit_store_copy_all(web_request *req, const char *prefix);

/* Copies the exhibit whose slug matches into req's HDF at prefix, or raises
 * WEB_ERR_NOT_FOUND. */
NEOERR *exhibit_store_copy_one(web_request *req, const char *slug, const char *prefix);

#endif
