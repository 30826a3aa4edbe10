/* flooder.h — the attack queue runner: its settings, the job it runs, and the
 * two halves that share them (queue.c talks to MariaDB, attack.c to the target).
 *
 * Errors follow the daemon idiom: functions return 0 / -1 and log the reason. */
#ifndef FLOODER_FLOODER_H
#define FLOODER_FLOODER_H

#include <ClearSilver.h>
#include <curl/curl.h>

#include "db.h"

/* HTTP status codes are counted in an array indexed by the code. */
#define FLOODER_MAX_STATUS 1000

struct flooder_settings {
	long max_total_rate;   /* requests/s over all jobs of this run */
	long lease_s;          /* how long a claim lasts without renewal */
	long max_attempts;     /* runs that may die holding a job before it fails */
	long timeout_ms;       /* per request, counted from its due time */
	long max_inflight;     /* requests (and so connections) open at once */
	long poll_ms;          /* how often an idle queue is looked at */
	long run_s;            /* how long a run keeps claiming jobs */
	HDF *targets;          /* Flooder.Targets: the only URLs ever attacked */
	char owner[128];       /* host:pid, written as the lease owner */
};

struct job {
	struct job *next;
	long long id;
	long attempts;         /* this run's attempt number: with owner, the lease fence */
	char *url;
	long rate;             /* requests per second */
	long duration_s;
	long total;            /* rate * duration_s */
	char user_agent[64];   /* names the job, so the target's log can tell jobs apart */

	double start;          /* monotonic seconds; request i is due at start + i / rate */
	long issued;           /* requests whose due time has come: the report's "sent" */
	long inflight;
	long ok, err_connect, err_timeout, err_http, err_other;
	unsigned codes[FLOODER_MAX_STATUS];
	float *latency_ms;     /* one per answered request, from its due time */
	long answered;
	long transfers;        /* requests actually handed to libcurl */
	double first_sent, last_sent;

	long issued_at_tick;   /* for the current rate between two progress writes */
	double tick_at;
	double current_rate;
	int lease_lost;        /* another runner owns it now: stop, write nothing */
	int report_pending;    /* every request is settled; the report is not written yet */
};

/* The numbers a report or a progress write stores; percentiles are -1 when no
 * request was answered. codes_json is malloc'd ({"200": n, …}). */
struct job_report {
	long errors;
	char *codes_json;
	double p50_ms, p90_ms, p99_ms, max_ms;
	double achieved_rate;  /* -1 with fewer than two requests sent */
};

/* queue.c — the attack_jobs table. */

/* Claims the oldest claimable job (queued, or running with an expired lease)
 * with SELECT … FOR UPDATE SKIP LOCKED, when its rate fits in capacity.
 * Jobs that can never run (target not allowlisted, bad rate or duration, out
 * of attempts) are failed on the way, with the reason. Returns 1 with *out
 * set, 0 when nothing may be claimed now, -1 on a database error (logged by
 * the caller from db_error). */
int queue_claim_job(db_t *db, const struct flooder_settings *s, long capacity, struct job **out);

/* Writes progress and renews the lease. Returns 0, 1 when the lease belongs to
 * someone else now (the job must stop), -1 on a database error. */
int queue_write_progress(db_t *db, const struct flooder_settings *s, struct job *j);

/* Writes the final report and marks the job done. Returns as above. */
int queue_finish_job(db_t *db, const struct flooder_settings *s, struct job *j);

/* Writes progress and puts the job back in the queue for another run, without
 * counting the attempt (a stop is not a failure). Returns as above. */
int queue_release_job(db_t *db, const struct flooder_settings *s, struct job *j);

/* attack.c — the open-loop schedule over one libcurl multi handle. */

struct attack;

/* A pool of at most max_inflight transfers with as many keep-alive
 * connections. Returns NULL (logged) when libcurl cannot be set up. */
struct attack *attack_new(const struct flooder_settings *s);
void attack_free(struct attack *a);

/* Allocates a job's counters for url at rate for duration_s; NULL when out of
 * memory. The schedule starts at attack_start_job. */
struct job *job_new(long long id, long attempts, const char *url, long rate, long duration_s);
void job_free(struct job *j);
void attack_start_job(struct job *j, double now);

/* Sends every request that has come due across jobs, lets libcurl work, and
 * settles finished transfers. Never blocks. */
void attack_step(struct attack *a, struct job *jobs, double now);

/* Waits for socket activity or until the monotonic time `until`. */
void attack_wait(struct attack *a, double until);

/* When the next request of any job comes due (or times out waiting for a free
 * connection); a large value when none is pending. */
double attack_next_due(const struct attack *a, const struct job *jobs);

/* Drops a job's transfers in flight (stop, or a lost lease). */
void attack_cancel_job(struct attack *a, struct job *j);

/* True when every request of the job has been sent and settled. */
int job_is_settled(const struct job *j);

/* Fills r from the job's counters; final adds percentiles and achieved rate.
 * Returns 0, or -1 when out of memory. */
int job_report_build(const struct job *j, int final, struct job_report *r);
void job_report_clear(struct job_report *r);

/* Monotonic seconds. */
double flooder_now(void);

#endif
