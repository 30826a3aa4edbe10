/* db_hdf.c — result rows into HDF (db_hdf.h). */
#include "db_hdf.h"

#include <stdio.h>

NEOERR *db_hdf_rows(HDF *hdf, const char *prefix, const db_result *r, const char *const *names,
		    unsigned flags)
{
	NEOERR *err = STATUS_OK;
	const char *dot = prefix && *prefix ? "." : "";

	if (!prefix)
		prefix = "";
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		const char *key = flags & DB_HDF_KEYED ? db_cell(r, i, 0) : NULL;
		char number[16];

		if (!key) {
			if (flags & DB_HDF_KEYED)
				continue;   /* a row with no name has no place */
			snprintf(number, sizeof(number), "%u", i);
			key = number;
		}
		for (unsigned c = 0; names[c] && c < r->ncols && !err; c++) {
			const char *v = db_cell(r, i, c);

			if (!names[c][0] || !v || ((flags & DB_HDF_SKIP_EMPTY) && !*v))
				continue;
			err = hdf_set_valuef(hdf, "%s%s%s.%s=%s", prefix, dot, key, names[c], v);
		}
	}
	return nerr_pass(err);
}
