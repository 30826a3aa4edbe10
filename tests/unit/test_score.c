/* test_score.c — unit tests for lib/score.c, matching a critique against the catalog. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "jw.h"
#include "normalize.h"
#include "score.h"

#define assert_score(actual, expected) do { \
		double got_ = (actual), want_ = (expected); \
		if (!(fabs(got_ - want_) <= 5e-7)) \
			fail_msg("score %.9f, expected %.6f", got_, want_); \
	} while (0)

/* Indexes of the weaknesses that catalog_setup adds, in order. */
enum { BUBBLE_SORT, SINGLE_SERVER, CRON, BUBBLE_SORT_PATH };

/* A small catalog in both languages. Its last phrasing is close to, but not
 * the best match for, the critiques about bubble sort. */
static int catalog_setup(void **state)
{
	struct score_catalog *cat = malloc(sizeof(*cat));

	if (!cat)
		return -1;
	score_catalog_init(cat);
	if (score_catalog_add_weakness(cat, 10, "bubble-sort-in-request", "リクエストごとのバブルソート",
				       "Bubble sort in a request") != BUBBLE_SORT ||
	    score_catalog_add(cat, 10, SCORE_LANG_EN, "bubble sort on every request") != 0 ||
	    score_catalog_add(cat, 10, SCORE_LANG_JA, "バブルソートをリクエストのたびに回している") != 0 ||
	    score_catalog_add_weakness(cat, 20, "single-server", "サーバー1台", "One server") !=
		    SINGLE_SERVER ||
	    score_catalog_add(cat, 20, SCORE_LANG_EN, "one server, no redundancy") != 0 ||
	    score_catalog_add(cat, 20, SCORE_LANG_JA, "サーバー1台で冗長化なし") != 0 ||
	    score_catalog_add_weakness(cat, 30, "cron-scheduler", "cronがスケジューラ",
				       "Cron as scheduler") != CRON ||
	    score_catalog_add(cat, 30, SCORE_LANG_EN, "cron as the job scheduler") != 0 ||
	    score_catalog_add(cat, 30, SCORE_LANG_JA, "ジョブスケジューラがcron") != 0 ||
	    score_catalog_add_weakness(cat, 40, "bubble-sort-path", "バブルソートの経路",
				       "Bubble sort path") != BUBBLE_SORT_PATH ||
	    score_catalog_add(cat, 40, SCORE_LANG_EN, "bubble sort in the request path") != 0) {
		score_catalog_free(cat);
		free(cat);
		return -1;
	}
	*state = cat;
	return 0;
}

static int catalog_teardown(void **state)
{
	score_catalog_free(*state);
	free(*state);
	return 0;
}

/* Similarity of two texts after normalisation, as the scorer sees them. */
static double normalized_similarity(const char *a, const char *b)
{
	uint32_t na[SCORE_MAX_TEXT], nb[SCORE_MAX_TEXT];
	long la = normalize_critique(a, na, SCORE_MAX_TEXT);
	long lb = normalize_critique(b, nb, SCORE_MAX_TEXT);

	assert_true(la >= 0 && lb >= 0);
	return jw_similarity(na, (size_t)la, nb, (size_t)lb);
}

static void best_match_wins_over_the_last_phrasing_tried(void **state)
{
	const char *critique = "bubble sort on every single request";
	double best = normalized_similarity(critique, "bubble sort on every request");
	double last = normalized_similarity(critique, "bubble sort in the request path");
	struct score_result r;

	/* Both are hits; the one tried last is the weaker. */
	assert_true(last >= SCORE_V1_MISS_THRESHOLD_EN);
	assert_true(best > last);
	assert_int_equal(score_critique_v1(*state, critique, &r), 0);
	assert_int_equal(r.weakness_index, BUBBLE_SORT);
	assert_score(r.score, best);
}

static void every_phrasing_of_a_weakness_is_tried(void **state)
{
	struct score_result r;

	/* The Japanese phrasing is the second of its weakness. */
	assert_int_equal(score_critique_v1(*state, "サーバー1台で冗長化なし", &r), 0);
	assert_int_equal(r.weakness_index, SINGLE_SERVER);
	assert_true(r.score == 1.0);
}

static void equal_scores_go_to_the_weakness_added_first(void **state)
{
	struct score_catalog cat;
	struct score_result r;

	(void)state;
	score_catalog_init(&cat);
	assert_int_equal(score_catalog_add_weakness(&cat, 1, "first", "一", "one"), 0);
	assert_int_equal(score_catalog_add_weakness(&cat, 2, "second", "二", "two"), 1);
	assert_int_equal(score_catalog_add(&cat, 1, SCORE_LANG_EN, "no cdn"), 0);
	assert_int_equal(score_catalog_add(&cat, 2, SCORE_LANG_EN, "no cdn"), 0);
	assert_int_equal(score_critique_v1(&cat, "no CDN in front", &r), 0);
	assert_int_equal(r.weakness_index, 0);
	score_catalog_free(&cat);
}

static void japanese_critique_in_halfwidth_kana_hits_the_japanese_phrasing(void **state)
{
	struct score_result r;

	assert_int_equal(score_critique_v1(*state, "ﾊﾞﾌﾞﾙｿｰﾄをﾘｸｴｽﾄのたびに回している！", &r), 0);
	assert_int_equal(r.weakness_index, BUBBLE_SORT);
	assert_true(r.score == 1.0);
	assert_int_equal(r.power, 100);
}

static void english_critique_hits_regardless_of_case_and_punctuation(void **state)
{
	struct score_result r;

	assert_int_equal(score_critique_v1(*state, "Bubble sort \xe2\x80\x94 on EVERY request!!", &r), 0);
	assert_int_equal(r.weakness_index, BUBBLE_SORT);
	assert_true(r.score == 1.0);
}

static void critique_below_the_threshold_misses_but_still_has_power(void **state)
{
	const char *critique = "ugly colours";
	struct score_result r;

	assert_int_equal(score_critique_v1(*state, critique, &r), 0);
	assert_true(r.score > 0.0 && r.score < SCORE_V1_MISS_THRESHOLD_EN);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.verdict, SCORE_MISS_LOW);
	assert_int_equal(r.power, (int)ceil(100.0 * r.score));
}

static void unrelated_english_sentence_misses_though_it_beats_the_japanese_threshold(void **state)
{
	struct score_result r;

	/* Two English sentences share most of 26 letters, so an unrelated one
	 * scores far above what unrelated Japanese does. */
	assert_int_equal(score_critique_v1(*state, "there are no unit tests", &r), 0);
	assert_int_equal(r.lang, SCORE_LANG_EN);
	assert_true(r.score >= SCORE_V1_MISS_THRESHOLD_JA);
	assert_true(r.score < SCORE_V1_MISS_THRESHOLD_EN);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.verdict, SCORE_MISS_LOW);
}

static void japanese_paraphrase_hits_under_the_japanese_threshold(void **state)
{
	struct score_result r;

	assert_int_equal(score_critique_v1(*state, "サーバーが一台しかない", &r), 0);
	assert_int_equal(r.lang, SCORE_LANG_JA);
	assert_true(r.score >= SCORE_V1_MISS_THRESHOLD_JA);
	assert_true(r.score < SCORE_V1_MISS_THRESHOLD_EN);
	assert_int_equal(r.weakness_index, SINGLE_SERVER);
	assert_int_equal(r.verdict, SCORE_HIT);
}

static void very_short_critique_misses_however_high_it_scores(void **state)
{
	struct score_result r;

	/* "cron" is the start of "cron as the job scheduler": Jaro counts its four
	 * matches against its own four characters, so it scores high. */
	assert_int_equal(score_critique_v1(*state, "cron", &r), 0);
	assert_true(r.score >= SCORE_V1_MISS_THRESHOLD_EN);
	assert_int_equal(r.nearest_index, CRON);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.verdict, SCORE_MISS_SHORT);
	/* The power follows the score all the same. */
	assert_int_equal(r.power, score_power(r.score));
}

static void critique_half_as_long_as_the_phrasing_is_long_enough(void **state)
{
	struct score_catalog cat;
	struct score_result r;

	(void)state;
	score_catalog_init(&cat);
	assert_int_equal(score_catalog_add_weakness(&cat, 1, "no-cdn", "CDNなし", "No CDN"), 0);
	assert_int_equal(score_catalog_add(&cat, 1, SCORE_LANG_EN, "no cdn at all"), 0);
	/* 5 of the phrasing's 10 characters, then 4. */
	assert_int_equal(score_critique_v1(&cat, "no cdn", &r), 0);
	assert_int_equal(r.verdict, SCORE_HIT);
	assert_int_equal(score_critique_v1(&cat, "no cd", &r), 0);
	assert_int_equal(r.verdict, SCORE_MISS_SHORT);
	score_catalog_free(&cat);
}

static void critique_sharing_no_character_misses_with_power_1(void **state)
{
	struct score_result r;

	assert_int_equal(score_critique_v1(*state, "色が派手", &r), 0);
	assert_true(r.score == 0.0);
	assert_int_equal(r.nearest_index, -1);
	assert_int_equal(r.verdict, SCORE_MISS_NOTHING);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.power, 1);
}

static void the_miss_thresholds_are_the_catalogs_own(void **state)
{
	struct score_catalog *cat = *state;
	const char *critique = "bubble sort on every single request";
	struct score_result r;

	cat->v1_miss_threshold[SCORE_LANG_EN] = 0.95;
	assert_int_equal(score_critique_v1(cat, critique, &r), 0);
	assert_true(r.score < 0.95);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.nearest_index, BUBBLE_SORT);
	/* A score equal to the threshold is a hit. */
	cat->v1_miss_threshold[SCORE_LANG_EN] = r.score;
	assert_int_equal(score_critique_v1(cat, critique, &r), 0);
	assert_int_equal(r.weakness_index, BUBBLE_SORT);
	/* The Japanese threshold does not apply to an English phrasing. */
	cat->v1_miss_threshold[SCORE_LANG_JA] = 0.99;
	assert_int_equal(score_critique_v1(cat, critique, &r), 0);
	assert_int_equal(r.weakness_index, BUBBLE_SORT);
}

static void the_length_ratio_is_the_catalogs_own(void **state)
{
	struct score_catalog *cat = *state;
	struct score_result r;

	cat->min_length_ratio = 0.0;
	assert_int_equal(score_critique_v1(cat, "cron", &r), 0);
	assert_int_equal(r.weakness_index, CRON);
}

static void power_is_the_ceiling_of_100_times_the_score(void **state)
{
	struct score_catalog cat;
	struct score_result r;

	(void)state;
	score_catalog_init(&cat);
	assert_int_equal(score_catalog_add_weakness(&cat, 1, "martha", "マーサ", "Martha"), 0);
	assert_int_equal(score_catalog_add(&cat, 1, SCORE_LANG_EN, "martha"), 0);
	assert_int_equal(score_critique_v1(&cat, "MARHTA", &r), 0);
	assert_score(r.score, 0.961111);
	assert_int_equal(r.power, 97);
	score_catalog_free(&cat);
}

static void power_of_a_round_score_is_not_pushed_up_by_rounding(void **state)
{
	(void)state;
	/* DWAYNE/DUANE scores 0.84, which is a hair above in binary. */
	assert_int_equal(score_power(jw_similarity_utf8("DWAYNE", "DUANE")), 84);
	assert_int_equal(score_power(0.5), 50);
}

static void power_is_between_1_and_100(void **state)
{
	(void)state;
	assert_int_equal(score_power(0.0), 1);
	assert_int_equal(score_power(0.001), 1);
	assert_int_equal(score_power(0.011), 2);
	assert_int_equal(score_power(1.0), 100);
	assert_int_equal(score_power(1.5), 100);
	assert_int_equal(score_power(-0.5), 1);
	assert_int_equal(score_power(NAN), 1);
}

static void critique_of_only_punctuation_misses(void **state)
{
	struct score_result r;

	assert_int_equal(score_critique_v1(*state, "！？…", &r), 0);
	assert_true(r.score == 0.0);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.power, 1);
}

static void empty_catalog_misses_everything(void **state)
{
	struct score_catalog cat;
	struct score_result r;

	(void)state;
	score_catalog_init(&cat);
	assert_int_equal(score_critique_v1(&cat, "bubble sort on every request", &r), 0);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.power, 1);
}

static void invalid_utf8_critique_is_refused_and_the_result_untouched(void **state)
{
	struct score_result r = { .score = 0.25, .weakness_index = 7, .power = 9 };

	assert_int_equal(score_critique_v1(*state, "bubble\xff sort", &r), -1);
	assert_int_equal(r.weakness_index, 7);
	assert_int_equal(r.power, 9);
}

static void critique_longer_than_the_limit_is_refused(void **state)
{
	char text[SCORE_MAX_TEXT + 2];
	struct score_result r;

	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(score_critique_v1(*state, text, &r), -1);
	text[SCORE_MAX_TEXT] = '\0';
	assert_int_equal(score_critique_v1(*state, text, &r), 0);
}

static void phrasing_for_an_unknown_weakness_is_refused(void **state)
{
	assert_int_equal(score_catalog_add(*state, 99, SCORE_LANG_EN, "no https"), -2);
}

static void phrasing_with_nothing_left_after_normalisation_is_refused(void **state)
{
	struct score_catalog *cat = *state;

	assert_int_equal(score_catalog_add(cat, 10, SCORE_LANG_JA, "！？ 、。"), -2);
	assert_int_equal(cat->weaknesses[BUBBLE_SORT].nphrasings, 2);
}

static void phrasing_that_is_not_utf8_is_refused(void **state)
{
	assert_int_equal(score_catalog_add(*state, 10, SCORE_LANG_EN, "bubble\xc0\xaf"), -2);
}

static void language_names_parse_both_ways(void **state)
{
	(void)state;
	assert_int_equal(score_lang_parse("ja"), SCORE_LANG_JA);
	assert_int_equal(score_lang_parse("en"), SCORE_LANG_EN);
	assert_int_equal(score_lang_parse("fr"), -1);
	assert_int_equal(score_lang_parse(NULL), -1);
	assert_string_equal(score_lang_name(SCORE_LANG_JA), "ja");
	assert_string_equal(score_lang_name(SCORE_LANG_EN), "en");
}

static void weakness_id_already_in_the_catalog_is_refused(void **state)
{
	struct score_catalog *cat = *state;

	assert_int_equal(score_catalog_add_weakness(cat, 20, "again", "再", "again"), -1);
	assert_int_equal(cat->nweaknesses, 4);
}

static void freed_catalog_is_empty_and_reusable_with_its_miss_rule(void **state)
{
	struct score_catalog cat;
	struct score_result r;

	(void)state;
	score_catalog_init(&cat);
	cat.miss_threshold[SCORE_LANG_JA] = 0.7;
	cat.miss_threshold[SCORE_LANG_EN] = 0.9;
	cat.min_length_ratio = 0.25;
	assert_int_equal(score_catalog_add_weakness(&cat, 1, "cron", "cron", "cron"), 0);
	assert_int_equal(score_catalog_add(&cat, 1, SCORE_LANG_EN, "cron"), 0);
	score_catalog_free(&cat);
	assert_int_equal(cat.nweaknesses, 0);
	assert_true(cat.miss_threshold[SCORE_LANG_JA] == 0.7);
	assert_true(cat.miss_threshold[SCORE_LANG_EN] == 0.9);
	assert_true(cat.min_length_ratio == 0.25);
	assert_int_equal(score_catalog_add_weakness(&cat, 2, "cdn", "CDN", "CDN"), 0);
	assert_int_equal(score_catalog_add(&cat, 2, SCORE_LANG_EN, "no cdn"), 0);
	assert_int_equal(score_critique_v1(&cat, "no cdn", &r), 0);
	assert_int_equal(r.weakness_index, 0);
	score_catalog_free(&cat);
}

#define catalog_test(f) cmocka_unit_test_setup_teardown(f, catalog_setup, catalog_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		catalog_test(best_match_wins_over_the_last_phrasing_tried),
		catalog_test(every_phrasing_of_a_weakness_is_tried),
		cmocka_unit_test(equal_scores_go_to_the_weakness_added_first),
		catalog_test(japanese_critique_in_halfwidth_kana_hits_the_japanese_phrasing),
		catalog_test(english_critique_hits_regardless_of_case_and_punctuation),
		catalog_test(critique_below_the_threshold_misses_but_still_has_power),
		catalog_test(unrelated_english_sentence_misses_though_it_beats_the_japanese_threshold),
		catalog_test(japanese_paraphrase_hits_under_the_japanese_threshold),
		catalog_test(very_short_critique_misses_however_high_it_scores),
		cmocka_unit_test(critique_half_as_long_as_the_phrasing_is_long_enough),
		catalog_test(critique_sharing_no_character_misses_with_power_1),
		catalog_test(the_miss_thresholds_are_the_catalogs_own),
		catalog_test(the_length_ratio_is_the_catalogs_own),
		cmocka_unit_test(power_is_the_ceiling_of_100_times_the_score),
		cmocka_unit_test(power_of_a_round_score_is_not_pushed_up_by_rounding),
		cmocka_unit_test(power_is_between_1_and_100),
		catalog_test(critique_of_only_punctuation_misses),
		cmocka_unit_test(empty_catalog_misses_everything),
		catalog_test(invalid_utf8_critique_is_refused_and_the_result_untouched),
		catalog_test(critique_longer_than_the_limit_is_refused),
		catalog_test(phrasing_for_an_unknown_weakness_is_refused),
		catalog_test(phrasing_with_nothing_left_after_normalisation_is_refused),
		catalog_test(phrasing_that_is_not_utf8_is_refused),
		cmocka_unit_test(language_names_parse_both_ways),
		catalog_test(weakness_id_already_in_the_catalog_is_refused),
		cmocka_unit_test(freed_catalog_is_empty_and_reusable_with_its_miss_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
