/* main.c — masakari-flooder: drains the attack queue, sending each job at its
 * exact rate at an allowlisted target.
 *
 * cron starts it every minute under `flock -n`; a run claims jobs for about
 * 55 s (Flooder.RunSeconds, or -s), looking at the queue every
 * Flooder.PollMs, so a new job starts within a fraction of a second. A run
 * that is still busy when its time is up has kept that minute's cron run from
 * starting, so it goes on claiming for another minute in its place.
 *
 * SIGTERM (or SIGINT) stops claiming at once; within a second the run writes
 * each job's progress, gives the job back to the queue and exits. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "flooder.h"
#include "log.h"

/* cron's period: how long a busy run covers for the run it kept from starting. */
#define FLOODER_CRON_PERIOD_S 60.0
/* Descriptors beyond the transfers: the database, libcurl's own, stdio. */
#define FLOODER_SPARE_FDS 64

static volatile sig_atomic_t flooder_stop_signal;

static void on_stop_signal(int sig)
{
	flooder_stop_signal = sig;
}

static int usage(FILE *to)
{
	fprintf(to, "usage: masakari-flooder [-s SECONDS]\n\n"
		    "  -s SECONDS  claim jobs for this long, then finish them and exit\n"
		    "              (default Flooder.RunSeconds, 55: cron starts a run every minute)\n\n"
		    "The configuration is read from $MASAKARI_CONFIG or %s.\n",
		CONFIG_DEFAULT_PATH);
	return 2;
}

static void settings_load(HDF *cfg, struct flooder_settings *s)
{
	char host[64];

	s->max_total_rate = config_int(cfg, "Flooder.MaxTotalRate", 300, 1, 100000);
	s->lease_s = config_int(cfg, "Flooder.LeaseSeconds", 10, 2, 600);
	s->max_attempts = config_int(cfg, "Flooder.MaxAttempts", 3, 1, 100);
	s->timeout_ms = config_int(cfg, "Flooder.RequestTimeoutMs", 5000, 100, 600000);
	s->max_inflight = config_int(cfg, "Flooder.MaxInFlight", 256, 1, 10000);
	s->poll_ms = config_int(cfg, "Flooder.PollMs", 250, 10, 250);
	if (s->run_s == 0)
		s->run_s = config_int(cfg, "Flooder.RunSeconds", 55, 1, 3600);
	s->targets = hdf_get_obj(cfg, "Flooder.Targets");
	if (!s->targets || !hdf_obj_child(s->targets))
		log_warn("Flooder.Targets lists no target: every job will fail");
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(s->owner, sizeof(s->owner), "%s:%d", host, (int)getpid());
}

/* Every transfer holds a descriptor: make sure the cap fits the limit, so a
 * dead target meets the cap and never EMFILE. */
static void fit_descriptor_limit(struct flooder_settings *s)
{
	rlim_t need = (rlim_t)(s->max_inflight + FLOODER_SPARE_FDS);
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= need)
		return;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= need ? need : rl.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur < need) {
		long fit = (long)rl.rlim_cur - FLOODER_SPARE_FDS;

		s->max_inflight = fit > 1 ? fit : 1;
		log_warn("only %ld descriptors allowed: Flooder.MaxInFlight lowered to %ld",
			 (long)rl.rlim_cur, s->max_inflight);
	}
}

struct run {
	db_t *db;
	struct flooder_settings *s;
	struct attack *attack;
	struct job *jobs;
	int db_down;
};

/* Logs a database failure once per outage, and the recovery. */
static void note_db(struct run *r, int rc)
{
	if (rc < 0 && !r->db_down) {
		log_error("attack queue: %s", db_error(r->db));
		r->db_down = 1;
	} else if (rc >= 0 && r->db_down) {
		log_info("attack queue: the database answers again");
		r->db_down = 0;
	}
}

static long running_rate(const struct run *r)
{
	long sum = 0;

	for (const struct job *j = r->jobs; j; j = j->next)
		if (!j->lease_lost)
			sum += j->rate;
	return sum;
}

static void claim_jobs(struct run *r)
{
	for (;;) {
		struct job *j, **tail = &r->jobs;
		int rc = queue_claim_job(r->db, r->s, r->s->max_total_rate - running_rate(r), &j);

		note_db(r, rc);
		if (rc != 1)
			return;
		attack_start_job(j, flooder_now());
		log_info("job %lld: %ld requests/s for %ld s at %s (attempt %ld)", j->id, j->rate,
			 j->duration_s, j->url, j->attempts);
		/* Appended, so the older job keeps first call on free connections. */
		while (*tail)
			tail = &(*tail)->next;
		*tail = j;
	}
}

static void drop_job(struct run *r, struct job *j)
{
	for (struct job **p = &r->jobs; *p; p = &(*p)->next) {
		if (*p == j) {
			*p = j->next;
			break;
		}
	}
	attack_cancel_job(r->attack, j);
	job_free(j);
}

/* Writes the report of every settled job; one whose write failed is retried
 * at the next tick. */
static void finish_settled(struct run *r)
{
	struct job *j = r->jobs, *next;

	for (; j; j = next) {
		next = j->next;
		if (!job_is_settled(j) || j->report_pending)
			continue;
		if (!j->lease_lost) {
			int rc = queue_finish_job(r->db, r->s, j);

			note_db(r, rc);
			if (rc < 0) {
				j->report_pending = 1;
				continue;
			}
		}
		drop_job(r, j);
	}
}

/* Once a second: progress and lease renewal, pending reports, or (stopping)
 * the release of every job. */
static void tick(struct run *r, double now, int stopping)
{
	struct job *j = r->jobs, *next;

	for (; j; j = next) {
		int rc;

		next = j->next;
		if (stopping) {
			attack_cancel_job(r->attack, j);
			rc = j->report_pending ? queue_finish_job(r->db, r->s, j)
					       : queue_release_job(r->db, r->s, j);
			note_db(r, rc);
			if (rc < 0)
				log_warn("job %lld keeps its lease until it expires", j->id);
			drop_job(r, j);
			continue;
		}
		if (j->report_pending) {
			rc = queue_finish_job(r->db, r->s, j);
			note_db(r, rc);
			if (rc >= 0)
				drop_job(r, j);
			continue;
		}
		j->current_rate = now > j->tick_at ? (double)(j->issued - j->issued_at_tick) / (now - j->tick_at) : 0;
		j->issued_at_tick = j->issued;
		j->tick_at = now;
		rc = queue_write_progress(r->db, r->s, j);
		note_db(r, rc);
		if (rc == 1) {
			j->lease_lost = 1;
			attack_cancel_job(r->attack, j);
		}
	}
}

static void flooder_run(struct run *r)
{
	double now = flooder_now();
	double claim_until = now + (double)r->s->run_s;
	double next_poll = now, next_tick = now + 1.0;
	int stopping = 0;

	for (;;) {
		double wake;

		now = flooder_now();
		if (flooder_stop_signal && !stopping) {
			stopping = 1;
			log_info("signal %d: finishing this second, then releasing %s", (int)flooder_stop_signal,
				 r->jobs ? "the running jobs" : "nothing");
		}
		if (!stopping && now >= claim_until) {
			if (!r->jobs)
				break;
			claim_until += FLOODER_CRON_PERIOD_S;
			log_info("still busy: claiming for another %.0f s in place of the next run",
				 FLOODER_CRON_PERIOD_S);
		}
		if (stopping && !r->jobs)
			break;
		if (!stopping && now >= next_poll) {
			claim_jobs(r);
			/* While the database is away, knock less often. */
			next_poll = now + (r->db_down ? 1.0 : (double)r->s->poll_ms / 1000.0);
		}
		attack_step(r->attack, r->jobs, now);
		finish_settled(r);
		now = flooder_now();
		if (now >= next_tick) {
			tick(r, now, stopping);
			next_tick += 1.0;
			if (next_tick <= now)
				next_tick = now + 1.0;
		}
		wake = fmin(next_tick, attack_next_due(r->attack, r->jobs));
		if (!stopping)
			wake = fmin(wake, fmin(next_poll, claim_until));
		attack_wait(r->attack, wake);
	}
}

int main(int argc, char **argv)
{
	struct flooder_settings s;
	struct run r;
	struct sigaction sa;
	HDF *cfg = NULL;
	int opt;

	memset(&s, 0, sizeof(s));
	memset(&r, 0, sizeof(r));
	log_init("masakari-flooder");
	while ((opt = getopt(argc, argv, "hs:")) != -1) {
		char *end;

		switch (opt) {
		case 's':
			errno = 0;
			s.run_s = strtol(optarg, &end, 10);
			if (errno || *end || s.run_s < 1 || s.run_s > 3600) {
				fprintf(stderr, "masakari-flooder: -s wants whole seconds from 1 to 3600\n");
				return usage(stderr);
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return usage(stderr);
		}
	}
	if (optind != argc)
		return usage(stderr);
	if (config_load(&cfg) != 0)
		return 1;
	settings_load(cfg, &s);
	fit_descriptor_limit(&s);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* A target that closes mid-request must not kill the run. */
	signal(SIGPIPE, SIG_IGN);

	db_library_init();
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		log_error("cannot initialise libcurl");
		hdf_destroy(&cfg);
		return 1;
	}
	r.s = &s;
	r.db = db_new(cfg);
	r.attack = r.db ? attack_new(&s) : NULL;
	if (!r.db || !r.attack) {
		log_error("cannot start: out of memory");
		attack_free(r.attack);
		db_free(r.db);
		curl_global_cleanup();
		hdf_destroy(&cfg);
		return 1;
	}
	log_info("%s claims jobs for %ld s (at most %ld requests/s, %ld in flight)", s.owner,
		 s.run_s, s.max_total_rate, s.max_inflight);
	flooder_run(&r);
	attack_free(r.attack);
	db_free(r.db);
	curl_global_cleanup();
	hdf_destroy(&cfg);
	return 0;
}
