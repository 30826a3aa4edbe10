/* test_llm.c — unit tests for lib/llm.c: reading a chat completion and making
 * the server's words one short line. (tests/masakari/ drives llm_chat against
 * a real HTTP server.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "llm.h"
#include "utf8.h"

static enum llm_status parse(const char *body, char reply[LLM_REPLY_MAX])
{
	return llm_parse_reply(body, strlen(body), 60, reply);
}

static void first_choice_content_is_the_reply(void **state)
{
	char reply[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(parse("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":["
			       "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
			       "\"Bubble sort is fine.\"},\"finish_reason\":\"stop\"},"
			       "{\"index\":1,\"message\":{\"role\":\"assistant\",\"content\":\"no\"}}]}",
			       reply), LLM_OK);
	assert_string_equal(reply, "Bubble sort is fine.");
}

static void japanese_reply_round_trips(void **state)
{
	char reply[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(parse("{\"choices\":[{\"message\":{\"content\":"
			       "\"\\u30d0\\u30d6\\u30eb\\u30bd\\u30fc\\u30c8\\u3067\\u4f55\\u304c\\u60aa\\u3044\"}}]}",
			       reply), LLM_OK);
	assert_string_equal(reply, "バブルソートで何が悪い");
}

static void empty_choices_is_empty(void **state)
{
	char reply[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(parse("{\"choices\":[]}", reply), LLM_EMPTY);
	assert_string_equal(reply, "");
}

static void blank_content_is_empty(void **state)
{
	char reply[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(parse("{\"choices\":[{\"message\":{\"content\":\" \\n\\t \"}}]}", reply),
			 LLM_EMPTY);
}

static void garbage_is_malformed(void **state)
{
	char reply[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(parse("<html>502 Bad Gateway</html>", reply), LLM_MALFORMED);
	assert_int_equal(parse("", reply), LLM_MALFORMED);
	assert_int_equal(parse("{\"choices\":", reply), LLM_MALFORMED);
}

static void wrong_shapes_are_malformed(void **state)
{
	char reply[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(parse("[]", reply), LLM_MALFORMED);
	assert_int_equal(parse("{\"error\":{\"message\":\"quota\"}}", reply), LLM_MALFORMED);
	assert_int_equal(parse("{\"choices\":{}}", reply), LLM_MALFORMED);
	assert_int_equal(parse("{\"choices\":[42]}", reply), LLM_MALFORMED);
	assert_int_equal(parse("{\"choices\":[{\"message\":{\"content\":null}}]}", reply),
			 LLM_MALFORMED);
	assert_int_equal(parse("{\"choices\":[{\"message\":{\"content\":7}}]}", reply),
			 LLM_MALFORMED);
}

static void content_with_a_nul_is_malformed(void **state)
{
	char reply[LLM_REPLY_MAX];
	const char body[] = "{\"choices\":[{\"message\":{\"content\":\"a\\u0000b\"}}]}";

	(void)state;
	/* jansson refuses \u0000 unless asked to allow it. */
	assert_int_equal(llm_parse_reply(body, sizeof(body) - 1, 60, reply), LLM_MALFORMED);
}

static void clean_joins_lines_and_trims(void **state)
{
	char out[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(llm_reply_clean("  Fine.\n\nIt  works\tfor me.\r\n", 60, out, sizeof(out)),
			 22);
	assert_string_equal(out, "Fine. It works for me.");
}

static void clean_drops_quotes_around_the_whole_line(void **state)
{
	char out[LLM_REPLY_MAX];

	(void)state;
	llm_reply_clean("\"Go away.\"", 60, out, sizeof(out));
	assert_string_equal(out, "Go away.");
	llm_reply_clean("「帰れ。」", 60, out, sizeof(out));
	assert_string_equal(out, "帰れ。");
	llm_reply_clean("\xe2\x80\x9c Quoted \xe2\x80\x9d", 60, out, sizeof(out));
	assert_string_equal(out, "Quoted");
	/* Quotes that do not wrap the whole line stay. */
	llm_reply_clean("\"No\" means no, \"yes\"", 60, out, sizeof(out));
	assert_string_equal(out, "\"No\" means no, \"yes\"");
}

static void clean_cuts_to_max_chars_with_an_ellipsis(void **state)
{
	char out[LLM_REPLY_MAX];
	const char *long_ja = "バブルソートは枯れた技術だ。お前のような若造にはわからんだろうが、"
			      "O(n²)の重みを知ることこそがエンジニアの第一歩なのだ。";

	(void)state;
	assert_int_equal(llm_reply_clean(long_ja, 60, out, sizeof(out)), 60);
	assert_int_equal(utf8_length(out, strlen(out)), 60);
	assert_memory_equal(out + strlen(out) - 3, "\xe2\x80\xa6", 3);
	assert_int_equal(llm_reply_clean("abcdef", 6, out, sizeof(out)), 6);
	assert_string_equal(out, "abcdef");
	/* No space is left before the ellipsis. */
	assert_int_equal(llm_reply_clean("abc defg", 5, out, sizeof(out)), 4);
	assert_string_equal(out, "abc\xe2\x80\xa6");
}

static void clean_refuses_invalid_utf8(void **state)
{
	char out[LLM_REPLY_MAX];

	(void)state;
	assert_int_equal(llm_reply_clean("bad \xff byte", 60, out, sizeof(out)), -1);
	assert_string_equal(out, "");
}

static void unconfigured_endpoint_is_not_called(void **state)
{
	struct llm_config cfg = { .base_url = "", .model = "m", .timeout_ms = 100 };
	char reply[LLM_REPLY_MAX] = "stale";
	json_t *messages = json_array();

	(void)state;
	assert_int_equal(llm_chat(&cfg, messages, 60, reply), LLM_UNCONFIGURED);
	assert_string_equal(reply, "");
	cfg.base_url = NULL;
	assert_int_equal(llm_chat(&cfg, messages, 60, reply), LLM_UNCONFIGURED);
	json_decref(messages);
}

static void key_with_a_line_break_is_not_sent(void **state)
{
	struct llm_config cfg = { .base_url = "http://127.0.0.1:1/v1", .model = "m",
				  .key = "sk-1\r\nX-Evil: 1", .timeout_ms = 100 };
	char reply[LLM_REPLY_MAX];
	json_t *messages = json_array();

	(void)state;
	assert_int_equal(llm_chat(&cfg, messages, 60, reply), LLM_UNCONFIGURED);
	json_decref(messages);
}

static void closed_port_is_unreachable(void **state)
{
	struct llm_config cfg = { .base_url = "http://127.0.0.1:1/v1", .model = "m",
				  .timeout_ms = 1000 };
	char reply[LLM_REPLY_MAX];
	json_t *messages = json_array();

	(void)state;
	assert_int_equal(llm_chat(&cfg, messages, 60, reply), LLM_UNREACHABLE);
	json_decref(messages);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_choice_content_is_the_reply),
		cmocka_unit_test(japanese_reply_round_trips),
		cmocka_unit_test(empty_choices_is_empty),
		cmocka_unit_test(blank_content_is_empty),
		cmocka_unit_test(garbage_is_malformed),
		cmocka_unit_test(wrong_shapes_are_malformed),
		cmocka_unit_test(content_with_a_nul_is_malformed),
		cmocka_unit_test(clean_joins_lines_and_trims),
		cmocka_unit_test(clean_drops_quotes_around_the_whole_line),
		cmocka_unit_test(clean_cuts_to_max_chars_with_an_ellipsis),
		cmocka_unit_test(clean_refuses_invalid_utf8),
		cmocka_unit_test(unconfigured_endpoint_is_not_called),
		cmocka_unit_test(key_with_a_line_break_is_not_sent),
		cmocka_unit_test(closed_port_is_unreachable),
	};

	if (llm_global_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
