/* main.c — masakarictl, the administrator's tool: migrate, doctor, schema and friends. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "ctl.h"
#include "db.h"
#include "log.h"

struct ctl_command {
	const char *name;
	const char *usage;
	int needs_config;
	int (*run)(const struct settings *settings, int argc, char **argv);
};

static const struct ctl_command ctl_commands[] = {
	{ "migrate", "migrate            apply the sql/ migrations not yet applied", 1, ctl_migrate },
	{ "doctor", "doctor             check config, database, templates and the target", 0,
	  ctl_doctor },
	{ "jw", "jw A B             Jaro-Winkler similarity of A and B as given", 0, ctl_jw },
	{ "score", "score TEXT         score a critique against the weakness catalog", 1, ctl_score },
	{ "jobs", "jobs [N]           the attack queue, and the last N finished jobs", 1, ctl_jobs },
	{ "settings", "settings           every setting: name, type, default, range, what it does",
	  0, ctl_settings },
	{ "schema", "schema             the tables as the migrations left them (sql/schema.sql)", 1,
	  ctl_schema },
	{ NULL, NULL, 0, NULL },
};

static int usage(void)
{
	fprintf(stderr, "usage: masakarictl COMMAND [ARGS]\n\n");
	for (const struct ctl_command *c = ctl_commands; c->name; c++)
		fprintf(stderr, "  %s\n", c->usage);
	fprintf(stderr, "\nThe configuration is read from $MASAKARI_CONFIG or %s.\n",
		CONFIG_DEFAULT_PATH);
	return 2;
}

int main(int argc, char **argv)
{
	HDF *config = NULL;
	struct settings settings;
	int rc;

	log_init("masakarictl");
	if (argc < 2)
		return usage();
	for (const struct ctl_command *c = ctl_commands; c->name; c++) {
		if (strcmp(argv[1], c->name) != 0)
			continue;
		if (c->needs_config && config_load(&config) != 0)
			return 1;
		settings_read(config, &settings);
		db_library_init();
		rc = c->run(&settings, argc - 2, argv + 2);
		hdf_destroy(&config);
		return rc;
	}
	fprintf(stderr, "masakarictl: unknown command \"%s\"\n\n", argv[1]);
	return usage();
}
