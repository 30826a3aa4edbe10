/* test_jw.c — unit tests for lib/jw.c, Jaro–Winkler similarity over code points. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "jw.h"

/* Published vectors are given to 6 decimals. */
#define assert_score(actual, expected) do { \
		double got_ = (actual), want_ = (expected); \
		if (!(fabs(got_ - want_) <= 5e-7)) \
			fail_msg("similarity %.9f, expected %.6f", got_, want_); \
	} while (0)

static void martha_marhta_scores_0_961111(void **state)
{
	(void)state;
	assert_score(jw_similarity_utf8("MARTHA", "MARHTA"), 0.961111);
}

static void dixon_dicksonx_scores_0_813333(void **state)
{
	(void)state;
	assert_score(jw_similarity_utf8("DIXON", "DICKSONX"), 0.813333);
}

static void dwayne_duane_scores_0_840000(void **state)
{
	(void)state;
	assert_score(jw_similarity_utf8("DWAYNE", "DUANE"), 0.840000);
}

static void jellyfish_smellyfish_scores_0_896296(void **state)
{
	(void)state;
	assert_score(jw_similarity_utf8("JELLYFISH", "SMELLYFISH"), 0.896296);
}

static void code_point_arrays_score_like_utf8_strings(void **state)
{
	const uint32_t a[] = { 'M', 'A', 'R', 'T', 'H', 'A' };
	const uint32_t b[] = { 'M', 'A', 'R', 'H', 'T', 'A' };

	(void)state;
	assert_score(jw_similarity(a, 6, b, 6), 0.961111);
}

static void two_empty_strings_score_1(void **state)
{
	(void)state;
	assert_true(jw_similarity_utf8("", "") == 1.0);
	assert_true(jw_similarity(NULL, 0, NULL, 0) == 1.0);
}

static void one_empty_string_scores_0(void **state)
{
	(void)state;
	assert_true(jw_similarity_utf8("", "abc") == 0.0);
	assert_true(jw_similarity_utf8("abc", "") == 0.0);
}

static void identical_strings_score_1(void **state)
{
	(void)state;
	assert_true(jw_similarity_utf8("bubble sort", "bubble sort") == 1.0);
	assert_true(jw_similarity_utf8("x", "x") == 1.0);
}

static void strings_with_no_common_characters_score_0(void **state)
{
	(void)state;
	assert_true(jw_similarity_utf8("abc", "xyz") == 0.0);
}

static void equal_characters_outside_the_window_do_not_match(void **state)
{
	(void)state;
	/* Length 2: the window is floor(2/2) - 1 = 0, only the same position. */
	assert_true(jw_similarity_utf8("ab", "ba") == 0.0);
	/* Length 1: floor(1/2) - 1 is negative and counts as 0. */
	assert_true(jw_similarity_utf8("a", "b") == 0.0);
}

static void transpositions_are_halved_not_rounded(void **state)
{
	(void)state;
	/* a b c against b c a: three matched characters out of order, t = 1.5,
	 * Jaro = (1 + 1 + 4.5/6) / 3; no common prefix. */
	assert_score(jw_similarity_utf8("abcdef", "bcadef"), (2.0 + 4.5 / 6.0) / 3.0);
}

static void prefix_bonus_is_not_applied_when_jaro_is_at_most_0_7(void **state)
{
	(void)state;
	/* m = 2 of 8: Jaro 0.5; with the bonus for "ab" it would be 0.6. */
	assert_score(jw_similarity_utf8("abcdefgh", "abwxyzqr"), 0.5);
}

static void prefix_bonus_is_applied_when_jaro_is_above_0_7(void **state)
{
	double jaro = (8.0 / 9.0 + 8.0 / 9.0 + 1.0) / 3.0; /* one substitution in 9 */

	(void)state;
	assert_score(jw_similarity_utf8("abcdefghi", "abcdefghx"), jaro + 4 * 0.1 * (1.0 - jaro));
	/* The same Jaro with no common prefix gets no bonus. */
	assert_score(jw_similarity_utf8("xbcdefghi", "ybcdefghi"), jaro);
}

static void prefix_bonus_counts_at_most_four_characters(void **state)
{
	(void)state;
	/* Six common leading characters, Jaro 7/9: the bonus uses 4, not 6. */
	assert_score(jw_similarity_utf8("abcdefxyz", "abcdefuvw"), 7.0 / 9.0 + 0.4 * (2.0 / 9.0));
}

static void similarity_is_symmetric(void **state)
{
	static const char *pairs[][2] = {
		{ "MARTHA", "MARHTA" },
		{ "DIXON", "DICKSONX" },
		{ "JELLYFISH", "SMELLYFISH" },
		{ "abcdef", "bcadef" },
		{ "バブルソート", "ソートバブル" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		assert_true(jw_similarity_utf8(pairs[i][0], pairs[i][1]) ==
			    jw_similarity_utf8(pairs[i][1], pairs[i][0]));
}

static void japanese_characters_count_as_one_code_point_each(void **state)
{
	(void)state;
	/* 6 code points each, 5 matching, prefix 4: (5/6 + 5/6 + 1) / 3 plus the
	 * bonus. Counted in bytes (17 of 18 equal) the score would differ. */
	assert_score(jw_similarity_utf8("バブルソート", "バブルソード"),
		     (8.0 / 3.0) / 3.0 + 0.4 * (1.0 - (8.0 / 3.0) / 3.0));
}

static void japanese_strings_of_different_lengths(void **state)
{
	double jaro = (1.0 + 4.0 / 7.0 + 1.0) / 3.0;

	(void)state;
	assert_score(jw_similarity_utf8("レガシー", "レガシーコード"), jaro + 0.4 * (1.0 - jaro));
}

static void emoji_count_as_one_code_point_each(void **state)
{
	(void)state;
	/* Two code points each, the first equal: Jaro 2/3, no bonus. Their UTF-8
	 * bytes share 6 of 8 and would score far higher. */
	assert_score(jw_similarity_utf8("🪓💥", "🪓🔥"), 2.0 / 3.0);
	assert_true(jw_similarity_utf8("🪓", "🪓") == 1.0);
	assert_true(jw_similarity_utf8("🪓", "🔥") == 0.0);
}

static void invalid_utf8_gives_minus_1(void **state)
{
	(void)state;
	assert_true(jw_similarity_utf8("\xff", "a") == -1.0);
	assert_true(jw_similarity_utf8("a", "\xc0\xaf") == -1.0);      /* overlong '/' */
	assert_true(jw_similarity_utf8("\xe3\x83", "\xe3\x83") == -1.0); /* truncated */
	assert_true(jw_similarity_utf8("\xed\xa0\x80", "a") == -1.0);  /* surrogate */
}

static void inputs_longer_than_the_stack_scratch_are_scored_the_same_way(void **state)
{
	size_t n = JW_STACK_LEN + 1000;
	uint32_t *a = malloc(n * sizeof(*a)), *b = malloc(n * sizeof(*b));
	double m = (double)(n - 1), jaro = (m / (double)n + m / (double)n + 1.0) / 3.0;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	for (size_t i = 0; i < n; i++)
		a[i] = b[i] = 'a';
	b[n - 1] = 'b';
	assert_score(jw_similarity(a, n, b, n), jaro + 0.4 * (1.0 - jaro));
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(martha_marhta_scores_0_961111),
		cmocka_unit_test(dixon_dicksonx_scores_0_813333),
		cmocka_unit_test(dwayne_duane_scores_0_840000),
		cmocka_unit_test(jellyfish_smellyfish_scores_0_896296),
		cmocka_unit_test(code_point_arrays_score_like_utf8_strings),
		cmocka_unit_test(two_empty_strings_score_1),
		cmocka_unit_test(one_empty_string_scores_0),
		cmocka_unit_test(identical_strings_score_1),
		cmocka_unit_test(strings_with_no_common_characters_score_0),
		cmocka_unit_test(equal_characters_outside_the_window_do_not_match),
		cmocka_unit_test(transpositions_are_halved_not_rounded),
		cmocka_unit_test(prefix_bonus_is_not_applied_when_jaro_is_at_most_0_7),
		cmocka_unit_test(prefix_bonus_is_applied_when_jaro_is_above_0_7),
		cmocka_unit_test(prefix_bonus_counts_at_most_four_characters),
		cmocka_unit_test(similarity_is_symmetric),
		cmocka_unit_test(japanese_characters_count_as_one_code_point_each),
		cmocka_unit_test(japanese_strings_of_different_lengths),
		cmocka_unit_test(emoji_count_as_one_code_point_each),
		cmocka_unit_test(invalid_utf8_gives_minus_1),
		cmocka_unit_test(inputs_longer_than_the_stack_scratch_are_scored_the_same_way),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
