/* replier.c — the flooder's replier threads: the server's words for each new
 * throw, fetched off the request path.
 *
 * POST /masakari/throw stores the throw with a row in reply_queue and answers
 * at once; a slow or dead language model costs the critic nothing but the
 * wait on the throw's page, which shows the reply when it comes. Each run
 * starts Flooder.ReplyWorkers threads (2), each with its own database
 * connection. A thread claims the oldest row nobody holds — SELECT … FOR
 * UPDATE SKIP LOCKED, so the repliers of every flooder host share the queue —
 * leases it for LLM.TimeoutMs plus a margin, asks lib/reply.c for the reply
 * and deletes the row. A replier that dies mid-call leaves the lease to run
 * out; a throw whose attempts run out (Flooder.ReplyAttempts) gets a canned
 * line, so no throw waits forever. The threads claim while the keeper does
 * (and for as long, when it claims for another minute), start no reply that
 * could outlast the keeper's deadline, and finish the one in hand before the
 * run exits. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "db.h"
#include "flooder.h"
#include "log.h"
#include "reply.h"

struct replier {
	pthread_t thread;
	int started;
	const struct settings *settings;
	db_t *db;
	struct run *run;              /* its claim_until_ms and stop_signal */
	long poll_ms;
	long timeout_ms;              /* LLM.TimeoutMs: the longest a reply takes */
	long lease_s;
	long max_attempts;
};

static struct replier *repliers;
static long nrepliers;

/* Claims one throw to answer: 1 with *id (and *attempts, this one
 * included), 0 when there is none, -1 on a database error. */
static int claim(struct replier *rp, long long *id, long long *attempts)
{
	db_result *r;

	if (db_begin(rp->db) != 0)
		return -1;
	r = db_query(rp->db, "SELECT throw_id, attempts FROM reply_queue WHERE claimed_until IS NULL "
			     "OR claimed_until < NOW(3) ORDER BY throw_id LIMIT 1 FOR UPDATE SKIP LOCKED");
	if (!r)
		goto fail;
	if (r->nrows == 0) {
		db_result_free(r);
		db_rollback(rp->db);
		return 0;
	}
	*id = db_cell_int(r, 0, 0, 0);
	*attempts = db_cell_int(r, 0, 1, 0) + 1;
	db_result_free(r);
	if (db_exec(rp->db, "UPDATE reply_queue SET claimed_until = NOW(3) + INTERVAL ? SECOND, "
			    "attempts = attempts + 1 WHERE throw_id = ?",
		    DB_INT(rp->lease_s), DB_INT(*id)) != 1)
		goto fail;
	if (db_commit(rp->db) != 0)
		goto fail;
	return 1;
fail:
	db_rollback(rp->db);
	return -1;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void *replier_main(void *arg)
{
	struct replier *rp = arg;

	long long until;

	while ((until = atomic_load(&rp->run->claim_until_ms)) != 0 &&
	       !atomic_load(rp->run->stop_signal)) {
		long long id = 0, attempts = 0;
		int got, rc;

		/* A reply started now ends before the keeper's deadline, so the
		 * run ends on time and the next cron run finds the lock free;
		 * when the keeper claims for another minute, so do the repliers. */
		if (clock_monotonic() * 1000.0 + (double)rp->timeout_ms >= (double)until) {
			sleep_ms(rp->poll_ms);
			continue;
		}
		got = claim(rp, &id, &attempts);

		if (got < 0)
			log_warn("replier: claiming a throw to answer: %s", db_error(rp->db));
		if (got <= 0) {
			sleep_ms(got < 0 ? 1000 : rp->poll_ms);
			continue;
		}
		rc = attempts > rp->max_attempts ? reply_answer_canned(rp->db, id)
						 : reply_answer_throw(rp->settings, rp->db, id);
		if (rc == 0 &&
		    db_exec(rp->db, "DELETE FROM reply_queue WHERE throw_id = ?", DB_INT(id)) < 0)
			rc = -1;
		if (rc != 0)
			/* The lease runs out and the throw is claimed again. */
			log_warn("replier: throw %lld keeps its place in the queue: %s", id,
				 db_error(rp->db));
	}
	return NULL;
}

int replier_start(const struct settings *st, struct run *r)
{
	long n = st->flooder_reply_workers;
	long timeout_ms = st->llm_timeout_ms;

	if (n == 0)
		return 0;
	repliers = calloc((size_t)n, sizeof(*repliers));
	if (!repliers) {
		log_error("replier: out of memory");
		return -1;
	}
	nrepliers = n;
	for (long i = 0; i < n; i++) {
		struct replier *rp = &repliers[i];

		*rp = (struct replier){
			.settings = st,
			.db = db_new(st),
			.run = r,
			.poll_ms = st->flooder_poll_ms,
			.timeout_ms = timeout_ms,
			/* Longer than the whole call to the model, with room to store it. */
			.lease_s = timeout_ms / 1000 + 10,
			.max_attempts = st->flooder_reply_attempts,
		};
		if (!rp->db || pthread_create(&rp->thread, NULL, replier_main, rp) != 0) {
			log_error("replier: cannot start replier thread %ld", i + 1);
			continue;
		}
		rp->started = 1;
	}
	return 0;
}

void replier_join(void)
{
	for (long i = 0; i < nrepliers; i++) {
		if (repliers[i].started)
			pthread_join(repliers[i].thread, NULL);
		db_free(repliers[i].db);
	}
	free(repliers);
	repliers = NULL;
	nrepliers = 0;
}
