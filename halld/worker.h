/* worker.h — the hall daemon's database worker, as the event loop sees it.
 *
 * The event loop never waits for MariaDB: it posts jobs here (chat to store,
 * its visitors to publish) and takes events back (chat history, chat and
 * visitors from other daemons, throws that landed), woken by
 * lws_cancel_service. The worker is a dbthread.h thread with its own db_t and
 * keeps going through database outages, logging once when one starts and
 * once when it ends. Its concerns are files of their own (worker_thread.h):
 * worker_chat.c, worker_presence.c, worker_throws.c, worker_status.c,
 * worker_insights.c. */
#ifndef HALLD_WORKER_H
#define HALLD_WORKER_H

#include <ClearSilver.h>
#include <jansson.h>
#include <libwebsockets.h>
#include <stddef.h>

#include "charmap.h"
#include "dbthread.h"
#include "github.h"
#include "settings.h"

struct worker;

/* One visitor as this daemon publishes it. */
struct worker_visitor {
	char id[GITHUB_ID_MAX + 1];
	double x, y;
	int verified;
	int operator;
	int busy;                   /* SET_STATUS busy */
};

/* One stored chat message; at is ISO 8601 UTC ("2024-05-01T12:34:56.789Z"). */
struct worker_chat {
	long long line_id;          /* the id clients see; 0: none */
	char user[GITHUB_ID_MAX + 1];
	char *message;
	char at[64];
	int operator;
};

/* One row of hall_events (sql/0110-moderation.sql), for events.c. */
enum worker_hall_event_kind {
	WORKER_RELEASE, WORKER_KICK, WORKER_BAN, WORKER_BAN_ADDRESS, WORKER_UNBAN_ADDRESS, WORKER_MUTE,
	WORKER_UNMUTE,
	WORKER_CHAT_DELETE, WORKER_ANNOUNCE,
};
struct worker_hall_event {
	enum worker_hall_event_kind kind;
	char github_id[GITHUB_ID_MAX + 1];
	char hash[65];              /* RELEASE: the hold's secret hash; "" for any */
	char address[64];           /* BAN_ADDRESS: the address's limit key */
	long long line_id;          /* CHAT_DELETE */
	double until;               /* MUTE, BAN, BAN_ADDRESS: wall-clock seconds, 0 for good */
	char *message;              /* the reason, or ANNOUNCE's text; may be NULL */
	char actor[65];             /* who did it */
	char at[64];                /* when, ISO 8601 UTC */
};

enum worker_event_kind {
	WORKER_HISTORY,  /* the last chat messages in the database, oldest first */
	WORKER_CHAT,     /* new chat messages taken by other daemons, oldest first */
	WORKER_REMOTE,   /* every visitor on the other live daemons */
	WORKER_THROW,    /* a throw landed: the ACTION_RECV_MASAKARI message */
	WORKER_EVENTS,   /* new rows of hall_events, oldest first */
	WORKER_SANCTIONS,/* every mute and address ban in force, as MUTE and BAN_ADDRESS events */
	WORKER_BOOTHS,   /* where the exhibits stand, once at start */
	WORKER_SIGNALS,  /* frames other daemons' visitors sent to visitors, oldest first */
};

/* A frame for one visitor, to or from another daemon (hall_signals). */
struct worker_signal {
	char to[GITHUB_ID_MAX + 1];
	char *body;
};

struct worker_event {
	struct worker_event *next;
	struct dbthread_item item;  /* in the thread's queue (dbthread.h) */
	enum worker_event_kind kind;
	struct worker_chat *chats;  /* HISTORY, CHAT */
	size_t nchats;
	struct charmap remote;      /* REMOTE */
	json_t *message;            /* THROW */
	struct worker_hall_event *events; /* EVENTS, SANCTIONS */
	size_t nevents;
	double *booths;             /* BOOTHS: x, y of each exhibit */
	size_t nbooths;
	struct worker_signal *signals; /* SIGNALS */
	size_t nsignals;
};

struct worker_options {
	const char *daemon_id;          /* host:port, unique among the daemons */
	const char *host;               /* gethostname(), for status_samples */
	unsigned presence_timeout_s;    /* a daemon silent this long has left */
	unsigned sample_interval_s;     /* status_samples, 0: none */
	unsigned insights_interval_s;   /* hall_samples, 0: none */
	int record_status;              /* the status sampler runs */
};

/* Starts the thread with its own connection configured from the DB settings; it connects
 * lazily and retries. Returns NULL (logged) when the thread cannot start. */
struct worker *worker_start(const struct settings *settings, const struct worker_options *opt,
			    struct lws_context *ctx);

/* Stops the thread, deleting this daemon's presence row on the way out so the
 * other daemons see its visitors leave at once. A worker stuck on a database
 * that does not answer is left behind after a few seconds (logged; the
 * process is about to exit). Never fails. */
void worker_stop(struct worker *w);

/* Queues a chat message for storage (copied). Dropped, with a log line, when
 * the queue is full because the database has been away for long. */
void worker_post_chat(struct worker *w, long long line_id, const char *user, const char *message,
		      const char *at_iso, int operator);

/* The next chat line id from the block the worker reserved in the database
 * (hall_sequences), or 0 when it has none left (the database has been away
 * since the daemon started, or longer than a block lasts). Never blocks. */
long long worker_chat_line_id(struct worker *w);

/* Hands over this daemon's visitors (the worker frees the array); replaces any
 * snapshot the worker has not written yet. Does not wake the worker: it writes
 * the snapshot at its next round, within half a second. */
void worker_post_presence(struct worker *w, struct worker_visitor *v, size_t n);

/* Queues body (copied), a frame for the visitor to on another daemon, for
 * hall_signals; written within a quarter of a second. Dropped, with a log
 * line, when out of memory or when the database has been away so long that
 * WORKER_SIGNALS_BACKLOG wait: a late signal is of no use. */
void worker_post_signal(struct worker *w, const char *to, const char *body);

/* Takes every pending event, oldest first; the caller frees each. */
struct worker_event *worker_take_events(struct worker *w);
void worker_event_free(struct worker_event *ev);

#endif
