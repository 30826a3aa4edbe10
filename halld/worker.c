/* worker.c — the hall daemon's database thread: stores chat, publishes this
 * daemon's visitors and reads the other daemons', watches for landed throws,
 * records host status samples, and hands results to the event loop. */
#define _GNU_SOURCE   /* pthread_timedjoin_np */
#include "worker.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "db.h"
#include "input.h"
#include "log.h"
#include "status.h"

#define WORKER_POLL_S 0.5          /* chat and throws from the database */
#define WORKER_PRESENCE_S 1.0      /* this daemon's row, and the others' */
#define WORKER_PRUNE_S 60.0
#define WORKER_CHAT_BACKLOG 1000   /* chat held while the database is away */
#define WORKER_HISTORY_SQL_LIMIT "50"
#define WORKER_STOP_WAIT_S 5       /* at shutdown, for the last chat and the presence row */

struct chat_job {
	struct chat_job *next;
	char user[GITHUB_ID_MAX + 1];
	char *message;
	char at[64];                    /* "YYYY-MM-DD HH:MM:SS.mmm", UTC */
};

struct remote_daemon {
	char id[129];
	char version[32];
	struct worker_visitor *visitors;
	size_t n;
	int seen;
};

struct worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct lws_context *ctx;
	db_t *db;
	char daemon_id[129];
	char host[65];
	unsigned presence_timeout_s, sample_interval_s;
	int record_status;

	/* Shared with the loop, under lock. */
	int stop;
	struct chat_job *jobs, *jobs_tail;
	size_t njobs;
	struct worker_visitor *snapshot;
	size_t nsnapshot;
	int snapshot_new;
	struct worker_event *events, *events_tail;

	/* The worker thread's own. */
	struct chat_job *pending, *pending_tail;   /* taken from jobs, not stored yet */
	size_t npending;
	int ready;                      /* history loaded, last ids known */
	int outage;
	int disk_full;                  /* chat waits for room to be stored */
	long long last_chat_id, last_throw_id;
	char *visitors_json;
	unsigned long long version;
	char started_at[64];
	struct remote_daemon *remotes;
	size_t nremotes;
	double remote_ok_at;
	double next_poll, next_presence, next_sample, next_prune;
};

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

static void worker_db_failed(struct worker *w, const char *what)
{
	if (!w->outage)
		log_error("hall database work stopped (%s): %s; the hall goes on without it "
			  "and retries", what, db_error(w->db));
	w->outage = 1;
}

static void worker_db_ok(struct worker *w)
{
	if (w->outage)
		log_info("hall database work resumed");
	w->outage = 0;
}

static void worker_emit(struct worker *w, struct worker_event *ev)
{
	pthread_mutex_lock(&w->lock);
	if (w->events_tail)
		w->events_tail->next = ev;
	else
		w->events = ev;
	w->events_tail = ev;
	/* Wakes the service thread: LWS_CALLBACK_EVENT_WAIT_CANCELLED. Under
	 * the lock, so a worker left behind at shutdown never touches a
	 * context that is gone. */
	if (w->ctx)
		lws_cancel_service(w->ctx);
	pthread_mutex_unlock(&w->lock);
}

void worker_event_free(struct worker_event *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->nchats; i++)
		free(ev->chats[i].message);
	free(ev->chats);
	charmap_clear(&ev->remote);
	json_decref(ev->message);
	free(ev);
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

/* Loads the chat history and the newest throw id; until this works, nothing
 * else is read (so nothing old is replayed as new). */
static int worker_init(struct worker *w)
{
	db_result *r;
	struct worker_event *ev;

	r = db_query(w->db, "SELECT COALESCE(MAX(id), 0) FROM throws");
	if (!r)
		return -1;
	w->last_throw_id = db_cell_int(r, 0, 0, 0);
	db_result_free(r);

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

static void worker_drop_pending_head(struct worker *w)
{
	struct chat_job *j = w->pending;

	w->pending = j->next;
	if (!w->pending)
		w->pending_tail = NULL;
	w->npending--;
	free(j->message);
	free(j);
}

/* Takes the jobs the loop posted; while the database is away the oldest go
 * first once WORKER_CHAT_BACKLOG are waiting. */
static void worker_take_jobs(struct worker *w, struct chat_job *jobs, size_t n)
{
	if (!jobs)
		return;
	if (w->pending_tail)
		w->pending_tail->next = jobs;
	else
		w->pending = jobs;
	while (jobs->next)
		jobs = jobs->next;
	w->pending_tail = jobs;
	w->npending += n;
	while (w->npending > WORKER_CHAT_BACKLOG) {
		log_error("chat message from %s not stored: the database has been away too long",
			  w->pending->user);
		worker_drop_pending_head(w);
	}
}

/* Stores waiting chat in order; stops at an outage and keeps the rest. */
static void worker_store_chats(struct worker *w)
{
	while (w->pending) {
		struct chat_job *j = w->pending;

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
		worker_drop_pending_head(w);
	}
}

static void worker_poll_chat(struct worker *w)
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

static void worker_poll_throws(struct worker *w)
{
	db_result *r = db_query(w->db,
				"SELECT t.id, t.github_id, t.score, t.power, w.slug, w.title_ja,"
				" w.title_en, t.reply FROM throws t"
				" LEFT JOIN weaknesses w ON w.id = t.weakness_id"
				" WHERE t.id > ? ORDER BY t.id LIMIT 50",
				DB_INT(w->last_throw_id));

	if (!r) {
		worker_db_failed(w, "reading throws");
		return;
	}
	worker_db_ok(w);
	for (unsigned i = 0; i < r->nrows; i++) {
		struct worker_event *ev = calloc(1, sizeof(*ev));
		json_t *weakness = json_null();
		json_t *m;

		w->last_throw_id = db_cell_int(r, i, 0, w->last_throw_id);
		if (db_cell(r, i, 4))
			weakness = json_pack("{s:s,s:s?,s:s?}", "slug", db_cell(r, i, 4), "title_ja",
					     db_cell(r, i, 5), "title_en", db_cell(r, i, 6));
		m = json_pack("{s:s,s:I,s:s?,s:f,s:I,s:o?}", "action", "ACTION_RECV_MASAKARI", "id",
			      (json_int_t)db_cell_int(r, i, 0, 0), "github_id", db_cell(r, i, 1),
			      "score", db_cell_double(r, i, 2, 0.0), "power",
			      (json_int_t)db_cell_int(r, i, 3, 0), "weakness", weakness);
		if (m && db_cell(r, i, 7))
			json_object_set_new(m, "reply", json_string(db_cell(r, i, 7)));
		if (!ev || !m) {
			free(ev);
			json_decref(m);
			continue;
		}
		ev->kind = WORKER_THROW;
		ev->message = m;
		worker_emit(w, ev);
	}
	db_result_free(r);
}

/* [["id", x, y], …] of the latest snapshot from the loop; a verified ID has a
 * fourth element, true (daemons that do not know it read the first three). */
static void worker_take_snapshot(struct worker *w, struct worker_visitor *v, size_t n)
{
	json_t *all = json_array();
	char *text;

	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, v[i].verified
				      ? json_pack("[s,f,f,b]", v[i].id, v[i].x, v[i].y, 1)
				      : json_pack("[s,f,f]", v[i].id, v[i].x, v[i].y));
	text = json_dumps(all, JSON_COMPACT);
	json_decref(all);
	if (!text) {
		log_error("out of memory publishing the hall's visitors");
		return;
	}
	free(w->visitors_json);
	w->visitors_json = text;
	w->version++;
}

static void worker_write_presence(struct worker *w)
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

static struct remote_daemon *worker_find_remote(struct worker *w, const char *id)
{
	for (size_t i = 0; i < w->nremotes; i++)
		if (strcmp(w->remotes[i].id, id) == 0)
			return &w->remotes[i];
	return NULL;
}

/* Parses a daemon's visitors column, keeping only well-formed entries. */
static void worker_parse_visitors(struct remote_daemon *d, const char *text)
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
static void worker_poll_remotes(struct worker *w, double now)
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
		struct remote_daemon *d = worker_find_remote(w, id);

		if (!d) {
			struct remote_daemon *grown =
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

static void worker_record_sample(struct worker *w)
{
	struct status_values v;

	if (!w->record_status || status_sampler_latest(&v) != 0)
		return;
	/* Two daemons on one host share a row per second rather than fail. */
	if (db_exec(w->db,
		    "INSERT INTO status_samples (host, at, cpuutilization, disk_read_bytes,"
		    " disk_write_bytes, network_in, network_out) VALUES (?, NOW(), ?, ?, ?, ?, ?)"
		    " ON DUPLICATE KEY UPDATE cpuutilization = VALUES(cpuutilization),"
		    " disk_read_bytes = VALUES(disk_read_bytes),"
		    " disk_write_bytes = VALUES(disk_write_bytes),"
		    " network_in = VALUES(network_in), network_out = VALUES(network_out)",
		    DB_TEXT(w->host), DB_DOUBLE(v.cpuutilization), DB_DOUBLE(v.disk_read_bytes),
		    DB_DOUBLE(v.disk_write_bytes), DB_DOUBLE(v.network_in),
		    DB_DOUBLE(v.network_out)) < 0) {
		worker_db_failed(w, "recording a status sample");
		return;
	}
	worker_db_ok(w);
}

static void worker_prune(struct worker *w)
{
	if (db_exec(w->db, "DELETE FROM status_samples WHERE at < NOW() - INTERVAL 1 DAY") < 0 ||
	    db_exec(w->db,
		    "DELETE FROM hall_presence WHERE heartbeat_at < NOW(3) - INTERVAL 1 HOUR") < 0) {
		worker_db_failed(w, "pruning");
		return;
	}
	worker_db_ok(w);
}

static double worker_next_due(const struct worker *w)
{
	double due = w->next_poll;

	if (w->next_presence < due)
		due = w->next_presence;
	if (w->sample_interval_s && w->next_sample < due)
		due = w->next_sample;
	if (w->next_prune < due)
		due = w->next_prune;
	return due;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	for (;;) {
		struct worker_visitor *snapshot = NULL;
		struct chat_job *jobs;
		size_t nsnapshot = 0, njobs;
		int have_snapshot = 0;
		double now, due = worker_next_due(w);

		pthread_mutex_lock(&w->lock);
		while (!w->stop && !w->jobs && !w->snapshot_new && clock_monotonic() < due) {
			struct timespec until = clock_timespec(due);

			if (pthread_cond_timedwait(&w->wake, &w->lock, &until) == ETIMEDOUT)
				break;
		}
		jobs = w->jobs;
		njobs = w->njobs;
		w->jobs = w->jobs_tail = NULL;
		w->njobs = 0;
		if (w->snapshot_new) {
			snapshot = w->snapshot;
			nsnapshot = w->nsnapshot;
			w->snapshot = NULL;
			w->snapshot_new = 0;
			have_snapshot = 1;
		}
		if (w->stop) {
			pthread_mutex_unlock(&w->lock);
			free(snapshot);
			worker_take_jobs(w, jobs, njobs);
			break;
		}
		pthread_mutex_unlock(&w->lock);
		worker_take_jobs(w, jobs, njobs);

		if (have_snapshot) {
			worker_take_snapshot(w, snapshot, nsnapshot);
			free(snapshot);
		}
		now = clock_monotonic();
		if (!w->ready && now >= w->next_poll) {
			w->ready = worker_init(w) == 0;
			if (w->ready)
				worker_db_ok(w);
			else
				worker_db_failed(w, "loading chat history");
		}
		/* History first: a message stored before it loads would come back twice. */
		if (w->ready)
			worker_store_chats(w);
		if (w->ready && now >= w->next_poll) {
			worker_poll_chat(w);
			worker_poll_throws(w);
		}
		if (now >= w->next_poll)
			w->next_poll = now + WORKER_POLL_S;
		if (now >= w->next_presence || have_snapshot) {
			worker_write_presence(w);
			if (now >= w->next_presence) {
				worker_poll_remotes(w, now);
				w->next_presence = now + WORKER_PRESENCE_S;
			}
		}
		if (w->sample_interval_s && now >= w->next_sample) {
			worker_record_sample(w);
			w->next_sample = now + w->sample_interval_s;
		}
		if (now >= w->next_prune) {
			worker_prune(w);
			w->next_prune = now + WORKER_PRUNE_S;
		}
	}

	/* Last words: what chat is left, then leave the hall at once. */
	if (w->ready)
		worker_store_chats(w);
	while (w->pending) {
		log_error("chat message from %s lost at shutdown: the database is away",
			  w->pending->user);
		worker_drop_pending_head(w);
	}
	if (db_exec(w->db, "DELETE FROM hall_presence WHERE daemon_id = ?", DB_TEXT(w->daemon_id)) < 0)
		log_warn("could not remove this daemon's presence row: %s", db_error(w->db));
	return NULL;
}

struct worker *worker_start(const struct settings *settings, const struct worker_options *opt,
			    struct lws_context *ctx)
{
	struct worker *w = calloc(1, sizeof(*w));
	pthread_condattr_t attr;

	if (!w) {
		log_error("out of memory starting the database worker");
		return NULL;
	}
	w->db = db_new(settings);
	if (!w->db) {
		free(w);
		log_error("out of memory starting the database worker");
		return NULL;
	}
	w->ctx = ctx;
	snprintf(w->daemon_id, sizeof(w->daemon_id), "%s", opt->daemon_id);
	snprintf(w->host, sizeof(w->host), "%s", opt->host);
	w->presence_timeout_s = opt->presence_timeout_s;
	w->sample_interval_s = opt->sample_interval_s;
	w->record_status = opt->record_status;
	clock_utc_db(w->started_at, sizeof(w->started_at));
	w->version = (unsigned long long)time(NULL) * 1000000ULL;
	w->next_poll = w->next_presence = w->next_sample = clock_monotonic();
	w->next_prune = clock_monotonic() + 5.0;
	pthread_mutex_init(&w->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&w->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
		log_error("cannot start the database worker thread");
		db_free(w->db);
		free(w);
		return NULL;
	}
	return w;
}

void worker_stop(struct worker *w)
{
	struct worker_event *ev;
	struct timespec until;

	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	/* A worker stuck in a query to a database that does not answer cannot be
	 * interrupted; the process leaves without it rather than hang. */
	until = clock_timespec(clock_wall() + WORKER_STOP_WAIT_S);
	if (pthread_timedjoin_np(w->thread, NULL, &until) != 0) {
		log_warn("the database worker did not stop within %d s; leaving without it",
			 WORKER_STOP_WAIT_S);
		pthread_mutex_lock(&w->lock);
		w->ctx = NULL;
		pthread_mutex_unlock(&w->lock);
		return;
	}
	while ((ev = worker_take_events(w))) {
		while (ev) {
			struct worker_event *next = ev->next;

			worker_event_free(ev);
			ev = next;
		}
	}
	while (w->jobs) {
		struct chat_job *j = w->jobs;

		w->jobs = j->next;
		free(j->message);
		free(j);
	}
	free(w->snapshot);
	free(w->visitors_json);
	worker_forget_remotes(w);
	db_free(w->db);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

void worker_post_chat(struct worker *w, const char *user, const char *message, const char *at_iso)
{
	struct chat_job *j = calloc(1, sizeof(*j));
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
	pthread_mutex_lock(&w->lock);
	if (w->jobs_tail)
		w->jobs_tail->next = j;
	else
		w->jobs = j;
	w->jobs_tail = j;
	w->njobs++;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

void worker_post_presence(struct worker *w, struct worker_visitor *v, size_t n)
{
	pthread_mutex_lock(&w->lock);
	free(w->snapshot);
	w->snapshot = v;
	w->nsnapshot = n;
	w->snapshot_new = 1;
	/* Not woken for it: it writes the snapshot at its next round, within
	 * WORKER_POLL_S. Waking it from the tick cost the tick up to a few
	 * milliseconds before its first frame could go out (the woken thread
	 * taking the loop's core on a busy machine). */
	pthread_mutex_unlock(&w->lock);
}

struct worker_event *worker_take_events(struct worker *w)
{
	struct worker_event *ev;

	pthread_mutex_lock(&w->lock);
	ev = w->events;
	w->events = w->events_tail = NULL;
	pthread_mutex_unlock(&w->lock);
	return ev;
}
