/* fuzz_score.c — a critique scored against a small catalog (lib/score.c with
 * lib/tokenize.c, MeCab, lib/normalize.c and lib/jw.c): any bytes give a
 * verdict that agrees with its score, a power of 1–100, and never read or
 * write outside the catalog, its words (synonyms, compounds, known words)
 * and the words that name what a weakness is about included. */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "score.h"

static struct score_catalog cat;

/* Phrasings short and long (past the 64 code points compared with bit masks),
 * Japanese and English, as the real catalog has. */
static void catalog_build(void)
{
	score_catalog_init(&cat);
	FUZZ_CHECK(score_catalog_add_word(&cat, 1, "server") == 0);
	FUZZ_CHECK(score_catalog_add_word(&cat, 1, "サーバー") == 0);
	FUZZ_CHECK(score_catalog_add_word(&cat, 1, "box") == 0);
	FUZZ_CHECK(score_catalog_add_word(&cat, 2, "認証情報") == 0);
	FUZZ_CHECK(score_catalog_add_word(&cat, 3, "chrony") == 0);
	FUZZ_CHECK(score_catalog_add_word(&cat, 4, "https") == 0);
	FUZZ_CHECK(score_catalog_add_weakness(&cat, 10, "bubble-sort", "バブルソート", "Bubble sort") == 0);
	FUZZ_CHECK(score_catalog_add(&cat, 10, SCORE_LANG_EN, "bubble sort on every request") == 0);
	FUZZ_CHECK(score_catalog_add(&cat, 10, SCORE_LANG_JA, "バブルソートをリクエストのたびに回している") == 0);
	FUZZ_CHECK(score_catalog_add_weakness(&cat, 20, "single-server", "サーバー1台", "One server") == 1);
	FUZZ_CHECK(score_catalog_add(&cat, 20, SCORE_LANG_EN, "one server, no redundancy") == 0);
	FUZZ_CHECK(score_catalog_add(&cat, 20, SCORE_LANG_JA, "サーバー1台で冗長化なし") == 0);
	FUZZ_CHECK(score_catalog_add(&cat, 20, SCORE_LANG_EN,
				     "the whole exhibition runs on a single machine with one database, "
				     "one web server and no standby, so any failure takes it all down") == 0);
	FUZZ_CHECK(score_catalog_add_weakness(&cat, 30, "cron", "cronがスケジューラ", "cron") == 2);
	FUZZ_CHECK(score_catalog_add(&cat, 30, SCORE_LANG_JA, "ジョブスケジューラがcron") == 0);
	FUZZ_CHECK(score_catalog_add_weakness(&cat, 40, "no-https", "HTTPSなし", "No HTTPS") == 3);
	FUZZ_CHECK(score_catalog_add(&cat, 40, SCORE_LANG_EN, "no https anywhere") == 0);
	FUZZ_CHECK(score_catalog_add(&cat, 40, SCORE_LANG_JA, "データベースの通信にhttpsがない") == 0);
	/* What two of them are about (version 13): a server, HTTPS. */
	FUZZ_CHECK(score_catalog_add_subject(&cat, 20, "server") == 0);
	FUZZ_CHECK(score_catalog_add_subject(&cat, 40, "https") == 0);
	FUZZ_CHECK(score_catalog_add_subject(&cat, 40, "データベース") == 0);
}

/* Version 11: a URL's scheme is no word, so the input after two schemes
 * scores alike, whatever the scheme says (https is a catalog word). */
/* The critique scored with rule (one or more SCORE_RULE_ bits) off; the
 * catalog's rules as they were after. */
static struct score_result scored_without(const char *critique, unsigned long long rule)
{
	struct score_result without;
	unsigned long long rules = cat.rules;

	cat.rules &= ~rule;
	FUZZ_CHECK(score_critique(&cat, critique, &without) == 0);
	cat.rules = rules;
	return without;
}

/* Whether b is the hit a is: the same weakness, score and power. */
static int same_hit(const struct score_result *a, const struct score_result *b)
{
	return a->verdict == SCORE_HIT && b->verdict == SCORE_HIT &&
	       a->weakness_index == b->weakness_index && a->score == b->score &&
	       a->power == b->power;
}

static void schemes_say_nothing(const char *critique, size_t size)
{
	struct score_result a, b;
	char *x = malloc(size + 9), *y = malloc(size + 9);

	FUZZ_CHECK(x && y);
	memcpy(x, "https://", 8);
	memcpy(y, "hxxps://", 8);
	memcpy(x + 8, critique, size + 1);
	memcpy(y + 8, critique, size + 1);
	if (score_critique(&cat, x, &a) == 0 && score_critique(&cat, y, &b) == 0)
		FUZZ_CHECK(a.verdict == b.verdict && a.weakness_index == b.weakness_index &&
			   a.score == b.score && a.power == b.power);
	free(x);
	free(y);
}

/* Version 14: markup's names are no words, so the input after an
 * attribute's name or a CSS selector scores as after blanks, whatever the
 * name says (server is a catalog word). */
static void markup_says_nothing(const char *critique, size_t size)
{
	static const char *const pairs[][2] = {
		{ "<a server='", "<a       ='" },
		{ "see .server ", "see         " },
		{ "#server, ", "        , " },
	};

	for (size_t k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++) {
		struct score_result a, b;
		size_t n = strlen(pairs[k][0]), m = strlen(pairs[k][1]);
		char *x = malloc(size + n + 1), *y = malloc(size + m + 1);

		FUZZ_CHECK(x && y);
		memcpy(x, pairs[k][0], n);
		memcpy(y, pairs[k][1], m);
		memcpy(x + n, critique, size + 1);
		memcpy(y + m, critique, size + 1);
		if (score_critique(&cat, x, &a) == 0 && score_critique(&cat, y, &b) == 0)
			FUZZ_CHECK(a.verdict == b.verdict && a.weakness_index == b.weakness_index &&
				   a.score == b.score && a.power == b.power);
		free(x);
		free(y);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct score_result r;
	int rival_hit = 1;          /* a hit without version 16's rule too */
	char *critique;
	int rc;

	if (!cat.nweaknesses)
		catalog_build();
	critique = malloc(size + 1);
	FUZZ_CHECK(critique);
	memcpy(critique, data, size);
	critique[size] = '\0';
	memset(&r, 0x5a, sizeof(r));
	rc = score_critique(&cat, critique, &r);
	if (size > 0 && ((critique[0] >= 'a' && critique[0] <= 'z') ||
			 (critique[0] >= '0' && critique[0] <= '9')))
		schemes_say_nothing(critique, strlen(critique));
	if (size > 0 && critique[0] >= 'a' && critique[0] <= 'z')
		markup_says_nothing(critique, strlen(critique));
	if (rc == 0) {
		double capped = r.verdict == SCORE_HIT || r.score <= r.threshold ? r.score : r.threshold;

		FUZZ_CHECK(r.version == SCORE_VERSION);
		FUZZ_CHECK(r.score >= 0.0 && r.score <= 1.0);
		FUZZ_CHECK(r.recall == r.score);
		FUZZ_CHECK(r.power >= 1 && r.power <= 100);
		if (r.verdict == SCORE_HIT && (cat.rules & SCORE_RULE_HIT_POWER))
			FUZZ_CHECK(r.power == score_hit_power(r.score, r.threshold) &&
				   r.power >= SCORE_HIT_POWER_MIN);
		else if (r.verdict == SCORE_HIT || !(cat.rules & SCORE_RULE_WEAK_MISSES))
			FUZZ_CHECK(r.power == score_power_over_chance(capped, r.chance));
		else
			FUZZ_CHECK(r.power == score_miss_power(r.score, r.threshold, r.chance) &&
				   r.power <= SCORE_MISS_POWER_MAX);
		FUZZ_CHECK(r.lang == SCORE_LANG_JA || r.lang == SCORE_LANG_EN);
		FUZZ_CHECK(r.chance == cat.chance[r.lang] && r.threshold == cat.miss_threshold[r.lang]);
		FUZZ_CHECK(r.nearest_index >= -1 && r.nearest_index < (int)cat.nweaknesses);
		if (r.nearest_index >= 0)
			FUZZ_CHECK(r.phrasing_index >= 0 &&
				   (size_t)r.phrasing_index < cat.weaknesses[r.nearest_index].nphrasings);
		if (r.verdict == SCORE_HIT)
			FUZZ_CHECK(r.weakness_index == r.nearest_index && r.weakness_index >= 0 &&
				   r.score >= cat.miss_threshold[r.lang]);
		else
			FUZZ_CHECK(r.weakness_index == -1);
		if (r.verdict == SCORE_MISS_LOW)
			FUZZ_CHECK(r.score < cat.miss_threshold[r.lang]);
		/* Two everyday words (version 9) miss a phrasing that hits otherwise. */
		if (r.verdict == SCORE_MISS_EVERYDAY)
			FUZZ_CHECK(r.score >= r.threshold && r.nearest_index >= 0);
		/* Words not said firmly (version 10) miss a phrasing that hits
		 * otherwise, of two words or more, and only with the rule on. */
		if (r.verdict == SCORE_MISS_FIRM)
			FUZZ_CHECK(r.score >= r.threshold && r.nearest_index >= 0 &&
				   (cat.rules & SCORE_RULE_FIRM) &&
				   cat.weaknesses[r.nearest_index].phrasings[r.phrasing_index].nwords >= 2);
		/* A one-word miss matched one word of its phrasing; a hit, through
		 * whichever phrasing of its weakness (version 11 may take another
		 * than the likeliest), two words or three quarters of it. */
		if (r.verdict == SCORE_MISS_SHORT)
			FUZZ_CHECK(r.matched < 2 && r.score < SCORE_ONE_WORD_RECALL);
		if (r.verdict == SCORE_HIT)
			FUZZ_CHECK(r.score >= r.threshold &&
				   (r.matched >= 2 || r.score >= SCORE_ONE_WORD_RECALL ||
				    cat.weaknesses[r.nearest_index].phrasings[r.phrasing_index].nwords < 2));
		if (r.verdict == SCORE_MISS_NOTHING)
			FUZZ_CHECK(r.score == 0.0 && r.power == 1);
		if (r.verdict == SCORE_MISS_SHARED || r.verdict == SCORE_MISS_TWO ||
		    r.verdict == SCORE_MISS_CLOSE || r.verdict == SCORE_MISS_GUESS)
			FUZZ_CHECK(r.other_index >= 0 && r.other_index < (int)cat.nweaknesses &&
				   r.other_index != r.nearest_index && r.score >= r.threshold);
		else
			FUZZ_CHECK(r.other_index == -1);
		if (r.verdict == SCORE_MISS_TWO)
			FUZZ_CHECK(r.runner_up_index == r.other_index &&
				   r.runner_up_score >= SCORE_SECOND_NAMED);
		/* A guess is the runner-up's, or (version 26) another close
		 * reading's. */
		if (r.verdict == SCORE_MISS_GUESS)
			FUZZ_CHECK(r.runner_up_index == r.other_index
					   ? r.runner_up_score >= cat.chance[r.lang]
					   : (cat.rules & SCORE_RULE_THIRD) != 0);
		if (r.verdict == SCORE_MISS_CLOSE)
			FUZZ_CHECK(r.runner_up_index == r.other_index &&
				   r.score - r.runner_up_score < SCORE_CLOSE_MARGIN);
		FUZZ_CHECK(r.runner_up_index == -1 ||
			   (r.runner_up_index >= 0 && r.runner_up_index < (int)cat.nweaknesses &&
			    r.runner_up_index != r.nearest_index));
		FUZZ_CHECK(r.runner_up_score <= r.score);
		/* The subject's words alone (version 13) miss a phrasing that hits
		 * otherwise, and only with the rule on. */
		if (r.verdict == SCORE_MISS_SUBJECT)
			FUZZ_CHECK(r.score >= r.threshold && r.nearest_index >= 0 &&
				   (cat.rules & SCORE_RULE_SUBJECT) && r.power <= SCORE_MISS_POWER_MAX);
		/* It only takes hits away: a hit with the rule is the same hit
		 * without it. */
		if (r.verdict == SCORE_HIT && (cat.rules & SCORE_RULE_SUBJECT)) {
			struct score_result without = scored_without(critique, SCORE_RULE_SUBJECT);

			FUZZ_CHECK(same_hit(&without, &r));
		}
		/* A fault said without its weakness's subject (version 15) misses
		 * a phrasing that hits otherwise, only with the rule on, and the
		 * rule only takes hits away. */
		if (r.verdict == SCORE_MISS_THING)
			FUZZ_CHECK(r.score >= r.threshold && r.nearest_index >= 0 &&
				   (cat.rules & SCORE_RULE_THING) && r.power <= SCORE_MISS_POWER_MAX);
		if (r.verdict == SCORE_HIT && (cat.rules & SCORE_RULE_THING)) {
			struct score_result without = scored_without(critique, SCORE_RULE_THING);

			FUZZ_CHECK(same_hit(&without, &r));
		}
		/* A runner-up whose fault is not said (version 16) only gives
		 * hits: a hit without the rule is the same hit with it, and a
		 * hit only with it had a runner-up that it found no rival. */
		if (cat.rules & SCORE_RULE_RIVAL) {
			struct score_result without = scored_without(critique, SCORE_RULE_RIVAL);

			rival_hit = without.verdict == SCORE_HIT;
			if (without.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&r, &without));
			if (r.verdict == SCORE_HIT && without.verdict != SCORE_HIT)
				FUZZ_CHECK(r.runner_up_index >= 0 && !r.runner_up_rival &&
					   (without.verdict == SCORE_MISS_TWO ||
					    without.verdict == SCORE_MISS_CLOSE ||
					    without.verdict == SCORE_MISS_GUESS));
		}
		/* A runner-up tying the hit (version 17) only takes hits away:
		 * a hit with the rule is the same hit without it, and a hit lost
		 * to it was one whose runner-up tied it below SCORE_SECOND_NAMED
		 * and now makes it a guess. */
		if (cat.rules & SCORE_RULE_NEAR) {
			struct score_result without = scored_without(critique, SCORE_RULE_NEAR);

			if (r.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&without, &r));
			if (without.verdict == SCORE_HIT && r.verdict != SCORE_HIT)
				FUZZ_CHECK(r.runner_up_rival && !without.runner_up_rival &&
					   r.score - r.runner_up_score < SCORE_RIVAL_TIE &&
					   r.score < SCORE_SECOND_NAMED &&
					   (r.verdict == SCORE_MISS_TWO ||
					    r.verdict == SCORE_MISS_CLOSE ||
					    r.verdict == SCORE_MISS_GUESS));
		}
		/* A hit saying a word few weaknesses use (version 20) only
		 * takes hits away, and calls what it takes everyday prose. */
		if (cat.rules & SCORE_RULE_TELLING) {
			struct score_result without = scored_without(critique, SCORE_RULE_TELLING);

			if (r.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&without, &r));
			if (without.verdict == SCORE_HIT && r.verdict != SCORE_HIT)
				FUZZ_CHECK(r.verdict == SCORE_MISS_EVERYDAY &&
					   r.power <= SCORE_MISS_POWER_MAX);
		}
		/* A runner-up that says nothing the hit does not (version 20)
		 * only gives hits: a hit without the rule is the same hit with
		 * it, and a hit only with it was two weaknesses named without,
		 * its runner-up named strongly and no rival now. */
		if (cat.rules & SCORE_RULE_CASE) {
			struct score_result without = scored_without(critique, SCORE_RULE_CASE);

			if (without.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&r, &without));
			if (r.verdict == SCORE_HIT && without.verdict != SCORE_HIT)
				FUZZ_CHECK(!r.runner_up_rival && r.runner_up_score >= SCORE_SECOND_NAMED &&
					   (without.verdict == SCORE_MISS_TWO ||
					    without.verdict == SCORE_MISS_GUESS));
		}
		/* A runner-up of which only a part is said (version 22) only
		 * gives hits: a hit without the rule is the same hit with it,
		 * and a hit only with it was a miss without it for two
		 * weaknesses named, a guess or words shared, its runner-up
		 * named as strongly and now a part of it. */
		if (cat.rules & SCORE_RULE_OWN) {
			struct score_result without = scored_without(critique, SCORE_RULE_OWN);

			FUZZ_CHECK(!without.runner_up_part);
			if (without.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&r, &without));
			if (r.verdict == SCORE_HIT && without.verdict != SCORE_HIT)
				FUZZ_CHECK(r.runner_up_part && r.runner_up_score >= SCORE_SECOND_NAMED &&
					   (without.verdict == SCORE_MISS_TWO ||
					    without.verdict == SCORE_MISS_CLOSE ||
					    without.verdict == SCORE_MISS_GUESS ||
					    without.verdict == SCORE_MISS_SHARED));
		}
		/* Own words deciding from SCORE_OWN_NAMED (version 27) only give
		 * hits: a hit without the rule is the same hit with it, and a
		 * hit only with it was two readings close or a guess without
		 * it, its runner-up now a part of it. */
		if (cat.rules & SCORE_RULE_OWN_NEARER) {
			struct score_result without = scored_without(critique, SCORE_RULE_OWN_NEARER);

			if (without.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&r, &without));
			if (r.verdict == SCORE_HIT && without.verdict != SCORE_HIT)
				FUZZ_CHECK(r.runner_up_score >= SCORE_OWN_NAMED &&
					   (without.verdict == SCORE_MISS_CLOSE ||
					    without.verdict == SCORE_MISS_GUESS ||
					    without.verdict == SCORE_MISS_SHARED ||
					    without.verdict == SCORE_MISS_TWO));
		}
		/* Praise read of its clause (version 24), and a weakness said
		 * beside its praise (version 25), only give hits: a hit without
		 * either rule is the same hit with it, and a hit only with it
		 * was a miss as praise without it. */
		for (int k = 0; k < 2; k++) {
			unsigned long long rule = k ? SCORE_RULE_BESIDES : SCORE_RULE_PRAISED;
			struct score_result without;

			if (!(cat.rules & rule))
				continue;
			without = scored_without(critique, rule);
			if (without.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&r, &without));
			if (r.verdict == SCORE_HIT && without.verdict != SCORE_HIT)
				FUZZ_CHECK(without.verdict == SCORE_MISS_PRAISE);
		}
		/* A third reading close to the hit (version 26) only takes hits
		 * away, and calls what it takes a guess. */
		if (cat.rules & SCORE_RULE_THIRD) {
			struct score_result without = scored_without(critique, SCORE_RULE_THIRD);

			if (r.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&without, &r));
			if (without.verdict == SCORE_HIT && r.verdict != SCORE_HIT)
				FUZZ_CHECK(r.verdict == SCORE_MISS_GUESS && r.power <= SCORE_MISS_POWER_MAX &&
					   r.other_index != r.runner_up_index);
		}
		/* A remark on a name (version 28) only takes hits away, and
		 * calls what it takes a remark on a name, weakly thrown. */
		if (r.verdict == SCORE_MISS_NAME)
			FUZZ_CHECK((cat.rules & SCORE_RULE_NAMING) && r.weakness_index == -1 &&
				   r.power <= SCORE_MISS_POWER_MAX);
		if (cat.rules & SCORE_RULE_NAMING) {
			struct score_result without = scored_without(critique, SCORE_RULE_NAMING);

			if (r.verdict == SCORE_HIT)
				FUZZ_CHECK(same_hit(&without, &r));
			if (without.verdict == SCORE_HIT && r.verdict != SCORE_HIT)
				FUZZ_CHECK(r.verdict == SCORE_MISS_NAME);
		}
		/* The game's own nouns (version 12) only take hits away: a hit
		 * with the rule is the same hit without it. (Without them a
		 * runner-up's fault may be said through a game's noun, so the
		 * hit compared is one that version 16's rule did not give.) */
		if (r.verdict == SCORE_HIT && (cat.rules & SCORE_RULE_GAME) && rival_hit) {
			struct score_result without =
				scored_without(critique, SCORE_RULE_GAME | SCORE_RULE_RIVAL);

			FUZZ_CHECK(same_hit(&without, &r));
		}
	} else {
		FUZZ_CHECK(rc == -1);
	}
	free(critique);
	return 0;
}
