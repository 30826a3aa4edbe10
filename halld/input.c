/* input.c — what a hall client may say, parsed and checked before anything acts on it. */
#include "input.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "github.h"
#include "utf8.h"

const char *const input_signal_kinds[] = { "offer", "answer", "ice", "bye", NULL };

/* Parsing a move took a dozen mallocs and frees (the object, its table, each
 * key and value, the lexer's buffer), none of which outlives input_parse.
 * While a thread parses, jansson takes memory from that thread's arena, one
 * bump of a pointer each, and giving it back is nothing; the arena is reset
 * when the parse is done. Everywhere else — other threads, and this one
 * outside input_parse — jansson has plain malloc. A message bigger than the
 * arena takes the rest from malloc. */
#define INPUT_ARENA_SIZE (64 * 1024)

static _Thread_local struct {
	unsigned char *base;
	size_t used;
	int on;
} input_arena;

static void *input_arena_malloc(size_t n)
{
	size_t need = (n + 15) & ~(size_t)15;

	if (input_arena.on && need >= n && need <= INPUT_ARENA_SIZE - input_arena.used) {
		void *p = input_arena.base + input_arena.used;

		input_arena.used += need;
		return p;
	}
	return malloc(n);
}

static void input_arena_free(void *p)
{
	uintptr_t a = (uintptr_t)p, base = (uintptr_t)input_arena.base;

	/* The arena's pointers are only ever given back by the thread that
	 * parsed, inside input_parse (nothing it parses outlives it). */
	if (base && a >= base && a < base + INPUT_ARENA_SIZE)
		return;
	free(p);
}

void input_init(void)
{
	json_set_alloc_funcs(input_arena_malloc, input_arena_free);
}

void input_release(void)
{
	free(input_arena.base);
	input_arena.base = NULL;
}

double input_clamp(double v)
{
	if (v < 0.0)
		return 0.0;
	if (v > INPUT_WORLD_SIZE)
		return INPUT_WORLD_SIZE;
	return v;
}

/* A coordinate must be a JSON number (not a string, not null) and finite;
 * JSON has no NaN or Infinity, and numbers too big for a double fail to parse. */
static int read_coordinate(json_t *msg, const char *key, double *out, const char **problem)
{
	json_t *v = json_object_get(msg, key);
	double d;

	if (!json_is_number(v)) {
		*problem = "pos_x and pos_y must be numbers";
		return INPUT_ERR_BAD_REQUEST;
	}
	d = json_number_value(v);
	if (!isfinite(d) || fabs(d) > INPUT_POS_LIMIT) {
		*problem = "position out of range";
		return INPUT_ERR_BAD_REQUEST;
	}
	*out = input_clamp(d);
	return 0;
}

/* Chat text: a string of 1–200 characters, not only spaces, without control
 * characters (they would break a one-line balloon or a log line). */
static int read_chat(json_t *msg, char *out, const char **problem)
{
	json_t *v = json_object_get(msg, "message");
	const char *s;
	size_t n;
	long chars;
	int visible = 0;

	if (!json_is_string(v)) {
		*problem = "message must be a string";
		return INPUT_ERR_BAD_REQUEST;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	chars = utf8_length(s, n);
	if (chars < 0 || n != strlen(s)) {
		*problem = "message is not valid text";
		return INPUT_ERR_BAD_REQUEST;
	}
	if (chars > INPUT_CHAT_MAX) {
		*problem = "message is longer than 200 characters";
		return INPUT_ERR_BAD_REQUEST;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F) {
			*problem = "message contains control characters";
			return INPUT_ERR_BAD_REQUEST;
		}
		if (c != ' ')
			visible = 1;
	}
	if (!visible) {
		*problem = "message is empty";
		return INPUT_ERR_BAD_REQUEST;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* An emote: one of the few the page can show, nothing else. */
static int read_emote(json_t *msg, char *out, const char **problem)
{
	static const char *const emotes[] = INPUT_EMOTES;
	const char *e = json_string_value(json_object_get(msg, "emote"));

	for (size_t i = 0; e && i < sizeof(emotes) / sizeof(emotes[0]); i++)
		if (strcmp(e, emotes[i]) == 0) {
			strcpy(out, emotes[i]);
			return 0;
		}
	*problem = "emote must be one of clap, laugh, heart, surprise, axe";
	return INPUT_ERR_BAD_REQUEST;
}

/* RTC_SIGNAL: to a valid GitHub ID, one of the kinds, data an object small
 * enough. A "from" is refused rather than ignored: the hall says who sent
 * it, and a client that tries to say so itself is up to no good. */
static int read_signal(json_t *msg, struct input_request *req, const char **problem)
{
	const char *to = json_string_value(json_object_get(msg, "to"));
	const char *kind = json_string_value(json_object_get(msg, "kind"));
	json_t *data = json_object_get(msg, "data");
	size_t n;

	if (json_object_get(msg, "from")) {
		*problem = "from is the hall's to say";
		return INPUT_ERR_BAD_REQUEST;
	}
	if (!to || github_id_problem(to)) {
		*problem = "to must be a GitHub ID";
		return INPUT_ERR_BAD_REQUEST;
	}
	snprintf(req->to, sizeof(req->to), "%s", to);
	for (n = 0; kind && input_signal_kinds[n]; n++)
		if (strcmp(kind, input_signal_kinds[n]) == 0)
			break;
	if (!kind || !input_signal_kinds[n]) {
		*problem = "kind must be offer, answer, ice or bye";
		return INPUT_ERR_BAD_REQUEST;
	}
	req->signal = (enum input_signal_kind)n;
	if (!data)
		data = json_object();
	else
		json_incref(data);
	if (!json_is_object(data)) {
		json_decref(data);
		*problem = "data must be an object";
		return INPUT_ERR_BAD_REQUEST;
	}
	n = json_dumpb(data, req->data, INPUT_SIGNAL_DATA_MAX, JSON_COMPACT);
	json_decref(data);
	if (n == 0 || n > INPUT_SIGNAL_DATA_MAX) {
		*problem = "data is larger than 8 KiB";
		return INPUT_ERR_TOO_LARGE;
	}
	req->data[n] = '\0';
	return 0;
}

static int read_status(json_t *msg, struct input_request *req, const char **problem)
{
	const char *status = json_string_value(json_object_get(msg, "status"));

	if (status && strcmp(status, "available") == 0)
		req->busy = 0;
	else if (status && strcmp(status, "busy") == 0)
		req->busy = 1;
	else {
		*problem = "status must be available or busy";
		return INPUT_ERR_BAD_REQUEST;
	}
	return 0;
}

int input_parse(const char *text, size_t len, struct input_request *req, const char **problem)
{
	json_error_t err;
	json_t *msg;
	const char *action;
	int rc = 0;

	/* Every field empty, without writing the 9 KB of text buffers on every
	 * move: a string is empty by its first byte. */
	req->kind = INPUT_MOVE;
	req->x = req->y = 0.0;
	req->message[0] = req->emote[0] = req->to[0] = req->data[0] = '\0';
	req->signal = INPUT_OFFER;
	req->busy = 0;
	if (!input_arena.base)
		input_arena.base = malloc(INPUT_ARENA_SIZE);
	input_arena.on = input_arena.base != NULL;
	msg = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!msg) {
		*problem = "not valid JSON";
		rc = INPUT_ERR_BAD_REQUEST;
		goto done;
	}
	if (!json_is_object(msg)) {
		*problem = "a message must be a JSON object";
		rc = INPUT_ERR_BAD_REQUEST;
		goto out;
	}
	action = json_string_value(json_object_get(msg, "action"));
	if (!action) {
		*problem = "action must be a string";
		rc = INPUT_ERR_BAD_REQUEST;
	} else if (strcmp(action, "UPDATE_CHARACTER_POS") == 0) {
		req->kind = INPUT_MOVE;
		rc = read_coordinate(msg, "pos_x", &req->x, problem);
		if (!rc)
			rc = read_coordinate(msg, "pos_y", &req->y, problem);
	} else if (strcmp(action, "ACTION_CHAT_MESSAGE") == 0) {
		req->kind = INPUT_CHAT;
		rc = read_chat(msg, req->message, problem);
	} else if (strcmp(action, "REACT") == 0) {
		req->kind = INPUT_REACT;
		rc = read_emote(msg, req->emote, problem);
	} else if (strcmp(action, "SUBSCRIBE") == 0) {
		const char *room = json_string_value(json_object_get(msg, "room"));

		req->kind = INPUT_SUBSCRIBE;
		if (!room || strcmp(room, "masakari") != 0) {
			*problem = "unknown room";
			rc = INPUT_ERR_NO_ROOM;
		}
	} else if (strcmp(action, "RTC_SIGNAL") == 0) {
		req->kind = INPUT_SIGNAL;
		rc = read_signal(msg, req, problem);
	} else if (strcmp(action, "NEAR_CHAT_MESSAGE") == 0) {
		req->kind = INPUT_NEAR_CHAT;
		rc = read_chat(msg, req->message, problem);
	} else if (strcmp(action, "SET_STATUS") == 0) {
		req->kind = INPUT_SET_STATUS;
		rc = read_status(msg, req, problem);
	} else {
		*problem = "unknown action";
		rc = INPUT_ERR_BAD_REQUEST;
	}
out:
	json_decref(msg);
done:
	input_arena.on = 0;
	input_arena.used = 0;
	return rc;
}
