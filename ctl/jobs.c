/* jobs.c — "masakarictl jobs [N]": the attack queue as the flooders see it.
 *
 * Queued and running jobs in queue order, then the N most recently queued
 * finished ones (default 20), each with its progress and, depending on its
 * status, its lease, its report or why it failed. Times are UTC. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db.h"

#define JOBS_COLUMNS \
	"SELECT id, throw_id, status, rate, duration_s, sent, ok, errors, attempts, " \
	"DATE_FORMAT(queued_at, '%Y-%m-%d %H:%i:%s'), lease_owner, " \
	"TIMESTAMPDIFF(MICROSECOND, NOW(3), lease_expires) / 1e6, current_rate, " \
	"errors_connect, errors_timeout, errors_http, errors_other, codes, " \
	"p50_ms, p99_ms, max_ms, achieved_rate, failure_reason FROM attack_jobs "

enum {
	COL_ID, COL_THROW, COL_STATUS, COL_RATE, COL_DURATION, COL_SENT, COL_OK, COL_ERRORS,
	COL_ATTEMPTS, COL_QUEUED, COL_OWNER, COL_LEASE_LEFT, COL_CURRENT_RATE, COL_E_CONNECT,
	COL_E_TIMEOUT, COL_E_HTTP, COL_E_OTHER, COL_CODES, COL_P50, COL_P99, COL_MAX,
	COL_ACHIEVED, COL_REASON
};

static const char *cell(const db_result *r, unsigned row, unsigned col)
{
	const char *s = db_cell(r, row, col);

	return s ? s : "";
}

/* The last column: what a reader wants to know about a job in this state. */
static void print_detail(const db_result *r, unsigned row, long place)
{
	const char *status = cell(r, row, COL_STATUS);

	if (strcmp(status, "queued") == 0) {
		printf("waiting, number %ld in line", place);
	} else if (strcmp(status, "running") == 0) {
		double left = db_cell_double(r, row, COL_LEASE_LEFT, 0);

		printf("%s, %.1f/s now, ", cell(r, row, COL_OWNER),
		       db_cell_double(r, row, COL_CURRENT_RATE, 0));
		if (left >= 0)
			printf("lease %.1f s left", left);
		else
			printf("lease expired %.1f s ago: another run will take it", -left);
	} else if (strcmp(status, "done") == 0) {
		if (db_cell(r, row, COL_P50))
			printf("p50 %.1f ms, p99 %.1f ms, max %.1f ms, ",
			       db_cell_double(r, row, COL_P50, 0), db_cell_double(r, row, COL_P99, 0),
			       db_cell_double(r, row, COL_MAX, 0));
		if (db_cell(r, row, COL_ACHIEVED))
			printf("%.2f/s, ", db_cell_double(r, row, COL_ACHIEVED, 0));
		printf("codes %s", db_cell(r, row, COL_CODES) ? cell(r, row, COL_CODES) : "{}");
		if (db_cell_int(r, row, COL_ERRORS, 0) > 0)
			printf(", errors: %s connect, %s timeout, %s http, %s other",
			       cell(r, row, COL_E_CONNECT), cell(r, row, COL_E_TIMEOUT),
			       cell(r, row, COL_E_HTTP), cell(r, row, COL_E_OTHER));
	} else {
		printf("%s", cell(r, row, COL_REASON));
	}
}

static void print_rows(const db_result *r, long *place)
{
	for (unsigned row = 0; row < r->nrows; row++) {
		long total = db_cell_int(r, row, COL_RATE, 0) * db_cell_int(r, row, COL_DURATION, 0);
		char progress[48];

		snprintf(progress, sizeof(progress), "%s/%ld", cell(r, row, COL_SENT), total);
		printf("%6s %6s  %-8s %5s %4s  %13s %7s %7s %3s  %s  ", cell(r, row, COL_ID),
		       cell(r, row, COL_THROW), cell(r, row, COL_STATUS), cell(r, row, COL_RATE),
		       cell(r, row, COL_DURATION), progress, cell(r, row, COL_OK),
		       cell(r, row, COL_ERRORS), cell(r, row, COL_ATTEMPTS), cell(r, row, COL_QUEUED));
		if (strcmp(cell(r, row, COL_STATUS), "queued") == 0)
			(*place)++;
		print_detail(r, row, *place);
		printf("\n");
	}
}

int ctl_jobs(const struct settings *settings, int argc, char **argv)
{
	long finished = 20, place = 0;
	char *end = NULL;
	db_result *open = NULL, *recent = NULL;
	db_t *db;
	int rc = 1;

	if (argc == 1) {
		errno = 0;
		finished = strtol(argv[0], &end, 10);
	}
	if (argc > 1 || (argc == 1 && (errno || end == argv[0] || *end || finished < 0 ||
					finished > 100000))) {
		fprintf(stderr, "usage: masakarictl jobs [N]  (how many finished jobs to show, default 20)\n");
		return 2;
	}
	db = db_new(settings);
	if (!db || db_connect(db) != 0) {
		fprintf(stderr, "masakarictl: %s\n", db ? db_error(db) : "out of memory");
		db_free(db);
		return 1;
	}
	open = db_query(db, JOBS_COLUMNS "WHERE status IN ('queued', 'running') ORDER BY id");
	recent = open ? db_query(db, JOBS_COLUMNS "WHERE status IN ('done', 'failed') "
				 "ORDER BY id DESC LIMIT ?", DB_INT(finished)) : NULL;
	if (!open || !recent) {
		fprintf(stderr, "masakarictl: %s\n", db_error(db));
		goto out;
	}
	printf("%6s %6s  %-8s %5s %4s  %13s %7s %7s %3s  %-19s  %s\n", "job", "throw", "status",
	       "rate", "secs", "sent/total", "ok", "errors", "try", "queued (UTC)", "detail");
	print_rows(open, &place);
	print_rows(recent, &place);
	if (open->nrows + recent->nrows == 0)
		printf("(the queue is empty and no job has run yet)\n");
	rc = 0;
out:
	db_result_free(open);
	db_result_free(recent);
	db_free(db);
	return rc;
}
