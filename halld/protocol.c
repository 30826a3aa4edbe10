/* protocol.c — the daemon's two lws protocols: "http", which only decides
 * whether an upgrade to the hall may happen, and "masakari", the hall itself
 * (DESIGN.md, "WebSocket protocol"). */
#include "hall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clock.h"
#include "identity.h"
#include "input.h"
#include "log.h"
#include "moderation.h"
#include "utf8.h"
#include "worker.h"

static struct hall *hall_of(struct lws *wsi)
{
	return lws_context_user(lws_get_context(wsi));
}

int protocol_origin_allowed(const struct hall *hall, const char *origin)
{
	for (size_t i = 0; i < hall->norigins; i++)
		if (strcasecmp(hall->origins[i], origin) == 0)
			return 1;
	return 0;
}

/* True when the comma-separated Sec-WebSocket-Protocol list offers ours. */
static int offers_protocol(const char *list)
{
	const char *p = list;

	while (*p) {
		size_t n;

		while (*p == ' ' || *p == ',')
			p++;
		n = strcspn(p, ", ");
		if (n == strlen(HALL_PROTOCOL) && strncmp(p, HALL_PROTOCOL, n) == 0)
			return 1;
		p += n;
	}
	return 0;
}

/* Answers the upgrade request with an HTTP error instead of a WebSocket. */
static int refuse(struct lws *wsi, unsigned status, const char *why)
{
	if (lws_return_http_status(wsi, status, why))
		return -1;
	return 1;
}

static const char *identity_cookie(struct hall *hall, struct lws *wsi, char *buf, size_t len);

/* The checks before a connection joins: path, Origin, subprotocol, user. A
 * browser always sends Origin, so a foreign page cannot open the hall in a
 * visitor's name; tools without one (the load client) are let in. */
static int confirm_upgrade(struct lws *wsi, const char *upgrade)
{
	struct hall *hall = hall_of(wsi);
	char buf[256], addr[HALL_ADDR_MAX], key[64];
	static char cookie[4096];
	int n, has_identity;

	if (!upgrade || strcasecmp(upgrade, "websocket") != 0)
		return refuse(wsi, HTTP_STATUS_BAD_REQUEST, "Only WebSocket upgrades are served here.");
	if (lws_hdr_copy(wsi, buf, sizeof(buf), WSI_TOKEN_GET_URI) <= 0 ||
	    strcmp(buf, HALL_PATH) != 0)
		return refuse(wsi, HTTP_STATUS_NOT_FOUND, "The hall is at /ws.");
	n = lws_hdr_total_length(wsi, WSI_TOKEN_ORIGIN);
	if (n > 0) {
		if (n >= (int)sizeof(buf) || lws_hdr_copy(wsi, buf, sizeof(buf), WSI_TOKEN_ORIGIN) < 0 ||
		    !protocol_origin_allowed(hall, buf))
			return refuse(wsi, HTTP_STATUS_FORBIDDEN,
				      "This page's origin may not open the hall.");
	}
	if (lws_hdr_copy(wsi, buf, sizeof(buf), WSI_TOKEN_PROTOCOL) <= 0 || !offers_protocol(buf))
		return refuse(wsi, HTTP_STATUS_BAD_REQUEST,
			      "Ask for the \"masakari\" subprotocol.");
	if (address_of(hall, wsi, addr, sizeof(addr)) != 0)
		return refuse(wsi, HTTP_STATUS_BAD_REQUEST, "The client's address cannot be read.");
	if (events_address_banned(hall, addr))
		return refuse(wsi, HTTP_STATUS_FORBIDDEN,
			      "An operator banned your address from the hall.");
	address_key(addr, key, sizeof(key));
	if (hall->max_per_address && address_count(hall, key) >= hall->max_per_address)
		return refuse(wsi, 429,
			      "Too many hall connections from your address. Close a tab, or wait "
			      "a little and try again.");
	/* A spectator-to-be (no identity cookie) counts against the address's
	 * spectators; one whose cookie turns out to be no one's is checked when
	 * it settles (arrival.c). */
	has_identity = identity_cookie(hall, wsi, cookie, sizeof(cookie)) != NULL;
	explicit_bzero(cookie, sizeof(cookie));
	if (!has_identity && hall->spectators_per_address &&
	    address_spectators(hall, key) >= hall->spectators_per_address)
		return refuse(wsi, 429,
			      "Too many spectators from your address. Enter at the entrance with "
			      "your GitHub ID to join the hall.");
	return 0;
}

/* The identity cookie's value from the upgrade request's Cookie header, or
 * NULL. Only a value with the form of a secret is returned. ?user= is never
 * read: it cannot choose who you are. */
static const char *identity_cookie(struct hall *hall, struct lws *wsi, char *buf, size_t len)
{
	char want[64];
	int n = lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_COOKIE);
	char *p;

	if (n <= 0 || (size_t)n >= len || lws_hdr_copy(wsi, buf, (int)len, WSI_TOKEN_HTTP_COOKIE) < 0)
		return NULL;
	snprintf(want, sizeof(want), "%s%s=", hall->cookie_secure ? "__Host-" : "", IDENTITY_COOKIE);
	for (p = buf; *p;) {
		char *end;

		while (*p == ' ' || *p == ';')
			p++;
		end = p + strcspn(p, ";");
		if (strncmp(p, want, strlen(want)) == 0) {
			char *v = p + strlen(want);

			*end = '\0';
			return identity_secret_valid(v) ? v : NULL;
		}
		p = end;
	}
	return NULL;
}

static int callback_http(struct lws *wsi, enum lws_callback_reasons reason, void *user,
			 void *in, size_t len)
{
	switch (reason) {
	case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
		return confirm_upgrade(wsi, in);
	case LWS_CALLBACK_HTTP:
		/* Plain HTTP to the daemon: say what this port is, then hang up. */
		lws_return_http_status(wsi, HTTP_STATUS_BAD_REQUEST,
				       "This is the hall's WebSocket endpoint, /ws.");
		return -1;
	default:
		return lws_callback_http_dummy(wsi, reason, user, in, len);
	}
}

/* Hands each of the worker's events to the concern it belongs to. */
static void protocol_take_worker_events(struct hall *hall)
{
	struct worker_event *ev = hall->worker ? worker_take_events(hall->worker) : NULL;

	while (ev) {
		struct worker_event *next = ev->next;
		struct hall_msg *m;

		switch (ev->kind) {
		case WORKER_HISTORY:
			chat_take_history(hall, ev);
			break;
		case WORKER_CHAT:
			chat_take_others(hall, ev);
			break;
		case WORKER_REMOTE:
			presence_take_remote(hall, ev);
			break;
		case WORKER_THROW:
			m = msg_json(ev->message);
			room_send(hall, m);
			msg_unref(m);
			break;
		case WORKER_EVENTS:
		case WORKER_SANCTIONS:
			events_take(hall, ev);
			break;
		case WORKER_BOOTHS:
			proximity_take_booths(hall, ev);
			break;
		case WORKER_SIGNALS:
			rtc_take_remote(hall, ev);
			break;
		}
		worker_event_free(ev);
		ev = next;
	}
}

/* Keeps a message sent while the hall finds out who s is (1), or refuses it
 * when HALL_HELD_MAX are waiting (0). */
static int hold(struct hall_session *s, const char *text, size_t len)
{
	char *copy;

	if (s->nheld >= HALL_HELD_MAX || !(copy = malloc(len ? len : 1)))
		return 0;
	memcpy(copy, text, len);
	s->held[s->nheld] = copy;
	s->held_len[s->nheld] = len;
	s->nheld++;
	return 1;
}

static void drop_held(struct hall_session *s)
{
	for (unsigned i = 0; i < s->nheld; i++)
		free(s->held[i]);
	s->nheld = 0;
}

static void receive(struct hall *hall, struct hall_session *s, const char *text, size_t len);

void protocol_arrived(struct hall *hall, struct hall_session *s)
{
	char *held[HALL_HELD_MAX];
	size_t held_len[HALL_HELD_MAX];
	unsigned nheld = s->nheld;

	/* What it said while it waited is acted on, in order. */
	memcpy(held, s->held, sizeof(held));
	memcpy(held_len, s->held_len, sizeof(held_len));
	s->nheld = 0;
	for (unsigned i = 0; i < nheld; i++) {
		if (!s->close_code)
			receive(hall, s, held[i], held_len[i]);
		free(held[i]);
	}
}

/* Acts on one complete, valid-UTF-8 text message from s. */
static void receive(struct hall *hall, struct hall_session *s, const char *text, size_t len)
{
	struct input_request req;
	const char *problem = NULL;
	struct hall_msg *m;
	double now = clock_monotonic();
	int rc;

	if (!session_allow(&s->frames, HALL_FRAME_RATE, HALL_FRAME_BURST, now)) {
		if (!session_strike(s, now) && now - s->rate_error_at >= 1.0) {
			s->rate_error_at = now;
			session_error(s, INPUT_ERR_RATE, "too many messages: slow down", now);
		}
		return;
	}
	rc = input_parse(text, len, &req, &problem);
	if (rc) {
		if (!session_strike(s, now))
			session_error(s, rc, problem, now);
		return;
	}
	if (req.kind == INPUT_SUBSCRIBE) {
		room_subscribe(s);
		return;
	}
	if (s->arriving) {
		/* Acted on once the hall knows who this is (arrival.c). */
		if (!hold(s, text, len) && !session_strike(s, now))
			session_error(s, INPUT_ERR_RATE,
				      "wait a moment: the hall is still finding out who you are", now);
		return;
	}
	if (!s->visitor) {
		if (!session_strike(s, now))
			session_error(s, INPUT_ERR_FORBIDDEN,
				      "enter at the entrance (/) with your GitHub ID to move or chat", now);
		return;
	}
	if (req.kind == INPUT_MOVE) {
		if (!session_allow(&s->moves, HALL_MOVE_RATE, HALL_MOVE_BURST, now)) {
			if (!session_strike(s, now) && now - s->rate_error_at >= 1.0) {
				s->rate_error_at = now;
				session_error(s, INPUT_ERR_RATE,
					      "position updates are limited to 20 a second", now);
			}
			return;
		}
		positions_move(hall, s, req.x, req.y);
		return;
	}
	if (req.kind == INPUT_REACT) {
		react_send(hall, s, req.emote, now);
		return;
	}
	if (req.kind == INPUT_SIGNAL) {
		rtc_signal(hall, s, &req, now);
		return;
	}
	if (req.kind == INPUT_SET_STATUS) {
		proximity_set_status(hall, s, req.busy);
		return;
	}
	/* Per ID, not per connection: many tabs of one ID are one chatter. */
	if (session_limited(s, &s->visitor->chats, HALL_CHAT_RATE, HALL_CHAT_BURST,
			    "chat is limited to one message a second", now))
		return;
	/* Muted: the visitor still sees and walks, and is told why the line
	 * went nowhere. */
	if (events_muted(hall, s))
		return;
	/* The word filter, here on the server whatever the page did. */
	if (moderation_filter(hall->settings, req.message) == 2) {
		m = msg_moderation("filtered", NULL, NULL);
		if (m)
			session_send(s, m);
		msg_unref(m);
		return;
	}
	/* Near chat reaches a handful of peers, not the hall: no hall budget. */
	if (req.kind == INPUT_NEAR_CHAT) {
		rtc_near_chat(hall, s, req.message);
		return;
	}
	/* The hall's own budget: not this client's doing, so no strike. */
	if (hall->chat_rate > 0 &&
	    !session_allow(&hall->chat_budget, hall->chat_rate, hall->chat_burst, now)) {
		session_error(s, INPUT_ERR_RATE,
			      "the hall is chatting too fast for everyone to read: say it again in a moment",
			      now);
		return;
	}
	chat_say(hall, s, req.message);
}

/* Closes from inside a callback with a status and reason the client sees. */
static int close_now(struct lws *wsi, enum lws_close_status code, const char *reason)
{
	lws_close_reason(wsi, code, (unsigned char *)reason, strlen(reason));
	return -1;
}

/* Collects a message that may come in several frames or pieces, and checks
 * size, type and encoding before anything parses it. */
static int hall_rx(struct hall *hall, struct hall_session *s, const unsigned char *in, size_t len)
{
	size_t remaining = lws_remaining_packet_payload(s->wsi);
	int complete = lws_is_final_fragment(s->wsi) && remaining == 0;

	if (s->close_code)
		return 0;
	if (lws_frame_is_binary(s->wsi))
		return close_now(s->wsi, LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE,
				 "only JSON text frames");
	if (s->rx_len + len + remaining > HALL_MAX_MESSAGE)
		return close_now(s->wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE,
				 "messages are limited to 12 KiB");
	if (complete && !s->rx_len) {
		/* The usual case: the whole message in one piece, no copy. */
		if (!utf8_valid((const char *)in, len))
			return close_now(s->wsi, LWS_CLOSE_STATUS_INVALID_PAYLOAD, "invalid UTF-8");
		receive(hall, s, (const char *)in, len);
		return 0;
	}
	if (!s->rx) {
		s->rx = malloc(HALL_MAX_MESSAGE);
		if (!s->rx)
			return close_now(s->wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION,
					 "out of memory");
	}
	memcpy(s->rx + s->rx_len, in, len);
	s->rx_len += len;
	if (!complete)
		return 0;
	len = s->rx_len;
	s->rx_len = 0;
	if (!utf8_valid((const char *)s->rx, len))
		return close_now(s->wsi, LWS_CLOSE_STATUS_INVALID_PAYLOAD, "invalid UTF-8");
	receive(hall, s, (const char *)s->rx, len);
	free(s->rx);
	s->rx = NULL;
	return 0;
}

static int callback_hall(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
			 size_t len)
{
	struct hall_session *s = user;
	struct hall *hall = hall_of(wsi);
	static char cookie[4096];
	const char *secret;

	switch (reason) {
	case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION:
		/* Checked in confirm_upgrade; kept here while the headers are. */
		if (address_of(hall, wsi, s->addr, sizeof(s->addr)) != 0)
			return -1;
		address_key(s->addr, s->addr_key, sizeof(s->addr_key));
		/* A spectator until the identity thread says who the cookie is. */
		s->user[0] = '\0';
		secret = identity_cookie(hall, wsi, cookie, sizeof(cookie));
		snprintf(s->secret, sizeof(s->secret), "%s", secret ? secret : "");
		explicit_bzero(cookie, sizeof(cookie));
		return 0;

	case LWS_CALLBACK_ESTABLISHED:
		s->wsi = wsi;
		s->needs_full = 1;
		if (positions_join(hall, s) != 0)
			return close_now(wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
		lws_dll2_add_tail(&s->list, &hall->sessions);
		s->established = 1;
		chat_send_history(hall, s);
		events_welcome(hall, s);
		arrival_begin(hall, s);
		return 0;

	case LWS_CALLBACK_CLOSED:
		arrival_release(s);
		drop_held(s);
		if (s->established) {
			lws_dll2_remove(&s->list);
			positions_part(hall, s);
			s->established = 0;
		}
		proximity_forget(s);
		session_release(s);
		return 0;

	case LWS_CALLBACK_RECEIVE:
		return hall_rx(hall, s, in, len);

	case LWS_CALLBACK_SERVER_WRITEABLE:
		return session_writeable(s);

	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		/* The worker has news (or we are asked to stop). */
		if (hall) {
			arrival_take_answers(hall);
			protocol_take_worker_events(hall);
		}
		return 0;

	default:
		return 0;
	}
}

const struct lws_protocols protocol_list[] = {
	{ "http", callback_http, 0, 0, 0, NULL, 0 },
	/* A big tx_packet_size lets a tick go out in one send() where the socket
	 * takes it; lws keeps and sends the rest otherwise. */
	{ HALL_PROTOCOL, callback_hall, sizeof(struct hall_session), HALL_RX_CHUNK, 0, NULL,
	  1u << 20 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 },
};
