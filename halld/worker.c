/* worker.c — the hall daemon's database worker (worker.h): the rounds of its
 * dbthread.h thread, each calling the concerns in turn (chat, throws,
 * presence, status and visitor samples: worker_thread.h), and the events they hand to
 * the event loop. */
#include "worker_thread.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "log.h"

#define WORKER_POLL_S 0.5          /* chat and throws from the database */
#define WORKER_SIGNALS_S 0.25      /* signals to and from other daemons' visitors */
#define WORKER_PRESENCE_S 1.0      /* this daemon's row, and the others' */
#define WORKER_PRUNE_S 60.0
#define WORKER_SANCTIONS_S 60.0
#define WORKER_STOP_WAIT_S 5       /* at shutdown, for the last chat and the presence row */

void worker_db_failed(struct worker *w, const char *what)
{
	if (!w->outage)
		log_error("hall database work stopped (%s): %s; the hall goes on without it "
			  "and retries", what, db_error(w->db));
	w->outage = 1;
}

void worker_db_ok(struct worker *w)
{
	if (w->outage)
		log_info("hall database work resumed");
	w->outage = 0;
}

void worker_emit(struct worker *w, struct worker_event *ev)
{
	dbthread_emit(w->thread, &ev->item);
}

void worker_event_free(struct worker_event *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->nchats; i++)
		free(ev->chats[i].message);
	free(ev->chats);
	for (size_t i = 0; i < ev->nevents; i++)
		free(ev->events[i].message);
	free(ev->events);
	free(ev->booths);
	for (size_t i = 0; i < ev->nsignals; i++)
		free(ev->signals[i].body);
	free(ev->signals);
	charmap_clear(&ev->remote);
	json_decref(ev->message);
	free(ev);
}

static void worker_free_event_item(struct dbthread_item *item)
{
	worker_event_free(lws_container_of(item, struct worker_event, item));
}

static double worker_next_due(const struct worker *w)
{
	double due = w->next_poll;

	if (w->next_presence < due)
		due = w->next_presence;
	if (w->sample_interval_s && w->next_sample < due)
		due = w->next_sample;
	if (w->insights_interval_s && w->next_insights < due)
		due = w->next_insights;
	if (w->next_prune < due)
		due = w->next_prune;
	if (w->next_signals < due)
		due = w->next_signals;
	return due;
}

/* Last words: what chat is left, then leave the hall at once. */
static void worker_last_round(struct worker *w)
{
	if (w->ready)
		worker_chat_store(w);
	worker_chat_drop(w);
	worker_presence_leave(w);
}

static double worker_round(void *owner, struct dbthread_item *jobs, size_t njobs, int stopping)
{
	struct worker *w = owner;
	int have_snapshot;
	double now;

	worker_chat_take_jobs(w, jobs, njobs);
	if (stopping) {
		worker_last_round(w);
		return -1.0;
	}
	have_snapshot = worker_presence_take_snapshot(w);
	now = clock_monotonic();
	/* Until the history and the newest throw are known, nothing else is
	 * read (so nothing old is replayed as new). */
	if (!w->ready && now >= w->next_poll) {
		w->ready = worker_throws_load_last(w) == 0 && worker_events_load_last(w) == 0 &&
			   worker_chat_load_history(w) == 0;
		if (w->ready)
			worker_db_ok(w);
		else
			worker_db_failed(w, "loading chat history");
	}
	/* History first: a message stored before it loads would come back twice. */
	if (w->ready)
		worker_chat_reserve(w);
	if (w->ready)
		worker_chat_store(w);
	if (w->ready && now >= w->next_poll) {
		worker_chat_poll(w);
		worker_throws_poll(w);
		worker_events_poll(w);
	}
	/* The sanctions in force, at start and now and then: an event missed
	 * (the table pruned during a long outage) is mended within a minute. */
	if (w->ready && now >= w->next_sanctions) {
		worker_events_load_sanctions(w);
		w->next_sanctions = now + WORKER_SANCTIONS_S;
	}
	if (now >= w->next_poll)
		w->next_poll = now + WORKER_POLL_S;
	/* Signalling waits on this: a call starts only once offer, answer and
	 * candidates have crossed, so it has its own, shorter period. */
	worker_proximity_signals_write(w);
	if (now >= w->next_signals) {
		worker_proximity_booths(w);
		worker_proximity_signals_poll(w);
		w->next_signals = now + WORKER_SIGNALS_S;
	}
	if (now >= w->next_presence || have_snapshot) {
		worker_presence_write(w);
		if (now >= w->next_presence) {
			worker_presence_poll(w, now);
			w->next_presence = now + WORKER_PRESENCE_S;
		}
	}
	if (w->sample_interval_s && now >= w->next_sample) {
		worker_status_record(w);
		w->next_sample = now + w->sample_interval_s;
	}
	/* After the presence row: the sample is read from it. */
	if (w->insights_interval_s && now >= w->next_insights) {
		worker_insights_record(w);
		w->next_insights = now + w->insights_interval_s;
	}
	if (now >= w->next_prune) {
		worker_status_prune(w);
		worker_presence_prune(w);
		worker_proximity_signals_prune(w);
		w->next_prune = now + WORKER_PRUNE_S;
	}
	return worker_next_due(w);
}

static const struct dbthread_spec worker_spec = {
	.name = "the database worker",
	.stop_wait_s = WORKER_STOP_WAIT_S,
	.round = worker_round,
	.free_job = worker_chat_free_job,
	.free_result = worker_free_event_item,
};

struct worker *worker_start(const struct settings *settings, const struct worker_options *opt,
			    struct lws_context *ctx)
{
	struct worker *w = calloc(1, sizeof(*w));

	if (!w) {
		log_error("out of memory starting the database worker");
		return NULL;
	}
	snprintf(w->daemon_id, sizeof(w->daemon_id), "%s", opt->daemon_id);
	snprintf(w->host, sizeof(w->host), "%s", opt->host);
	w->presence_timeout_s = opt->presence_timeout_s;
	w->sample_interval_s = opt->sample_interval_s;
	w->insights_interval_s = opt->insights_interval_s;
	w->record_status = opt->record_status;
	clock_utc_db(w->started_at, sizeof(w->started_at));
	w->version = (unsigned long long)time(NULL) * 1000000ULL;
	w->next_poll = w->next_presence = w->next_sample = w->next_signals = clock_monotonic();
	w->last_signal_id = -1;
	/* The first sample once the presence row has been written. */
	w->next_insights = clock_monotonic() + 1.0;
	w->next_prune = clock_monotonic() + 5.0;
	w->thread = dbthread_new(&worker_spec, w, settings, ctx);
	if (!w->thread) {
		free(w);
		return NULL;
	}
	w->db = dbthread_db(w->thread);
	if (dbthread_run(w->thread) != 0) {
		free(w);
		return NULL;
	}
	return w;
}

void worker_stop(struct worker *w)
{
	if (!w || dbthread_stop(w->thread) != 0)
		return;
	worker_presence_free(w);
	worker_proximity_signals_free(w);
	free(w);
}

struct worker_event *worker_take_events(struct worker *w)
{
	struct dbthread_item *item = dbthread_take(w->thread);
	struct worker_event *first = NULL, **link = &first;

	/* Linked again by the loop's own next, oldest first. */
	for (; item; item = item->next) {
		*link = lws_container_of(item, struct worker_event, item);
		link = &(*link)->next;
	}
	*link = NULL;
	return first;
}
