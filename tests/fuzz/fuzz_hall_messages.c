/* fuzz_hall_messages.c — what a hall client sends and what the daemon writes
 * back (halld/input.c, halld/msg.c): any text message is either refused with
 * a code and a sentence or parsed into values inside their limits, and the
 * frames built from what was parsed are JSON that reads back to the same
 * values — the hand-written position frame byte for byte what jansson writes. */
#include <math.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "github.h"
#include "hall.h"
#include "input.h"
#include "utf8.h"

static json_t *frame_json(struct hall_msg *m)
{
	json_error_t e;
	json_t *j;

	FUZZ_CHECK(m && m->refs == 1);
	j = json_loadb((const char *)m->data + LWS_PRE, m->len, 0, &e);
	FUZZ_CHECK(j);
	return j;
}

/* A coordinate as the daemon's frames carry it: whole pixels as integers. */
static json_t *coordinate(double v)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* The tick's frame for one character at (x, y), against jansson's. */
static void check_position_frame(const char *id, double x, double y)
{
	struct charmap_entry e = { .x = x, .y = y };
	struct hall_positions p;
	struct hall_msg *m;
	char url[128];
	char *want;
	json_t *j;

	snprintf(e.id, sizeof(e.id), "%s", id);
	snprintf(url, sizeof(url), "https://github.com/%s.png", id);
	msg_positions_begin(&p);
	msg_positions_add(&p, &e);
	m = msg_positions_end(&p);
	FUZZ_CHECK(m);
	j = json_pack("{s:s,s:[{s:s,s:s,s:o,s:o}]}", "action", "UPDATE_CHARACTER_POS", "characters",
		      "user_id", id, "url", url, "pos_x", coordinate(x), "pos_y", coordinate(y));
	want = json_dumps(j, JSON_COMPACT);
	FUZZ_CHECK(want);
	if (strlen(want) != m->len || memcmp(want, m->data + LWS_PRE, m->len) != 0) {
		fprintf(stderr, "frame:   %.*s\njansson: %s\n", (int)m->len,
			(const char *)m->data + LWS_PRE, want);
		FUZZ_CHECK(!"the position frame differs from jansson's");
	}
	free(want);
	json_decref(j);
	msg_unref(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input_request req;
	const char *problem = NULL;
	const char *text = (const char *)data;
	struct hall_msg *m;
	json_t *j;
	int rc;

	static int arena;

	/* Parsed as the daemon parses: jansson on input.c's arena. */
	if (!arena++)
		input_init();
	/* The daemon closes a connection that sends invalid UTF-8 before parsing. */
	if (!utf8_valid(text, size))
		return 0;
	memset(&req, 0, sizeof(req));
	rc = input_parse(text, size, &req, &problem);
	if (rc) {
		FUZZ_CHECK(rc == INPUT_ERR_BAD_REQUEST || rc == INPUT_ERR_NO_ROOM || rc == INPUT_ERR_TOO_LARGE);
		FUZZ_CHECK(problem && problem[0]);
		m = msg_error(rc, problem);
		j = frame_json(m);
		FUZZ_CHECK(json_integer_value(json_object_get(j, "code")) == rc);
		json_decref(j);
		msg_unref(m);
		return 0;
	}
	switch (req.kind) {
	case INPUT_MOVE:
		FUZZ_CHECK(isfinite(req.x) && req.x >= 0.0 && req.x <= INPUT_WORLD_SIZE);
		FUZZ_CHECK(isfinite(req.y) && req.y >= 0.0 && req.y <= INPUT_WORLD_SIZE);
		check_position_frame("octocat", req.x, req.y);
		check_position_frame("a-b-c", req.y, req.x);
		break;
	case INPUT_CHAT:
	case INPUT_NEAR_CHAT: {
		size_t n = strlen(req.message);
		long chars = utf8_length(req.message, n);

		FUZZ_CHECK(chars >= 1 && chars <= INPUT_CHAT_MAX && n <= INPUT_CHAT_MAX_BYTES);
		m = msg_chat(1, "octocat", req.message, "2026-12-03T12:00:00Z", 0);
		j = frame_json(m);
		FUZZ_CHECK(strcmp(json_string_value(json_object_get(j, "message")), req.message) == 0);
		json_decref(j);
		msg_unref(m);
		break;
	}
	case INPUT_SUBSCRIBE:
		break;
	case INPUT_SIGNAL: {
		/* What the hall relays: a real recipient, a known kind, an object. */
		json_t *relayed = json_loads(req.data, 0, NULL);

		FUZZ_CHECK(github_id_problem(req.to) == NULL);
		FUZZ_CHECK(req.signal >= INPUT_OFFER && req.signal <= INPUT_BYE);
		FUZZ_CHECK(strlen(req.data) <= INPUT_SIGNAL_DATA_MAX);
		FUZZ_CHECK(json_is_object(relayed));
		json_decref(relayed);
		break;
	}
	case INPUT_SET_STATUS:
		FUZZ_CHECK(req.busy == 0 || req.busy == 1);
		break;
	default:
		FUZZ_CHECK(!"a kind input_parse does not have");
	}
	return 0;
}
