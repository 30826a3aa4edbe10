/* db.h — the one helper around MariaDB prepared statements, with reconnects.
 *
 * Every statement goes through db_exec or db_query: parameters are bound by a
 * type string, never spliced into SQL. A db_t is used by one thread at a time. */
#ifndef MASAKARI_DB_H
#define MASAKARI_DB_H

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

/* A handle configured from DB.{Socket,Host,Port,Name,User,Password,ConnectTimeout};
 * does not connect yet. Returns NULL only when out of memory. */
db_t *db_new(HDF *cfg);
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

/* Parameter types: 's' const char * (NUL-terminated), 'b' const char *, size_t
 * (exact bytes), 'i' long long, 'd' double, 'n' SQL NULL (no argument).
 *
 * db_exec runs a statement and returns the affected row count, or -1 (error set).
 * db_query returns every row as strings, or NULL (error set). */
long long db_exec(db_t *db, const char *sql, const char *types, ...);
db_result *db_query(db_t *db, const char *sql, const char *types, ...);
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
