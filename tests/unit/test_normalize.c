/* test_normalize.c — unit tests for lib/normalize.c, the critique normaliser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "normalize.h"

/* The normalised form of in, as UTF-8 (a failure shows as "<invalid>"). */
static const char *normalized(const char *in)
{
	static char buf[2048];

	if (normalize_to_utf8(in, buf, sizeof(buf)) < 0)
		return "<invalid>";
	return buf;
}

static void fullwidth_ascii_folds_to_ascii(void **state)
{
	(void)state;
	assert_string_equal(normalized("ｃｒｏｎ２４７"), "cron247");
}

static void fullwidth_upper_case_folds_to_ascii_lower_case(void **state)
{
	(void)state;
	assert_string_equal(normalized("ＳＱＬ"), "sql");
}

static void halfwidth_katakana_becomes_fullwidth(void **state)
{
	(void)state;
	assert_string_equal(normalized("ｷｭｰ"), "キュー");
}

static void halfwidth_voiced_mark_joins_the_kana_before_it(void **state)
{
	(void)state;
	assert_string_equal(normalized("ｶﾞ"), "ガ");
	assert_string_equal(normalized("ﾊﾞﾌﾞﾙｿｰﾄ"), "バブルソート");
	assert_string_equal(normalized("ｳﾞ"), "ヴ");
}

static void halfwidth_semivoiced_mark_joins_the_kana_before_it(void **state)
{
	(void)state;
	assert_string_equal(normalized("ﾊﾟｰｻ"), "パーサ");
}

static void combining_voiced_mark_joins_the_kana_before_it(void **state)
{
	(void)state;
	assert_string_equal(normalized("カ\xe3\x82\x99"), "ガ");     /* カ + U+3099 */
	assert_string_equal(normalized("は\xe3\x82\x9a"), "ぱ");     /* は + U+309A */
}

/* Found by tests/fuzz/fuzz_normalize: "か" + two control characters + U+3099
 * gave "か" U+3099, which normalised again gave "が". */
static void sound_mark_joins_its_kana_across_dropped_characters(void **state)
{
	char once[64], twice[64];
	const char *critique = "\xe3\x81\x8b\x1d\x04\xe3\x82\x99";

	(void)state;
	assert_string_equal(normalized(critique), "が");
	assert_string_equal(normalized("カ\xe2\x80\x8bﾞ"), "ガ");    /* zero-width space between */
	assert_int_equal(normalize_to_utf8(critique, once, sizeof(once)), 3);
	assert_int_equal(normalize_to_utf8(once, twice, sizeof(twice)), 3);
	assert_string_equal(once, twice);
}

static void sound_mark_with_nothing_to_join_is_kept_as_a_spacing_mark(void **state)
{
	(void)state;
	assert_string_equal(normalized("ｱﾞ"), "ア゛");
}

static void ascii_upper_case_folds_to_lower_case(void **state)
{
	(void)state;
	assert_string_equal(normalized("Bubble SORT"), "bubblesort");
}

static void latin1_greek_and_cyrillic_fold_to_lower_case(void **state)
{
	(void)state;
	assert_string_equal(normalized("ÀÉÎÖ"), "àéîö");
	assert_string_equal(normalized("ΣΟΦΊΑ"), "σοφία");
	assert_string_equal(normalized("СЕРВЕР"), "сервер");
}

static void whitespace_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(normalized(" a\tb\r\nc\xe3\x80\x80" "d\xc2\xa0" "e"), "abcde");
}

static void ascii_punctuation_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(normalized("no-https, (really)! \"cdn\"?"), "nohttpsreallycdn");
}

static void cjk_punctuation_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(normalized("「バブルソート」、遅い。"), "バブルソート遅い");
}

static void fullwidth_punctuation_and_common_symbols_are_dropped(void **state)
{
	(void)state;
	assert_string_equal(normalized("遅い！？・…本当に〜★"), "遅い本当に");
}

static void long_vowel_mark_is_kept(void **state)
{
	(void)state;
	assert_string_equal(normalized("サーバー"), "サーバー");
}

static void ideographic_iteration_mark_is_kept(void **state)
{
	(void)state;
	assert_string_equal(normalized("人々"), "人々");
}

static void emoji_are_kept(void **state)
{
	(void)state;
	assert_string_equal(normalized("🪓 axe"), "🪓axe");
}

static void hiragana_and_katakana_stay_distinct(void **state)
{
	(void)state;
	assert_string_equal(normalized("ばぶる"), "ばぶる");
}

static void code_points_are_counted_after_dropping(void **state)
{
	uint32_t out[4];

	(void)state;
	assert_int_equal(normalize_critique(" C, ガ! ", out, 4), 2);
	assert_int_equal(out[0], 'c');
	assert_int_equal(out[1], 0x30AC);
}

static void text_of_only_punctuation_normalises_to_nothing(void **state)
{
	uint32_t out[4];

	(void)state;
	assert_int_equal(normalize_critique("！？、。 ", out, 4), 0);
	assert_int_equal(normalize_critique("", out, 4), 0);
}

static void invalid_utf8_is_rejected(void **state)
{
	uint32_t out[16];
	char buf[16];

	(void)state;
	assert_int_equal(normalize_critique("ok\xff", out, 16), -1);
	assert_int_equal(normalize_critique("\xc0\xaf", out, 16), -1);   /* overlong */
	assert_int_equal(normalize_critique("\xe3\x81", out, 16), -1);   /* truncated */
	assert_int_equal(normalize_critique("ｶ\xe3\x82", out, 16), -1);  /* truncated mark */
	assert_int_equal(normalize_to_utf8("\xed\xa0\x80", buf, sizeof(buf)), -1);
}

static void output_that_does_not_fit_is_rejected(void **state)
{
	uint32_t out[3];

	(void)state;
	assert_int_equal(normalize_critique("abcd", out, 3), -1);
	assert_int_equal(normalize_critique("abc", out, 3), 3);
}

static void utf8_output_reports_its_byte_length(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(normalize_to_utf8("ＳＱＬ が キュー", buf, sizeof(buf)), 15);
	assert_string_equal(buf, "sqlがキュー");
}

static void utf8_output_that_does_not_fit_is_rejected_and_left_empty(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(normalize_to_utf8("abcd", buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	assert_int_equal(normalize_to_utf8("abc", buf, sizeof(buf)), 3);
	assert_int_equal(normalize_to_utf8("ガ", buf, sizeof(buf)), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fullwidth_ascii_folds_to_ascii),
		cmocka_unit_test(sound_mark_joins_its_kana_across_dropped_characters),
		cmocka_unit_test(fullwidth_upper_case_folds_to_ascii_lower_case),
		cmocka_unit_test(halfwidth_katakana_becomes_fullwidth),
		cmocka_unit_test(halfwidth_voiced_mark_joins_the_kana_before_it),
		cmocka_unit_test(halfwidth_semivoiced_mark_joins_the_kana_before_it),
		cmocka_unit_test(combining_voiced_mark_joins_the_kana_before_it),
		cmocka_unit_test(sound_mark_with_nothing_to_join_is_kept_as_a_spacing_mark),
		cmocka_unit_test(ascii_upper_case_folds_to_lower_case),
		cmocka_unit_test(latin1_greek_and_cyrillic_fold_to_lower_case),
		cmocka_unit_test(whitespace_is_dropped),
		cmocka_unit_test(ascii_punctuation_is_dropped),
		cmocka_unit_test(cjk_punctuation_is_dropped),
		cmocka_unit_test(fullwidth_punctuation_and_common_symbols_are_dropped),
		cmocka_unit_test(long_vowel_mark_is_kept),
		cmocka_unit_test(ideographic_iteration_mark_is_kept),
		cmocka_unit_test(emoji_are_kept),
		cmocka_unit_test(hiragana_and_katakana_stay_distinct),
		cmocka_unit_test(code_points_are_counted_after_dropping),
		cmocka_unit_test(text_of_only_punctuation_normalises_to_nothing),
		cmocka_unit_test(invalid_utf8_is_rejected),
		cmocka_unit_test(output_that_does_not_fit_is_rejected),
		cmocka_unit_test(utf8_output_reports_its_byte_length),
		cmocka_unit_test(utf8_output_that_does_not_fit_is_rejected_and_left_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
