/* identify.c — the hall daemon's identity thread (identify.h): looks up the
 * secrets the event loop posts, one after another, on a connection of its
 * own, and hands the answers back. */
#define _GNU_SOURCE   /* pthread_timedjoin_np */
#include "identify.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "github.h"
#include "log.h"

#define IDENTIFY_STOP_WAIT_S 2

struct identify_job {
	struct identify_job *next;
	unsigned long serial;
	char secret[IDENTITY_SECRET_LEN + 1];
};

struct identify {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	db_t *db;
	long hold_days;

	/* Shared with the loop, under lock. */
	struct lws_context *ctx;        /* NULL once the loop has gone */
	int stop;
	struct identify_job *jobs, *jobs_tail;
	size_t njobs;
	struct identify_result *results, *results_tail;

	/* The thread's own. */
	double retry_at;                /* the database is away: no try before this */
	int outage;
};

/* One answer: the database's, or IDENTIFY_FAILED without asking it while it is away. */
static void identify_one(struct identify *id, const struct identify_job *job,
			 struct identify_result *r)
{
	int found;

	r->serial = job->serial;
	identity_secret_hash(job->secret, r->hash);
	r->found = IDENTIFY_FAILED;
	if (clock_monotonic() < id->retry_at)
		return;
	if (db_connect(id->db) != 0) {
		if (!id->outage)
			log_warn("hall identities cannot be looked up: %s; visitors the hall "
				 "knew keep their IDs, newcomers are spectators until it is back",
				 db_error(id->db));
		id->outage = 1;
		id->retry_at = clock_monotonic() + IDENTIFY_RETRY_S;
		return;
	}
	found = identity_peek(id->db, job->secret, id->hold_days, &r->who);
	if (found < 0) {
		log_warn("looking up a hall visitor's identity: %s", db_error(id->db));
		if (db_is_outage(id->db)) {
			id->outage = 1;
			id->retry_at = clock_monotonic() + IDENTIFY_RETRY_S;
		}
		return;
	}
	if (id->outage)
		log_info("hall identities are looked up again");
	id->outage = 0;
	if (found == 0 || github_id_problem(r->who.github_id))
		r->found = IDENTIFY_NOBODY;
	else
		r->found = IDENTIFY_FOUND;
}

static void *identify_main(void *arg)
{
	struct identify *id = arg;

	for (;;) {
		struct identify_job *job;
		struct identify_result *r;

		pthread_mutex_lock(&id->lock);
		while (!id->stop && !id->jobs)
			pthread_cond_wait(&id->wake, &id->lock);
		if (id->stop) {
			pthread_mutex_unlock(&id->lock);
			break;
		}
		job = id->jobs;
		id->jobs = job->next;
		if (!id->jobs)
			id->jobs_tail = NULL;
		id->njobs--;
		pthread_mutex_unlock(&id->lock);

		r = calloc(1, sizeof(*r));
		if (r)
			identify_one(id, job, r);
		else
			log_error("out of memory answering who a hall visitor is");
		explicit_bzero(job->secret, sizeof(job->secret));
		free(job);
		if (!r)
			continue;

		pthread_mutex_lock(&id->lock);
		if (id->results_tail)
			id->results_tail->next = r;
		else
			id->results = r;
		id->results_tail = r;
		if (id->ctx)
			lws_cancel_service(id->ctx);
		pthread_mutex_unlock(&id->lock);
	}
	return NULL;
}

struct identify *identify_start(const struct settings *settings, struct lws_context *ctx)
{
	struct identify *id = calloc(1, sizeof(*id));

	if (!id || !(id->db = db_new(settings))) {
		free(id);
		log_error("out of memory starting the identity thread");
		return NULL;
	}
	id->ctx = ctx;
	id->hold_days = settings->identity_hold_days;
	pthread_mutex_init(&id->lock, NULL);
	pthread_cond_init(&id->wake, NULL);
	if (pthread_create(&id->thread, NULL, identify_main, id) != 0) {
		log_error("cannot start the identity thread");
		db_free(id->db);
		free(id);
		return NULL;
	}
	return id;
}

int identify_post(struct identify *id, unsigned long serial, const char *secret)
{
	struct identify_job *job;

	pthread_mutex_lock(&id->lock);
	if (id->njobs >= IDENTIFY_QUEUE_MAX) {
		pthread_mutex_unlock(&id->lock);
		return -1;
	}
	pthread_mutex_unlock(&id->lock);
	job = calloc(1, sizeof(*job));
	if (!job)
		return -1;
	job->serial = serial;
	snprintf(job->secret, sizeof(job->secret), "%s", secret);
	pthread_mutex_lock(&id->lock);
	if (id->jobs_tail)
		id->jobs_tail->next = job;
	else
		id->jobs = job;
	id->jobs_tail = job;
	id->njobs++;
	pthread_cond_signal(&id->wake);
	pthread_mutex_unlock(&id->lock);
	return 0;
}

struct identify_result *identify_take(struct identify *id)
{
	struct identify_result *r;

	if (!id)
		return NULL;
	pthread_mutex_lock(&id->lock);
	r = id->results;
	id->results = id->results_tail = NULL;
	pthread_mutex_unlock(&id->lock);
	return r;
}

void identify_stop(struct identify *id)
{
	struct timespec until;
	struct identify_result *r;

	if (!id)
		return;
	pthread_mutex_lock(&id->lock);
	id->stop = 1;
	pthread_cond_signal(&id->wake);
	pthread_mutex_unlock(&id->lock);
	/* A lookup stuck on a database that does not answer cannot be
	 * interrupted; the process leaves without the thread rather than hang. */
	until = clock_timespec(clock_wall() + IDENTIFY_STOP_WAIT_S);
	if (pthread_timedjoin_np(id->thread, NULL, &until) != 0) {
		log_warn("the identity thread did not stop within %d s; leaving without it",
			 IDENTIFY_STOP_WAIT_S);
		pthread_mutex_lock(&id->lock);
		id->ctx = NULL;
		pthread_mutex_unlock(&id->lock);
		return;
	}
	while (id->jobs) {
		struct identify_job *job = id->jobs;

		id->jobs = job->next;
		explicit_bzero(job->secret, sizeof(job->secret));
		free(job);
	}
	while ((r = id->results)) {
		id->results = r->next;
		free(r);
	}
	db_free(id->db);
	pthread_cond_destroy(&id->wake);
	pthread_mutex_destroy(&id->lock);
	free(id);
}
