/* positions.c — who stands where in the hall, and what every client is told.
 *
 * Clients move as often as they like (within limits), but the hall is
 * published once a second (tick.c): positions_publish compares who is here now
 * (this daemon's visitors, then the other daemons') with what clients were last
 * told, builds one delta frame, one full frame for newcomers and one LEAVE per
 * departure, and queues them for every connection. */
#include "hall.h"

#include <stdlib.h>
#include <string.h>

int positions_join(struct hall *hall, struct hall_session *s)
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
	if (created || (s->verified && !e->verified) || (s->operator && !e->operator))
		hall->local_changed = 1;
	if (s->verified)
		e->verified = 1;
	if (s->operator)
		e->operator = 1;
	return 0;
}

void positions_part(struct hall *hall, struct hall_session *s)
{
	struct charmap_entry *e = s->visitor;

	s->visitor = NULL;
	if (!e || --e->conns > 0)
		return;
	/* The next tick notices the absence and says LEAVE. */
	charmap_remove(&hall->local, e->id);
	hall->local_changed = 1;
}

void positions_move(struct hall *hall, struct hall_session *s, double x, double y)
{
	if (!s->visitor || (s->visitor->x == x && s->visitor->y == y))
		return;
	s->visitor->x = x;
	s->visitor->y = y;
	hall->local_changed = 1;
}

/* Brings one character up to date in the published hall; a newcomer or a
 * move joins the delta. */
static void positions_bring_up(struct hall *hall, const struct charmap_entry *src,
			       struct hall_positions *delta)
{
	struct charmap_entry *p;
	int created;

	p = charmap_put(&hall->published, src->id, src->x, src->y, &created);
	if (!p || p->mark)
		return;   /* out of memory, or already published by this daemon */
	p->mark = 1;
	if (created || p->x != src->x || p->y != src->y || p->verified != src->verified ||
	    p->operator != src->operator) {
		p->x = src->x;
		p->y = src->y;
		p->verified = src->verified;
		p->operator = src->operator;
		msg_positions_add(delta, p);
	}
}

struct leaver {
	char id[GITHUB_ID_MAX + 1];
	struct hall_msg *msg;
};

void positions_publish(struct hall *hall)
{
	struct hall_positions delta;
	struct hall_msg *delta_msg = NULL, *full_msg = NULL;
	struct leaver *leaves = NULL;
	size_t nleaves = 0, cap = 0;
	int want_full = 0;

	msg_positions_begin(&delta);
	charmap_foreach(&hall->published, e) e->mark = 0;
	charmap_foreach(&hall->local, e) positions_bring_up(hall, e, &delta);
	charmap_foreach(&hall->remote, e) positions_bring_up(hall, e, &delta);

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
		leaves[nleaves].msg = msg_leave(e->id);
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
		delta_msg = msg_positions_end(&delta);
	else
		msg_positions_discard(&delta);
	if (want_full) {
		struct hall_positions all;

		msg_positions_begin(&all);
		charmap_foreach(&hall->published, e) msg_positions_add(&all, e);
		full_msg = msg_positions_end(&all);
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

	for (size_t i = 0; i < nleaves; i++)
		msg_unref(leaves[i].msg);
	free(leaves);
	msg_unref(delta_msg);
	msg_unref(full_msg);
}

void positions_free(struct hall *hall)
{
	charmap_clear(&hall->local);
	charmap_clear(&hall->remote);
	charmap_clear(&hall->published);
}
