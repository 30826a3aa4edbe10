/* worker_presence.c — the hall across daemons, on the database worker
 * (worker_thread.h): this daemon's visitors published in its hall_presence
 * row, and the visitors of the other live daemons read back for the loop. */
#include "worker_thread.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "log.h"

struct worker_remote {
	char id[129];
	char version[32];
	struct worker_visitor *visitors;
	size_t n;
	int seen;
};

void worker_post_presence(struct worker *w, struct worker_visitor *v, size_t n)
{
	dbthread_lock(w->thread);
	free(w->snapshot);
	w->snapshot = v;
	w->nsnapshot = n;
	w->snapshot_new = 1;
	/* Not woken for it: it writes the snapshot at its next round, within
	 * half a second. Waking it from the tick cost the tick up to a few
	 * milliseconds before its first frame could go out (the woken thread
	 * taking the loop's core on a busy machine). */
	dbthread_nudge(w->thread);
	dbthread_unlock(w->thread);
}

/* [["id", x, y], …] of the latest snapshot from the loop; a verified ID has a
 * fourth element, true, an operator a fifth, true, and a busy visitor a
 * sixth (daemons that do not know them read the first three). */
int worker_presence_take_snapshot(struct worker *w)
{
	struct worker_visitor *v;
	size_t n;
	json_t *all;
	char *text;

	dbthread_lock(w->thread);
	if (!w->snapshot_new) {
		dbthread_unlock(w->thread);
		return 0;
	}
	v = w->snapshot;
	n = w->nsnapshot;
	w->snapshot = NULL;
	w->snapshot_new = 0;
	dbthread_unlock(w->thread);

	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, v[i].busy
				      ? json_pack("[s,f,f,b,b,b]", v[i].id, v[i].x, v[i].y, v[i].verified,
						  v[i].operator, 1)
				      : v[i].operator
				      ? json_pack("[s,f,f,b,b]", v[i].id, v[i].x, v[i].y, v[i].verified, 1)
				      : v[i].verified
				      ? json_pack("[s,f,f,b]", v[i].id, v[i].x, v[i].y, 1)
				      : json_pack("[s,f,f]", v[i].id, v[i].x, v[i].y));
	free(v);
	text = json_dumps(all, JSON_COMPACT);
	json_decref(all);
	if (!text) {
		log_error("out of memory publishing the hall's visitors");
		return 1;
	}
	free(w->visitors_json);
	w->visitors_json = text;
	w->version++;
	return 1;
}

void worker_presence_write(struct worker *w)
{
	if (db_exec(w->db,
		    "INSERT INTO hall_presence"
		    " (daemon_id, host, pid, started_at, heartbeat_at, version, visitors)"
		    " VALUES (?, ?, ?, ?, NOW(3), ?, ?) ON DUPLICATE KEY UPDATE"
		    " host = VALUES(host), pid = VALUES(pid), started_at = VALUES(started_at),"
		    " heartbeat_at = NOW(3), version = VALUES(version), visitors = VALUES(visitors)",
		    DB_TEXT(w->daemon_id), DB_TEXT(w->host), DB_INT(getpid()), DB_TEXT(w->started_at),
		    DB_INT(w->version), DB_TEXT(w->visitors_json ? w->visitors_json : "[]")) < 0) {
		worker_db_failed(w, "publishing presence");
		return;
	}
	worker_db_ok(w);
}

static struct worker_remote *worker_find_remote(struct worker *w, const char *id)
{
	for (size_t i = 0; i < w->nremotes; i++)
		if (strcmp(w->remotes[i].id, id) == 0)
			return &w->remotes[i];
	return NULL;
}

/* Parses a daemon's visitors column, keeping only well-formed entries. */
static void worker_parse_visitors(struct worker_remote *d, const char *text)
{
	json_t *all = json_loads(text ? text : "[]", 0, NULL);
	size_t i;
	json_t *v;

	free(d->visitors);
	d->visitors = NULL;
	d->n = 0;
	if (!json_is_array(all)) {
		json_decref(all);
		return;
	}
	d->visitors = calloc(json_array_size(all) + 1, sizeof(*d->visitors));
	json_array_foreach(all, i, v) {
		const char *id = json_string_value(json_array_get(v, 0));
		double x = json_number_value(json_array_get(v, 1));
		double y = json_number_value(json_array_get(v, 2));

		if (!d->visitors || !id || github_id_problem(id) || !isfinite(x) || !isfinite(y))
			continue;
		snprintf(d->visitors[d->n].id, sizeof(d->visitors[d->n].id), "%s", id);
		d->visitors[d->n].x = input_clamp(x);
		d->visitors[d->n].y = input_clamp(y);
		d->visitors[d->n].verified = json_is_true(json_array_get(v, 3));
		d->visitors[d->n].operator = json_is_true(json_array_get(v, 4));
		d->visitors[d->n].busy = json_is_true(json_array_get(v, 5));
		d->n++;
	}
	json_decref(all);
}

static void worker_emit_remote(struct worker *w)
{
	struct worker_event *ev = calloc(1, sizeof(*ev));

	if (!ev)
		return;
	ev->kind = WORKER_REMOTE;
	charmap_init(&ev->remote);
	for (size_t i = 0; i < w->nremotes; i++) {
		for (size_t k = 0; k < w->remotes[i].n; k++) {
			const struct worker_visitor *v = &w->remotes[i].visitors[k];
			struct charmap_entry *e;
			int created;

			e = charmap_put(&ev->remote, v->id, v->x, v->y, &created);
			if (e && v->verified)
				e->verified = 1;
			if (e && v->operator)
				e->operator = 1;
			if (e && v->busy)
				e->busy = 1;
		}
	}
	worker_emit(w, ev);
}

static void worker_forget_remotes(struct worker *w)
{
	for (size_t i = 0; i < w->nremotes; i++)
		free(w->remotes[i].visitors);
	free(w->remotes);
	w->remotes = NULL;
	w->nremotes = 0;
}

/* Reads which other daemons are alive, and the visitors of those whose
 * version changed; tells the loop when anything did. */
void worker_presence_poll(struct worker *w, double now)
{
	db_result *r = db_query(w->db,
				"SELECT daemon_id, version FROM hall_presence WHERE daemon_id <> ?"
				" AND heartbeat_at > NOW(3) - INTERVAL ? SECOND",
				DB_TEXT(w->daemon_id), DB_INT(w->presence_timeout_s));
	int changed = 0;
	size_t kept = 0;

	if (!r) {
		worker_db_failed(w, "reading presence");
		/* Without news for this long, the others count as gone. */
		if (w->nremotes && now - w->remote_ok_at > w->presence_timeout_s) {
			worker_forget_remotes(w);
			worker_emit_remote(w);
		}
		return;
	}
	worker_db_ok(w);
	w->remote_ok_at = now;
	for (size_t i = 0; i < w->nremotes; i++)
		w->remotes[i].seen = 0;
	for (unsigned i = 0; i < r->nrows; i++) {
		const char *id = db_cell(r, i, 0), *version = db_cell(r, i, 1);
		struct worker_remote *d = worker_find_remote(w, id);

		if (!d) {
			struct worker_remote *grown =
				realloc(w->remotes, (w->nremotes + 1) * sizeof(*grown));

			if (!grown)
				continue;
			w->remotes = grown;
			d = &w->remotes[w->nremotes++];
			memset(d, 0, sizeof(*d));
			snprintf(d->id, sizeof(d->id), "%s", id);
		}
		d->seen = 1;
		if (strcmp(d->version, version ? version : "") != 0) {
			db_result *v = db_query(w->db,
						"SELECT version, visitors FROM hall_presence"
						" WHERE daemon_id = ?", DB_TEXT(id));

			if (!v) {
				worker_db_failed(w, "reading presence");
				continue;
			}
			snprintf(d->version, sizeof(d->version), "%s",
				 db_cell(v, 0, 0) ? db_cell(v, 0, 0) : "");
			worker_parse_visitors(d, db_cell(v, 0, 1));
			db_result_free(v);
			changed = 1;
		}
	}
	db_result_free(r);
	for (size_t i = 0; i < w->nremotes; i++) {
		if (w->remotes[i].seen) {
			w->remotes[kept++] = w->remotes[i];
		} else {
			free(w->remotes[i].visitors);
			changed = 1;
		}
	}
	w->nremotes = kept;
	if (changed)
		worker_emit_remote(w);
}

void worker_presence_prune(struct worker *w)
{
	if (db_exec(w->db,
		    "DELETE FROM hall_presence WHERE heartbeat_at < NOW(3) - INTERVAL 1 HOUR") < 0) {
		worker_db_failed(w, "pruning");
		return;
	}
	worker_db_ok(w);
}

/* The other daemons see this one's visitors leave at once. */
void worker_presence_leave(struct worker *w)
{
	if (db_exec(w->db, "DELETE FROM hall_presence WHERE daemon_id = ?", DB_TEXT(w->daemon_id)) < 0)
		log_warn("could not remove this daemon's presence row: %s", db_error(w->db));
}

void worker_presence_free(struct worker *w)
{
	free(w->snapshot);
	w->snapshot = NULL;
	free(w->visitors_json);
	w->visitors_json = NULL;
	worker_forget_remotes(w);
}
