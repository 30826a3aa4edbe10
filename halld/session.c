/* session.c — one client connection: its queue of frames, its rate limits and
 * how it is closed. Frames are only written from SERVER_WRITEABLE, one per
 * callback, as libwebsockets requires. */
#include "hall.h"

#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "log.h"

/* Drops every queued frame. */
static void session_drop_queue(struct hall_session *s)
{
	while (s->qcount) {
		msg_unref(s->queue[s->qhead]);
		s->qhead = (s->qhead + 1) % s->qcap;
		s->qcount--;
	}
	s->qhead = 0;
	s->qbytes = 0;
}

static int session_grow(struct hall_session *s)
{
	unsigned cap = s->qcap ? s->qcap * 2 : 8;
	struct hall_msg **q = malloc(cap * sizeof(*q));

	if (!q)
		return -1;
	for (unsigned i = 0; i < s->qcount; i++)
		q[i] = s->queue[(s->qhead + i) % s->qcap];
	free(s->queue);
	s->queue = q;
	s->qcap = cap;
	s->qhead = 0;
	return 0;
}

void session_send(struct hall_session *s, struct hall_msg *m)
{
	if (!m || s->close_code || !s->wsi)
		return;
	/* A client that stopped reading must not make the daemon hold every
	 * frame ever sent to it: past the limits it is let go. */
	if (s->qcount >= HALL_QUEUE_MAX || s->qbytes + m->len > HALL_QUEUE_BYTES) {
		log_warn("closing a connection of %s: it stopped reading (%u frames queued)",
			 s->user[0] ? s->user : "a spectator", s->qcount);
		session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "too slow", 0);
		return;
	}
	if (s->qcount == s->qcap && session_grow(s) != 0) {
		session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory", 0);
		return;
	}
	s->queue[(s->qhead + s->qcount) % s->qcap] = msg_ref(m);
	s->qcount++;
	s->qbytes += m->len;
	lws_callback_on_writable(s->wsi);
}

void session_broadcast(struct hall *hall, struct hall_msg *m)
{
	if (!m)
		return;
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		session_send(lws_container_of(d, struct hall_session, list), m);
	} lws_end_foreach_dll(d);
}

void session_error(struct hall_session *s, int code, const char *text, double now)
{
	struct hall_msg *m;

	/* Errors are answers to the client's own messages; a client flooding bad
	 * input gets a few, not one per message. */
	if (!session_allow(&s->errors, HALL_ERROR_RATE, HALL_ERROR_BURST, now))
		return;
	m = msg_error(code, text);
	session_send(s, m);
	msg_unref(m);
}

void session_close(struct hall_session *s, int code, const char *reason, int flush)
{
	if (s->close_code)
		return;
	s->close_code = code;
	s->close_reason = reason;
	if (!flush)
		session_drop_queue(s);
	if (s->wsi)
		lws_callback_on_writable(s->wsi);
}

int session_writeable(struct hall_session *s)
{
	struct hall_msg *m;
	int n;

	if (s->close_started)
		return 0;   /* lws is sending the close frame and awaits the answer */
	if (!s->qcount) {
		if (!s->close_code)
			return 0;
		/* Asking again while lws awaits the client's answer would make it
		 * drop the connection without a close frame. */
		s->close_started = 1;
		lws_close_reason(s->wsi, (enum lws_close_status)s->close_code,
				 (unsigned char *)s->close_reason, strlen(s->close_reason));
		return -1;
	}
	m = s->queue[s->qhead];
	s->qhead = (s->qhead + 1) % s->qcap;
	s->qcount--;
	s->qbytes -= m->len;
	/* lws keeps whatever the socket does not take now and sends it before it
	 * calls us again, so one write per callback never loses a byte. */
	n = lws_write(s->wsi, m->data + LWS_PRE, m->len, LWS_WRITE_TEXT);
	msg_unref(m);
	if (n < 0)
		return -1;
	if (s->qcount || s->close_code)
		lws_callback_on_writable(s->wsi);
	return 0;
}

void session_release(struct hall_session *s)
{
	session_drop_queue(s);
	free(s->queue);
	s->queue = NULL;
	s->qcap = 0;
	free(s->rx);
	s->rx = NULL;
	s->rx_len = 0;
	s->wsi = NULL;
}

int session_allow(struct hall_bucket *b, double rate, double burst, double now)
{
	if (b->at == 0.0) {
		b->tokens = burst;
	} else {
		b->tokens += (now - b->at) * rate;
		if (b->tokens > burst)
			b->tokens = burst;
	}
	b->at = now;
	if (b->tokens < 1.0)
		return 0;
	b->tokens -= 1.0;
	return 1;
}

int session_limited(struct hall_session *s, struct hall_bucket *b, double rate, double burst,
		    const char *text, double now)
{
	if (session_allow(b, rate, burst, now))
		return 0;
	if (!session_strike(s, now))
		session_error(s, INPUT_ERR_RATE, text, now);
	return 1;
}

int session_strike(struct hall_session *s, double now)
{
	s->strikes -= (now - s->strikes_at) * HALL_STRIKE_DECAY;
	if (s->strikes < 0.0)
		s->strikes = 0.0;
	s->strikes_at = now;
	s->strikes += 1.0;
	if (s->strikes < HALL_STRIKE_LIMIT)
		return 0;
	session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "too many rejected messages", 1);
	return 1;
}
