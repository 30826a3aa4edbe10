/* test_score_words.c — unit tests for scoring by words (lib/score.c, lib/tokenize.c):
 * critiques compared word by word, on fixed examples, hostile ones included. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "score.h"
#include "score_fixture.h"
#include "tokenize.h"
#include "utf8.h"

enum { BUBBLE, SERVER, CRON, CDN, LOGS };

static int catalog_setup(void **state)
{
	static const struct {
		long long id;
		const char *slug, *en[2], *ja[2];
	} rows[] = {
		{ 1, "bubble-sort", { "bubble sort on every request", "use qsort instead of a bubble sort" },
		  { "バブルソートをリクエストのたびに回している", "リクエストごとにバブルソート" } },
		{ 2, "single-server", { "one server, no redundancy", "single point of failure" },
		  { "サーバー1台で冗長化なし", "単一障害点になっている" } },
		{ 3, "cron", { "cron as the job scheduler", "a worker started by cron every minute" },
		  { "cronでジョブを回している", "毎分cronで起動するワーカー" } },
		{ 4, "no-cdn", { "no CDN", "static files served by the app server" },
		  { "CDNがない", "静的ファイルを自前のnginxで配信" } },
		{ 5, "logs", { "logs are just lines on stderr", "no log aggregation or monitoring" },
		  { "ログがstderrに垂れ流し", "ログ集約も監視もない" } },
	};
	struct score_catalog *cat = catalog_new();
	int built = 1;

	if (!cat)
		return -1;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]) && built; i++) {
		built = score_catalog_add_weakness(cat, rows[i].id, rows[i].slug, rows[i].slug,
						   rows[i].slug) == (int)i;
		for (int k = 0; k < 2 && built; k++)
			built = score_catalog_add(cat, rows[i].id, SCORE_LANG_EN, rows[i].en[k]) == 0 &&
				score_catalog_add(cat, rows[i].id, SCORE_LANG_JA, rows[i].ja[k]) == 0;
	}
	return catalog_keep(state, cat, built);
}

static struct score_result scored(void **state, const char *critique)
{
	struct score_result r;

	assert_int_equal(score_critique(*state, critique, &r), 0);
	assert_int_equal(r.version, SCORE_VERSION);
	assert_true(r.power >= 1 && r.power <= 100);
	return r;
}

static void a_phrasing_as_written_hits_with_full_power(void **state)
{
	struct score_result r = scored(state, "bubble sort on every request");

	assert_true(r.score == 1.0);
	assert_int_equal(r.weakness_index, BUBBLE);
	assert_int_equal(r.verdict, SCORE_HIT);
	assert_int_equal(r.power, 100);
	assert_int_equal(r.lang, SCORE_LANG_EN);
}

static void words_in_another_order_and_with_more_words_still_hit(void **state)
{
	struct score_result r = scored(state, "on every single request you run a bubble sort, why?");

	assert_int_equal(r.weakness_index, BUBBLE);
	assert_true(r.score == 1.0);
}

static void typos_hit_by_likeness_below_one(void **state)
{
	/* Version 6: only words of six letters or more are alike without
	 * being equal (sotr is no sort, reqeust is request). */
	struct score_result r = scored(state, "bubble sort on evrey reqeust");

	assert_int_equal(r.weakness_index, BUBBLE);
	assert_true(r.score > 0.6 && r.score < 1.0);
}

static void inflections_compare_equal(void **state)
{
	struct score_result a = scored(state, "the log was monitored");
	struct score_result b = scored(state, "logs monitoring");

	assert_int_equal(a.weakness_index, LOGS);
	assert_true(a.score == b.score);
}

static void japanese_paraphrase_hits_through_mecab(void **state)
{
	/* 回して → 回す, as in the phrasing's 回している. */
	struct score_result r = scored(state, "リクエストのたびにバブルソートを回して重い");

	assert_int_equal(r.weakness_index, BUBBLE);
	assert_int_equal(r.lang, SCORE_LANG_JA);
	assert_true(r.score == 1.0);
}

static void full_width_and_half_width_score_as_usual_width(void **state)
{
	struct score_result usual = scored(state, "bubble sort on every request");
	struct score_result full = scored(state, "ＢＵＢＢＬＥ　ＳＯＲＴ　ｏｎ　ｅｖｅｒｙ　ｒｅｑｕｅｓｔ！");
	struct score_result kana = scored(state, "ﾊﾞﾌﾞﾙｿｰﾄをﾘｸｴｽﾄのたびに回している");

	assert_true(full.score == usual.score);
	assert_int_equal(full.weakness_index, BUBBLE);
	assert_true(kana.score == 1.0);
	assert_int_equal(kana.weakness_index, BUBBLE);
}

static void mixed_japanese_and_english_hits(void **state)
{
	struct score_result r = scored(state, "job schedulerがcronなのは古い");

	assert_int_equal(r.weakness_index, CRON);
	assert_int_equal(r.lang, SCORE_LANG_JA);
}

static void unrelated_critique_misses_and_flies_weakly(void **state)
{
	struct score_result r = scored(state, "I like the color scheme of the hall a lot");

	assert_int_equal(r.weakness_index, -1);
	assert_true(r.power <= 15);
}

static void five_hundred_of_one_letter_misses_weakly(void **state)
{
	char text[501];
	struct score_result r;

	memset(text, 'q', 500);
	text[500] = '\0';
	r = scored(state, text);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.power, 1);
	memset(text, 'a', 500);
	r = scored(state, text);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.power, 1);
}

static void emoji_alone_have_nothing_to_compare(void **state)
{
	struct score_result r = scored(state, "🪓🪓🔥💥");

	assert_int_equal(r.verdict, SCORE_MISS_NOTHING);
	assert_int_equal(r.weakness_index, -1);
	assert_int_equal(r.power, 1);
	assert_true(r.score == 0.0);
}

static void emoji_between_words_do_not_join_them(void **state)
{
	struct score_result r = scored(state, "cron 🪓 as the job scheduler");

	assert_int_equal(r.weakness_index, CRON);
}

static void control_characters_separate_words_like_spaces(void **state)
{
	struct score_result a = scored(state, "\x01" "cron\x02job\x7f" "scheduler\x1b");
	struct score_result b = scored(state, "cron job scheduler");

	assert_true(a.score == b.score);
	assert_int_equal(a.weakness_index, CRON);
}

static void repeating_a_phrasings_first_word_says_it_once(void **state)
{
	struct score_result once = scored(state, "bubble");
	struct score_result many = scored(state, "bubble bubble bubble bubble bubble bubble bubble");

	assert_true(many.score == once.score);
	assert_int_equal(many.weakness_index, -1);
	assert_true(many.power <= score_power_over_chance(many.threshold, many.chance));
}

static void one_telling_word_is_not_a_hit(void **state)
{
	/* "cdn" is all of "no CDN" that matters, but one word has not said it. */
	struct score_result r = scored(state, "cdn");

	assert_int_equal(r.verdict, SCORE_MISS_SHORT);
	assert_int_equal(r.nearest_index, CDN);
	/* Above the threshold, a miss flies as one at it: SCORE_MISS_POWER_MAX. */
	assert_true(r.score > r.threshold);
	assert_int_equal(r.power, SCORE_MISS_POWER_MAX);
	r = scored(state, "no cdn");
	assert_int_equal(r.weakness_index, CDN);
}

static void very_short_critiques_miss(void **state)
{
	static const char *texts[] = { "", " ", "a", "no", "x", "!!", "の", "ね" };

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct score_result r = scored(state, texts[i]);

		assert_int_equal(r.weakness_index, -1);
		assert_true(r.power <= 15);
	}
}

static void invalid_utf8_is_refused(void **state)
{
	struct score_result r = { .power = -7 };

	assert_int_equal(score_critique(*state, "bubble \xff sort", &r), -1);
	assert_int_equal(r.power, -7);
}

static void power_is_a_ratio_of_the_distance_above_chance(void **state)
{
	(void)state;
	assert_int_equal(score_power_over_chance(0.29, 0.29), 1);
	assert_int_equal(score_power_over_chance(0.10, 0.29), 1);
	assert_int_equal(score_power_over_chance(1.0, 0.29), 100);
	assert_int_equal(score_power_over_chance(0.645, 0.29), 50);
	assert_int_equal(score_power_over_chance(0.605, 0.21), 50);
	assert_int_equal(score_power_over_chance(NAN, 0.21), 1);
}

static void chance_and_threshold_are_the_critiques_language(void **state)
{
	struct score_catalog *cat = *state;
	struct score_result r;

	cat->chance[SCORE_LANG_JA] = 0.5;
	r = scored(state, "リクエストのたびにバブルソートを回して重い");
	assert_true(r.chance == 0.5);
	assert_int_equal(r.power, 100);
	r = scored(state, "logs aggregation");
	assert_true(r.chance == SCORE_CHANCE_EN_DEFAULT);
	cat->chance[SCORE_LANG_JA] = SCORE_CHANCE_JA_DEFAULT;
}

static void explanation_names_the_matched_words(void **state)
{
	static struct score_explanation e;
	int found_typo = 0, found_missing = 0;

	assert_int_equal(score_explain(*state, "bubble sort on a reqeust", &e), 0);
	assert_int_equal(e.result.nearest_index, BUBBLE);
	assert_int_equal(e.critique_words, 3);
	for (size_t i = 0; i < e.nmatches; i++) {
		const struct score_match *m = &e.matches[i];

		if (m->critique_len == 7 &&
		    memcmp(m->critique_word, (uint32_t[]){ 'r', 'e', 'q', 'e', 'u', 's', 't' },
			   7 * sizeof(uint32_t)) == 0)
			found_typo = m->likeness > 0.85 && m->likeness < 1.0;
		if (m->critique_len == 0)
			found_missing = 1; /* "every" */
	}
	assert_true(found_typo);
	assert_true(found_missing);
}

static void without_mecab_japanese_fails_clearly_and_english_still_scores(void **state)
{
	struct score_catalog fresh;
	struct score_result r;

	tokenize_set_dictionary("/nonexistent/mecab-dictionary");
	assert_int_equal(score_critique(*state, "バブルソート", &r), -2);
	assert_int_equal(score_critique(*state, "bubble sort on every request", &r), 0);
	score_catalog_init(&fresh);
	assert_int_equal(score_catalog_add_weakness(&fresh, 1, "x", "x", "x"), 0);
	assert_int_equal(score_catalog_add(&fresh, 1, SCORE_LANG_JA, "バブルソート"), -3);
	assert_int_equal(score_catalog_add(&fresh, 1, SCORE_LANG_EN, "bubble sort"), 0);
	score_catalog_free(&fresh);
	char why[512];
	assert_int_equal(tokenize_check(why, sizeof(why)), -1);
	assert_non_null(strstr(why, "/nonexistent/mecab-dictionary"));
	assert_non_null(strstr(why, "mecab-ipadic-utf8"));
	tokenize_set_dictionary(NULL);
	assert_int_equal(tokenize_check(why, sizeof(why)), 0);
	assert_int_equal(score_critique(*state, "バブルソート", &r), 0);
}

static void japanese_words_are_dictionary_forms_without_particles(void **state)
{
	static struct tokenize_result t;
	static const uint32_t mawasu[] = { 0x56DE, 0x3059 }; /* 回す */

	(void)state;
	assert_int_equal(tokenize_words("バブルソートを回している", &t), 0);
	assert_int_equal(t.japanese, 1);
	/* バブル ソート 回す: を, て and いる are dropped. */
	assert_int_equal(t.nwords, 3);
	assert_int_equal(t.words[2].len, 2);
	assert_memory_equal(t.chars + t.words[2].start, mawasu, sizeof(mawasu));
}

/* Whether the i-th word of t is the UTF-8 text want. */
static int word_is(const struct tokenize_result *t, size_t i, const char *want)
{
	uint32_t w[64];
	long n = utf8_decode(want, strlen(want), w, 64);

	return i < t->nwords && n == t->words[i].len &&
	       memcmp(t->chars + t->words[i].start, w, (size_t)n * sizeof(*w)) == 0;
}

static void https_is_not_the_plural_of_http_and_logging_is_log(void **state)
{
	static struct tokenize_result t;

	(void)state;
	assert_int_equal(tokenize_words("https logging stopped calls", &t), 0);
	assert_int_equal(t.nwords, 4);
	assert_true(word_is(&t, 0, "https"));
	assert_true(word_is(&t, 1, "log"));
	assert_true(word_is(&t, 2, "stop"));
	/* A doubled l stays: call, not cal. */
	assert_true(word_is(&t, 3, "call"));
}

static void means_is_a_stop_word_and_nic_no_praise_since_version_18(void **state)
{
	static struct tokenize_result t;

	(void)state;
	/* "means" says no meaning, though meaning is mean once stemmed. */
	assert_int_equal(tokenize_words("that means hunting them down", &t), 0);
	assert_int_equal(t.nwords, 2);
	assert_true(word_is(&t, 0, "hunt"));
	tokenize_v18_rules(0);
	assert_int_equal(tokenize_words("that means hunting them down", &t), 0);
	tokenize_v18_rules(1);
	assert_int_equal(t.nwords, 3);
	assert_true(word_is(&t, 0, "mean"));
	assert_int_equal(tokenize_words("the meaning of a critique", &t), 0);
	assert_true(word_is(&t, 0, "mean"));
	/* NIC and nice share a stem; only nice is praise as written. */
	assert_int_equal(tokenize_words("it never went through a NIC", &t), 0);
	assert_int_equal(t.praise, TOKENIZE_PRAISE_STEMS);
	assert_int_equal(tokenize_words("nicely documented", &t), 0);
	assert_int_equal(t.praise, TOKENIZE_PRAISE_STEMS | TOKENIZE_PRAISE_WORD);
	assert_int_equal(tokenize_words("データベースが良い", &t), 0);
	assert_int_equal(t.praise, TOKENIZE_PRAISE_STEMS | TOKENIZE_PRAISE_WORD);
	assert_int_equal(tokenize_words("the sort is slow", &t), 0);
	assert_int_equal(t.praise, 0);
}

static void version_19_reads_files_clauses_wishes_and_nobody(void **state)
{
	static struct tokenize_result t;

	(void)state;
	/* A file's name is a part of it, as an identifier's are. */
	assert_int_equal(tokenize_words("lib/log.c prints", &t), 0);
	assert_int_equal(t.nwords, 4);
	assert_true(word_is(&t, 1, "log.c"));
	assert_true(word_is(&t, 2, "log"));
	assert_int_equal(t.words[2].part, 1);
	tokenize_v19_rules(0);
	assert_int_equal(tokenize_words("lib/log.c prints", &t), 0);
	tokenize_v19_rules(1);
	assert_int_equal(t.nwords, 3);
	/* A negation ends with its clause; a comma before a conjunction
	 * ends one, a comma in a list does not. */
	assert_int_equal(tokenize_words("no offset, so a log line", &t), 0);
	assert_true(word_is(&t, 1, "offset"));
	assert_int_equal(t.words[1].negated, 1);
	assert_true(word_is(&t, 2, "log"));
	assert_int_equal(t.words[2].clause, 1);
	assert_int_equal(t.words[2].negated, 0);
	assert_int_equal(t.words[3].negated, 0);
	assert_int_equal(tokenize_words("no TLS, HSTS or redirect", &t), 0);
	assert_true(word_is(&t, 2, "hst"));
	assert_int_equal(t.words[2].negated, 1);
	assert_int_equal(t.words[3].negated, 1);
	assert_int_equal(tokenize_words("no TLS. Logs pile up", &t), 0);
	assert_true(word_is(&t, 2, "log"));
	assert_int_equal(t.words[2].negated, 0);
	tokenize_v19_rules(0);
	assert_int_equal(tokenize_words("no offset, so a log line", &t), 0);
	tokenize_v19_rules(1);
	assert_int_equal(t.words[2].clause, 0);
	assert_int_equal(t.words[2].negated, 1);
	/* A wish is no praise. */
	assert_int_equal(tokenize_words("a version check would be nice", &t), 0);
	assert_int_equal(t.praise & TOKENIZE_PRAISE_WORD, 0);
	assert_int_equal(tokenize_words("the version check is nice", &t), 0);
	assert_int_equal(t.praise & TOKENIZE_PRAISE_WORD, TOKENIZE_PRAISE_WORD);
	/* nobody is a stop word. */
	assert_int_equal(tokenize_words("nobody remembers signals", &t), 0);
	assert_int_equal(t.nwords, 2);
}

static void version_22_ends_japanese_sentences_and_reads_nai(void **state)
{
	static struct tokenize_result t;

	(void)state;
	/* A Japanese sentence ends at 。 as an English one at its stop. */
	assert_int_equal(tokenize_words("集約もない。ログインして読む", &t), 0);
	assert_true(word_is(&t, 2, "ログイン"));
	assert_int_equal(t.words[2].clause, 1);
	assert_int_equal(t.words[1].clause, 0);
	assert_int_equal(tokenize_words("集約もない！ログインして読む", &t), 0);
	assert_int_equal(t.words[2].clause, 1);
	/* しかない says only, and ないか asks whether: neither is a ない. */
	assert_int_equal(tokenize_words("ファイルを読むしかない", &t), 0);
	assert_int_equal(t.nwords, 2);
	assert_true(word_is(&t, 1, "読む"));
	assert_int_equal(tokenize_words("訳し漏れがないか確認", &t), 0);
	for (size_t i = 0; i < t.nwords; i++)
		assert_false(word_is(&t, i, "ない"));
	/* A ない that says something is missing stays. */
	assert_int_equal(tokenize_words("認証がないので誰でも入れる", &t), 0);
	assert_true(word_is(&t, 1, "ない"));
	assert_int_equal(t.words[0].negated, 1);
	/* Before version 22 all three were cut as they were. */
	tokenize_v22_rules(0);
	assert_int_equal(tokenize_words("集約もない。ログインして読む", &t), 0);
	tokenize_v22_rules(1);
	assert_int_equal(t.words[2].clause, 0);
	tokenize_v22_rules(0);
	assert_int_equal(tokenize_words("ファイルを読むしかない", &t), 0);
	tokenize_v22_rules(1);
	assert_int_equal(t.nwords, 3);
}

static void version_23_reads_a_suggestion_as_no_praise(void **state)
{
	static const char *const suggestions[] = {
		"別ホストから撃った方が良くないですか？",
		"別のマシンに分けたほうがよいと思います。",
		"検討した方が良さそうです",
		"pub/subでよくない？",
		"分けたら良いのでは",
		"この設計は良くない",
	};
	static struct tokenize_result t;

	(void)state;
	for (size_t i = 0; i < sizeof(suggestions) / sizeof(suggestions[0]); i++) {
		assert_int_equal(tokenize_words(suggestions[i], &t), 0);
		if (t.praise != 0)
			fail_msg("%s: praise", suggestions[i]);
		/* Before version 23 each was praise. */
		tokenize_v23_rules(0);
		assert_int_equal(tokenize_words(suggestions[i], &t), 0);
		tokenize_v23_rules(1);
		if (t.praise == 0)
			fail_msg("%s: no praise before version 23", suggestions[i]);
	}
	/* Praise is still praise. */
	assert_int_equal(tokenize_words("この設計は良い", &t), 0);
	assert_int_not_equal(t.praise, 0);
	assert_int_equal(tokenize_words("HTTPSへのリダイレクトは良いが、HSTSが短い", &t), 0);
	assert_int_not_equal(t.praise, 0);
}

static void version_28_reads_the_clauses_that_speak_of_a_name(void **state)
{
	/* Each with the clauses (bits) that speak of a name. */
	static const struct { const char *text; uint64_t clauses; } named[] = {
		{ "rename masakari_flooder_cron_minute", 1 },
		{ "The value is \"*\". The name says minute; rename it", 6 },
		{ "/api/status mixes naming styles: cpuutilization is one word", 1 },
		{ "task names like Install cron describe the module", 1 },
		{ "the key name reads oddly. The variable names are fine", 3 },
		{ "a misnomer", 1 },
		{ "テーブル名が複数形と単数形で混在している", 1 },
		{ "キーの命名規則がファイルごとに違う。直してほしい。", 1 },
		{ "単位が名前から読めない", 1 },
		{ "単位を名前に入れてそろえませんか", 1 },
	};
	static const char *const unnamed[] = {
		"anyone can throw in somebody else's name",
		"the name of the game is speed",
		"他人の名前で投げられる",
		"名前を変えて好きなだけ投げられる",
		"DBのホスト名が localhost のまま",
		"ユーザー名とパスワードが平文",
	};
	static struct tokenize_result t;

	(void)state;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		assert_int_equal(tokenize_words(named[i].text, &t), 0);
		if (t.naming_clauses != named[i].clauses)
			fail_msg("%s: clauses %llx, expected %llx", named[i].text,
				 (unsigned long long)t.naming_clauses,
				 (unsigned long long)named[i].clauses);
	}
	for (size_t i = 0; i < sizeof(unnamed) / sizeof(unnamed[0]); i++) {
		assert_int_equal(tokenize_words(unnamed[i], &t), 0);
		if (t.naming_clauses != 0)
			fail_msg("%s: speaks of a name", unnamed[i]);
	}
}

static void a_nouns_suffix_is_part_of_it_and_light_verbs_are_dropped(void **state)
{
	static struct tokenize_result t;

	(void)state;
	/* 暗号 + 化 is one word; する, れる and いる are dropped (and ない,
	 * here an auxiliary). */
	assert_int_equal(tokenize_words("通信が暗号化されていない", &t), 0);
	assert_int_equal(t.nwords, 2);
	assert_true(word_is(&t, 0, "通信"));
	assert_true(word_is(&t, 1, "暗号化"));
	/* ある and なる too. */
	assert_int_equal(tokenize_words("単一障害点になっている", &t), 0);
	assert_int_equal(t.nwords, 2);
	assert_true(word_is(&t, 0, "単一"));
	/* A suffix in hiragana says something of its own. */
	assert_int_equal(tokenize_words("障害点だらけ", &t), 0);
	assert_true(word_is(&t, 0, "障害点"));
	assert_int_equal(t.nwords, 2);
}

static int knows_joined(const uint32_t *text, size_t len, void *ctx)
{
	const char *const *known = ctx;
	uint32_t w[64];

	for (; *known; known++) {
		long n = utf8_decode(*known, strlen(*known), w, 64);

		if (n == (long)len && memcmp(w, text, len * sizeof(*w)) == 0)
			return 1;
	}
	return 0;
}

static void glued_words_join_only_where_the_joined_word_is_known(void **state)
{
	static struct tokenize_result t;
	static const char *const known[] = { "認証情報", "plaintext", NULL };

	(void)state;
	assert_int_equal(tokenize_words("認証情報と認証の情報", &t), 0);
	assert_int_equal(t.words[1].glued, 1);
	tokenize_join(&t, knows_joined, (void *)known);
	/* The compound joins; 認証 and 情報 apart (の between) do not. */
	assert_int_equal(t.nwords, 3);
	assert_true(word_is(&t, 0, "認証情報"));
	assert_true(word_is(&t, 1, "認証"));
	assert_true(word_is(&t, 2, "情報"));
	assert_int_equal(tokenize_words("plain text, plain old text", &t), 0);
	tokenize_join(&t, knows_joined, (void *)known);
	assert_int_equal(t.nwords, 4);
	assert_true(word_is(&t, 0, "plaintext"));
	assert_true(word_is(&t, 1, "plain"));
	/* A function word between two words unglues them. */
	assert_int_equal(tokenize_words("plain the text", &t), 0);
	assert_int_equal(t.words[1].glued, 0);
}

static void a_file_name_is_one_word(void **state)
{
	static struct tokenize_result t;

	(void)state;
	/* Paths and file names in English and inside Japanese; a number's
	 * point and a sentence's full stop still separate. */
	assert_int_equal(tokenize_words("flooder/queue.c polls, see 0.6 points. Done", &t), 0);
	assert_int_equal(t.nwords, 9);
	assert_true(word_is(&t, 0, "flooder"));
	assert_true(word_is(&t, 1, "queue.c"));
	/* its name, a part of it since version 19 */
	assert_true(word_is(&t, 2, "queu"));
	assert_int_equal(t.words[2].part, 1);
	assert_true(word_is(&t, 3, "poll"));
	assert_true(word_is(&t, 5, "0"));
	assert_true(word_is(&t, 6, "6"));
	assert_true(word_is(&t, 7, "point"));
	assert_int_equal(tokenize_words("lib/web.cの固定長バッファとmasakari.hdfのパスワード", &t), 0);
	assert_true(word_is(&t, 0, "lib"));
	assert_true(word_is(&t, 1, "web.c"));
	assert_true(word_is(&t, 2, "web"));
	assert_true(word_is(&t, 3, "固定長"));
	assert_true(word_is(&t, 4, "バッファ"));
	assert_true(word_is(&t, 5, "masakari.hdf"));
	assert_true(word_is(&t, 6, "masakari"));
	assert_true(word_is(&t, 7, "パスワード"));
	/* As before version 5, for bench/score's older rows: cut at the dot
	 * (queue stems to queu). */
	tokenize_keep_file_names(0);
	assert_int_equal(tokenize_words("flooder/queue.c", &t), 0);
	tokenize_keep_file_names(1);
	assert_int_equal(t.nwords, 3);
	assert_true(word_is(&t, 1, "queu"));
	assert_true(word_is(&t, 2, "c"));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, catalog_setup, catalog_teardown)
	const struct CMUnitTest tests[] = {
		T(a_phrasing_as_written_hits_with_full_power),
		T(words_in_another_order_and_with_more_words_still_hit),
		T(typos_hit_by_likeness_below_one),
		T(inflections_compare_equal),
		T(japanese_paraphrase_hits_through_mecab),
		T(full_width_and_half_width_score_as_usual_width),
		T(mixed_japanese_and_english_hits),
		T(unrelated_critique_misses_and_flies_weakly),
		T(five_hundred_of_one_letter_misses_weakly),
		T(emoji_alone_have_nothing_to_compare),
		T(emoji_between_words_do_not_join_them),
		T(control_characters_separate_words_like_spaces),
		T(repeating_a_phrasings_first_word_says_it_once),
		T(one_telling_word_is_not_a_hit),
		T(very_short_critiques_miss),
		T(invalid_utf8_is_refused),
		T(power_is_a_ratio_of_the_distance_above_chance),
		T(chance_and_threshold_are_the_critiques_language),
		T(explanation_names_the_matched_words),
		T(without_mecab_japanese_fails_clearly_and_english_still_scores),
		T(japanese_words_are_dictionary_forms_without_particles),
		T(https_is_not_the_plural_of_http_and_logging_is_log),
		T(means_is_a_stop_word_and_nic_no_praise_since_version_18),
		T(version_19_reads_files_clauses_wishes_and_nobody),
		T(version_22_ends_japanese_sentences_and_reads_nai),
		T(version_23_reads_a_suggestion_as_no_praise),
		T(version_28_reads_the_clauses_that_speak_of_a_name),
		T(a_nouns_suffix_is_part_of_it_and_light_verbs_are_dropped),
		T(glued_words_join_only_where_the_joined_word_is_known),
		T(a_file_name_is_one_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
