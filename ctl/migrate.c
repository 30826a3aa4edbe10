/* migrate.c — "masakarictl migrate": applies sql/NNNN-*.sql in order, each once.
 *
 * Applied files are recorded in schema_migrations. A file that fails stops the
 * run with the server's message; MariaDB commits DDL as it goes, so the
 * statements before the failing one stay applied and the file is not recorded:
 * fix it and run migrate again. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
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
	migrate_list_free(names, count);
	db_free(db);
	return rc;
}
