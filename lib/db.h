/* db.h — the one helper around MariaDB prepared statements, with reconnects.
 *
 * Every statement goes through db_exec or db_query: parameters are bound as
 * typed values (DB_INT, DB_TEXT, …), never spliced into SQL. A db_t is used by
 * one thread at a time. */
#ifndef MASAKARI_DB_H
#define MASAKARI_DB_H

#define DB_MAX_PARAMS 32   /* parameters of one statement */

#include <ClearSilver.h>
#include <stddef.h>

typedef struct db db_t;

typedef struct db_result {
	unsigned nrows;
	unsigned ncols;
	char **cells;          /* nrows*ncols NUL-terminated copies, NULL for SQL NULL */
	unsigned long *lens;   /* byte length of each cell */
} db_result;

/* Call once per process before any thread touches the database. */
void db_library_init(void);

struct settings;

/* A handle configured from the DB.* settings; does not connect yet. Returns
 * NULL only when out of memory. */
db_t *db_new(const struct settings *settings);
void db_free(db_t *db);

/* Makes sure the connection is up, reconnecting when needed.
 * Returns 0, or -1 with db_error() set and db_is_outage() true. */
int db_connect(db_t *db);

/* The last error, for logs and messages ("" when none). */
const char *db_error(const db_t *db);

/* True when the last failure meant the server could not be reached. */
int db_is_outage(const db_t *db);

/* True when the last failure was the server running out of room to write
 * (its disk or a table full): nothing was stored, and retrying later, once
 * there is space again, works. */
int db_is_full(const db_t *db);

/* True when the last failure was a unique key already taken (a row another
 * transaction inserted first). */
int db_is_duplicate(const db_t *db);

/* True when the last failure was the server rolling the transaction back for
 * another's sake (a deadlock, or a lock waited for too long): nothing of it
 * was stored, and running the whole transaction again may succeed. */
int db_is_retry(const db_t *db);

/* Statement parameters, typed so the compiler checks each one:
 *
 *	db_exec(db, "UPDATE t SET name = ?, n = ? WHERE id = ?",
 *		DB_TEXT(name), DB_INT(n), DB_INT(id));
 *
 * DB_INT takes any integer, DB_DOUBLE any number, DB_TEXT a NUL-terminated
 * string (NULL binds SQL NULL), DB_BYTES exactly n bytes, DB_NULL is SQL NULL.
 * A pointer given to DB_INT or a number to DB_TEXT does not compile. */
enum db_param_type { DB_PARAM_NULL, DB_PARAM_INT, DB_PARAM_DOUBLE, DB_PARAM_TEXT, DB_PARAM_BYTES };
struct db_param {
	enum db_param_type type;
	long long i;
	double d;
	const char *s;
	size_t len;
};
#define DB_INT(x)      ((struct db_param){ .type = DB_PARAM_INT, .i = (x) })
#define DB_DOUBLE(x)   ((struct db_param){ .type = DB_PARAM_DOUBLE, .d = (x) })
#define DB_TEXT(x)     ((struct db_param){ .type = DB_PARAM_TEXT, .s = (x) })
#define DB_BYTES(p, n) ((struct db_param){ .type = DB_PARAM_BYTES, .s = (p), .len = (n) })
#define DB_NULL        ((struct db_param){ .type = DB_PARAM_NULL })

/* db_exec_params / db_query_params take n parameters from an array, for a
 * statement whose parameters are built at run time; db_exec and db_query
 * take them as arguments (none, or up to DB_MAX_PARAMS).
 *
 * db_exec runs a statement and returns the affected row count, or -1 (error set).
 * db_query returns every row as strings, or NULL (error set). */
long long db_exec_params(db_t *db, const char *sql, const struct db_param *params, size_t n);
db_result *db_query_params(db_t *db, const char *sql, const struct db_param *params, size_t n);
#define DB_PARAMS_(...) ((const struct db_param[]){ __VA_ARGS__ }), \
	(sizeof((const struct db_param[]){ __VA_ARGS__ }) / sizeof(struct db_param))
#define db_exec(db, sql, ...) db_exec_params((db), (sql), DB_PARAMS_(__VA_ARGS__))
#define db_query(db, sql, ...) db_query_params((db), (sql), DB_PARAMS_(__VA_ARGS__))
long long db_last_insert_id(db_t *db);

/* Cell accessors; out-of-range or NULL cells give NULL / def. */
const char *db_cell(const db_result *r, unsigned row, unsigned col);
long long db_cell_int(const db_result *r, unsigned row, unsigned col, long long def);
double db_cell_double(const db_result *r, unsigned row, unsigned col, double def);
void db_result_free(db_result *r);

/* Runs a multi-statement SQL script (a migration) as one text query, reading
 * every result. Returns 0, or -1 with db_error() naming the failing statement. */
int db_exec_script(db_t *db, const char *script);

/* Transactions: 0 or -1. */
int db_begin(db_t *db);
int db_commit(db_t *db);
int db_rollback(db_t *db);

#endif
