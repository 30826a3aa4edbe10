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
 * So that a run cannot measure something else than it says, it also reports
 * the moves sent in the measured window (the rate asked for, reached?) and how
 * many distinct visitors connection 0 saw move (did the server take every
 * connection for the visitor it says it is, or for a spectator?).
 *
 * Like the daemon, the client runs lws on a libev (epoll) loop of its own, so
 * its own wakeups do not cost in proportion to its thousands of sockets.
 *
 * The WebSocket client side is done here, on raw lws sockets: lws's own ws
 * client feeds every payload byte through its parser one call at a time, and
 * at a thousand 100 KB ticks a second that measured the client, not the
 * server. Here frame headers are parsed and payloads taken in bulk, and the
 * RFC 6455 client rules hold: the handshake is checked (status, accept key,
 * subprotocol), what the client sends is masked, pings are answered. */
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

#include "clock.h"
#include "sha256.h"

#define HEAD_BYTES 256
#define MOD_MS 2000.0
#define WS_GUID "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

struct conn {
	struct lws *wsi;
	int index;
	int state;                  /* 0 not yet, 1 connecting, 2 open, 3 closed, 4 failed */
	int connected, handshake_sent, move_due, pong_due;
	char key[32];               /* Sec-WebSocket-Key */
	char hs[2048];              /* the server's handshake answer */
	size_t hslen;
	unsigned char hdr[14];      /* the frame header being read */
	size_t hdrlen, hdrneed;
	uint64_t left;              /* payload bytes of the current frame still to come */
	int frame_op, fin;
	unsigned char ping[125];
	size_t pinglen;
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
	unsigned long move_slot;
	long long cpu_from, cpu_to;
	long long sys_from, sys_to;   /* the stime part of them */
	long rss_start, rss_max, rss_end;
	int done;
	unsigned long long moves;   /* sent inside the measured window */
	unsigned char *seen;        /* connection 0: which bench-N it saw move */
	int movers_seen;
} B;

static uint64_t fnv(const unsigned char *p, size_t n, size_t len)
{
	uint64_t h = 1469598103934665603ull ^ len;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ull;
	return h;
}

/* utime + stime of the server in clock ticks, or -1; its stime alone (the
 * kernel's part, where the system calls and loopback's TCP are) in *sys. */
static long long server_cpu(long long *sys)
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
	*sys = st;
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

/* Room for one more of n elements of size bytes in array (capacity *cap,
 * first elements to begin with); a bench that cannot keep its records stops. */
static void *grow(void *array, size_t n, size_t *cap, size_t first, size_t size)
{
	if (n < *cap)
		return array;
	*cap = *cap ? *cap * 2 : first;
	array = realloc(array, *cap * size);
	if (!array)
		abort();
	return array;
}

static void record_build(uint64_t key, double built)
{
	B.builds = grow(B.builds, B.nbuilds, &B.cap_builds, 256, sizeof(*B.builds));
	B.builds[B.nbuilds].key = key;
	B.builds[B.nbuilds].built = built;
	B.nbuilds++;
}

static void record_arrival(uint64_t key, double at)
{
	B.arrivals = grow(B.arrivals, B.narrivals, &B.cap_arrivals, 4096, sizeof(*B.arrivals));
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

/* Connection 0 notes every visitor a delta names, until it has seen them all. */
static void note_movers(const unsigned char *frame, size_t len)
{
	static const char who[] = "\"user_id\":\"bench-";
	const char *p = (const char *)frame, *end = p + len;

	while (B.movers_seen < B.nconns &&
	       (p = memmem(p, (size_t)(end - p), who, sizeof(who) - 1)) != NULL) {
		long i = strtol(p + sizeof(who) - 1, NULL, 10);

		if (i >= 0 && i < B.nconns && !B.seen[i]) {
			B.seen[i] = 1;
			B.movers_seen++;
		}
		p += sizeof(who) - 1;
	}
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
		note_movers(c->full, c->msglen);
	}
	if (at >= B.measure_from && at <= B.measure_to)
		record_arrival(key, at);
}

/* One masked client frame with a payload of at most 125 bytes. */
static int ws_send(struct conn *c, int opcode, const unsigned char *payload, size_t n)
{
	unsigned char buf[LWS_PRE + 6 + 125], *f = buf + LWS_PRE;
	uint32_t mask = (uint32_t)rand();
	unsigned char *m = (unsigned char *)&mask;

	if (n > 125)
		return -1;
	f[0] = (unsigned char)(0x80 | opcode);
	f[1] = (unsigned char)(0x80 | n);
	memcpy(f + 2, m, 4);
	for (size_t i = 0; i < n; i++)
		f[6 + i] = payload[i] ^ m[i % 4];
	return lws_write(c->wsi, f, 6 + n, LWS_WRITE_RAW) == (int)(6 + n) ? 0 : -1;
}

static int send_move(struct conn *c)
{
	char text[128];
	double t = clock_monotonic() * 1e3;
	json_t *j = json_pack("{s:s,s:f,s:i}", "action", "UPDATE_CHARACTER_POS", "pos_x",
			      fmod(t, MOD_MS), "pos_y", 100 + c->index % 2300);
	size_t n = json_dumpb(j, text, sizeof(text), JSON_COMPACT);

	json_decref(j);
	if (!n || n > 125)
		return -1;
	if (t >= B.measure_from && t <= B.measure_to && B.measure_from > 0)
		B.moves++;
	return ws_send(c, 1, (unsigned char *)text, n);
}

static int send_handshake(struct conn *c)
{
	unsigned char buf[LWS_PRE + 640];
	char raw[16], secret[65], cookie[96] = "";
	int n;

	for (int i = 0; i < 16; i++)
		raw[i] = (char)rand();
	lws_b64_encode_string(raw, 16, c->key, sizeof(c->key));
	/* halld knows a visitor only by the identity cookie: its secret is the
	 * SHA-256 of "bench-hall:" and the ID, whose hash run.sh stores in
	 * identities. ?user= is only for the reference server, which has no
	 * database; halld ignores it. */
	if (!B.spectators) {
		char seed[64];

		snprintf(seed, sizeof(seed), "bench-hall:%s", c->user);
		sha256_hex(seed, strlen(seed), secret);
		snprintf(cookie, sizeof(cookie), "Cookie: identity=%s\r\n", secret);
	}
	n = snprintf((char *)buf + LWS_PRE, sizeof(buf) - LWS_PRE,
		     "GET /ws%s%s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
		     "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n%s"
		     "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: masakari\r\n\r\n",
		     B.spectators ? "" : "?user=", B.spectators ? "" : c->user, B.host, B.port,
		     c->key, cookie);
	c->handshake_sent = 1;
	return lws_write(c->wsi, buf + LWS_PRE, (size_t)n, LWS_WRITE_RAW) == n ? 0 : -1;
}

/* The value of header name in the handshake answer, or NULL. */
static const char *hs_header(const struct conn *c, const char *name)
{
	char pattern[64];
	const char *p;

	snprintf(pattern, sizeof(pattern), "\r\n%s:", name);
	p = strcasestr(c->hs, pattern);
	if (!p)
		return NULL;
	p += strlen(pattern);
	while (*p == ' ')
		p++;
	return p;
}

static int handshake_ok(const struct conn *c)
{
	char src[96], want[64];
	unsigned char sha[20];
	const char *accept = hs_header(c, "Sec-WebSocket-Accept");
	const char *protocol = hs_header(c, "Sec-WebSocket-Protocol");

	if (strncmp(c->hs, "HTTP/1.1 101", 12) != 0 || !accept || !protocol)
		return 0;
	snprintf(src, sizeof(src), "%s%s", c->key, WS_GUID);
	lws_SHA1((const unsigned char *)src, strlen(src), sha);
	lws_b64_encode_string((const char *)sha, 20, want, sizeof(want));
	return strncmp(accept, want, strlen(want)) == 0 && accept[strlen(want)] == '\r' &&
	       strncmp(protocol, "masakari\r", 9) == 0;
}

/* A whole frame has arrived: answer control frames, finish messages. */
static int frame_end(struct conn *c)
{
	switch (c->frame_op) {
	case 0x8:   /* close: the server let us go */
		return -1;
	case 0x9:
		c->pong_due = 1;
		lws_callback_on_writable(c->wsi);
		return 0;
	case 0xA:
		return 0;
	default:
		if (c->fin)
			frame_done(c, clock_monotonic() * 1e3);
		return 0;
	}
}

static void take_payload(struct conn *c, const unsigned char *p, size_t n)
{
	if (c->frame_op >= 0x8) {
		size_t room = sizeof(c->ping) - c->pinglen;

		memcpy(c->ping + c->pinglen, p, n < room ? n : room);
		c->pinglen += n < room ? n : room;
		return;
	}
	if (c->headlen < HEAD_BYTES) {
		size_t take = HEAD_BYTES - c->headlen < n ? HEAD_BYTES - c->headlen : n;

		memcpy(c->head + c->headlen, p, take);
		c->headlen += take;
	}
	if (c->index == 0) {
		if (c->msglen + n > c->fullcap) {
			c->fullcap = (c->msglen + n) * 2;
			c->full = realloc(c->full, c->fullcap);
			if (!c->full)
				abort();
		}
		memcpy(c->full + c->msglen, p, n);
	}
	c->msglen += n;
}

/* Server frames: headers byte by byte (they are short), payloads in bulk. */
static int ws_rx(struct conn *c, const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len;

	while (p < end) {
		if (!c->left && !c->hdrneed) {
			c->hdrlen = 0;
			c->hdrneed = 2;
		}
		if (c->hdrneed) {
			while (p < end && c->hdrlen < c->hdrneed) {
				c->hdr[c->hdrlen++] = *p++;
				if (c->hdrlen == 2) {
					unsigned l = c->hdr[1] & 0x7f;

					if (c->hdr[1] & 0x80)
						return -1;   /* a server never masks */
					c->hdrneed = 2 + (l == 126 ? 2 : l == 127 ? 8 : 0);
				}
			}
			if (c->hdrlen < c->hdrneed)
				return 0;
			c->fin = c->hdr[0] & 0x80;
			c->frame_op = c->hdr[0] & 0x0f;
			c->left = c->hdr[1] & 0x7f;
			if (c->left == 126) {
				c->left = (uint64_t)c->hdr[2] << 8 | c->hdr[3];
			} else if (c->left == 127) {
				c->left = 0;
				for (int i = 2; i < 10; i++)
					c->left = c->left << 8 | c->hdr[i];
			}
			c->hdrneed = 0;
			if (c->frame_op == 0x1)
				c->headlen = c->msglen = 0;
			else if (c->frame_op >= 0x8)
				c->pinglen = 0;
			if (!c->left && frame_end(c) < 0)
				return -1;
			continue;
		}
		{
			size_t take = (uint64_t)(end - p) < c->left ? (size_t)(end - p) : (size_t)c->left;

			take_payload(c, p, take);
			p += take;
			c->left -= take;
			if (!c->left && frame_end(c) < 0)
				return -1;
		}
	}
	return 0;
}

/* The handshake answer, then whatever frames came in the same read. */
static int hs_rx(struct conn *c, const unsigned char *p, size_t len)
{
	size_t room = sizeof(c->hs) - 1 - c->hslen, before = c->hslen, used;
	size_t take = len < room ? len : room;
	char *end;

	memcpy(c->hs + c->hslen, p, take);
	c->hslen += take;
	c->hs[c->hslen] = '\0';
	end = strstr(c->hs, "\r\n\r\n");
	if (!end)
		return c->hslen < sizeof(c->hs) - 1 ? 0 : -1;
	used = (size_t)(end + 4 - c->hs) - before;
	end[2] = '\0';
	if (!handshake_ok(c))
		return -1;
	c->state = 2;
	B.open_now++;
	return ws_rx(c, p + used, len - used);
}

static int callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
		    size_t len)
{
	struct conn *c = user;

	switch (reason) {
	case LWS_CALLBACK_RAW_CONNECTED:
		c->connected = 1;
		lws_callback_on_writable(wsi);
		break;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		if (c) {
			c->state = 4;
			c->wsi = NULL;
			B.failed++;
		}
		break;
	case LWS_CALLBACK_RAW_CLOSE:
		if (!c)
			break;
		if (c->state == 2)
			B.open_now--;
		if (c->state == 1)
			B.failed++;
		else
			B.closed++;
		c->state = c->state == 1 ? 4 : 3;
		c->wsi = NULL;
		break;
	case LWS_CALLBACK_RAW_RX:
		return c->state == 2 ? ws_rx(c, in, len) : hs_rx(c, in, len);
	case LWS_CALLBACK_RAW_WRITEABLE:
		if (!c->connected)
			break;
		if (!c->handshake_sent)
			return send_handshake(c);
		if (c->pong_due) {
			c->pong_due = 0;
			if (ws_send(c, 0xA, c->ping, c->pinglen) < 0)
				return -1;
		} else if (c->move_due && c->state == 2 && !B.done) {
			c->move_due = 0;
			if (send_move(c) < 0)
				return -1;
		}
		if (c->move_due || c->pong_due)
			lws_callback_on_writable(wsi);
		break;
	default:
		break;
	}
	return 0;
}

static const struct lws_protocols protocols[] = {
	{ "hall-raw", callback, 0, 256 * 1024, 0, NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 },
};

static void open_one(struct conn *c)
{
	struct lws_client_connect_info i;

	snprintf(c->user, sizeof(c->user), "bench-%d", c->index);
	memset(&i, 0, sizeof(i));
	i.context = B.ctx;
	i.address = B.host;
	i.port = B.port;
	i.path = "/";
	i.host = B.host;
	i.method = "RAW";
	i.local_protocol_name = "hall-raw";
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
	/* The timer fires a little later than asked, every time: the slots are
	 * those of the milliseconds gone by since the last call, not one a call,
	 * or the rate asked for would not be reached (it fell 30 % short so). */
	unsigned long now_slot = (unsigned long)(clock_monotonic() * 1e3 - B.start);
	int n = 0;

	(void)sul;
	if (!slots)
		slots = 1;
	if (now_slot >= B.move_slot && now_slot - B.move_slot > slots)
		B.move_slot = now_slot - slots;
	for (; B.move_slot <= now_slot && n < (int)slots; B.move_slot++, n++) {
		for (int k = (int)(B.move_slot % slots); k < B.opened; k += (int)slots) {
			if (B.conns[k].state == 2) {
				B.conns[k].move_due = 1;
				lws_callback_on_writable(B.conns[k].wsi);
			}
		}
	}
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
	double t = clock_monotonic() * 1e3;
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
		B.cpu_from = server_cpu(&B.sys_from);
	if (t >= B.measure_to) {
		B.cpu_to = server_cpu(&B.sys_to);
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
	out = json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:I,s:I,s:I,s:I,s:f,s:f,s:f,s:f,s:f,s:I,s:I,s:I,"
			"s:I,s:i,s:f}",
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
			"rss_end_kb", (json_int_t)B.rss_end,
			"moves", (json_int_t)B.moves, "movers_seen", B.movers_seen,
			"cpu_system_cores", B.cpu_from >= 0 && B.cpu_to >= 0
				? (double)(B.sys_to - B.sys_from) / hz / B.seconds : -1.0);
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
	B.seen = calloc((size_t)B.nconns, 1);
	if (!B.conns || !B.seen)
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
	B.start = clock_monotonic() * 1e3;
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
	free(B.seen);
	free(B.arrivals);
	free(B.builds);
	return 0;
}
