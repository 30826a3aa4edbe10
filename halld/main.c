/* main.c — masakari-halld, the hall daemon: one libwebsockets event loop
 * serving /ws behind nginx, a one-second tick, and a database worker thread.
 *
 * The loop is a libev loop of the daemon's own (epoll on Linux), handed to
 * lws as a foreign loop: lws's default poll() loop asks the kernel about
 * every connection on every wakeup, which with a thousand busy clients was
 * half the daemon's CPU. Without lws's libev plugin (Debian's
 * libwebsockets-evlib-ev) the daemon says so and falls back to poll().
 *
 * Configuration (HDF, $MASAKARI_CONFIG, read through lib/settings.h): the
 * Halld.* settings, the DB section and the Status section shared with
 * /api/status. docs/HALL.md says what each does. */
#include "hall.h"

#include <ev.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "identify.h"
#include "input.h"
#include "log.h"
#include "settings.h"
#include "worker.h"

static volatile sig_atomic_t halld_stopping;
static struct ev_loop *halld_loop;

static void halld_on_signal(int sig)
{
	(void)sig;
	/* poll() returns with EINTR, and the fallback loop looks at the flag. */
	halld_stopping = 1;
}

static void halld_on_ev_signal(struct ev_loop *loop, ev_signal *w, int revents)
{
	(void)w;
	(void)revents;
	ev_break(loop, EVBREAK_ALL);
}

/* Creates the context on our libev loop, or on lws's own poll() loop when
 * lws cannot use libev here. Returns NULL (logged) when neither works. */
static struct lws_context *halld_create_context(struct lws_context_creation_info *info)
{
	struct lws_context *ctx;
	void *loops[1];

	halld_loop = ev_loop_new(EVFLAG_AUTO);
	if (halld_loop) {
		loops[0] = halld_loop;
		info->foreign_loops = loops;
		info->options |= LWS_SERVER_OPTION_LIBEV;
		ctx = lws_create_context(info);
		if (ctx)
			return ctx;
		ev_loop_destroy(halld_loop);
		halld_loop = NULL;
		info->foreign_loops = NULL;
		info->options &= ~(uint64_t)LWS_SERVER_OPTION_LIBEV;
		/* A port that cannot be bound fails both ways: only when poll()
		 * works was libev the problem. */
		ctx = lws_create_context(info);
		if (ctx)
			log_warn("libwebsockets cannot use libev here (is libwebsockets-evlib-ev "
				 "installed?): falling back to poll(), which costs more with many clients");
		return ctx;
	}
	return lws_create_context(info);
}

static void halld_on_ev_cleanup_timeout(struct ev_loop *loop, ev_timer *w, int revents)
{
	(void)w;
	(void)revents;
	ev_break(loop, EVBREAK_ALL);
}

/* Runs until SIGINT or SIGTERM. */
static void halld_run(struct lws_context *ctx)
{
	ev_signal sigint, sigterm;

	if (!halld_loop) {
		signal(SIGINT, halld_on_signal);
		signal(SIGTERM, halld_on_signal);
		while (!halld_stopping)
			if (lws_service(ctx, 0) < 0)
				break;
		return;
	}
	ev_signal_init(&sigint, halld_on_ev_signal, SIGINT);
	ev_signal_init(&sigterm, halld_on_ev_signal, SIGTERM);
	ev_signal_start(halld_loop, &sigint);
	ev_signal_start(halld_loop, &sigterm);
	ev_run(halld_loop, 0);
	ev_signal_stop(halld_loop, &sigint);
	ev_signal_stop(halld_loop, &sigterm);
}

/* Destroys the context; on our loop, lets lws finish closing on it first. */
static void halld_destroy_context(struct lws_context *ctx)
{
	ev_timer limit;

	lws_context_destroy(ctx);
	if (!halld_loop)
		return;
	/* lws's last watchers go as it finishes; a timer makes sure we do too. */
	ev_timer_init(&limit, halld_on_ev_cleanup_timeout, 5.0, 0.0);
	ev_timer_start(halld_loop, &limit);
	ev_unref(halld_loop);
	ev_run(halld_loop, 0);
	ev_ref(halld_loop);
	ev_timer_stop(halld_loop, &limit);
	ev_loop_destroy(halld_loop);
	halld_loop = NULL;
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
static int halld_load_origins(struct hall *hall, const struct settings *settings)
{
	HDF *node = settings->halld_origins;

	for (node = node ? hdf_obj_child(node) : NULL; node; node = hdf_obj_next(node)) {
		const char *v = hdf_obj_value(node);

		if (v && *v && halld_add_origin(hall, v) != 0)
			return -1;
	}
	if (!hall->norigins) {
		long port = settings->site_port;
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

/* Halld.TrustedProxies.N, or loopback (the nginx in front) when none is set. */
static int halld_load_limits(struct hall *hall, const struct settings *settings)
{
	HDF *node = settings->halld_trusted_proxies;

	for (node = node ? hdf_obj_child(node) : NULL; node; node = hdf_obj_next(node)) {
		const char *v = hdf_obj_value(node);

		if (v && *v && address_add_proxy(hall, v) != 0)
			return -1;
	}
	if (!hall->nproxies && (address_add_proxy(hall, "127.0.0.1") != 0 ||
				address_add_proxy(hall, "::1") != 0))
		return -1;
	hall->max_per_address = (unsigned)settings->halld_max_per_address;
	hall->spectators_per_address = (unsigned)settings->halld_spectators_per_address;
	hall->connections_per_identity = (unsigned)settings->halld_connections_per_identity;
	hall->chat_rate = (double)settings->halld_chat_per_second;
	hall->proximity_radius = (double)settings->hall_proximity_radius;
	hall->bubble_max = (unsigned)settings->hall_bubble_max;
	hall->chat_burst = (double)settings->halld_chat_burst;
	return 0;
}

static void halld_free(struct hall *hall)
{
	address_free(hall);
	for (size_t i = 0; i < hall->norigins; i++)
		free(hall->origins[i]);
	free(hall->origins);
	chat_free(hall);
	positions_free(hall);
	proximity_free(hall);
	arrival_free(hall);
	events_free(hall);
}

int main(void)
{
	struct lws_context_creation_info info;
	struct worker_options wopt;
	static struct hall hall;
	lws_retry_bo_t retry;
	HDF *cfg = NULL;
	struct settings st;
	char host[65] = "localhost";
	const char *address;
	long port, ping, hangup;

	log_init("masakari-halld");
	if (config_load(&cfg) != 0)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	db_library_init();
	input_init();

	settings_read(cfg, &st);
	settings_use_account(&st, SETTINGS_PART_HALLD);
	port = st.halld_port;
	address = st.halld_address;
	ping = st.halld_ping_seconds;
	hangup = st.halld_timeout_seconds;
	if (hangup <= ping)
		hangup = ping + 1;
	gethostname(host, sizeof(host) - 1);
	snprintf(hall.daemon_id, sizeof(hall.daemon_id), "%s",
		 st.halld_daemon_id ? st.halld_daemon_id : "");
	if (!hall.daemon_id[0])
		snprintf(hall.daemon_id, sizeof(hall.daemon_id), "%.100s:%ld", host, port);
	if (halld_load_limits(&hall, &st) != 0) {
		log_error("out of memory reading Halld.TrustedProxies");
		return 1;
	}
	if (halld_load_origins(&hall, &st) != 0) {
		log_error("out of memory reading Halld.Origins");
		return 1;
	}
	hall.arrived = protocol_arrived;
	hall.settings = &st;
	hall.cookie_secure = strncmp(st.site_base_url ? st.site_base_url : "", "https://", 8) == 0;
	charmap_init(&hall.local);
	charmap_init(&hall.remote);
	charmap_init(&hall.published);

	hall.have_status =
		status_sampler_start_from(&st) == 0;

	lws_set_log_level(LLL_ERR | LLL_WARN, halld_lws_log);
	memset(&retry, 0, sizeof(retry));
	/* Half-open clients: ping after this much silence, hang up if no pong. */
	retry.secs_since_valid_ping = (uint16_t)ping;
	retry.secs_since_valid_hangup = (uint16_t)hangup;

	memset(&info, 0, sizeof(info));
	info.port = (int)port;
	info.iface = address;
	info.protocols = protocol_list;
	info.user = &hall;
	info.retry_and_idle_policy = &retry;
	info.timeout_secs = 10;
	/* Browsers send the site's cookies with the upgrade; keep room for them. */
	info.max_http_header_data = 8192;
	info.max_http_header_pool = 64;
	info.vhost_name = "masakari-halld";
	if (!strchr(address, ':'))
		info.options |= LWS_SERVER_OPTION_DISABLE_IPV6;

	hall.ctx = halld_create_context(&info);
	if (!hall.ctx) {
		log_error("cannot listen on %s:%ld (in use, or not an address of this host)",
			  address, port);
		return 1;
	}

	memset(&wopt, 0, sizeof(wopt));
	wopt.daemon_id = hall.daemon_id;
	wopt.host = host;
	wopt.presence_timeout_s = (unsigned)st.halld_presence_timeout_seconds;
	wopt.sample_interval_s = (unsigned)st.halld_status_sample_seconds;
	wopt.insights_interval_s = (unsigned)st.halld_insights_sample_seconds;
	wopt.record_status = hall.have_status;
	hall.worker = worker_start(&st, &wopt, hall.ctx);
	if (!hall.worker) {
		halld_destroy_context(hall.ctx);
		return 1;
	}
	hall.identify = identify_start(&st, hall.ctx);
	if (!hall.identify) {
		worker_stop(hall.worker);
		halld_destroy_context(hall.ctx);
		return 1;
	}

	log_info("the hall is open on %s:%ld as %s (%zu allowed origins, %s loop)", address,
		 port, hall.daemon_id, hall.norigins, halld_loop ? "libev" : "poll");
	tick_start(&hall);

	halld_run(hall.ctx);

	log_info("closing the hall");
	tick_stop(&hall);
	/* The worker first: it may still wake the loop until it has stopped. */
	worker_stop(hall.worker);
	hall.worker = NULL;
	identify_stop(hall.identify);
	hall.identify = NULL;
	halld_destroy_context(hall.ctx);
	halld_free(&hall);
	input_release();
	hdf_destroy(&cfg);
	return 0;
}
