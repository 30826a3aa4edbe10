/* dbthread.c — the hall daemon's database thread skeleton (dbthread.h): a
 * queue of jobs in, rounds on a thread of its own, results out with a wake
 * of the event loop. */
#define _GNU_SOURCE   /* pthread_timedjoin_np */
#include "dbthread.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "log.h"

struct dbthread {
	const struct dbthread_spec *spec;
	void *owner;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	db_t *db;

	/* Shared with the loop, under lock. */
	struct lws_context *ctx;        /* NULL once the loop has gone */
	int stop;
	int nudged;
	struct dbthread_item *jobs, *jobs_tail;
	size_t njobs;
	struct dbthread_item *results, *results_tail;
};

static void dbthread_append(struct dbthread_item **head, struct dbthread_item **tail,
			    struct dbthread_item *item)
{
	item->next = NULL;
	if (*tail)
		(*tail)->next = item;
	else
		*head = item;
	*tail = item;
}

static void *dbthread_main(void *arg)
{
	struct dbthread *t = arg;
	double due = 0.0;

	for (;;) {
		struct dbthread_item *jobs;
		size_t njobs;
		int stopping;

		pthread_mutex_lock(&t->lock);
		while (!t->stop && !t->jobs && !t->nudged) {
			struct timespec until;

			if (due < 0) {
				pthread_cond_wait(&t->wake, &t->lock);
				continue;
			}
			if (clock_monotonic() >= due)
				break;
			until = clock_timespec(due);
			if (pthread_cond_timedwait(&t->wake, &t->lock, &until) == ETIMEDOUT)
				break;
		}
		jobs = t->jobs;
		njobs = t->njobs;
		t->jobs = t->jobs_tail = NULL;
		t->njobs = 0;
		t->nudged = 0;
		stopping = t->stop;
		pthread_mutex_unlock(&t->lock);

		due = t->spec->round(t->owner, jobs, njobs, stopping);
		if (stopping)
			return NULL;
	}
}

struct dbthread *dbthread_new(const struct dbthread_spec *spec, void *owner,
			      const struct settings *settings, struct lws_context *ctx)
{
	struct dbthread *t = calloc(1, sizeof(*t));
	pthread_condattr_t attr;

	if (!t || !(t->db = db_new(settings))) {
		free(t);
		log_error("out of memory starting %s", spec->name);
		return NULL;
	}
	t->spec = spec;
	t->owner = owner;
	t->ctx = ctx;
	pthread_mutex_init(&t->lock, NULL);
	/* Rounds are planned on the monotonic clock. */
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&t->wake, &attr);
	pthread_condattr_destroy(&attr);
	return t;
}

int dbthread_run(struct dbthread *t)
{
	if (pthread_create(&t->thread, NULL, dbthread_main, t) == 0)
		return 0;
	log_error("cannot start %s", t->spec->name);
	pthread_cond_destroy(&t->wake);
	pthread_mutex_destroy(&t->lock);
	db_free(t->db);
	free(t);
	return -1;
}

db_t *dbthread_db(struct dbthread *t)
{
	return t->db;
}

int dbthread_post(struct dbthread *t, struct dbthread_item *job, size_t max, int wake)
{
	pthread_mutex_lock(&t->lock);
	if (max && t->njobs >= max) {
		pthread_mutex_unlock(&t->lock);
		return -1;
	}
	dbthread_append(&t->jobs, &t->jobs_tail, job);
	t->njobs++;
	if (wake)
		pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&t->lock);
	return 0;
}

void dbthread_lock(struct dbthread *t)
{
	pthread_mutex_lock(&t->lock);
}

void dbthread_unlock(struct dbthread *t)
{
	pthread_mutex_unlock(&t->lock);
}

void dbthread_nudge(struct dbthread *t)
{
	t->nudged = 1;
}

void dbthread_emit(struct dbthread *t, struct dbthread_item *result)
{
	pthread_mutex_lock(&t->lock);
	dbthread_append(&t->results, &t->results_tail, result);
	/* Under the lock, so a thread left behind at shutdown never touches a
	 * context that is gone. */
	if (t->ctx)
		lws_cancel_service(t->ctx);
	pthread_mutex_unlock(&t->lock);
}

struct dbthread_item *dbthread_take(struct dbthread *t)
{
	struct dbthread_item *r;

	pthread_mutex_lock(&t->lock);
	r = t->results;
	t->results = t->results_tail = NULL;
	pthread_mutex_unlock(&t->lock);
	return r;
}

static void dbthread_free_list(struct dbthread_item *item, void (*free_item)(struct dbthread_item *))
{
	while (item) {
		struct dbthread_item *next = item->next;

		free_item(item);
		item = next;
	}
}

int dbthread_stop(struct dbthread *t)
{
	struct timespec until;

	if (!t)
		return 0;
	pthread_mutex_lock(&t->lock);
	t->stop = 1;
	pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&t->lock);
	/* A round stuck in a query to a database that does not answer cannot be
	 * interrupted; the process leaves without the thread rather than hang. */
	until = clock_timespec(clock_wall() + t->spec->stop_wait_s);
	if (pthread_timedjoin_np(t->thread, NULL, &until) != 0) {
		log_warn("%s did not stop within %u s; leaving without it", t->spec->name,
			 t->spec->stop_wait_s);
		pthread_mutex_lock(&t->lock);
		t->ctx = NULL;
		pthread_mutex_unlock(&t->lock);
		return -1;
	}
	dbthread_free_list(t->jobs, t->spec->free_job);
	dbthread_free_list(t->results, t->spec->free_result);
	db_free(t->db);
	pthread_cond_destroy(&t->wake);
	pthread_mutex_destroy(&t->lock);
	free(t);
	return 0;
}
