/* rtc.c — what a visitor says only to its peers (proximity.c): WebRTC
 * signalling (RTC_SIGNAL), relayed so two browsers can open a call with
 * each other, and near chat (NEAR_CHAT_MESSAGE), heard only in the bubble
 * and never stored. The hall carries the signalling, never the media; a
 * peer on another daemon is reached through the worker (hall_signals). */
#include "hall.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clock.h"
#include "input.h"
#include "log.h"
#include "worker.h"

/* Sends m to every connection of the visitor id here; 1 when it is here. */
static int deliver_here(struct hall *hall, const char *id, struct hall_msg *m)
{
	struct charmap_entry *e = charmap_get(&hall->local, id);

	if (!e)
		return 0;
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->visitor == e && !s->close_code)
			session_send(s, m);
	} lws_end_foreach_dll(d);
	return 1;
}

/* j to the visitor id, here or on another daemon. */
static void deliver(struct hall *hall, const char *id, json_t *j, struct hall_msg *m)
{
	char *text;

	if (deliver_here(hall, id, m) || !hall->worker || !charmap_get(&hall->remote, id))
		return;
	text = json_dumps(j, JSON_COMPACT);
	if (!text) {
		log_error("out of memory: a message for %s is dropped", id);
		return;
	}
	worker_post_signal(hall->worker, id, text);
	free(text);
}

static int busy(struct hall *hall, const char *id)
{
	struct charmap_entry *e = charmap_get(&hall->local, id);

	if (!e)
		e = charmap_get(&hall->remote, id);
	return e && e->busy;
}

void rtc_signal(struct hall *hall, struct hall_session *s, const struct input_request *req,
		double now)
{
	json_t *data, *j;
	struct hall_msg *m;

	if (!session_allow(&s->signals, HALL_SIGNAL_RATE, HALL_SIGNAL_BURST, now)) {
		if (!session_strike(s, now) && now - s->rate_error_at >= 1.0) {
			s->rate_error_at = now;
			session_error(s, INPUT_ERR_RATE, "signals are limited to 10 a second", now);
		}
		return;
	}
	/* Only to someone in the bubble now: nobody can ring a stranger
	 * across the hall, or a peer who has walked away. */
	if (!proximity_is_peer(s, req->to)) {
		if (!session_strike(s, now))
			session_error(s, INPUT_ERR_FORBIDDEN, "signals go only to a visitor near you", now);
		return;
	}
	if (req->signal == INPUT_OFFER && (s->visitor->busy || busy(hall, req->to))) {
		if (!session_strike(s, now))
			session_error(s, INPUT_ERR_FORBIDDEN, "a busy visitor takes no calls", now);
		return;
	}
	data = json_loads(req->data, 0, NULL);
	j = data ? json_pack("{s:s,s:s,s:s,s:o}", "action", "RTC_SIGNAL", "from", s->visitor->id,
			     "kind", input_signal_kinds[req->signal], "data", data) : NULL;
	m = j ? msg_json(j) : NULL;
	if (!m) {
		json_decref(j);
		log_error("out of memory: a signal from %s is dropped", s->visitor->id);
		return;
	}
	deliver(hall, req->to, j, m);
	msg_unref(m);
	json_decref(j);
}

void rtc_near_chat(struct hall *hall, struct hall_session *s, const char *message)
{
	char at[64];
	json_t *j;
	struct hall_msg *m;

	clock_utc_iso(at, sizeof(at));
	j = json_pack("{s:s,s:s,s:s,s:s}", "action", "NEAR_CHAT_MESSAGE", "user_id", s->visitor->id,
		      "message", message, "at", at);
	m = j ? msg_json(j) : NULL;
	if (!m) {
		json_decref(j);
		log_error("out of memory: near chat from %s is dropped", s->visitor->id);
		return;
	}
	/* The speaker's own tabs hear it, as with chat; then each peer. */
	deliver_here(hall, s->visitor->id, m);
	for (unsigned i = 0; i < s->npeers; i++)
		deliver(hall, s->peers[i], j, m);
	msg_unref(m);
	json_decref(j);
}

void rtc_take_remote(struct hall *hall, const struct worker_event *ev)
{
	for (size_t i = 0; i < ev->nsignals; i++) {
		json_t *j;
		struct hall_msg *m;

		if (!charmap_get(&hall->local, ev->signals[i].to))
			continue;
		/* Checked by the sender's daemon; only its form is checked here. */
		j = json_loads(ev->signals[i].body, JSON_REJECT_DUPLICATES, NULL);
		m = json_is_object(j) ? msg_json(j) : NULL;
		if (m)
			deliver_here(hall, ev->signals[i].to, m);
		msg_unref(m);
		json_decref(j);
	}
}
