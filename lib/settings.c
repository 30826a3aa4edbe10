/* settings.c — the settings table (settings.h) and reading it once. */
#include "settings.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "score.h"

/* The table's default column, split by type. */
#define SETTINGS_DEF_INT_INT(d) (d)
#define SETTINGS_DEF_INT_DOUBLE(d) 0
#define SETTINGS_DEF_INT_STR(d) 0
#define SETTINGS_DEF_INT_LIST(d) 0
#define SETTINGS_DEF_DOUBLE_INT(d) 0
#define SETTINGS_DEF_DOUBLE_DOUBLE(d) (d)
#define SETTINGS_DEF_DOUBLE_STR(d) 0
#define SETTINGS_DEF_DOUBLE_LIST(d) 0
#define SETTINGS_DEF_STR_INT(d) NULL
#define SETTINGS_DEF_STR_DOUBLE(d) NULL
#define SETTINGS_DEF_STR_STR(d) (d)
#define SETTINGS_DEF_STR_LIST(d) NULL
#define SETTINGS_DEF_INT_SECRET(d) 0
#define SETTINGS_DEF_DOUBLE_SECRET(d) 0
#define SETTINGS_DEF_STR_SECRET(d) (d)

const struct setting settings_table[] = {
#define SETTINGS_ROW(field, name, type, def, min, max, doc) \
	{ name, SETTING_##type, SETTINGS_DEF_INT_##type(def), SETTINGS_DEF_DOUBLE_##type(def), \
	  (min), (max), SETTINGS_DEF_STR_##type(def), doc, offsetof(struct settings, field) },
	SETTINGS(SETTINGS_ROW)
#undef SETTINGS_ROW
};
const size_t settings_count = sizeof(settings_table) / sizeof(settings_table[0]);

void settings_read(HDF *cfg, struct settings *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting *s = &settings_table[i];
		void *field = (char *)out + s->offset;

		/* No tree: config_* find nothing in NULL and give the defaults. */
		switch (s->type) {
		case SETTING_INT:
			*(long *)field = config_int(cfg, s->name, s->def_int, (long)s->min, (long)s->max);
			break;
		case SETTING_DOUBLE:
			*(double *)field = config_double(cfg, s->name, s->def_double, s->min, s->max);
			break;
		case SETTING_STR:
		case SETTING_SECRET:
			*(const char **)field = config_str(cfg, s->name, s->def_str);
			break;
		case SETTING_LIST:
			*(HDF **)field = hdf_get_obj(cfg, s->name);
			break;
		}
	}
}

const struct setting *settings_find(const char *name)
{
	for (size_t i = 0; name && i < settings_count; i++)
		if (strcmp(settings_table[i].name, name) == 0)
			return &settings_table[i];
	return NULL;
}

void settings_use_account(struct settings *st, enum settings_part part)
{
	const char *user = NULL, *password = NULL, *name = "";

	switch (part) {
	case SETTINGS_PART_WEB:
		user = st->db_web_user;
		password = st->db_web_password;
		name = "DB.WebUser";
		break;
	case SETTINGS_PART_HALLD:
		user = st->db_halld_user;
		password = st->db_halld_password;
		name = "DB.HalldUser";
		break;
	case SETTINGS_PART_FLOODER:
		user = st->db_flooder_user;
		password = st->db_flooder_password;
		name = "DB.FlooderUser";
		break;
	}
	/* Refusing to start would break every configuration made before the
	 * parts had accounts; so it works as before, and says so at each start. */
	if (!user || !*user) {
		log_warn("%s is not set: connecting to the database as its owner %s, who may change "
			 "the schema and every table; give this part its own account (sql/grants.sql)",
			 name, st->db_user ? st->db_user : "");
		return;
	}
	st->db_user = user;
	st->db_password = password;
}

int settings_check(HDF *cfg, const struct setting *s, char *why, size_t size)
{
	const char *v = hdf_get_value(cfg, s->name, NULL);
	double d;
	long n;

	if (!v || !*v)
		return 0;
	if (s->type == SETTING_INT && config_parse_int(v, (long)s->min, (long)s->max, &n) != 0) {
		snprintf(why, size, "must be a whole number from %ld to %ld", (long)s->min,
			 (long)s->max);
		return -1;
	}
	if (s->type == SETTING_DOUBLE && config_parse_double(v, s->min, s->max, &d) != 0) {
		snprintf(why, size, "must be a number from %g to %g", s->min, s->max);
		return -1;
	}
	return 0;
}

void settings_default_text(const struct setting *s, char *out, size_t size)
{
	switch (s->type) {
	case SETTING_INT:
		snprintf(out, size, "%ld", s->def_int);
		break;
	case SETTING_DOUBLE:
		snprintf(out, size, "%g", s->def_double);
		break;
	case SETTING_STR:
	case SETTING_SECRET:
		snprintf(out, size, "%s", s->def_str ? s->def_str : "");
		break;
	case SETTING_LIST:
		snprintf(out, size, "%s", "");
		break;
	}
}

long settings_int_of(const struct settings *s, const struct setting *row)
{
	return *(const long *)((const char *)s + row->offset);
}

const char *settings_list_first(HDF *list)
{
	HDF *first = list ? hdf_obj_child(list) : NULL;
	const char *v = first ? hdf_obj_value(first) : NULL;

	return v && *v ? v : NULL;
}
