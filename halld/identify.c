/* identify.c — the hall daemon's identity thread (identify.h): looks up the
 * secrets the event loop posts, one after another, on a connection of its
 * own, and hands the answers back. */
#include "identify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "github.h"
#include "log.h"

#define IDENTIFY_STOP_WAIT_S 2

struct identify_job {
	struct dbthread_item item;
	unsigned long serial;
	char secret[IDENTITY_SECRET_LEN + 1];
};

struct identify {
	struct dbthread *thread;
	long hold_days;

	/* The thread's own. */
	double retry_at;                /* the database is away: no try before this */
	int outage;
};

/* One answer: the database's, or IDENTIFY_FAILED without asking it while it is away. */
static void identify_one(struct identify *id, const struct identify_job *job,
			 struct identify_result *r)
{
	db_t *db = dbthread_db(id->thread);
	int found;

	r->serial = job->serial;
	identity_secret_hash(job->secret, r->hash);
	r->found = IDENTIFY_FAILED;
	if (clock_monotonic() < id->retry_at)
		return;
	if (db_connect(db) != 0) {
		if (!id->outage)
			log_warn("hall identities cannot be looked up: %s; visitors the hall "
				 "knew keep their IDs, newcomers are spectators until it is back",
				 db_error(db));
		id->outage = 1;
		id->retry_at = clock_monotonic() + IDENTIFY_RETRY_S;
		return;
	}
	found = identity_lookup(db, job->secret, id->hold_days, &r->who);
	if (found < 0) {
		log_warn("looking up a hall visitor's identity: %s", db_error(db));
		if (db_is_outage(db)) {
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

static void identify_free_job(struct dbthread_item *item)
{
	struct identify_job *job = lws_container_of(item, struct identify_job, item);

	explicit_bzero(job->secret, sizeof(job->secret));
	free(job);
}

static void identify_free_result(struct dbthread_item *item)
{
	free(lws_container_of(item, struct identify_result, item));
}

/* Answers each lookup in order; at the stop, what is left goes unanswered. */
static double identify_round(void *owner, struct dbthread_item *jobs, size_t njobs, int stopping)
{
	struct identify *id = owner;

	(void)njobs;
	while (jobs) {
		struct identify_job *job = lws_container_of(jobs, struct identify_job, item);
		struct identify_result *r = NULL;

		jobs = jobs->next;
		if (!stopping) {
			r = calloc(1, sizeof(*r));
			if (r)
				identify_one(id, job, r);
			else
				log_error("out of memory answering who a hall visitor is");
		}
		identify_free_job(&job->item);
		if (r)
			dbthread_emit(id->thread, &r->item);
	}
	return -1.0;
}

static const struct dbthread_spec identify_spec = {
	.name = "the identity thread",
	.stop_wait_s = IDENTIFY_STOP_WAIT_S,
	.round = identify_round,
	.free_job = identify_free_job,
	.free_result = identify_free_result,
};

struct identify *identify_start(const struct settings *settings, struct lws_context *ctx)
{
	struct identify *id = calloc(1, sizeof(*id));

	if (!id) {
		log_error("out of memory starting the identity thread");
		return NULL;
	}
	id->hold_days = settings->identity_hold_days;
	id->thread = dbthread_new(&identify_spec, id, settings, ctx);
	if (!id->thread || dbthread_run(id->thread) != 0) {
		free(id);
		return NULL;
	}
	return id;
}

int identify_post(struct identify *id, unsigned long serial, const char *secret)
{
	struct identify_job *job = calloc(1, sizeof(*job));

	if (!job)
		return -1;
	job->serial = serial;
	snprintf(job->secret, sizeof(job->secret), "%s", secret);
	if (dbthread_post(id->thread, &job->item, IDENTIFY_QUEUE_MAX, 1) != 0) {
		identify_free_job(&job->item);
		return -1;
	}
	return 0;
}

struct identify_result *identify_take(struct identify *id)
{
	struct dbthread_item *item = id ? dbthread_take(id->thread) : NULL;
	struct identify_result *first = NULL, **link = &first;

	/* Linked again by the loop's own next, oldest first. */
	for (; item; item = item->next) {
		*link = lws_container_of(item, struct identify_result, item);
		link = &(*link)->next;
	}
	*link = NULL;
	return first;
}

void identify_stop(struct identify *id)
{
	if (!id)
		return;
	if (dbthread_stop(id->thread) == 0)
		free(id);
}
