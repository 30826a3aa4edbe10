/* room.c — the masakari room: the connections of /masakari pages, which asked
 * (SUBSCRIBE_MASAKARI) for the throws that land and the host's status. */
#include "hall.h"

void room_subscribe(struct hall_session *s)
{
	s->subscribed = 1;
}

void room_send(struct hall *hall, struct hall_msg *m)
{
	if (!m)
		return;
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->subscribed)
			session_send(s, m);
	} lws_end_foreach_dll(d);
}

void room_send_status(struct hall *hall)
{
	struct status_values v;
	struct hall_msg *m = NULL;

	if (!hall->have_status || status_sampler_latest(&v) != 0)
		return;
	/* Built only when someone is in the room to hear it. */
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);

		if (s->subscribed) {
			if (!m)
				m = msg_status(&v);
			session_send(s, m);
		}
	} lws_end_foreach_dll(d);
	msg_unref(m);
}
