/* msg.c — outgoing frames: JSON written by jansson into a buffer with room for
 * the WebSocket header, built once and shared by every client it goes to. */
#include "hall.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

struct msg_buffer {
	struct hall_msg *m;    /* grows as jansson writes */
	size_t cap;            /* bytes allocated for m->data */
};

static int msg_append(const char *buf, size_t size, void *data)
{
	struct msg_buffer *b = data;
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

struct hall_msg *hall_msg_json(json_t *j)
{
	struct msg_buffer b = { NULL, 0 };

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

struct hall_msg *hall_msg_ref(struct hall_msg *m)
{
	m->refs++;
	return m;
}

void hall_msg_unref(struct hall_msg *m)
{
	if (m && --m->refs == 0)
		free(m);
}

/* Builds the frame from j and drops j. */
static struct hall_msg *msg_from(json_t *j)
{
	struct hall_msg *m = hall_msg_json(j);

	json_decref(j);
	return m;
}

json_t *hall_number(double v)
{
	/* Whole pixels go out as integers ("640", not "640.0"); fractions as sent. */
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

json_t *hall_character_json(const struct charmap_entry *e)
{
	char url[96];

	/* A valid GitHub ID is letters, digits and hyphens: safe in a URL as is. */
	snprintf(url, sizeof(url), "https://github.com/%s.png", e->id);
	return json_pack("{s:s,s:s,s:o,s:o}", "user_id", e->id, "url", url, "pos_x",
			 hall_number(e->x), "pos_y", hall_number(e->y));
}

struct hall_msg *hall_msg_error(int code, const char *text)
{
	return msg_from(json_pack("{s:s,s:i,s:s}", "action", "ERROR_MESSAGE", "code", code, "msg",
				  text));
}

struct hall_msg *hall_msg_leave(const char *user)
{
	return msg_from(json_pack("{s:s,s:s}", "action", "LEAVE", "user_id", user));
}

struct hall_msg *hall_msg_chat(const char *user, const char *message, const char *at)
{
	return msg_from(json_pack("{s:s,s:s,s:s,s:s}", "action", "ACTION_CHAT_MESSAGE", "user_id",
				  user, "message", message, "at", at));
}

struct hall_msg *hall_msg_status(const struct status_values *v)
{
	/* The same five fields as /api/status. */
	return msg_from(json_pack("{s:s,s:{s:f,s:f,s:f,s:f,s:f}}", "action", "ACTION_SEND_STATUS",
				  "status", "cpuutilization", v->cpuutilization,
				  "disk_read_bytes", v->disk_read_bytes, "disk_write_bytes",
				  v->disk_write_bytes, "network_in", v->network_in, "network_out",
				  v->network_out));
}
