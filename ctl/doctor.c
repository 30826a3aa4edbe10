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
#include "lang.h"
#include "web.h"
#include "ctl.h"
#include "tokenize.h"
#include "db.h"
#include "migrate.h"
#include "settings.h"
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

/* How a setting's value is shown: secrets are not, lists by their count. */
static void setting_shown(HDF *config, const struct setting *s, char *out, size_t size)
{
	const char *v = hdf_get_value(config, s->name, NULL);

	if (s->type == SETTING_LIST) {
		HDF *node = hdf_get_obj(config, s->name);
		int n = 0;

		for (HDF *c = node ? hdf_obj_child(node) : NULL; c; c = hdf_obj_next(c))
			n += hdf_obj_value(c) && *hdf_obj_value(c);
		snprintf(out, size, "%d value%s", n, n == 1 ? "" : "s");
	} else if (s->type == SETTING_SECRET) {
		snprintf(out, size, "%s", v && *v ? "(set, not shown)" : "(not set)");
	} else if (v && *v) {
		snprintf(out, size, "%s", v);
	} else {
		char def[256];

		settings_default_text(s, def, sizeof(def));
		snprintf(out, size, "%s (default)", *def ? def : "(none)");
	}
}

/* Every setting of the table (lib/settings.h): its value, or why it is refused. */
static void check_settings(HDF *config)
{
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting *s = &settings_table[i];
		char why[128], shown[512];

		if (settings_check(config, s, why, sizeof(why)) != 0) {
			report(0, "config: %s = \"%s\" %s", s->name,
			       hdf_get_value(config, s->name, ""), why);
			continue;
		}
		setting_shown(config, s, shown, sizeof(shown));
		report(1, "config: %s = %s — %s", s->name, shown, s->doc);
	}
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
	check_settings(config);
}

/* Scoring cuts Japanese into words with MeCab (lib/tokenize.c): without its
 * dictionary no throw can be scored. */
static void check_mecab(const struct settings *settings)
{
	const char *dic = settings->masakari_mecab_dictionary;
	char why[600];

	tokenize_set_dictionary(dic);
	if (tokenize_check(why, sizeof(why)) == 0)
		report(1, "scoring: MeCab starts with the dictionary %s",
		       dic && *dic ? dic : "that /etc/mecabrc names");
	else
		report(0, "scoring: %s", why);
}

static void check_database(const struct settings *settings)
{
	const char *dir = settings->paths_sql;
	db_t *db = db_new(settings);
	db_result *r;
	char **names;
	size_t count, pending = 0;

	if (!db || db_connect(db) != 0) {
		report(0, "database: %s", db ? db_error(db) : "out of memory");
		db_free(db);
		return;
	}
	report(1, "database: connected to %s", settings->db_name);
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

/* Both languages' catalogs read, with the same keys and placeholders. */
static void check_catalogs(const struct settings *settings)
{
	const char *dir = settings->paths_lang;
	int problems = lang_check(dir, 0);

	if (problems < 0)
		report(0, "catalogs: %s/ja and %s/en cannot be read (see the log)", dir, dir);
	else
		report(problems == 0, "catalogs: %s/ja and %s/en %s", dir, dir,
		       problems == 0 ? "have the same keys" : "differ (the log names each key)");
}

static void check_templates(const struct settings *settings)
{
	const char *root = settings->paths_templates;
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

static void check_targets(const struct settings *settings)
{
	HDF *targets = settings->flooder_targets;
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

int ctl_doctor(const struct settings *unused, int argc, char **argv)
{
	struct settings settings;
	HDF *config = NULL;

	(void)unused;
	(void)argc;
	(void)argv;
	printf("configuration: %s\n", config_path());
	if (config_load(&config) != 0) {
		report(0, "config: %s cannot be read or parsed (see the message above)", config_path());
		return 1;
	}
	report(1, "config: %s parses", config_path());
	check_config(config);
	settings_read(config, &settings);
	check_database(&settings);
	check_templates(&settings);
	check_catalogs(&settings);
	check_mecab(&settings);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	check_targets(&settings);
	curl_global_cleanup();
	hdf_destroy(&config);
	printf("%s\n", doctor_failures ? "doctor found problems" : "everything checks out");
	return doctor_failures ? 1 : 0;
}
