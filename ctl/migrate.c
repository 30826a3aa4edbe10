/* migrate.c — "masakarictl migrate": applies sql/NNNN-*.sql in order, each once.
 *
 * Applied files are recorded in schema_migrations. A file that fails stops the
 * run with the server's message; MariaDB commits DDL as it goes, so the
 * statements before the failing one stay applied and the file is not recorded:
 * fix it and run migrate again.
 *
 * Then, every time, sql/grants.sql gives each part's account (DB.WebUser,
 * DB.HalldUser, DB.FlooderUser, at each of DB.AccountHosts) what that part
 * may do; the file says how. */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db.h"
#include "migrate.h"

static int is_migration_name(const char *name)
{
	size_t n = strlen(name);

	return n > 9 && strspn(name, "0123456789") == 4 && name[4] == '-' &&
	       strcmp(name + n - 4, ".sql") == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int migrate_list(const char *dir, char ***out, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*count = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!is_migration_name(e->d_name))
			continue;
		if (n == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(*names));

			if (!grown)
				break;
			names = grown;
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	*out = names;
	*count = n;
	return 0;
}

void migrate_list_free(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

int migrate_is_applied(db_t *db, const char *name)
{
	db_result *r = db_query(db, "SELECT 1 FROM schema_migrations WHERE version = ?", DB_TEXT(name));
	int applied;

	if (!r)
		return -1;
	applied = r->nrows > 0;
	db_result_free(r);
	return applied;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)len + 1);
		if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
			free(buf);
			buf = NULL;
		} else if (buf) {
			buf[len] = '\0';
		}
	}
	fclose(f);
	return buf;
}

/* True for a name that can stand in quotes in an account name as it is:
 * letters, digits and _ . % - (the host patterns MariaDB takes). */
static int account_part_ok(const char *s)
{
	return s && *s && strlen(s) < 256 &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.%-:") ==
		       strlen(s);
}

/* script with every @part@ replaced by account (a new string; NULL when out
 * of memory). */
static char *with_account(const char *script, const char *placeholder, const char *account)
{
	size_t plen = strlen(placeholder), alen = strlen(account), n = 0;
	const char *p;
	char *out, *o;

	for (p = script; (p = strstr(p, placeholder)); p += plen)
		n++;
	out = malloc(strlen(script) + n * alen + 1);
	if (!out)
		return NULL;
	for (o = out, p = script;;) {
		const char *hit = strstr(p, placeholder);

		if (!hit) {
			strcpy(o, p);
			break;
		}
		memcpy(o, p, (size_t)(hit - p));
		o += hit - p;
		memcpy(o, account, alen);
		o += alen;
		p = hit + plen;
	}
	return out;
}

/* The lines of grants.sql that grant to placeholder (one statement a
 * line, "GRANT … TO @part@;"), written for account; NULL when out of memory. */
static char *part_statements(const char *script, const char *placeholder, const char *account)
{
	char *copy = strdup(script), *out = NULL, *line, *save = NULL;
	size_t len = 0;

	if (!copy)
		return NULL;
	out = calloc(1, 1);
	for (line = strtok_r(copy, "\n", &save); line && out; line = strtok_r(NULL, "\n", &save)) {
		char *mine, *grown;

		if (strncmp(line, "GRANT ", 6) != 0 || !strstr(line, placeholder))
			continue;
		mine = with_account(line, placeholder, account);
		grown = mine ? realloc(out, len + strlen(mine) + 2) : NULL;
		if (!grown) {
			free(mine);
			free(out);
			out = NULL;
			break;
		}
		out = grown;
		len += (size_t)sprintf(out + len, "%s\n", mine);
		free(mine);
	}
	free(copy);
	return out;
}

static int migrate_grants(db_t *db, const struct settings *settings)
{
	static const struct {
		const char *placeholder;
		size_t user_offset;
	} parts[] = {
		{ "@web@", offsetof(struct settings, db_web_user) },
		{ "@halld@", offsetof(struct settings, db_halld_user) },
		{ "@flooder@", offsetof(struct settings, db_flooder_user) },
	};
	char path[1024];
	char *script;
	HDF *hosts = settings->db_account_hosts ? hdf_obj_child(settings->db_account_hosts) : NULL;
	const char *host = hosts ? hdf_obj_value(hosts) : "localhost";
	unsigned accounts = 0;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/grants.sql", settings->paths_sql);
	script = read_file(path);
	if (!script) {
		fprintf(stderr, "migrate: cannot read %s\n", path);
		return 1;
	}
	for (; host && rc == 0; host = hosts && (hosts = hdf_obj_next(hosts)) ? hdf_obj_value(hosts) : NULL) {
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]) && rc == 0; i++) {
			const char *user = *(const char *const *)((const char *)settings + parts[i].user_offset);
			char account[600];
			char *statements;

			if (!user || !*user)
				continue;
			if (!account_part_ok(user) || !account_part_ok(host)) {
				fprintf(stderr, "migrate: the account %s@%s is not a name to grant to "
						"(letters, digits and _ . %% - only)\n", user, host);
				rc = 1;
				break;
			}
			snprintf(account, sizeof(account), "'%s'@'%s'", user, host);
			statements = part_statements(script, parts[i].placeholder, account);
			if (!statements) {
				fprintf(stderr, "migrate: out of memory\n");
				rc = 1;
			} else if (db_exec_script(db, statements) != 0) {
				fprintf(stderr, "migrate: granting %s its part: %s\n", account, db_error(db));
				rc = 1;
			} else {
				accounts++;
			}
			free(statements);
		}
	}
	if (rc == 0)
		printf("grants.sql given to %u account%s\n", accounts, accounts == 1 ? "" : "s");
	free(script);
	return rc;
}

int ctl_migrate(const struct settings *settings, int argc, char **argv)
{
	const char *dir = settings->paths_sql;
	db_t *db = db_new(settings);
	char **names;
	size_t count, applied = 0;
	db_result *lock;
	int rc = 0;

	(void)argc;
	(void)argv;
	if (!db || db_connect(db) != 0) {
		fprintf(stderr, "migrate: %s\n", db ? db_error(db) : "out of memory");
		db_free(db);
		return 1;
	}
	/* Hosts converged side by side each run migrate against the one
	 * database: one at a time, each seeing what the one before applied. The
	 * lock is the connection's, so it goes when this run ends, however. */
	lock = db_query(db, "SELECT GET_LOCK('masakari.migrate', 300)");
	if (!lock || !db_cell(lock, 0, 0) || strcmp(db_cell(lock, 0, 0), "1") != 0) {
		fprintf(stderr, "migrate: another migrate held the lock for 5 minutes%s%s\n",
			lock ? "" : ": ", lock ? "" : db_error(db));
		db_result_free(lock);
		db_free(db);
		return 1;
	}
	db_result_free(lock);
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			"version VARCHAR(255) NOT NULL PRIMARY KEY, "
			"applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
			") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin") < 0) {
		fprintf(stderr, "migrate: cannot create schema_migrations: %s\n", db_error(db));
		db_free(db);
		return 1;
	}
	if (migrate_list(dir, &names, &count) != 0) {
		fprintf(stderr, "migrate: cannot read the migrations directory %s\n", dir);
		db_free(db);
		return 1;
	}
	for (size_t i = 0; i < count && rc == 0; i++) {
		char path[1024];
		char *script;
		int done = migrate_is_applied(db, names[i]);

		if (done < 0) {
			fprintf(stderr, "migrate: %s\n", db_error(db));
			rc = 1;
			break;
		}
		if (done)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		script = read_file(path);
		if (!script) {
			fprintf(stderr, "migrate: cannot read %s\n", path);
			rc = 1;
			break;
		}
		if (db_exec_script(db, script) != 0 ||
		    db_exec(db, "INSERT INTO schema_migrations (version) VALUES (?)", DB_TEXT(names[i])) < 0) {
			fprintf(stderr, "migrate: %s failed: %s\n", names[i], db_error(db));
			rc = 1;
		} else {
			printf("applied %s\n", names[i]);
			applied++;
		}
		free(script);
	}
	if (rc == 0)
		printf("%zu migration%s applied, %zu in all\n", applied, applied == 1 ? "" : "s", count);
	if (rc == 0)
		rc = migrate_grants(db, settings);
	migrate_list_free(names, count);
	db_free(db);
	return rc;
}
