/* config.c — the one HDF configuration file (MASAKARI_CONFIG or /etc/masakari/masakari.hdf). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

const char *config_path(void)
{
	const char *p = getenv("MASAKARI_CONFIG");

	return (p && *p) ? p : CONFIG_DEFAULT_PATH;
}

/* The first node of the tree that is a link ("name : other.name"), or NULL.
 * Walks the nodes themselves: ClearSilver's own lookups follow links, and a
 * link to itself recurses until the stack overflows (found by
 * tests/fuzz/fuzz_config with "a : a"). */
static HDF *config_find_link(HDF *node)
{
	for (; node; node = node->next) {
		HDF *found;

		if (node->link)
			return node;
		if ((found = config_find_link(node->child)))
			return found;
	}
	return NULL;
}

int config_load(HDF **out)
{
	const char *path = config_path();
	NEOERR *err;
	HDF *hdf = NULL;
	STRING why;

	*out = NULL;
	err = hdf_init(&hdf);
	if (err == STATUS_OK)
		err = hdf_read_file(hdf, path);
	if (err != STATUS_OK) {
		string_init(&why);
		nerr_error_string(err, &why);
		log_error("cannot read configuration %s: %s", path, why.buf ? why.buf : "unknown error");
		string_clear(&why);
		nerr_ignore(&err);
		hdf_destroy(&hdf);
		return -1;
	}
	/* This configuration never needs one, and a link that loops crashes the
	 * first lookup that passes it. */
	if (config_find_link(hdf->child)) {
		log_error("cannot use configuration %s: \"%s\" is a link (\"name : other\"); "
			  "write the value itself", path, config_find_link(hdf->child)->name);
		hdf_destroy(&hdf);
		return -1;
	}
	*out = hdf;
	return 0;
}

int config_parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int config_parse_double(const char *s, double min, double max, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	/* !(v >= min) also refuses NaN. */
	if (errno || end == s || *end != '\0' || !(v >= min) || v > max)
		return -1;
	*out = v;
	return 0;
}

long config_int(HDF *cfg, const char *name, long def, long min, long max)
{
	const char *s = hdf_get_value(cfg, name, NULL);
	long v;

	if (s == NULL || *s == '\0')
		return def;
	if (config_parse_int(s, min, max, &v) != 0) {
		log_warn("config %s = \"%s\" is not an integer in [%ld, %ld]; using %ld",
			 name, s, min, max, def);
		return def;
	}
	return v;
}

double config_double(HDF *cfg, const char *name, double def, double min, double max)
{
	const char *s = hdf_get_value(cfg, name, NULL);
	double v;

	if (s == NULL || *s == '\0')
		return def;
	if (config_parse_double(s, min, max, &v) != 0) {
		log_warn("config %s = \"%s\" is not a number in [%g, %g]; using %g",
			 name, s, min, max, def);
		return def;
	}
	return v;
}

const char *config_str(HDF *cfg, const char *name, const char *def)
{
	const char *s = hdf_get_value(cfg, name, NULL);

	return (s && *s) ? s : def;
}
