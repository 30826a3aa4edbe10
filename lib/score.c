/* score.c — the weakness catalog in memory, and the weakness a critique hits. */
#include "score.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "jw.h"
#include "log.h"
#include "normalize.h"

/* A critique that fits SCORE_MAX_TEXT can always be prepared. */
_Static_assert(SCORE_MAX_TEXT <= JW_PREPARED_MAX, "critiques must fit jw_prepare");

void score_catalog_init(struct score_catalog *cat)
{
	memset(cat, 0, sizeof(*cat));
	cat->miss_threshold[SCORE_LANG_JA] = SCORE_MISS_THRESHOLD_JA_DEFAULT;
	cat->miss_threshold[SCORE_LANG_EN] = SCORE_MISS_THRESHOLD_EN_DEFAULT;
	cat->min_length_ratio = SCORE_MIN_LENGTH_RATIO_DEFAULT;
}

/* The miss rule, kept across a free or a reload. */
struct miss_rule {
	double threshold[SCORE_LANGS];
	double min_length_ratio;
};

static struct miss_rule miss_rule_of(const struct score_catalog *cat)
{
	struct miss_rule rule;

	memcpy(rule.threshold, cat->miss_threshold, sizeof(rule.threshold));
	rule.min_length_ratio = cat->min_length_ratio;
	return rule;
}

static void miss_rule_set(struct score_catalog *cat, const struct miss_rule *rule)
{
	memcpy(cat->miss_threshold, rule->threshold, sizeof(rule->threshold));
	cat->min_length_ratio = rule->min_length_ratio;
}

void score_catalog_configure(struct score_catalog *cat, HDF *config)
{
	cat->miss_threshold[SCORE_LANG_JA] =
		config_double(config, "Masakari.MissThreshold.ja", SCORE_MISS_THRESHOLD_JA_DEFAULT, 0, 1);
	cat->miss_threshold[SCORE_LANG_EN] =
		config_double(config, "Masakari.MissThreshold.en", SCORE_MISS_THRESHOLD_EN_DEFAULT, 0, 1);
	cat->min_length_ratio = config_double(config, "Masakari.MinLengthRatio",
					      SCORE_MIN_LENGTH_RATIO_DEFAULT, 0, 1);
}

int score_lang_parse(const char *name)
{
	if (name && strcmp(name, "ja") == 0)
		return SCORE_LANG_JA;
	if (name && strcmp(name, "en") == 0)
		return SCORE_LANG_EN;
	return -1;
}

const char *score_lang_name(enum score_lang lang)
{
	return lang == SCORE_LANG_EN ? "en" : "ja";
}

static struct score_weakness *weakness_by_id(const struct score_catalog *cat, long long id)
{
	for (size_t i = 0; i < cat->nweaknesses; i++)
		if (cat->weaknesses[i].id == id)
			return &cat->weaknesses[i];
	return NULL;
}

static void weakness_free(struct score_weakness *w)
{
	for (size_t i = 0; i < w->nphrasings; i++)
		free(w->phrasings[i].text);
	free(w->phrasings);
	free(w->slug);
	free(w->title_ja);
	free(w->title_en);
}

int score_catalog_add_weakness(struct score_catalog *cat, long long id, const char *slug,
			       const char *title_ja, const char *title_en)
{
	struct score_weakness w = { .id = id };

	/* weakness_index is an int in results. */
	if (weakness_by_id(cat, id) || cat->nweaknesses >= (size_t)INT_MAX)
		return -1;
	if (cat->nweaknesses == cat->weaknesses_cap) {
		size_t cap = cat->weaknesses_cap ? 2 * cat->weaknesses_cap : 32;
		struct score_weakness *grown = realloc(cat->weaknesses, cap * sizeof(*grown));

		if (!grown)
			return -1;
		cat->weaknesses = grown;
		cat->weaknesses_cap = cap;
	}
	w.slug = strdup(slug);
	w.title_ja = strdup(title_ja);
	w.title_en = strdup(title_en);
	if (!w.slug || !w.title_ja || !w.title_en) {
		weakness_free(&w);
		return -1;
	}
	cat->weaknesses[cat->nweaknesses] = w;
	return (int)cat->nweaknesses++;
}

int score_catalog_add(struct score_catalog *cat, long long weakness_id, enum score_lang lang,
		      const char *phrasing)
{
	struct score_weakness *w = weakness_by_id(cat, weakness_id);
	uint32_t text[SCORE_MAX_TEXT];
	uint32_t *copy;
	long n;

	if (!w)
		return -2;
	n = normalize_critique(phrasing, text, SCORE_MAX_TEXT);
	if (n <= 0)
		return -2;
	if (w->nphrasings == w->phrasings_cap) {
		size_t cap = w->phrasings_cap ? 2 * w->phrasings_cap : 8;
		struct score_phrasing *grown = realloc(w->phrasings, cap * sizeof(*grown));

		if (!grown)
			return -1;
		w->phrasings = grown;
		w->phrasings_cap = cap;
	}
	copy = malloc((size_t)n * sizeof(*copy));
	if (!copy)
		return -1;
	memcpy(copy, text, (size_t)n * sizeof(*copy));
	w->phrasings[w->nphrasings].text = copy;
	w->phrasings[w->nphrasings].len = (size_t)n;
	w->phrasings[w->nphrasings].lang = lang;
	w->nphrasings++;
	return 0;
}

int score_power(double score)
{
	/* The tolerance keeps a score that is a round number in decimal, such as
	 * 0.84 (0.84000000000000008 in binary), at 84 rather than 85. */
	double power = ceil(100.0 * score - 1e-9);

	if (!(power >= 1.0))
		return 1;
	if (power > 100.0)
		return 100;
	return (int)power;
}

int score_critique(const struct score_catalog *cat, const char *critique,
		   struct score_result *out)
{
	struct jw_prepared prepared;
	uint32_t text[SCORE_MAX_TEXT];
	long n = normalize_critique(critique, text, SCORE_MAX_TEXT);
	const struct score_phrasing *best_phrasing = NULL;
	double best = 0.0;
	int best_index = -1;

	if (n < 0 || jw_prepare(&prepared, text, (size_t)n) != 0)
		return -1;
	/* Every phrasing is tried: the first good-enough one is not necessarily
	 * the best. Only a perfect score cannot be beaten, so only it stops early. */
	for (size_t i = 0; i < cat->nweaknesses && best < 1.0; i++) {
		const struct score_weakness *w = &cat->weaknesses[i];

		for (size_t k = 0; k < w->nphrasings && best < 1.0; k++) {
			/* Only a score above the best so far matters, so a phrasing
			 * that cannot reach it is not matched at all. */
			double s = jw_similarity_prepared_over(&prepared, w->phrasings[k].text,
							       w->phrasings[k].len, best);

			/* Strictly greater: on a tie the earlier phrasing keeps the hit. */
			if (s > best) {
				best = s;
				best_index = (int)i;
				best_phrasing = &w->phrasings[k];
			}
		}
	}
	out->score = best;
	out->nearest_index = best_index;
	out->lang = best_phrasing ? best_phrasing->lang : SCORE_LANG_JA;
	out->power = score_power(best);
	if (!best_phrasing)
		out->verdict = SCORE_MISS_NOTHING;
	else if (best < cat->miss_threshold[best_phrasing->lang])
		out->verdict = SCORE_MISS_LOW;
	else if ((double)n < cat->min_length_ratio * (double)best_phrasing->len)
		out->verdict = SCORE_MISS_SHORT;
	else
		out->verdict = SCORE_HIT;
	out->weakness_index = out->verdict == SCORE_HIT ? best_index : -1;
	return 0;
}

void score_catalog_free(struct score_catalog *cat)
{
	struct miss_rule rule = miss_rule_of(cat);

	for (size_t i = 0; i < cat->nweaknesses; i++)
		weakness_free(&cat->weaknesses[i]);
	free(cat->weaknesses);
	score_catalog_init(cat);
	miss_rule_set(cat, &rule);
}

/* Fills fresh from the two result sets; 0, or -1 (logged) when out of memory. */
static int catalog_fill(struct score_catalog *fresh, const db_result *weaknesses,
			const db_result *phrasings)
{
	for (unsigned row = 0; row < weaknesses->nrows; row++) {
		const char *slug = db_cell(weaknesses, row, 1);
		const char *title_ja = db_cell(weaknesses, row, 2);
		const char *title_en = db_cell(weaknesses, row, 3);

		if (score_catalog_add_weakness(fresh, db_cell_int(weaknesses, row, 0, 0),
					       slug ? slug : "", title_ja ? title_ja : "",
					       title_en ? title_en : "") < 0) {
			log_error("weakness catalog: cannot add weakness %s: out of memory",
				  slug ? slug : "");
			return -1;
		}
	}
	for (unsigned row = 0; row < phrasings->nrows; row++) {
		const char *text = db_cell(phrasings, row, 2);
		int lang = score_lang_parse(db_cell(phrasings, row, 3));
		int rc = lang < 0 ? -2
				  : score_catalog_add(fresh, db_cell_int(phrasings, row, 0, 0),
						      (enum score_lang)lang, text ? text : "");

		if (rc == -1) {
			log_error("weakness catalog: out of memory");
			return -1;
		}
		if (rc == -2)
			log_warn("weakness phrasing %lld skipped: unknown language, empty after "
				 "normalisation, too long or not UTF-8", db_cell_int(phrasings, row, 1, 0));
	}
	return 0;
}

int score_catalog_load(struct score_catalog *cat, db_t *db)
{
	struct miss_rule rule = miss_rule_of(cat);
	struct score_catalog fresh;
	db_result *weaknesses, *phrasings = NULL;
	int rc = -1;

	score_catalog_init(&fresh);
	miss_rule_set(&fresh, &rule);
	weaknesses = db_query(db, "SELECT id, slug, title_ja, title_en FROM weaknesses ORDER BY id");
	if (weaknesses)
		phrasings = db_query(db, "SELECT weakness_id, id, text, lang FROM weakness_phrasings "
					 "ORDER BY weakness_id, id");
	if (!weaknesses || !phrasings)
		log_error("weakness catalog: %s", db_error(db));
	else
		rc = catalog_fill(&fresh, weaknesses, phrasings);
	db_result_free(weaknesses);
	db_result_free(phrasings);
	if (rc != 0) {
		score_catalog_free(&fresh);
		return -1;
	}
	score_catalog_free(cat);
	*cat = fresh;
	return 0;
}
