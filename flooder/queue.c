/* queue.c — the attack queue in MariaDB (attack_jobs): claiming a job with
 * SELECT … FOR UPDATE SKIP LOCKED and a lease, progress that renews the lease,
 * the final report, and release on a clean stop.
 *
 * Every write after the claim is fenced by (lease_owner, attempts): a runner
 * whose lease expired and was taken over changes nothing, so a job's report is
 * written once, by the run that holds it. */
#include "flooder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static const char CLAIM_COLUMNS[] =
	"SELECT id, target_url, rate, duration_s, attempts, lease_owner FROM attack_jobs ";

/* A job whose runner died is taken back before new ones: it was first in line. */
static const char CLAIM_EXPIRED[] =
	"WHERE status = 'running' AND lease_expires < NOW(3) "
	"ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
static const char CLAIM_QUEUED[] =
	"WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";

/* A job larger than this would need more memory for its latencies than a
 * flooder should take (4 bytes a request). */
#define QUEUE_MAX_REQUESTS 1000000L
#define QUEUE_MAX_DURATION_S 3600L

static int target_allowed(const struct flooder_settings *s, const char *url)
{
	for (HDF *t = s->targets ? hdf_obj_child(s->targets) : NULL; t; t = hdf_obj_next(t)) {
		const char *allowed = hdf_obj_value(t);

		if (allowed && *allowed && strcmp(allowed, url) == 0)
			return 1;
	}
	return 0;
}

/* Why a job can never run, or NULL when it can. */
static const char *job_problem(const struct flooder_settings *s, const char *url, long rate,
			       long duration_s, char *buf, size_t len)
{
	if (!target_allowed(s, url))
		return "the target is not in the flooder's allowlist (Flooder.Targets)";
	if (rate < 1 || rate > s->max_total_rate) {
		snprintf(buf, len, "rate %ld is outside 1..%ld (Flooder.MaxTotalRate)", rate,
			 s->max_total_rate);
		return buf;
	}
	if (s->venue_max_rate > 0 && rate > s->venue_max_rate) {
		snprintf(buf, len, "rate %ld is more than the venue's %ld (Flooder.VenueMaxRate)", rate,
			 s->venue_max_rate);
		return buf;
	}
	if (duration_s < 1 || duration_s > QUEUE_MAX_DURATION_S) {
		snprintf(buf, len, "duration %ld s is outside 1..%ld", duration_s, QUEUE_MAX_DURATION_S);
		return buf;
	}
	if (rate * duration_s > QUEUE_MAX_REQUESTS) {
		snprintf(buf, len, "%ld requests is more than one job may send (%ld)",
			 rate * duration_s, QUEUE_MAX_REQUESTS);
		return buf;
	}
	return NULL;
}

/* Marks a job failed for good; an attempt is counted when this run looked at
 * it afresh, not when earlier runs already used them all up. */
static int fail_job(db_t *db, long long id, const char *reason, int count_attempt)
{
	log_warn("job %lld failed: %s", id, reason);
	return db_exec(db,
		       "UPDATE attack_jobs SET status = 'failed', failure_reason = ?, "
		       "attempts = attempts + ?, lease_owner = NULL, lease_expires = NULL, "
		       "current_rate = NULL, finished_at = NOW(3) WHERE id = ?",
		       DB_TEXT(reason), DB_INT(count_attempt ? 1 : 0), DB_INT(id)) < 0 ? -1 : 0;
}

/* What one claim transaction came to. */
enum claim_outcome {
	CLAIM_ERROR = -1,      /* a database error (db_error says which) */
	CLAIM_NOTHING = 0,     /* nothing may be claimed now */
	CLAIM_CLAIMED = 1,     /* *out is the job */
	CLAIM_AGAIN = 2,       /* look again: a job failed, or another runner took it first */
};

/* One claim transaction. */
static enum claim_outcome claim_once(db_t *db, const struct flooder_settings *s, long capacity,
				      struct job **out)
{
	char sql[512], why[160];
	const char *problem;
	db_result *r = NULL, *venue;
	long long id, running;
	long rate, duration_s, attempts;
	long long n;
	struct job *j;

	/* Committed reads: the scan neither waits for nor gap-locks the rows
	 * other runners and the web pages are writing. */
	if (db_exec(db, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED") < 0 || db_begin(db) != 0)
		return CLAIM_ERROR;
	for (int pass = 0; pass < 2 && (!r || r->nrows == 0); pass++) {
		db_result_free(r);
		snprintf(sql, sizeof(sql), "%s%s", CLAIM_COLUMNS, pass == 0 ? CLAIM_EXPIRED : CLAIM_QUEUED);
		r = db_query(db, sql);
		if (!r)
			goto fail;
	}
	if (r->nrows == 0) {
		db_result_free(r);
		return db_rollback(db) == 0 ? CLAIM_NOTHING : CLAIM_ERROR;
	}
	id = db_cell_int(r, 0, 0, 0);
	rate = (long)db_cell_int(r, 0, 2, 0);
	duration_s = (long)db_cell_int(r, 0, 3, 0);
	attempts = (long)db_cell_int(r, 0, 4, 0);

	if (attempts >= s->max_attempts) {
		snprintf(why, sizeof(why), "gave up after %ld attempts: the last runner (%.64s) "
			 "stopped answering before the job was done", attempts,
			 db_cell(r, 0, 5) ? db_cell(r, 0, 5) : "unknown");
		if (fail_job(db, id, why, 0) != 0)
			goto fail;
		db_result_free(r);
		return db_commit(db) == 0 ? CLAIM_AGAIN : CLAIM_ERROR;
	}
	problem = job_problem(s, db_cell(r, 0, 1), rate, duration_s, why, sizeof(why));
	if (problem) {
		if (fail_job(db, id, problem, 1) != 0)
			goto fail;
		db_result_free(r);
		return db_commit(db) == 0 ? CLAIM_AGAIN : CLAIM_ERROR;
	}
	if (rate > capacity) {
		/* It waits its turn: nothing behind it jumps the queue. */
		db_result_free(r);
		return db_rollback(db) == 0 ? CLAIM_NOTHING : CLAIM_ERROR;
	}
	/* The venue's cap counts every flooder host's running jobs (claims
	 * are taken one at a time, under queue_claim_job's lock). */
	venue = s->venue_max_rate <= 0 ? NULL : db_query(db, "SELECT COALESCE(SUM(rate), 0) FROM attack_jobs WHERE status = 'running' "
			 "AND lease_expires >= NOW(3) AND id <> ?", DB_INT(id));
	if (s->venue_max_rate > 0 && !venue)
		goto fail;
	running = venue ? db_cell_int(venue, 0, 0, 0) : 0;
	db_result_free(venue);
	if (s->venue_max_rate > 0 && running + rate > s->venue_max_rate) {
		db_result_free(r);
		return db_rollback(db) == 0 ? CLAIM_NOTHING : CLAIM_ERROR;
	}
	/* The row is locked, but the state is checked again (with the attempt
	 * count just read): should the connection have dropped and the helper
	 * reconnected mid-transaction, the lock is gone and only this guard is
	 * left between two runners and one job. */
	n = db_exec(db,
		    "UPDATE attack_jobs SET status = 'running', lease_owner = ?, "
		    "lease_expires = NOW(3) + INTERVAL ? SECOND, attempts = attempts + 1, "
		    "failure_reason = NULL, sent = 0, ok = 0, errors = 0, errors_connect = 0, "
		    "errors_timeout = 0, errors_http = 0, errors_other = 0, codes = NULL, "
		    "p50_ms = NULL, p90_ms = NULL, p99_ms = NULL, max_ms = NULL, current_rate = NULL, "
		    "achieved_rate = NULL, started_at = NOW(3), progress_at = NULL, finished_at = NULL "
		    "WHERE id = ? AND attempts = ? AND (status = 'queued' OR "
		    "(status = 'running' AND lease_expires < NOW(3)))",
		    DB_TEXT(s->owner), DB_INT(s->lease_s), DB_INT(id), DB_INT(attempts));
	if (n < 0)
		goto fail;
	if (db_commit(db) != 0) {
		db_result_free(r);
		return CLAIM_ERROR;
	}
	if (n == 0) {
		db_result_free(r);
		return CLAIM_AGAIN;
	}
	j = job_new(id, attempts + 1, db_cell(r, 0, 1), rate, duration_s);
	db_result_free(r);
	if (!j) {
		/* The lease runs out and another run (or this one) takes it again. */
		log_error("out of memory for job %lld", id);
		return CLAIM_NOTHING;
	}
	*out = j;
	return CLAIM_CLAIMED;
fail:
	db_result_free(r);
	db_rollback(db);
	return CLAIM_ERROR;
}

int queue_claim_job(db_t *db, const struct flooder_settings *s, long capacity, struct job **out)
{
	db_result *peek, *lock;
	enum claim_outcome rc;
	int any, locked;

	*out = NULL;
	/* The queue is looked at several times a second and is mostly empty: one
	 * plain read decides whether a claim transaction is worth it. */
	peek = db_query(db, "SELECT id FROM attack_jobs WHERE status = 'queued' OR "
			"(status = 'running' AND lease_expires < NOW(3)) LIMIT 1");
	if (!peek)
		return -1;
	any = peek->nrows > 0;
	db_result_free(peek);
	if (!any)
		return 0;
	/* One claim at a time over every flooder host, so that two hosts never
	 * both fit a job in the venue's cap the other is filling. A host that
	 * cannot have the lock at once looks again at its next poll. */
	lock = db_query(db, "SELECT GET_LOCK('masakari.flooder.claim', 0)");
	if (!lock)
		return -1;
	locked = db_cell_int(lock, 0, 0, 0) == 1;
	db_result_free(lock);
	if (!locked)
		return 0;
	while ((rc = claim_once(db, s, capacity, out)) == CLAIM_AGAIN)
		;
	lock = db_query(db, "SELECT RELEASE_LOCK('masakari.flooder.claim')");
	db_result_free(lock);
	return rc == CLAIM_CLAIMED ? 1 : rc == CLAIM_NOTHING ? 0 : -1;
}

/* Every write after the claim stores the counters, then what it sets of its
 * own, and is fenced; the fence's parameters come last. */
#define QUEUE_COUNTERS \
	"sent = ?, ok = ?, errors = ?, errors_connect = ?, errors_timeout = ?, " \
	"errors_http = ?, errors_other = ?, codes = ?, progress_at = NOW(3)"
#define QUEUE_FENCE " WHERE id = ? AND status = 'running' AND lease_owner = ? AND attempts = ?"
#define QUEUE_COUNTER_PARAMS 8
#define QUEUE_FENCE_PARAMS 3
#define QUEUE_SET_PARAMS 8       /* at most, of a write's own assignments */

/* One fenced write: the counters of c (r holds its errors and codes), then
 * set with its nset parameters. Returns the affected rows or -1, as db_exec. */
static long long queue_write(db_t *db, const struct flooder_settings *s, const struct job *j,
			     const struct job_counts *c, const struct job_report *r,
			     const char *set, const struct db_param *set_params, size_t nset)
{
	struct db_param p[QUEUE_COUNTER_PARAMS + QUEUE_SET_PARAMS + QUEUE_FENCE_PARAMS];
	char sql[1024];
	size_t n = 0;

	if (nset > QUEUE_SET_PARAMS)
		return -1;
	snprintf(sql, sizeof(sql), "UPDATE attack_jobs SET " QUEUE_COUNTERS ", %s" QUEUE_FENCE, set);
	p[n++] = DB_INT(c->issued);
	p[n++] = DB_INT(c->ok);
	p[n++] = DB_INT(r->errors);
	p[n++] = DB_INT(c->err_connect);
	p[n++] = DB_INT(c->err_timeout);
	p[n++] = DB_INT(c->err_http);
	p[n++] = DB_INT(c->err_other);
	p[n++] = DB_TEXT(r->codes_json);
	for (size_t i = 0; i < nset; i++)
		p[n++] = set_params[i];
	p[n++] = DB_INT(j->id);
	p[n++] = DB_TEXT(s->owner);
	p[n++] = DB_INT(j->attempts);
	return db_exec_params(db, sql, p, n);
}

static int fenced_result(long long affected, const struct job *j, const char *what)
{
	if (affected < 0)
		return -1;
	if (affected == 0) {
		log_warn("job %lld: lease lost before the %s was written; another run owns it", j->id,
			 what);
		return 1;
	}
	return 0;
}

int queue_write_progress(db_t *db, const struct flooder_settings *s, const struct job *j,
			 const struct job_counts *c, double current_rate)
{
	const struct db_param set[] = { DB_DOUBLE(current_rate), DB_INT(s->lease_s) };
	struct job_report r;
	long long n;

	if (report_counts(c, &r) != 0)
		return -1;
	n = queue_write(db, s, j, c, &r,
			"current_rate = ?, lease_expires = NOW(3) + INTERVAL ? SECOND", set, sizeof(set) / sizeof(set[0]));
	report_clear(&r);
	return fenced_result(n, j, "progress");
}

int queue_finish_job(db_t *db, const struct flooder_settings *s, struct job *j)
{
	const struct job_counts *c = &j->counts;
	struct job_report r;
	long long n;

	if (report_counts(c, &r) != 0)
		return -1;
	report_final(j, &r);
	/* -1 stands for "no value" in r; NULLIF stores it as SQL NULL. */
	const struct db_param set[] = { DB_DOUBLE(r.p50_ms), DB_DOUBLE(r.p90_ms),
					DB_DOUBLE(r.p99_ms), DB_DOUBLE(r.max_ms),
					DB_DOUBLE(r.achieved_rate) };

	n = queue_write(db, s, j, c, &r,
			"status = 'done', p50_ms = NULLIF(?, -1), p90_ms = NULLIF(?, -1), "
			"p99_ms = NULLIF(?, -1), max_ms = NULLIF(?, -1), "
			"achieved_rate = NULLIF(?, -1), current_rate = NULL, "
			"lease_expires = NULL, finished_at = NOW(3)",
			set, sizeof(set) / sizeof(set[0]));
	if (n > 0)
		log_info("job %lld done: %ld sent, %ld ok, %ld errors, p99 %.1f ms, %.2f/s", j->id,
			 c->issued, c->ok, r.errors, r.p99_ms, r.achieved_rate);
	report_clear(&r);
	return fenced_result(n, j, "report");
}

int queue_release_job(db_t *db, const struct flooder_settings *s, const struct job *j)
{
	const struct job_counts *c = &j->counts;
	struct job_report r;
	long long n;

	if (report_counts(c, &r) != 0)
		return -1;
	n = queue_write(db, s, j, c, &r,
			"status = 'queued', current_rate = NULL, lease_owner = NULL, "
			"lease_expires = NULL, attempts = attempts - 1",
			NULL, 0);
	if (n > 0)
		log_info("job %lld released after %ld of %ld requests", j->id, c->issued, j->total);
	report_clear(&r);
	return fenced_result(n, j, "release");
}
