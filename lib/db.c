/* db.c — the one helper around MariaDB prepared statements, with reconnects. */
#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "log.h"


struct db {
	MYSQL *conn;
	char *socket, *host, *name, *user, *password;
	unsigned port;
	unsigned connect_timeout;
	int outage;
	int full;
	int duplicate;
	int retry;
	char error[512];
	long long insert_id;
};

void db_library_init(void)
{
	mysql_library_init(0, NULL, NULL);
}

static char *dup_or_null(const char *s)
{
	return (s && *s) ? strdup(s) : NULL;
}

db_t *db_new(const struct settings *settings)
{
	db_t *db = calloc(1, sizeof(*db));

	if (!db)
		return NULL;
	db->socket = dup_or_null(settings->db_socket);
	db->host = dup_or_null(settings->db_host);
	db->name = dup_or_null(settings->db_name);
	db->user = dup_or_null(settings->db_user);
	db->password = dup_or_null(settings->db_password);
	db->port = (unsigned)settings->db_port;
	db->connect_timeout = (unsigned)settings->db_connect_timeout;
	return db;
}

static void db_disconnect(db_t *db)
{
	if (db->conn) {
		mysql_close(db->conn);
		db->conn = NULL;
	}
}

void db_free(db_t *db)
{
	if (!db)
		return;
	db_disconnect(db);
	free(db->socket);
	free(db->host);
	free(db->name);
	free(db->user);
	free(db->password);
	free(db);
}

const char *db_error(const db_t *db)
{
	return db->error;
}

int db_is_outage(const db_t *db)
{
	return db->outage;
}

int db_is_full(const db_t *db)
{
	return db->full;
}

int db_is_duplicate(const db_t *db)
{
	return db->duplicate;
}

int db_is_retry(const db_t *db)
{
	return db->retry;
}

static int is_connection_error(unsigned code)
{
	return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST ||
	       code == CR_CONNECTION_ERROR || code == CR_CONN_HOST_ERROR ||
	       code == CR_SERVER_LOST_EXTENDED || code == 1927 /* ER_CONNECTION_KILLED */ ||
	       code == 1053 /* ER_SERVER_SHUTDOWN */;
}

/* Records the error; a connection-level one drops the connection so the next
 * call reconnects instead of failing forever. */
static void db_fail(db_t *db, unsigned code, const char *what, const char *msg)
{
	snprintf(db->error, sizeof(db->error), "%s: %s (%u)", what, msg, code);
	/* The table is full, the disk is full, or the engine got ENOSPC (28). */
	db->full = code == 1114 || code == 1021 ||
		   ((code == 1030 || code == 3) && strstr(msg, "28") != NULL);
	db->duplicate = code == 1062; /* ER_DUP_ENTRY */
	/* ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT: the server gave up this
	 * transaction for another's sake; the same one again may go through. */
	db->retry = code == 1213 || code == 1205;
	if (is_connection_error(code)) {
		db->outage = 1;
		db_disconnect(db);
	}
}

int db_connect(db_t *db)
{
	unsigned timeout = db->connect_timeout;
	unsigned io_timeout = 10;
	my_bool off = 0;

	if (db->conn)
		return 0;
	db->conn = mysql_init(NULL);
	if (!db->conn) {
		snprintf(db->error, sizeof(db->error), "out of memory");
		return -1;
	}
	mysql_options(db->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->conn, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
	mysql_options(db->conn, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
	mysql_options(db->conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(db->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Timestamps are stored and compared in UTC whatever the host's zone. */
	mysql_options(db->conn, MYSQL_INIT_COMMAND,
		      "SET time_zone = '+00:00', NAMES utf8mb4 COLLATE utf8mb4_bin");
	if (!mysql_real_connect(db->conn, db->host, db->user, db->password, db->name,
				db->port, db->host ? NULL : db->socket, 0)) {
		snprintf(db->error, sizeof(db->error), "cannot connect to MariaDB: %s (%u)",
			 mysql_error(db->conn), mysql_errno(db->conn));
		db->outage = 1;
		db_disconnect(db);
		return -1;
	}
	db->outage = 0;
	db->error[0] = '\0';
	return 0;
}

struct bound_params {
	MYSQL_BIND bind[DB_MAX_PARAMS];
	long long ints[DB_MAX_PARAMS];
	double doubles[DB_MAX_PARAMS];
	unsigned long lens[DB_MAX_PARAMS];
	my_bool nulls[DB_MAX_PARAMS];
	unsigned count;
};

static int bind_params(db_t *db, struct bound_params *p, const struct db_param *params,
		       size_t n)
{
	memset(p, 0, sizeof(*p));
	if (n > DB_MAX_PARAMS) {
		snprintf(db->error, sizeof(db->error), "too many parameters");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct db_param *v = &params[i];
		MYSQL_BIND *b = &p->bind[i];

		switch (v->type) {
		case DB_PARAM_TEXT:
			b->buffer_type = MYSQL_TYPE_STRING;
			if (!v->s) {
				p->nulls[i] = 1;
				b->is_null = &p->nulls[i];
				break;
			}
			b->buffer = (void *)v->s;
			p->lens[i] = strlen(v->s);
			b->buffer_length = p->lens[i];
			b->length = &p->lens[i];
			break;
		case DB_PARAM_BYTES:
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)v->s;
			p->lens[i] = v->len;
			b->buffer_length = v->len;
			b->length = &p->lens[i];
			break;
		case DB_PARAM_INT:
			p->ints[i] = v->i;
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->ints[i];
			break;
		case DB_PARAM_DOUBLE:
			p->doubles[i] = v->d;
			b->buffer_type = MYSQL_TYPE_DOUBLE;
			b->buffer = &p->doubles[i];
			break;
		case DB_PARAM_NULL:
			b->buffer_type = MYSQL_TYPE_NULL;
			break;
		default:
			snprintf(db->error, sizeof(db->error), "unknown parameter type %d", (int)v->type);
			return -1;
		}
	}
	p->count = (unsigned)n;
	return 0;
}

/* Prepares and executes; a connection lost before execution is retried once on
 * a fresh connection (nothing ran), so the first request after a database
 * restart succeeds. */
static MYSQL_STMT *prepare_execute(db_t *db, const char *sql, struct bound_params *p)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT *st;

		if (db_connect(db) != 0)
			return NULL;
		st = mysql_stmt_init(db->conn);
		if (!st) {
			snprintf(db->error, sizeof(db->error), "out of memory");
			return NULL;
		}
		if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
			unsigned code = mysql_stmt_errno(st);

			db_fail(db, code, "prepare", mysql_stmt_error(st));
			mysql_stmt_close(st);
			if (is_connection_error(code) && attempt == 0)
				continue;
			return NULL;
		}
		if (mysql_stmt_param_count(st) != p->count) {
			snprintf(db->error, sizeof(db->error),
				 "statement wants %lu parameters, %u given",
				 mysql_stmt_param_count(st), p->count);
			mysql_stmt_close(st);
			return NULL;
		}
		if ((p->count && mysql_stmt_bind_param(st, p->bind)) || mysql_stmt_execute(st)) {
			db_fail(db, mysql_stmt_errno(st), "execute", mysql_stmt_error(st));
			mysql_stmt_close(st);
			return NULL;
		}
		return st;
	}
	return NULL;
}

long long db_exec_params(db_t *db, const char *sql, const struct db_param *params, size_t n)
{
	struct bound_params p;
	MYSQL_STMT *st;
	long long affected;

	if (bind_params(db, &p, params, n))
		return -1;
	st = prepare_execute(db, sql, &p);
	if (!st)
		return -1;
	affected = (long long)mysql_stmt_affected_rows(st);
	db->insert_id = (long long)mysql_stmt_insert_id(st);
	mysql_stmt_close(st);
	return affected;
}

long long db_last_insert_id(db_t *db)
{
	return db->insert_id;
}

static db_result *fetch_all(db_t *db, MYSQL_STMT *st)
{
	my_bool update_max = 1;
	MYSQL_RES *meta;
	MYSQL_FIELD *fields;
	db_result *r, *done = NULL;
	MYSQL_BIND *bind = NULL;
	unsigned long *lens = NULL;
	my_bool *nulls = NULL;
	unsigned ncols;
	size_t cap = 0;

	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
	if (mysql_stmt_store_result(st)) {
		db_fail(db, mysql_stmt_errno(st), "fetch", mysql_stmt_error(st));
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	meta = mysql_stmt_result_metadata(st);
	if (!r || !meta) {
		free(r);
		if (meta)
			mysql_free_result(meta);
		snprintf(db->error, sizeof(db->error), "statement returned no result set");
		return NULL;
	}
	ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	r->ncols = ncols;
	bind = calloc(ncols, sizeof(*bind));
	lens = calloc(ncols, sizeof(*lens));
	nulls = calloc(ncols, sizeof(*nulls));
	if (!bind || !lens || !nulls)
		goto oom;
	for (unsigned c = 0; c < ncols; c++) {
		bind[c].buffer_type = MYSQL_TYPE_STRING;
		/* max_length is only known for text columns; numbers fit in 64 bytes. */
		bind[c].buffer_length = (fields[c].max_length > 64 ? fields[c].max_length : 64) + 1;
		bind[c].buffer = malloc(bind[c].buffer_length);
		bind[c].length = &lens[c];
		bind[c].is_null = &nulls[c];
		if (!bind[c].buffer)
			goto oom;
	}
	if (mysql_stmt_bind_result(st, bind)) {
		db_fail(db, mysql_stmt_errno(st), "bind result", mysql_stmt_error(st));
		goto fail;
	}
	for (;;) {
		int rc = mysql_stmt_fetch(st);

		if (rc == MYSQL_NO_DATA)
			break;
		if (rc == 1) {
			db_fail(db, mysql_stmt_errno(st), "fetch row", mysql_stmt_error(st));
			goto fail;
		}
		if ((size_t)(r->nrows + 1) * ncols > cap) {
			size_t ncap = cap ? cap * 2 : (size_t)ncols * 16;
			char **cells = realloc(r->cells, ncap * sizeof(*cells));
			unsigned long *clens = realloc(r->lens, ncap * sizeof(*clens));

			if (cells)
				r->cells = cells;
			if (clens)
				r->lens = clens;
			if (!cells || !clens)
				goto oom;
			cap = ncap;
		}
		for (unsigned c = 0; c < ncols; c++)
			r->cells[(size_t)r->nrows * ncols + c] = NULL;
		r->nrows++;
		for (unsigned c = 0; c < ncols; c++) {
			size_t at = (size_t)(r->nrows - 1) * ncols + c;
			unsigned long n = lens[c] < bind[c].buffer_length ? lens[c] : bind[c].buffer_length - 1;

			r->lens[at] = nulls[c] ? 0 : n;
			if (!nulls[c]) {
				r->cells[at] = malloc(n + 1);
				if (!r->cells[at])
					goto oom;
				memcpy(r->cells[at], bind[c].buffer, n);
				r->cells[at][n] = '\0';
			}
		}
	}
	done = r;
	r = NULL;
	goto out;
oom:
	snprintf(db->error, sizeof(db->error), "out of memory");
fail:
out:
	/* One way out, success or not: what was fetched stays in done; the buffers go. */
	if (bind)
		for (unsigned c = 0; c < ncols; c++)
			free(bind[c].buffer);
	free(bind);
	free(lens);
	free(nulls);
	mysql_free_result(meta);
	db_result_free(r);
	return done;
}

db_result *db_query_params(db_t *db, const char *sql, const struct db_param *params, size_t n)
{
	struct bound_params p;
	MYSQL_STMT *st;
	db_result *r;

	if (bind_params(db, &p, params, n))
		return NULL;
	st = prepare_execute(db, sql, &p);
	if (!st)
		return NULL;
	r = fetch_all(db, st);
	mysql_stmt_close(st);
	return r;
}

const char *db_cell(const db_result *r, unsigned row, unsigned col)
{
	if (!r || row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[(size_t)row * r->ncols + col];
}

long long db_cell_int(const db_result *r, unsigned row, unsigned col, long long def)
{
	const char *s = db_cell(r, row, col);

	return s ? strtoll(s, NULL, 10) : def;
}

double db_cell_double(const db_result *r, unsigned row, unsigned col, double def)
{
	const char *s = db_cell(r, row, col);

	return s ? strtod(s, NULL) : def;
}

void db_result_free(db_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < (size_t)r->nrows * r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
	free(r->lens);
	free(r);
}

static int db_simple(db_t *db, const char *sql)
{
	if (db_connect(db) != 0)
		return -1;
	if (mysql_query(db->conn, sql) != 0) {
		db_fail(db, mysql_errno(db->conn), sql, mysql_error(db->conn));
		return -1;
	}
	return 0;
}

int db_exec_script(db_t *db, const char *script)
{
	int status;

	if (db_connect(db) != 0)
		return -1;
	if (mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0) {
		db_fail(db, mysql_errno(db->conn), "multi-statements", mysql_error(db->conn));
		return -1;
	}
	status = mysql_query(db->conn, script);
	for (;;) {
		MYSQL_RES *res;

		if (status != 0) {
			db_fail(db, mysql_errno(db->conn), "script", mysql_error(db->conn));
			break;
		}
		res = mysql_store_result(db->conn);
		if (res)
			mysql_free_result(res);
		status = mysql_next_result(db->conn);
		if (status == -1) {
			status = 0;
			break;
		}
	}
	if (db->conn)
		mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	return status == 0 ? 0 : -1;
}

int db_begin(db_t *db)
{
	int had = db->conn != NULL;

	if (db_simple(db, "START TRANSACTION") == 0)
		return 0;
	/* A kept connection the server dropped meanwhile (a restart) is found
	 * here, before anything of the transaction ran: once, on a fresh one. */
	if (!had || db->conn)
		return -1;
	return db_simple(db, "START TRANSACTION");
}

int db_commit(db_t *db)
{
	return db_simple(db, "COMMIT");
}

int db_rollback(db_t *db)
{
	return db_simple(db, "ROLLBACK");
}
