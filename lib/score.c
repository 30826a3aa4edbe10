/* score.c — the weakness a critique hits, and the power it is thrown with. */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "log.h"

int score_power(double share)
{
	/* The tolerance keeps a score that is a round number in decimal, such as
	 * 0.84 (0.84000000000000008 in binary), at 84 rather than 85. */
	double power = ceil(100.0 * share - 1e-9);

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

int score_miss_power(double score, double threshold, double chance)
{
	double share;

	if (!(chance >= 0.0 && chance < threshold))
		return 1;
	share = (score - chance) / (threshold - chance);
	if (!(share > 0.0))
		return 1;
	if (share > 1.0)
		share = 1.0;
	/* The same tolerance as score_power's for a round share. */
	return share * SCORE_MISS_POWER_MAX < 1.0 ? 1 : (int)ceil(share * SCORE_MISS_POWER_MAX - 1e-9);
}

int score_hit_power(double score, double threshold)
{
	double share;

	if (!(threshold >= 0.0 && threshold < 1.0))
		return SCORE_HIT_POWER_MIN;
	share = (score - threshold) / (1.0 - threshold);
	if (!(share > 0.0))
		return SCORE_HIT_POWER_MIN;
	if (share > 1.0)
		share = 1.0;
	/* The same tolerance as score_power's for a round share. */
	return SCORE_HIT_POWER_MIN +
	       (int)ceil((100 - SCORE_HIT_POWER_MIN) * share - 1e-9);
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
	uint8_t part[SCORE_MAX_WORDS];       /* a part of an identifier (version 6) */
	uint8_t negated[SCORE_MAX_WORDS];    /* said as missing (version 7) */
	uint8_t game[SCORE_MAX_WORDS];       /* one of the game's own nouns (version 12) */
	uint64_t clauses[SCORE_MAX_WORDS];   /* the clauses it is said in, one bit each
						(the 64th and after share the last) */
	int current_negated;                 /* the word being linked is */
	double weight_sum;
	double scale;                        /* the likeness a link counts: 1, or a part's */
	int *head;                           /* per catalog word: first link, or -1 */
	float *best;                         /* per catalog word: best likeness */
	float *best_said;                    /* the same, of the words not said as missing */
	uint8_t *firm;                       /* per catalog word: said firmly (firmly_alike,
						before a part's halving): 1; by a word not
						said as missing: 2 as well (version 10) */
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

static int link_add(struct scratch *s, size_t vocab_index, size_t word, double likeness,
		    int firm)
{
	if (s->nlinks == s->links_cap) {
		size_t cap = s->links_cap ? 2 * s->links_cap : 256;
		struct link *grown = realloc(s->links, cap * sizeof(*grown));

		if (!grown)
			return -1;
		s->links = grown;
		s->links_cap = cap;
	}
	if (firm)
		s->firm[vocab_index] |= s->current_negated ? 1 : 3;
	likeness *= s->scale;
	s->links[s->nlinks] = (struct link){ (uint16_t)word, (float)likeness, s->head[vocab_index] };
	s->head[vocab_index] = (int)s->nlinks++;
	if (likeness > s->best[vocab_index])
		s->best[vocab_index] = (float)likeness;
	if (!s->current_negated && likeness > s->best_said[vocab_index])
		s->best_said[vocab_index] = (float)likeness;
	return 0;
}

static void scratch_free(struct scratch *s)
{
	free(s->head);
	free(s->best);
	free(s->best_said);
	free(s->firm);
	free(s->links);
}

/* Whether the shorter of two words begins the longer, which has a few
 * letters more: http and https, sql and sqlite, cron and crontab are
 * different terms, however alike Jaro–Winkler finds them. (More letters make
 * a compound, bubble and bubblesort, or a longer form, config and
 * configuration, which Jaro–Winkler may judge.) Latin words only: a
 * Japanese word with more after it is a compound (ジョブキュー), and the
 * short ones that differ in meaning (認証, 認証情報) are equal or unlike. */
static int extends(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t most)
{
	size_t n = na < nb ? na : nb;
	size_t more = na > nb ? na - nb : nb - na;

	return more >= 1 && more <= most && memcmp(a, b, n * sizeof(*a)) == 0;
}

/* The catalog word a critique word is (its index), or -2 - the index of the
 * known word it extends (chronyd, a known word with letters after it), or
 * -1 for neither. */
static long claimed_by(const struct score_catalog *cat, const uint32_t *text, size_t len)
{
	long exact = score_vocab_find(cat, text, len);

	if (exact >= 0 || !(cat->rules & SCORE_RULE_KNOWN_WORDS))
		return exact;
	/* The longest known word of three characters or more it begins with. */
	for (size_t n = len - 1; n >= 3 && n < len; n--) {
		long v = score_vocab_find(cat, text, n);

		if (v >= 0 && cat->vocab[v].known)
			return -2 - v;
	}
	return -1;
}

/* Whether a critique word alike to catalog word w by likeness like says it
 * firmly (version 10): a Japanese word unless w is a word of everyday
 * prose (alike, it is a compound and its head, デプロイ and デプロイパイプライン,
 * or MeCab's cut, but ファイル名 is no ファイル); a Latin word when alike as a
 * typo is, at SCORE_FIRM_LIKENESS, or when the two share a stem of
 * SCORE_FIRM_STEM letters (normalize.c and normalization). select and
 * secret, 0.86 alike with two letters in common at the start, are two
 * words. */
static int firmly_alike(const uint32_t *text, size_t len, const struct score_word *w,
			double like, int latin)
{
	size_t stem = 0;

	if (!latin)
		return !w->everyday;
	if (like >= SCORE_FIRM_LIKENESS)
		return 1;
	while (stem < len && stem < w->len && text[stem] == w->text[stem])
		stem++;
	return stem >= SCORE_FIRM_STEM;
}

/* Whether two Japanese words alike by likeness like are alike only
 * because the shorter begins the longer (version 11): the rest of the
 * longer is no word of the catalog, and without Jaro–Winkler's bonus for a
 * common beginning they fall under threshold. データ begins データベース
 * (0.88 alike, 0.83 without the bonus), but a database is not data: ベース
 * is no word. ジョブ begins ジョブキュー, a compound with a catalog word of
 * its own (キュー), whose head it is; サーバ and サーバー differ by the long
 * vowel mark only, a way of writing the same word. */
static int begins_only(const struct score_catalog *cat, const uint32_t *a, size_t na,
		       const uint32_t *b, size_t nb, double like)
{
	const uint32_t *longer = na > nb ? a : b;
	size_t n = na < nb ? na : nb, more = na > nb ? na : nb, l = n < 4 ? n : 4;
	int lengthened = 1;

	if (n == more || memcmp(a, b, n * sizeof(*a)) != 0)
		return 0;
	for (size_t k = n; k < more; k++)
		lengthened &= longer[k] == 0x30FC;
	if (lengthened || score_vocab_find(cat, longer + n, more - n) >= 0)
		return 0;
	return (like - 0.1 * (double)l) / (1.0 - 0.1 * (double)l) < cat->word_threshold;
}

/* Whether a Latin word is a file name: a dot inside it (queue.c,
 * exhibit.cs), as lib/tokenize.c keeps one word. */
static int file_name(const uint32_t *text, size_t len)
{
	for (size_t k = 1; k + 1 < len; k++)
		if (text[k] == '.')
			return 1;
	return 0;
}

/* Whether Japanese word a is alike to b only by ending it (version 19):
 * the shorter ends the longer in kana that inflect (a verb's or an
 * adjective's ending, る of 合わせる), and the rest of the longer is no word
 * of the catalog. A compound verb is a verb of its own: 問い合わせる
 * (inquire) is no 合わせる (match). A noun the longer ends (キュー of
 * ジョブキュー) is its head, and stays alike. */
static int ends_only(const struct score_catalog *cat, const uint32_t *a, size_t na,
		     const uint32_t *b, size_t nb)
{
	const uint32_t *longer = na > nb ? a : b, *shorter = na > nb ? b : a;
	size_t n = na < nb ? na : nb, more = na > nb ? na : nb;

	if (n == more || n < 2 || memcmp(longer + (more - n), shorter, n * sizeof(*a)) != 0)
		return 0;
	if (shorter[n - 1] < 0x3041 || shorter[n - 1] > 0x309F)
		return 0;
	return score_vocab_find(cat, longer, more - n) < 0;
}

/* Links critique word c (text[0..len), of the latin class or not) to every
 * catalog word of its class that Jaro–Winkler finds alike under the rules,
 * but not to skip (the word it equals, or -1); raises *best and *weight to
 * the likest one's. 0, or -1 when out of memory. */
static int fuzzy_links(struct scratch *s, const struct score_catalog *cat, size_t c,
		       const uint32_t *text, size_t len, int latin, long skip, double *best,
		       double *weight)
{
	uint8_t count[64] = { 0 };
	uint64_t sig = score_signature(text, len);

	/* "c" and "cd" are 0.85 alike by Jaro–Winkler: for so few letters
	 * that is noise, so short words must be equal. */
	if (len < 3)
		return 0;
	for (size_t k = 0; k < len; k++)
		count[(text[k] * 2654435761u) >> 26]++;
	for (size_t v = 0; v < cat->nvocab; v++) {
		const struct score_word *w = &cat->vocab[v];
		double like;
		int firm;

		if (w->latin != latin || (long)v == skip || w->len < 3)
			continue;
		if (word_bound(len, sig, count, w) < cat->word_threshold)
			continue;
		/* One of the catalog's words is a term of its own however much
		 * longer it is (plain and plaintext). */
		if ((cat->rules & SCORE_RULE_EXTENSIONS) && latin &&
		    extends(text, len, w->text, w->len,
			    w->known ? TOKENIZE_MAX_WORD_LEN : SCORE_EXTENSION_MAX))
			continue;
		if ((cat->rules & SCORE_RULE_FIRST_LETTER) && latin && text[0] != w->text[0])
			continue;
		/* A file name is code and names that file (version 14): it is
		 * alike to another file's name, never to a word of prose that
		 * it is spelt like (exhibit.cs and exhibition). */
		if ((cat->rules & SCORE_RULE_CODE) && latin &&
		    file_name(text, len) != file_name(w->text, w->len))
			continue;
		/* Short words, and a short word and a much longer one, are alike
		 * only when equal (version 6): floor is no flooder, every no
		 * everything, print no point. */
		if ((cat->rules & SCORE_RULE_LENGTHS) && latin &&
		    (len < SCORE_FUZZY_MIN_LEN || w->len < SCORE_FUZZY_MIN_LEN ||
		     (double)(len < w->len ? len : w->len) <
			     SCORE_FUZZY_LEN_RATIO * (double)(len < w->len ? w->len : len)))
			continue;
		like = jw_similarity(text, len, w->text, w->len);
		if (like < cat->word_threshold)
			continue;
		if ((cat->rules & SCORE_RULE_BEGINS) && !latin &&
		    begins_only(cat, text, len, w->text, w->len, like))
			continue;
		if ((cat->rules & SCORE_RULE_ENDS) && !latin &&
		    ends_only(cat, text, len, w->text, w->len))
			continue;
		firm = firmly_alike(text, len, w, like, latin);
		/* A near-spelling is another word (version 21): browser is no
		 * broker, 0.89 alike with two letters of stem in common. */
		if ((cat->rules & SCORE_RULE_SPELT) && latin && !firm)
			continue;
		if (link_add(s, w->canon, c, like, firm) != 0)
			return -1;
		/* The weight of the likest catalog word; on a tie the rarer. */
		like *= s->scale;
		if (like > *best || (like == *best && w->idf > *weight)) {
			*best = like;
			*weight = w->idf;
		}
	}
	return 0;
}

/* Compares each distinct word of the critique with every catalog word of its
 * class. 0, or -1 when out of memory. */
static int scratch_fill(struct scratch *s, const struct score_catalog *cat,
			const struct tokenize_result *words)
{
	memset(s, 0, sizeof(*s));
	s->head = malloc((cat->nvocab ? cat->nvocab : 1) * sizeof(*s->head));
	s->best = calloc(cat->nvocab ? cat->nvocab : 1, sizeof(*s->best));
	s->best_said = calloc(cat->nvocab ? cat->nvocab : 1, sizeof(*s->best_said));
	s->firm = calloc(cat->nvocab ? cat->nvocab : 1, sizeof(*s->firm));
	if (!s->head || !s->best || !s->best_said || !s->firm)
		return -1;
	for (size_t v = 0; v < cat->nvocab; v++)
		s->head[v] = -1;
	int whole_claimed = 0;  /* the identifier the parts that follow belong to */
	unsigned clause = 0;

	for (size_t i = 0; i < words->nwords && s->nwords < SCORE_MAX_WORDS; i++) {
		const struct tokenize_word *t = &words->words[i];
		const uint32_t *text = words->chars + t->start;
		double best = 0.0, weight = 0.0;
		long claim;
		int dup = 0, alone;
		size_t c = s->nwords;

		clause += t->clause && clause < 63;

		/* An identifier's parts count weakly (version 6), and not at all
		 * when the identifier is one of the catalog's words: then it
		 * says what it is. */
		if (t->part && (!(cat->rules & SCORE_RULE_PARTS) || whole_claimed))
			continue;
		/* A word said twice says no more than once; said by itself after
		 * a part of an identifier, it says more. */
		for (size_t k = 0; k < s->nwords && !dup; k++)
			if (s->len[k] == t->len && (!s->part[k] || t->part) &&
			    memcmp(s->text[k], text, t->len * sizeof(*text)) == 0) {
				s->clauses[k] |= (uint64_t)1 << clause;
				dup = 1;
			}
		if (dup)
			continue;
		s->clauses[c] = (uint64_t)1 << clause;
		s->text[c] = text;
		s->len[c] = t->len;
		s->part[c] = t->part;
		s->negated[c] = (cat->rules & SCORE_RULE_NEGATION) && t->negated;
		s->game[c] = (cat->rules & SCORE_RULE_GAME) && score_game_word(text, t->len);
		s->current_negated = s->negated[c];
		s->scale = t->part ? SCORE_PART_LIKENESS : 1.0;
		s->nwords++;
		claim = claimed_by(cat, text, t->len);
		if (!t->part)
			whole_claimed = claim >= 0;
		if (claim >= 0) {
			/* Equal to a catalog word: it stands for what that word does. */
			uint32_t canon = cat->vocab[claim].canon;

			if (link_add(s, canon, c, 1.0, 1) != 0)
				return -1;
			best = 1.0;
			weight = cat->vocab[canon].idf;
		}
		/* One of the catalog's words, or one with letters after it, means
		 * what it says and is like no other word, however alike they are
		 * spelt. */
		alone = claim < -1 ||
			(claim >= 0 && cat->vocab[claim].known && (cat->rules & SCORE_RULE_KNOWN_WORDS));
		if (!alone && fuzzy_links(s, cat, c, text, t->len, t->latin, claim, &best, &weight) != 0)
			return -1;
		s->known[c] = best > 0.0;
		s->weight[c] = best > 0.0 ? weight : cat->unknown_weight;
		s->weight_sum += s->weight[c];
	}
	return 0;
}

/* The clauses the critique in s says catalog word v in (by a link that
 * counts, when presence: not said as missing). */
static uint64_t clauses_of(const struct scratch *s, uint32_t v, int presence)
{
	uint64_t in = 0;

	for (int l = s->head[v]; l >= 0; l = s->links[l].next)
		if (!(presence && s->negated[s->links[l].word]))
			in |= s->clauses[s->links[l].word];
	return in;
}

/* Whether the critique in s says word v of phrasing p in a clause where it
 * says another word of p that is no negation (version 22). */
static int said_with(const struct score_catalog *cat, const struct scratch *s,
		     const struct score_phrasing *p, uint32_t v, int presence)
{
	uint64_t with = 0;

	for (size_t j = 0; j < p->nwords; j++)
		if (p->words[j] != v && cat->vocab[p->words[j]].everyday != 2)
			with |= clauses_of(s, p->words[j], presence);
	return (clauses_of(s, v, presence) & with) != 0;
}

/* Recall and precision of phrasing p against the critique in s. */
static void phrasing_score(const struct score_catalog *cat, const struct scratch *s,
			   const struct score_phrasing *p, int presence, double *recall,
			   double *precision, size_t *matched)
{
	double covered = 0.0, found = 0.0, best_for[SCORE_MAX_WORDS] = { 0 };
	/* A weakness that something is there takes no word said as missing
	 * for evidence (version 7): "no password" is no plain-text one. */
	const float *best = presence ? s->best_said : s->best;

	*matched = 0;
	for (size_t j = 0; j < p->nwords; j++) {
		uint32_t v = p->words[j];

		/* Version 22: a Japanese ない counts in a clause that says
		 * another of the phrasing's words, as an English "no" counts
		 * said of its word. */
		if (best[v] > 0.0f && cat->vocab[v].everyday == 2 && !cat->vocab[v].latin &&
		    (cat->rules & SCORE_RULE_SENTENCE) && !said_with(cat, s, p, v, presence))
			continue;
		covered += cat->vocab[v].idf * best[v];
		*matched += best[v] > 0.0f;
		for (int l = s->head[v]; l >= 0; l = s->links[l].next)
			if (!(presence && s->negated[s->links[l].word]) &&
			    s->links[l].likeness > best_for[s->links[l].word])
				best_for[s->links[l].word] = s->links[l].likeness;
	}
	for (size_t c = 0; c < s->nwords; c++)
		found += s->weight[c] * best_for[c];
	*recall = p->weight > 0.0 ? covered / p->weight : 0.0;
	*precision = s->weight_sum > 0.0 ? found / s->weight_sum : 0.0;
}

/* Whether weakness other holds every word of phrasing p that the critique
 * in s matched. */
static int matched_all_of(const struct score_catalog *cat, const struct scratch *s,
			  const struct score_phrasing *p, int other)
{
	for (size_t j = 0; j < p->nwords; j++)
		if (s->best[p->words[j]] > 0.0f &&
		    !score_weakness_has_word(&cat->weaknesses[other], p->words[j]))
			return 0;
	return 1;
}

/* Another weakness than w whose phrasings hold every word of phrasing p that
 * the critique in s matched (its index), or -1: then the critique has said
 * nothing that tells w from it. */
static int shared_by(const struct score_catalog *cat, const struct scratch *s, size_t w,
		     const struct score_phrasing *p)
{
	for (size_t i = 0; i < cat->nweaknesses; i++)
		if (i != w && matched_all_of(cat, s, p, (int)i))
			return (int)i;
	return -1;
}

/* Whether a phrasing with this recall, of nwords words of which the
 * critique matched matched, hits by itself in lang (the threshold, and more
 * than one word unless one carries SCORE_ONE_WORD_RECALL). */
static int phrasing_hits(const struct score_catalog *cat, double recall, size_t matched,
			 size_t nwords, enum score_lang lang)
{
	return recall >= cat->miss_threshold[lang] &&
	       !(matched < 2 && nwords >= 2 && recall < SCORE_ONE_WORD_RECALL);
}

/* Whether phrasing j of weakness, another than its winning phrasing k, hits
 * by itself in the critique in s: another of a weakness's phrasings may
 * speak for it (versions 5 and 13). */
static int other_phrasing_hits(const struct score_catalog *cat, const struct scratch *s,
			       const struct score_weakness *weakness, int k, size_t j,
			       enum score_lang lang)
{
	const struct score_phrasing *p = &weakness->phrasings[j];
	double recall, precision;
	size_t matched;

	if ((int)j == k || p->nwords == 0)
		return 0;
	phrasing_score(cat, s, p, weakness->presence, &recall, &precision, &matched);
	return phrasing_hits(cat, recall, matched, p->nwords, lang);
}

/* -1 when what the critique in s said tells weakness w apart: the matched
 * words of its winning phrasing k, or (version 5) of another of its
 * phrasings that hits by itself, are not all another weakness's. Else the
 * weakness that says all the winning phrasing's matched words too. A
 * phrasing of two generic words (database, host) then does not hide a
 * phrasing of the same weakness that the critique said as fully. */
static int told_apart(const struct score_catalog *cat, const struct scratch *s, int w, int k,
		      enum score_lang lang)
{
	const struct score_weakness *weakness = &cat->weaknesses[w];
	int other = shared_by(cat, s, (size_t)w, &weakness->phrasings[k]);

	if (other < 0 || !(cat->rules & SCORE_RULE_PHRASINGS))
		return other;
	for (size_t j = 0; j < weakness->nphrasings; j++)
		if (other_phrasing_hits(cat, s, weakness, k, j, lang) &&
		    shared_by(cat, s, (size_t)w, &weakness->phrasings[j]) < 0)
			return -1;
	return other;
}

/* How much likeness each critique word has to any word of weakness w's
 * phrasings, into like[] (a word said as missing none, when w is that
 * something is there). */
static void weakness_likeness(const struct scratch *s, const struct score_weakness *w,
			      float *like)
{
	for (size_t c = 0; c < s->nwords; c++)
		like[c] = 0.0f;
	for (size_t k = 0; k < w->nphrasings; k++)
		for (size_t j = 0; j < w->phrasings[k].nwords; j++)
			for (int l = s->head[w->phrasings[k].words[j]]; l >= 0; l = s->links[l].next) {
				const struct link *link = &s->links[l];

				if (!(w->presence && s->negated[link->word]) && link->likeness > like[link->word])
					like[link->word] = link->likeness;
			}
}

/* The weight of what the critique says of weakness a that weakness b does
 * not say at all: its own evidence against b (version 7). */
static double own_evidence(const struct scratch *s, const float *like_a, const float *like_b)
{
	double sum = 0.0;

	for (size_t c = 0; c < s->nwords; c++)
		if (like_b[c] <= 0.0f)
			sum += s->weight[c] * like_a[c];
	return sum;
}

/* Whether what the critique says only of the hit, weakness a, outweighs
 * what it says only of the runner-up b SCORE_OWN_RATIO times (version 22):
 * then b, however strongly named, is a part of what a says. "The HP bar is
 * host-wide CPU from /proc/stat: halld, MariaDB, the flooder all knock it
 * down" names the flooder's CPU as one of the things that take the HP, as
 * the HP's weakness says, not the flooder's own fault: /proc/stat, host
 * and bar are said of the HP alone, and flooder and CPU of both. */
static int owns(const struct score_catalog *cat, const struct scratch *s, int a, int b)
{
	float like_a[SCORE_MAX_WORDS], like_b[SCORE_MAX_WORDS];
	double mine;

	if (!(cat->rules & SCORE_RULE_OWN) || a < 0 || b < 0)
		return 0;
	weakness_likeness(s, &cat->weaknesses[a], like_a);
	weakness_likeness(s, &cat->weaknesses[b], like_b);
	mine = own_evidence(s, like_a, like_b);
	return mine > 0.0 && mine >= SCORE_OWN_RATIO * own_evidence(s, like_b, like_a);
}

/* How strongly the runner-up must be named for what the critique says only
 * of it, or only of the hit, to decide between the two (version 22:
 * SCORE_SECOND_NAMED; since version 27 SCORE_OWN_NAMED). */
static double own_named(const struct score_catalog *cat)
{
	return (cat->rules & SCORE_RULE_OWN_NEARER) ? SCORE_OWN_NAMED : SCORE_SECOND_NAMED;
}

/* Whether the praise said is of weakness w (version 24): a clause that
 * praises says a word of w's phrasings. "ASan in the test suite is nice, but
 * the language won't stop a use-after-free" praises the tests, and says the
 * fault of C in the clause after; "the HTTPS redirect is nice, but HSTS could
 * be longer" praises HTTPS itself. Before version 24 every praise was of the
 * hit. */
static int said_in(const struct scratch *s, const struct score_weakness *w, uint64_t clauses)
{
	float like[SCORE_MAX_WORDS];

	weakness_likeness(s, w, like);
	for (size_t c = 0; c < s->nwords; c++)
		if (like[c] > 0.0f && (s->clauses[c] & clauses))
			return 1;
	return 0;
}

static int praised_of(const struct score_catalog *cat, const struct scratch *s,
		      const struct tokenize_result *words, int w)
{
	if (!(cat->rules & SCORE_RULE_PRAISED))
		return 1;
	return said_in(s, &cat->weaknesses[w], words->praise_clauses);
}

/* Whether the critique says weakness w, a phrasing of it hitting by itself,
 * in words outside the clauses in praised (version 25): "One command to
 * bring everything up is lovely for dev. But make run stacks nginx, halld,
 * the flooder and MariaDB on one box" praises the one command, and says one
 * server for everything in the sentence after; "the HTTPS redirect is nice,
 * but the HSTS max-age could be longer" says nothing of the missing HTTPS
 * outside its praise. */
static int said_besides(const struct score_catalog *cat, const struct scratch *s, int w,
			enum score_lang lang, uint64_t praised)
{
	const struct score_weakness *weakness = &cat->weaknesses[w];

	for (size_t k = 0; k < weakness->nphrasings; k++) {
		const struct score_phrasing *p = &weakness->phrasings[k];
		double covered = 0.0;
		size_t matched = 0;

		if (p->nwords == 0 || p->weight <= 0.0)
			continue;
		for (size_t j = 0; j < p->nwords; j++) {
			uint32_t v = p->words[j];
			float best = 0.0f;

			for (int l = s->head[v]; l >= 0; l = s->links[l].next) {
				const struct link *link = &s->links[l];

				if ((weakness->presence && s->negated[link->word]) ||
				    !(s->clauses[link->word] & ~praised))
					continue;
				if (link->likeness > best)
					best = link->likeness;
			}
			covered += cat->vocab[v].idf * best;
			matched += best > 0.0f;
		}
		if (phrasing_hits(cat, covered / p->weight, matched, p->nwords, lang))
			return 1;
	}
	return 0;
}

/* Whether the critique praises (version 7): a praise word's stem, or since
 * version 18 the word as written ("the latency never went through a NIC"
 * praises nothing). */
static int praised(const struct tokenize_result *words, unsigned long long rules)
{
	return (words->praise & ((rules & SCORE_RULE_AS_WRITTEN) ? TOKENIZE_PRAISE_WORD
								   : TOKENIZE_PRAISE_STEMS)) != 0;
}

/* Whether what the critique says of weakness w is only everyday prose
 * (version 9): its words alike to w's words are fewer than
 * SCORE_EVERYDAY_MIN, and each is alike only to everyday words of w (log,
 * line). Such a remark is about something else ("the access log fills up
 * with 404 lines"); a critique of w says a word of its own (stderr) or more. */
static int everyday_only(const struct score_catalog *cat, const struct scratch *s,
			 const struct score_weakness *w)
{
	uint8_t said[SCORE_MAX_WORDS] = { 0 }, specific = 0;
	size_t n = 0;

	for (size_t k = 0; k < w->nphrasings; k++)
		for (size_t j = 0; j < w->phrasings[k].nwords; j++) {
			uint32_t v = w->phrasings[k].words[j];

			for (int l = s->head[v]; l >= 0; l = s->links[l].next) {
				const struct link *link = &s->links[l];

				/* no, without, ない say that something is missing,
				 * not what. */
				if ((w->presence && s->negated[link->word]) || cat->vocab[v].everyday == 2)
					continue;
				/* A part says its word again (version 19: log of
				 * lib/log.c), not one more. */
				if ((cat->rules & SCORE_RULE_ENDS) && s->part[link->word])
					continue;
				n += !said[link->word];
				said[link->word] = 1;
				specific |= !cat->vocab[v].everyday;
			}
		}
	return !specific && n < SCORE_EVERYDAY_MIN;
}

/* Whether a word of the critique other than the game's own nouns (throw,
 * masakari, page, まさかり: version 12) is alike to catalog word v. */
static int said_outside_game(const struct scratch *s, uint32_t v)
{
	for (int l = s->head[v]; l >= 0; l = s->links[l].next)
		if (!s->game[s->links[l].word])
			return 1;
	return 0;
}

/* Whether the critique in s says phrasing p firmly enough to hit by its
 * words (version 10): two of its words said, or one that carries
 * SCORE_ONE_WORD_RECALL of its weight. A word counts only when said firmly
 * (firmly_alike): "select" is 0.86 like "secret", a word of the plain-text
 * password's group, and a near-spelling of another word says nothing of it.
 * An English word that only says something is missing (no, without)
 * counts when the critique says one of the phrasing's other words as
 * missing: "no index" says the index is missing, while "no clustering, no
 * second node … real-time" says no message broker is. (A Japanese ない
 * counts as before: the critique's negation marks only the word right
 * before it, too narrow to tell which thing is missing.) */
static int said_firmly(const struct score_catalog *cat, const struct scratch *s,
		       const struct score_phrasing *p, int presence)
{
	const float *best = presence ? s->best_said : s->best;
	double firm = 0.0, missing = 0.0;
	size_t n = 0, nmissing = 0;
	int said_missing = 0;

	if (p->nwords < 2)
		return 1;
	for (size_t j = 0; j < p->nwords; j++) {
		uint32_t v = p->words[j];

		if (best[v] <= 0.0f || !(s->firm[v] & (presence ? 2 : 1)))
			continue;
		if (cat->vocab[v].everyday == 2 && cat->vocab[v].latin) {
			nmissing++;
			missing += cat->vocab[v].idf * best[v];
			continue;
		}
		/* The game's own nouns (version 12) weigh, but are not among
		 * the two words: every critique of the site says them. */
		n += said_outside_game(s, v);
		firm += cat->vocab[v].idf * best[v];
		for (int l = s->head[v]; l >= 0 && !said_missing; l = s->links[l].next)
			said_missing = s->negated[s->links[l].word];
	}
	if (said_missing) {
		n += nmissing;
		firm += missing;
	}
	return n >= 2 || (p->weight > 0.0 && firm / p->weight >= SCORE_ONE_WORD_RECALL);
}

/* Whether the critique in s names one of weakness w's subject words, by a
 * word other than the game's own nouns (version 15's test). */
static int subject_named(const struct scratch *s, const struct score_weakness *w)
{
	const float *best = w->presence ? s->best_said : s->best;

	for (size_t j = 0; j < w->nsubjects; j++)
		if (best[w->subjects[j]] > 0.0f && said_outside_game(s, w->subjects[j]))
			return 1;
	return 0;
}

/* Whether phrasing p of weakness w names w's subject. */
static int names_subject(const struct score_weakness *w, const struct score_phrasing *p)
{
	for (size_t j = 0; j < p->nwords; j++)
		if (score_weakness_has_subject(w, p->words[j]))
			return 1;
	return 0;
}

/* Whether the critique in s says the fault of weakness w through phrasing p
 * (version 13), not only what w is about: a word of p said firmly, by a
 * critique word other than the game's own nouns, that the catalog does not
 * mark as w's subject (weakness_subject_words: login and sign in of no
 * authentication, templates of templates parsed per request, the HP bar of
 * HP bar polling). A remark that uses the subject's words while criticising
 * something else (commented-out code in the login handler, the HP bar's
 * colours) says no fault of w. The subject said as missing is the fault of
 * a weakness that something is missing ("no login at all"); an English
 * "no" or "without" counts when the critique says one of p's words as
 * missing, as for version 10's two words, a Japanese ない as it is said. */
static int fault_said_by(const struct score_catalog *cat, const struct scratch *s,
			 const struct score_weakness *w, const struct score_phrasing *p, int thing)
{
	const float *best = w->presence ? s->best_said : s->best;
	int any_missing = 0, subject_missing = 0, no = 0;

	/* Version 15: a phrasing that names its weakness's subject speaks for
	 * a hit only when the critique names that subject too: the fault of
	 * sharing a host is the database's only when the database is said
	 * ("the very same nginx that serves the hall" is not), and an HP or a
	 * log line named while something else is faulted says no fault of
	 * theirs. */
	if (thing && names_subject(w, p) && !subject_named(s, w))
		return 0;
	for (size_t j = 0; j < p->nwords; j++) {
		uint32_t v = p->words[j];
		int missing = 0;

		if (best[v] <= 0.0f || !(s->firm[v] & (w->presence ? 2 : 1)) ||
		    !said_outside_game(s, v))
			continue;
		for (int l = s->head[v]; l >= 0 && !missing && !w->presence; l = s->links[l].next)
			missing = s->negated[s->links[l].word];
		if (cat->vocab[v].everyday == 2 && cat->vocab[v].latin) {
			no = 1;
			continue;
		}
		/* Version 22: a Japanese ない says the fault of a phrasing only
		 * in a clause that says another of its words ("ログも集約もな
		 * い。各ホストにログインして読む" says no login missing). */
		if (cat->vocab[v].everyday == 2 && (cat->rules & SCORE_RULE_SENTENCE) &&
		    !said_with(cat, s, p, v, w->presence))
			continue;
		any_missing |= missing;
		if (!score_weakness_has_subject(w, v))
			return 1;
		subject_missing |= missing;
	}
	return subject_missing || (no && any_missing);
}

/* Whether the critique says weakness w's fault through its winning
 * phrasing k or another of its phrasings that hits by itself: the winning
 * phrasing may name only the subject ("認証がない" by OAuth) while the
 * critique says the fault in the words of another ("anyone can type any
 * name": anyone, type, GitHub of "anyone can claim any GitHub ID"). A
 * phrasing the critique barely says (same of "the loop sleeps and runs the
 * same select") does not speak for it. */
static int fault_said(const struct score_catalog *cat, const struct scratch *s, int w, int k,
		      enum score_lang lang, int thing)
{
	const struct score_weakness *weakness = &cat->weaknesses[w];

	if (fault_said_by(cat, s, weakness, &weakness->phrasings[k], thing))
		return 1;
	for (size_t j = 0; j < weakness->nphrasings; j++)
		if (other_phrasing_hits(cat, s, weakness, k, j, lang) &&
		    fault_said_by(cat, s, weakness, &weakness->phrasings[j], thing))
			return 1;
	return 0;
}

/* Version 11: when the best phrasing of weakness w names it by one word of
 * several ("ClearSilver" of "ClearSilver is unmaintained"), the best of its
 * other phrasings that hits by itself, with two words or more ("went quiet
 * upstream"), speaks for it: the weakness was said, in other words than its
 * likeliest phrasing's. Sets out's score, phrasing, recall, precision and
 * matched to that phrasing's and returns 1, or returns 0 when none hits. */
static int hitting_phrasing(const struct score_catalog *cat, const struct scratch *s, int w,
			    enum score_lang lang, struct score_result *out)
{
	const struct score_weakness *weakness = &cat->weaknesses[w];
	double best = 0.0;

	for (size_t k = 0; k < weakness->nphrasings; k++) {
		const struct score_phrasing *p = &weakness->phrasings[k];
		double recall, precision;
		size_t matched;

		if (p->nwords == 0)
			continue;
		phrasing_score(cat, s, p, weakness->presence, &recall, &precision, &matched);
		if (recall > best && phrasing_hits(cat, recall, matched, p->nwords, lang)) {
			best = recall;
			out->score = recall;
			out->phrasing_index = (int)k;
			out->recall = recall;
			out->precision = precision;
			out->matched = matched;
		}
	}
	return best > 0.0;
}



/* Whether the critique in s says a telling word of weakness w (version
 * 20): a word of its phrasings that at most SCORE_TELLING_DF weaknesses
 * use, no everyday prose, said firmly by a word other than the game's own
 * nouns. */
static int says_telling_word(const struct score_catalog *cat, const struct scratch *s,
			     const struct score_weakness *w)
{
	for (size_t k = 0; k < w->nphrasings; k++)
		for (size_t j = 0; j < w->phrasings[k].nwords; j++) {
			uint32_t v = w->phrasings[k].words[j];
			const struct score_word *word = &cat->vocab[v];

			if ((w->presence ? s->best_said : s->best)[v] > 0.0f && word->df > 0 &&
			    word->df <= SCORE_TELLING_DF && !word->everyday &&
			    (s->firm[v] & (w->presence ? 2 : 1)) && said_outside_game(s, v))
				return 1;
		}
	return 0;
}


/* Whether all the critique says of weakness w (the matched words of its
 * winning phrasing k, and of each other phrasing of it that hits by itself)
 * is said by weakness other's words too (version 20). */
static int said_within(const struct score_catalog *cat, const struct scratch *s, int w, int k,
		       enum score_lang lang, int other)
{
	const struct score_weakness *weakness = &cat->weaknesses[w];

	if (!matched_all_of(cat, s, &weakness->phrasings[k], other))
		return 0;
	for (size_t j = 0; j < weakness->nphrasings; j++)
		if (other_phrasing_hits(cat, s, weakness, k, j, lang) &&
		    !matched_all_of(cat, s, &weakness->phrasings[j], other))
			return 0;
	return 1;
}

/* score_critique's work, keeping the comparison in s for score_explain
 * (the caller frees it). */
static int score_with(const struct score_catalog *cat, const char *critique,
		      struct score_result *out, struct scratch *s,
		      struct tokenize_result *words)
{
	double best = 0.0, best_recall = 0.0, best_precision = 0.0, second = 0.0;
	double each[SCORE_MAX_WEAKNESSES];   /* each weakness's best, and its phrasing */
	int each_k[SCORE_MAX_WEAKNESSES];
	int best_index = -1, best_k = -1, second_index = -1, second_k = -1, rc;
	int rival = 1, part = 0;
	size_t best_matched = 0, best_nwords = 0;
	enum score_lang lang;

	memset(s, 0, sizeof(*s));
	rc = tokenize_words(critique, words);
	if (rc != 0)
		return rc;
	tokenize_join(words, score_vocab_known, (void *)cat);
	if (scratch_fill(s, cat, words) != 0) {
		log_error("scoring: out of memory");
		return -1;
	}
	lang = words->japanese ? SCORE_LANG_JA : SCORE_LANG_EN;
	for (size_t i = 0; i < cat->nweaknesses && s->nwords > 0; i++) {
		const struct score_weakness *w = &cat->weaknesses[i];
		double mine = 0.0, before = best;
		int before_index = best_index, before_k = best_k, mine_k = -1;
		int unsaid = (cat->rules & SCORE_RULE_UNSAID) && !subject_named(s, w);

		for (size_t k = 0; k < w->nphrasings; k++) {
			double recall, precision, sc;
			size_t matched;

			if (w->phrasings[k].nwords == 0)
				continue;
			/* Version 20: a phrasing that names its weakness's
			 * subject is not said of a critique that does not name
			 * it (version 15 missed such a best, and left the
			 * weakness the critique did say as the runner-up). */
			if (unsaid && names_subject(w, &w->phrasings[k]))
				continue;
			phrasing_score(cat, s, &w->phrasings[k], w->presence, &recall, &precision,
				       &matched);
			sc = recall;
			/* Version 26: a phrasing of the other language said by
			 * one word of two or more is no reading. Its other words
			 * cannot be said in the critique's language (the ない of
			 * フェイルオーバーも冗長構成もない in English), so that one
			 * word carries it: "failover" said of a second daemon was
			 * one server for everything at 0.79. */
			if ((cat->rules & SCORE_RULE_OWN_LANGUAGE) && w->phrasings[k].lang != lang &&
			    matched < 2 && w->phrasings[k].nwords >= 2)
				sc = 0.0;
			if (sc > mine) {
				mine = sc;
				mine_k = (int)k;
			}
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
		if (i < SCORE_MAX_WEAKNESSES) {
			each[i] = mine;
			each_k[i] = mine_k;
		}
		/* The runner-up, the best of the other weaknesses: the one this
		 * weakness has just overtaken, or this one. */
		if (best_index == (int)i) {
			second = before;
			second_index = before_index;
			second_k = before_k;
		} else if (mine > second) {
			second = mine;
			second_index = (int)i;
			second_k = mine_k;
		}
	}
	/* Version 22: the runner-up, named as strongly as a second weakness
	 * must be (SCORE_SECOND_NAMED), is the reading when what the critique
	 * says only of it outweighs what it says only of the best
	 * SCORE_OWN_RATIO times: the best is then a part of it. "nginx, every
	 * .fcgi, halld, the flooder and MariaDB on one box; one kernel panic
	 * and the show goes dark" names the database on the web host first,
	 * by its words, and one server for everything by its own (panic,
	 * dark, the machines listed). Only a runner-up that is a competing
	 * reading, its fault said (version 16) and not a part of the best by
	 * the best's words (version 20): one that is none leaves the best its
	 * hit, so that the rule only credits what versions before it missed
	 * as two weaknesses named. */
	if (second_index >= 0 && second_k >= 0 && second >= own_named(cat) &&
	    owns(cat, s, second_index, best_index) &&
	    fault_said(cat, s, second_index, second_k, lang, 1) &&
	    !((cat->rules & SCORE_RULE_CASE) && best - second >= SCORE_CLOSE_MARGIN &&
	      said_within(cat, s, second_index, second_k, lang, best_index))) {
		int i = best_index, k = best_k;
		double b = best;

		best_index = second_index;
		best_k = second_k;
		best = second;
		second_index = i;
		second_k = k;
		second = b;
		phrasing_score(cat, s, &cat->weaknesses[best_index].phrasings[best_k],
			       cat->weaknesses[best_index].presence, &best_recall, &best_precision,
			       &best_matched);
		best_nwords = cat->weaknesses[best_index].phrasings[best_k].nwords;
		part = 1;
	}
	memset(out, 0, sizeof(*out));
	out->version = SCORE_VERSION;
	out->runner_up_part = part;
	out->score = best;
	out->nearest_index = best_index;
	out->runner_up_index = second_index;
	out->runner_up_score = second;
	out->other_index = -1;
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
	else if (best_matched < 2 && best_nwords >= 2 && best < SCORE_ONE_WORD_RECALL &&
		 !((cat->rules & SCORE_RULE_ANY_PHRASING) &&
		   hitting_phrasing(cat, s, best_index, lang, out)))
		out->verdict = SCORE_MISS_SHORT;
	else
		out->verdict = SCORE_HIT;
	best = out->score;
	best_k = out->phrasing_index;
	/* A runner-up is a competing reading (version 16) only when the
	 * critique says its fault as a hit on it would have to (versions 13
	 * and 15): its words said outside its subject, and its subject named
	 * when its phrasing names one. "Login sessions travel as plain HTTP"
	 * says no fault of the missing sign-in, however well login matches
	 * its phrasing; such a runner-up makes no hit a guess. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_RIVAL) && second_index >= 0 &&
	    second_k >= 0)
		rival = fault_said(cat, s, second_index, second_k, lang, 1);
	/* A runner-up tying the hit (version 17): which of the two is the hit
	 * is the catalog's order, not the critique's words, so a waiver
	 * judging the runner-up alone would credit either as readily ("one
	 * budget per client address" for unverified IDs: the sign-in and the
	 * rate limit 0.50 each). Only a hit named as strongly as a second
	 * weakness must be (SCORE_SECOND_NAMED) stands on its own words. */
	if (!rival && (cat->rules & SCORE_RULE_NEAR) && best - second < SCORE_RIVAL_TIE &&
	    best < SCORE_SECOND_NAMED)
		rival = 1;
	/* A runner-up named strongly that says nothing the hit does not
	 * (version 20): every word the critique matched of it, in its winning
	 * phrasing and in any other of its phrasings that hits by itself, is a
	 * word of the hit's weakness too. What it says, the hit says; it is
	 * no second weakness named but a part of the first ("nginx, halld, the
	 * flooder and MariaDB all on one box" names the database on the web
	 * host, as one case of one server for everything). A runner-up as
	 * close as version 6's margin still makes a guess: the hit's own
	 * words then weigh next to nothing. */
	if (rival && (cat->rules & SCORE_RULE_CASE) && out->verdict == SCORE_HIT &&
	    second_index >= 0 && second_k >= 0 && second >= SCORE_SECOND_NAMED &&
	    best - second >= SCORE_CLOSE_MARGIN &&
	    said_within(cat, s, second_index, second_k, lang, best_index))
		rival = 0;
	out->runner_up_rival = second_index >= 0 && rival;
	/* Words that another weakness says as well do not tell which one the
	 * critic means ("the same host": the database's or the flooder's?). */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_DISTINCT)) {
		out->other_index = told_apart(cat, s, best_index, best_k, lang);
		if (out->other_index >= 0)
			out->verdict = SCORE_MISS_SHARED;
	}
	/* Two weaknesses said at once: crediting the likelier would guess, and
	 * a wrong credit is worse than a miss; unless (version 22) what the
	 * critique says only of the hit outweighs what it says only of the
	 * runner-up SCORE_OWN_RATIO times, and the runner-up is a part of it
	 * ("the HP bar is host-wide CPU from /proc/stat: halld, MariaDB, the
	 * flooder all knock it down" names the flooder's CPU among what takes
	 * the HP, as the HP's weakness says). Then no close score makes it a
	 * guess either. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_TWO_NAMED) && rival &&
	    second >= SCORE_SECOND_NAMED) {
		if (owns(cat, s, best_index, second_index)) {
			out->runner_up_part = 1;
		} else {
			out->verdict = SCORE_MISS_TWO;
			out->other_index = second_index;
		}
	}
	/* Two weaknesses scored nearly alike (version 6): the critique's words
	 * do not say which it means, and a wrong credit is worse than a miss;
	 * unless (version 27) both are named SCORE_OWN_NAMED or more and what
	 * it says only of the hit outweighs what it says only of the runner-up
	 * SCORE_OWN_RATIO times: "the flooder on the machine it attacks, over
	 * 127.0.0.1: its own CPU comes off the HP and its latency never
	 * crosses a network" names the HP's CPU (0.72) nearly as strongly as
	 * the flooder (0.70), and says its loopback and network alone. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_CLOSE) && second_index >= 0 &&
	    rival && fabs(best - second) < SCORE_CLOSE_MARGIN && !out->runner_up_part &&
	    !((cat->rules & SCORE_RULE_OWN_NEARER) && second >= SCORE_OWN_NAMED &&
	      owns(cat, s, best_index, second_index))) {
		out->verdict = SCORE_MISS_CLOSE;
		out->other_index = second_index;
	}
	/* What tells the hit from the runner-up (version 7): the words of the
	 * critique only one of the two says. When the runner-up's own words
	 * outweigh the hit's by SCORE_EVIDENCE_RATIO, the hit's lead comes
	 * from words the two share, and which one the critic means would be
	 * a guess ("buffer overflow in plain C": the strings, or C itself?). */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_EVIDENCE) && second_index >= 0 &&
	    rival && second >= cat->chance[lang]) {
		float like_best[SCORE_MAX_WORDS], like_second[SCORE_MAX_WORDS];

		weakness_likeness(s, &cat->weaknesses[best_index], like_best);
		weakness_likeness(s, &cat->weaknesses[second_index], like_second);
		if (own_evidence(s, like_second, like_best) >=
		    SCORE_EVIDENCE_RATIO * own_evidence(s, like_best, like_second)) {
			out->verdict = SCORE_MISS_GUESS;
			out->other_index = second_index;
		}
	}
	/* And (version 26) any other weakness scored within SCORE_GUESS_GAP of
	 * the hit, its fault said, whose own words outweigh the hit's: the
	 * runner-up is only the likeliest of them. "Single box … nginx, the
	 * .fcgi programs, halld, the flooder and MariaDB share one machine, so
	 * one kernel panic takes down the exhibition and the game" scored the
	 * database on the web host 0.80, the flooder 0.72 and one server 0.71,
	 * whose own words (single, panic, exhibition, game) are the critique's. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_THIRD) &&
	    (cat->rules & SCORE_RULE_EVIDENCE)) {
		float like_best[SCORE_MAX_WORDS], like_other[SCORE_MAX_WORDS];

		weakness_likeness(s, &cat->weaknesses[best_index], like_best);
		for (size_t i = 0; i < cat->nweaknesses && i < SCORE_MAX_WEAKNESSES &&
				   out->verdict == SCORE_HIT; i++) {
			if ((int)i == best_index || (int)i == second_index || each_k[i] < 0 ||
			    best - each[i] > SCORE_GUESS_GAP ||
			    !fault_said(cat, s, (int)i, each_k[i], lang, 1))
				continue;
			weakness_likeness(s, &cat->weaknesses[i], like_other);
			if (own_evidence(s, like_other, like_best) >=
			    SCORE_EVIDENCE_RATIO * own_evidence(s, like_best, like_other)) {
				out->verdict = SCORE_MISS_GUESS;
				out->other_index = (int)i;
			}
		}
	}
	/* Praise is no critique (version 7): "the HTTPS redirect is nice"
	 * names HTTPS to say it is there. Unless it says the weakness's thing
	 * is missing ("nice art, but no HTTPS"), or (version 24) what it
	 * praises is in clauses that say nothing of the weakness, or (version
	 * 25) the critique says the weakness in other clauses than those it
	 * praises in, it hits nothing. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_PRAISE) &&
	    praised(words, cat->rules)) {
		const struct score_phrasing *p = &cat->weaknesses[best_index].phrasings[best_k];
		int missing = 0;

		for (size_t j = 0; j < p->nwords && !missing; j++)
			for (int l = s->head[p->words[j]]; l >= 0 && !missing; l = s->links[l].next)
				missing = s->negated[s->links[l].word];
		if (!missing && !praised_of(cat, s, words, best_index))
			missing = 1;
		if (!missing && (cat->rules & SCORE_RULE_BESIDES) &&
		    said_besides(cat, s, best_index, lang, words->praise_clauses))
			missing = 1;
		if (!missing)
			out->verdict = SCORE_MISS_PRAISE;
	}
	/* A remark on a name is no critique of the thing named (version 28):
	 * "the name says minute but it is the whole schedule field; rename
	 * it" says cron and the flooder, and faults a variable's name. Unless
	 * the clauses that speak of a name say nothing of the weakness, or a
	 * phrasing of it hits by itself in the others, it hits nothing. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_NAMING) &&
	    words->naming_clauses &&
	    said_in(s, &cat->weaknesses[best_index], words->naming_clauses) &&
	    !said_besides(cat, s, best_index, lang, words->naming_clauses)) {
		out->verdict = SCORE_MISS_NAME;
		out->other_index = -1;
	}
	/* Two words of everyday prose name no weakness (version 9): "the
	 * access log fills up with 404 lines" is about the favicon, not about
	 * logs on stderr, however well log and line match their phrasing. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_EVERYDAY) &&
	    everyday_only(cat, s, &cat->weaknesses[best_index])) {
		out->verdict = SCORE_MISS_EVERYDAY;
		out->other_index = -1;
	}
	/* A hit rests on words said (version 10), not on a near-spelling of
	 * another word or on "no". */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_FIRM) &&
	    !said_firmly(cat, s, &cat->weaknesses[best_index].phrasings[best_k],
			 cat->weaknesses[best_index].presence)) {
		out->verdict = SCORE_MISS_FIRM;
		out->other_index = -1;
	}
	/* A hit says a word that tells it (version 20): words that a third
	 * of the catalog uses ("each", "one") name none of them. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_TELLING) &&
	    !says_telling_word(cat, s, &cat->weaknesses[best_index])) {
		out->verdict = SCORE_MISS_EVERYDAY;
		out->other_index = -1;
	}
	/* A hit says what is wrong (version 13), not only what the weakness
	 * is about: "the login page handler has commented-out code" names
	 * login, and no fault of the missing authentication. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_SUBJECT) &&
	    !fault_said(cat, s, best_index, best_k, lang, 0)) {
		out->verdict = SCORE_MISS_SUBJECT;
		out->other_index = -1;
	}
	/* And (version 15) the fault it says is its subject's: a phrasing
	 * with subject words speaks only when the critique names one. */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_THING) &&
	    !fault_said(cat, s, best_index, best_k, lang, 1)) {
		out->verdict = SCORE_MISS_THING;
		out->other_index = -1;
	}
	out->weakness_index = out->verdict == SCORE_HIT ? best_index : -1;
	/* A hit flies from SCORE_HIT_POWER_MIN at the threshold (version 8). */
	if (out->verdict == SCORE_HIT && (cat->rules & SCORE_RULE_HIT_POWER))
		out->power = score_hit_power(best, out->threshold);
	/* A miss flies, but weakly: never harder than a score at the threshold,
	 * and since version 6 at most SCORE_MISS_POWER_MAX, in proportion. */
	if (out->verdict != SCORE_HIT && best > out->threshold)
		out->power = score_power_over_chance(out->threshold, out->chance);
	if (out->verdict != SCORE_HIT && (cat->rules & SCORE_RULE_WEAK_MISSES))
		out->power = score_miss_power(best, out->threshold, out->chance);
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
	out->code_words = (size_t)words.code_words;
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

