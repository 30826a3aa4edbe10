/* db_hdf.h — result rows into HDF, for the pages that list them. */
#ifndef MASAKARI_DB_HDF_H
#define MASAKARI_DB_HDF_H

#include <ClearSilver.h>

#include "db.h"

#define DB_HDF_KEYED 1u       /* column 0 names each row's node instead of its number */
#define DB_HDF_SKIP_EMPTY 2u  /* "" cells are left out like SQL NULL ones */

/* Copies every row of r to prefix.N.Name ("" prefix: N.Name), where N is the
 * row's number from 0 (or, with DB_HDF_KEYED, the text of its column 0) and
 * column c goes to names[c]. names ends with NULL; a column named "" and the
 * columns past the list are left out, and so is an SQL NULL cell (absent, so a
 * template leaves it out). Returns STATUS_OK, or the HDF error (out of memory). */
NEOERR *db_hdf_rows(HDF *hdf, const char *prefix, const db_result *r, const char *const *names,
		    unsigned flags);

#endif
