/* dbthread.h — one database thread of the hall daemon, the skeleton the
 * worker (worker.h) and the identity thread (identify.h) share.
 *
 * The event loop never waits for MariaDB. It posts jobs to a thread with a
 * connection of its own; the thread runs rounds, each with the jobs posted
 * since the last, and hands results back, waking the loop with
 * lws_cancel_service (LWS_CALLBACK_EVENT_WAIT_CANCELLED). Jobs and results
 * are the owner's structs with a struct dbthread_item inside; the thread
 * only links them. */
#ifndef HALLD_DBTHREAD_H
#define HALLD_DBTHREAD_H

#include <libwebsockets.h>
#include <stddef.h>

#include "db.h"
#include "settings.h"

/* Inside each job and result; the owner finds its struct again with
 * lws_container_of. */
struct dbthread_item {
	struct dbthread_item *next;
};

struct dbthread;

struct dbthread_spec {
	const char *name;              /* for log lines: "the identity thread" */
	unsigned stop_wait_s;          /* how long dbthread_stop waits for the last round */
	/* One round, on the thread: jobs are those posted since the last round,
	 * oldest first (NULL: woken by time or a nudge); the round owns them.
	 * stopping is set on the last round, after which the thread ends.
	 * Returns the monotonic time of the next round wanted without news, or
	 * a negative number: only when a job comes. */
	double (*round)(void *owner, struct dbthread_item *jobs, size_t njobs, int stopping);
	/* Frees a job or a result never handed over (the thread had stopped). */
	void (*free_job)(struct dbthread_item *job);
	void (*free_result)(struct dbthread_item *result);
};

/* A thread not started yet, with a connection configured from the DB
 * settings that connects lazily: the owner keeps the pointer (and
 * dbthread_db) before any round can run. NULL (logged) when out of memory. */
struct dbthread *dbthread_new(const struct dbthread_spec *spec, void *owner,
			      const struct settings *settings, struct lws_context *ctx);

/* Starts the thread; its first round runs at once. -1 (logged) when it
 * cannot start: then t is freed. */
int dbthread_run(struct dbthread *t);

/* The thread's connection, for its rounds only. */
db_t *dbthread_db(struct dbthread *t);

/* Queues job for the next round. With wake the thread starts it now; without,
 * it takes the job at the round it had planned. -1 (the job is not taken)
 * when max jobs are already waiting (max 0: no limit). */
int dbthread_post(struct dbthread *t, struct dbthread_item *job, size_t max, int wake);

/* The lock over what the owner shares between the loop and its rounds (a
 * snapshot replaced rather than queued); dbthread_nudge, under it, makes the
 * next round come without waiting for its planned time and without waking
 * the thread now. */
void dbthread_lock(struct dbthread *t);
void dbthread_unlock(struct dbthread *t);
void dbthread_nudge(struct dbthread *t);

/* From a round: hands result to the loop and wakes it. */
void dbthread_emit(struct dbthread *t, struct dbthread_item *result);

/* From the loop: every result, oldest first (NULL: none). */
struct dbthread_item *dbthread_take(struct dbthread *t);

/* Stops the thread after its last round and frees it, with the jobs and
 * results left. A thread stuck on a database that does not answer is left
 * behind after spec->stop_wait_s seconds (logged; the process is about to
 * exit): then -1, and the owner must keep what the thread uses. */
int dbthread_stop(struct dbthread *t);

#endif
