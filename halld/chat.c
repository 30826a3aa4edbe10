/* chat.c — the hall's chat on the event loop: the last HALL_HISTORY messages
 * kept for newcomers, a message said here, and the messages the worker brings
 * (the stored history at start, chat taken by the other daemons). The worker
 * (worker_chat.c) stores and polls them in the database. */
#include "hall.h"

#include "clock.h"
#include "worker.h"

static void chat_push(struct hall *hall, struct hall_msg *m)
{
	unsigned at;

	if (!m)
		return;
	if (hall->history_count == HALL_HISTORY) {
		msg_unref(hall->history[hall->history_start]);
		hall->history[hall->history_start] = msg_ref(m);
		hall->history_start = (hall->history_start + 1) % HALL_HISTORY;
		return;
	}
	at = (hall->history_start + hall->history_count) % HALL_HISTORY;
	hall->history[at] = msg_ref(m);
	hall->history_count++;
}

void chat_send_history(struct hall *hall, struct hall_session *s)
{
	for (unsigned i = 0; i < hall->history_count; i++)
		session_send(s, hall->history[(hall->history_start + i) % HALL_HISTORY]);
}

void chat_say(struct hall *hall, struct hall_session *s, const char *message)
{
	char at[64];
	struct hall_msg *m;

	clock_utc_iso(at, sizeof(at));
	/* Everyone here hears it now, the sender included; the other daemons
	 * once the worker has stored it. */
	m = msg_chat(s->visitor->id, message, at);
	if (!m)
		return;
	chat_push(hall, m);
	session_broadcast(hall, m);
	msg_unref(m);
	if (hall->worker)
		worker_post_chat(hall->worker, s->visitor->id, message, at);
}

/* The stored history, then whatever was said here before it arrived. */
void chat_take_history(struct hall *hall, const struct worker_event *ev)
{
	struct hall_msg *kept[HALL_HISTORY];
	unsigned nkept = hall->history_count;

	for (unsigned i = 0; i < nkept; i++)
		kept[i] = hall->history[(hall->history_start + i) % HALL_HISTORY];
	hall->history_start = hall->history_count = 0;
	for (size_t i = 0; i < ev->nchats; i++) {
		struct hall_msg *m = msg_chat(ev->chats[i].user, ev->chats[i].message,
					      ev->chats[i].at);

		chat_push(hall, m);
		msg_unref(m);
	}
	for (unsigned i = 0; i < nkept; i++) {
		chat_push(hall, kept[i]);
		msg_unref(kept[i]);
	}
}

void chat_take_others(struct hall *hall, const struct worker_event *ev)
{
	for (size_t i = 0; i < ev->nchats; i++) {
		struct hall_msg *m = msg_chat(ev->chats[i].user, ev->chats[i].message,
					      ev->chats[i].at);

		chat_push(hall, m);
		session_broadcast(hall, m);
		msg_unref(m);
	}
}

void chat_free(struct hall *hall)
{
	for (unsigned i = 0; i < hall->history_count; i++)
		msg_unref(hall->history[(hall->history_start + i) % HALL_HISTORY]);
	hall->history_start = hall->history_count = 0;
}
