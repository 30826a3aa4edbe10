/* input.h — what a hall client may say, parsed and checked before anything acts on it.
 *
 * Clients send JSON text frames (DESIGN.md, "WebSocket protocol"). Identity is
 * not part of a request: the connection speaks for the user it joined as, and
 * any user_id a client puts in a message is ignored. */
#ifndef HALLD_INPUT_H
#define HALLD_INPUT_H

#include <stddef.h>

#define INPUT_WORLD_SIZE 2500.0     /* the hall is 2500×2500 px */
#define INPUT_POS_LIMIT 1e6         /* beyond this a coordinate is nonsense, not a stray drag */
#define INPUT_CHAT_MAX 200          /* characters (code points) */
#define INPUT_CHAT_MAX_BYTES (INPUT_CHAT_MAX * 4)
#define INPUT_SIGNAL_DATA_MAX 8192  /* bytes of an RTC_SIGNAL's data, as compact JSON */

/* ERROR_MESSAGE codes, modelled on HTTP's. */
#define INPUT_ERR_BAD_REQUEST 400   /* not JSON, wrong types, values out of range */
#define INPUT_ERR_FORBIDDEN 403     /* a spectator (no ?user=) tried to move or chat */
#define INPUT_ERR_NO_ROOM 404       /* SUBSCRIBE to a room that does not exist */
#define INPUT_ERR_TOO_LARGE 413     /* an RTC_SIGNAL's data over INPUT_SIGNAL_DATA_MAX */
#define INPUT_ERR_RATE 429          /* over a rate limit: the message was dropped */

enum input_kind {
	INPUT_MOVE,       /* UPDATE_CHARACTER_POS */
	INPUT_CHAT,       /* ACTION_CHAT_MESSAGE */
	INPUT_SUBSCRIBE,  /* SUBSCRIBE, room "masakari" */
	INPUT_REACT,      /* REACT, an emote of INPUT_EMOTES (react.c acts on it) */
	INPUT_SIGNAL,     /* RTC_SIGNAL: WebRTC signalling for a peer */
	INPUT_NEAR_CHAT,  /* NEAR_CHAT_MESSAGE: chat for the peers only */
	INPUT_SET_STATUS, /* SET_STATUS: available or busy */
};

/* The emotes a REACT may carry, as the page's keys 1–5 send them. */
#define INPUT_EMOTES { "clap", "laugh", "heart", "surprise", "axe" }
#define INPUT_EMOTE_MAX 8           /* bytes of the longest */

/* RTC_SIGNAL's kinds, in the order of input_signal_kinds. */
enum input_signal_kind { INPUT_OFFER, INPUT_ANSWER, INPUT_ICE, INPUT_BYE };
extern const char *const input_signal_kinds[];

struct input_request {
	enum input_kind kind;
	double x, y;                               /* clamped to the world */
	char message[INPUT_CHAT_MAX_BYTES + 1];    /* valid UTF-8, 1–200 characters */
	char emote[INPUT_EMOTE_MAX + 1];           /* REACT: one of INPUT_EMOTES */
	/* RTC_SIGNAL: the peer's ID, the kind, and data as compact JSON (an
	 * object; at most INPUT_SIGNAL_DATA_MAX bytes). SET_STATUS: busy. */
	char to[40];
	enum input_signal_kind signal;
	char data[INPUT_SIGNAL_DATA_MAX + 1];
	int busy;
};

/* Has jansson allocate from a per-thread arena while input_parse parses
 * (input.c says why). Call once, before any other thread uses jansson;
 * without it input_parse works the same, on malloc. */
void input_init(void);

/* Frees the calling thread's arena (the daemon's, as it exits). */
void input_release(void);

/* Parses one complete text message of len bytes (already known to be valid
 * UTF-8). Returns 0 with *req filled in, or an INPUT_ERR_* code with *problem
 * set to a short English sentence for the ERROR_MESSAGE; never fails otherwise. */
int input_parse(const char *text, size_t len, struct input_request *req, const char **problem);

/* Clamps a finite coordinate into [0, INPUT_WORLD_SIZE]. */
double input_clamp(double v);

#endif
