/* wire.c — the flooder's own HTTP/1.1 client for plain-HTTP targets.
 *
 * libcurl costs the flooder about 20 µs of CPU a request in allocations, its
 * state machine and its timers, which made it the ceiling of what one sender
 * can send. A GET on a keep-alive connection needs much less: the request's
 * bytes are made once per job, each request is one write, each answer a read
 * or two, parsed in place and thrown away. libcurl stays for HTTPS.
 *
 * What this client accepts is what RFC 9112 gives a client: a status line of
 * HTTP/1.0 or 1.1, headers, and a body by Content-Length, by chunks, or until
 * the connection closes; interim 1xx answers are read past. Anything else is
 * malformed and ends the connection (an error of the "other" kind). A request
 * on a reused connection that the target had closed meanwhile (its idle
 * timeout) goes again, once, on a new one, as browsers and libcurl do. */
#define _GNU_SOURCE
#include "wire.h"

#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <unistd.h>

enum {
	P_STATUS, P_HEADER, P_BODY_LENGTH, P_BODY_EOF,
	P_CHUNK_SIZE, P_CHUNK_DATA, P_CHUNK_END, P_TRAILER, P_DONE
};

/* Far more than any body the flooder will meet, and safe from overflow. */
#define WIRE_MAX_DIGITS 15

void wire_parser_reset(struct wire_parser *p)
{
	p->phase = P_STATUS;
	p->status = 0;
	p->keep_alive = 0;
	p->minor = 0;
	p->chunked = p->has_length = p->coded = p->conn_close = p->conn_keep = 0;
	p->left = 0;
	p->seen = 0;
	p->head = 0;
	p->line_len = 0;
}

static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Does the comma-separated list v name token (any case)? With last, only
 * its last element counts (Transfer-Encoding's final coding). */
static int list_has(const char *v, const char *token, int last)
{
	size_t tl = strlen(token);
	int found = 0;

	while (*v) {
		const char *end = strchr(v, ',');
		size_t len = end ? (size_t)(end - v) : strlen(v);
		size_t a = 0, b = len;

		while (a < b && is_ows(v[a]))
			a++;
		while (b > a && is_ows(v[b - 1]))
			b--;
		if (last)
			found = b - a == tl && strncasecmp(v + a, token, tl) == 0;
		else if (b - a == tl && strncasecmp(v + a, token, tl) == 0)
			return 1;
		if (!end)
			break;
		v = end + 1;
	}
	return found;
}

static int parse_status_line(struct wire_parser *p, const char *l, size_t len)
{
	if (len < 12 || memcmp(l, "HTTP/1.", 7) != 0 || !isdigit((unsigned char)l[7]) || l[8] != ' ' ||
	    l[9] < '1' || l[9] > '9' || !isdigit((unsigned char)l[10]) ||
	    !isdigit((unsigned char)l[11]) || (len > 12 && l[12] != ' '))
		return -1;
	p->minor = l[7] - '0';
	p->status = (l[9] - '0') * 100 + (l[10] - '0') * 10 + (l[11] - '0');
	p->chunked = p->has_length = p->coded = p->conn_close = p->conn_keep = 0;
	p->left = 0;
	p->phase = P_HEADER;
	return 0;
}

static int parse_header(struct wire_parser *p, char *l, size_t len)
{
	char *colon = memchr(l, ':', len), *v, *end = l + len;

	/* A folded line continues the header before; none of the three this
	 * client reads may be folded in practice, so it is read past. */
	if (is_ows(l[0]))
		return 0;
	if (!colon || colon == l)
		return -1;
	v = colon + 1;
	while (v < end && is_ows(*v))
		v++;
	while (end > v && is_ows(end[-1]))
		*--end = '\0';
	*colon = '\0';
	if (strcasecmp(l, "content-length") == 0) {
		long long n = 0;
		size_t digits = (size_t)(end - v);

		if (digits == 0 || digits > WIRE_MAX_DIGITS)
			return -1;
		for (const char *c = v; c < end; c++) {
			if (!isdigit((unsigned char)*c))
				return -1;
			n = n * 10 + (*c - '0');
		}
		/* Two lengths that differ: which one frames the body? Neither. */
		if (p->has_length && p->left != n)
			return -1;
		p->has_length = 1;
		p->left = n;
	} else if (strcasecmp(l, "transfer-encoding") == 0) {
		p->coded = 1;
		p->chunked = list_has(v, "chunked", 1);
	} else if (strcasecmp(l, "connection") == 0) {
		p->conn_close |= list_has(v, "close", 0);
		p->conn_keep |= list_has(v, "keep-alive", 0);
	}
	return 0;
}

/* The blank line after the headers: how the body is framed. */
static enum wire_parse_result end_of_head(struct wire_parser *p)
{
	if (p->status < 200) {
		/* 101 switches protocols, which no GET of this client asks for;
		 * the other 1xx are interim, and the real answer follows. */
		if (p->status == 101)
			return WIRE_BAD;
		p->phase = P_STATUS;
		return WIRE_MORE;
	}
	p->keep_alive = !p->conn_close && (p->minor >= 1 || p->conn_keep);
	if (p->status == 204 || p->status == 304) {
		p->phase = P_DONE;
		return WIRE_DONE;
	}
	if (p->coded) {
		/* A coding other than chunked last: the body runs to the close. */
		p->phase = p->chunked ? P_CHUNK_SIZE : P_BODY_EOF;
	} else if (p->has_length) {
		p->phase = p->left ? P_BODY_LENGTH : P_DONE;
	} else {
		p->phase = P_BODY_EOF;
	}
	if (p->phase == P_BODY_EOF)
		p->keep_alive = 0;
	return p->phase == P_DONE ? WIRE_DONE : WIRE_MORE;
}

static enum wire_parse_result parse_chunk_size(struct wire_parser *p, const char *l, size_t len)
{
	long long n = 0;
	size_t i = 0;

	while (i < len && isxdigit((unsigned char)l[i])) {
		if (i == WIRE_MAX_DIGITS)
			return WIRE_BAD;
		n = n * 16 + (isdigit((unsigned char)l[i]) ? l[i] - '0' : (tolower((unsigned char)l[i]) - 'a' + 10));
		i++;
	}
	if (i == 0)
		return WIRE_BAD;
	while (i < len && is_ows(l[i]))
		i++;
	if (i < len && l[i] != ';')
		return WIRE_BAD;
	p->left = n;
	p->phase = n ? P_CHUNK_DATA : P_TRAILER;
	return WIRE_MORE;
}

/* One whole line of a line phase, without its end of line. */
static enum wire_parse_result parse_line(struct wire_parser *p, char *l, size_t len)
{
	if (memchr(l, '\0', len))
		return WIRE_BAD;
	switch (p->phase) {
	case P_STATUS:
		/* A blank line before the status line may be a leftover of the
		 * last answer's end: RFC 9112 lets a client read past it. */
		if (len == 0)
			return WIRE_MORE;
		return parse_status_line(p, l, len) == 0 ? WIRE_MORE : WIRE_BAD;
	case P_HEADER:
		if (len == 0)
			return end_of_head(p);
		return parse_header(p, l, len) == 0 ? WIRE_MORE : WIRE_BAD;
	case P_CHUNK_SIZE:
		return parse_chunk_size(p, l, len);
	case P_CHUNK_END:
		if (len != 0)
			return WIRE_BAD;
		p->phase = P_CHUNK_SIZE;
		return WIRE_MORE;
	case P_TRAILER:
		if (len != 0)
			return WIRE_MORE;
		p->phase = P_DONE;
		return WIRE_DONE;
	default:
		return WIRE_BAD;
	}
}

enum wire_parse_result wire_parse(struct wire_parser *p, const char *buf, size_t n, size_t *used)
{
	enum wire_parse_result r = WIRE_MORE;
	size_t i = 0;

	if (p->phase == P_DONE) {
		*used = 0;
		return WIRE_BAD;
	}
	while (i < n && r == WIRE_MORE) {
		const char *nl;
		size_t take;
		int in_head;

		if (p->phase == P_BODY_LENGTH || p->phase == P_CHUNK_DATA) {
			take = (unsigned long long)p->left < n - i ? (size_t)p->left : n - i;
			i += take;
			p->left -= (long long)take;
			if (p->left == 0) {
				p->phase = p->phase == P_BODY_LENGTH ? P_DONE : P_CHUNK_END;
				if (p->phase == P_DONE)
					r = WIRE_DONE;
			}
			continue;
		}
		if (p->phase == P_BODY_EOF) {
			i = n;
			break;
		}
		nl = memchr(buf + i, '\n', n - i);
		take = nl ? (size_t)(nl - (buf + i)) : n - i;
		in_head = p->phase == P_STATUS || p->phase == P_HEADER || p->phase == P_TRAILER;
		if (p->line_len + take >= WIRE_LINE_MAX ||
		    (in_head && (p->head += take + (nl != NULL)) > WIRE_HEAD_MAX)) {
			r = WIRE_BAD;
			break;
		}
		memcpy(p->line + p->line_len, buf + i, take);
		p->line_len += take;
		i += take;
		if (!nl)
			break;
		i++;
		if (p->line_len && p->line[p->line_len - 1] == '\r')
			p->line_len--;
		p->line[p->line_len] = '\0';
		r = parse_line(p, p->line, p->line_len);
		p->line_len = 0;
	}
	p->seen += (long long)i;
	*used = i;
	return r;
}

enum wire_parse_result wire_parse_eof(struct wire_parser *p)
{
	if (p->phase != P_BODY_EOF)
		return WIRE_BAD;
	p->phase = P_DONE;
	return WIRE_DONE;
}

/* The characters this client puts in a request line and Host header as they
 * are: printable ASCII without space (with it, in a header's value). Anything
 * else is libcurl's to encode or refuse. */
static int plain_chars(const char *s, int space)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' + !space || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

int wire_target_new(const char *url, const char *user_agent, struct wire_target **out)
{
	const char *auth, *auth_end, *path, *frag, *colon;
	char host[256], port[8] = "80";
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *res = NULL;
	struct wire_target *t;
	size_t auth_len, path_len, hl;
	int n;

	*out = NULL;
	if (strncasecmp(url, "http://", 7) != 0 || !plain_chars(url, 0) || !plain_chars(user_agent, 1))
		return 0;
	auth = url + 7;
	auth_end = auth + strcspn(auth, "/?#");
	auth_len = (size_t)(auth_end - auth);
	if (auth_len == 0 || memchr(auth, '@', auth_len))
		return 0;
	/* host, [v6 host], either with ":port" */
	if (auth[0] == '[') {
		const char *close = memchr(auth, ']', auth_len);

		if (!close || close == auth + 1 || (size_t)(close - auth - 1) >= sizeof(host))
			return 0;
		memcpy(host, auth + 1, (size_t)(close - auth - 1));
		host[close - auth - 1] = '\0';
		colon = close + 1 < auth_end ? close + 1 : NULL;
		if (colon && *colon != ':')
			return 0;
	} else {
		colon = memchr(auth, ':', auth_len);
		hl = colon ? (size_t)(colon - auth) : auth_len;
		if (hl == 0 || hl >= sizeof(host))
			return 0;
		memcpy(host, auth, hl);
		host[hl] = '\0';
	}
	if (colon && colon + 1 < auth_end) {
		size_t pl = (size_t)(auth_end - colon - 1);
		long v = 0;

		if (pl > 5)
			return 0;
		for (size_t i = 0; i < pl; i++) {
			if (!isdigit((unsigned char)colon[1 + i]))
				return 0;
			v = v * 10 + (colon[1 + i] - '0');
		}
		if (v < 1 || v > 65535)
			return 0;
		snprintf(port, sizeof(port), "%ld", v);
	}
	frag = strchr(auth_end, '#');
	path = auth_end;
	path_len = frag ? (size_t)(frag - path) : strlen(path);

	t = calloc(1, sizeof(*t));
	if (!t)
		return -1;
	n = asprintf(&t->request, "GET %s%.*s HTTP/1.1\r\nHost: %.*s\r\nUser-Agent: %s\r\nAccept: */*\r\n\r\n",
		     path_len == 0 || path[0] == '?' ? "/" : "", (int)path_len, path,
		     (int)(auth_end - auth), auth, user_agent);
	if (n < 0) {
		free(t);
		return -1;
	}
	t->request_len = (size_t)n;
	if (getaddrinfo(host, port, &hints, &res) == 0) {
		for (struct addrinfo *ai = res; ai && t->naddrs < WIRE_MAX_ADDRS; ai = ai->ai_next) {
			if (ai->ai_addrlen > sizeof(t->addrs[0]))
				continue;
			memcpy(&t->addrs[t->naddrs], ai->ai_addr, ai->ai_addrlen);
			t->addrlens[t->naddrs++] = ai->ai_addrlen;
		}
		freeaddrinfo(res);
	}
	*out = t;
	return 1;
}

void wire_target_free(struct wire_target *t)
{
	if (!t)
		return;
	free(t->request);
	free(t);
}

void wire_conn_init(struct wire_conn *c)
{
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

void wire_conn_close(struct wire_conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->peerlen = 0;
}

static int watch(int epfd, int fd, int op, uint32_t events, uint64_t tag)
{
	struct epoll_event ev = { .events = events, .data.u64 = tag };

	return epoll_ctl(epfd, op, fd, &ev);
}

/* Writes what is left of the request. WIRE_PENDING when all of it went or
 * the rest waits for EPOLLOUT; WIRE_FAILED when the connection broke. */
static enum wire_outcome send_request(struct wire_conn *c, const struct wire_target *t, int epfd,
				      uint64_t tag)
{
	while (c->sent < t->request_len) {
		ssize_t n = send(c->fd, t->request + c->sent, t->request_len - c->sent, MSG_NOSIGNAL);

		if (n > 0) {
			c->sent += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return watch(epfd, c->fd, EPOLL_CTL_MOD, EPOLLOUT, tag) == 0 ? WIRE_PENDING
										    : WIRE_FAILED;
		return WIRE_FAILED;
	}
	return WIRE_PENDING;
}

/* The connection is open: the answer is waited for, the request sent.
 * op adds the descriptor to epfd or changes what is watched. */
static enum wire_outcome connected(struct wire_conn *c, const struct wire_target *t, int epfd, int op,
				   uint64_t tag)
{
	c->connecting = 0;
	if (watch(epfd, c->fd, op, EPOLLIN, tag) != 0 || send_request(c, t, epfd, tag) == WIRE_FAILED) {
		wire_conn_close(c);
		return WIRE_FAILED;
	}
	return WIRE_PENDING;
}

/* A new connection to the target's address number addr. */
static enum wire_outcome connect_to(struct wire_conn *c, struct wire_target *t, int addr, int epfd,
				    uint64_t tag)
{
	const struct sockaddr *sa = (const struct sockaddr *)&t->addrs[addr];
	int one = 1;

	wire_conn_close(c);
	c->fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		return WIRE_NO_CONNECTION;
	/* Each request is one small write: Nagle would only hold it back. */
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	c->addr = addr;
	c->reused = 0;
	c->sent = 0;
	memcpy(&c->peer, sa, t->addrlens[addr]);
	c->peerlen = t->addrlens[addr];
	wire_parser_reset(&c->parser);
	if (connect(c->fd, sa, t->addrlens[addr]) == 0)
		return connected(c, t, epfd, EPOLL_CTL_ADD, tag);
	if (errno != EINPROGRESS) {
		wire_conn_close(c);
		return WIRE_NO_CONNECTION;
	}
	c->connecting = 1;
	if (watch(epfd, c->fd, EPOLL_CTL_ADD, EPOLLOUT, tag) != 0) {
		wire_conn_close(c);
		return WIRE_FAILED;
	}
	return WIRE_PENDING;
}

/* A new connection to the target's address number addr or, when that
 * cannot be made, to the next ones in turn. */
static enum wire_outcome connect_from(struct wire_conn *c, struct wire_target *t, int addr, int epfd,
				      uint64_t tag)
{
	enum wire_outcome o = WIRE_NO_CONNECTION;

	wire_conn_close(c);
	for (; addr < t->naddrs && o == WIRE_NO_CONNECTION; addr++)
		o = connect_to(c, t, addr, epfd, tag);
	return o;
}

/* The connection ended before an answer: on a reused connection that had
 * answered nothing yet, the target closed it while idle, and the request
 * goes again on a new one. */
static enum wire_outcome cut_short(struct wire_conn *c, struct wire_target *t, int epfd, uint64_t tag)
{
	if (c->reused && c->parser.seen == 0)
		return connect_from(c, t, c->addr, epfd, tag);
	wire_conn_close(c);
	return WIRE_FAILED;
}

int wire_conn_is_to(const struct wire_conn *c, const struct wire_target *t)
{
	return c->fd >= 0 && t->naddrs > 0 && c->peerlen == t->addrlens[t->current] &&
	       memcmp(&c->peer, &t->addrs[t->current], c->peerlen) == 0;
}

enum wire_outcome wire_start(struct wire_conn *c, struct wire_target *t, int epfd, uint64_t tag)
{
	if (wire_conn_is_to(c, t)) {
		c->reused = 1;
		c->sent = 0;
		wire_parser_reset(&c->parser);
		/* A send that fails met a reset the target sent while the
		 * connection was idle. */
		return send_request(c, t, epfd, tag) == WIRE_FAILED ? cut_short(c, t, epfd, tag)
								     : WIRE_PENDING;
	}
	return connect_from(c, t, t->current, epfd, tag);
}

static enum wire_outcome receive(struct wire_conn *c, struct wire_target *t, int epfd, uint64_t tag)
{
	char buf[16384];

	for (;;) {
		ssize_t n = recv(c->fd, buf, sizeof(buf), 0);
		enum wire_parse_result r;
		size_t used;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return WIRE_PENDING;
		if (n <= 0) {
			if (n == 0 && wire_parse_eof(&c->parser) == WIRE_DONE) {
				wire_conn_close(c);
				return WIRE_ANSWERED;
			}
			return cut_short(c, t, epfd, tag);
		}
		r = wire_parse(&c->parser, buf, (size_t)n, &used);
		if (r == WIRE_BAD) {
			wire_conn_close(c);
			return WIRE_FAILED;
		}
		if (r == WIRE_DONE) {
			/* Bytes past the answer belong to no request: the
			 * connection cannot be trusted with another. */
			if (!c->parser.keep_alive || used < (size_t)n)
				wire_conn_close(c);
			return WIRE_ANSWERED;
		}
		/* A short read took all there was; a full one may have left more. */
		if ((size_t)n < sizeof(buf))
			return WIRE_PENDING;
	}
}

enum wire_outcome wire_on_event(struct wire_conn *c, struct wire_target *t, uint32_t events,
				int epfd, uint64_t tag)
{
	/* An event of a connection closed since, in the same batch: the
	 * request's deadline still ends it if nothing else does. */
	if (c->fd < 0)
		return WIRE_PENDING;
	if (c->connecting) {
		int err = 0;
		socklen_t len = sizeof(err);

		if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0)
			return connect_from(c, t, c->addr + 1, epfd, tag);
		if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
			return WIRE_PENDING;
		/* This address takes connections: the next ones go there first. */
		t->current = c->addr;
		return connected(c, t, epfd, EPOLL_CTL_MOD, tag);
	}
	if (c->sent < t->request_len) {
		enum wire_outcome o;

		if (events & (EPOLLERR | EPOLLHUP))
			return cut_short(c, t, epfd, tag);
		o = send_request(c, t, epfd, tag);
		if (o == WIRE_FAILED)
			return cut_short(c, t, epfd, tag);
		if (c->sent < t->request_len)
			return o;
		if (watch(epfd, c->fd, EPOLL_CTL_MOD, EPOLLIN, tag) != 0) {
			wire_conn_close(c);
			return WIRE_FAILED;
		}
		return WIRE_PENDING;
	}
	return receive(c, t, epfd, tag);
}
