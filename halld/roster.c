/* roster.c — who stands where in the hall, and what every client is told.
 *
 * Clients move as often as they like (within limits), but the hall is
 * published once a second: the tick compares who is here now (this daemon's
 * visitors, then the other daemons') with what clients were last told, builds
 * one delta frame, one full frame for newcomers and one LEAVE per departure,
 * and queues them for every connection. */
#include "hall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "log.h"
#include "worker.h"

int hall_join(struct hall *hall, struct hall_session *s)
{
	struct charmap_entry *e;
	int created;

	if (!s->user[0])
		return 0;
	/* A second tab with the same ID is the same avatar, where it already stands. */
	e = charmap_put(&hall->local, s->user, HALL_SPAWN_X, HALL_SPAWN_Y, &created);
	if (!e)
		return -1;
	e->conns++;
	s->visitor = e;
	if (created)
		hall->local_changed = 1;
	return 0;
}

void hall_part(struct hall *hall, struct hall_session *s)
{
	struct charmap_entry *e = s->visitor;

	s->visitor = NULL;
	if (!e || --e->conns > 0)
		return;
	/* The next tick notices the absence and says LEAVE. */
	charmap_remove(&hall->local, e->id);
	hall->local_changed = 1;
}

void hall_move(struct hall *hall, struct hall_session *s, double x, double y)
{
	if (!s->visitor || (s->visitor->x == x && s->visitor->y == y))
		return;
	s->visitor->x = x;
	s->visitor->y = y;
	hall->local_changed = 1;
}

void hall_broadcast(struct hall *hall, struct hall_msg *m, int room_only)
{
	if (!m)
		return;
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (!room_only || s->subscribed)
			session_send(s, m);
	} lws_end_foreach_dll(d);
}

/* Brings one character up to date in the published hall; a newcomer or a
 * move joins the delta. */
static void publish(struct hall *hall, const struct charmap_entry *src,
		    struct hall_positions *delta)
{
	struct charmap_entry *p;
	int created;

	p = charmap_put(&hall->published, src->id, src->x, src->y, &created);
	if (!p || p->mark)
		return;   /* out of memory, or already published by this daemon */
	p->mark = 1;
	if (created || p->x != src->x || p->y != src->y) {
		p->x = src->x;
		p->y = src->y;
		hall_positions_add(delta, p);
	}
}

/* Hands this daemon's visitors to the worker for the other daemons. */
static void hall_publish_presence(struct hall *hall)
{
	struct worker_visitor *v;
	size_t n = 0;

	if (!hall->local_changed || !hall->worker)
		return;
	v = calloc(hall->local.count + 1, sizeof(*v));
	if (!v)
		return;
	charmap_foreach(&hall->local, e) {
		memcpy(v[n].id, e->id, sizeof(v[n].id));
		v[n].x = e->x;
		v[n].y = e->y;
		n++;
	}
	worker_post_presence(hall->worker, v, n);
	hall->local_changed = 0;
}

struct leaver {
	char id[GITHUB_ID_MAX + 1];
	struct hall_msg *msg;
};

void hall_tick(struct hall *hall)
{
	struct hall_positions delta;
	struct hall_msg *delta_msg = NULL, *full_msg = NULL;
	struct leaver *leaves = NULL;
	size_t nleaves = 0, cap = 0;
	int want_full = 0;

	hall_publish_presence(hall);

	hall_positions_begin(&delta);
	charmap_foreach(&hall->published, e) e->mark = 0;
	charmap_foreach(&hall->local, e) publish(hall, e, &delta);
	charmap_foreach(&hall->remote, e) publish(hall, e, &delta);

	/* Whoever was published but is no longer here has left. */
	charmap_foreach(&hall->published, e) {
		if (e->mark)
			continue;
		if (nleaves == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct leaver *grown = realloc(leaves, ncap * sizeof(*grown));

			if (!grown)
				break;
			leaves = grown;
			cap = ncap;
		}
		memcpy(leaves[nleaves].id, e->id, sizeof(leaves[nleaves].id));
		leaves[nleaves].msg = hall_msg_leave(e->id);
		nleaves++;
	}
	for (size_t i = 0; i < nleaves; i++)
		charmap_remove(&hall->published, leaves[i].id);

	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->needs_full)
			want_full = 1;
	} lws_end_foreach_dll(d);

	if (delta.count)
		delta_msg = hall_positions_end(&delta);
	else
		hall_positions_discard(&delta);
	if (want_full) {
		struct hall_positions all;

		hall_positions_begin(&all);
		charmap_foreach(&hall->published, e) hall_positions_add(&all, e);
		full_msg = hall_positions_end(&all);
	}

	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		/* A newcomer's first update is the whole hall, leavers already gone.
		 * (No `continue` in these loops: the macro advances at the end.) */
		if (s->needs_full) {
			if (full_msg) {
				session_send(s, full_msg);
				s->needs_full = 0;
			}
		} else {
			for (size_t i = 0; i < nleaves; i++)
				session_send(s, leaves[i].msg);
			session_send(s, delta_msg);
		}
	} lws_end_foreach_dll(d);

	if (hall->have_status) {
		struct status_values v;

		if (status_sampler_latest(&v) == 0) {
			struct hall_msg *m = NULL;

			lws_start_foreach_dll(struct lws_dll2 *, d,
					      lws_dll2_get_head(&hall->sessions)) {
				struct hall_session *s = lws_container_of(d, struct hall_session, list);

				if (s->subscribed) {
					if (!m)
						m = hall_msg_status(&v);
					session_send(s, m);
				}
			} lws_end_foreach_dll(d);
			hall_msg_unref(m);
		}
	}

	for (size_t i = 0; i < nleaves; i++)
		hall_msg_unref(leaves[i].msg);
	free(leaves);
	hall_msg_unref(delta_msg);
	hall_msg_unref(full_msg);
}

static void history_push(struct hall *hall, struct hall_msg *m)
{
	unsigned at;

	if (!m)
		return;
	if (hall->history_count == HALL_HISTORY) {
		hall_msg_unref(hall->history[hall->history_start]);
		hall->history[hall->history_start] = hall_msg_ref(m);
		hall->history_start = (hall->history_start + 1) % HALL_HISTORY;
		return;
	}
	at = (hall->history_start + hall->history_count) % HALL_HISTORY;
	hall->history[at] = hall_msg_ref(m);
	hall->history_count++;
}

void hall_send_history(struct hall *hall, struct hall_session *s)
{
	for (unsigned i = 0; i < hall->history_count; i++)
		session_send(s, hall->history[(hall->history_start + i) % HALL_HISTORY]);
}

/* ISO 8601 UTC with milliseconds: "2024-05-01T12:34:56.789Z". */
static void hall_utc_now(char *out, size_t size)
{
	struct timeval tv;
	struct tm tm;
	char base[24];

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, size, "%s.%03ldZ", base, (long)(tv.tv_usec / 1000));
}

void hall_chat_local(struct hall *hall, struct hall_session *s, const char *message)
{
	char at[64];
	struct hall_msg *m;

	hall_utc_now(at, sizeof(at));
	/* Everyone here hears it now, the sender included; the other daemons
	 * once the worker has stored it. */
	m = hall_msg_chat(s->visitor->id, message, at);
	if (!m)
		return;
	history_push(hall, m);
	hall_broadcast(hall, m, 0);
	hall_msg_unref(m);
	if (hall->worker)
		worker_post_chat(hall->worker, s->visitor->id, message, at);
}

/* The stored history, then whatever was said here before it arrived. */
static void hall_set_history(struct hall *hall, const struct worker_event *ev)
{
	struct hall_msg *kept[HALL_HISTORY];
	unsigned nkept = hall->history_count;

	for (unsigned i = 0; i < nkept; i++)
		kept[i] = hall->history[(hall->history_start + i) % HALL_HISTORY];
	hall->history_start = hall->history_count = 0;
	for (size_t i = 0; i < ev->nchats; i++) {
		struct hall_msg *m = hall_msg_chat(ev->chats[i].user, ev->chats[i].message,
						   ev->chats[i].at);

		history_push(hall, m);
		hall_msg_unref(m);
	}
	for (unsigned i = 0; i < nkept; i++) {
		history_push(hall, kept[i]);
		hall_msg_unref(kept[i]);
	}
}

void hall_take_worker_events(struct hall *hall)
{
	struct worker_event *ev = hall->worker ? worker_take_events(hall->worker) : NULL;

	while (ev) {
		struct worker_event *next = ev->next;
		struct hall_msg *m;

		switch (ev->kind) {
		case WORKER_HISTORY:
			hall_set_history(hall, ev);
			break;
		case WORKER_CHAT:
			for (size_t i = 0; i < ev->nchats; i++) {
				m = hall_msg_chat(ev->chats[i].user, ev->chats[i].message,
						  ev->chats[i].at);
				history_push(hall, m);
				hall_broadcast(hall, m, 0);
				hall_msg_unref(m);
			}
			break;
		case WORKER_REMOTE:
			/* Takes the worker's map as ours; published at the next tick. */
			charmap_clear(&hall->remote);
			hall->remote = ev->remote;
			charmap_init(&ev->remote);
			break;
		case WORKER_THROW:
			m = hall_msg_json(ev->message);
			hall_broadcast(hall, m, 1);
			hall_msg_unref(m);
			break;
		}
		worker_event_free(ev);
		ev = next;
	}
}
