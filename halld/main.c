/* main.c — masakari-halld, the hall daemon: one libwebsockets event loop
 * serving /ws behind nginx, a one-second tick, and a database worker thread.
 *
 * Configuration (HDF, $MASAKARI_CONFIG): Halld.Port, Halld.Address,
 * Halld.Origins.N, Halld.DaemonId, Halld.PingSeconds, Halld.TimeoutSeconds,
 * Halld.PresenceTimeoutSeconds, Halld.StatusSampleSeconds, the DB section and
 * the Status section shared with /api/status. docs/HALL.md says what each does. */
#include "hall.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "worker.h"

static volatile sig_atomic_t halld_stopping;

static void halld_on_signal(int sig)
{
	(void)sig;
	/* poll() returns with EINTR, and the loop below looks at the flag. */
	halld_stopping = 1;
}

double hall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void halld_lws_log(int level, const char *line)
{
	char buf[512];
	size_t n;

	snprintf(buf, sizeof(buf), "%s", line);
	n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (level & LLL_ERR)
		log_error("lws: %s", buf);
	else
		log_warn("lws: %s", buf);
}

static void halld_tick(lws_sorted_usec_list_t *sul)
{
	struct hall *hall = lws_container_of(sul, struct hall, tick_sul);
	double now;

	hall_tick(hall);
	/* Keep to whole seconds from the start rather than drift by the tick's cost. */
	now = hall_now();
	hall->next_tick += 1.0;
	if (hall->next_tick < now)
		hall->next_tick = now + 1.0;
	lws_sul_schedule(hall->ctx, 0, &hall->tick_sul, halld_tick,
			 (lws_usec_t)((hall->next_tick - now) * LWS_US_PER_SEC));
}

static int halld_add_origin(struct hall *hall, const char *origin)
{
	char **grown = realloc(hall->origins, (hall->norigins + 1) * sizeof(*grown));

	if (!grown)
		return -1;
	hall->origins = grown;
	hall->origins[hall->norigins] = strdup(origin);
	if (!hall->origins[hall->norigins])
		return -1;
	hall->norigins++;
	return 0;
}

/* Halld.Origins.N, or the site's own origins on Site.Port when none is set. */
static int halld_load_origins(struct hall *hall, HDF *cfg)
{
	HDF *node = hdf_get_obj(cfg, "Halld.Origins");

	for (node = node ? hdf_obj_child(node) : NULL; node; node = hdf_obj_next(node)) {
		const char *v = hdf_obj_value(node);

		if (v && *v && halld_add_origin(hall, v) != 0)
			return -1;
	}
	if (!hall->norigins) {
		long port = config_int(cfg, "Site.Port", 8080, 1, 65535);
		char origin[64];

		snprintf(origin, sizeof(origin), "http://localhost:%ld", port);
		if (halld_add_origin(hall, origin) != 0)
			return -1;
		snprintf(origin, sizeof(origin), "http://127.0.0.1:%ld", port);
		if (halld_add_origin(hall, origin) != 0)
			return -1;
	}
	return 0;
}

static void halld_free(struct hall *hall)
{
	for (size_t i = 0; i < hall->norigins; i++)
		free(hall->origins[i]);
	free(hall->origins);
	for (unsigned i = 0; i < hall->history_count; i++)
		hall_msg_unref(hall->history[(hall->history_start + i) % HALL_HISTORY]);
	charmap_clear(&hall->local);
	charmap_clear(&hall->remote);
	charmap_clear(&hall->published);
}

int main(void)
{
	struct lws_context_creation_info info;
	struct worker_options wopt;
	static struct hall hall;
	lws_retry_bo_t retry;
	HDF *cfg = NULL;
	char host[65] = "localhost";
	const char *address;
	long port, ping, hangup;

	log_init("masakari-halld");
	if (config_load(&cfg) != 0)
		return 1;
	signal(SIGINT, halld_on_signal);
	signal(SIGTERM, halld_on_signal);
	signal(SIGPIPE, SIG_IGN);
	db_library_init();

	port = config_int(cfg, "Halld.Port", 7681, 1, 65535);
	address = config_str(cfg, "Halld.Address", "127.0.0.1");
	ping = config_int(cfg, "Halld.PingSeconds", 30, 1, 3600);
	hangup = config_int(cfg, "Halld.TimeoutSeconds", 60, 2, 7200);
	if (hangup <= ping)
		hangup = ping + 1;
	gethostname(host, sizeof(host) - 1);
	snprintf(hall.daemon_id, sizeof(hall.daemon_id), "%s",
		 config_str(cfg, "Halld.DaemonId", ""));
	if (!hall.daemon_id[0])
		snprintf(hall.daemon_id, sizeof(hall.daemon_id), "%.100s:%ld", host, port);
	if (halld_load_origins(&hall, cfg) != 0) {
		log_error("out of memory reading Halld.Origins");
		return 1;
	}
	charmap_init(&hall.local);
	charmap_init(&hall.remote);
	charmap_init(&hall.published);

	hall.have_status =
		status_sampler_start(config_str(cfg, "Status.ProcRoot", "/proc"),
				     (int)config_int(cfg, "Status.IncludeLoopback", 0, 0, 1),
				     (unsigned)config_int(cfg, "Status.IntervalMs", 1000, 100, 60000)) == 0;

	lws_set_log_level(LLL_ERR | LLL_WARN, halld_lws_log);
	memset(&retry, 0, sizeof(retry));
	/* Half-open clients: ping after this much silence, hang up if no pong. */
	retry.secs_since_valid_ping = (uint16_t)ping;
	retry.secs_since_valid_hangup = (uint16_t)hangup;

	memset(&info, 0, sizeof(info));
	info.port = (int)port;
	info.iface = address;
	info.protocols = hall_protocols;
	info.user = &hall;
	info.retry_and_idle_policy = &retry;
	info.timeout_secs = 10;
	/* Browsers send the site's cookies with the upgrade; keep room for them. */
	info.max_http_header_data = 8192;
	info.max_http_header_pool = 64;
	info.vhost_name = "masakari-halld";
	if (!strchr(address, ':'))
		info.options |= LWS_SERVER_OPTION_DISABLE_IPV6;

	hall.ctx = lws_create_context(&info);
	if (!hall.ctx) {
		log_error("cannot listen on %s:%ld (in use, or not an address of this host)",
			  address, port);
		return 1;
	}

	memset(&wopt, 0, sizeof(wopt));
	wopt.daemon_id = hall.daemon_id;
	wopt.host = host;
	wopt.presence_timeout_s = (unsigned)config_int(cfg, "Halld.PresenceTimeoutSeconds", 10, 2, 600);
	wopt.sample_interval_s = (unsigned)config_int(cfg, "Halld.StatusSampleSeconds", 5, 0, 3600);
	wopt.record_status = hall.have_status;
	hall.worker = worker_start(cfg, &wopt, hall.ctx);
	if (!hall.worker) {
		lws_context_destroy(hall.ctx);
		return 1;
	}

	log_info("the hall is open on %s:%ld as %s (%zu allowed origins)", address, port,
		 hall.daemon_id, hall.norigins);
	hall.next_tick = hall_now() + 1.0;
	lws_sul_schedule(hall.ctx, 0, &hall.tick_sul, halld_tick, LWS_US_PER_SEC);

	while (!halld_stopping)
		if (lws_service(hall.ctx, 0) < 0)
			break;

	log_info("closing the hall");
	lws_sul_cancel(&hall.tick_sul);
	/* The worker first: it may still wake the loop until it has stopped. */
	worker_stop(hall.worker);
	hall.worker = NULL;
	lws_context_destroy(hall.ctx);
	halld_free(&hall);
	hdf_destroy(&cfg);
	return 0;
}
