/* test_flooder_wire.c — the flooder's own HTTP client (flooder/wire.c): which
 * URLs it takes and the request it makes of them, and its parser of answers,
 * fed whole, a byte at a time, and hostile. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

static const char UA[] = "masakari-flooder (job 7)";

static struct wire_target *target(const char *url)
{
	struct wire_target *t = NULL;

	assert_int_equal(wire_target_new(url, UA, &t), 1);
	assert_non_null(t);
	return t;
}

static int port_of(const struct wire_target *t)
{
	const struct sockaddr *sa = (const struct sockaddr *)&t->addrs[0];

	assert_true(t->naddrs >= 1);
	if (sa->sa_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	return ntohs(((const struct sockaddr_in *)sa)->sin_port);
}

static void a_url_becomes_its_request_and_address(void **state)
{
	struct wire_target *t = target("http://127.0.0.1:8123/legacy/random?x=1#part");

	(void)state;
	assert_string_equal(t->request, "GET /legacy/random?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8123\r\n"
					"User-Agent: masakari-flooder (job 7)\r\nAccept: */*\r\n\r\n");
	assert_int_equal(t->request_len, strlen(t->request));
	assert_int_equal(t->naddrs, 1);
	assert_int_equal(((const struct sockaddr *)&t->addrs[0])->sa_family, AF_INET);
	assert_int_equal(port_of(t), 8123);
	wire_target_free(t);
}

static void no_path_is_the_root_and_no_port_is_80(void **state)
{
	struct wire_target *t = target("http://127.0.0.1");

	(void)state;
	assert_non_null(strstr(t->request, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
	assert_int_equal(port_of(t), 80);
	wire_target_free(t);
	t = target("HTTP://127.0.0.1:9?q");
	assert_non_null(strstr(t->request, "GET /?q HTTP/1.1\r\nHost: 127.0.0.1:9\r\n"));
	assert_int_equal(port_of(t), 9);
	wire_target_free(t);
	t = target("http://127.0.0.1:/x");
	assert_int_equal(port_of(t), 80);
	wire_target_free(t);
}

static void an_ipv6_host_is_bracketed(void **state)
{
	struct wire_target *t = target("http://[::1]:8080/a");

	(void)state;
	assert_non_null(strstr(t->request, "Host: [::1]:8080\r\n"));
	assert_int_equal(((const struct sockaddr *)&t->addrs[0])->sa_family, AF_INET6);
	assert_int_equal(port_of(t), 8080);
	wire_target_free(t);
}

static void a_host_that_does_not_resolve_has_no_address(void **state)
{
	struct wire_target *t = target("http://no-such-host.invalid/x");

	(void)state;
	assert_int_equal(t->naddrs, 0);
	wire_target_free(t);
}

/* What is not plain HTTP, or not one this client puts on the wire as it is,
 * is left to libcurl (0), never half-taken. */
static void other_urls_are_left_to_libcurl(void **state)
{
	static const char *const urls[] = {
		"https://127.0.0.1/x", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/x",
		"http://127.0.0.1/a b", "http://127.0.0.1/a\r\nX-Injected: 1", "http://127.0.0.1:99999/",
		"http://127.0.0.1:0/", "http://127.0.0.1:8o/", "http://127.0.0.1:123456/", "http:///x",
		"http://:80/x", "http://[::1/x", "http://[]/x", "http://[::1]x/", "http://caf\xc3\xa9.example/",
		"http://127.0.0.1/\x7f", "127.0.0.1/x", "",
	};
	struct wire_target *t;

	(void)state;
	for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		t = (struct wire_target *)1;
		assert_int_equal(wire_target_new(urls[i], UA, &t), 0);
		assert_null(t);
	}
	t = (struct wire_target *)1;
	assert_int_equal(wire_target_new("http://127.0.0.1/x", "evil\r\nX-Injected: 1", &t), 0);
	assert_null(t);
}

/* Feeds s whole, then a byte at a time; both must end the same way, with the
 * same code and keep-alive, having used what they say. */
static enum wire_parse_result feed(const char *s, size_t n, int *status, int *keep, size_t *used)
{
	struct wire_parser *p = malloc(sizeof(*p)), *q = malloc(sizeof(*q));
	enum wire_parse_result whole, r = WIRE_MORE;
	size_t i = 0, u;

	assert_non_null(p);
	assert_non_null(q);
	wire_parser_reset(p);
	whole = wire_parse(p, s, n, used);
	wire_parser_reset(q);
	while (i < n && r == WIRE_MORE) {
		r = wire_parse(q, s + i, 1, &u);
		i += u;
		if (u == 0)
			break;
	}
	assert_int_equal(r, whole);
	if (whole != WIRE_BAD) {
		assert_int_equal(i, *used);
		assert_int_equal(q->status, p->status);
		assert_int_equal(q->keep_alive, p->keep_alive);
	}
	*status = p->status;
	*keep = p->keep_alive;
	free(p);
	free(q);
	return whole;
}

#define FEED(s) feed((s), sizeof(s) - 1, &status, &keep, &used)

static void answers_by_length_by_chunks_and_empty(void **state)
{
	int status, keep;
	size_t used;

	(void)state;
	assert_int_equal(FEED("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n"), WIRE_DONE);
	assert_int_equal(status, 200);
	assert_int_equal(keep, 1);
	assert_int_equal(used, 41);
	assert_int_equal(FEED("HTTP/1.1 503 Service Unavailable\r\ncontent-length:0\r\n\r\n"), WIRE_DONE);
	assert_int_equal(status, 503);
	assert_int_equal(FEED("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
			      "4;ext=1\r\nabcd\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n"), WIRE_DONE);
	assert_int_equal(status, 200);
	assert_int_equal(keep, 1);
	assert_int_equal(FEED("HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n"), WIRE_DONE);
	assert_int_equal(status, 204);
	assert_int_equal(FEED("HTTP/1.1 304 Not Modified\r\n\r\n"), WIRE_DONE);
	assert_int_equal(FEED("HTTP/1.1 302 Found\r\nLocation: http://elsewhere/\r\nContent-Length: 0\r\n\r\n"),
			 WIRE_DONE);
	assert_int_equal(status, 302);
	/* Lines may end in a bare LF. */
	assert_int_equal(FEED("HTTP/1.1 200 OK\nContent-Length: 2\n\nok"), WIRE_DONE);
	/* Interim answers are read past; the code is the final one's. */
	assert_int_equal(FEED("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
			      "HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nx"), WIRE_DONE);
	assert_int_equal(status, 404);
}

static void what_closes_the_connection(void **state)
{
	struct wire_parser p;
	int status, keep;
	size_t used;

	(void)state;
	assert_int_equal(FEED("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx"), WIRE_DONE);
	assert_int_equal(keep, 0);
	assert_int_equal(FEED("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, CLOSE\r\nContent-Length: 0\r\n\r\n"),
			 WIRE_DONE);
	assert_int_equal(keep, 0);
	assert_int_equal(FEED("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx"), WIRE_DONE);
	assert_int_equal(keep, 0);
	assert_int_equal(FEED("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx"), WIRE_DONE);
	assert_int_equal(keep, 1);
	/* No length: the body runs until the target closes. */
	wire_parser_reset(&p);
	assert_int_equal(wire_parse(&p, "HTTP/1.1 200 OK\r\n\r\nsome body", 28, &used), WIRE_MORE);
	assert_int_equal(used, 28);
	assert_int_equal(wire_parse_eof(&p), WIRE_DONE);
	assert_int_equal(p.status, 200);
	assert_int_equal(p.keep_alive, 0);
	/* A coding other than chunked last: the same, whatever the length says. */
	wire_parser_reset(&p);
	static const char coded[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n"
				    "Content-Length: 2\r\n\r\nabc";
	assert_int_equal(wire_parse(&p, coded, sizeof(coded) - 1, &used), WIRE_MORE);
	assert_int_equal(used, sizeof(coded) - 1);
	assert_int_equal(wire_parse_eof(&p), WIRE_DONE);
	/* Cut short: the close is no end. */
	wire_parser_reset(&p);
	assert_int_equal(wire_parse(&p, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 42, &used), WIRE_MORE);
	assert_int_equal(wire_parse_eof(&p), WIRE_BAD);
	wire_parser_reset(&p);
	assert_int_equal(wire_parse_eof(&p), WIRE_BAD);
}

static void bytes_past_the_answer_are_not_taken(void **state)
{
	struct wire_parser p;
	static const char two[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n";
	size_t used;

	(void)state;
	wire_parser_reset(&p);
	assert_int_equal(wire_parse(&p, two, sizeof(two) - 1, &used), WIRE_DONE);
	assert_int_equal(used, 40);
	/* A finished answer takes no more. */
	assert_int_equal(wire_parse(&p, "x", 1, &used), WIRE_BAD);
}

static void malformed_answers_are_bad(void **state)
{
	static const char *const bad[] = {
		"garbage\r\n",
		"HTTP/2 200\r\n\r\n",
		"HTTP/1.1 20 OK\r\n",
		"HTTP/1.1 2000 OK\r\n",
		"HTTP/1.1 099 Low\r\n",
		"HTTP/1.1 200OK\r\n",
		"HTTP/1.x 200 OK\r\n",
		"http/1.1 200 OK\r\n",
		"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
		"HTTP/1.1 200 OK\r\nno colon here\r\n",
		"HTTP/1.1 200 OK\r\n: empty name\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: \r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 9999999999999999\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4 x\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
	};
	int status, keep;
	size_t used;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(feed(bad[i], strlen(bad[i]), &status, &keep, &used), WIRE_BAD);
	/* A NUL in the head. */
	assert_int_equal(feed("HTTP/1.1 200 OK\r\nX: a\0b\r\n", 25, &status, &keep, &used), WIRE_BAD);
}

static void an_endless_head_is_bad_and_bounded(void **state)
{
	size_t n = WIRE_LINE_MAX + 100, used;
	char *s = malloc(n);
	struct wire_parser p;

	(void)state;
	assert_non_null(s);
	/* One line longer than a line may be. */
	memset(s, 'a', n);
	memcpy(s, "HTTP/1.1 200 OK\r\nX: ", 20);
	wire_parser_reset(&p);
	assert_int_equal(wire_parse(&p, s, n, &used), WIRE_BAD);
	/* Many short headers, more than a head may hold. */
	wire_parser_reset(&p);
	assert_int_equal(wire_parse(&p, "HTTP/1.1 200 OK\r\n", 17, &used), WIRE_MORE);
	for (int i = 0; i < WIRE_HEAD_MAX / 8; i++) {
		enum wire_parse_result r = wire_parse(&p, "X-A: b\r\n", 8, &used);

		if (r == WIRE_BAD)
			break;
		assert_int_equal(r, WIRE_MORE);
		assert_true(i < WIRE_HEAD_MAX / 8 - 1);
	}
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_url_becomes_its_request_and_address),
		cmocka_unit_test(no_path_is_the_root_and_no_port_is_80),
		cmocka_unit_test(an_ipv6_host_is_bracketed),
		cmocka_unit_test(a_host_that_does_not_resolve_has_no_address),
		cmocka_unit_test(other_urls_are_left_to_libcurl),
		cmocka_unit_test(answers_by_length_by_chunks_and_empty),
		cmocka_unit_test(what_closes_the_connection),
		cmocka_unit_test(bytes_past_the_answer_are_not_taken),
		cmocka_unit_test(malformed_answers_are_bad),
		cmocka_unit_test(an_endless_head_is_bad_and_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
