/* test_canned.c — unit tests for lib/canned.c: the server's canned words and
 * the critic's language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "canned.h"
#include "utf8.h"

static size_t count_lines(const char *slug, enum score_lang lang)
{
	size_t n = 0;

	for (const struct canned_line *l = canned_lines; l->text; l++)
		if (l->lang == lang && (!slug || strcmp(l->slug, slug) == 0))
			n++;
	return n;
}

static void there_are_at_least_twenty_lines_in_each_language(void **state)
{
	(void)state;
	assert_true(count_lines(NULL, SCORE_LANG_JA) >= 20);
	assert_true(count_lines(NULL, SCORE_LANG_EN) >= 20);
}

static void every_line_is_utf8_of_at_most_60_characters(void **state)
{
	(void)state;
	for (const struct canned_line *l = canned_lines; l->text; l++) {
		long n = utf8_length(l->text, strlen(l->text));

		if (n < 1 || n > CANNED_MAX_CHARS)
			fail_msg("%ld characters: %s", n, l->text);
	}
}

static void every_line_is_in_the_language_it_claims(void **state)
{
	(void)state;
	for (const struct canned_line *l = canned_lines; l->text; l++)
		if (canned_lang_of(l->text) != l->lang)
			fail_msg("not %s: %s", score_lang_name(l->lang), l->text);
}

static void every_weakness_line_has_a_partner_in_the_other_language(void **state)
{
	(void)state;
	for (const struct canned_line *l = canned_lines; l->text; l++) {
		enum score_lang other = l->lang == SCORE_LANG_JA ? SCORE_LANG_EN : SCORE_LANG_JA;

		if (count_lines(l->slug, other) == 0)
			fail_msg("%s has no %s line", l->slug, score_lang_name(other));
	}
}

static void a_hit_gets_its_weaknesss_own_line(void **state)
{
	(void)state;
	assert_string_equal(canned_reply("no-cdn", SCORE_LANG_EN, 12345),
			    "CDN? I can serve my own CSS, thank you.");
	assert_string_equal(canned_reply("no-cdn", SCORE_LANG_JA, 0),
			    "CDN？ 静的ファイルくらい自分で配れる。");
}

static void a_weakness_with_no_line_gets_a_general_hit_line(void **state)
{
	const char *line = canned_reply("added-after-the-table", SCORE_LANG_JA, 3);

	(void)state;
	assert_non_null(line);
	assert_true(count_lines(CANNED_HIT, SCORE_LANG_JA) > 0);
	assert_string_equal(line, canned_reply(CANNED_HIT, SCORE_LANG_JA, 3));
}

static void a_miss_gets_a_miss_line_chosen_by_pick(void **state)
{
	size_t n = count_lines(CANNED_MISS, SCORE_LANG_EN);
	const char *first = canned_reply(NULL, SCORE_LANG_EN, 0);

	(void)state;
	assert_true(n >= 2);
	assert_string_equal(canned_reply(NULL, SCORE_LANG_EN, n), first);
	assert_string_not_equal(canned_reply(NULL, SCORE_LANG_EN, 1), first);
	assert_string_equal(canned_reply(CANNED_MISS, SCORE_LANG_EN, 0), first);
}

static void japanese_script_makes_a_critique_japanese(void **state)
{
	(void)state;
	assert_int_equal(canned_lang_of("バブルソート"), SCORE_LANG_JA);
	assert_int_equal(canned_lang_of("bubble sort なのはなぜ"), SCORE_LANG_JA);
	assert_int_equal(canned_lang_of("MySQLを使う"), SCORE_LANG_JA);
	assert_int_equal(canned_lang_of("漢字"), SCORE_LANG_JA);
	assert_int_equal(canned_lang_of("ｿｰﾄ"), SCORE_LANG_JA);
}

static void anything_else_is_english(void **state)
{
	(void)state;
	assert_int_equal(canned_lang_of("bubble sort on every request"), SCORE_LANG_EN);
	assert_int_equal(canned_lang_of(""), SCORE_LANG_EN);
	assert_int_equal(canned_lang_of("！？…、。"), SCORE_LANG_EN);
	assert_int_equal(canned_lang_of("Crème brûlée — naïve"), SCORE_LANG_EN);
	assert_int_equal(canned_lang_of("\xf0\x9f\xaa\x93 \xf0\x9f\x94\xa5"), SCORE_LANG_EN);
	assert_int_equal(canned_lang_of("\xe3\x81"), SCORE_LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(there_are_at_least_twenty_lines_in_each_language),
		cmocka_unit_test(every_line_is_utf8_of_at_most_60_characters),
		cmocka_unit_test(every_line_is_in_the_language_it_claims),
		cmocka_unit_test(every_weakness_line_has_a_partner_in_the_other_language),
		cmocka_unit_test(a_hit_gets_its_weaknesss_own_line),
		cmocka_unit_test(a_weakness_with_no_line_gets_a_general_hit_line),
		cmocka_unit_test(a_miss_gets_a_miss_line_chosen_by_pick),
		cmocka_unit_test(japanese_script_makes_a_critique_japanese),
		cmocka_unit_test(anything_else_is_english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
