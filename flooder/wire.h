/* wire.h — the flooder's own HTTP/1.1 client for plain-HTTP targets: a URL
 * made into an address and the bytes of its request once per job, keep-alive
 * connections, and an incremental parser of the answers. HTTPS targets go by
 * libcurl (attack.c); this is the fast path for what the venue attacks. */
#ifndef FLOODER_WIRE_H
#define FLOODER_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* The longest line of an answer's head (status line, header, chunk size) and
 * the largest head: past either, the answer is malformed. */
#define WIRE_LINE_MAX 8192
#define WIRE_HEAD_MAX 65536

enum wire_parse_result {
	WIRE_MORE,    /* the answer goes on: feed more bytes */
	WIRE_DONE,    /* the answer is whole; p->status is its code */
	WIRE_BAD      /* not HTTP/1.x, or malformed: the connection is useless */
};

struct wire_parser {
	int phase;
	int status;            /* the final answer's code, once its status line is read */
	int keep_alive;        /* the connection may carry the next request */
	int minor;             /* HTTP/1.minor */
	int chunked, has_length, coded, conn_close, conn_keep;
	long long left;        /* bytes of the body or of the chunk still to come */
	long long seen;        /* bytes of the answer so far */
	size_t head;           /* bytes of the head so far */
	size_t line_len;
	char line[WIRE_LINE_MAX];
};

/* Ready for a new answer. */
void wire_parser_reset(struct wire_parser *p);

/* Reads n bytes of an answer. *used is how many it took: with WIRE_DONE the
 * rest (if any) is more than the answer, which no request asked for. */
enum wire_parse_result wire_parse(struct wire_parser *p, const char *buf, size_t n, size_t *used);

/* The peer closed the connection: WIRE_DONE when that ends the answer (a
 * body without a length), WIRE_BAD when the answer was cut short. */
enum wire_parse_result wire_parse_eof(struct wire_parser *p);

/* A plain-HTTP target: where to connect and what to send. Its addresses
 * are tried in turn until one takes a connection; that one is used from then
 * on (localhost's ::1 when the target listens on 127.0.0.1 only). */
#define WIRE_MAX_ADDRS 4
struct wire_target {
	struct sockaddr_storage addrs[WIRE_MAX_ADDRS];
	socklen_t addrlens[WIRE_MAX_ADDRS];
	int naddrs;            /* 0: the host did not resolve */
	int current;           /* the address connections go to */
	char *request;
	size_t request_len;
};

/* For an http:// URL: resolves its host (blocking: call it off the sender's
 * thread) and builds the request. Returns 1 with *out set; 0 when the URL is
 * not plain HTTP or not one this client takes (https, user info, odd
 * characters: libcurl's); -1 when out of memory. A host that does not
 * resolve still gives a target, with no address. */
int wire_target_new(const char *url, const char *user_agent, struct wire_target **out);
void wire_target_free(struct wire_target *t);

/* Outcomes of a request, as the report counts them. */
enum wire_outcome {
	WIRE_PENDING,          /* still going */
	WIRE_ANSWERED,         /* an answer, whatever its code */
	WIRE_NO_CONNECTION,    /* the connection could not be made */
	WIRE_FAILED            /* cut short, malformed, reset */
};

/* One keep-alive connection and the request on it. */
struct wire_conn {
	int fd;                /* -1: none */
	int connecting;
	int reused;            /* the request went on a connection that had carried one */
	int addr;              /* the target's address this connection is to */
	size_t sent;
	struct sockaddr_storage peer;
	socklen_t peerlen;
	struct wire_parser parser;
};

/* Sets c up with no connection. */
void wire_conn_init(struct wire_conn *c);

/* Closes c's connection (it leaves epfd as it closes). */
void wire_conn_close(struct wire_conn *c);

/* Whether c has a connection to the address t's connections go to. */
int wire_conn_is_to(const struct wire_conn *c, const struct wire_target *t);

/* Starts t's request on c: on c's connection when it is to t's address and
 * idle, else on a new one, registered in epfd with tag as its epoll data.
 * Returns WIRE_PENDING, or the outcome when it failed at once. */
enum wire_outcome wire_start(struct wire_conn *c, struct wire_target *t, int epfd, uint64_t tag);

/* epoll reported events on c's connection: goes on with the request. Returns
 * WIRE_PENDING, or its outcome (with WIRE_ANSWERED, the code in
 * c->parser.status). A connection that cannot carry another request is
 * closed. */
enum wire_outcome wire_on_event(struct wire_conn *c, struct wire_target *t, uint32_t events,
				int epfd, uint64_t tag);

#endif
