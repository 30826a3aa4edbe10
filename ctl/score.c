/* score.c — "masakarictl score TEXT": scores a critique against the weakness
 * catalog in the database, as a throw would, and says what it hit and why. */
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "db.h"
#include "score.h"
#include "utf8.h"

static const char *verdict_text(enum score_verdict v)
{
	switch (v) {
	case SCORE_HIT: return "hit";
	case SCORE_MISS_LOW: return "below the threshold";
	case SCORE_MISS_SHORT: return "only one word of the phrasing";
	case SCORE_MISS_NOTHING: return "no content word to compare";
	case SCORE_MISS_SHARED: return "its words say another weakness as well";
	case SCORE_MISS_TWO: return "it names two weaknesses";
	case SCORE_MISS_CLOSE: return "another weakness scores nearly as much";
	case SCORE_MISS_GUESS: return "what only another weakness says outweighs what only it says";
	case SCORE_MISS_PRAISE: return "it praises, and says nothing is missing";
	case SCORE_MISS_EVERYDAY: return "all it says of the weakness is everyday words";
	case SCORE_MISS_FIRM: return "it says only one word of the phrasing firmly";
	case SCORE_MISS_SUBJECT: return "it says what the weakness is about, not what is wrong";
	case SCORE_MISS_THING: return "it says a fault, not of what the weakness is about";
	case SCORE_MISS_NAME: return "it faults a name, and says the weakness nowhere else";
	}
	return "";
}

static void print_word(const uint32_t *w, size_t n)
{
	char buf[4];

	for (size_t i = 0; i < n; i++)
		fwrite(buf, 1, (size_t)utf8_encode(w[i], buf), stdout);
}

/* The words that name what weakness w is about (weakness_subject_words),
 * separated by commas. */
static void print_subjects(const struct score_catalog *cat, const struct score_weakness *w)
{
	for (size_t k = 0; k < w->nsubjects; k++) {
		const struct score_word *word = &cat->vocab[w->subjects[k]];

		printf("%s", k ? ", " : "");
		print_word(word->text, word->len);
	}
}

/* The score, the verdict and the power, then how they came about. */
static void explain(const struct score_catalog *cat, const struct score_explanation *e)
{
	const struct score_result *r = &e->result;
	const struct score_weakness *w = r->weakness_index >= 0 ? &cat->weaknesses[r->weakness_index]
							       : NULL;
	const struct score_weakness *near = r->nearest_index >= 0 ? &cat->weaknesses[r->nearest_index]
								 : NULL;

	printf("score    %.6f\n", r->score);
	if (w)
		printf("weakness %s (%s)\n", w->slug, w->title_en);
	else
		printf("weakness none: missed (%s%s%s, %s threshold %.2f)\n", verdict_text(r->verdict),
		       near ? "; nearest " : "", near ? near->slug : "", score_lang_name(r->lang),
		       r->threshold);
	printf("power    %d\n", r->power);
	printf("version  %d\n", r->version);
	if (r->verdict != SCORE_HIT && (cat->rules & SCORE_RULE_WEAK_MISSES))
		printf("chance   %.2f subtracted (%s): a miss's power = ceil(%d x (%.6f - %.2f) / "
		       "(%.2f - %.2f)), 1..%d\n",
		       r->chance, score_lang_name(r->lang), SCORE_MISS_POWER_MAX,
		       r->score < r->threshold ? r->score : r->threshold, r->chance, r->threshold,
		       r->chance, SCORE_MISS_POWER_MAX);
	else if (cat->rules & SCORE_RULE_HIT_POWER)
		printf("threshold %.2f (%s): a hit's power = %d + ceil(%d x (%.6f - %.2f) / "
		       "(1 - %.2f)), %d..100\n",
		       r->threshold, score_lang_name(r->lang), SCORE_HIT_POWER_MIN,
		       100 - SCORE_HIT_POWER_MIN, r->score, r->threshold, r->threshold,
		       SCORE_HIT_POWER_MIN);
	else
		printf("chance   %.2f subtracted (%s): power = ceil(100 x (%.6f - %.2f) / (1 - %.2f)), "
		       "1..100\n",
		       r->chance, score_lang_name(r->lang), r->score, r->chance, r->chance);
	printf("words    %zu in the critique, %zu like no catalog word\n", e->critique_words,
	       e->unknown_words);
	/* Version 14: what was left out as markup's code, and why. */
	if (e->code_words > 0 && (cat->rules & SCORE_RULE_CODE))
		printf("code     %zu written as markup's code (an attribute's name before =\", a CSS "
		       "selector's .class or #id) left out: they name that code, not what the "
		       "words say in prose; a file name is alike only to file names\n",
		       e->code_words);
	if (!near) {
		printf("why      nothing in the critique can be compared\n");
		return;
	}
	printf("phrasing \"%s\" (%s; recall %.3f, precision %.3f)\n",
	       near->phrasings[r->phrasing_index].utf8,
	       score_lang_name(near->phrasings[r->phrasing_index].lang), r->recall, r->precision);
	for (size_t i = 0; i < e->nmatches; i++) {
		const struct score_match *m = &e->matches[i];

		printf("  ");
		print_word(m->word->text, m->word->len);
		printf(" (weight %.2f): ", m->word->idf);
		if (m->critique_len) {
			printf("matched by \"");
			print_word(m->critique_word, m->critique_len);
			printf("\", likeness %.3f\n", m->likeness);
		} else {
			printf("not in the critique\n");
		}
	}
	/* Version 16: a runner-up that would have made a guess, and did not. */
	if (r->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_RIVAL) && r->runner_up_index >= 0 &&
	    !r->runner_up_rival)
		printf("rival    %s scores %.6f, but the critique says no fault of it (only words "
		       "that name what it is about, or its fault without its subject): it is no "
		       "competing reading and makes no guess (version 16)\n",
		       cat->weaknesses[r->runner_up_index].slug, r->runner_up_score);
	/* Version 22: a runner-up named as strongly, a part of the hit. */
	if (r->verdict == SCORE_HIT && r->runner_up_part)
		printf("part     %s scores %.6f, but what the critique says only of %s outweighs "
		       "what it says only of %s %.1f times or more: it is a part of the hit, not "
		       "a second weakness named (version 22)\n",
		       cat->weaknesses[r->runner_up_index].slug, r->runner_up_score, w->slug,
		       cat->weaknesses[r->runner_up_index].slug, SCORE_OWN_RATIO);
	/* Version 17: a runner-up tying a hit not named strongly is a rival
	 * whatever is said. */
	if (r->verdict != SCORE_HIT && (cat->rules & SCORE_RULE_NEAR) && r->runner_up_index >= 0 &&
	    r->runner_up_rival && r->score - r->runner_up_score < SCORE_RIVAL_TIE &&
	    r->score < SCORE_SECOND_NAMED)
		printf("tie      %s scores %.6f, as high as the nearest, which is named less than "
		       "%.2f: which of the two is meant is the catalog's order, so it is a competing "
		       "reading however little of its fault is said (version 17)\n",
		       cat->weaknesses[r->runner_up_index].slug, r->runner_up_score,
		       SCORE_SECOND_NAMED);
	if (r->verdict == SCORE_MISS_LOW)
		printf("why      %.6f is below the %s threshold %.2f: too little of any phrasing is "
		       "said\n", r->score, score_lang_name(r->lang), r->threshold);
	else if (r->verdict == SCORE_MISS_SHORT)
		printf("why      only one word of the phrasing matched: one word does not name a "
		       "weakness\n");
	else if (r->verdict == SCORE_MISS_SHARED)
		printf("why      every word it matched is a word of %s too: nothing tells the two "
		       "apart\n", cat->weaknesses[r->other_index].slug);
	else if (r->verdict == SCORE_MISS_TWO)
		printf("why      it names %s as well (%.6f): two weaknesses at once credit "
		       "neither\n", cat->weaknesses[r->other_index].slug, r->runner_up_score);
	else if (r->verdict == SCORE_MISS_CLOSE)
		printf("why      %s scores %.6f, within %.2f of it: which one it means would be a "
		       "guess\n", cat->weaknesses[r->other_index].slug, r->runner_up_score,
		       SCORE_CLOSE_MARGIN);
	else if (r->verdict == SCORE_MISS_GUESS)
		printf("why      the words only %s says weigh %.1f times or more those only it says: "
		       "which one it means would be a guess\n", cat->weaknesses[r->other_index].slug,
		       SCORE_EVIDENCE_RATIO);
	else if (r->verdict == SCORE_MISS_PRAISE)
		printf("why      it praises (nice, lovely, 良い…) and says nothing of the weakness "
		       "missing: praise is no critique\n");
	else if (r->verdict == SCORE_MISS_NAME)
		printf("why      it speaks of a name (rename, naming, the name says, 命名, "
		       "キー名…) where it says the weakness, and says it nowhere else: a remark "
		       "on a name is no critique of the thing named\n");
	else if (r->verdict == SCORE_MISS_EVERYDAY)
		printf("why      the words it says of the weakness are fewer than %d and all of "
		       "everyday prose (log, line, page…): they name no weakness by themselves\n",
		       SCORE_EVERYDAY_MIN);
	else if (r->verdict == SCORE_MISS_FIRM)
		printf("why      of the phrasing it says one word firmly: the rest is a near-spelling "
		       "of another word (under %.2f alike) or no, without, ない, which say nothing "
		       "of what is missing, or the game's own nouns (throw, masakari, page, "
		       "まさかり, ページ), which every critique of the site says\n",
		       SCORE_FIRM_LIKENESS);
	else if (r->verdict == SCORE_MISS_SUBJECT) {
		printf("why      of %s it says only words that name what it is about (", near->slug);
		print_subjects(cat, near);
		printf("), not what is wrong with it: a remark about something else that uses "
		       "its subject's words names no fault\n");
	} else if (r->verdict == SCORE_MISS_THING) {
		printf("why      the phrasings of %s it says name what it is about (", near->slug);
		print_subjects(cat, near);
		printf(") and it names none of them: the fault it says is something else's "
		       "(version 15)\n");
	}
}

int ctl_score(const struct settings *settings, int argc, char **argv)
{
	struct score_catalog cat;
	static struct score_explanation e;
	db_t *db;
	int rc = 1, src;

	if (argc != 1) {
		fprintf(stderr, "usage: masakarictl score TEXT\n");
		return 2;
	}
	db = db_new(settings);
	if (!db)
		return 1;
	score_catalog_init(&cat);
	score_catalog_configure(&cat, settings);
	if (db_connect(db) != 0) {
		fprintf(stderr, "masakarictl score: cannot connect to the database: %s\n",
			db_error(db));
	} else if (score_catalog_load(&cat, db) != 0) {
		fprintf(stderr, "masakarictl score: cannot load the weakness catalog\n");
	} else if ((src = score_explain(&cat, argv[0], &e)) == -2) {
		fprintf(stderr, "masakarictl score: MeCab cannot start (see the log above); "
				"masakarictl doctor says more\n");
	} else if (src != 0) {
		fprintf(stderr, "masakarictl score: the critique must be valid UTF-8 and at most "
				"%d characters after normalisation\n", SCORE_MAX_TEXT);
	} else {
		explain(&cat, &e);
		rc = 0;
	}
	score_catalog_free(&cat);
	db_free(db);
	return rc;
}
