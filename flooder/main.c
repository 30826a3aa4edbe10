/* main.c — masakari-flooder: drains the attack queue, sending each job at its
 * exact rate at an allowlisted target.
 *
 * cron starts it every minute under `flock -n`; a run claims jobs until
 * Flooder.RunSeconds (55) past the minute, looking at the queue every
 * Flooder.PollMs, so a new job starts within a fraction of a second. A run
 * started at another moment stops at that same moment, so the next cron run
 * finds the lock free. A run that is still busy when its time is up has kept
 * that minute's cron run from starting, so it goes on claiming for another
 * minute in its place. -s SECONDS claims for exactly that long instead.
 *
 * SIGTERM (or SIGINT) stops claiming at once; within a second the run writes
 * each job's progress, gives the job back to the queue and exits.
 *
 * The main thread sends (attack.c); a second thread, the keeper (keeper.c),
 * does all the database work. The repliers (replier.c) answer new throws
 * with the server's words meanwhile. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "flooder.h"
#include "log.h"
#include "settings.h"

/* Descriptors beyond the transfers: the database, libcurl's own, stdio. */
#define FLOODER_SPARE_FDS 64

/* Read by the keeper thread: an atomic, which a signal handler may store to. */
static atomic_int flooder_stop_signal;

static void on_stop_signal(int sig)
{
	atomic_store(&flooder_stop_signal, sig);
}

static int usage(FILE *to)
{
	fprintf(to, "usage: masakari-flooder [-s SECONDS]\n\n"
		    "  -s SECONDS  claim jobs for this long, then finish them and exit\n"
		    "              (default: until Flooder.RunSeconds, 55, past the minute;\n"
		    "              cron starts a run every minute)\n\n"
		    "The configuration is read from $MASAKARI_CONFIG or %s.\n",
		CONFIG_DEFAULT_PATH);
	return 2;
}

static void flooder_settings_load(const struct settings *st, struct flooder_settings *s)
{
	char host[64];

	s->max_total_rate = st->flooder_max_total_rate;
	s->lease_s = st->flooder_lease_seconds;
	s->max_attempts = st->flooder_max_attempts;
	s->timeout_ms = st->flooder_request_timeout_ms;
	s->max_inflight = st->flooder_max_in_flight;
	s->poll_ms = st->flooder_poll_ms;
	if (s->claim_s == 0) {
		long until = st->flooder_run_seconds;

		/* Until the next time the clock reads that many seconds past the
		 * minute: where a run cron started on the minute stops. */
		s->claim_s = (double)until - fmod(clock_wall(), 60.0);
		if (s->claim_s <= 0)
			s->claim_s += 60.0;
	}
	s->targets = st->flooder_targets;
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

static int run_init(struct run *r, const struct flooder_settings *s, const struct settings *st)
{
	pthread_condattr_t ca;

	memset(r, 0, sizeof(*r));
	r->s = s;
	r->stop_signal = &flooder_stop_signal;
	pthread_mutex_init(&r->lock, NULL);
	/* The keeper's timed waits use the monotonic clock, like everything else. */
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&r->settled, &ca);
	pthread_condattr_destroy(&ca);
	atomic_store(&r->claim_until_ms, (long long)((clock_monotonic() + s->claim_s) * 1000.0));
	r->db = db_new(st);
	r->attack = r->db ? attack_new(s) : NULL;
	if (!r->db || !r->attack) {
		log_error("cannot start: out of memory");
		return -1;
	}
	return 0;
}

static void run_free(struct run *r)
{
	while (r->jobs) {
		struct job *j = r->jobs;

		r->jobs = j->next;
		job_free(j);
	}
	attack_free(r->attack);
	db_free(r->db);
	pthread_cond_destroy(&r->settled);
	pthread_mutex_destroy(&r->lock);
}

int main(int argc, char **argv)
{
	struct flooder_settings s;
	struct run r;
	struct sigaction sa;
	pthread_t keeper;
	HDF *cfg = NULL;
	struct settings st;
	int opt, rc = 0;

	memset(&s, 0, sizeof(s));
	log_init("masakari-flooder");
	while ((opt = getopt(argc, argv, "hs:")) != -1) {
		char *end;
		long seconds;

		switch (opt) {
		case 's':
			errno = 0;
			seconds = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || seconds < 1 || seconds > 3600) {
				fprintf(stderr, "masakari-flooder: -s wants whole seconds from 1 to 3600\n");
				return usage(stderr);
			}
			s.claim_s = (double)seconds;
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
	settings_read(cfg, &st);
	settings_use_account(&st, SETTINGS_PART_FLOODER);
	flooder_settings_load(&st, &s);
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
	if (run_init(&r, &s, &st) != 0) {
		run_free(&r);
		curl_global_cleanup();
		hdf_destroy(&cfg);
		return 1;
	}
	log_info("%s claims jobs for %.1f s (at most %ld requests/s, %ld in flight)", s.owner,
		 s.claim_s, s.max_total_rate, s.max_inflight);
	/* Before the keeper owns the connection: old rows go once a run. */
	if (db_connect(r.db) == 0)
		retention_prune(&st, r.db);
	if (replier_start(&st, &r) != 0)
		rc = 1;
	if (pthread_create(&keeper, NULL, keeper_main, &r) != 0) {
		log_error("cannot start the keeper thread");
		rc = 1;
	} else {
		attack_run(&r);
		pthread_join(keeper, NULL);
	}
	replier_join();
	run_free(&r);
	curl_global_cleanup();
	hdf_destroy(&cfg);
	return rc;
}
