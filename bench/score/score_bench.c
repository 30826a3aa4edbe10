/* score_bench.c — how long scoring one critique against the whole weakness
 * catalog takes, and how well the scoring sorts labelled critiques.
 *
 *   bench-score SQL_DIR [ROUNDS [LABELLED]]
 *
 * The catalog is read from the migrations in SQL_DIR, exactly the catalog's
 * words, weaknesses and phrasings they insert, so no database is needed and nothing but scoring
 * is timed. Each critique of a fixed set is scored ROUNDS times (default
 * 20000) and every call is timed on its own; the report gives the median and
 * the 99th percentile per kind of critique. The reference, timed the same way
 * in the same run, is the cheapest possible pass over the same catalog: an
 * exact comparison of the normalised critique with every phrasing.
 *
 * With LABELLED (bench/score/labelled-critiques.tsv: kind, weakness, language,
 * text per line) it also shows how well miss rules separate critiques aimed
 * at a weakness from critiques aimed at nothing in the catalog. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "normalize.h"
#include "score.h"
#include "tokenize.h"
#include "utf8.h"

#define LINE_MAX_BYTES 8192

/* A phrasing a later migration rewrites ("UPDATE weakness_phrasings SET text
 * = 'new' WHERE text = 'old';" on one line), applied as the phrasing is read. */
struct rewrite {
	char old_text[512], new_text[512];
};
static struct rewrite rewrites[32];
static size_t nrewrites;

/* A catalog word a later migration moves to a group of its own ("UPDATE
 * catalog_words SET word_group = N WHERE text = 'word';" on one line),
 * applied as the word is read. */
struct regroup {
	long long group;
	char text[128];
};
static struct regroup regroups[16];
static size_t nregroups;

/* Prints catalog word v, its canon when another, and its df. */
static void print_word(const struct score_catalog *cat, uint32_t v)
{
	const struct score_word *w = &cat->vocab[v];
	char a[256];
	size_t n = 0;

	for (size_t j = 0; j < w->len && n < sizeof(a) - 4; j++)
		n += (size_t)utf8_encode(w->text[j], a + n);
	printf(" %.*s", (int)n, a);
	if (w->canon != v) {
		const struct score_word *c = &cat->vocab[w->canon];

		n = 0;
		for (size_t j = 0; j < c->len && n < sizeof(a) - 4; j++)
			n += (size_t)utf8_encode(c->text[j], a + n);
		printf("=%.*s", (int)n, a);
	}
	printf("/%u", w->df);
}

/* Undoes SQL's doubled quotes in text, in place. */
static void sql_unquote(char *text)
{
	size_t o = 0;

	for (size_t i = 0; text[i]; i++) {
		text[o++] = text[i];
		if (text[i] == '\'' && text[i + 1] == '\'')
			i++;
	}
	text[o] = '\0';
}

/* Reads one migration: a weakness starts at a line holding only its quoted
 * slug (the first value of INSERT INTO weaknesses) or at SET @w = (SELECT …
 * slug = '…'); each "(@w, 'ja'|'en', '…')" line is one of its phrasings.
 * Pass 2 reads only the rewrites of phrasings, pass 1 only the catalog's
 * words, pass 0 the rest but for pass 3's words that name what each weakness
 * is about (version 13), read after every phrasing. */
static int load_file(struct score_catalog *cat, const char *path, long long *next_id,
		     long long *current, int pass)
{
	char line[LINE_MAX_BYTES], text[LINE_MAX_BYTES], lang[3], slug[128];
	FILE *f = fopen(path, "r");
	int expect_slug = 0, in_words = 0, words_pass = pass == 1;
	long long group;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *q;

		/* What each weakness is about (version 13): "(@w, 'text')" lines
		 * of INSERT INTO weakness_subject_words, after every phrasing. */
		if (pass == 3) {
			if (strncmp(line, "SET @w", 6) == 0 && (q = strstr(line, "slug = '")) &&
			    sscanf(q, "slug = '%127[a-z0-9-]'", slug) == 1) {
				*current = -1;
				for (size_t i = 0; i < cat->nweaknesses; i++)
					if (strcmp(cat->weaknesses[i].slug, slug) == 0)
						*current = cat->weaknesses[i].id;
				in_words = 0;
				continue;
			}
			if (strstr(line, "INSERT INTO ")) {
				in_words = strstr(line, "INSERT INTO weakness_subject_words ") != NULL;
				continue;
			}
			if (in_words && *current >= 0 && sscanf(line, " (@w, '%8000[^']'", text) == 1) {
				sql_unquote(text);
				if (score_catalog_add_subject(cat, *current, text) != 0) {
					fprintf(stderr, "bench-score: subject word '%s' refused\n", text);
					fclose(f);
					return -1;
				}
			}
			continue;
		}
		if (pass == 2) {
			struct rewrite *r = &rewrites[nrewrites];

			struct regroup *g = &regroups[nregroups];

			if (nrewrites < sizeof(rewrites) / sizeof(rewrites[0]) &&
			    sscanf(line, "UPDATE weakness_phrasings SET text = '%511[^']' WHERE text = '%511[^']';",
				   r->new_text, r->old_text) == 2) {
				sql_unquote(r->new_text);
				sql_unquote(r->old_text);
				nrewrites++;
			}
			if (nregroups < sizeof(regroups) / sizeof(regroups[0]) &&
			    sscanf(line, "UPDATE catalog_words SET word_group = %lld WHERE text = '%127[^']';",
				   &g->group, g->text) == 2) {
				sql_unquote(g->text);
				nregroups++;
			}
			continue;
		}

		/* The catalog's words: "(group, 'text')" lines of INSERT INTO
		 * catalog_words, read in a pass of their own before the phrasings. */
		if (strstr(line, "INSERT INTO catalog_words ")) {
			in_words = 1;
			continue;
		}
		if (in_words) {
			in_words = sscanf(line, " (%lld, '%8000[^']'", &group, text) == 2;
			for (size_t k = 0; in_words && k < nregroups; k++)
				if (strcmp(regroups[k].text, text) == 0)
					group = regroups[k].group;
			if (in_words && words_pass && score_catalog_add_word(cat, group, text) != 0) {
				fprintf(stderr, "bench-score: catalog word '%s' refused\n", text);
				fclose(f);
				return -1;
			}
			continue;
		}
		if (words_pass)
			continue;
		/* "UPDATE weaknesses SET about_presence = 1 WHERE slug = '…';" */
		if (strncmp(line, "UPDATE weaknesses SET about_presence = 1 WHERE slug = '", 55) == 0 &&
		    sscanf(line + 55, "%127[a-z0-9-]", slug) == 1) {
			for (size_t i = 0; i < cat->nweaknesses; i++)
				if (strcmp(cat->weaknesses[i].slug, slug) == 0)
					cat->weaknesses[i].presence = 1;
			continue;
		}
		if (strstr(line, "INSERT INTO weaknesses ")) {
			expect_slug = 1;
			continue;
		}
		if ((expect_slug && sscanf(line, " '%127[a-z0-9-]',", slug) == 1) ||
		    ((q = strstr(line, "slug = '")) && strncmp(line, "SET @w", 6) == 0 &&
		     sscanf(q, "slug = '%127[a-z0-9-]'", slug) == 1)) {
			expect_slug = 0;
			*current = -1;
			for (size_t i = 0; i < cat->nweaknesses; i++)
				if (strcmp(cat->weaknesses[i].slug, slug) == 0)
					*current = cat->weaknesses[i].id;
			if (*current < 0) {
				*current = (*next_id)++;
				if (score_catalog_add_weakness(cat, *current, slug, slug, slug) < 0)
					return -1;
			}
			continue;
		}
		if (*current >= 0 && sscanf(line, " (@w, '%2[a-z]', '%8000[^\n]", lang, text) == 2) {
			/* Drop the closing "')," or "');", then undo SQL's doubled quotes. */
			char *end = strrchr(text, '\'');

			if (!end)
				continue;
			*end = '\0';
			sql_unquote(text);
			for (size_t k = 0; k < nrewrites; k++)
				if (strcmp(text, rewrites[k].old_text) == 0)
					snprintf(text, sizeof(text), "%s", rewrites[k].new_text);
			if (score_catalog_add(cat, *current, (enum score_lang)score_lang_parse(lang),
					      text) != 0) {
				fclose(f);
				return -1;
			}
		}
	}
	fclose(f);
	return 0;
}

static int name_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int only_sql(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return n > 4 && strcmp(d->d_name + n - 4, ".sql") == 0;
}

/* The catalog as the migrations in dir insert it; with words, its words
 * first, as score_catalog_load reads them. */
static int load_catalog(struct score_catalog *cat, const char *dir, int words)
{
	struct dirent **names;
	long long next_id = 1, current = -1;
	int n = scandir(dir, &names, only_sql, name_order), rc = 0;
	char path[4096];

	if (n < 0)
		return -1;
	nrewrites = nregroups = 0;
	/* Rewrites, words, phrasings, then what each weakness is about. */
	for (int step = 0; step < 4; step++) {
		int pass = step < 3 ? 2 - step : 3;

		if (pass == 1 && !words)
			continue;
		for (int i = 0; i < n; i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			if (rc == 0 && load_file(cat, path, &next_id, &current, pass) != 0)
				rc = -1;
		}
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double percentile(double *sorted, size_t n, double p)
{
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);

	return sorted[i < n ? i : n - 1];
}

/* Every phrasing normalised as a critique is, for the reference. */
struct normalised {
	uint32_t *text;
	size_t len;
};
static struct normalised *phrasings_normalised;
static size_t nphrasings_normalised;

static int normalise_phrasings(const struct score_catalog *cat)
{
	size_t total = 0, k = 0;

	for (size_t i = 0; i < cat->nweaknesses; i++)
		total += cat->weaknesses[i].nphrasings;
	phrasings_normalised = calloc(total ? total : 1, sizeof(*phrasings_normalised));
	if (!phrasings_normalised)
		return -1;
	for (size_t i = 0; i < cat->nweaknesses; i++)
		for (size_t j = 0; j < cat->weaknesses[i].nphrasings; j++, k++) {
			uint32_t text[SCORE_MAX_TEXT];
			long n = normalize_critique(cat->weaknesses[i].phrasings[j].utf8, text,
						    SCORE_MAX_TEXT);

			if (n <= 0 || !(phrasings_normalised[k].text = malloc((size_t)n * sizeof(*text))))
				return -1;
			memcpy(phrasings_normalised[k].text, text, (size_t)n * sizeof(*text));
			phrasings_normalised[k].len = (size_t)n;
		}
	nphrasings_normalised = total;
	return 0;
}

/* The cheapest full pass: is the normalised critique exactly some phrasing? */
static int exact_scan(const char *critique)
{
	uint32_t text[SCORE_MAX_TEXT];
	long n = normalize_critique(critique, text, SCORE_MAX_TEXT);
	int found = 0;

	for (size_t k = 0; k < nphrasings_normalised; k++) {
		const struct normalised *p = &phrasings_normalised[k];

		if (n >= 0 && p->len == (size_t)n && memcmp(p->text, text, (size_t)n * sizeof(*text)) == 0)
			found++;
	}
	return found;
}

struct critique_kind {
	const char *name;
	const char *texts[4];
};

/* Critiques as critics write them: short and typical, and the longest allowed. */
static struct critique_kind kinds[] = {
	{ "English, typical (25-45 characters)",
	  { "You bubble sort 512 numbers on every request",
	    "cron as the job scheduler is so 1999",
	    "the database password is in plain text",
	    "no CDN for static files" } },
	{ "Japanese, typical (10-25 characters)",
	  { "リクエストのたびにバブルソートしてて重い",
	    "サーバーが1台しかなくて冗長性がない",
	    "ログを標準エラーに出しているだけ",
	    "CDNを使っていない" } },
	{ "the longest allowed (500 characters)", { NULL } },
};

/* One way of scoring, for the table of docs/MASAKARI.md: version 3 with
 * its parts taken away one by one. */
struct option {
	const char *name;
	int words;               /* the catalog's words (synonyms, compounds, known words) */
	unsigned long long rules; /* SCORE_RULE_* */
	int files;               /* file names kept whole (version 5) */
	int identifiers;         /* identifiers kept whole, domains not files (version 6) */
	int urls;                /* a URL's scheme no word, its host a domain (version 11) */
	int code;                /* markup's names no words (version 14) */
};

#define V27_RULES (SCORE_RULE_ALL & ~SCORE_RULE_NAMING)
#define V26_RULES (V27_RULES & ~SCORE_RULE_OWN_NEARER)
#define V25_RULES (V26_RULES & ~SCORE_RULE_OWN_LANGUAGE & ~SCORE_RULE_THIRD)
#define V24_RULES (V25_RULES & ~SCORE_RULE_BESIDES)
#define V23_RULES (V24_RULES & ~SCORE_RULE_PRAISED)
#define V22_RULES (V23_RULES & ~SCORE_RULE_SUGGESTED)
#define V21_RULES (V22_RULES & ~SCORE_RULE_SENTENCE & ~SCORE_RULE_OWN)
#define V20_RULES (V21_RULES & ~SCORE_RULE_SPELT)
#define V19_RULES (V20_RULES & ~SCORE_RULE_UNSAID & ~SCORE_RULE_CASE & ~SCORE_RULE_TELLING)
#define V18_RULES (V19_RULES & ~SCORE_RULE_ENDS)
#define V17_RULES (V18_RULES & ~SCORE_RULE_AS_WRITTEN)
#define V16_RULES (V17_RULES & ~SCORE_RULE_NEAR)
#define V15_RULES (V16_RULES & ~SCORE_RULE_RIVAL)
#define V14_RULES (V15_RULES & ~SCORE_RULE_THING)
#define V13_RULES (V14_RULES & ~SCORE_RULE_CODE)
#define V12_RULES (V13_RULES & ~SCORE_RULE_SUBJECT)
#define V11_RULES (V12_RULES & ~SCORE_RULE_GAME)
#define V10_RULES (V11_RULES & ~(SCORE_RULE_BEGINS | SCORE_RULE_ANY_PHRASING))
#define V9_RULES (V10_RULES & ~SCORE_RULE_FIRM)
#define V8_RULES (V9_RULES & ~SCORE_RULE_EVERYDAY)
#define V7_RULES (V8_RULES & ~SCORE_RULE_HIT_POWER)
#define V6_RULES (V7_RULES & ~(SCORE_RULE_NEGATION | SCORE_RULE_EVIDENCE | SCORE_RULE_PRAISE))
#define V5_RULES \
	(V6_RULES & ~(SCORE_RULE_LENGTHS | SCORE_RULE_PARTS | SCORE_RULE_CLOSE | SCORE_RULE_WEAK_MISSES))
#define V4_RULES (V5_RULES & ~SCORE_RULE_PHRASINGS)
/* The rules of each earlier version, by its number (BENCH_VERSION). */
static const unsigned long long version_rules[] = {
	[4] = V4_RULES,	  [5] = V5_RULES,   [6] = V6_RULES,   [7] = V7_RULES,
	[8] = V8_RULES,	  [9] = V9_RULES,   [10] = V10_RULES, [11] = V11_RULES,
	[12] = V12_RULES, [13] = V13_RULES, [14] = V14_RULES, [15] = V15_RULES,
	[16] = V16_RULES, [17] = V17_RULES, [18] = V18_RULES,
	[19] = V19_RULES, [20] = V20_RULES, [21] = V21_RULES, [22] = V22_RULES,
	[23] = V23_RULES, [24] = V24_RULES, [25] = V25_RULES,
	[26] = V26_RULES, [27] = V27_RULES,
};

static const struct option options[] = {
	{ "v2 rules (no catalog words, fuzzy next to equal)", 0, 0, 0, 0, 0, 0 },
	{ "+ catalog words: synonyms and compounds", 1, 0, 0, 0, 0, 0 },
	{ "+ a catalog word is like no other", 1, SCORE_RULE_KNOWN_WORDS, 0, 0, 0, 0 },
	{ "+ no word is like its extension", 1, SCORE_RULE_KNOWN_WORDS | SCORE_RULE_EXTENSIONS, 0, 0, 0, 0 },
	{ "v3: + alike Latin words begin alike", 1, SCORE_RULE_KNOWN_WORDS | SCORE_RULE_EXTENSIONS | SCORE_RULE_FIRST_LETTER, 0, 0, 0, 0 },
	{ "+ what it matched tells its weakness apart", 1, V4_RULES & ~SCORE_RULE_TWO_NAMED, 0, 0, 0, 0 },
	{ "v4: + two weaknesses named strongly hit neither", 1, V4_RULES, 0, 0, 0, 0 },
	{ "+ file names are words", 1, V4_RULES, 1, 0, 0, 0 },
	{ "v5 rules with sql/0126's and 0127's words and phrasings", 1, V5_RULES, 1, 0, 0, 0 },
	{ "+ short words alike only when equal", 1, V5_RULES | SCORE_RULE_LENGTHS, 1, 0, 0, 0 },
	{ "+ identifiers whole, domains not files", 1, V5_RULES | SCORE_RULE_LENGTHS, 1, 1, 0, 0 },
	{ "+ an identifier's parts count weakly", 1, V5_RULES | SCORE_RULE_LENGTHS | SCORE_RULE_PARTS, 1, 1, 0, 0 },
	{ "+ a close second makes a hit a guess", 1, V6_RULES & ~SCORE_RULE_WEAK_MISSES, 1, 1, 0, 0 },
	{ "v6: + a miss flies at most 15", 1, V6_RULES, 1, 1, 0, 0 },
	{ "+ a word said as missing is no evidence of a thing there", 1, V6_RULES | SCORE_RULE_NEGATION, 1, 1, 0, 0 },
	{ "+ the runner-up's own words must not outweigh the hit's", 1, V7_RULES & ~SCORE_RULE_PRAISE, 1, 1, 0, 0 },
	{ "v7: + praise is no critique", 1, V7_RULES, 1, 1, 0, 0 },
	{ "v8: + a hit flies from 40 at the threshold", 1, V8_RULES, 1, 1, 0, 0 },
	{ "v9: + two everyday words name nothing", 1, V9_RULES, 1, 1, 0, 0 },
	{ "v10: + a hit rests on words said firmly", 1, V10_RULES, 1, 1, 0, 0 },
	{ "+ a URL's scheme is no word, its host a domain", 1, V10_RULES, 1, 1, 1, 0 },
	{ "+ a Japanese word is not alike to a longer one by beginning it", 1, V10_RULES | SCORE_RULE_BEGINS, 1, 1, 1, 0 },
	{ "v11: + a weakness said in one word hits through a phrasing that hits", 1, V11_RULES, 1, 1, 1, 0 },
	{ "v12: + the game's own nouns are not among a hit's two words", 1, V12_RULES, 1, 1, 1, 0 },
	{ "v13: + a hit says its weakness's fault, not only its subject", 1, V13_RULES, 1, 1, 1, 0 },
	{ "v14: + a word written as code names that code", 1, V14_RULES, 1, 1, 1, 1 },
	{ "v15: + the fault said is its subject's", 1, V15_RULES, 1, 1, 1, 1 },
	{ "v16: + a runner-up whose fault is not said is no guess", 1, V16_RULES, 1, 1, 1, 1 },
	{ "v17: + but a runner-up tying the hit is one", 1, V17_RULES, 1, 1, 1, 1 },
	{ "v18: + praise is its word as written, not its stem", 1, V18_RULES, 1, 1, 1, 1 },
	{ "v19: + a file's name a part, a negation within its clause, a compound verb no verb it ends", 1, V19_RULES, 1, 1, 1, 1 },
	{ "+ a phrasing naming an unsaid subject scores nothing", 1, V19_RULES | SCORE_RULE_UNSAID, 1, 1, 1, 1 },
	{ "+ a runner-up saying nothing the hit does not is no reading", 1, V19_RULES | SCORE_RULE_UNSAID | SCORE_RULE_CASE, 1, 1, 1, 1 },
	{ "v20: + a hit says a word few weaknesses use", 1, V20_RULES, 1, 1, 1, 1 },
	{ "v21: + a near-spelling is another word", 1, V21_RULES, 1, 1, 1, 1 },
	{ "+ a Japanese ない read in its sentence", 1, V21_RULES | SCORE_RULE_SENTENCE, 1, 1, 1, 1 },
	{ "v22: + a runner-up of which only a part is said is no second weakness", 1, V22_RULES, 1, 1, 1, 1 },
	{ "v23: + a suggestion is no praise", 1, V23_RULES, 1, 1, 1, 1 },
	{ "v24: + praise is of what its clause says", 1, V24_RULES, 1, 1, 1, 1 },
	{ "v25: + a weakness said beside the praise is faulted", 1, V25_RULES, 1, 1, 1, 1 },
	{ "+ a phrasing of the other language said by one word is no reading", 1, V25_RULES | SCORE_RULE_OWN_LANGUAGE, 1, 1, 1, 1 },
	{ "v26: + a third reading close to the hit makes a guess", 1, V26_RULES, 1, 1, 1, 1 },
	{ "v27: + own words decide from 0.70, a close score too", 1, V27_RULES, 1, 1, 1, 1 },
	{ "**v28 (default): + a remark on a name is no critique of the thing named**", 1, SCORE_RULE_ALL, 1, 1, 1, 1 },
};

/* Per language: aimed critiques hitting their weakness, another one, none;
 * unrelated critiques hitting something, and in all; the powers. */
struct tally {
	int aimed, right, wrong, missed, unrelated, leaked;
	double miss_power[512], hit_power[512], miss_score[512];
	int nmiss_power, nhit_power;
};

static double median_of(double *v, int n)
{
	if (n == 0)
		return 0.0;
	qsort(v, (size_t)n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}


/* Sorts the critiques of path into t, scored by cat as option o says. With
 * verbose, prints every critique that lands wrong. */
static int tally_file(const struct score_catalog *cat, const struct option *o, const char *path,
		      struct tally t[SCORE_LANGS], int verbose)
{
	char line[LINE_MAX_BYTES];
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	memset(t, 0, SCORE_LANGS * sizeof(*t));
	while (fgets(line, sizeof(line), f)) {
		char *kind, *want, *lang, *text, *save = NULL;
		struct score_result r;
		struct tally *l;
		int lang_id, rc, power;

		if (line[0] == '#')
			continue;
		line[strcspn(line, "\n")] = '\0';
		kind = strtok_r(line, "\t", &save);
		want = strtok_r(NULL, "\t", &save);
		lang = strtok_r(NULL, "\t", &save);
		text = strtok_r(NULL, "\t", &save);
		lang_id = score_lang_parse(lang);
		if (!kind || !want || !text || lang_id < 0)
			continue;
		(void)o;
		rc = score_critique(cat, text, &r);
		if (rc != 0)
			continue;
		power = r.power;
		l = &t[lang_id];
		if (strcmp(kind, "hit") == 0) {
			const char *got = r.weakness_index < 0 ? NULL
							       : cat->weaknesses[r.weakness_index].slug;

			l->aimed++;
			if (!got)
				l->missed++;
			else if (strcmp(got, want) == 0)
				l->right++;
			else
				l->wrong++;
			if (got && strcmp(got, want) == 0 && l->nhit_power < 512)
				l->hit_power[l->nhit_power++] = power;
			if (verbose && (!got || strcmp(got, want) != 0))
				printf("    %s aimed %s %.3f %s (nearest %s; then %s %.3f): %s\n", path, lang,
				       r.score, got ? got : "missed",
				       r.nearest_index >= 0 ? cat->weaknesses[r.nearest_index].slug : "-",
				       r.runner_up_index >= 0 ? cat->weaknesses[r.runner_up_index].slug : "-",
				       r.runner_up_score, text);
		} else {
			if (l->unrelated < 512) {
				l->miss_power[l->unrelated] = power;
				l->miss_score[l->unrelated] = r.score;
			}
			l->unrelated++;
			l->leaked += r.weakness_index >= 0;
			if (verbose && r.weakness_index >= 0)
				printf("    %s unrelated %s %.3f hit %s (then %s %.3f): %s\n", path, lang,
				       r.score, cat->weaknesses[r.weakness_index].slug,
				       r.runner_up_index >= 0 ? cat->weaknesses[r.runner_up_index].slug : "-",
				       r.runner_up_score, text);
		}
	}
	fclose(f);
	return 0;
}

static void print_row(const char *name, const char *set, const struct tally *t, int li)
{
	double mp[512], hp[512];
	int nu = t->unrelated < 512 ? t->unrelated : 512;

	memcpy(mp, t->miss_power, sizeof(mp));
	memcpy(hp, t->hit_power, sizeof(hp));
	printf("| %s | %s | %s | %d of %d (%.0f %%) | %d | %d | %d of %d (%.0f %%) | %.0f | %.0f |\n",
	       name, set, score_lang_name((enum score_lang)li), t->right, t->aimed,
	       t->aimed ? 100.0 * t->right / t->aimed : 0.0, t->wrong, t->missed, t->leaked,
	       t->unrelated, t->unrelated ? 100.0 * t->leaked / t->unrelated : 0.0,
	       median_of(mp, nu), median_of(hp, t->nhit_power));
}

/* The sets of critiques, in the order of the table: the tuning set, and the
 * held-out sets (NULL when not given). */
static const char *const set_names[] = { "labelled", "held out", "fresh held out",
					 "third held out", "fourth held out", "fifth held out",
					 "sixth held out", "seventh held out", "eighth held out",
					 "ninth held out", "tenth held out",
					 "eleventh held out", "twelfth held out",
					 "thirteenth held out", "fourteenth held out",
					 "fifteenth held out", "sixteenth held out",
					 "seventeenth held out", "eighteenth held out",
					 "nineteenth held out", "twentieth held out",
					 "twenty-first held out", "twenty-second held out",
					 "twenty-third held out", "twenty-fourth held out",
					 "twenty-fifth held out", "twenty-sixth held out",
					 "twenty-seventh held out", "twenty-eighth held out",
					 "twenty-ninth held out", "thirtieth held out",
					 "thirty-first held out", "thirty-second held out",
					 "thirty-third held out", "thirty-fourth held out",
					 "thirty-fifth held out", "thirty-sixth held out",
					 "thirty-seventh held out", "thirty-eighth held out",
					 "thirty-ninth held out", "fortieth held out",
					 "forty-first held out", "forty-second held out",
					 "forty-third held out", "forty-fourth held out",
					 "forty-fifth held out", "forty-sixth held out",
					 "forty-seventh held out", "forty-eighth held out",
					 "forty-ninth held out", "fiftieth held out",
					 "fifty-first held out", "fifty-second held out",
					 "fifty-third held out", "fifty-fourth held out",
					 "fifty-fifth held out", "fifty-sixth held out",
					 "fifty-seventh held out", "fifty-eighth held out",
					 "fifty-ninth held out", "sixtieth held out" };
#define SETS_MAX (sizeof(set_names) / sizeof(set_names[0]))
struct sets {
	const char *path[SETS_MAX];
};

static int evaluate(const char *sql, const struct sets *sets, int verbose)
{
	printf("\n| scoring | set | language | aimed: right weakness | aimed: another | aimed: "
	       "missed | unrelated: hit something | unrelated: median power | aimed hits: "
	       "median power |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t oi = 0; oi < sizeof(options) / sizeof(options[0]); oi++) {
		const struct option *o = &options[oi];
		static struct tally t[SCORE_LANGS];
		struct score_catalog cat;
		int last = oi + 1 == sizeof(options) / sizeof(options[0]);

		score_catalog_init(&cat);
		cat.rules = o->rules;
		tokenize_keep_file_names(o->files);
		tokenize_v6_rules(o->identifiers);
		tokenize_v11_rules(o->urls);
		tokenize_v14_rules(o->code);
		tokenize_v18_rules((o->rules & SCORE_RULE_AS_WRITTEN) != 0);
		tokenize_v19_rules((o->rules & SCORE_RULE_ENDS) != 0);
		tokenize_v22_rules((o->rules & SCORE_RULE_SENTENCE) != 0);
		tokenize_v23_rules((o->rules & SCORE_RULE_SUGGESTED) != 0);
		/* BENCH_THRESHOLD and BENCH_WORD_THRESHOLD try other values of the
		 * version 2 rule without a rebuild. */
		if (getenv("BENCH_THRESHOLD"))
			cat.miss_threshold[SCORE_LANG_JA] = cat.miss_threshold[SCORE_LANG_EN] =
				atof(getenv("BENCH_THRESHOLD"));
		if (getenv("BENCH_WORD_THRESHOLD"))
			cat.word_threshold = atof(getenv("BENCH_WORD_THRESHOLD"));
		if (load_catalog(&cat, sql, o->words) != 0)
			return -1;
		for (int set = 0; set < (int)(sizeof(sets->path) / sizeof(sets->path[0])); set++) {
			const char *path = sets->path[set];

			if (!path)
				continue;
			if (tally_file(&cat, o, path, t, verbose && last) != 0)
				return -1;
			for (int li = 0; li < SCORE_LANGS; li++)
				print_row(o->name, set_names[set], &t[li], li);
			if (last && set == 0)
				for (int li = 0; li < SCORE_LANGS; li++) {
					double sc[512];
					int nu = t[li].unrelated < 512 ? t[li].unrelated : 512;

					/* The rows so far first: a test reads them
					 * with this line in the same file. */
					fflush(stdout);
					memcpy(sc, t[li].miss_score, sizeof(sc));
					qsort(sc, (size_t)nu, sizeof(*sc), by_value);
					fprintf(stderr, "unrelated %s scores: median %.3f, p75 %.3f, p90 %.3f, p95 %.3f, max %.3f\n",
						score_lang_name((enum score_lang)li), median_of(sc, nu),
						sc[(int)(0.75 * (nu - 1))], sc[(int)(0.9 * (nu - 1))],
						sc[(int)(0.95 * (nu - 1))], sc[nu - 1]);
				}
		}
		score_catalog_free(&cat);
	}
	tokenize_keep_file_names(1);
	tokenize_v6_rules(1);
	tokenize_v11_rules(1);
	tokenize_v14_rules(1);
	tokenize_v18_rules(1);
	tokenize_v19_rules(1);
	tokenize_v22_rules(1);
	tokenize_v23_rules(1);
	return 0;
}

int main(int argc, char **argv)
{
	static char longest[2048];
	struct score_catalog cat;
	size_t nphrasings = 0, rounds = argc > 2 ? strtoul(argv[2], NULL, 10) : 20000;
	double *times, *ref_times;
	volatile int sink = 0;
	int version;

	if (argc > 2 && (strcmp(argv[2], "-") == 0 || strcmp(argv[2], "catalog") == 0))
		rounds = 100;
	if (argc < 2 || rounds < 100) {
		fprintf(stderr, "usage: bench-score SQL_DIR [ROUNDS >= 100 [LABELLED [HELD_OUT [FRESH [THIRD [FOURTH [FIFTH [SIXTH [SEVENTH [EIGHTH [NINTH [TENTH [ELEVENTH [TWELFTH [THIRTEENTH [FOURTEENTH [FIFTEENTH [SIXTEENTH [SEVENTEENTH [EIGHTEENTH [NINETEENTH [TWENTIETH [TWENTY_FIRST [TWENTY_SECOND [TWENTY_THIRD [TWENTY_FOURTH [TWENTY_FIFTH [TWENTY_SIXTH [TWENTY_SEVENTH [TWENTY_EIGHTH [TWENTY_NINTH [THIRTIETH [THIRTY_FIRST [THIRTY_SECOND [THIRTY_THIRD [THIRTY_FOURTH [THIRTY_FIFTH [THIRTY_SIXTH [THIRTY_SEVENTH [THIRTY_EIGHTH [THIRTY_NINTH [FORTIETH [FORTY_FIRST [FORTY_SECOND [FORTY_THIRD [FORTY_FOURTH [FORTY_FIFTH [FORTY_SIXTH [FORTY_SEVENTH [FORTY_EIGHTH [FORTY_NINTH [FIFTIETH [FIFTY_FIRST [FIFTY_SECOND [FIFTY_THIRD [FIFTY_FOURTH [FIFTY_FIFTH [FIFTY_SIXTH [FIFTY_SEVENTH [FIFTY_EIGHTH [FIFTY_NINTH [SIXTIETH]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n");
		return 2;
	}
	score_catalog_init(&cat);
	version = getenv("BENCH_VERSION") ? atoi(getenv("BENCH_VERSION")) : 0;
	/* BENCH_VERSION=4 to 27 scores "-" texts as that version did (its
	 * rules; file names cut in 4, identifiers cut before 6, URLs read as
	 * prose before 11, markup before 14, "means" a word before 18, a
	 * file one word and negations past their clause before 19, a
	 * Japanese sentence not ended at 。 and every ない a word before 22, a
	 * suggested 良い praise before 23),
	 * for comparing two versions critique by critique. */
	if (version >= 4 && version <= 27) {
		cat.rules = version_rules[version];
		if (version == 4)
			tokenize_keep_file_names(0);
		if (version <= 5)
			tokenize_v6_rules(0);
		if (version <= 10)
			tokenize_v11_rules(0);
		if (version <= 13)
			tokenize_v14_rules(0);
		if (version <= 17)
			tokenize_v18_rules(0);
		if (version <= 18)
			tokenize_v19_rules(0);
		if (version <= 21)
			tokenize_v22_rules(0);
		if (version <= 22)
			tokenize_v23_rules(0);
	}
	if (load_catalog(&cat, argv[1], 1) != 0 || cat.nweaknesses == 0 ||
	    normalise_phrasings(&cat) != 0) {
		fprintf(stderr, "bench-score: cannot read the catalog from %s\n", argv[1]);
		return 1;
	}
	/* bench-score SQL_DIR catalog: every weakness's phrasings and subject
	 * words as the migrations leave them, and each word's canon and df,
	 * for reading which words two weaknesses share. */
	if (argc == 3 && strcmp(argv[2], "catalog") == 0) {
		for (size_t i = 0; i < cat.nweaknesses; i++) {
			const struct score_weakness *w = &cat.weaknesses[i];

			printf("%s%s\n", w->slug, w->presence ? " (presence)" : "");
			for (size_t k = 0; k < w->nphrasings; k++) {
				printf("  %s %s |", w->phrasings[k].lang == SCORE_LANG_JA ? "ja" : "en",
				       w->phrasings[k].utf8);
				for (size_t j = 0; j < w->phrasings[k].nwords; j++)
					print_word(&cat, w->phrasings[k].words[j]);
				printf("\n");
			}
			printf("  subjects:");
			for (size_t j = 0; j < w->nsubjects; j++)
				print_word(&cat, w->subjects[j]);
			printf("\n");
		}
		return 0;
	}
	/* bench-score SQL_DIR - TEXT…: how each text scores, for writing tests. */
	if (argc > 2 && strcmp(argv[2], "-") == 0) {
		for (int i = 3; i < argc; i++) {
			struct score_result r;

			if (score_critique(&cat, argv[i], &r) != 0)
				return 1;
			printf("%.6f %d v%d %s%s%s (nearest %s; then %s %.3f; precision %.3f) %s\n",
			       r.score, r.power, (int)r.verdict,
			       r.weakness_index >= 0 ? cat.weaknesses[r.weakness_index].slug : "missed",
			       r.other_index >= 0 ? ": says as well " : "",
			       r.other_index >= 0 ? cat.weaknesses[r.other_index].slug : "",
			       r.nearest_index >= 0 ? cat.weaknesses[r.nearest_index].slug : "-",
			       r.runner_up_index >= 0 ? cat.weaknesses[r.runner_up_index].slug : "-",
			       r.runner_up_score, r.precision, argv[i]);
			if (getenv("BENCH_VERBOSE") && r.nearest_index >= 0) {
				static struct score_explanation e;

				score_explain(&cat, argv[i], &e);
				printf("  phrasing: %s\n",
				       cat.weaknesses[r.nearest_index].phrasings[r.phrasing_index].utf8);
				for (size_t m = 0; m < e.nmatches; m++) {
					char a[256], b[256];
					size_t na = 0, nb = 0;

					for (size_t j = 0; j < e.matches[m].word->len; j++)
						na += (size_t)utf8_encode(e.matches[m].word->text[j], a + na);
					for (size_t j = 0; j < e.matches[m].critique_len; j++)
						nb += (size_t)utf8_encode(e.matches[m].critique_word[j], b + nb);
					printf("    %.*s (%.2f) <- %.*s %.3f\n", (int)na, a,
					       e.matches[m].word->idf, (int)nb, b, e.matches[m].likeness);
				}
			}
		}
		return 0;
	}
	for (size_t i = 0; i < cat.nweaknesses; i++)
		nphrasings += cat.weaknesses[i].nphrasings;
	/* 500 characters of a long, careful critique in English. */
	while (strlen(longest) < 500)
		strcat(longest, "the flooder polls the queue in MySQL every 250 ms instead of being told ");
	longest[500] = '\0';
	kinds[2].texts[0] = longest;
	times = malloc(rounds * sizeof(*times));
	ref_times = malloc(rounds * sizeof(*ref_times));
	if (!times || !ref_times)
		return 1;
	printf("catalog: %zu weaknesses, %zu phrasings; %zu rounds per kind\n\n", cat.nweaknesses,
	       nphrasings, rounds);
	printf("| critique | scoring median | scoring p99 | reference median | median / reference "
	       "|\n");
	printf("| --- | ---: | ---: | ---: | ---: |\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		size_t ntexts = 0;
		double median, p99, ref;
		struct score_result r;

		while (ntexts < 4 && kinds[k].texts[ntexts])
			ntexts++;
		/* The reference and the scoring take turns, call by call, on the
		 * same text: a machine that slows down or speeds up in the middle
		 * of a run (another process, the clock's frequency) moves both
		 * alike, and their ratio means the same from run to run. */
		for (size_t i = 0; i < rounds; i++) {
			const char *text = kinds[k].texts[i % ntexts];
			double t0 = clock_monotonic() * 1e6, t1;

			sink += exact_scan(text);
			t1 = clock_monotonic() * 1e6;
			ref_times[i] = t1 - t0;
			if (score_critique(&cat, text, &r) != 0)
				return 1;
			times[i] = (clock_monotonic() * 1e6) - t1;
			sink += r.power;
		}
		qsort(ref_times, rounds, sizeof(*ref_times), by_value);
		ref = percentile(ref_times, rounds, 0.5);
		qsort(times, rounds, sizeof(*times), by_value);
		median = percentile(times, rounds, 0.5);
		p99 = percentile(times, rounds, 0.99);
		printf("| %s | %.1f µs | %.1f µs | %.2f µs | %.0f |\n", kinds[k].name, median, p99,
		       ref, median / ref);
	}
	free(times);
	free(ref_times);
	if (argc > 3) {
		struct sets sets = { { NULL } };

		if ((size_t)argc - 3 > SETS_MAX) {
			fprintf(stderr, "bench-score: at most %zu sets of critiques\n", SETS_MAX);
			return 2;
		}
		for (int i = 3; i < argc; i++)
			sets.path[i - 3] = argv[i];
		if (evaluate(argv[1], &sets, getenv("BENCH_VERBOSE") != NULL) != 0) {
			fprintf(stderr, "bench-score: cannot read %s\n", argv[3]);
			return 1;
		}
	}
	score_catalog_free(&cat);
	return sink == -1;
}
