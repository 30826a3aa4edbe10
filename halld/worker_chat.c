/* worker_chat.c — the hall's chat on the database worker (worker_thread.h):
 * messages said here stored in chat_messages, in order and through outages;
 * the stored history at start; and what the other daemons stored since. */
#include "worker_thread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "log.h"

#define WORKER_CHAT_BACKLOG 1000   /* chat held while the database is away */
#define WORKER_HISTORY_SQL_LIMIT "50"

struct worker_chat_job {
	struct dbthread_item item;
	struct worker_chat_job *next;   /* in the worker's pending list */
	char user[GITHUB_ID_MAX + 1];
	char *message;
	char at[64];                    /* "YYYY-MM-DD HH:MM:SS.mmm", UTC */
};

void worker_chat_free_job(struct dbthread_item *item)
{
	struct worker_chat_job *j = lws_container_of(item, struct worker_chat_job, item);

	free(j->message);
	free(j);
}

void worker_post_chat(struct worker *w, const char *user, const char *message, const char *at_iso)
{
	struct worker_chat_job *j = calloc(1, sizeof(*j));
	char date[11] = "", time_part[13] = "";

	if (!j || !(j->message = strdup(message))) {
		free(j);
		log_error("out of memory: chat message from %s not stored", user);
		return;
	}
	snprintf(j->user, sizeof(j->user), "%s", user);
	/* "2024-05-01T12:34:56.789Z" → "2024-05-01 12:34:56.789" */
	if (sscanf(at_iso, "%10[0-9-]T%12[0-9:.]", date, time_part) == 2)
		snprintf(j->at, sizeof(j->at), "%s %s", date, time_part);
	else
		clock_utc_db(j->at, sizeof(j->at));
	dbthread_post(w->thread, &j->item, 0, 1);
}

/* DATETIME(3) text from MariaDB to ISO 8601 UTC for clients. */
static void worker_iso_from_db(const char *db_time, char *out, size_t size)
{
	char date[11] = "", time_part[13] = "";

	if (!db_time || sscanf(db_time, "%10s %12s", date, time_part) != 2) {
		snprintf(out, size, "%s", db_time ? db_time : "");
		return;
	}
	if (!strchr(time_part, '.'))
		snprintf(out, size, "%sT%s.000Z", date, time_part);
	else
		snprintf(out, size, "%sT%sZ", date, time_part);
}

/* Chat rows (id, github_id, message, created_at, daemon_id) into an event,
 * skipping this daemon's own messages when skip_own. */
static struct worker_event *worker_chat_event(struct worker *w, db_result *r, int skip_own,
					      enum worker_event_kind kind)
{
	struct worker_event *ev = calloc(1, sizeof(*ev));

	if (!ev)
		return NULL;
	ev->kind = kind;
	ev->chats = calloc(r->nrows ? r->nrows : 1, sizeof(*ev->chats));
	if (!ev->chats) {
		free(ev);
		return NULL;
	}
	for (unsigned i = 0; i < r->nrows; i++) {
		const char *user = db_cell(r, i, 1), *msg = db_cell(r, i, 2);
		struct worker_chat *c = &ev->chats[ev->nchats];

		if (skip_own && strcmp(db_cell(r, i, 4) ? db_cell(r, i, 4) : "", w->daemon_id) == 0)
			continue;
		if (!user || !msg || github_id_problem(user))
			continue;
		snprintf(c->user, sizeof(c->user), "%s", user);
		c->message = strdup(msg);
		if (!c->message)
			break;
		worker_iso_from_db(db_cell(r, i, 3), c->at, sizeof(c->at));
		ev->nchats++;
	}
	return ev;
}

int worker_chat_load_history(struct worker *w)
{
	db_result *r;
	struct worker_event *ev;

	r = db_query(w->db,
		     "SELECT id, github_id, message, created_at, daemon_id FROM ("
		     " SELECT id, github_id, message, created_at, daemon_id FROM chat_messages"
		     " ORDER BY id DESC LIMIT " WORKER_HISTORY_SQL_LIMIT ") last ORDER BY id");
	if (!r)
		return -1;
	w->last_chat_id = r->nrows ? db_cell_int(r, r->nrows - 1, 0, 0) : 0;
	ev = worker_chat_event(w, r, 0, WORKER_HISTORY);
	db_result_free(r);
	if (ev)
		worker_emit(w, ev);
	return 0;
}

static void worker_chat_drop_head(struct worker *w)
{
	struct worker_chat_job *j = w->pending;

	w->pending = j->next;
	if (!w->pending)
		w->pending_tail = NULL;
	w->npending--;
	worker_chat_free_job(&j->item);
}

void worker_chat_take_jobs(struct worker *w, struct dbthread_item *jobs, size_t n)
{
	for (; jobs; jobs = jobs->next) {
		struct worker_chat_job *j = lws_container_of(jobs, struct worker_chat_job, item);

		j->next = NULL;
		if (w->pending_tail)
			w->pending_tail->next = j;
		else
			w->pending = j;
		w->pending_tail = j;
	}
	w->npending += n;
	/* While the database is away the oldest go first. */
	while (w->npending > WORKER_CHAT_BACKLOG) {
		log_error("chat message from %s not stored: the database has been away too long",
			  w->pending->user);
		worker_chat_drop_head(w);
	}
}

void worker_chat_store(struct worker *w)
{
	while (w->pending) {
		struct worker_chat_job *j = w->pending;

		if (db_exec(w->db,
			    "INSERT INTO chat_messages (github_id, message, daemon_id, created_at)"
			    " VALUES (?, ?, ?, ?)",
			    DB_TEXT(j->user), DB_TEXT(j->message), DB_TEXT(w->daemon_id), DB_TEXT(j->at)) < 0) {
			if (db_is_outage(w->db)) {
				worker_db_failed(w, "storing chat");
				return;
			}
			/* A full disk frees up: the message is kept, in order, and
			 * stored once there is room (the backlog bounds what waits). */
			if (db_is_full(w->db)) {
				if (!w->disk_full)
					log_error("chat waits to be stored: the database has no room "
						  "left to write (disk full?): %s", db_error(w->db));
				w->disk_full = 1;
				return;
			}
			/* Not an outage: this row will never go in. */
			log_error("chat message from %s not stored: %s", j->user, db_error(w->db));
		} else {
			worker_db_ok(w);
			if (w->disk_full)
				log_info("the database has room again: waiting chat is being stored");
			w->disk_full = 0;
		}
		worker_chat_drop_head(w);
	}
}

void worker_chat_poll(struct worker *w)
{
	db_result *r = db_query(w->db,
				"SELECT id, github_id, message, created_at, daemon_id"
				" FROM chat_messages WHERE id > ? ORDER BY id LIMIT 200",
				DB_INT(w->last_chat_id));
	struct worker_event *ev;

	if (!r) {
		worker_db_failed(w, "reading chat");
		return;
	}
	worker_db_ok(w);
	if (r->nrows) {
		w->last_chat_id = db_cell_int(r, r->nrows - 1, 0, w->last_chat_id);
		ev = worker_chat_event(w, r, 1, WORKER_CHAT);
		if (ev && ev->nchats)
			worker_emit(w, ev);
		else
			worker_event_free(ev);
	}
	db_result_free(r);
}

void worker_chat_drop(struct worker *w)
{
	while (w->pending) {
		log_error("chat message from %s lost at shutdown: the database is away",
			  w->pending->user);
		worker_chat_drop_head(w);
	}
}
