/* msg.c — outgoing frames: JSON written into a buffer with room for the
 * WebSocket header, built once and shared by every client it goes to. jansson
 * writes most of them; the tick's position updates, the big ones, are written
 * directly, byte for byte as jansson would. */
#include "hall.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static int msg_append(const char *buf, size_t size, void *data)
{
	struct hall_msg_buffer *b = data;
	size_t used = b->m ? b->m->len : 0;

	if (!b->m || LWS_PRE + used + size + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 512;
		struct hall_msg *m;

		while (cap < LWS_PRE + used + size + 1)
			cap *= 2;
		m = realloc(b->m, sizeof(*m) + cap);
		if (!m)
			return -1;
		if (!b->m)
			m->len = 0;
		b->m = m;
		b->cap = cap;
	}
	memcpy(b->m->data + LWS_PRE + b->m->len, buf, size);
	b->m->len += size;
	return 0;
}

struct hall_msg *msg_json(json_t *j)
{
	struct hall_msg_buffer b = { NULL, 0 };

	/* One pass straight into the frame, behind the room for its header. */
	if (!j || json_dump_callback(j, msg_append, &b, JSON_COMPACT) != 0 || !b.m) {
		free(b.m);
		log_error("out of memory building a frame");
		return NULL;
	}
	b.m->refs = 1;
	b.m->data[LWS_PRE + b.m->len] = '\0';
	return b.m;
}

struct hall_msg *msg_ref(struct hall_msg *m)
{
	m->refs++;
	return m;
}

void msg_unref(struct hall_msg *m)
{
	if (m && --m->refs == 0)
		free(m);
}

/* Builds the frame from j and drops j. */
static struct hall_msg *msg_from(json_t *j)
{
	struct hall_msg *m = msg_json(j);

	json_decref(j);
	return m;
}

/* A coordinate exactly as jansson writes it: whole pixels as integers ("640",
 * not "640.0"), fractions with 17 significant digits, so they come back
 * bit-exact ("%.17g", then jansson's touches: a ".0" when neither a point nor
 * an exponent shows, no "+" or leading zeros in the exponent). Returns the
 * length, or -1 for a value JSON cannot hold. */
static int msg_number(char *out, size_t size, double v)
{
	char *start, *end;
	int n;

	if (!isfinite(v))
		return -1;
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		n = snprintf(out, size, "%lld", (long long)v);
	else
		n = snprintf(out, size, "%.17g", v);
	if (n < 0 || (size_t)n + 3 >= size)
		return -1;
	if (v != floor(v) || fabs(v) >= 9007199254740992.0) {
		if (!strchr(out, '.') && !strchr(out, 'e')) {
			memcpy(out + n, ".0", 3);
			n += 2;
		}
		start = strchr(out, 'e');
		if (start) {
			start++;
			end = start + 1;
			if (*start == '-')
				start++;
			while (*end == '0')
				end++;
			if (end != start) {
				memmove(start, end, (size_t)n - (size_t)(end - out) + 1);
				n -= (int)(end - start);
			}
		}
	}
	return n;
}

/* The inside of a JSON string as jansson writes it (valid GitHub IDs, the
 * only strings written here, need none of the escapes). */
static int msg_string_body(struct hall_msg_buffer *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";   /* jansson writes "\u001F" */
	const char *run = s;
	char esc[7];

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		const char *e = NULL;

		switch (c) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		default:
			if (c < 0x20) {
				memcpy(esc, "\\u00", 4);
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				esc[6] = '\0';
				e = esc;
			}
		}
		if (!e)
			continue;
		if (msg_append(run, (size_t)(s - run), b) || msg_append(e, strlen(e), b))
			return -1;
		run = s + 1;
	}
	return msg_append(run, (size_t)(s - run), b);
}

#define MSG_LIT(b, lit) msg_append(lit, sizeof(lit) - 1, b)

void msg_positions_begin(struct hall_positions *p)
{
	static const char head[] = "{\"action\":\"UPDATE_CHARACTER_POS\",\"characters\":[";

	memset(p, 0, sizeof(*p));
	p->failed = MSG_LIT(&p->b, head) != 0;
}

void msg_positions_add(struct hall_positions *p, const struct charmap_entry *e)
{
	struct hall_msg_buffer *b = &p->b;
	char x[40], y[40];
	int nx, ny;

	if (p->failed)
		return;
	nx = msg_number(x, sizeof(x), e->x);
	ny = msg_number(y, sizeof(y), e->y);
	if (nx < 0 || ny < 0)
		return;   /* jansson has no real for it either: the entry is left out */
	/* Key for key what json_pack("{s:s,s:s,s:o,s:o}") wrote, and "verified":
	 * true after them for an ID a GitHub sign-in proved, "operator": true
	 * for one of the venue's operators. */
	if ((p->count && MSG_LIT(b, ",")) || MSG_LIT(b, "{\"user_id\":\"") ||
	    msg_string_body(b, e->id) || MSG_LIT(b, "\",\"url\":\"https://github.com/") ||
	    msg_string_body(b, e->id) || MSG_LIT(b, ".png\",\"pos_x\":") ||
	    msg_append(x, (size_t)nx, b) || MSG_LIT(b, ",\"pos_y\":") ||
	    msg_append(y, (size_t)ny, b) || (e->verified && MSG_LIT(b, ",\"verified\":true")) ||
	    (e->operator && MSG_LIT(b, ",\"operator\":true")) ||
	    MSG_LIT(b, "}")) {
		p->failed = 1;
		return;
	}
	p->count++;
}

struct hall_msg *msg_positions_end(struct hall_positions *p)
{
	if (p->failed || MSG_LIT(&p->b, "]}")) {
		free(p->b.m);
		log_error("out of memory building a frame");
		return NULL;
	}
	p->b.m->refs = 1;
	p->b.m->data[LWS_PRE + p->b.m->len] = '\0';
	return p->b.m;
}

void msg_positions_discard(struct hall_positions *p)
{
	free(p->b.m);
	p->b.m = NULL;
}

struct hall_msg *msg_error(int code, const char *text)
{
	return msg_from(json_pack("{s:s,s:i,s:s}", "action", "ERROR_MESSAGE", "code", code, "msg",
				  text));
}

struct hall_msg *msg_leave(const char *user)
{
	return msg_from(json_pack("{s:s,s:s}", "action", "LEAVE", "user_id", user));
}

struct hall_msg *msg_chat(long long id, const char *user, const char *message, const char *at,
			  int operator)
{
	json_t *j = json_pack("{s:s,s:s,s:s,s:s}", "action", "ACTION_CHAT_MESSAGE", "user_id", user,
			      "message", message, "at", at);

	/* A line said while the daemon had no ids to give (a database away
	 * since it started) has none: it cannot be deleted from the hall. */
	if (j && id > 0)
		json_object_set_new(j, "id", json_integer(id));
	if (j && operator)
		json_object_set_new(j, "operator", json_true());
	return msg_from(j);
}

struct hall_msg *msg_chat_deleted(long long id)
{
	return msg_from(json_pack("{s:s,s:I}", "action", "CHAT_DELETED", "id", (json_int_t)id));
}

struct hall_msg *msg_announce(const char *message, const char *from, const char *at)
{
	return msg_from(json_pack("{s:s,s:s,s:s,s:s}", "action", "ANNOUNCE", "message", message,
				  "from", from, "at", at));
}

struct hall_msg *msg_moderation(const char *code, const char *until, const char *reason)
{
	json_t *j = json_pack("{s:s,s:s}", "action", "MODERATION", "code", code);

	if (j && until && *until)
		json_object_set_new(j, "until", json_string(until));
	if (j && reason && *reason)
		json_object_set_new(j, "reason", json_string(reason));
	return msg_from(j);
}

struct hall_msg *msg_status(const struct status_values *v)
{
	/* The same five fields as /api/status. */
	return msg_from(json_pack("{s:s,s:{s:f,s:f,s:f,s:f,s:f}}", "action", "ACTION_SEND_STATUS",
				  "status", "cpuutilization", v->cpuutilization,
				  "disk_read_bytes", v->disk_read_bytes, "disk_write_bytes",
				  v->disk_write_bytes, "network_in", v->network_in, "network_out",
				  v->network_out));
}
