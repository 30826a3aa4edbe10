/* chat.c — the hall's chat on the event loop: the last HALL_HISTORY messages
 * kept for newcomers, a message said here, and the messages the worker brings
 * (the stored history at start, chat taken by the other daemons). The worker
 * (worker_chat.c) stores and polls them in the database. */
#include "hall.h"

#include "clock.h"
#include "worker.h"

static void chat_push(struct hall *hall, struct hall_msg *m, long long id)
{
	unsigned at;

	if (!m)
		return;
	if (hall->history_count == HALL_HISTORY) {
		msg_unref(hall->history[hall->history_start]);
		hall->history[hall->history_start] = msg_ref(m);
		hall->history_ids[hall->history_start] = id;
		hall->history_start = (hall->history_start + 1) % HALL_HISTORY;
		return;
	}
	at = (hall->history_start + hall->history_count) % HALL_HISTORY;
	hall->history[at] = msg_ref(m);
	hall->history_ids[at] = id;
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
	long long id = hall->worker ? worker_chat_line_id(hall->worker) : 0;

	clock_utc_iso(at, sizeof(at));
	/* Everyone here hears it now, the sender included; the other daemons
	 * once the worker has stored it. Its id comes with it, so an operator
	 * can delete it at once. */
	m = msg_chat(id, s->visitor->id, message, at, s->operator);
	if (!m)
		return;
	chat_push(hall, m, id);
	session_broadcast(hall, m);
	msg_unref(m);
	if (hall->worker)
		worker_post_chat(hall->worker, id, s->visitor->id, message, at, s->operator);
}

/* The stored history, then whatever was said here before it arrived. */
void chat_take_history(struct hall *hall, const struct worker_event *ev)
{
	struct hall_msg *kept[HALL_HISTORY];
	long long kept_ids[HALL_HISTORY];
	unsigned nkept = hall->history_count;

	for (unsigned i = 0; i < nkept; i++) {
		kept[i] = hall->history[(hall->history_start + i) % HALL_HISTORY];
		kept_ids[i] = hall->history_ids[(hall->history_start + i) % HALL_HISTORY];
	}
	hall->history_start = hall->history_count = 0;
	for (size_t i = 0; i < ev->nchats; i++) {
		const struct worker_chat *c = &ev->chats[i];
		struct hall_msg *m = msg_chat(c->line_id, c->user, c->message, c->at, c->operator);

		chat_push(hall, m, c->line_id);
		msg_unref(m);
	}
	for (unsigned i = 0; i < nkept; i++) {
		chat_push(hall, kept[i], kept_ids[i]);
		msg_unref(kept[i]);
	}
}

void chat_take_others(struct hall *hall, const struct worker_event *ev)
{
	for (size_t i = 0; i < ev->nchats; i++) {
		const struct worker_chat *c = &ev->chats[i];
		struct hall_msg *m = msg_chat(c->line_id, c->user, c->message, c->at, c->operator);

		chat_push(hall, m, c->line_id);
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
