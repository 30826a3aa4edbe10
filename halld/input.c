/* input.c — what a hall client may say, parsed and checked before anything acts on it. */
#include "input.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "utf8.h"

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

int input_parse(const char *text, size_t len, struct input_request *req, const char **problem)
{
	json_error_t err;
	json_t *msg = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	const char *action;
	int rc = 0;

	memset(req, 0, sizeof(*req));
	if (!msg) {
		*problem = "not valid JSON";
		return INPUT_ERR_BAD_REQUEST;
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
	} else {
		*problem = "unknown action";
		rc = INPUT_ERR_BAD_REQUEST;
	}
out:
	json_decref(msg);
	return rc;
}
