/* events.c — the hall acting on what the operators and the entrance decided
 * (hall.h, "events.c"), as the worker brings it from hall_events: every
 * daemon polls the table twice a second, so an act reaches every hall within
 * a second wherever it was made (lib/moderation.c, masakarictl). */
#include "hall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clock.h"
#include "log.h"
#include "netaddr.h"
#include "worker.h"

/* Closes every connection acting for user (and, when hash is not "", only
 * for that hold), flushing what was queued so the client reads why. */
static unsigned close_user(struct hall *hall, const char *user, const char *hash, int code,
			   const char *reason)
{
	unsigned n = 0;

	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->user[0] && strcasecmp(s->user, user) == 0 && (!hash[0] || strcmp(s->hash, hash) == 0) &&
		    !s->close_code) {
			session_close(s, code, reason, 1);
			n++;
		}
	} lws_end_foreach_dll(d);
	return n;
}

/* A connection still waiting to hear who it is may be told a hold that just
 * ended: it asks again once the answer comes (arrival.c). */
static void recheck_arrivals(struct hall *hall)
{
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->arriving)
			s->recheck = 1;
	} lws_end_foreach_dll(d);
}

static void sanction_clear(struct hall_sanction *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].reason);
}

/* Adds or replaces the sanction on key in *v. */
static void sanction_put(struct hall_sanction **v, size_t *n, const struct worker_hall_event *e,
			 const char *key)
{
	struct hall_sanction *s = NULL, *grown;

	for (size_t i = 0; i < *n; i++)
		if (strcasecmp((*v)[i].key, key) == 0)
			s = &(*v)[i];
	if (!s) {
		grown = realloc(*v, (*n + 1) * sizeof(**v));
		if (!grown) {
			log_error("out of memory: a mute or ban of %s is not enforced by this daemon", key);
			return;
		}
		*v = grown;
		s = &(*v)[(*n)++];
		memset(s, 0, sizeof(*s));
	}
	snprintf(s->key, sizeof(s->key), "%s", key);
	s->until = e->until;
	free(s->reason);
	s->reason = e->message ? strdup(e->message) : NULL;
	s->until_text[0] = '\0';
	if (e->until > 0) {
		time_t t = (time_t)e->until;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(s->until_text, sizeof(s->until_text), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
}

static void sanction_drop(struct hall_sanction *v, size_t *n, const char *key)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcasecmp(v[i].key, key) != 0)
			continue;
		free(v[i].reason);
		v[i] = v[--*n];
		return;
	}
}

/* The sanction on key in force now, or NULL; ended ones are dropped. */
static const struct hall_sanction *sanction_find(struct hall_sanction *v, size_t *n, const char *key)
{
	double now = clock_wall();

	for (size_t i = 0; i < *n; i++) {
		if (v[i].until > 0 && v[i].until <= now) {
			free(v[i].reason);
			v[i--] = v[--*n];
			continue;
		}
		if (strcasecmp(v[i].key, key) == 0)
			return &v[i];
	}
	return NULL;
}

/* Tells every connection of user (of the hold hash, when not "") what
 * happened to it. */
static void tell_user(struct hall *hall, const char *user, const char *hash, struct hall_msg *m)
{
	if (!m)
		return;
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->user[0] && strcasecmp(s->user, user) == 0 && (!hash[0] || strcmp(s->hash, hash) == 0))
			session_send(s, m);
	} lws_end_foreach_dll(d);
	msg_unref(m);
}

static void chat_line_delete(struct hall *hall, long long id)
{
	struct hall_msg *m;
	unsigned kept = 0;

	/* Out of the ring, keeping the order of the rest. */
	for (unsigned i = 0; i < hall->history_count; i++) {
		unsigned from = (hall->history_start + i) % HALL_HISTORY;
		unsigned to = (hall->history_start + kept) % HALL_HISTORY;

		if (hall->history_ids[from] == id) {
			msg_unref(hall->history[from]);
			continue;
		}
		hall->history[to] = hall->history[from];
		hall->history_ids[to] = hall->history_ids[from];
		kept++;
	}
	hall->history_count = kept;
	m = msg_chat_deleted(id);
	session_broadcast(hall, m);
	msg_unref(m);
}

static void announce(struct hall *hall, const struct worker_hall_event *e)
{
	struct hall_msg *m = msg_announce(e->message ? e->message : "", e->actor, e->at);

	if (!m)
		return;
	session_broadcast(hall, m);
	msg_unref(hall->announce);
	hall->announce = m;
	hall->announce_until = clock_monotonic() + 60.0 * (double)hall->settings->moderation_announce_minutes;
}

static void ban_address(struct hall *hall, const struct worker_hall_event *e)
{
	char key[64];
	struct hall_msg *m = msg_moderation("banned", "", e->message);

	sanction_put(&hall->bans, &hall->nbans, e, e->address);
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		netaddr_limit_key(s->addr, key, sizeof(key));
		if (strcmp(key, e->address) == 0 && !s->close_code) {
			if (m)
				session_send(s, m);
			session_close(s, HALL_CLOSE_BANNED, "banned by an operator", 1);
		}
	} lws_end_foreach_dll(d);
	msg_unref(m);
}

static void act(struct hall *hall, const struct worker_hall_event *e)
{
	const struct hall_sanction *mute;
	unsigned n;

	switch (e->kind) {
	case WORKER_RELEASE:
		n = close_user(hall, e->github_id, e->hash, HALL_CLOSE_RELEASED,
			       "this browser no longer holds the ID: enter again");
		arrival_forget(hall, e->github_id, e->hash);
		recheck_arrivals(hall);
		if (n)
			log_info("%u hall connection(s) of %s closed: the hold ended", n, e->github_id);
		break;
	case WORKER_KICK:
	case WORKER_BAN:
		/* A kick names the hold it ended (one claimed afresh since stays);
		 * a ban closes every connection of the ID. */
		tell_user(hall, e->github_id, e->hash, msg_moderation(e->kind == WORKER_KICK ? "kicked" : "banned",
								     "", e->message));
		n = close_user(hall, e->github_id, e->hash, e->kind == WORKER_KICK ? HALL_CLOSE_KICKED : HALL_CLOSE_BANNED,
			       e->kind == WORKER_KICK ? "kicked by an operator" : "banned by an operator");
		arrival_forget(hall, e->github_id, e->hash);
		recheck_arrivals(hall);
		log_info("%s %s by %s: %u connection(s) closed", e->github_id,
			 e->kind == WORKER_KICK ? "kicked" : "banned", e->actor, n);
		break;
	case WORKER_BAN_ADDRESS:
		ban_address(hall, e);
		break;
	case WORKER_UNBAN_ADDRESS:
		sanction_drop(hall->bans, &hall->nbans, e->address);
		break;
	case WORKER_MUTE:
		sanction_put(&hall->mutes, &hall->nmutes, e, e->github_id);
		mute = sanction_find(hall->mutes, &hall->nmutes, e->github_id);
		if (mute)
			tell_user(hall, e->github_id, "", msg_moderation("muted", mute->until_text, mute->reason));
		break;
	case WORKER_UNMUTE:
		sanction_drop(hall->mutes, &hall->nmutes, e->github_id);
		tell_user(hall, e->github_id, "", msg_moderation("unmuted", NULL, NULL));
		break;
	case WORKER_CHAT_DELETE:
		chat_line_delete(hall, e->line_id);
		break;
	case WORKER_ANNOUNCE:
		announce(hall, e);
		break;
	}
}

void events_take(struct hall *hall, const struct worker_event *ev)
{
	if (ev->kind == WORKER_SANCTIONS) {
		sanction_clear(hall->mutes, hall->nmutes);
		sanction_clear(hall->bans, hall->nbans);
		hall->nmutes = hall->nbans = 0;
		for (size_t i = 0; i < ev->nevents; i++) {
			const struct worker_hall_event *e = &ev->events[i];

			if (e->kind == WORKER_MUTE)
				sanction_put(&hall->mutes, &hall->nmutes, e, e->github_id);
			else if (e->kind == WORKER_BAN_ADDRESS)
				sanction_put(&hall->bans, &hall->nbans, e, e->address);
		}
		return;
	}
	for (size_t i = 0; i < ev->nevents; i++)
		act(hall, &ev->events[i]);
}

int events_muted(struct hall *hall, struct hall_session *s)
{
	const struct hall_sanction *mute = sanction_find(hall->mutes, &hall->nmutes, s->user);
	struct hall_msg *m;

	if (!mute)
		return 0;
	m = msg_moderation("muted", mute->until_text, mute->reason);
	if (m)
		session_send(s, m);
	msg_unref(m);
	return 1;
}

int events_address_banned(struct hall *hall, const char *addr)
{
	char key[64];

	netaddr_limit_key(addr, key, sizeof(key));
	return sanction_find(hall->bans, &hall->nbans, key) != NULL;
}

void events_welcome(struct hall *hall, struct hall_session *s)
{
	if (hall->announce && clock_monotonic() < hall->announce_until)
		session_send(s, hall->announce);
}

void events_free(struct hall *hall)
{
	sanction_clear(hall->mutes, hall->nmutes);
	sanction_clear(hall->bans, hall->nbans);
	free(hall->mutes);
	free(hall->bans);
	hall->mutes = hall->bans = NULL;
	hall->nmutes = hall->nbans = 0;
	msg_unref(hall->announce);
	hall->announce = NULL;
}
