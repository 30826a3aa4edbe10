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
	cat->chance[SCORE_LANG_JA] = SCORE_CHANCE_JA_DEFAULT;
	cat->chance[SCORE_LANG_EN] = SCORE_CHANCE_EN_DEFAULT;
	cat->word_threshold = SCORE_WORD_THRESHOLD_DEFAULT;
	cat->unknown_weight = SCORE_UNKNOWN_WEIGHT_DEFAULT;
	cat->use_idf = 1;
	cat->combine = SCORE_COMBINE_RECALL;
	cat->v1_miss_threshold[SCORE_LANG_JA] = SCORE_V1_MISS_THRESHOLD_JA;
	cat->v1_miss_threshold[SCORE_LANG_EN] = SCORE_V1_MISS_THRESHOLD_EN;
	cat->min_length_ratio = SCORE_V1_MIN_LENGTH_RATIO;
}

/* The parameters, kept across a free or a reload. */
struct score_params {
	double miss_threshold[SCORE_LANGS], chance[SCORE_LANGS], v1_miss_threshold[SCORE_LANGS];
	double word_threshold, unknown_weight, min_length_ratio;
	int use_idf;
	enum score_combine combine;
};

static struct score_params params_of(const struct score_catalog *cat)
{
	struct score_params p;

	memcpy(p.miss_threshold, cat->miss_threshold, sizeof(p.miss_threshold));
	memcpy(p.chance, cat->chance, sizeof(p.chance));
	memcpy(p.v1_miss_threshold, cat->v1_miss_threshold, sizeof(p.v1_miss_threshold));
	p.word_threshold = cat->word_threshold;
	p.unknown_weight = cat->unknown_weight;
	p.min_length_ratio = cat->min_length_ratio;
	p.use_idf = cat->use_idf;
	p.combine = cat->combine;
	return p;
}

static void params_set(struct score_catalog *cat, const struct score_params *p)
{
	memcpy(cat->miss_threshold, p->miss_threshold, sizeof(p->miss_threshold));
	memcpy(cat->chance, p->chance, sizeof(p->chance));
	memcpy(cat->v1_miss_threshold, p->v1_miss_threshold, sizeof(p->v1_miss_threshold));
	cat->word_threshold = p->word_threshold;
	cat->unknown_weight = p->unknown_weight;
	cat->min_length_ratio = p->min_length_ratio;
	cat->use_idf = p->use_idf;
	cat->combine = p->combine;
}

void score_catalog_configure(struct score_catalog *cat, HDF *config)
{
	cat->miss_threshold[SCORE_LANG_JA] = config_double(
		config, "Masakari.MissThreshold.ja", SCORE_MISS_THRESHOLD_JA_DEFAULT, 0, 1);
	cat->miss_threshold[SCORE_LANG_EN] = config_double(
		config, "Masakari.MissThreshold.en", SCORE_MISS_THRESHOLD_EN_DEFAULT, 0, 1);
	/* Below 1, or the power would divide by zero. */
	cat->chance[SCORE_LANG_JA] =
		config_double(config, "Masakari.Chance.ja", SCORE_CHANCE_JA_DEFAULT, 0, 0.99);
	cat->chance[SCORE_LANG_EN] =
		config_double(config, "Masakari.Chance.en", SCORE_CHANCE_EN_DEFAULT, 0, 0.99);
	cat->word_threshold = config_double(config, "Masakari.WordThreshold",
					    SCORE_WORD_THRESHOLD_DEFAULT, 0, 1);
	cat->unknown_weight = config_double(config, "Masakari.UnknownWeight",
					    SCORE_UNKNOWN_WEIGHT_DEFAULT, 0, 10);
	tokenize_set_dictionary(config_str(config, "Masakari.MecabDictionary", NULL));
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
	for (size_t i = 0; i < w->nphrasings; i++) {
		free(w->phrasings[i].text);
		free(w->phrasings[i].utf8);
		free(w->phrasings[i].words);
	}
	free(w->phrasings);
	free(w->slug);
	free(w->title_ja);
	free(w->title_en);
}

/* Every word's weight and every phrasing's total: both change with each
 * weakness and phrasing added, since a word's weight depends on how many
 * weaknesses there are and how many use it. */
static void weights_refresh(struct score_catalog *cat)
{
	double n = (double)cat->nweaknesses;

	for (size_t v = 0; v < cat->nvocab; v++) {
		struct score_word *w = &cat->vocab[v];

		w->idf = !cat->use_idf ? 1.0 : w->df ? log(1.0 + n / (double)w->df) : 0.0;
	}
	for (size_t i = 0; i < cat->nweaknesses; i++)
		for (size_t k = 0; k < cat->weaknesses[i].nphrasings; k++) {
			struct score_phrasing *p = &cat->weaknesses[i].phrasings[k];

			p->weight = 0.0;
			for (size_t j = 0; j < p->nwords; j++)
				p->weight += cat->vocab[p->words[j]].idf;
		}
}

void score_catalog_set_idf(struct score_catalog *cat, int on)
{
	cat->use_idf = on;
	weights_refresh(cat);
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
	cat->nweaknesses++;
	weights_refresh(cat);
	return (int)cat->nweaknesses - 1;
}

/* A bit per character, hashed into 64: two words with no bit in common share
 * no character. */
static uint64_t signature(const uint32_t *t, size_t n)
{
	uint64_t sig = 0;

	for (size_t i = 0; i < n; i++)
		sig |= 1ull << ((t[i] * 2654435761u) >> 26);
	return sig;
}

static size_t word_slot(const uint32_t *t, size_t n, size_t nslots)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ t[i]) * 16777619u;
	return h & (nslots - 1);
}

/* The index of the catalog word t[0..n), or -1. */
static long vocab_find(const struct score_catalog *cat, const uint32_t *t, size_t n)
{
	if (!cat->vocab_nslots)
		return -1;
	for (size_t s = word_slot(t, n, cat->vocab_nslots);; s = (s + 1) & (cat->vocab_nslots - 1)) {
		uint32_t v = cat->vocab_slots[s];

		if (v == 0)
			return -1;
		if (cat->vocab[v - 1].len == n && memcmp(cat->vocab[v - 1].text, t, n * sizeof(*t)) == 0)
			return (long)v - 1;
	}
}

static int vocab_rehash(struct score_catalog *cat, size_t nslots)
{
	uint32_t *slots = calloc(nslots, sizeof(*slots));

	if (!slots)
		return -1;
	free(cat->vocab_slots);
	cat->vocab_slots = slots;
	cat->vocab_nslots = nslots;
	for (size_t v = 0; v < cat->nvocab; v++) {
		size_t s = word_slot(cat->vocab[v].text, cat->vocab[v].len, nslots);

		while (slots[s])
			s = (s + 1) & (nslots - 1);
		slots[s] = (uint32_t)v + 1;
	}
	return 0;
}

/* The index of the catalog word t[0..n), added when new; -1 when out of memory. */
static long vocab_intern(struct score_catalog *cat, const uint32_t *t, size_t n, int latin)
{
	long found = vocab_find(cat, t, n);
	struct score_word *w;

	if (found >= 0)
		return found;
	if (cat->nvocab == cat->vocab_cap) {
		size_t cap = cat->vocab_cap ? 2 * cat->vocab_cap : 256;
		struct score_word *grown = realloc(cat->vocab, cap * sizeof(*grown));

		if (!grown)
			return -1;
		cat->vocab = grown;
		cat->vocab_cap = cap;
	}
	if (2 * (cat->nvocab + 1) > cat->vocab_nslots &&
	    vocab_rehash(cat, cat->vocab_nslots ? 2 * cat->vocab_nslots : 1024) != 0)
		return -1;
	w = &cat->vocab[cat->nvocab];
	memset(w, 0, sizeof(*w));
	w->text = malloc(n * sizeof(*t));
	if (!w->text)
		return -1;
	memcpy(w->text, t, n * sizeof(*t));
	w->len = (uint16_t)n;
	w->latin = (uint8_t)latin;
	w->sig = signature(t, n);
	{
		size_t s = word_slot(t, n, cat->vocab_nslots);

		while (cat->vocab_slots[s])
			s = (s + 1) & (cat->vocab_nslots - 1);
		cat->vocab_slots[s] = (uint32_t)cat->nvocab + 1;
	}
	return (long)cat->nvocab++;
}

static int weakness_has_word(const struct score_weakness *w, uint32_t id)
{
	for (size_t k = 0; k < w->nphrasings; k++)
		for (size_t j = 0; j < w->phrasings[k].nwords; j++)
			if (w->phrasings[k].words[j] == id)
				return 1;
	return 0;
}

int score_catalog_add(struct score_catalog *cat, long long weakness_id, enum score_lang lang,
		      const char *phrasing)
{
	struct score_weakness *w = weakness_by_id(cat, weakness_id);
	static struct tokenize_result words;  /* large: not on the stack */
	uint32_t text[SCORE_MAX_TEXT], ids[TOKENIZE_MAX_WORDS];
	struct score_phrasing *p;
	size_t nids = 0, windex;
	long n;
	int rc;

	if (!w)
		return -2;
	n = normalize_critique(phrasing, text, SCORE_MAX_TEXT);
	if (n <= 0)
		return -2;
	rc = tokenize_words(phrasing, &words);
	if (rc == -2)
		return -3;
	if (rc != 0)
		return -2;
	windex = (size_t)(w - cat->weaknesses) + 1;
	for (size_t i = 0; i < words.nwords; i++) {
		const struct tokenize_word *t = &words.words[i];
		long id = vocab_intern(cat, words.chars + t->start, t->len, t->latin);
		int seen = 0;

		if (id < 0)
			return -1;
		for (size_t k = 0; k < nids; k++)
			seen |= ids[k] == (uint32_t)id;
		if (seen)
			continue;
		ids[nids++] = (uint32_t)id;
		/* Phrasings of one weakness may come at any time (a later
		 * migration adds some): count it once however they come. */
		if (cat->vocab[id].last_weakness != windex && !weakness_has_word(w, (uint32_t)id))
			cat->vocab[id].df++;
		cat->vocab[id].last_weakness = windex;
	}
	if (w->nphrasings == w->phrasings_cap) {
		size_t cap = w->phrasings_cap ? 2 * w->phrasings_cap : 8;
		struct score_phrasing *grown = realloc(w->phrasings, cap * sizeof(*grown));

		if (!grown)
			return -1;
		w->phrasings = grown;
		w->phrasings_cap = cap;
	}
	p = &w->phrasings[w->nphrasings];
	memset(p, 0, sizeof(*p));
	p->text = malloc((size_t)n * sizeof(*text));
	p->utf8 = strdup(phrasing);
	p->words = malloc((nids ? nids : 1) * sizeof(*ids));
	if (!p->text || !p->utf8 || !p->words) {
		free(p->text);
		free(p->utf8);
		free(p->words);
		return -1;
	}
	memcpy(p->text, text, (size_t)n * sizeof(*text));
	memcpy(p->words, ids, nids * sizeof(*ids));
	p->len = (size_t)n;
	p->lang = lang;
	p->nwords = nids;
	w->nphrasings++;
	weights_refresh(cat);
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

int score_power_over_chance(double score, double chance)
{
	if (!(chance >= 0.0 && chance < 1.0))
		return score_power(score);
	return score_power((score - chance) / (1.0 - chance));
}

int score_critique_v1(const struct score_catalog *cat, const char *critique,
		      struct score_result *out)
{
	struct jw_prepared prepared;
	uint32_t text[SCORE_MAX_TEXT];
	long n = normalize_critique(critique, text, SCORE_MAX_TEXT);
	const struct score_phrasing *best_phrasing = NULL;
	double best = 0.0;
	int best_index = -1, best_k = -1;

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
				best_k = (int)k;
				best_phrasing = &w->phrasings[k];
			}
		}
	}
	memset(out, 0, sizeof(*out));
	out->version = 1;
	out->score = best;
	out->nearest_index = best_index;
	out->phrasing_index = best_k;
	out->lang = best_phrasing ? best_phrasing->lang : SCORE_LANG_JA;
	out->power = score_power(best);
	out->threshold = cat->v1_miss_threshold[out->lang];
	if (!best_phrasing)
		out->verdict = SCORE_MISS_NOTHING;
	else if (best < cat->v1_miss_threshold[best_phrasing->lang])
		out->verdict = SCORE_MISS_LOW;
	else if ((double)n < cat->min_length_ratio * (double)best_phrasing->len)
		out->verdict = SCORE_MISS_SHORT;
	else
		out->verdict = SCORE_HIT;
	out->weakness_index = out->verdict == SCORE_HIT ? best_index : -1;
	return 0;
}

/* A critique word alike to a catalog word: one link of the list kept per
 * catalog word. */
struct link {
	uint16_t word;           /* the critique's word */
	float likeness;
	int next;                /* the next link of the same catalog word, or -1 */
};

/* What comparing a critique's words with the whole vocabulary found. */
struct scratch {
	size_t nwords;                       /* distinct content words of the critique */
	const uint32_t *text[SCORE_MAX_WORDS];
	uint16_t len[SCORE_MAX_WORDS];
	double weight[SCORE_MAX_WORDS];      /* as its likest catalog word, or unknown */
	int known[SCORE_MAX_WORDS];
	double weight_sum;
	int *head;                           /* per catalog word: first link, or -1 */
	float *best;                         /* per catalog word: best likeness */
	struct link *links;
	size_t nlinks, links_cap;
};

/* The most Jaro–Winkler can give a critique word (its length na, its
 * signature, and count[k]: how many of its characters hash to bit k) and the
 * catalog word b: no more matches than characters of a whose bit b has, none
 * out of order, and the largest Winkler bonus. Cheap enough to run against
 * every catalog word: it only visits the bits the two have in common. */
static double word_bound(size_t na, uint64_t sig_a, const uint8_t *count,
			 const struct score_word *b)
{
	uint64_t common = sig_a & b->sig;
	size_t m = 0;
	double jaro;

	if (!common)
		return 0.0;
	for (; common; common &= common - 1)
		m += count[__builtin_ctzll(common)];
	if (m > b->len)
		m = b->len;
	jaro = ((double)m / (double)na + (double)m / (double)b->len + 1.0) / 3.0;
	return jaro > 0.7 ? jaro + 0.4 * (1.0 - jaro) : jaro;
}

static int link_add(struct scratch *s, size_t vocab_index, size_t word, double likeness)
{
	if (s->nlinks == s->links_cap) {
		size_t cap = s->links_cap ? 2 * s->links_cap : 256;
		struct link *grown = realloc(s->links, cap * sizeof(*grown));

		if (!grown)
			return -1;
		s->links = grown;
		s->links_cap = cap;
	}
	s->links[s->nlinks] = (struct link){ (uint16_t)word, (float)likeness, s->head[vocab_index] };
	s->head[vocab_index] = (int)s->nlinks++;
	if (likeness > s->best[vocab_index])
		s->best[vocab_index] = (float)likeness;
	return 0;
}

static void scratch_free(struct scratch *s)
{
	free(s->head);
	free(s->best);
	free(s->links);
}

/* Compares each distinct word of the critique with every catalog word of its
 * class. 0, or -1 when out of memory. */
static int scratch_fill(struct scratch *s, const struct score_catalog *cat,
			const struct tokenize_result *words)
{
	memset(s, 0, sizeof(*s));
	s->head = malloc((cat->nvocab ? cat->nvocab : 1) * sizeof(*s->head));
	s->best = calloc(cat->nvocab ? cat->nvocab : 1, sizeof(*s->best));
	if (!s->head || !s->best)
		return -1;
	for (size_t v = 0; v < cat->nvocab; v++)
		s->head[v] = -1;
	for (size_t i = 0; i < words->nwords && s->nwords < SCORE_MAX_WORDS; i++) {
		const struct tokenize_word *t = &words->words[i];
		const uint32_t *text = words->chars + t->start;
		double best = 0.0, weight = 0.0;
		uint8_t count[64] = { 0 };
		uint64_t sig;
		long exact;
		int dup = 0;
		size_t c = s->nwords;

		/* A word said twice says no more than once. */
		for (size_t k = 0; k < s->nwords && !dup; k++)
			dup = s->len[k] == t->len && memcmp(s->text[k], text, t->len * sizeof(*text)) == 0;
		if (dup)
			continue;
		s->text[c] = text;
		s->len[c] = t->len;
		s->nwords++;
		sig = signature(text, t->len);
		for (size_t k = 0; k < t->len; k++)
			count[(text[k] * 2654435761u) >> 26]++;
		exact = vocab_find(cat, text, t->len);
		for (size_t v = 0; v < cat->nvocab; v++) {
			const struct score_word *w = &cat->vocab[v];
			double like;

			if (w->latin != t->latin)
				continue;
			if ((long)v == exact) {
				like = 1.0;
			} else if (t->len < 3 || w->len < 3) {
				/* "c" and "cd" are 0.85 alike by Jaro–Winkler: for so
				 * few letters that is noise, so short words must be equal. */
				continue;
			} else {
				if (word_bound(t->len, sig, count, w) < cat->word_threshold)
					continue;
				like = jw_similarity(text, t->len, w->text, w->len);
				if (like < cat->word_threshold)
					continue;
			}
			if (link_add(s, v, c, like) != 0)
				return -1;
			/* The weight of the likest catalog word; on a tie the rarer. */
			if (like > best || (like == best && w->idf > weight)) {
				best = like;
				weight = w->idf;
			}
		}
		s->known[c] = best > 0.0;
		s->weight[c] = best > 0.0 ? weight : cat->unknown_weight;
		s->weight_sum += s->weight[c];
	}
	return 0;
}

static double combine(enum score_combine how, double recall, double precision)
{
	switch (how) {
	case SCORE_COMBINE_RECALL: return recall;
	case SCORE_COMBINE_MEAN: return (recall + precision) / 2.0;
	case SCORE_COMBINE_LEANING: return pow(recall, 0.75) * pow(precision, 0.25);
	case SCORE_COMBINE_GEOMETRIC: break;
	}
	return sqrt(recall * precision);
}

/* Recall and precision of phrasing p against the critique in s. */
static void phrasing_score(const struct score_catalog *cat, const struct scratch *s,
			   const struct score_phrasing *p, double *recall, double *precision,
			   size_t *matched)
{
	double covered = 0.0, found = 0.0, best_for[SCORE_MAX_WORDS] = { 0 };

	*matched = 0;
	for (size_t j = 0; j < p->nwords; j++) {
		uint32_t v = p->words[j];

		covered += cat->vocab[v].idf * s->best[v];
		*matched += s->best[v] > 0.0f;
		for (int l = s->head[v]; l >= 0; l = s->links[l].next)
			if (s->links[l].likeness > best_for[s->links[l].word])
				best_for[s->links[l].word] = s->links[l].likeness;
	}
	for (size_t c = 0; c < s->nwords; c++)
		found += s->weight[c] * best_for[c];
	*recall = p->weight > 0.0 ? covered / p->weight : 0.0;
	*precision = s->weight_sum > 0.0 ? found / s->weight_sum : 0.0;
}

/* score_critique's work, keeping the comparison in s for score_explain
 * (the caller frees it). */
static int score_with(const struct score_catalog *cat, const char *critique,
		      struct score_result *out, struct scratch *s,
		      struct tokenize_result *words)
{
	double best = 0.0, best_recall = 0.0, best_precision = 0.0;
	int best_index = -1, best_k = -1, rc;
	size_t best_matched = 0, best_nwords = 0;
	enum score_lang lang;

	memset(s, 0, sizeof(*s));
	rc = tokenize_words(critique, words);
	if (rc != 0)
		return rc;
	if (scratch_fill(s, cat, words) != 0) {
		log_error("scoring: out of memory");
		return -1;
	}
	lang = words->japanese ? SCORE_LANG_JA : SCORE_LANG_EN;
	for (size_t i = 0; i < cat->nweaknesses && s->nwords > 0; i++) {
		const struct score_weakness *w = &cat->weaknesses[i];

		for (size_t k = 0; k < w->nphrasings; k++) {
			double recall, precision, sc;
			size_t matched;

			if (w->phrasings[k].nwords == 0)
				continue;
			phrasing_score(cat, s, &w->phrasings[k], &recall, &precision, &matched);
			sc = combine(cat->combine, recall, precision);
			/* Strictly greater: on a tie the earlier phrasing keeps the hit. */
			if (sc > best) {
				best = sc;
				best_index = (int)i;
				best_k = (int)k;
				best_recall = recall;
				best_precision = precision;
				best_matched = matched;
				best_nwords = w->phrasings[k].nwords;
			}
		}
	}
	memset(out, 0, sizeof(*out));
	out->version = SCORE_VERSION;
	out->score = best;
	out->nearest_index = best_index;
	out->phrasing_index = best_k;
	out->lang = lang;
	out->recall = best_recall;
	out->precision = best_precision;
	out->matched = best_matched;
	out->chance = cat->chance[lang];
	out->threshold = cat->miss_threshold[lang];
	out->power = score_power_over_chance(best, cat->chance[lang]);
	if (best_index < 0)
		out->verdict = SCORE_MISS_NOTHING;
	else if (best < cat->miss_threshold[lang])
		out->verdict = SCORE_MISS_LOW;
	/* One word ("sort", "バブル", the first word said five times) has not
	 * named a weakness that takes more words to say. */
	else if (best_matched < 2 && best_nwords >= 2 && best < SCORE_ONE_WORD_RECALL)
		out->verdict = SCORE_MISS_SHORT;
	else
		out->verdict = SCORE_HIT;
	out->weakness_index = out->verdict == SCORE_HIT ? best_index : -1;
	/* A miss flies, but weakly: never harder than a score at the threshold. */
	if (out->verdict != SCORE_HIT && best > out->threshold)
		out->power = score_power_over_chance(out->threshold, out->chance);
	return 0;
}

int score_critique(const struct score_catalog *cat, const char *critique,
		   struct score_result *out)
{
	static struct tokenize_result words;  /* large: not on the stack */
	struct score_result r;
	struct scratch s;
	int rc = score_with(cat, critique, &r, &s, &words);

	scratch_free(&s);
	if (rc == 0)
		*out = r;
	return rc;
}

int score_explain(const struct score_catalog *cat, const char *critique,
		  struct score_explanation *out)
{
	static struct tokenize_result words;
	struct scratch s;
	int rc = score_with(cat, critique, &out->result, &s, &words);
	const struct score_phrasing *p;

	out->nmatches = 0;
	out->critique_words = s.nwords;
	out->unknown_words = 0;
	for (size_t c = 0; c < s.nwords; c++)
		out->unknown_words += !s.known[c];
	if (rc == 0 && out->result.nearest_index >= 0) {
		p = &cat->weaknesses[out->result.nearest_index].phrasings[out->result.phrasing_index];
		for (size_t j = 0; j < p->nwords && out->nmatches < SCORE_EXPLAIN_MAX; j++) {
			struct score_match *m = &out->matches[out->nmatches++];
			uint32_t v = p->words[j];
			int best = -1;

			m->word = &cat->vocab[v];
			m->likeness = 0.0;
			m->critique_len = 0;
			for (int l = s.head[v]; l >= 0; l = s.links[l].next)
				if (best < 0 || s.links[l].likeness > s.links[best].likeness)
					best = l;
			if (best >= 0) {
				size_t c = s.links[best].word;

				m->likeness = s.links[best].likeness;
				m->critique_len = s.len[c];
				memcpy(m->critique_word, s.text[c], s.len[c] * sizeof(uint32_t));
			}
		}
	}
	scratch_free(&s);
	return rc;
}

void score_catalog_free(struct score_catalog *cat)
{
	struct score_params p = params_of(cat);

	for (size_t i = 0; i < cat->nweaknesses; i++)
		weakness_free(&cat->weaknesses[i]);
	free(cat->weaknesses);
	for (size_t v = 0; v < cat->nvocab; v++)
		free(cat->vocab[v].text);
	free(cat->vocab);
	free(cat->vocab_slots);
	score_catalog_init(cat);
	params_set(cat, &p);
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
		/* Without MeCab no Japanese phrasing can be cut into words, and
		 * scoring without them would quietly miss: refuse (logged). */
		if (rc == -3) {
			log_error("weakness catalog: cannot cut phrasing %lld into words",
				  db_cell_int(phrasings, row, 1, 0));
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
	struct score_params params = params_of(cat);
	struct score_catalog fresh;
	db_result *weaknesses, *phrasings = NULL;
	int rc = -1;

	score_catalog_init(&fresh);
	params_set(&fresh, &params);
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
