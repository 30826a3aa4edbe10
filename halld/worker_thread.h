/* worker_thread.h — inside the hall daemon's database worker (worker.h): the
 * worker's state and what each of its concerns does on the thread, for the
 * worker*.c files only. worker.c runs the rounds and calls each concern in
 * turn; a concern's functions log a database failure through
 * worker_db_failed and report nothing else back. */
#ifndef HALLD_WORKER_THREAD_H
#define HALLD_WORKER_THREAD_H

#include "worker.h"

#include "db.h"

struct worker_chat_job;
struct worker_remote;
struct worker_signal_job;

struct worker {
	struct dbthread *thread;
	db_t *db;                       /* the thread's connection */
	char daemon_id[129];
	char host[65];
	unsigned presence_timeout_s, sample_interval_s, insights_interval_s;
	int record_status;

	/* Shared with the loop, under the thread's lock (worker_presence.c). */
	struct worker_visitor *snapshot;
	size_t nsnapshot;
	int snapshot_new;
	/* Chat line ids reserved in hall_sequences, [ids_next, ids_end), handed
	 * to the loop under the same lock (worker_chat.c). */
	long long ids_next, ids_end;
	/* Frames for other daemons' visitors, from the loop (worker_proximity.c). */
	struct worker_signal_job *signals, *signals_tail;
	size_t nsignals;

	/* The thread's own. */
	int outage;
	int ready;                      /* history loaded, last ids known */
	struct worker_chat_job *pending, *pending_tail;  /* taken, not stored yet */
	size_t npending;
	int disk_full;                  /* chat waits for room to be stored */
	long long last_chat_id, last_throw_id, last_event_id;
	char *visitors_json;
	unsigned long long version;
	char started_at[64];
	struct worker_remote *remotes;
	size_t nremotes;
	double remote_ok_at;
	long long last_signal_id;       /* -1: not known yet */
	int booths_sent;
	double next_poll, next_presence, next_sample, next_prune, next_sanctions, next_insights, next_signals;
};

/* worker.c — a database failure logged once per outage, and its end. */
void worker_db_failed(struct worker *w, const char *what);
void worker_db_ok(struct worker *w);
/* Hands ev to the loop. */
void worker_emit(struct worker *w, struct worker_event *ev);

/* worker_chat.c — chat stored and read. load_history sends the last chat
 * messages as WORKER_HISTORY and notes the newest id (-1: the database
 * failed); take_jobs keeps the chat the loop posted, dropping the oldest
 * beyond the backlog; store stores what waits, in order, until an outage;
 * poll sends the other daemons' new chat as WORKER_CHAT; drop logs and
 * drops what could not be stored at shutdown; free_job frees a posted job. */
int worker_chat_load_history(struct worker *w);
void worker_chat_take_jobs(struct worker *w, struct dbthread_item *jobs, size_t n);
void worker_chat_store(struct worker *w);
void worker_chat_poll(struct worker *w);
void worker_chat_drop(struct worker *w);
void worker_chat_free_job(struct dbthread_item *job);

/* worker_chat.c, line ids: reserve takes a new block of ids from
 * hall_sequences when the loop's is running low. */
void worker_chat_reserve(struct worker *w);

/* worker_events.c — what the operators and the entrance decided
 * (hall_events). load_last notes the newest event (-1: the database
 * failed), so nothing old is acted on as new; poll sends newer ones as
 * WORKER_EVENTS; load_sanctions sends every mute and address ban in force
 * as WORKER_SANCTIONS. */
int worker_events_load_last(struct worker *w);
void worker_events_poll(struct worker *w);
void worker_events_load_sanctions(struct worker *w);

/* worker_presence.c — this daemon's hall_presence row and the others'.
 * take_snapshot turns the loop's latest snapshot into the row's visitors
 * (1 when there was one); write writes the row; poll reads the other live
 * daemons and sends WORKER_REMOTE when anything changed; prune deletes rows
 * of daemons long gone; leave deletes this daemon's row; free frees what
 * the worker holds. */
int worker_presence_take_snapshot(struct worker *w);
void worker_presence_write(struct worker *w);
void worker_presence_poll(struct worker *w, double now);
void worker_presence_prune(struct worker *w);
void worker_presence_leave(struct worker *w);
void worker_presence_free(struct worker *w);

/* worker_proximity.c — what proximity needs from the database. booths sends
 * the exhibits' places as WORKER_BOOTHS once; signals_write stores the
 * frames the loop posted for other daemons' visitors; signals_poll sends
 * those for ours as WORKER_SIGNALS (the first call only notes the newest
 * id); signals_prune deletes rows over a minute old; signals_free drops what
 * waits. */
void worker_proximity_booths(struct worker *w);
void worker_proximity_signals_write(struct worker *w);
void worker_proximity_signals_poll(struct worker *w);
void worker_proximity_signals_prune(struct worker *w);
void worker_proximity_signals_free(struct worker *w);

/* worker_throws.c — throws that landed. load_last notes the newest throw
 * (-1: the database failed), so nothing old is sent as new; poll sends each
 * newer throw as WORKER_THROW. */
int worker_throws_load_last(struct worker *w);
void worker_throws_poll(struct worker *w);

/* worker_status.c — host status samples: record writes the sampler's latest
 * (when it runs); prune deletes samples older than a day. */
void worker_status_record(struct worker *w);
void worker_status_prune(struct worker *w);

/* worker_insights.c — the hall's visitor samples: record writes how many
 * visitors this daemon has and where they stand, from its presence row. */
void worker_insights_record(struct worker *w);

#endif
