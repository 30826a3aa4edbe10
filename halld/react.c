/* react.c — emotes in the hall (REACT): a visitor's clap, laugh, heart,
 * surprise or axe, floated above the avatar for everyone connected to this
 * daemon (docs/HALL.md, Reactions). Nothing is stored: a reaction is of the
 * moment, and one missed is no loss. */
#include "hall.h"

#include "input.h"

void react_send(struct hall *hall, struct hall_session *s, const char *emote, double now)
{
	struct hall_msg *m;
	json_t *j;

	if (session_limited(s, &s->reacts, HALL_REACT_RATE, HALL_REACT_BURST,
			    "reactions are limited to one a second", now))
		return;
	/* Muted: no more heard than in chat, and told why. */
	if (events_muted(hall, s))
		return;
	j = json_pack("{s:s, s:s, s:s}", "action", "REACT", "user_id", s->visitor->id, "emote", emote);
	m = j ? msg_json(j) : NULL;
	json_decref(j);
	session_broadcast(hall, m);
	msg_unref(m);
}
