/* score.c — the weakness catalog in memory, and the weakness a critique hits. */
#include "score.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "log.h"
#include "normalize.h"

void score_catalog_init(struct score_catalog *cat)
{
	memset(cat, 0, sizeof(*cat));
	cat->miss_threshold = SCORE_MISS_THRESHOLD_DEFAULT;
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

int score_catalog_add(struct score_catalog *cat, long long weakness_id, const char *phrasing)
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
	uint32_t text[SCORE_MAX_TEXT];
	long n = normalize_critique(critique, text, SCORE_MAX_TEXT);
	double best = 0.0;
	int best_index = -1;

	if (n < 0)
		return -1;
	/* Every phrasing is tried: the first good-enough one is not necessarily
	 * the best. Only a perfect score cannot be beaten, so only it stops early. */
	for (size_t i = 0; i < cat->nweaknesses && best < 1.0; i++) {
		const struct score_weakness *w = &cat->weaknesses[i];

		for (size_t k = 0; k < w->nphrasings && best < 1.0; k++) {
			double s = jw_similarity(text, (size_t)n, w->phrasings[k].text,
						 w->phrasings[k].len);

			/* Strictly greater: on a tie the earlier phrasing keeps the hit. */
			if (s > best) {
				best = s;
				best_index = (int)i;
			}
		}
	}
	out->score = best;
	out->weakness_index = (best_index >= 0 && best >= cat->miss_threshold) ? best_index : -1;
	out->power = score_power(best);
	return 0;
}

void score_catalog_free(struct score_catalog *cat)
{
	double threshold = cat->miss_threshold;

	for (size_t i = 0; i < cat->nweaknesses; i++)
		weakness_free(&cat->weaknesses[i]);
	free(cat->weaknesses);
	score_catalog_init(cat);
	cat->miss_threshold = threshold;
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
		int rc = score_catalog_add(fresh, db_cell_int(phrasings, row, 0, 0), text ? text : "");

		if (rc == -1) {
			log_error("weakness catalog: out of memory");
			return -1;
		}
		if (rc == -2)
			log_warn("weakness phrasing %lld skipped: empty after normalisation, "
				 "too long or not UTF-8", db_cell_int(phrasings, row, 1, 0));
	}
	return 0;
}

int score_catalog_load(struct score_catalog *cat, db_t *db)
{
	struct score_catalog fresh;
	db_result *weaknesses, *phrasings = NULL;
	int rc = -1;

	score_catalog_init(&fresh);
	fresh.miss_threshold = cat->miss_threshold;
	weaknesses = db_query(db, "SELECT id, slug, title_ja, title_en FROM weaknesses ORDER BY id",
			      "");
	if (weaknesses)
		phrasings = db_query(db, "SELECT weakness_id, id, text FROM weakness_phrasings "
					 "ORDER BY weakness_id, id", "");
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
