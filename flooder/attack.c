/* attack.c — the open-loop schedule, as vegeta and wrk2 do it: request i of a
 * job is due at start + i / rate whatever the target does, and its latency is
 * measured from that due time, so a slow target shows as latency instead of
 * quietly lowering the rate (no coordinated omission).
 *
 * All jobs share a fixed pool of slots: at most max_inflight requests exist
 * at once, however dead or slow the target is, and each slot keeps at most one
 * plain-HTTP connection alive for the next request. A request that cannot get
 * a free slot before its deadline (due time + timeout) counts as a timeout.
 *
 * A plain-HTTP target goes by the flooder's own client (wire.c), which costs
 * a fraction of libcurl's CPU a request; an HTTPS one by libcurl's multi
 * handle, whose connection pool is as large as the slots. Both run on one
 * epoll set, so a wake-up costs what its events cost, not what the transfers
 * in flight number: a target that leaves hundreds of requests hanging must
 * not make the flooder itself a load on the host it measures.
 *
 * This is the main thread. It holds the run's lock while it works (never
 * across a wait), so the keeper sees whole counts. */
#include "flooder.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "log.h"
#include "wire.h"

struct transfer {
	CURL *easy;            /* an HTTPS target's, made on first use */
	struct wire_conn wire; /* a plain-HTTP target's connection */
	struct job *job;       /* NULL when the slot is free */
	double due;
};

/* epoll's data for a plain-HTTP connection: the tag and its slot. libcurl's
 * sockets and the wake-up descriptor carry their descriptor, below 2^31. */
#define WIRE_TAG (1ULL << 32)

/* How the report counts a request's end. */
enum outcome { OUTCOME_ANSWER, OUTCOME_CONNECT, OUTCOME_TIMEOUT, OUTCOME_OTHER };

#define ATTACK_EVENTS 64

struct attack {
	CURLM *multi;
	int epfd;
	int wakefd;            /* an eventfd in the epoll set: attack_wake */
	double curl_due;       /* when libcurl wants curl_multi_socket_action(TIMEOUT) */
	double wire_check;     /* when a plain-HTTP request may next time out */
	struct transfer *slots;
	long nslots;
	long *free_slots;      /* a stack of free slot indexes */
	long nfree;
	double timeout_s;
};

static size_t discard_body(char *p, size_t size, size_t n, void *data)
{
	(void)p;
	(void)data;
	return size * n;
}

/* libcurl says which sockets to watch for what; epoll watches them. */
static int on_curl_socket(CURL *e, curl_socket_t fd, int what, void *data, void *watched)
{
	struct attack *a = data;
	struct epoll_event ev = { .data.u64 = (uint64_t)fd };

	(void)e;
	if (what == CURL_POLL_REMOVE) {
		epoll_ctl(a->epfd, EPOLL_CTL_DEL, fd, NULL);
		curl_multi_assign(a->multi, fd, NULL);
		return 0;
	}
	ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0) | (what & CURL_POLL_OUT ? EPOLLOUT : 0);
	if (epoll_ctl(a->epfd, watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0 &&
	    epoll_ctl(a->epfd, watched ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev) != 0) {
		log_error("epoll cannot watch descriptor %d: %m", (int)fd);
		return -1;
	}
	curl_multi_assign(a->multi, fd, a);
	return 0;
}

static int on_curl_timer(CURLM *m, long timeout_ms, void *data)
{
	struct attack *a = data;

	(void)m;
	a->curl_due = timeout_ms < 0 ? HUGE_VAL : clock_monotonic() + (double)timeout_ms / 1000.0;
	return 0;
}

struct attack *attack_new(const struct flooder_settings *s)
{
	struct attack *a = calloc(1, sizeof(*a));
	struct epoll_event ev = { .events = EPOLLIN };

	if (!a)
		goto oom;
	a->epfd = a->wakefd = -1;
	a->curl_due = HUGE_VAL;
	a->wire_check = HUGE_VAL;
	a->nslots = s->max_inflight;
	a->timeout_s = (double)s->timeout_ms / 1000.0;
	a->slots = calloc((size_t)a->nslots, sizeof(*a->slots));
	for (long i = 0; a->slots && i < a->nslots; i++)
		wire_conn_init(&a->slots[i].wire);
	a->free_slots = calloc((size_t)a->nslots, sizeof(*a->free_slots));
	if (!a->slots || !a->free_slots)
		goto oom;
	for (long i = 0; i < a->nslots; i++)
		a->free_slots[a->nfree++] = a->nslots - 1 - i;
	a->epfd = epoll_create1(EPOLL_CLOEXEC);
	a->wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	ev.data.u64 = (uint64_t)a->wakefd;
	if (a->epfd < 0 || a->wakefd < 0 || epoll_ctl(a->epfd, EPOLL_CTL_ADD, a->wakefd, &ev) != 0) {
		log_error("cannot set up epoll: %m");
		attack_free(a);
		return NULL;
	}
	a->multi = curl_multi_init();
	if (!a->multi) {
		log_error("cannot initialise libcurl's multi interface");
		attack_free(a);
		return NULL;
	}
	curl_multi_setopt(a->multi, CURLMOPT_SOCKETFUNCTION, on_curl_socket);
	curl_multi_setopt(a->multi, CURLMOPT_SOCKETDATA, a);
	curl_multi_setopt(a->multi, CURLMOPT_TIMERFUNCTION, on_curl_timer);
	curl_multi_setopt(a->multi, CURLMOPT_TIMERDATA, a);
	/* The keep-alive pool is exactly as large as the in-flight cap, so libcurl
	 * never opens a connection beyond it nor queues a transfer of its own. */
	curl_multi_setopt(a->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, a->nslots);
	curl_multi_setopt(a->multi, CURLMOPT_MAXCONNECTS, a->nslots);
	return a;
oom:
	log_error("out of memory for %ld transfers", s->max_inflight);
	attack_free(a);
	return NULL;
}

void attack_free(struct attack *a)
{
	if (!a)
		return;
	for (long i = 0; a->slots && i < a->nslots; i++) {
		wire_conn_close(&a->slots[i].wire);
		if (!a->slots[i].easy)
			continue;
		if (a->slots[i].job && !a->slots[i].job->wire)
			curl_multi_remove_handle(a->multi, a->slots[i].easy);
		curl_easy_cleanup(a->slots[i].easy);
	}
	if (a->multi)
		curl_multi_cleanup(a->multi);
	if (a->epfd >= 0)
		close(a->epfd);
	if (a->wakefd >= 0)
		close(a->wakefd);
	free(a->slots);
	free(a->free_slots);
	free(a);
}

/* An easy handle with everything that never changes between requests. */
static CURL *transfer_easy_new(void)
{
	CURL *e = curl_easy_init();

	if (!e)
		return NULL;
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard_body);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	/* A redirect is an answer (counted under its 3xx code), never followed:
	 * nothing the target says can aim the flooder at another host. */
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	/* Nor can a proxy from the environment sit between it and the target. */
	curl_easy_setopt(e, CURLOPT_PROXY, "");
	curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
	return e;
}

/* Settles the transfer in slot t, as the report counts it, and frees the
 * slot. code is the answer's status with OUTCOME_ANSWER. */
static void transfer_settle(struct attack *a, struct transfer *t, enum outcome o, long code, double now)
{
	struct job *j = t->job;

	switch (o) {
	case OUTCOME_ANSWER:
		if (code > 0 && code < FLOODER_MAX_STATUS)
			j->counts.codes[code]++;
		if (code >= 200 && code < 400)
			j->counts.ok++;
		else
			j->counts.err_http++;
		j->latency_ms[j->answered++] = (float)((now - t->due) * 1000.0);
		break;
	case OUTCOME_TIMEOUT:
		j->counts.err_timeout++;
		break;
	case OUTCOME_CONNECT:
		j->counts.err_connect++;
		break;
	case OUTCOME_OTHER:
		j->counts.err_other++;
		break;
	}
	if (!j->wire)
		curl_multi_remove_handle(a->multi, t->easy);
	t->job = NULL;
	a->free_slots[a->nfree++] = t - a->slots;
	j->inflight--;
}

static void wire_settle(struct attack *a, struct transfer *t, enum wire_outcome o, double now)
{
	if (o == WIRE_ANSWERED)
		transfer_settle(a, t, OUTCOME_ANSWER, t->wire.parser.status, now);
	else if (o == WIRE_NO_CONNECTION)
		transfer_settle(a, t, OUTCOME_CONNECT, 0, now);
	else if (o == WIRE_FAILED)
		transfer_settle(a, t, OUTCOME_OTHER, 0, now);
}

/* The free slot to use for a request to j: one of the last freed whose
 * connection is to j's target when there is one (a few are looked at: the
 * last freed is that one whenever a single job runs), else the last freed. */
#define REUSE_LOOK 8
static long take_slot(struct attack *a, const struct job *j)
{
	long top = a->nfree - 1;

	for (long k = top; j->wire && k >= 0 && k > top - REUSE_LOOK; k--) {
		if (wire_conn_is_to(&a->slots[a->free_slots[k]].wire, j->wire)) {
			long slot = a->free_slots[k];

			a->free_slots[k] = a->free_slots[top];
			a->free_slots[top] = slot;
			break;
		}
	}
	a->nfree--;
	return a->free_slots[a->nfree];
}

/* Starts request number j->counts.issued in a free slot. Returns 0, or -1 when
 * libcurl refused it (counted as an error of the "other" kind). A plain-HTTP
 * request that fails at once is settled here. */
static int transfer_start(struct attack *a, struct job *j, double due, double now)
{
	long slot, left_ms;
	struct transfer *t;

	if (j->wire) {
		enum wire_outcome o;

		slot = take_slot(a, j);
		t = &a->slots[slot];
		t->job = j;
		t->due = due;
		j->inflight++;
		o = wire_start(&t->wire, j->wire, a->epfd, WIRE_TAG | (uint64_t)slot);
		if (o != WIRE_PENDING)
			wire_settle(a, t, o, now);
		else if (due + a->timeout_s < a->wire_check)
			a->wire_check = due + a->timeout_s;
		return 0;
	}
	slot = a->free_slots[a->nfree - 1];
	t = &a->slots[slot];
	/* The slot's plain-HTTP connection, if any, goes: with libcurl's own
	 * pool that would make two connections for one slot. */
	wire_conn_close(&t->wire);
	if (!t->easy && !(t->easy = transfer_easy_new()))
		return -1;
	left_ms = (long)ceil((due + a->timeout_s - now) * 1000.0);
	if (left_ms < 1)
		left_ms = 1;
	curl_easy_setopt(t->easy, CURLOPT_URL, j->url);
	curl_easy_setopt(t->easy, CURLOPT_USERAGENT, j->user_agent);
	curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, left_ms);
	curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT_MS, left_ms);
	curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t);
	if (curl_multi_add_handle(a->multi, t->easy) != CURLM_OK)
		return -1;
	t->job = j;
	t->due = due;
	a->nfree--;
	j->inflight++;
	return 0;
}

/* A job's pace: it never sends faster than its rate, with at most
 * PACE_BURST_S of its requests at once (GCRA: pace_at is when the next
 * request may go). On schedule this never holds a request back. After a
 * stall — the process stopped, a loop that could not run — the requests that
 * came due meanwhile are not all sent at once: the ones further behind than
 * PACE_LAG_S when the pace holds them are given up as timeouts (never sent),
 * the rest go at the job's rate. So the target never sees more than the
 * throw's power promised, however late the flooder was. */
#define PACE_BURST_S 0.25
#define PACE_LAG_S 0.5

static void issue_due(struct attack *a, struct job *j, double now)
{
	while (!j->stop && j->counts.issued < j->total) {
		double due = job_due(j, j->counts.issued);

		if (due > now)
			return;
		if (now >= due + a->timeout_s) {
			/* It waited its whole timeout for a free connection. */
			j->counts.issued++;
			j->counts.err_timeout++;
			continue;
		}
		if (a->nfree == 0)
			return;
		if (j->pace_at > now) {
			if (now - due <= PACE_LAG_S)
				return;
			j->counts.issued++;
			j->counts.err_timeout++;
			continue;
		}
		j->pace_at = fmax(j->pace_at, now - PACE_BURST_S) + 1.0 / (double)j->rate;
		j->counts.issued++;
		job_note_transfer(j, now);
		if (transfer_start(a, j, due, now) != 0)
			j->counts.err_other++;
	}
}

static void curl_settle(struct attack *a, struct transfer *t, CURLcode rc, double now)
{
	long code = 0;

	if (rc == CURLE_OK) {
		curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
		transfer_settle(a, t, OUTCOME_ANSWER, code, now);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		transfer_settle(a, t, OUTCOME_TIMEOUT, 0, now);
	} else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
		   rc == CURLE_COULDNT_RESOLVE_PROXY) {
		transfer_settle(a, t, OUTCOME_CONNECT, 0, now);
	} else {
		transfer_settle(a, t, OUTCOME_OTHER, 0, now);
	}
}

/* Plain-HTTP requests past their deadline time out; looked for at most once
 * a millisecond, over the slots, since libcurl's timers are not theirs. */
static void wire_expire(struct attack *a, double now)
{
	double next = HUGE_VAL;

	if (now < a->wire_check)
		return;
	for (long i = 0; i < a->nslots; i++) {
		struct transfer *t = &a->slots[i];
		double deadline;

		if (!t->job || !t->job->wire)
			continue;
		deadline = t->due + a->timeout_s;
		if (now >= deadline) {
			wire_conn_close(&t->wire);
			transfer_settle(a, t, OUTCOME_TIMEOUT, 0, now);
		} else if (deadline < next) {
			next = deadline;
		}
	}
	a->wire_check = next == HUGE_VAL ? HUGE_VAL : fmax(next, now + 0.001);
}

/* Drops a job's transfers in flight (a stop, or a lost lease). */
static void attack_cancel_job(struct attack *a, struct job *j)
{
	for (long i = 0; i < a->nslots; i++) {
		struct transfer *t = &a->slots[i];

		if (t->job != j)
			continue;
		/* An answer may still come on the connection: it cannot carry
		 * another request. */
		if (j->wire)
			wire_conn_close(&t->wire);
		else
			curl_multi_remove_handle(a->multi, t->easy);
		t->job = NULL;
		a->free_slots[a->nfree++] = i;
		j->inflight--;
		/* Sent but never settled: it is no longer counted as sent. */
		j->counts.issued--;
	}
}

/* Hands libcurl what epoll saw, sends what has come due, runs libcurl's
 * timers, and settles finished transfers. Returns how many jobs it settled. */
static int attack_step(struct attack *a, struct job *jobs, const struct epoll_event *ev, int nev)
{
	CURLMsg *msg;
	int running, left, settled = 0;
	double now = clock_monotonic();

	for (int i = 0; i < nev; i++) {
		int flags = (ev[i].events & EPOLLIN ? CURL_CSELECT_IN : 0) |
			    (ev[i].events & EPOLLOUT ? CURL_CSELECT_OUT : 0) |
			    (ev[i].events & (EPOLLERR | EPOLLHUP) ? CURL_CSELECT_ERR : 0);
		uint64_t n, tag = ev[i].data.u64;

		if (tag & WIRE_TAG) {
			struct transfer *t = &a->slots[tag & ~WIRE_TAG];

			/* An idle connection that reads: the target closed it (or
			 * said something unasked). Either way it is done. A slot
			 * that went to an HTTPS job meanwhile closed it already. */
			if (!t->job)
				wire_conn_close(&t->wire);
			else if (t->job->wire)
				wire_settle(a, t, wire_on_event(&t->wire, t->job->wire, ev[i].events,
								a->epfd, tag), now);
			continue;
		}
		if (tag == (uint64_t)a->wakefd) {
			if (read(a->wakefd, &n, sizeof(n)) < 0 && errno != EAGAIN)
				log_warn("wake-up descriptor: %m");
			continue;
		}
		curl_multi_socket_action(a->multi, (curl_socket_t)tag, flags, &running);
	}
	now = clock_monotonic();
	for (struct job *j = jobs; j; j = j->next) {
		if (!j->stop && !j->settled && now >= j->lease_until) {
			/* The keeper could not renew the lease in time: from now on
			 * another run may take the job, and two runs must never send
			 * one job at once. It is given back, or taken over, later. */
			log_warn("job %lld: its lease could not be renewed; stopping it after %ld of "
				 "%ld requests", j->id, j->counts.issued, j->total);
			j->stop = 1;
		}
		if (j->stop && !j->settled)
			attack_cancel_job(a, j);
		issue_due(a, j, now);
	}
	wire_expire(a, now);
	/* New transfers set libcurl's timer to "now": this starts them. */
	if (clock_monotonic() >= a->curl_due) {
		a->curl_due = HUGE_VAL;
		curl_multi_socket_action(a->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	}
	now = clock_monotonic();
	while ((msg = curl_multi_info_read(a->multi, &left))) {
		char *priv = NULL;
		struct transfer *t;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
		t = (struct transfer *)priv;
		if (t && t->job)
			curl_settle(a, t, msg->data.result, now);
	}
	for (struct job *j = jobs; j; j = j->next) {
		if (!j->settled && job_is_settled(j)) {
			j->settled = 1;
			settled++;
		}
	}
	return settled;
}

/* When the next request of any job comes due (or times out waiting for a
 * free connection); HUGE_VAL when none is pending. */
static double attack_next_due(const struct attack *a, const struct job *jobs)
{
	double next = HUGE_VAL;

	for (const struct job *j = jobs; j; j = j->next) {
		double due;

		if (j->stop || j->settled)
			continue;
		/* A lease that runs out stops the job then. */
		if (j->lease_until < next)
			next = j->lease_until;
		if (j->counts.issued >= j->total)
			continue;
		due = job_due(j, j->counts.issued);
		/* With every slot busy, the next thing to do for this job is to give
		 * up on its waiting request, unless a transfer ends first; held by
		 * its pace, to send it or give it up, whichever comes first. */
		if (a->nfree == 0)
			due += a->timeout_s;
		else if (j->pace_at > due)
			due = fmin(j->pace_at, due + PACE_LAG_S);
		if (due < next)
			next = due;
	}
	return next;
}

void attack_run(struct run *r)
{
	struct attack *a = r->attack;
	struct epoll_event ev[ATTACK_EVENTS];
	int nev = 0;

	for (;;) {
		double wait;
		int settled;

		pthread_mutex_lock(&r->lock);
		if (r->over) {
			pthread_mutex_unlock(&r->lock);
			return;
		}
		settled = attack_step(a, r->jobs, ev, nev);
		r->settle_count += (unsigned long)settled;
		wait = fmin(fmin(attack_next_due(a, r->jobs), a->curl_due), a->wire_check) -
		       clock_monotonic();
		pthread_mutex_unlock(&r->lock);
		if (settled)
			pthread_cond_signal(&r->settled);
		/* Sockets, the next due time, libcurl's timer, a plain-HTTP
		 * request's deadline or attack_wake:
		 * whichever comes first; a second at most, as a safety net. */
		nev = epoll_wait(a->epfd, ev, ATTACK_EVENTS,
				 wait <= 0 ? 0 : wait > 1.0 ? 1000 : (int)ceil(wait * 1000.0));
		if (nev < 0)
			nev = 0;
	}
}

void attack_wake(struct attack *a)
{
	uint64_t one = 1;

	/* Only fails when the counter is about to overflow: it is awake then. */
	if (write(a->wakefd, &one, sizeof(one)) < 0)
		return;
}
