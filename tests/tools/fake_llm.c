/* fake_llm.c — a real local HTTP server that answers like an OpenAI-compatible
 * chat-completions API, or misbehaves on purpose, for the masakari tests.
 *
 *   fake-llm --port N [--mode M] [--reply TEXT] [--delay-ms N] [--log FILE]
 *
 * Modes: ok (a chat completion whose content is --reply), slow (the same
 * after --delay-ms, 10 s by default), 500 (an HTTP 500 with an error body),
 * garbage (200 with a body that is not JSON), empty (200 with "choices": []),
 * hang (reads the request and never answers), drip (a 200 whose JSON body
 * comes one byte every --delay-ms, never finishing in time), obey (a gullible
 * model: when any message it is sent contains "SAY:" and a word, it answers
 * with that word — an injected instruction it follows — else with --reply).
 * hang and drip log, when the client hangs up, {"hung_up_after_ms": N}.
 * Each request is appended to --log as one JSON line: {"path", "authorization",
 * "body"} with the request body parsed, so a test can check what was sent.
 * Listens on 127.0.0.1 only; one process per connection; SIGTERM stops it. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "clock.h"

#define REQUEST_MAX (1024 * 1024)

static const char *mode = "ok";
static const char *reply_text = "fake reply";
static const char *log_path;
static int delay_ms = 10000;

static int write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

static void respond(int fd, int status, const char *reason, const char *body)
{
	char head[256];
	int n = snprintf(head, sizeof(head),
			 "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\n"
			 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
			 status, reason, strlen(body));

	if (write_all(fd, head, (size_t)n) == 0)
		write_all(fd, body, strlen(body));
}

/* Reads one request: headers, then Content-Length bytes of body. Returns the
 * whole request (NUL-terminated) with *body pointing into it, or NULL. */
static char *read_request(int fd, char **body, size_t *body_len)
{
	char *buf = malloc(REQUEST_MAX + 1);
	size_t len = 0, want = 0;
	char *end = NULL;

	if (!buf)
		return NULL;
	for (;;) {
		ssize_t r = read(fd, buf + len, REQUEST_MAX - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
		buf[len] = '\0';
		if (!end && (end = strstr(buf, "\r\n\r\n"))) {
			const char *cl = strcasestr(buf, "\r\nContent-Length:");

			want = (size_t)(end + 4 - buf) + (cl ? strtoul(cl + 17, NULL, 10) : 0);
		}
		if ((end && len >= want) || len == REQUEST_MAX)
			break;
	}
	if (!end) {
		free(buf);
		return NULL;
	}
	*body = end + 4;
	*body_len = len - (size_t)(end + 4 - buf);
	return buf;
}

/* The value of a request header, copied into out (cap bytes); "" if absent. */
static void header_value(const char *request, const char *name, char *out, size_t cap)
{
	char key[64];
	const char *p, *eol;

	snprintf(key, sizeof(key), "\r\n%s:", name);
	out[0] = '\0';
	p = strcasestr(request, key);
	if (!p)
		return;
	p += strlen(key);
	while (*p == ' ')
		p++;
	eol = strstr(p, "\r\n");
	snprintf(out, cap, "%.*s", (int)(eol ? eol - p : (long)strlen(p)), p);
}

static void log_request(const char *request, const char *body, size_t body_len)
{
	char path[512] = "", auth[512];
	json_t *parsed = json_loadb(body, body_len, 0, NULL);
	json_t *line;
	FILE *f;

	sscanf(request, "%*s %511s", path);
	header_value(request, "Authorization", auth, sizeof(auth));
	line = json_pack("{s:s,s:s,s:o}", "path", path, "authorization", auth, "body",
			 parsed ? parsed : json_stringn(body, body_len));
	if (!line || !log_path)
		goto out;
	f = fopen(log_path, "a");
	if (f) {
		json_dumpf(line, f, JSON_COMPACT);
		fputc('\n', f);
		fclose(f);
	}
out:
	json_decref(line);
}

/* Waits delay_ms, but gives up as soon as the client hangs up. */
static int client_waits(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char c;

	if (poll(&p, 1, delay_ms) == 0)
		return 1;
	return recv(fd, &c, 1, MSG_PEEK) > 0;
}

/* obey mode: the word after the first "SAY:" in any message sent, into out;
 * 0 when there is none. */
static int injected_word(const char *body, size_t body_len, char *out, size_t cap)
{
	json_t *req = json_loadb(body, body_len, 0, NULL);
	json_t *msg;
	size_t i;
	int found = 0;

	json_array_foreach(json_object_get(req, "messages"), i, msg) {
		const char *content = json_string_value(json_object_get(msg, "content"));
		const char *say = content ? strstr(content, "SAY:") : NULL;
		size_t n;

		if (!say)
			continue;
		say += 4;
		n = strcspn(say, " \t\r\n");
		if (n == 0 || n >= cap)
			continue;
		memcpy(out, say, n);
		out[n] = '\0';
		found = 1;
		break;
	}
	json_decref(req);
	return found;
}

/* Appends {"hung_up_after_ms": N} to the log. */
static void log_hang_up(double start)
{
	FILE *f;
	long ms = (long)((clock_monotonic() - start) * 1000.0);

	if (!log_path || !(f = fopen(log_path, "a")))
		return;
	fprintf(f, "{\"hung_up_after_ms\":%ld}\n", ms);
	fclose(f);
}

/* hang: nothing, until the client gives up. */
static void serve_hang(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	double start = clock_monotonic();
	char c;

	while (poll(&p, 1, -1) > 0 && recv(fd, &c, 1, MSG_PEEK) > 0)
		usleep(10000);
	log_hang_up(start);
}

/* drip: the headers at once, then the body a byte at a time. */
static void serve_drip(int fd)
{
	static const char body[] = "{\"choices\":[{\"message\":{\"role\":\"assistant\","
				   "\"content\":\"drip drip drip drip drip drip drip drip\"}}]}";
	static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				   "Connection: close\r\n\r\n";
	double start = clock_monotonic();

	if (write_all(fd, head, sizeof(head) - 1) == 0)
		for (size_t i = 0; i < sizeof(body) - 1; i++) {
			if (write_all(fd, body + i, 1) != 0 || !client_waits(fd))
				break;
		}
	log_hang_up(start);
}

static void serve(int fd)
{
	char word[128];
	char *body, *request;
	size_t body_len;

	request = read_request(fd, &body, &body_len);
	if (!request)
		return;
	log_request(request, body, body_len);
	if (strcmp(mode, "hang") == 0) {
		serve_hang(fd);
	} else if (strcmp(mode, "drip") == 0) {
		serve_drip(fd);
	} else if (strcmp(mode, "500") == 0) {
		respond(fd, 500, "Internal Server Error",
			"{\"error\":{\"message\":\"the model fell over\",\"type\":\"server_error\"}}");
	} else if (strcmp(mode, "garbage") == 0) {
		respond(fd, 200, "OK", "<html><body>Bad Gateway, maybe?</body></html>");
	} else if (strcmp(mode, "empty") == 0) {
		respond(fd, 200, "OK", "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\","
				       "\"choices\":[]}");
	} else if (strcmp(mode, "slow") != 0 || client_waits(fd)) {
		json_t *answer = json_pack(
			"{s:s,s:s,s:i,s:s,s:[{s:i,s:{s:s,s:s},s:s}]}", "id", "chatcmpl-fake",
			"object", "chat.completion", "created", 0, "model", "fake",
			"choices", "index", 0, "message", "role", "assistant", "content",
			strcmp(mode, "obey") == 0 && injected_word(body, body_len, word, sizeof(word))
				? word
				: reply_text,
			"finish_reason", "stop");
		char *text = answer ? json_dumps(answer, JSON_COMPACT) : NULL;

		respond(fd, 200, "OK", text ? text : "{}");
		free(text);
		json_decref(answer);
	}
	free(request);
}

static int usage(void)
{
	fprintf(stderr, "usage: fake-llm --port N [--mode ok|slow|500|garbage|empty|hang|drip|obey] "
			"[--reply TEXT] [--delay-ms N] [--log FILE]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct sockaddr_in addr = { .sin_family = AF_INET };
	int port = 0, one = 1, lfd;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--port") == 0)
			port = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--mode") == 0)
			mode = argv[i + 1];
		else if (strcmp(argv[i], "--reply") == 0)
			reply_text = argv[i + 1];
		else if (strcmp(argv[i], "--delay-ms") == 0)
			delay_ms = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--log") == 0)
			log_path = argv[i + 1];
		else
			return usage();
	}
	if (port <= 0 || port > 65535 || argc % 2 == 0)
		return usage();
	/* Children are never waited for. */
	signal(SIGCHLD, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(lfd, 64) != 0) {
		perror("fake-llm: listen");
		return 1;
	}
	for (;;) {
		int fd = accept(lfd, NULL, NULL);

		if (fd < 0) {
			if (errno == EINTR)
				continue;
			perror("fake-llm: accept");
			return 1;
		}
		if (fork() == 0) {
			close(lfd);
			serve(fd);
			close(fd);
			_exit(0);
		}
		close(fd);
	}
}
