/* settings.c — "masakarictl settings": the settings table (lib/settings.h),
 * one setting a line: name, type, default, range and what it does, separated
 * by tabs. The tests check etc/masakari.hdf.in and the ansible template
 * against it; no configuration is needed. */
#include <stdio.h>

#include "ctl.h"
#include "settings.h"

static const char *const type_names[] = {
	[SETTING_INT] = "int", [SETTING_DOUBLE] = "number", [SETTING_STR] = "text",
	[SETTING_SECRET] = "secret", [SETTING_LIST] = "list",
};

int ctl_settings(const struct settings *settings, int argc, char **argv)
{
	(void)settings;
	(void)argv;
	if (argc != 0) {
		fprintf(stderr, "usage: masakarictl settings\n");
		return 2;
	}
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting *s = &settings_table[i];
		char def[256], range[64] = "";

		settings_default_text(s, def, sizeof(def));
		if (s->type == SETTING_INT)
			snprintf(range, sizeof(range), "%ld-%ld", (long)s->min, (long)s->max);
		else if (s->type == SETTING_DOUBLE)
			snprintf(range, sizeof(range), "%g-%g", s->min, s->max);
		printf("%s\t%s\t%s\t%s\t%s\n", s->name, type_names[s->type], def, range, s->doc);
	}
	return 0;
}
