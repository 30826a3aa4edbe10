/* flooder.h — the attack queue runner: its settings, the jobs it runs, and the
 * parts that share them.
 *
 * Two threads: the sender (attack.c over job.c and wire.c, the main thread)
 * keeps every job's schedule on one epoll set and never waits for the database;
 * the keeper (keeper.c over queue.c and report.c) claims jobs, writes progress
 * and reports, and renews leases. Beside them, the repliers (replier.c) fetch
 * the server's words for new throws, sharing nothing with the attack but the
 * run's time. The sender and keeper share the job list under one mutex, which neither holds
 * across I/O. Errors follow the daemon idiom: 0 / -1 and a logged reason. */
#ifndef FLOODER_FLOODER_H
#define FLOODER_FLOODER_H

#include <ClearSilver.h>
#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>

#include "db.h"
#include "wire.h"

/* HTTP status codes are counted in an array indexed by the code. */
#define FLOODER_MAX_STATUS 1000

struct flooder_settings {
	long max_total_rate;   /* requests/s over all jobs of this run */
	long venue_max_rate;   /* requests/s over all running jobs of every host; 0: none */
	long lease_s;          /* how long a claim lasts without renewal */
	long max_attempts;     /* runs that may die holding a job before it fails */
	long timeout_ms;       /* per request, counted from its due time */
	long max_inflight;     /* requests (and so connections) open at once */
	long poll_ms;          /* how often the queue is looked at */
	double claim_s;        /* how long this run claims jobs, from its start */
	HDF *targets;          /* Flooder.Targets: the only URLs ever attacked */
	char owner[128];       /* host:pid, written as the lease owner */
};

/* What a progress write or a report stores: copied out under the lock. */
struct job_counts {
	long issued;           /* requests whose due time has come: the report's "sent" */
	long ok, err_connect, err_timeout, err_http, err_other;
	unsigned codes[FLOODER_MAX_STATUS];
};

struct job {
	struct job *next;
	/* Set by the keeper before the sender sees the job, then read-only. */
	long long id;
	long attempts;         /* this run's attempt number: with owner, the lease fence */
	char *url;
	long rate;             /* requests per second */
	long duration_s;
	long total;            /* rate * duration_s */
	char user_agent[64];   /* names the job, so the target's log can tell jobs apart */
	struct wire_target *wire; /* a plain-HTTP target's address and request; NULL: libcurl's */
	double start;          /* monotonic seconds; request i is due at start + i / rate */

	/* The sender's, under the lock; the keeper's alone once settled. */
	struct job_counts counts;
	long inflight;
	float *latency_ms;     /* one per answered request, from its due time */
	long answered;
	long transfers;        /* requests actually sent (not given up waiting) */
	double first_sent, last_sent;
	double pace_at;        /* monotonic; the next request may go then (attack.c) */

	/* Under the lock: written by the keeper, read by the sender. */
	double lease_until;    /* monotonic; past it another run may own the job */

	/* Flags under the lock. */
	int stop;              /* keeper → sender: drop its transfers, send no more;
				* also set by the sender itself when lease_until passes */
	int settled;           /* sender → keeper: nothing in flight, nothing more to send */

	/* The keeper's own. */
	int lease_lost;        /* another runner owns it now: write nothing */
	double next_progress;  /* when its next progress write is due */
	long issued_at_tick;   /* for the current rate between two progress writes */
	double tick_at;
	double retry_at;       /* a failed report write is tried again then */
};

struct run {
	pthread_mutex_t lock;
	pthread_cond_t settled;        /* the sender settled a job… */
	unsigned long settle_count;    /* …and counted it here, so no wake-up is missed */
	struct job *jobs;              /* added and removed by the keeper, under the lock */
	int over;                      /* the keeper is done: the sender returns */
	struct attack *attack;
	db_t *db;                      /* the keeper's alone */
	const struct flooder_settings *s;
	atomic_int *stop_signal;       /* set by SIGTERM / SIGINT */
	/* The keeper's claim deadline in monotonic ms, moved on when it claims
	 * for another minute, 0 once the run is over: the repliers follow it. */
	atomic_llong claim_until_ms;
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

/* Writes progress from c and renews the lease. Returns 0, 1 when the lease
 * belongs to someone else now (the job must stop), -1 on a database error. */
int queue_write_progress(db_t *db, const struct flooder_settings *s, const struct job *j,
			 const struct job_counts *c, double current_rate);

/* Writes the final report of a settled job and marks it done. Returns as above. */
int queue_finish_job(db_t *db, const struct flooder_settings *s, struct job *j);

/* Writes a settled job's progress and puts it back in the queue for another
 * run, without counting the attempt (a stop is not a failure). Returns as above. */
int queue_release_job(db_t *db, const struct flooder_settings *s, const struct job *j);

/* keeper.c — the keeper thread: claims, progress, reports, the run's end. */
void *keeper_main(void *run);

/* attack.c — the open-loop schedule, plain HTTP by wire.c, HTTPS by libcurl. */

struct attack;

/* A pool of at most max_inflight transfers with as many keep-alive
 * connections. Returns NULL (logged) when epoll or libcurl cannot be set up. */
struct attack *attack_new(const struct flooder_settings *s);
void attack_free(struct attack *a);

/* The sender: runs every job's schedule until the keeper says the run is
 * over. Runs on the calling thread. */
void attack_run(struct run *r);

/* Wakes the sender (a job was added or told to stop). Never fails. */
void attack_wake(struct attack *a);

/* job.c — one job's schedule and bookkeeping.
 * job_new allocates a job to send url at rate for duration_s, resolving a
 * plain-HTTP target's host (blocking: the keeper's thread calls it); NULL when
 * out of memory. Its schedule starts at j->start. job_due is when request i is
 * due; job_is_settled is 1 when nothing is in flight and nothing more will be
 * sent; job_note_transfer counts a request sent at now. */
struct job *job_new(long long id, long attempts, const char *url, long rate, long duration_s);
void job_free(struct job *j);
double job_due(const struct job *j, long i);
int job_is_settled(const struct job *j);
void job_note_transfer(struct job *j, double now);

/* report.c — the numbers stored for a job.
 * report_counts fills r's errors and codes from c; returns 0, or -1 when out
 * of memory. report_final adds latency percentiles and the achieved rate of a
 * settled job (sorting its latencies). report_clear frees what r holds. */
int report_counts(const struct job_counts *c, struct job_report *r);
void report_final(struct job *j, struct job_report *r);
void report_clear(struct job_report *r);

/* retention.c — deletes the rows older than Retention.* (see there); what
 * cannot be deleted now is logged and tried at the next run. */
void retention_prune(const struct settings *st, db_t *db);

/* replier.c — the threads that fetch the server's reply to each new throw. */

/* Starts Flooder.ReplyWorkers threads that answer throws from reply_queue
 * while r's keeper claims jobs (r->claim_until_ms), or until *r->stop_signal.
 * Returns 0, or -1 when out of memory; a thread that cannot start is logged
 * and left out. */
int replier_start(const struct settings *st, struct run *r);

/* Waits for the repliers to finish the reply each has in hand. */
void replier_join(void);

#endif
