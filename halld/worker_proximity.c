/* worker_proximity.c — what the hall's bubbles need from the database, on the
 * worker (worker_thread.h): where the exhibits' booths stand, and the frames
 * a visitor here sends to a peer on another daemon, or theirs to ours,
 * through hall_signals (sql/0124-hall-signals.sql). */
#include "worker_thread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

#define WORKER_SIGNALS_BACKLOG 1000  /* frames waiting while the database is away */
#define WORKER_SIGNALS_READ "500"    /* rows read at a time */

struct worker_signal_job {
	struct worker_signal_job *next;
	struct worker_signal s;
};

static void worker_signal_job_free(struct worker_signal_job *j)
{
	free(j->s.body);
	free(j);
}

void worker_post_signal(struct worker *w, const char *to, const char *body)
{
	struct worker_signal_job *j = calloc(1, sizeof(*j));

	if (!j || !(j->s.body = strdup(body))) {
		free(j);
		log_error("out of memory: a signal for %s is dropped", to);
		return;
	}
	snprintf(j->s.to, sizeof(j->s.to), "%s", to);
	dbthread_lock(w->thread);
	if (w->nsignals >= WORKER_SIGNALS_BACKLOG) {
		dbthread_unlock(w->thread);
		log_warn("a signal for %s is dropped: %d wait for the database", to,
			 WORKER_SIGNALS_BACKLOG);
		worker_signal_job_free(j);
		return;
	}
	if (w->signals_tail)
		w->signals_tail->next = j;
	else
		w->signals = j;
	w->signals_tail = j;
	w->nsignals++;
	/* Written at the worker's next round, a quarter of a second at most. */
	dbthread_nudge(w->thread);
	dbthread_unlock(w->thread);
}

void worker_proximity_booths(struct worker *w)
{
	struct worker_event *ev;
	db_result *r;

	if (w->booths_sent)
		return;
	r = db_query(w->db, "SELECT hall_x, hall_y FROM exhibits ORDER BY id");
	if (!r) {
		worker_db_failed(w, "reading where the exhibits stand");
		return;
	}
	worker_db_ok(w);
	ev = calloc(1, sizeof(*ev));
	if (ev)
		ev->booths = calloc(r->nrows * 2 + 1, sizeof(*ev->booths));
	if (!ev || !ev->booths) {
		free(ev);
		db_result_free(r);
		log_error("out of memory reading where the exhibits stand");
		return;
	}
	ev->kind = WORKER_BOOTHS;
	for (unsigned i = 0; i < r->nrows; i++) {
		ev->booths[2 * i] = (double)db_cell_int(r, i, 0, 0);
		ev->booths[2 * i + 1] = (double)db_cell_int(r, i, 1, 0);
	}
	ev->nbooths = r->nrows;
	db_result_free(r);
	w->booths_sent = 1;
	worker_emit(w, ev);
}

void worker_proximity_signals_write(struct worker *w)
{
	struct worker_signal_job *j;

	for (;;) {
		dbthread_lock(w->thread);
		j = w->signals;
		dbthread_unlock(w->thread);
		if (!j)
			return;
		if (db_exec(w->db,
			    "INSERT INTO hall_signals (daemon_id, to_user, body, created_at)"
			    " VALUES (?, ?, ?, NOW(3))",
			    DB_TEXT(w->daemon_id), DB_TEXT(j->s.to), DB_TEXT(j->s.body)) < 0) {
			worker_db_failed(w, "sending signals to other daemons");
			return;
		}
		worker_db_ok(w);
		/* Only the loop appends, so the head is still j. */
		dbthread_lock(w->thread);
		w->signals = j->next;
		if (!w->signals)
			w->signals_tail = NULL;
		w->nsignals--;
		dbthread_unlock(w->thread);
		worker_signal_job_free(j);
	}
}

void worker_proximity_signals_poll(struct worker *w)
{
	struct worker_event *ev;
	db_result *r;

	if (w->last_signal_id < 0) {
		/* From now on: what was said before this daemon started is stale. */
		r = db_query(w->db, "SELECT COALESCE(MAX(id), 0) FROM hall_signals");
		if (!r) {
			worker_db_failed(w, "reading signals from other daemons");
			return;
		}
		w->last_signal_id = db_cell_int(r, 0, 0, 0);
		db_result_free(r);
		worker_db_ok(w);
		return;
	}
	r = db_query(w->db,
		     "SELECT id, to_user, body FROM hall_signals WHERE id > ? AND daemon_id <> ?"
		     " ORDER BY id LIMIT " WORKER_SIGNALS_READ,
		     DB_INT(w->last_signal_id), DB_TEXT(w->daemon_id));
	if (!r) {
		worker_db_failed(w, "reading signals from other daemons");
		return;
	}
	worker_db_ok(w);
	if (!r->nrows) {
		db_result_free(r);
		return;
	}
	ev = calloc(1, sizeof(*ev));
	if (ev)
		ev->signals = calloc(r->nrows, sizeof(*ev->signals));
	if (!ev || !ev->signals) {
		free(ev);
		db_result_free(r);
		log_error("out of memory reading signals from other daemons");
		return;
	}
	ev->kind = WORKER_SIGNALS;
	for (unsigned i = 0; i < r->nrows; i++) {
		const char *to = db_cell(r, i, 1), *body = db_cell(r, i, 2);
		struct worker_signal *s = &ev->signals[ev->nsignals];

		w->last_signal_id = db_cell_int(r, i, 0, w->last_signal_id);
		if (!to || !body || !(s->body = strdup(body)))
			continue;
		snprintf(s->to, sizeof(s->to), "%s", to);
		ev->nsignals++;
	}
	db_result_free(r);
	worker_emit(w, ev);
}

void worker_proximity_signals_prune(struct worker *w)
{
	if (db_exec(w->db,
		    "DELETE FROM hall_signals WHERE created_at < NOW(3) - INTERVAL 1 MINUTE") < 0) {
		worker_db_failed(w, "pruning signals");
		return;
	}
	worker_db_ok(w);
}

void worker_proximity_signals_free(struct worker *w)
{
	while (w->signals) {
		struct worker_signal_job *j = w->signals;

		w->signals = j->next;
		worker_signal_job_free(j);
	}
	w->signals_tail = NULL;
	w->nsignals = 0;
}
