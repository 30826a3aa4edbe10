/* score_catalog.c — builds the weakness catalog that lib/score.c matches critiques against. */
#include "score.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "normalize.h"
#include "settings.h"
#include "utf8.h"

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
	cat->rules = SCORE_RULE_ALL;
}

/* The parameters, kept across a free or a reload. */
struct score_params {
	double miss_threshold[SCORE_LANGS], chance[SCORE_LANGS];
	double word_threshold, unknown_weight;
	int use_idf;
	unsigned long long rules;
};

static struct score_params params_of(const struct score_catalog *cat)
{
	struct score_params p;

	memcpy(p.miss_threshold, cat->miss_threshold, sizeof(p.miss_threshold));
	memcpy(p.chance, cat->chance, sizeof(p.chance));
	p.word_threshold = cat->word_threshold;
	p.unknown_weight = cat->unknown_weight;
	p.use_idf = cat->use_idf;
	p.rules = cat->rules;
	return p;
}

static void params_set(struct score_catalog *cat, const struct score_params *p)
{
	memcpy(cat->miss_threshold, p->miss_threshold, sizeof(p->miss_threshold));
	memcpy(cat->chance, p->chance, sizeof(p->chance));
	cat->word_threshold = p->word_threshold;
	cat->unknown_weight = p->unknown_weight;
	cat->use_idf = p->use_idf;
	cat->rules = p->rules;
}

void score_catalog_configure(struct score_catalog *cat, const struct settings *settings)
{
	cat->miss_threshold[SCORE_LANG_JA] = settings->masakari_miss_threshold_ja;
	cat->miss_threshold[SCORE_LANG_EN] = settings->masakari_miss_threshold_en;
	/* Below 1 (the table's range), or the power would divide by zero. */
	cat->chance[SCORE_LANG_JA] = settings->masakari_chance_ja;
	cat->chance[SCORE_LANG_EN] = settings->masakari_chance_en;
	cat->word_threshold = settings->masakari_word_threshold;
	cat->unknown_weight = settings->masakari_unknown_weight;
	tokenize_set_dictionary(settings->masakari_mecab_dictionary);
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
		free(w->phrasings[i].utf8);
		free(w->phrasings[i].words);
	}
	free(w->phrasings);
	free(w->subjects);
	free(w->slug);
	free(w->title_ja);
	free(w->title_en);
}

/* Every word's weight and every phrasing's total: both change with each
 * weakness and phrasing added, since a word's weight depends on how many
 * weaknesses there are and how many use it. A word of a group weighs as the
 * word it stands for. */
static void weights_refresh(struct score_catalog *cat)
{
	double n = (double)cat->nweaknesses;

	for (size_t v = 0; v < cat->nvocab; v++) {
		struct score_word *w = &cat->vocab[v];

		if (w->canon == v)
			w->idf = !cat->use_idf ? 1.0 : w->df ? log(1.0 + n / (double)w->df) : 0.0;
	}
	for (size_t v = 0; v < cat->nvocab; v++)
		cat->vocab[v].idf = cat->vocab[cat->vocab[v].canon].idf;
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

uint64_t score_signature(const uint32_t *t, size_t n)
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

long score_vocab_find(const struct score_catalog *cat, const uint32_t *t, size_t n)
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

int score_vocab_known(const uint32_t *text, size_t n, void *cat)
{
	long v = score_vocab_find(cat, text, n);

	return v >= 0 && ((const struct score_catalog *)cat)->vocab[v].known;
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

/* Words of everyday prose, in English as a critique's words are cut (lines
 * and line alike) and in Japanese as MeCab cuts them: common in any remark
 * about a web site, so that two of them ("the access log fills up with 404
 * lines") do not name a weakness by themselves (version 9). Words of
 * everyday technical prose too, not terms: a file, a request, a process. */
static const char everyday_en[] =
	"log line page file data error time server request process code user text "
	"number load access output";
static const char *const everyday_ja[] = {
	"ログ", "行", "ページ", "ファイル", "データ", "エラー", "時間", "リクエスト", "処理",
	"出力", "出す", "ユーザー",
};
/* The words that say something is missing, which phrasings keep as words
 * ("no log aggregation") but which say nothing of which thing: they count
 * for nothing there. */
static const char missing_en[] = "no non nor without lack";
static const char *const missing_ja[] = { "ない", "なし", "無い", "無し" };

/* A list of words as a critique's words are compared with it: the Latin
 * ones as tokenize cuts them, the Japanese ones as MeCab does (written so),
 * decoded. Made once, at first use: score_game_word runs for every word of
 * every critique. */
#define WORD_LIST_MAX_JA 24
struct word_list {
	const char *latin;
	const char *const *ja_words;
	size_t nja;
	int made;
	struct tokenize_result cut;
	uint32_t ja[WORD_LIST_MAX_JA][TOKENIZE_MAX_WORD_LEN];
	long ja_len[WORD_LIST_MAX_JA];
};

#define WORD_LIST(latin, ja) { (latin), (ja), sizeof(ja) / sizeof((ja)[0]), 0, { 0 }, { { 0 } }, { 0 } }

static void word_list_make(struct word_list *l)
{
	if (tokenize_words(l->latin, &l->cut) != 0)
		l->cut.nwords = 0;
	for (size_t k = 0; k < l->nja; k++)
		l->ja_len[k] = utf8_decode(l->ja_words[k], strlen(l->ja_words[k]), l->ja[k],
					   TOKENIZE_MAX_WORD_LEN);
	l->made = 1;
}

/* Whether text[0..n) is a word of the list. */
static int listed(const uint32_t *text, size_t n, struct word_list *l)
{
	if (!l->made)
		word_list_make(l);
	for (size_t i = 0; i < l->cut.nwords; i++)
		if (l->cut.words[i].len == n &&
		    memcmp(l->cut.chars + l->cut.words[i].start, text, n * sizeof(*text)) == 0)
			return 1;
	for (size_t k = 0; k < l->nja; k++)
		if (l->ja_len[k] == (long)n && memcmp(l->ja[k], text, n * sizeof(*text)) == 0)
			return 1;
	return 0;
}

int score_everyday_word(const uint32_t *text, size_t n)
{
	static struct word_list everyday = WORD_LIST(everyday_en, everyday_ja);
	static struct word_list missing = WORD_LIST(missing_en, missing_ja);

	if (listed(text, n, &missing))
		return 2;
	return listed(text, n, &everyday);
}

/* The game's own nouns (version 12): what every critique of this site
 * talks about, a throw, a masakari, a page, the hall, an exhibit, so that a
 * phrasing recalled through them ("anyone can throw": "nothing checks who is
 * throwing" of a stale catalog, まさかり and ページ of a templates critique)
 * has not been said without a word that names its fault. */
static const char game_en[] =
	"throw throws throwing thrown threw masakari masakaris axe critique critiques "
	"critic critics page pages hall exhibit exhibits visitor visitors "
	"ranking";
/* MeCab cuts まさかり into ま and さかり. */
static const char *const game_ja[] = {
	"投げる", "投げ", "投げた", "投げられ", "投げられる", "まさかり", "さかり", "マサカリ", "批評", "ページ",
	"ホール", "展示", "展示物", "来場者", "訪問者", "ランキング",
};

_Static_assert(sizeof everyday_ja / sizeof everyday_ja[0] <= WORD_LIST_MAX_JA &&
		       sizeof missing_ja / sizeof missing_ja[0] <= WORD_LIST_MAX_JA &&
		       sizeof game_ja / sizeof game_ja[0] <= WORD_LIST_MAX_JA,
	       "a Japanese word list longer than a word_list holds");

int score_game_word(const uint32_t *text, size_t n)
{
	static struct word_list game = WORD_LIST(game_en, game_ja);

	return listed(text, n, &game);
}

/* The index of the catalog word t[0..n), added when new; -1 when out of memory. */
static long vocab_intern(struct score_catalog *cat, const uint32_t *t, size_t n, int latin)
{
	long found = score_vocab_find(cat, t, n);
	struct score_word *w;
	size_t s;

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
	w->sig = score_signature(t, n);
	w->canon = (uint32_t)cat->nvocab;
	w->everyday = (uint8_t)score_everyday_word(t, n);
	s = word_slot(t, n, cat->vocab_nslots);
	while (cat->vocab_slots[s])
		s = (s + 1) & (cat->vocab_nslots - 1);
	cat->vocab_slots[s] = (uint32_t)cat->nvocab + 1;
	return (long)cat->nvocab++;
}

/* Cuts text into words as critiques are cut, glued words joined where the
 * catalog knows them. 0, -2 (not UTF-8, too long) or -3 (MeCab). */
/* Drops the parts of identifiers: in the catalog an identifier (attack_jobs)
 * is a term, and only a critique's parts count (weakly) for what they say. */
static void drop_parts(struct tokenize_result *words)
{
	size_t kept = 0;

	for (size_t i = 0; i < words->nwords; i++)
		if (!words->words[i].part)
			words->words[kept++] = words->words[i];
	words->nwords = kept;
}

static int cut(const struct score_catalog *cat, const char *text, struct tokenize_result *words)
{
	int rc = tokenize_words(text, words);

	if (rc == -2)
		return -3;
	if (rc != 0)
		return -2;
	drop_parts(words);
	tokenize_join(words, score_vocab_known, (void *)cat);
	return 0;
}

int score_catalog_add_word(struct score_catalog *cat, long long group, const char *text)
{
	static struct tokenize_result words;  /* large: not on the stack */
	const struct tokenize_word *t;
	long id;
	int rc;

	if (cat->nphrasings > 0)
		return -2;
	rc = tokenize_words(text, &words);
	if (rc == -2)
		return -3;
	drop_parts(&words);
	if (rc != 0 || words.nwords == 0)
		return -2;
	/* A run of glued words is one word here: that is what makes it known. */
	for (size_t i = 1; i < words.nwords; i++)
		if (!words.words[i].glued ||
		    words.words[i].start != words.words[i - 1].start + words.words[i - 1].len)
			return -2;
	t = &words.words[0];
	{
		size_t len = words.words[words.nwords - 1].start + words.words[words.nwords - 1].len -
			     t->start;
		int latin = 1;

		if (len > TOKENIZE_MAX_WORD_LEN)
			return -2;
		for (size_t i = 0; i < words.nwords; i++)
			latin &= words.words[i].latin;
		/* Said twice, or in two groups: the first says what it means. */
		if (score_vocab_find(cat, words.chars + t->start, len) >= 0)
			return -2;
		id = vocab_intern(cat, words.chars + t->start, len, latin);
	}
	if (id < 0)
		return -1;
	cat->vocab[id].known = 1;
	cat->vocab[id].group = group;
	/* The group's first word is the one the others stand for. */
	for (size_t v = 0; v < (size_t)id; v++)
		if (cat->vocab[v].known && cat->vocab[v].group == group) {
			cat->vocab[id].canon = cat->vocab[v].canon;
			/* ログ is as everyday as log: the word a group stands for is. */
			if (cat->vocab[id].everyday > cat->vocab[cat->vocab[id].canon].everyday)
				cat->vocab[cat->vocab[id].canon].everyday = cat->vocab[id].everyday;
			break;
		}
	return 0;
}

int score_weakness_has_word(const struct score_weakness *w, uint32_t id)
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
	rc = cut(cat, phrasing, &words);
	if (rc != 0)
		return rc;
	windex = (size_t)(w - cat->weaknesses) + 1;
	for (size_t i = 0; i < words.nwords; i++) {
		const struct tokenize_word *t = &words.words[i];
		long id = vocab_intern(cat, words.chars + t->start, t->len, t->latin);
		int seen = 0;

		if (id < 0)
			return -1;
		id = cat->vocab[id].canon;
		for (size_t k = 0; k < nids; k++)
			seen |= ids[k] == (uint32_t)id;
		if (seen)
			continue;
		ids[nids++] = (uint32_t)id;
		/* Phrasings of one weakness may come at any time (a later
		 * migration adds some): count it once however they come. */
		if (cat->vocab[id].last_weakness != windex && !score_weakness_has_word(w, (uint32_t)id))
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
	p->utf8 = strdup(phrasing);
	p->words = malloc((nids ? nids : 1) * sizeof(*ids));
	if (!p->utf8 || !p->words) {
		free(p->utf8);
		free(p->words);
		return -1;
	}
	memcpy(p->words, ids, nids * sizeof(*ids));
	p->lang = lang;
	p->nwords = nids;
	w->nphrasings++;
	cat->nphrasings++;
	weights_refresh(cat);
	return 0;
}

int score_weakness_has_subject(const struct score_weakness *w, uint32_t id)
{
	for (size_t k = 0; k < w->nsubjects; k++)
		if (w->subjects[k] == id)
			return 1;
	return 0;
}

int score_catalog_add_subject(struct score_catalog *cat, long long weakness_id, const char *text)
{
	struct score_weakness *w = weakness_by_id(cat, weakness_id);
	static struct tokenize_result words;  /* large: not on the stack */
	uint32_t ids[TOKENIZE_MAX_WORDS], *grown;
	size_t nids = 0;
	int rc;

	if (!w)
		return -2;
	rc = cut(cat, text, &words);
	if (rc != 0)
		return rc;
	/* A word its phrasings do not have would mark nothing: a mistake in
	 * the data, which the loader reports. */
	for (size_t i = 0; i < words.nwords; i++) {
		const struct tokenize_word *t = &words.words[i];
		long v = score_vocab_find(cat, words.chars + t->start, t->len);

		if (v < 0 || !score_weakness_has_word(w, cat->vocab[v].canon))
			return -2;
		if (!score_weakness_has_subject(w, cat->vocab[v].canon))
			ids[nids++] = cat->vocab[v].canon;
	}
	if (words.nwords == 0)
		return -2;
	grown = realloc(w->subjects, (w->nsubjects + nids + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	w->subjects = grown;
	for (size_t k = 0; k < nids; k++) {
		int seen = 0;

		for (size_t j = 0; j < w->nsubjects; j++)
			seen |= w->subjects[j] == ids[k];
		if (!seen)
			w->subjects[w->nsubjects++] = ids[k];
	}
	return 0;
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

/* Fills fresh from the four result sets; 0, or -1 (logged) when out of
 * memory or when MeCab cannot start. */
static int catalog_fill(struct score_catalog *fresh, const db_result *words,
			const db_result *weaknesses, const db_result *phrasings,
			const db_result *subjects)
{
	for (unsigned row = 0; row < words->nrows; row++) {
		const char *text = db_cell(words, row, 2);
		int rc = score_catalog_add_word(fresh, db_cell_int(words, row, 0, 0), text ? text : "");

		if (rc == -1 || rc == -3) {
			log_error("weakness catalog: cannot add catalog word %lld: %s",
				  db_cell_int(words, row, 1, 0),
				  rc == -1 ? "out of memory" : "MeCab cannot start");
			return -1;
		}
		if (rc == -2)
			log_warn("catalog word %lld skipped: not one word, said before, or not UTF-8",
				 db_cell_int(words, row, 1, 0));
	}
	for (unsigned row = 0; row < weaknesses->nrows; row++) {
		const char *slug = db_cell(weaknesses, row, 1);
		const char *title_ja = db_cell(weaknesses, row, 2);
		const char *title_en = db_cell(weaknesses, row, 3);

		int index = score_catalog_add_weakness(fresh, db_cell_int(weaknesses, row, 0, 0),
						       slug ? slug : "", title_ja ? title_ja : "",
						       title_en ? title_en : "");

		if (index < 0) {
			log_error("weakness catalog: cannot add weakness %s: out of memory",
				  slug ? slug : "");
			return -1;
		}
		fresh->weaknesses[index].presence = db_cell_int(weaknesses, row, 4, 0) != 0;
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
	/* What each weakness is about (version 13), once its phrasings are in. */
	for (unsigned row = 0; row < subjects->nrows; row++) {
		const char *text = db_cell(subjects, row, 2);
		int rc = score_catalog_add_subject(fresh, db_cell_int(subjects, row, 0, 0),
						   text ? text : "");

		if (rc == -1 || rc == -3) {
			log_error("weakness catalog: cannot add subject word %lld: %s",
				  db_cell_int(subjects, row, 1, 0),
				  rc == -1 ? "out of memory" : "MeCab cannot start");
			return -1;
		}
		if (rc == -2)
			log_warn("weakness subject word %lld skipped: not a word of its weakness's "
				 "phrasings, or not UTF-8", db_cell_int(subjects, row, 1, 0));
	}
	return 0;
}

int score_catalog_load(struct score_catalog *cat, db_t *db)
{
	struct score_params params = params_of(cat);
	struct score_catalog fresh;
	db_result *words, *weaknesses = NULL, *phrasings = NULL, *subjects = NULL;
	int rc = -1;

	score_catalog_init(&fresh);
	params_set(&fresh, &params);
	/* The catalog's words first: phrasings are cut knowing them. */
	words = db_query(db, "SELECT word_group, id, text FROM catalog_words ORDER BY id");
	if (words)
		weaknesses = db_query(db, "SELECT id, slug, title_ja, title_en, about_presence "
					  "FROM weaknesses "
					  "ORDER BY id");
	if (weaknesses)
		phrasings = db_query(db, "SELECT weakness_id, id, text, lang FROM weakness_phrasings "
					 "ORDER BY weakness_id, id");
	if (phrasings)
		subjects = db_query(db, "SELECT weakness_id, id, text FROM weakness_subject_words "
					"ORDER BY weakness_id, id");
	if (!words || !weaknesses || !phrasings || !subjects)
		log_error("weakness catalog: %s", db_error(db));
	else
		rc = catalog_fill(&fresh, words, weaknesses, phrasings, subjects);
	db_result_free(words);
	db_result_free(weaknesses);
	db_result_free(phrasings);
	db_result_free(subjects);
	if (rc != 0) {
		score_catalog_free(&fresh);
		return -1;
	}
	score_catalog_free(cat);
	*cat = fresh;
	return 0;
}
