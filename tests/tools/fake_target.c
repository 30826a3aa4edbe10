/* fake_target.c — a small HTTP/1.1 server for the flooder's tests: a target
 * that answers slowly, never, with a redirect, or hangs up, and logs what it
 * was asked.
 *
 *   fake-target [-d DELAY_MS] [-r LOCATION] [-x] [-a SHAPE] [-k N] [-l LOGFILE [-t] [-c]]
 *
 * Listens on a free port of 127.0.0.1 and prints that port on stdout. Every
 * request gets, after DELAY_MS (default 0), "200 ok" — or a 302 to LOCATION
 * with -r, or the connection closed without a word with -x. Connections are
 * kept alive; a client that hangs up while waiting frees its thread at once.
 * -a gives the 200 another shape: "chunked" (its body in chunks), "http10"
 * (HTTP/1.0 without keep-alive, closed after), "eof" (no length, the body
 * ends with the connection), "garbage" (not HTTP at all). -k N answers N
 * requests on a connection and then closes it, without a word, when the next
 * one comes: a keep-alive connection that went stale (an idle timeout) just
 * as it was used. -l appends each request line to LOGFILE; with -t each line
 * starts with the monotonic time it came, in milliseconds, and a space (for
 * the pace of arrivals); with -c an "accept" line is logged for each new
 * connection. Runs until killed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

static long fake_delay_ms;
static const char *fake_location;
static int fake_hang_up;
static int fake_log_fd = -1;
static int fake_log_times;
static const char *fake_shape = "length";
static long fake_keep = -1;
static int fake_log_accepts;

/* Waits delay_ms unless the client hangs up first; 0 when the time passed. */
static int wait_or_hangup(int fd, long delay_ms)
{
	double until = clock_monotonic() * 1e3 + (double)delay_ms;

	for (;;) {
		double left = until - clock_monotonic() * 1e3;
		struct pollfd p = { .fd = fd, .events = POLLIN };
		char c;

		if (left <= 0)
			return 0;
		if (poll(&p, 1, left > 1e9 ? 1000000000 : (int)left + 1) <= 0)
			continue;
		/* Anything readable while we wait is either a hang-up or the next
		 * request; only a hang-up ends the wait. */
		if (recv(fd, &c, 1, MSG_PEEK) <= 0)
			return -1;
		poll(NULL, 0, 1);
	}
}

static void log_request_line(const char *buf)
{
	const char *eol = strstr(buf, "\r\n");
	char line[540];
	int n;

	if (fake_log_fd < 0 || !eol)
		return;
	int len = (int)(eol - buf) > 500 ? 500 : (int)(eol - buf);

	if (fake_log_times)
		n = snprintf(line, sizeof(line), "%.0f %.*s\n", clock_monotonic() * 1000.0, len, buf);
	else
		n = snprintf(line, sizeof(line), "%.*s\n", len, buf);
	/* One write per line with O_APPEND: lines from threads never mix. */
	if (write(fake_log_fd, line, (size_t)n) < 0)
		perror("fake-target: log");
}

static void *serve(void *arg)
{
	int fd = (int)(long)arg;
	char buf[8192];
	size_t have = 0;
	long answered = 0;
	int close_after = 0;

	if (fake_log_accepts && fake_log_fd >= 0 && write(fake_log_fd, "accept\n", 7) < 0)
		perror("fake-target: log");

	for (;;) {
		char *end = NULL;
		char resp[1024];
		int n;
		ssize_t got;

		while (!(end = memmem(buf, have, "\r\n\r\n", 4))) {
			if (have == sizeof(buf))
				goto out;
			got = recv(fd, buf + have, sizeof(buf) - have, 0);
			if (got <= 0)
				goto out;
			have += (size_t)got;
		}
		*end = '\0';
		log_request_line(buf);
		if (fake_hang_up || answered == fake_keep)
			goto out;
		if (fake_delay_ms > 0 && wait_or_hangup(fd, fake_delay_ms) != 0)
			goto out;
		if (fake_location)
			n = snprintf(resp, sizeof(resp),
				     "HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n",
				     fake_location);
		else if (strcmp(fake_shape, "chunked") == 0)
			n = snprintf(resp, sizeof(resp),
				     "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				     "2\r\nok\r\n1;x=y\r\n\n\r\n0\r\n\r\n");
		else if (strcmp(fake_shape, "http10") == 0)
			close_after = 1, n = snprintf(resp, sizeof(resp),
						      "HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n");
		else if (strcmp(fake_shape, "eof") == 0)
			close_after = 1, n = snprintf(resp, sizeof(resp), "HTTP/1.1 200 OK\r\n\r\nok\n");
		else if (strcmp(fake_shape, "garbage") == 0)
			n = snprintf(resp, sizeof(resp), "SSH-2.0-OpenSSH_9.2\r\n");
		else
			n = snprintf(resp, sizeof(resp),
				     "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
				     "Content-Length: 3\r\n\r\nok\n");
		if (send(fd, resp, (size_t)n, MSG_NOSIGNAL) != n || close_after)
			goto out;
		answered++;
		/* Requests carry no body here: whatever follows the blank line is
		 * the next request. */
		have -= (size_t)(end + 4 - buf);
		memmove(buf, end + 4, have);
	}
out:
	close(fd);
	return NULL;
}

int main(int argc, char **argv)
{
	struct sockaddr_in addr = { .sin_family = AF_INET };
	socklen_t len = sizeof(addr);
	pthread_attr_t attr;
	int opt, lfd, one = 1;

	while ((opt = getopt(argc, argv, "d:r:xa:k:l:tc")) != -1) {
		switch (opt) {
		case 'd':
			fake_delay_ms = strtol(optarg, NULL, 10);
			break;
		case 'r':
			fake_location = optarg;
			break;
		case 'x':
			fake_hang_up = 1;
			break;
		case 'a':
			fake_shape = optarg;
			break;
		case 'k':
			fake_keep = strtol(optarg, NULL, 10);
			break;
		case 't':
			fake_log_times = 1;
			break;
		case 'c':
			fake_log_accepts = 1;
			break;
		case 'l':
			fake_log_fd = open(optarg, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
			if (fake_log_fd < 0) {
				perror(optarg);
				return 1;
			}
			break;
		default:
			fprintf(stderr, "usage: fake-target [-d DELAY_MS] [-r LOCATION] [-x] [-a SHAPE] [-k N] "
					"[-l LOGFILE [-t] [-c]]\n");
			return 2;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(lfd, 1024) != 0 ||
	    getsockname(lfd, (struct sockaddr *)&addr, &len) != 0) {
		perror("fake-target: listen");
		return 1;
	}
	printf("%d\n", ntohs(addr.sin_port));
	fflush(stdout);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (;;) {
		int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		pthread_t t;

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			/* Out of descriptors: let a thread finish before accepting more. */
			poll(NULL, 0, 10);
			continue;
		}
		if (pthread_create(&t, &attr, serve, (void *)(long)fd) != 0)
			close(fd);
	}
}
