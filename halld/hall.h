/* hall.h — the hall daemon: one event loop holding every connection, who
 * stands where, the chat, and the messages fanned out to clients.
 *
 * Everything here runs on the libwebsockets service thread only; the database
 * worker (worker.h) and the identity thread (identify.h), both dbthread.h
 * threads, talk to it through queues and lws_cancel_service. Each concern has
 * a file and its names carry the file's prefix: protocol.c (protocol_),
 * arrival.c (arrival_), address.c (address_), session.c (session_), msg.c
 * (msg_), positions.c (positions_), presence.c (presence_), chat.c (chat_),
 * room.c (room_), tick.c (tick_), react.c (react_). */
#ifndef HALLD_HALL_H
#define HALLD_HALL_H

#include <jansson.h>
#include <libwebsockets.h>

#include "charmap.h"
#include "github.h"
#include "status.h"

#define HALL_PROTOCOL "masakari"
#define HALL_PATH "/ws"
#define HALL_MAX_MESSAGE 12288         /* bytes of one client message, all fragments (an
					* RTC_SIGNAL's SDP offer with video is 5–8 KiB) */
#define HALL_RX_CHUNK 1024             /* lws receive buffer per connection */
#define HALL_HISTORY 50                /* chat messages sent on join */
#define HALL_SPAWN_X 1250.0            /* newcomers appear on the central plaza */
#define HALL_SPAWN_Y 1250.0
#define HALL_QUEUE_MAX 512             /* queued frames per client before it counts as stuck */
#define HALL_QUEUE_BYTES (8u << 20)    /* likewise in bytes */

/* Per-connection limits (docs/HALL.md). A message over a limit is dropped and
 * answered with ERROR_MESSAGE 429; every refused message is a strike, strikes
 * fade at HALL_STRIKE_DECAY a second, and HALL_STRIKE_LIMIT of them close the
 * connection (1008): a client a little too eager keeps going, a flood does not. */
#define HALL_MOVE_RATE 20.0
#define HALL_MOVE_BURST 20.0
#define HALL_CHAT_RATE 1.0
#define HALL_CHAT_BURST 5.0
#define HALL_REACT_RATE 1.0            /* emotes (react.c) */
#define HALL_REACT_BURST 3.0
#define HALL_FRAME_RATE 50.0           /* any message at all */
#define HALL_FRAME_BURST 100.0
#define HALL_ERROR_RATE 5.0            /* ERROR_MESSAGEs we send back */
#define HALL_ERROR_BURST 5.0
#define HALL_SIGNAL_RATE 10.0          /* RTC_SIGNALs: a call's offer, answer and ICE */
#define HALL_SIGNAL_BURST 40.0
#define HALL_STRIKE_DECAY 10.0
#define HALL_STRIKE_LIMIT 100.0

/* A connection is a spectator until the identity thread says who its cookie
 * is (arrival.c); the messages it sends meanwhile are held, at most this
 * many, and acted on once it is known. No answer within HALL_ARRIVAL_WAIT
 * seconds (the database is slow or away): the hall decides from the IDs it
 * looked up in the last HALL_KNOWN_FOR seconds, else a spectator. */
#define HALL_HELD_MAX 16
#define HALL_ARRIVAL_WAIT 2.0
#define HALL_KNOWN_FOR 3600.0
#define HALL_KNOWN_SLOTS 4096          /* IDs the hall remembers (a power of two) */

/* The longest address text, IPv6 included (INET6_ADDRSTRLEN). */
#define HALL_ADDR_MAX 46

/* One outgoing text frame, built once and shared by every client it goes to.
 * data holds LWS_PRE bytes of room for the frame header, then the JSON. */
struct hall_msg {
	unsigned refs;
	size_t len;
	unsigned char data[];
};

/* Per connection (lws per-session data, zeroed by lws). */
struct hall_session {
	struct lws_dll2 list;                  /* in hall.sessions */
	struct lws *wsi;
	char user[GITHUB_ID_MAX + 1];          /* "" for a spectator */
	int verified;                          /* a GitHub sign-in proved user */
	int operator;                          /* user is one of the venue's operators, proven */
	char hash[65];                         /* the identity cookie's secret, hashed: which hold
						* this connection acts for (events.c) */
	char addr[HALL_ADDR_MAX];              /* the client's address (address.c) */
	char addr_key[64];                     /* what it is counted under: IPv6 by /64 */
	struct charmap_entry *visitor;         /* in hall.local, NULL for a spectator */

	struct hall_msg **queue;               /* frames waiting for SERVER_WRITEABLE */
	unsigned qhead, qcount, qcap;
	size_t qbytes;

	unsigned char *rx;                     /* a message arriving in several pieces */
	size_t rx_len;

	struct hall_bucket moves, frames, errors, reacts, signals;
	double strikes, strikes_at;            /* refused messages, decaying over time */
	double rate_error_at;                  /* last "rate limited" ERROR_MESSAGE */

	/* Until the identity thread answers (arrival.c): the cookie's secret,
	 * the lookup's serial, the deadline's timer and the messages held. */
	char secret[65];
	unsigned long serial;
	lws_sorted_usec_list_t arrival_sul;
	char *held[HALL_HELD_MAX];
	size_t held_len[HALL_HELD_MAX];
	unsigned nheld;

	/* Its visitor's peers as last told in PROXIMITY (proximity.c): the
	 * only IDs its RTC_SIGNALs and near chat may reach. */
	char (*peers)[GITHUB_ID_MAX + 1];
	unsigned npeers;
	unsigned long peers_digest;            /* of the last PROXIMITY sent, peers and busy */

	unsigned established : 1;
	unsigned arriving : 1;                 /* who it is is being looked up */
	unsigned recheck : 1;                  /* a hold ended meanwhile: ask again (events.c) */
	unsigned needs_full : 1;               /* its next position update is the full set */
	unsigned subscribed : 1;               /* in the masakari room */
	unsigned close_started : 1;            /* the close frame is on its way */
	int close_code;                        /* non-zero: close once the queue is sent */
	const char *close_reason;
};

struct worker;
struct worker_event;
struct proximity_visitor;

/* An exhibit's booth (proximity.c): everyone standing at it is a peer. */
struct hall_booth {
	double x, y;                           /* the stand's centre, world pixels */
};

struct identify;
struct hall_known;

/* A mute of an ID or a ban of an address the hall enforces (events.c). */
struct hall_sanction {
	char key[64];                          /* the GitHub ID, or netaddr_limit_key's key */
	double until;                          /* wall-clock seconds; 0: for good */
	char until_text[32];                   /* the same as ISO 8601 UTC, "" for good */
	char *reason;
};

struct hall {
	struct lws_context *ctx;
	const struct settings *settings;
	char daemon_id[128];
	char **origins;                        /* allowed Origin headers */
	size_t norigins;

	char **proxies;                        /* Halld.TrustedProxies: X-Real-IP believed from these */
	size_t nproxies;
	unsigned max_per_address;              /* Halld.MaxPerAddress */
	unsigned spectators_per_address;       /* Halld.SpectatorsPerAddress */
	unsigned connections_per_identity;     /* Halld.ConnectionsPerIdentity */
	/* The hall-wide chat budget (Halld.ChatPerSecond, Halld.ChatBurst) on top
	 * of each connection's: every line is fanned out to everyone. */
	struct hall_bucket chat_budget;
	double chat_rate, chat_burst;

	struct lws_dll2_owner sessions;
	struct charmap local;                  /* visitors connected to this daemon */
	struct charmap remote;                 /* visitors on the other daemons (worker) */
	struct charmap published;              /* the hall as clients were last told it */
	int local_changed;                     /* local differs from what the worker has */
	int have_status;                       /* the status sampler runs */

	struct hall_msg *history[HALL_HISTORY];/* chat ring, oldest at history_start */
	long long history_ids[HALL_HISTORY];   /* each line's id, 0 for none */
	unsigned history_start, history_count;

	/* Who each upgrade is (arrival.c): the identity cookie's secret is
	 * looked up by the identity thread, never on the loop. */
	struct identify *identify;
	unsigned long next_serial;
	struct hall_known *known;              /* HALL_KNOWN_SLOTS, allocated on first use */
	/* Told by arrival.c that a connection is settled (protocol_arrived):
	 * arrival decides who, and does not know what comes next. */
	void (*arrived)(struct hall *hall, struct hall_session *s);
	int cookie_secure;                     /* Site.BaseUrl is https: __Host- cookies */

	/* What the operators decided (events.c): mutes by ID, bans by address,
	 * and the latest announcement, shown to newcomers until announce_until
	 * (monotonic seconds). */
	struct hall_sanction *mutes, *bans;
	size_t nmutes, nbans;
	struct hall_msg *announce;
	double announce_until;

	/* Bubbles (proximity.c): Hall.ProximityRadius (0: off), Hall.BubbleMax,
	 * the exhibits' booths from the database, and the tick's scratch. */
	double proximity_radius;
	unsigned bubble_max;
	struct hall_booth *booths;
	size_t nbooths;
	struct proximity_visitor *near;
	size_t near_cap;
	unsigned *near_grid, *near_lists;      /* the grid's heads; lists, counts and chains */
	size_t near_grid_cap, near_lists_cap;

	struct worker *worker;
	lws_sorted_usec_list_t tick_sul;
	double next_tick;
};

/* address.c — the client's address and the caps per address.
 * address_of writes the canonical address of wsi's client to out: the
 * X-Real-IP header when the connection comes from a trusted proxy, else the
 * peer's own; -1 when it cannot be read (a proxy sent a header that is not an
 * address). address_key writes the key an address is counted under (IPv6 by
 * its /64, lib/netaddr.h). address_count is how many established connections
 * have that key, address_spectators how many of them are spectators (no ID,
 * none being looked up). address_add_proxy adds a trusted proxy (-1 when out
 * of memory; text that is not an address is logged and skipped);
 * address_free frees the list. */
int address_of(const struct hall *hall, struct lws *wsi, char *out, size_t len);
void address_key(const char *addr, char *out, size_t len);
unsigned address_count(struct hall *hall, const char *key);
unsigned address_spectators(struct hall *hall, const char *key);
int address_add_proxy(struct hall *hall, const char *text);
void address_free(struct hall *hall);

/* msg.c — frames. msg_json serialises (does not steal) j; NULL and a log line
 * when out of memory. The builders return NULL likewise. */
struct hall_msg *msg_json(json_t *j);
struct hall_msg *msg_ref(struct hall_msg *m);
void msg_unref(struct hall_msg *m);
struct hall_msg *msg_error(int code, const char *text);
struct hall_msg *msg_leave(const char *user);
struct hall_msg *msg_chat(long long id, const char *user, const char *message, const char *at,
			  int operator);
struct hall_msg *msg_chat_deleted(long long id);
struct hall_msg *msg_announce(const char *message, const char *from, const char *at);
/* {"action":"MODERATION","code":…,"until":…,"reason":…}: what the operators
 * decided about this visitor (muted, unmuted), or why a line was refused
 * (muted, filtered); until and reason are left out when NULL or "". */
struct hall_msg *msg_moderation(const char *code, const char *until, const char *reason);
struct hall_msg *msg_status(const struct status_values *v);

/* An UPDATE_CHARACTER_POS frame written straight into its buffer, character by
 * character, byte for byte what jansson writes for the same JSON (a tick of a
 * thousand visitors built as jansson objects and then serialised was most of
 * the tick's time). begin never fails; add leaves a character out only where
 * jansson would have (a coordinate that is not a number), and a frame that ran
 * out of memory comes back from end as NULL (logged); discard drops one not
 * wanted. */
struct hall_msg_buffer {
	struct hall_msg *m;                    /* grows as it is written */
	size_t cap;                            /* bytes allocated for m->data */
};
struct hall_positions {
	struct hall_msg_buffer b;
	size_t count;                          /* characters in it */
	int failed;
};
void msg_positions_begin(struct hall_positions *p);
void msg_positions_add(struct hall_positions *p, const struct charmap_entry *e);
struct hall_msg *msg_positions_end(struct hall_positions *p);
void msg_positions_discard(struct hall_positions *p);

/* session.c — one client's queue, limits and closing.
 * session_send queues a reference to m; a client with HALL_QUEUE_MAX frames or
 * HALL_QUEUE_BYTES waiting is closed (1008) instead, and out of memory closes
 * it (1011). session_broadcast sends m to every connection (NULL: nothing).
 * session_error sends an ERROR_MESSAGE unless the client's error budget is
 * spent at monotonic time now (then nothing). session_close closes once the
 * queue is sent (flush) or at once. session_writeable writes one frame from
 * SERVER_WRITEABLE and returns -1 when lws should close the connection.
 * session_release frees what the connection holds; never fails.
 * session_allow takes a token (1) or refuses (0); session_strike counts a
 * refused message and returns 1 when that closed the connection.
 * session_limited is both for a message that is refused with words: it takes
 * a token, or counts the strike and, unless that closed the connection,
 * sends text as an ERROR_MESSAGE; it returns 1 when the message is refused. */
void session_send(struct hall_session *s, struct hall_msg *m);
void session_broadcast(struct hall *hall, struct hall_msg *m);
void session_error(struct hall_session *s, int code, const char *text, double now);
void session_close(struct hall_session *s, int code, const char *reason, int flush);
int session_writeable(struct hall_session *s);
void session_release(struct hall_session *s);
int session_allow(struct hall_bucket *b, double rate, double burst, double now);
int session_strike(struct hall_session *s, double now);
int session_limited(struct hall_session *s, struct hall_bucket *b, double rate, double burst,
		    const char *text, double now);

/* positions.c — who stands where on this daemon, and what clients are told.
 * positions_join makes the connection's ID present (a spectator: nothing);
 * returns -1 when out of memory. positions_part and positions_move do not
 * fail. positions_publish compares who is here now (this daemon's visitors,
 * then the other daemons') with what clients were last told and sends the
 * delta, the full hall to newcomers and a LEAVE per departure; a frame that
 * cannot be built (out of memory, logged) is not sent. positions_free drops
 * the maps. */
int positions_join(struct hall *hall, struct hall_session *s);
void positions_part(struct hall *hall, struct hall_session *s);
void positions_move(struct hall *hall, struct hall_session *s, double x, double y);
void positions_publish(struct hall *hall);
void positions_free(struct hall *hall);

/* presence.c — this daemon's visitors for the other daemons, and theirs for
 * us. presence_hand_over gives the worker a snapshot of the local visitors
 * when they changed (out of memory: the next tick tries again);
 * presence_take_remote takes the worker's map of the other daemons' visitors
 * (published at the next tick). Neither fails. */
void presence_hand_over(struct hall *hall);
void presence_take_remote(struct hall *hall, struct worker_event *ev);

/* chat.c — the chat: the history ring sent on join, a message said here, and
 * the messages the worker brings (the stored history, chat from the other
 * daemons). chat_say is heard here at once, the sender included, and handed
 * to the worker for storage and the other daemons. None fails: a frame that
 * cannot be built (out of memory, logged) is not sent. chat_free drops the
 * history. */
void chat_send_history(struct hall *hall, struct hall_session *s);
void chat_say(struct hall *hall, struct hall_session *s, const char *message);
void chat_take_history(struct hall *hall, const struct worker_event *ev);
void chat_take_others(struct hall *hall, const struct worker_event *ev);
void chat_free(struct hall *hall);

/* react.c — a visitor's emote (REACT), shown above the avatar to everyone
 * connected to this daemon, spectators included; limited to HALL_REACT_RATE
 * a second (bursts of HALL_REACT_BURST, each refusal a strike), and a muted
 * visitor is told why nothing was shown. emote is one of INPUT_EMOTES. Never
 * fails: a frame that cannot be built (out of memory, logged) is not sent. */
void react_send(struct hall *hall, struct hall_session *s, const char *emote, double now);

/* room.c — the masakari room: connections that asked for throws and host
 * status. room_subscribe adds one; room_send sends m to each (NULL: nothing);
 * room_send_status sends the latest status sample when the sampler runs. */
void room_subscribe(struct hall_session *s);
void room_send(struct hall *hall, struct hall_msg *m);
void room_send_status(struct hall *hall);

/* tick.c — the one-second tick: presence to the worker, positions and status
 * to the clients, on whole seconds from tick_start. tick_run is one tick (the
 * benchmarks and tests call it directly); tick_stop cancels the timer. */
void tick_start(struct hall *hall);
void tick_run(struct hall *hall);
void tick_stop(struct hall *hall);

/* arrival.c — who a new connection is, without the loop waiting for the
 * database. arrival_begin asks the identity thread about the secret the
 * upgrade's cookie carried (s->secret; none: the connection stays a
 * spectator) and arms the deadline. arrival_take_answers settles each
 * connection the thread answered: a visitor with its ID (it joins the hall)
 * or a spectator; a deadline passed settles from what the hall remembers.
 * Each settled connection is handed to hall->arrived. arrival_release
 * forgets a connection that closed first. arrival_free drops what the hall
 * remembers. */
void arrival_begin(struct hall *hall, struct hall_session *s);
void arrival_take_answers(struct hall *hall);
void arrival_release(struct hall_session *s);
void arrival_free(struct hall *hall);
/* Forgets what the hall remembers of a hold that ended: hash's, or (hash "")
 * every hold of user. */
void arrival_forget(struct hall *hall, const char *user, const char *hash);

/* events.c — what the operators and the entrance decided, as the worker
 * brings it from hall_events (lib/moderation.h): a hold that ended, a kick or
 * a ban closes every connection acting for it (spectators are let be); a
 * mute stops chat; a deleted line leaves every history; an announcement goes
 * to everyone. events_take acts on one worker event (WORKER_EVENTS: news;
 * WORKER_SANCTIONS: every mute and address ban in force, replacing what the
 * hall had). events_muted is 1 when s's ID may not chat now, and then tells
 * s why (a "muted" MODERATION message), events_address_banned 1 when addr may not enter; events_welcome
 * shows a newcomer the announcement still running. None fails: out of
 * memory drops what could not be kept, logged. */
#define HALL_CLOSE_RELEASED 4001       /* the hold this connection acted for ended */
#define HALL_CLOSE_KICKED 4002
#define HALL_CLOSE_BANNED 4003
void events_take(struct hall *hall, const struct worker_event *ev);
int events_muted(struct hall *hall, struct hall_session *s);
int events_address_banned(struct hall *hall, const char *addr);
void events_welcome(struct hall *hall, struct hall_session *s);
void events_free(struct hall *hall);

/* proximity.c — bubbles: who is near whom. proximity_publish, from the
 * tick, works out each visitor's peers (within hall->proximity_radius, at
 * most hall->bubble_max, the nearest; everyone at the same exhibit's booth),
 * over a grid of the hall, and sends PROXIMITY to each connection whose set
 * (or a peer's busy status) changed; a peer is mutual, so both sides agree.
 * proximity_is_peer is 1 when id is one of s's current peers.
 * proximity_set_status marks s's visitor busy or available (seen by the
 * other daemons through presence). proximity_take_booths keeps the
 * exhibits the worker read. proximity_forget drops s's peers;
 * proximity_free what the hall holds. Out of memory: nothing is sent that
 * tick (logged), and nobody is anyone's peer. */
void proximity_publish(struct hall *hall);
int proximity_is_peer(const struct hall_session *s, const char *id);
void proximity_set_status(struct hall *hall, struct hall_session *s, int busy);
void proximity_take_booths(struct hall *hall, struct worker_event *ev);
void proximity_forget(struct hall_session *s);
void proximity_free(struct hall *hall);

/* rtc.c — what goes only to a visitor's peers: RTC_SIGNAL (WebRTC
 * signalling) and NEAR_CHAT_MESSAGE. rtc_signal and rtc_near_chat act on one
 * message from s (answered with ERROR_MESSAGE when refused); a peer on
 * another daemon is reached through the worker (hall_signals).
 * rtc_take_remote delivers what the other daemons sent our visitors. */
struct input_request;
void rtc_signal(struct hall *hall, struct hall_session *s, const struct input_request *req,
		double now);
void rtc_near_chat(struct hall *hall, struct hall_session *s, const char *message);
void rtc_take_remote(struct hall *hall, const struct worker_event *ev);

/* protocol.c — the lws protocols: "http" (the upgrade check) and "masakari",
 * the messages a connection sends (held while arrival.c finds out who it
 * is), and the worker's events handed to the concern each belongs to.
 * protocol_origin_allowed is 1 when origin is in the allowlist, else 0.
 * protocol_arrived acts on the messages s sent while it waited; it is
 * hall->arrived. */
extern const struct lws_protocols protocol_list[];
int protocol_origin_allowed(const struct hall *hall, const char *origin);
void protocol_arrived(struct hall *hall, struct hall_session *s);

#endif
