/* loadclient.c — bench-hall-load: a libwebsockets client holding many hall
 * connections, each moving a number of times a second, that measures when
 * each published tick reaches each connection, and samples the server's CPU
 * and memory from /proc. Prints one JSON object (jansson) on stdout.
 *
 *   bench-hall-load --port P [--connections N] [--rate R] [--warmup S]
 *                   [--seconds S] [--pid SERVER_PID] [--ramp N_PER_10MS]
 *                   [--spectators]
 *
 * Measuring a tick without changing the protocol: every move carries its send
 * time in pos_x (milliseconds modulo 2000, fractions kept by the server), so
 * the newest send time inside a delta bounds when the server built it from
 * below. Connection 0 keeps whole frames and works that out per tick; every
 * connection notes when each frame arrived, identified by a hash of its first
 * bytes; delay = arrival - build. With --rate 0 the connections stay idle (for
 * memory per connection); --spectators joins without ?user=, so a newcomer is
 * not sent a hall of thousands of avatars.
 *
 * Like the daemon, the client runs lws on a libev (epoll) loop of its own, so
 * its own wakeups do not cost in proportion to its thousands of sockets. */
#define _GNU_SOURCE   /* memmem */
#include <ev.h>
#include <jansson.h>
#include <libwebsockets.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define HEAD_BYTES 256
#define MOD_MS 2000.0

struct conn {
	struct lws *wsi;
	int index;
	int state;                  /* 0 not yet, 1 connecting, 2 open, 3 closed, 4 failed */
	int in_message;
	unsigned char head[HEAD_BYTES];
	size_t headlen, msglen;
	int seen_positions;         /* the first one is the full set: not a tick to time */
	unsigned char *full;        /* connection 0 only: the whole frame */
	size_t fullcap;
	char user[40];
};

struct arrival {
	uint64_t key;
	double at;
};

struct tick_build {
	uint64_t key;
	double built;
	double first;   /* the earliest delay of this tick at any connection */
};

static struct {
	struct lws_context *ctx;
	struct ev_loop *loop;
	const char *host;
	int port;
	int nconns, rate, ramp, warmup, seconds, spectators;
	int server_pid;
	struct conn *conns;
	int opened, open_now, failed, closed, errors;
	double start, measure_from, measure_to;
	struct arrival *arrivals;
	size_t narrivals, cap_arrivals;
	struct tick_build *builds;
	size_t nbuilds, cap_builds;
	unsigned long long frames, bytes;
	lws_sorted_usec_list_t sul_ramp, sul_move, sul_sample;
	unsigned move_slot;
	long long cpu_from, cpu_to;
	long rss_start, rss_max, rss_end;
	int done;
} B;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static uint64_t fnv(const unsigned char *p, size_t n, size_t len)
{
	uint64_t h = 1469598103934665603ull ^ len;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ull;
	return h;
}

/* utime + stime of the server in clock ticks, or -1. */
static long long server_cpu(void)
{
	char path[64], buf[1024];
	FILE *f;
	long long ut = 0, st = 0;
	char *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", B.server_pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	/* fields after ") ": state is 3rd field, utime 14th, stime 15th */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lld %lld", &ut, &st) != 2)
		return -1;
	return ut + st;
}

static long server_rss_kb(void)
{
	char path[64], line[256];
	FILE *f;
	long kb = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", B.server_pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

static void record_build(uint64_t key, double built)
{
	if (B.nbuilds == B.cap_builds) {
		B.cap_builds = B.cap_builds ? B.cap_builds * 2 : 256;
		B.builds = realloc(B.builds, B.cap_builds * sizeof(*B.builds));
		if (!B.builds)
			abort();
	}
	B.builds[B.nbuilds].key = key;
	B.builds[B.nbuilds].built = built;
	B.nbuilds++;
}

static void record_arrival(uint64_t key, double at)
{
	if (B.narrivals == B.cap_arrivals) {
		B.cap_arrivals = B.cap_arrivals ? B.cap_arrivals * 2 : 4096;
		B.arrivals = realloc(B.arrivals, B.cap_arrivals * sizeof(*B.arrivals));
		if (!B.arrivals)
			abort();
	}
	B.arrivals[B.narrivals].key = key;
	B.arrivals[B.narrivals].at = at;
	B.narrivals++;
}

/* The newest send time encoded in a delta's pos_x values. */
static double newest_send(const unsigned char *frame, size_t len, double arrived)
{
	const char *p = (const char *)frame, *end = p + len;
	double newest = -1.0;

	while ((p = memmem(p, (size_t)(end - p), "\"pos_x\":", 8)) != NULL) {
		double v = strtod(p + 8, NULL);
		double base = floor((arrived - v) / MOD_MS) * MOD_MS + v;

		if (base > arrived)
			base -= MOD_MS;
		if (base > newest)
			newest = base;
		p += 8;
	}
	return newest;
}

static void frame_done(struct conn *c, double at)
{
	static const char pos[] = "{\"action\":\"UPDATE_CHARACTER_POS\"";
	static const char err[] = "{\"action\":\"ERROR_MESSAGE\"";
	uint64_t key;

	B.frames++;
	B.bytes += c->msglen;
	if (c->headlen >= sizeof(err) - 1 && !memcmp(c->head, err, sizeof(err) - 1))
		B.errors++;
	if (c->headlen < sizeof(pos) - 1 || memcmp(c->head, pos, sizeof(pos) - 1))
		return;
	if (!c->seen_positions++)
		return;
	key = fnv(c->head, c->headlen, c->msglen);
	if (c->index == 0 && B.rate > 0) {
		double built = newest_send(c->full, c->msglen, at);

		if (built > 0)
			record_build(key, built);
	}
	if (at >= B.measure_from && at <= B.measure_to)
		record_arrival(key, at);
}

static void send_move(struct conn *c)
{
	unsigned char buf[LWS_PRE + 160];
	double t = now_ms();
	json_t *j = json_pack("{s:s,s:f,s:i}", "action", "UPDATE_CHARACTER_POS", "pos_x",
			      fmod(t, MOD_MS), "pos_y", 100 + c->index % 2300);
	size_t n = json_dumpb(j, (char *)buf + LWS_PRE, sizeof(buf) - LWS_PRE, JSON_COMPACT);

	json_decref(j);
	if (n && n < sizeof(buf) - LWS_PRE)
		lws_write(c->wsi, buf + LWS_PRE, n, LWS_WRITE_TEXT);
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
		    size_t len)
{
	struct conn *c = user;

	switch (reason) {
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		c->state = 2;
		B.open_now++;
		break;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		if (c) {
			c->state = 4;
			c->wsi = NULL;
			B.failed++;
		}
		break;
	case LWS_CALLBACK_CLIENT_CLOSED:
		if (c->state == 2)
			B.open_now--;
		c->state = 3;
		c->wsi = NULL;
		B.closed++;
		break;
	case LWS_CALLBACK_CLIENT_RECEIVE:
		if (!c->in_message) {
			c->in_message = 1;
			c->headlen = c->msglen = 0;
		}
		if (c->headlen < HEAD_BYTES) {
			size_t take = HEAD_BYTES - c->headlen < len ? HEAD_BYTES - c->headlen : len;

			memcpy(c->head + c->headlen, in, take);
			c->headlen += take;
		}
		if (c->index == 0) {
			if (c->msglen + len > c->fullcap) {
				c->fullcap = (c->msglen + len) * 2;
				c->full = realloc(c->full, c->fullcap);
				if (!c->full)
					abort();
			}
			memcpy(c->full + c->msglen, in, len);
		}
		c->msglen += len;
		if (lws_is_final_fragment(wsi) && !lws_remaining_packet_payload(wsi)) {
			c->in_message = 0;
			frame_done(c, now_ms());
		}
		break;
	case LWS_CALLBACK_CLIENT_WRITEABLE:
		if (B.rate > 0 && !B.done)
			send_move(c);
		break;
	default:
		break;
	}
	return 0;
}

static const struct lws_protocols protocols[] = {
	{ "masakari", callback, 0, 256 * 1024, 0, NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 },
};

static void open_one(struct conn *c)
{
	struct lws_client_connect_info i;
	char path[64];

	snprintf(c->user, sizeof(c->user), "bench-%d", c->index);
	if (B.spectators)
		snprintf(path, sizeof(path), "/ws");
	else
		snprintf(path, sizeof(path), "/ws?user=%s", c->user);
	memset(&i, 0, sizeof(i));
	i.context = B.ctx;
	i.address = B.host;
	i.port = B.port;
	i.path = path;
	i.host = B.host;
	i.protocol = "masakari";
	i.local_protocol_name = "masakari";
	i.userdata = c;
	i.pwsi = &c->wsi;
	c->state = 1;
	if (!lws_client_connect_via_info(&i)) {
		c->state = 4;
		B.failed++;
	}
}

static void on_ramp(lws_sorted_usec_list_t *sul)
{
	int n = 0;

	(void)sul;
	while (B.opened < B.nconns && n < B.ramp) {
		open_one(&B.conns[B.opened]);
		B.opened++;
		n++;
	}
	if (B.opened < B.nconns)
		lws_sul_schedule(B.ctx, 0, &B.sul_ramp, on_ramp, 10 * LWS_US_PER_MS);
}

/* Every millisecond, the connections whose turn it is ask to move: spread
 * evenly, so some move lands just before any tick and the newest send time in
 * a delta is within about a millisecond of when the server built it. */
static void on_move(lws_sorted_usec_list_t *sul)
{
	unsigned slots = (unsigned)(1000 / B.rate);

	(void)sul;
	if (!slots)
		slots = 1;
	for (int k = (int)(B.move_slot % slots); k < B.opened; k += (int)slots)
		if (B.conns[k].state == 2)
			lws_callback_on_writable(B.conns[k].wsi);
	B.move_slot++;
	lws_sul_schedule(B.ctx, 0, &B.sul_move, on_move, LWS_US_PER_MS);
}

/* True once every connection is open, or has failed or closed. */
static int all_settled(void)
{
	if (B.opened < B.nconns)
		return 0;
	for (int i = 0; i < B.nconns; i++)
		if (B.conns[i].state < 2)
			return 0;
	return 1;
}

static void on_sample(lws_sorted_usec_list_t *sul)
{
	double t = now_ms();
	long rss = server_rss_kb();

	(void)sul;
	/* The warm-up starts when everyone is in (or after two minutes of trying). */
	if (B.measure_from == 0 && (all_settled() || t - B.start > 120000.0)) {
		B.measure_from = t + B.warmup * 1000.0;
		B.measure_to = B.measure_from + B.seconds * 1000.0;
	}
	if (rss > B.rss_max)
		B.rss_max = rss;
	if (B.measure_from == 0) {
		lws_sul_schedule(B.ctx, 0, &B.sul_sample, on_sample, 250 * LWS_US_PER_MS);
		return;
	}
	if (B.cpu_from < 0 && t >= B.measure_from)
		B.cpu_from = server_cpu();
	if (t >= B.measure_to) {
		B.cpu_to = server_cpu();
		B.rss_end = rss;
		B.done = 1;
		ev_break(B.loop, EVBREAK_ALL);
		return;
	}
	lws_sul_schedule(B.ctx, 0, &B.sul_sample, on_sample, 250 * LWS_US_PER_MS);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int cmp_build(const void *a, const void *b)
{
	const struct tick_build *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static double percentile(const double *v, size_t n, double p)
{
	size_t i;

	if (!n)
		return NAN;
	i = (size_t)ceil(p * (double)n) - 1;
	return v[i >= n ? n - 1 : i];
}

static void report(void)
{
	double *delays = malloc((B.narrivals + 1) * sizeof(*delays));
	double *firsts = malloc((B.nbuilds + 1) * sizeof(*firsts));
	size_t n = 0, ticks = 0, nfirsts = 0;
	double hz = (double)sysconf(_SC_CLK_TCK);
	json_t *out;

	qsort(B.builds, B.nbuilds, sizeof(*B.builds), cmp_build);
	for (size_t i = 0; i < B.nbuilds; i++)
		B.builds[i].first = INFINITY;
	for (size_t i = 0; i < B.narrivals; i++) {
		struct tick_build probe = { B.arrivals[i].key, 0, 0 };
		struct tick_build *t = bsearch(&probe, B.builds, B.nbuilds, sizeof(*B.builds), cmp_build);

		if (t) {
			delays[n++] = B.arrivals[i].at - t->built;
			if (B.arrivals[i].at - t->built < t->first)
				t->first = B.arrivals[i].at - t->built;
		}
	}
	/* How soon the first connection had each tick: the server's own part,
	 * before the fan-out (and the client's reading) spreads it. */
	for (size_t i = 0; i < B.nbuilds; i++)
		if (isfinite(B.builds[i].first))
			firsts[nfirsts++] = B.builds[i].first;
	qsort(firsts, nfirsts, sizeof(*firsts), cmp_double);
	for (size_t i = 0; i < B.nbuilds; i++)
		if (B.builds[i].built >= B.measure_from && B.builds[i].built <= B.measure_to)
			ticks++;
	qsort(delays, n, sizeof(*delays), cmp_double);
	out = json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:I,s:I,s:I,s:I,s:f,s:f,s:f,s:f,s:f,s:I,s:I,s:I}",
			"connections", B.nconns, "open_at_end", B.open_now, "failed", B.failed,
			"closed", B.closed, "rate", B.rate, "seconds", B.seconds, "errors", B.errors,
			"ticks", (json_int_t)ticks, "deliveries", (json_int_t)n,
			"frames", (json_int_t)B.frames, "bytes", (json_int_t)B.bytes,
			"p50_ms", n ? percentile(delays, n, 0.50) : -1.0,
			"p99_ms", n ? percentile(delays, n, 0.99) : -1.0,
			"max_ms", n ? delays[n - 1] : -1.0,
			"first_p50_ms", nfirsts ? percentile(firsts, nfirsts, 0.50) : -1.0,
			"cpu_cores", B.cpu_from >= 0 && B.cpu_to >= 0
				? (double)(B.cpu_to - B.cpu_from) / hz / B.seconds : -1.0,
			"rss_start_kb", (json_int_t)B.rss_start, "rss_max_kb", (json_int_t)B.rss_max,
			"rss_end_kb", (json_int_t)B.rss_end);
	json_dumpf(out, stdout, JSON_COMPACT);
	putchar('\n');
	json_decref(out);
	free(delays);
	free(firsts);
}

static int arg_int(int argc, char **argv, const char *name, int def)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], name))
			return atoi(argv[i + 1]);
	return def;
}

int main(int argc, char **argv)
{
	struct lws_context_creation_info info;
	void *loops[1];

	B.host = "127.0.0.1";
	B.port = arg_int(argc, argv, "--port", 0);
	B.nconns = arg_int(argc, argv, "--connections", 1000);
	B.rate = arg_int(argc, argv, "--rate", 10);
	B.warmup = arg_int(argc, argv, "--warmup", 5);
	B.seconds = arg_int(argc, argv, "--seconds", 20);
	B.server_pid = arg_int(argc, argv, "--pid", 0);
	B.ramp = arg_int(argc, argv, "--ramp", 20);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--spectators"))
			B.spectators = 1;
	if (B.port <= 0 || B.nconns <= 0 || B.rate < 0 || B.rate > 100 || B.seconds <= 0) {
		fprintf(stderr, "usage: bench-hall-load --port P [--connections N] [--rate R] "
				"[--warmup S] [--seconds S] [--pid SERVER_PID] [--ramp N] "
				"[--spectators]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	B.conns = calloc((size_t)B.nconns, sizeof(*B.conns));
	if (!B.conns)
		return 1;
	for (int i = 0; i < B.nconns; i++)
		B.conns[i].index = i;
	B.cpu_from = B.cpu_to = -1;
	B.rss_start = B.rss_max = server_rss_kb();

	lws_set_log_level(LLL_ERR, NULL);
	B.loop = ev_loop_new(EVFLAG_AUTO);
	if (!B.loop) {
		fprintf(stderr, "bench-hall-load: no event loop\n");
		return 1;
	}
	loops[0] = B.loop;
	memset(&info, 0, sizeof(info));
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = protocols;
	info.timeout_secs = 30;
	/* lws reads at most this much per socket per wakeup: room for a whole
	 * tick, so one socket's frame is not read in slices between the others'. */
	info.pt_serv_buf_size = 256 * 1024;
	info.options = LWS_SERVER_OPTION_LIBEV;
	info.foreign_loops = loops;
	B.ctx = lws_create_context(&info);
	if (!B.ctx) {
		fprintf(stderr, "bench-hall-load: lws init failed (libwebsockets-evlib-ev?)\n");
		return 1;
	}
	B.start = now_ms();
	lws_sul_schedule(B.ctx, 0, &B.sul_ramp, on_ramp, 1);
	if (B.rate > 0)
		lws_sul_schedule(B.ctx, 0, &B.sul_move, on_move, 10 * LWS_US_PER_MS);
	lws_sul_schedule(B.ctx, 0, &B.sul_sample, on_sample, 250 * LWS_US_PER_MS);
	ev_run(B.loop, 0);
	report();
	/* The process ends here: closing thousands of connections one by one
	 * would only add to the server's figures after the measurement. */
	for (int i = 0; i < B.nconns; i++)
		free(B.conns[i].full);
	free(B.conns);
	free(B.arrivals);
	free(B.builds);
	return 0;
}
