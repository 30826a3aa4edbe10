/* input.c — what a hall client may say, parsed and checked before anything acts on it. */
#include "input.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
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

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* One JSON number at *p, taken as jansson takes it: an integer literal through
 * strtoll, anything with a fraction or an exponent through strtod. Only what
 * jansson certainly accepts, to the same value, is taken: an integer of up to
 * 15 digits, a real strtod reads without a range error. Returns 1 and moves
 * *p past it, or 0 (then jansson decides). */
static int quick_number(const char **p, const char *end, double *out)
{
	const char *s = *p;
	char buf[48], *stop;
	size_t n;
	int digits = 0, real = 0;

	if (s < end && *s == '-')
		s++;
	if (s < end && *s == '0') {
		s++;
		digits = 1;
	} else {
		while (s < end && is_digit(*s)) {
			s++;
			digits++;
		}
	}
	if (!digits)
		return 0;
	if (s < end && *s == '.') {
		real = 1;
		if (++s >= end || !is_digit(*s))
			return 0;
		while (s < end && is_digit(*s))
			s++;
	}
	if (s < end && (*s == 'e' || *s == 'E')) {
		real = 1;
		s++;
		if (s < end && (*s == '+' || *s == '-'))
			s++;
		if (s >= end || !is_digit(*s))
			return 0;
		while (s < end && is_digit(*s))
			s++;
	}
	n = (size_t)(s - *p);
	if ((!real && digits > 15) || n >= sizeof(buf))
		return 0;
	memcpy(buf, *p, n);
	buf[n] = '\0';
	errno = 0;
	if (real)
		*out = strtod(buf, &stop);
	else
		*out = (double)strtoll(buf, &stop, 10);
	if (errno || stop != buf + n || !isfinite(*out))
		return 0;
	*p = s;
	return 1;
}

/* Whether text starts with lit at *p; moves *p past it. */
static int quick_literal(const char **p, const char *end, const char *lit, size_t n)
{
	if ((size_t)(end - *p) < n || memcmp(*p, lit, n) != 0)
		return 0;
	*p += n;
	return 1;
}

#define QUICK_LIT(p, end, lit) quick_literal(p, end, lit, sizeof(lit) - 1)

/* The message clients send ten or twenty times a second, in exactly the form
 * browsers (JSON.stringify) and jansson write it, read without building a JSON
 * tree: {"action":"UPDATE_CHARACTER_POS","pos_x":N,"pos_y":N}, no spaces, these
 * keys in this order, coordinates within range. Parsing every move with
 * jansson was the daemon's largest cost of its own. Anything else, however
 * slightly different, returns 0 and goes through jansson, so every answer
 * stays jansson's. */
static int quick_move(const char *text, size_t len, struct input_request *req)
{
	const char *p = text, *end = text + len;
	double x, y;

	if (!QUICK_LIT(&p, end, "{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":") ||
	    !quick_number(&p, end, &x) || !QUICK_LIT(&p, end, ",\"pos_y\":") ||
	    !quick_number(&p, end, &y) || !QUICK_LIT(&p, end, "}") || p != end ||
	    fabs(x) > INPUT_POS_LIMIT || fabs(y) > INPUT_POS_LIMIT)
		return 0;
	req->kind = INPUT_MOVE;
	req->x = input_clamp(x);
	req->y = input_clamp(y);
	return 1;
}

int input_parse(const char *text, size_t len, struct input_request *req, const char **problem)
{
	json_error_t err;
	json_t *msg;
	const char *action;
	int rc = 0;

	memset(req, 0, sizeof(*req));
	if (quick_move(text, len, req))
		return 0;
	msg = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
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
