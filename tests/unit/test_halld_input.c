/* test_halld_input.c — what a hall client may say (halld/input.c): each
 * action parsed, every malformed or out-of-range message refused with a code. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "input.h"

static int parse(const char *text, struct input_request *req, const char **problem)
{
	*problem = NULL;
	return input_parse(text, strlen(text), req, problem);
}

static void expect_refused(const char *text, int code)
{
	struct input_request req;
	const char *problem;

	assert_int_equal(parse(text, &req, &problem), code);
	assert_non_null(problem);
}

static void parses_a_move_keeping_fractions(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":123.25,\"pos_y\":7}",
			       &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_MOVE);
	assert_true(req.x == 123.25);
	assert_true(req.y == 7.0);
}

static void clamps_a_move_to_the_world(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":-5,\"pos_y\":99999}",
			       &req, &problem), 0);
	assert_true(req.x == 0.0);
	assert_true(req.y == INPUT_WORLD_SIZE);
}

static void ignores_a_user_id_in_the_message(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"UPDATE_CHARACTER_POS\",\"user_id\":\"someone\","
			       "\"pos_x\":1,\"pos_y\":2}", &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_MOVE);
}

static void refuses_nonsense_coordinates(void **state)
{
	(void)state;
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":1e308,\"pos_y\":1}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":-1000001,\"pos_y\":1}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":1e400,\"pos_y\":1}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":NaN,\"pos_y\":1}",
		       INPUT_ERR_BAD_REQUEST);
}

static void refuses_wrong_types(void **state)
{
	(void)state;
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":\"1\",\"pos_y\":1}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":1}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":null,\"pos_y\":1}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":5}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":7}", INPUT_ERR_BAD_REQUEST);
}

static void refuses_what_is_not_a_json_object(void **state)
{
	(void)state;
	expect_refused("", INPUT_ERR_BAD_REQUEST);
	expect_refused("hello", INPUT_ERR_BAD_REQUEST);
	expect_refused("[1,2]", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"SUBSCRIBE\",\"room\":\"masakari\"} x", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":1,\"pos_x\":2,\"pos_y\":3}",
		       INPUT_ERR_BAD_REQUEST);
}

static void refuses_unknown_actions_and_rooms(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"DANCE\"}", &req, &problem), INPUT_ERR_BAD_REQUEST);
	assert_string_equal(problem, "unknown action");
	expect_refused("{\"action\":\"SUBSCRIBE\",\"room\":\"lobby\"}", INPUT_ERR_NO_ROOM);
	assert_int_equal(parse("{\"action\":\"SUBSCRIBE\",\"room\":\"masakari\"}", &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_SUBSCRIBE);
}

static void takes_chat_of_200_characters_and_not_201(void **state)
{
	char text[1024], msg[700];
	struct input_request req;
	const char *problem;

	(void)state;
	msg[0] = '\0';
	for (int i = 0; i < 200; i++)
		strcat(msg, "\xe3\x81\xbe");   /* ま: three bytes, one character */
	snprintf(text, sizeof(text), "{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"%s\"}", msg);
	assert_int_equal(parse(text, &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_CHAT);
	assert_string_equal(req.message, msg);
	strcat(msg, "!");
	snprintf(text, sizeof(text), "{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"%s\"}", msg);
	assert_int_equal(parse(text, &req, &problem), INPUT_ERR_BAD_REQUEST);
	assert_non_null(strstr(problem, "200"));
}

static void refuses_blank_and_control_character_chat(void **state)
{
	(void)state;
	expect_refused("{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"\"}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"   \"}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"a\\nb\"}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"a\\u0000b\"}",
		       INPUT_ERR_BAD_REQUEST);
}

static void keeps_markup_as_typed(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"ACTION_CHAT_MESSAGE\",\"message\":\"<b>hi</b>\"}",
			       &req, &problem), 0);
	assert_string_equal(req.message, "<b>hi</b>");
}

static void takes_the_five_emotes_and_nothing_else(void **state)
{
	static const char *const emotes[] = { "clap", "laugh", "heart", "surprise", "axe" };
	struct input_request req;
	const char *problem;
	char text[128];

	(void)state;
	for (size_t i = 0; i < 5; i++) {
		snprintf(text, sizeof(text), "{\"action\":\"REACT\",\"emote\":\"%s\"}", emotes[i]);
		assert_int_equal(parse(text, &req, &problem), 0);
		assert_int_equal(req.kind, INPUT_REACT);
		assert_string_equal(req.emote, emotes[i]);
	}
	expect_refused("{\"action\":\"REACT\",\"emote\":\"poop\"}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"REACT\",\"emote\":\"CLAP\"}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"REACT\",\"emote\":\"clap\\u0000x\"}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"REACT\",\"emote\":1}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"REACT\"}", INPUT_ERR_BAD_REQUEST);
}

static void parses_a_signal_for_a_peer(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"ice\","
			       "\"data\":{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 9 typ host\"}}",
			       &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_SIGNAL);
	assert_string_equal(req.to, "octocat");
	assert_int_equal(req.signal, INPUT_ICE);
	assert_string_equal(req.data, "{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 9 typ host\"}");
	assert_int_equal(parse("{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"bye\"}",
			       &req, &problem), 0);
	assert_string_equal(req.data, "{}");
}

static void refuses_a_signal_that_says_who_sent_it_or_is_malformed(void **state)
{
	(void)state;
	expect_refused("{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"from\":\"someone\",\"kind\":\"offer\",\"data\":{}}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"RTC_SIGNAL\",\"to\":\"not an id\",\"kind\":\"offer\",\"data\":{}}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"RTC_SIGNAL\",\"kind\":\"offer\",\"data\":{}}", INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"hello\",\"data\":{}}",
		       INPUT_ERR_BAD_REQUEST);
	expect_refused("{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"offer\",\"data\":[1]}",
		       INPUT_ERR_BAD_REQUEST);
}

static void refuses_signal_data_over_8_kib(void **state)
{
	char text[9000 + 128];
	char pad[9001];

	(void)state;
	memset(pad, 'x', 9000);
	pad[9000] = '\0';
	snprintf(text, sizeof(text),
		 "{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"offer\",\"data\":{\"sdp\":\"%s\"}}", pad);
	expect_refused(text, INPUT_ERR_TOO_LARGE);
	/* Just under: {"sdp":"…"} of 8192 bytes. */
	pad[INPUT_SIGNAL_DATA_MAX - 10] = '\0';
	snprintf(text, sizeof(text),
		 "{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"offer\",\"data\":{\"sdp\":\"%s\"}}", pad);
	{
		struct input_request req;
		const char *problem;

		assert_int_equal(parse(text, &req, &problem), 0);
		assert_int_equal(strlen(req.data), INPUT_SIGNAL_DATA_MAX);
	}
}

static void parses_near_chat_and_status(void **state)
{
	struct input_request req;
	const char *problem;

	(void)state;
	assert_int_equal(parse("{\"action\":\"NEAR_CHAT_MESSAGE\",\"message\":\"hi there\"}", &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_NEAR_CHAT);
	assert_string_equal(req.message, "hi there");
	expect_refused("{\"action\":\"NEAR_CHAT_MESSAGE\",\"message\":\"  \"}", INPUT_ERR_BAD_REQUEST);
	assert_int_equal(parse("{\"action\":\"SET_STATUS\",\"status\":\"busy\"}", &req, &problem), 0);
	assert_int_equal(req.kind, INPUT_SET_STATUS);
	assert_true(req.busy);
	assert_int_equal(parse("{\"action\":\"SET_STATUS\",\"status\":\"available\"}", &req, &problem), 0);
	assert_false(req.busy);
	expect_refused("{\"action\":\"SET_STATUS\",\"status\":\"away\"}", INPUT_ERR_BAD_REQUEST);
}

/* A message whose parse needs more than the parsing arena (input.c) takes
 * the rest from malloc and reads the same; jansson outside input_parse, on
 * plain malloc, is untouched by it, before and after. */
static void parses_a_message_bigger_than_its_arena(void **state)
{
	static char text[12 * 1024];
	struct input_request req;
	const char *problem;
	json_t *before = json_pack("{s:s}", "kept", "across parses"), *data;
	size_t n;

	(void)state;
	n = (size_t)snprintf(text, sizeof(text),
			     "{\"action\":\"RTC_SIGNAL\",\"to\":\"octocat\",\"kind\":\"ice\",\"data\":{");
	for (int i = 0; i < 600; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s\"k%03d\":[%d]", i ? "," : "", i, i);
	snprintf(text + n, sizeof(text) - n, "}}");
	for (int round = 0; round < 3; round++) {
		assert_int_equal(parse(text, &req, &problem), 0);
		assert_int_equal(req.kind, INPUT_SIGNAL);
		data = json_loads(req.data, 0, NULL);
		assert_non_null(data);
		assert_int_equal(json_object_size(data), 600);
		assert_int_equal(json_integer_value(json_array_get(json_object_get(data, "k599"), 0)), 599);
		json_decref(data);
		assert_int_equal(parse("{\"action\":\"UPDATE_CHARACTER_POS\",\"pos_x\":1.5,\"pos_y\":2}",
				       &req, &problem), 0);
		assert_true(req.x == 1.5 && req.y == 2.0);
	}
	assert_string_equal(json_string_value(json_object_get(before, "kept")), "across parses");
	json_decref(before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_a_message_bigger_than_its_arena),
		cmocka_unit_test(parses_a_signal_for_a_peer),
		cmocka_unit_test(refuses_a_signal_that_says_who_sent_it_or_is_malformed),
		cmocka_unit_test(refuses_signal_data_over_8_kib),
		cmocka_unit_test(parses_near_chat_and_status),
		cmocka_unit_test(parses_a_move_keeping_fractions),
		cmocka_unit_test(clamps_a_move_to_the_world),
		cmocka_unit_test(ignores_a_user_id_in_the_message),
		cmocka_unit_test(refuses_nonsense_coordinates),
		cmocka_unit_test(refuses_wrong_types),
		cmocka_unit_test(refuses_what_is_not_a_json_object),
		cmocka_unit_test(refuses_unknown_actions_and_rooms),
		cmocka_unit_test(takes_chat_of_200_characters_and_not_201),
		cmocka_unit_test(refuses_blank_and_control_character_chat),
		cmocka_unit_test(keeps_markup_as_typed),
		cmocka_unit_test(takes_the_five_emotes_and_nothing_else),
	};

	input_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
