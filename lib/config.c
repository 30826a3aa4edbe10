/* config.c — the one HDF configuration file (MASAKARI_CONFIG or /etc/masakari/masakari.hdf). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
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

/* The line number of the file's first link ("name : other.name"), 0 when it
 * has none, or -1 when it cannot be read. The text is read before
 * ClearSilver's parser sees it: a name set through a link that points below
 * itself ("a : a.b" then "a.b.c = 1") makes the parser create nodes until
 * memory runs out (found by tests/fuzz/fuzz_config). Multi-line values
 * ("name << EOM" up to "EOM") are text, not names. */
static int config_first_link_line(const char *path)
{
	char line[4096], tag[128] = "";
	FILE *f = fopen(path, "r");
	int n = 0, found = 0;

	if (!f)
		return -1;
	while (!found && fgets(line, sizeof(line), f)) {
		char *p = line, *name;
		size_t len;

		n++;
		line[strcspn(line, "\r\n")] = '\0';
		if (tag[0]) {
			if (strcmp(line, tag) == 0)
				tag[0] = '\0';
			continue;
		}
		while (*p == ' ' || *p == '\t')
			p++;
		name = p;
		/* strchr finds the terminator too: a name ends at the line's end. */
		while (isalnum((unsigned char)*p) || (*p && strchr("_.*-", *p)))
			p++;
		if (p == name)
			continue;
		while (*p == ' ' || *p == '\t')
			p++;
		if (p[0] == ':' && p[1] != '=')
			found = n;
		else if (p[0] == '<' && p[1] == '<') {
			p += 2;
			while (*p == ' ' || *p == '\t')
				p++;
			len = strcspn(p, " \t");
			if (len > 0 && len < sizeof(tag)) {
				memcpy(tag, p, len);
				tag[len] = '\0';
			}
		}
	}
	fclose(f);
	return found;
}

int config_load(HDF **out)
{
	const char *path = config_path();
	NEOERR *err;
	HDF *hdf = NULL;
	STRING why;
	int link;

	*out = NULL;
	link = config_first_link_line(path);
	if (link > 0) {
		log_error("cannot use configuration %s: line %d is a link (\"name : other\"); "
			  "write the value itself", path, link);
		return -1;
	}
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
