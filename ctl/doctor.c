/* doctor.c — "masakarictl doctor": checks config, database, templates and the
 * target, and says exactly what is wrong. Exit code 0 only when all pass. */
#include <curl/curl.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "ctl.h"
#include "tokenize.h"
#include "db.h"
#include "migrate.h"
#include "web.h"

static int doctor_failures;

static void report(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void report(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s ", ok ? "ok  " : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok)
		doctor_failures++;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Every numeric setting, with the range the programs accept. */
static const struct {
	const char *name;
	long min, max;
} doctor_numbers[] = {
	{ "Site.Port", 1, 65535 },
	{ "DB.Port", 1, 65535 },
	{ "DB.ConnectTimeout", 1, 60 },
	{ "Cache.ExhibitsSeconds", 0, 86400 },
	{ "Status.IntervalMs", 100, 60000 },
	{ "Status.IncludeLoopback", 0, 1 },
	{ "Legacy.CostMs", 0, 10000 },
	{ "Legacy.SortRounds", 0, 1000000 },
	{ "LLM.TimeoutMs", 100, 60000 },
	{ "LLM.ContextThrows", 0, 20 },
	{ "Masakari.DurationSeconds", 1, 600 },
	{ "Masakari.ThrowIntervalSeconds", 0, 3600 },
	{ "Flooder.MaxTotalRate", 1, 100000 },
	{ "Flooder.RunSeconds", 1, 59 },
	{ "Flooder.PollMs", 10, 250 },
	{ "Flooder.LeaseSeconds", 2, 600 },
	{ "Flooder.MaxAttempts", 1, 100 },
	{ "Flooder.RequestTimeoutMs", 100, 600000 },
	{ "Flooder.MaxInFlight", 1, 10000 },
	{ "Halld.Port", 1, 65535 },
};

static void check_numbers(HDF *config)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof(doctor_numbers) / sizeof(doctor_numbers[0]); i++) {
		const char *v = hdf_get_value(config, doctor_numbers[i].name, NULL);
		char *end;
		long n;

		if (!v || !*v)
			continue;
		n = strtol(v, &end, 10);
		if (*end != '\0' || n < doctor_numbers[i].min || n > doctor_numbers[i].max) {
			report(0, "config: %s = \"%s\" must be a whole number from %ld to %ld",
			       doctor_numbers[i].name, v, doctor_numbers[i].min, doctor_numbers[i].max);
			bad++;
		}
	}
	if (!bad)
		report(1, "config: numeric settings are in range");
}

static void check_config(HDF *config)
{
	static const char *required[] = { "DB.Name", "DB.User", "Paths.Templates", "Paths.Static",
					  "Paths.Sql", "Site.BaseUrl", NULL };
	static const char *dirs[] = { "Paths.Templates", "Paths.Static", "Paths.Sql", NULL };

	for (int i = 0; required[i]; i++) {
		const char *v = hdf_get_value(config, required[i], NULL);

		report(v && *v, "config: %s %s", required[i], v && *v ? "is set" : "is missing or empty");
	}
	for (int i = 0; dirs[i]; i++) {
		const char *v = hdf_get_value(config, dirs[i], NULL);

		if (v && *v)
			report(is_dir(v), "config: %s = %s %s", dirs[i], v,
			       is_dir(v) ? "is a directory" : "is not a readable directory");
	}
	if (!hdf_get_value(config, "DB.Socket", NULL) && !hdf_get_value(config, "DB.Host", NULL))
		report(0, "config: set DB.Socket (a unix socket path) or DB.Host");
	check_numbers(config);
}

/* Scoring cuts Japanese into words with MeCab (lib/tokenize.c): without its
 * dictionary no throw can be scored. */
static void check_mecab(HDF *config)
{
	const char *dic = config_str(config, "Masakari.MecabDictionary", NULL);
	char why[600];

	tokenize_set_dictionary(dic);
	if (tokenize_check(why, sizeof(why)) == 0)
		report(1, "scoring: MeCab starts with the dictionary %s",
		       dic && *dic ? dic : "that /etc/mecabrc names");
	else
		report(0, "scoring: %s", why);
}

static void check_database(HDF *config)
{
	const char *dir = config_str(config, "Paths.Sql", "sql");
	db_t *db = db_new(config);
	db_result *r;
	char **names;
	size_t count, pending = 0;

	if (!db || db_connect(db) != 0) {
		report(0, "database: %s", db ? db_error(db) : "out of memory");
		db_free(db);
		return;
	}
	report(1, "database: connected to %s", config_str(config, "DB.Name", "masakari"));
	r = db_query(db, "SELECT @@character_set_connection, @@collation_connection");
	if (r) {
		const char *cs = db_cell(r, 0, 0);

		report(cs && strcmp(cs, "utf8mb4") == 0, "database: connection character set is %s",
		       cs ? cs : "unknown");
		db_result_free(r);
	}
	if (migrate_list(dir, &names, &count) != 0) {
		report(0, "database: cannot list migrations in %s", dir);
	} else {
		for (size_t i = 0; i < count; i++) {
			int applied = migrate_is_applied(db, names[i]);

			if (applied != 1) {
				report(0, "database: migration %s is not applied (run masakarictl migrate)",
				       names[i]);
				pending++;
			}
		}
		if (!pending)
			report(1, "database: all %zu migrations applied", count);
		migrate_list_free(names, count);
	}
	db_free(db);
}

static void check_templates_in(const char *root, const char *sub, int *checked)
{
	char path[1024];
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof(path), "%s%s%s", root, *sub ? "/" : "", sub);
	d = opendir(path);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char rel[1024];
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(rel, sizeof(rel), "%s%s%s", sub, *sub ? "/" : "", e->d_name);
		if (n > 3 && strcmp(e->d_name + n - 3, ".cs") == 0) {
			HDF *hdf = NULL;
			CSPARSE *cs = NULL;
			NEOERR *err = hdf_init(&hdf);

			if (!err)
				err = hdf_set_value(hdf, "hdf.loadpaths.0", root);
			if (!err)
				err = hdf_set_value(hdf, "Config.VarEscapeMode", "html");
			if (!err)
				err = cs_init(&cs, hdf);
			/* The same functions the pages have (url_escape, fill, …). */
			if (!err)
				err = web_template_functions(cs);
			if (!err)
				err = cs_parse_file(cs, rel);
			if (err) {
				STRING why;

				string_init(&why);
				nerr_error_string(err, &why);
				report(0, "templates: %s does not parse: %s", rel, why.buf ? why.buf : "");
				string_clear(&why);
				nerr_ignore(&err);
			}
			cs_destroy(&cs);
			hdf_destroy(&hdf);
			(*checked)++;
		} else {
			check_templates_in(root, rel, checked);
		}
	}
	closedir(d);
}

static void check_templates(HDF *config)
{
	const char *root = config_str(config, "Paths.Templates", "templates");
	int before = doctor_failures, checked = 0;

	check_templates_in(root, "", &checked);
	if (doctor_failures == before)
		report(checked > 0, "templates: %d templates in %s parse", checked, root);
}

static size_t discard(char *p, size_t size, size_t n, void *data)
{
	(void)p;
	(void)data;
	return size * n;
}

static void check_target(const char *url)
{
	CURL *c = curl_easy_init();
	long code = 0;
	CURLcode rc;

	if (!c) {
		report(0, "target: cannot initialise libcurl");
		return;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	if (rc != CURLE_OK)
		report(0, "target: %s cannot be reached: %s", url, curl_easy_strerror(rc));
	else
		report(code == 200, "target: %s answered %ld", url, code);
	curl_easy_cleanup(c);
}

static void check_targets(HDF *config)
{
	HDF *targets = hdf_get_obj(config, "Flooder.Targets");
	int n = 0;

	for (HDF *t = targets ? hdf_obj_child(targets) : NULL; t; t = hdf_obj_next(t)) {
		const char *url = hdf_obj_value(t);

		if (url && *url) {
			check_target(url);
			n++;
		}
	}
	if (!n)
		report(0, "target: Flooder.Targets lists no target URL");
}

int ctl_doctor(HDF *config_unused, int argc, char **argv)
{
	HDF *config = NULL;

	(void)config_unused;
	(void)argc;
	(void)argv;
	printf("configuration: %s\n", config_path());
	if (config_load(&config) != 0) {
		report(0, "config: %s cannot be read or parsed (see the message above)", config_path());
		return 1;
	}
	report(1, "config: %s parses", config_path());
	check_config(config);
	check_database(config);
	check_templates(config);
	check_mecab(config);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	check_targets(config);
	curl_global_cleanup();
	hdf_destroy(&config);
	printf("%s\n", doctor_failures ? "doctor found problems" : "everything checks out");
	return doctor_failures ? 1 : 0;
}
