/* keeper.c — the flooder's second thread: everything that talks to the
 * database, so a slow statement never shifts a request off its schedule.
 *
 * It looks at the queue every Flooder.PollMs and claims what fits under
 * Flooder.MaxTotalRate; every second of a job's schedule it writes the job's
 * progress, which renews the lease; it writes the report of every job the
 * sender settles. It decides when the run is over: idle once its claiming
 * time is up, or, after SIGTERM, once the current second is finished and
 * every job is given back. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flooder.h"
#include "clock.h"
#include "log.h"

/* cron's period: how long a busy run covers for the run it kept from starting. */
#define KEEPER_CRON_PERIOD_S 60.0
/* How long before its lease runs out a job this run cannot renew stops. */
#define KEEPER_LEASE_MARGIN_S 0.5

struct keeper {
	struct run *r;
	int db_down;
};

/* Logs a database failure once per outage, and the recovery. */
static void note_db(struct keeper *k, int rc)
{
	if (rc < 0 && !k->db_down) {
		log_error("attack queue: %s", db_error(k->r->db));
		k->db_down = 1;
	} else if (rc >= 0 && k->db_down) {
		log_info("attack queue: the database answers again");
		k->db_down = 0;
	}
}

static long running_rate(const struct run *r)
{
	long sum = 0;

	for (const struct job *j = r->jobs; j; j = j->next)
		sum += j->rate;
	return sum;
}

/* The claim or renewal asked for at monotonic time `asked` makes the database
 * set the lease to its own NOW() + LeaseSeconds, which is no sooner than this.
 * The sender stops a job when it passes (a renewal failed or hangs: the
 * database is away), a little early, so that the requests this run still has
 * in flight are dropped before another run can claim the job. */
static double lease_deadline(const struct flooder_settings *s, double asked)
{
	return asked + (double)s->lease_s - KEEPER_LEASE_MARGIN_S;
}

static void claim_jobs(struct keeper *k)
{
	struct run *r = k->r;

	for (;;) {
		struct job *j, **tail = &r->jobs;
		double asked = clock_monotonic();
		int rc = queue_claim_job(r->db, r->s, r->s->max_total_rate - running_rate(r), &j);

		note_db(k, rc);
		if (rc != 1)
			return;
		log_info("job %lld: %ld requests/s for %ld s at %s (attempt %ld)", j->id, j->rate,
			 j->duration_s, j->url, j->attempts);
		j->start = j->tick_at = clock_monotonic();
		j->lease_until = lease_deadline(r->s, asked);
		/* A second into the job, halfway between two requests, so each
		 * progress write counts whole seconds of the schedule: `rate`
		 * requests, not one more or less depending on who came first. */
		j->next_progress = j->start + 1.0 + 0.5 / (double)j->rate;
		pthread_mutex_lock(&r->lock);
		/* Appended, so the older job keeps first call on free connections. */
		while (*tail)
			tail = &(*tail)->next;
		*tail = j;
		pthread_mutex_unlock(&r->lock);
		attack_wake(r->attack);
	}
}

static void drop_job(struct run *r, struct job *j)
{
	pthread_mutex_lock(&r->lock);
	for (struct job **p = &r->jobs; *p; p = &(*p)->next) {
		if (*p == j) {
			*p = j->next;
			break;
		}
	}
	pthread_mutex_unlock(&r->lock);
	job_free(j);
}

static int job_settled(struct run *r, struct job *j)
{
	int settled;

	pthread_mutex_lock(&r->lock);
	settled = j->settled;
	pthread_mutex_unlock(&r->lock);
	return settled;
}

/* A settled job belongs to the keeper alone: report it (all of it was sent),
 * or give it back (it was stopped part way). A failed write is tried again a
 * second later, unless the run is stopping: then the lease runs out and
 * another run takes the job. */
static void close_settled(struct keeper *k, double now, int stopping)
{
	struct run *r = k->r;
	struct job *j = r->jobs, *next;

	/* Only this thread adds or removes jobs, so it may walk the list unlocked. */
	for (; j; j = next) {
		int rc;

		next = j->next;
		if (now < j->retry_at || !job_settled(r, j))
			continue;
		if (j->lease_lost) {
			drop_job(r, j);
			continue;
		}
		rc = j->counts.issued == j->total ? queue_finish_job(r->db, r->s, j)
						  : queue_release_job(r->db, r->s, j);
		note_db(k, rc);
		if (rc < 0 && !stopping) {
			j->retry_at = now + 1.0;
			continue;
		}
		if (rc < 0)
			log_warn("job %lld keeps its lease until it expires", j->id);
		drop_job(r, j);
	}
}

/* Progress of every job still sending whose second is up, which renews its
 * lease. Returns when the next one is due. */
static double write_progress(struct keeper *k, double now)
{
	struct run *r = k->r;
	double next = HUGE_VAL;
	struct job_counts c;

	for (struct job *j = r->jobs; j; j = j->next) {
		double rate, asked;
		int rc;

		pthread_mutex_lock(&r->lock);
		if (j->settled || now < j->next_progress) {
			pthread_mutex_unlock(&r->lock);
			next = fmin(next, j->settled ? HUGE_VAL : j->next_progress);
			continue;
		}
		c = j->counts;
		pthread_mutex_unlock(&r->lock);
		rate = (double)(c.issued - j->issued_at_tick) / (now - j->tick_at);
		j->issued_at_tick = c.issued;
		j->tick_at = now;
		j->next_progress += 1.0;
		if (j->next_progress <= now)
			j->next_progress = now + 1.0;
		next = fmin(next, j->next_progress);
		asked = clock_monotonic();
		rc = queue_write_progress(r->db, r->s, j, &c, rate);
		note_db(k, rc);
		if (rc == 0) {
			pthread_mutex_lock(&r->lock);
			j->lease_until = lease_deadline(r->s, asked);
			pthread_mutex_unlock(&r->lock);
		} else if (rc == 1) {
			j->lease_lost = 1;
			pthread_mutex_lock(&r->lock);
			j->stop = 1;
			pthread_mutex_unlock(&r->lock);
			attack_wake(r->attack);
		}
	}
	return next;
}

static void stop_all(struct run *r)
{
	pthread_mutex_lock(&r->lock);
	for (struct job *j = r->jobs; j; j = j->next)
		j->stop = 1;
	pthread_mutex_unlock(&r->lock);
	attack_wake(r->attack);
}

/* Sleeps until the monotonic time `until` (the condition variable runs on
 * CLOCK_MONOTONIC) or until the sender settles a job it has not seen yet. */
static void wait_until(struct run *r, double until, unsigned long *seen)
{
	struct timespec ts = clock_timespec(until);

	pthread_mutex_lock(&r->lock);
	if (r->settle_count == *seen)
		pthread_cond_timedwait(&r->settled, &r->lock, &ts);
	*seen = r->settle_count;
	pthread_mutex_unlock(&r->lock);
}

void *keeper_main(void *arg)
{
	struct keeper k = { .r = arg };
	struct run *r = k.r;
	double now = clock_monotonic();
	double claim_until = now + r->s->claim_s;

	atomic_store(&r->claim_until_ms, (long long)(claim_until * 1000.0));
	double next_poll = now, stop_at = HUGE_VAL;
	unsigned long seen = 0;
	int stopping = 0, stop_sent = 0;

	for (;;) {
		double wake;

		now = clock_monotonic();
		if (!stopping && atomic_load(r->stop_signal)) {
			stopping = 1;
			/* "The current second": until the next progress write of
			 * any job, a second at most. */
			stop_at = now + 1.0;
			for (const struct job *j = r->jobs; j; j = j->next)
				stop_at = fmin(stop_at, j->next_progress);
			log_info("signal %d: finishing this second, then giving back %s",
				 atomic_load(r->stop_signal), r->jobs ? "the running jobs" : "nothing");
		}
		if (!stopping && now >= claim_until) {
			if (!r->jobs)
				break;
			claim_until += KEEPER_CRON_PERIOD_S;
			atomic_store(&r->claim_until_ms, (long long)(claim_until * 1000.0));
			log_info("still busy: claiming for another %.0f s in place of the next run",
				 KEEPER_CRON_PERIOD_S);
		}
		if (stopping && !r->jobs)
			break;
		if (!stopping && now >= next_poll) {
			claim_jobs(&k);
			/* While the database is away, knock less often. */
			next_poll = now + (k.db_down ? 1.0 : (double)r->s->poll_ms / 1000.0);
		}
		close_settled(&k, now, stopping);
		if (stopping && !stop_sent && now >= stop_at) {
			stop_all(r);
			stop_sent = 1;
		}
		if (stopping && !r->jobs)
			break;
		if (stopping)
			wake = stop_sent ? now + 1.0 : stop_at;
		else
			wake = fmin(write_progress(&k, now), fmin(next_poll, claim_until));
		wait_until(r, wake, &seen);
	}
	pthread_mutex_lock(&r->lock);
	r->over = 1;
	pthread_mutex_unlock(&r->lock);
	atomic_store(&r->claim_until_ms, 0);
	attack_wake(r->attack);
	return NULL;
}
