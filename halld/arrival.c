/* arrival.c — who a new connection is (hall.h, "arrival.c"): the identity
 * thread (identify.h) looks its cookie up while the connection waits as a
 * spectator; the answer, or the deadline, settles it, and hall->arrived
 * (protocol.c) hears of it to act on what the connection said meanwhile.
 *
 * The hall remembers the IDs it looked up (by the secret's hash, never the
 * secret), for a database that is slow or away: a browser the hall knew in
 * the last HALL_KNOWN_FOR seconds keeps its ID through an outage. An answer
 * "nobody holds this" forgets it at once, so an ID taken back by a GitHub
 * sign-in is not given to the old browser while the database answers. */
#include "hall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "identify.h"
#include "log.h"

struct hall_known {
	char hash[65];                         /* "" for a free slot */
	char user[GITHUB_ID_MAX + 1];
	int verified;
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
static void settle(struct hall *hall, struct hall_session *s, const char *user, int verified)
{
	lws_sul_cancel(&s->arrival_sul);
	explicit_bzero(s->secret, sizeof(s->secret));
	s->arriving = 0;
	if (user) {
		snprintf(s->user, sizeof(s->user), "%s", user);
		s->verified = verified;
		if (positions_join(hall, s) != 0) {
			s->user[0] = '\0';
			session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory", 0);
		}
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
	settle(hall, s, k ? k->user : NULL, k ? k->verified : 0);
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
	char hash[65];

	if (!s->secret[0])
		return;
	s->serial = ++hall->next_serial;
	s->arriving = 1;
	if (!hall->identify || identify_post(hall->identify, s->serial, s->secret) != 0) {
		identity_secret_hash(s->secret, hash);
		settle_from_memory(hall, s, hash);
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

		if (r->found == IDENTIFY_FOUND)
			known_remember(hall, r);
		else if (r->found == IDENTIFY_NOBODY)
			known_forget(hall, r->hash);
		s = arriving_session(hall, r->serial);
		if (s && r->found == IDENTIFY_FAILED)
			settle_from_memory(hall, s, r->hash);
		else if (s)
			settle(hall, s, r->found == IDENTIFY_FOUND ? r->who.github_id : NULL,
			       r->who.verified);
		free(r);
		r = next;
	}
}

void arrival_free(struct hall *hall)
{
	free(hall->known);
	hall->known = NULL;
}
