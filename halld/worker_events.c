/* worker_events.c — what the operators and the entrance decided, read by the
 * hall daemon's database worker (worker_thread.h) from hall_events and
 * sanctions (sql/0110-moderation.sql) and handed to the loop (events.c). */
#include "worker_thread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

#define WORKER_EVENTS_LIMIT "500"

int worker_events_load_last(struct worker *w)
{
	db_result *r = db_query(w->db, "SELECT COALESCE(MAX(id), 0) FROM hall_events");

	if (!r)
		return -1;
	w->last_event_id = db_cell_int(r, 0, 0, 0);
	db_result_free(r);
	return 0;
}

static int worker_event_kind(const char *kind, enum worker_hall_event_kind *out)
{
	static const struct { const char *name; enum worker_hall_event_kind kind; } kinds[] = {
		{ "release", WORKER_RELEASE }, { "kick", WORKER_KICK }, { "ban", WORKER_BAN },
		{ "ban_address", WORKER_BAN_ADDRESS }, { "unban_address", WORKER_UNBAN_ADDRESS },
		{ "mute", WORKER_MUTE },
		{ "unmute", WORKER_UNMUTE }, { "chat_delete", WORKER_CHAT_DELETE },
		{ "announce", WORKER_ANNOUNCE },
	};

	for (size_t i = 0; kind && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(kind, kinds[i].name) == 0) {
			*out = kinds[i].kind;
			return 0;
		}
	}
	return -1;
}

static void cell_copy(char *out, size_t size, const db_result *r, unsigned row, unsigned col)
{
	const char *v = db_cell(r, row, col);

	snprintf(out, size, "%s", v ? v : "");
}

/* Rows of (kind, github_id, secret_hash, address, line_id, until as Unix
 * seconds, message, actor, created_at as ISO 8601) into an event of kind. */
static struct worker_event *worker_events_of(const db_result *r, unsigned first_col,
					     enum worker_event_kind kind)
{
	struct worker_event *ev = calloc(1, sizeof(*ev));

	if (!ev || !(ev->events = calloc(r->nrows ? r->nrows : 1, sizeof(*ev->events)))) {
		free(ev);
		log_error("out of memory reading what the operators decided");
		return NULL;
	}
	ev->kind = kind;
	for (unsigned i = 0; i < r->nrows; i++) {
		struct worker_hall_event *e = &ev->events[ev->nevents];
		unsigned c = first_col;

		if (worker_event_kind(db_cell(r, i, c), &e->kind) != 0)
			continue;
		cell_copy(e->github_id, sizeof(e->github_id), r, i, c + 1);
		cell_copy(e->hash, sizeof(e->hash), r, i, c + 2);
		cell_copy(e->address, sizeof(e->address), r, i, c + 3);
		e->line_id = db_cell_int(r, i, c + 4, 0);
		e->until = db_cell_double(r, i, c + 5, 0);
		e->message = db_cell(r, i, c + 6) ? strdup(db_cell(r, i, c + 6)) : NULL;
		cell_copy(e->actor, sizeof(e->actor), r, i, c + 7);
		cell_copy(e->at, sizeof(e->at), r, i, c + 8);
		ev->nevents++;
	}
	return ev;
}

void worker_events_poll(struct worker *w)
{
	db_result *r = db_query(w->db,
				"SELECT id, kind, github_id, secret_hash, address, line_id, UNIX_TIMESTAMP(until), "
				"message, actor, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ') "
				"FROM hall_events WHERE id > ? ORDER BY id LIMIT " WORKER_EVENTS_LIMIT,
				DB_INT(w->last_event_id));
	struct worker_event *ev;

	if (!r) {
		worker_db_failed(w, "reading the operators' acts");
		return;
	}
	if (r->nrows) {
		w->last_event_id = db_cell_int(r, r->nrows - 1, 0, w->last_event_id);
		ev = worker_events_of(r, 1, WORKER_EVENTS);
		if (ev)
			worker_emit(w, ev);
	}
	db_result_free(r);
}

void worker_events_load_sanctions(struct worker *w)
{
	/* The same columns as hall_events', so one reader does both. */
	db_result *r = db_query(w->db,
				"SELECT IF(kind = 'mute', 'mute', 'ban_address'), github_id, NULL, address, 0, "
				"UNIX_TIMESTAMP(until), reason, created_by, "
				"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ') FROM sanctions "
				"WHERE lifted_at IS NULL AND (until IS NULL OR until > NOW()) "
				"AND ((kind = 'mute' AND github_id IS NOT NULL) OR (kind = 'ban' AND address IS NOT NULL))");
	struct worker_event *ev;

	if (!r) {
		worker_db_failed(w, "reading the mutes and bans in force");
		return;
	}
	ev = worker_events_of(r, 0, WORKER_SANCTIONS);
	if (ev)
		worker_emit(w, ev);
	db_result_free(r);
}
