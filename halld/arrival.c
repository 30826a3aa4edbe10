/* arrival.c — who a new connection is (hall.h, "arrival.c"): the identity
 * thread (identify.h) looks its cookie up while the connection waits as a
 * spectator; the answer, or the deadline, settles it, and hall->arrived
 * (protocol.c) hears of it to act on what the connection said meanwhile.
 *
 * The hall remembers the IDs it looked up (by the secret's hash, never the
 * secret), for a database that is slow or away: a browser the hall knew in
 * the last HALL_KNOWN_FOR seconds keeps its ID through an outage. An answer
 * "nobody holds this" forgets it at once, and so does a hold let go: every
 * one (a sign-out, a sign-in elsewhere, a new claim by the same browser, a
 * kick, a ban) is written to hall_events, which the worker reads twice a
 * second (events.c calls arrival_forget): an ID released is never given
 * back from memory, whether the lookup was slow or the database went away.
 * A lookup that cannot even be queued (a flood of cookies filled the queue)
 * makes a spectator, not a guess from memory. */
#include "hall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clock.h"
#include "identify.h"
#include "log.h"
#include "moderation.h"

struct hall_known {
	char hash[65];                         /* "" for a free slot */
	char user[GITHUB_ID_MAX + 1];
	int verified;
	int operator;
	double at;
};

#define KNOWN_PROBE 8

/* The slot for hash: its own, else a free one, else the oldest of its probe
 * run (NULL when nothing is remembered yet and memory is short). */
static struct hall_known *known_slot(struct hall *hall, const char *hash, int for_writing)
{
	struct hall_known *oldest = NULL;
	unsigned long h = strtoul((char[9]){ hash[0], hash[1], hash[2], hash[3], hash[4], hash[5],
					     hash[6], hash[7], 0 }, NULL, 16);

	if (!hall->known) {
		if (!for_writing)
			return NULL;
		hall->known = calloc(HALL_KNOWN_SLOTS, sizeof(*hall->known));
		if (!hall->known)
			return NULL;
	}
	for (unsigned i = 0; i < KNOWN_PROBE; i++) {
		struct hall_known *k = &hall->known[(h + i) & (HALL_KNOWN_SLOTS - 1)];

		if (strcmp(k->hash, hash) == 0)
			return k;
		if (!for_writing)
			continue;
		if (!k->hash[0] || !oldest || (oldest->hash[0] && k->at < oldest->at))
			oldest = k;
	}
	return oldest;
}

static void known_remember(struct hall *hall, const struct identify_result *r)
{
	struct hall_known *k = known_slot(hall, r->hash, 1);

	if (!k)
		return;
	snprintf(k->hash, sizeof(k->hash), "%s", r->hash);
	snprintf(k->user, sizeof(k->user), "%s", r->who.github_id);
	k->verified = r->who.verified;
	k->operator = moderation_is_operator(hall->settings, r->who.github_id, r->who.verified, r->who.linked);
	k->at = clock_monotonic();
}

static void known_forget(struct hall *hall, const char *hash)
{
	struct hall_known *k = known_slot(hall, hash, 0);

	if (k)
		memset(k, 0, sizeof(*k));
}

/* What the hall remembers of hash, recently enough; NULL when nothing. */
static const struct hall_known *known_recall(struct hall *hall, const char *hash)
{
	const struct hall_known *k = known_slot(hall, hash, 0);

	return k && clock_monotonic() - k->at <= HALL_KNOWN_FOR ? k : NULL;
}

void arrival_release(struct hall_session *s)
{
	lws_sul_cancel(&s->arrival_sul);
	explicit_bzero(s->secret, sizeof(s->secret));
	s->arriving = 0;
}

/* The connection is who (NULL: a spectator): it joins the hall, and the
 * hall is told it has arrived. */
static void settle(struct hall *hall, struct hall_session *s, const char *user, int verified,
		   int operator, const char *hash)
{
	lws_sul_cancel(&s->arrival_sul);
	explicit_bzero(s->secret, sizeof(s->secret));
	s->arriving = 0;
	s->recheck = 0;
	if (user) {
		const struct charmap_entry *e = charmap_get(&hall->local, user);

		/* One ID's tabs are bounded, so a handful of IDs cannot fill an
		 * address (or the daemon) for everyone else. */
		if (hall->connections_per_identity && e && e->conns >= hall->connections_per_identity) {
			session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION,
				      "too many hall connections for this ID: close a tab", 0);
			user = NULL;
		}
	}
	if (user) {
		snprintf(s->user, sizeof(s->user), "%s", user);
		/* Which hold it acts for: a release of that hold closes it (events.c). */
		snprintf(s->hash, sizeof(s->hash), "%s", hash);
		s->verified = verified;
		s->operator = operator;
		if (positions_join(hall, s) != 0) {
			s->user[0] = '\0';
			session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory", 0);
		}
	} else if (!s->close_code && hall->spectators_per_address &&
		   address_spectators(hall, s->addr_key) > hall->spectators_per_address) {
		/* A cookie that is no one's makes a spectator like no cookie. */
		session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION,
			      "too many spectators from your address: enter with your GitHub ID", 0);
	}
	if (hall->arrived)
		hall->arrived(hall, s);
}

/* No answer in time: what the hall remembers decides. */
static void settle_from_memory(struct hall *hall, struct hall_session *s, const char *hash)
{
	const struct hall_known *k = known_recall(hall, hash);

	if (k)
		log_info("the database did not say who a hall visitor is in time; %s, as "
			 "the hall knew this browser", k->user);
	settle(hall, s, k ? k->user : NULL, k ? k->verified : 0, k ? k->operator : 0, hash);
}

static void arrival_deadline(lws_sorted_usec_list_t *sul)
{
	struct hall_session *s = lws_container_of(sul, struct hall_session, arrival_sul);
	struct hall *hall = lws_context_user(lws_get_context(s->wsi));
	char hash[65];

	if (!s->arriving)
		return;
	identity_secret_hash(s->secret, hash);
	settle_from_memory(hall, s, hash);
}

void arrival_begin(struct hall *hall, struct hall_session *s)
{
	if (!s->secret[0])
		return;
	s->serial = ++hall->next_serial;
	s->arriving = 1;
	/* No lookup can be asked for (a flood of cookies has filled the queue):
	 * a spectator. Memory is for a database that does not answer, not a way
	 * round the queue. */
	if (!hall->identify || identify_post(hall->identify, s->serial, s->secret) != 0) {
		settle(hall, s, NULL, 0, 0, "");
		return;
	}
	lws_sul_schedule(hall->ctx, 0, &s->arrival_sul, arrival_deadline,
			 (lws_usec_t)(HALL_ARRIVAL_WAIT * LWS_US_PER_SEC));
}

static struct hall_session *arriving_session(struct hall *hall, unsigned long serial)
{
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->arriving && s->serial == serial)
			return s;
	} lws_end_foreach_dll(d);
	return NULL;
}

void arrival_take_answers(struct hall *hall)
{
	struct identify_result *r = identify_take(hall->identify);

	while (r) {
		struct identify_result *next = r->next;
		struct hall_session *s;

		s = arriving_session(hall, r->serial);
		if (s && s->recheck && r->found == IDENTIFY_FOUND &&
		    identify_post(hall->identify, s->serial, s->secret) == 0) {
			/* A hold ended while this answer was on its way: it may
			 * be stale, so the thread is asked again (and nothing is
			 * remembered of it). */
			s->recheck = 0;
			free(r);
			r = next;
			continue;
		}
		if (r->found == IDENTIFY_FOUND)
			known_remember(hall, r);
		else if (r->found == IDENTIFY_NOBODY)
			known_forget(hall, r->hash);
		if (s && r->found == IDENTIFY_FAILED) {
			settle_from_memory(hall, s, r->hash);
		} else if (s) {
			settle(hall, s, r->found == IDENTIFY_FOUND ? r->who.github_id : NULL,
			       r->who.verified,
			       r->found == IDENTIFY_FOUND &&
				       moderation_is_operator(hall->settings, r->who.github_id, r->who.verified,
							      r->who.linked),
			       r->hash);
		}
		free(r);
		r = next;
	}
}

void arrival_forget(struct hall *hall, const char *user, const char *hash)
{
	if (hash[0]) {
		known_forget(hall, hash);
		return;
	}
	if (!hall->known)
		return;
	for (unsigned i = 0; i < HALL_KNOWN_SLOTS; i++)
		if (hall->known[i].hash[0] && strcasecmp(hall->known[i].user, user) == 0)
			memset(&hall->known[i], 0, sizeof(hall->known[i]));
}

void arrival_free(struct hall *hall)
{
	free(hall->known);
	hall->known = NULL;
}
