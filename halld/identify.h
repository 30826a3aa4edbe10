/* identify.h — the hall daemon's identity thread: who each upgrading browser
 * is, from its identity cookie's secret (lib/identity.h), looked up on a
 * connection of its own so that the event loop never waits for MariaDB.
 *
 * The loop posts a secret with a serial number of its choosing; the thread
 * answers each, in order, with an identify_result and wakes the loop with
 * lws_cancel_service. While the database is away the thread does not try on
 * every request: it answers "the database failed" at once until its next
 * try, IDENTIFY_RETRY_S on. The thread is a dbthread.h thread. */
#ifndef HALLD_IDENTIFY_H
#define HALLD_IDENTIFY_H

#include <libwebsockets.h>

#include "dbthread.h"
#include "identity.h"
#include "settings.h"

#define IDENTIFY_RETRY_S 5.0       /* between tries to reach a database that is away */
#define IDENTIFY_QUEUE_MAX 4096    /* lookups waiting; more are refused */

struct identify;

enum identify_found {
	IDENTIFY_FAILED = -1,          /* the database failed or is away */
	IDENTIFY_NOBODY = 0,           /* not held, or the hold lapsed */
	IDENTIFY_FOUND = 1,            /* who is filled */
};

struct identify_result {
	struct identify_result *next;
	struct dbthread_item item;     /* in the thread's queue (dbthread.h) */
	unsigned long serial;
	char hash[65];                 /* identity_secret_hash of the secret */
	enum identify_found found;
	struct identity who;
};

/* Starts the thread with a connection configured from the DB settings; it
 * connects when the first lookup comes. NULL (logged) when it cannot start. */
struct identify *identify_start(const struct settings *settings, struct lws_context *ctx);

/* Asks who secret (a valid secret, copied) is. 0, or -1 when the queue is
 * full or out of memory: then no answer comes. */
int identify_post(struct identify *id, unsigned long serial, const char *secret);

/* Takes every answer, oldest first; the caller frees each with free(). */
struct identify_result *identify_take(struct identify *id);

/* Stops the thread; one stuck on a database that does not answer is left
 * behind after a few seconds (logged; the process is about to exit). */
void identify_stop(struct identify *id);

#endif
