/* score_bench.c — how long scoring one critique against the whole weakness
 * catalog takes (normalisation, then Jaro–Winkler against every phrasing).
 *
 *   bench-score SQL_DIR [ROUNDS [LABELLED]]
 *
 * The catalog is read from the migrations in SQL_DIR, exactly the weaknesses
 * and phrasings they insert, so no database is needed and nothing but scoring
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
#include "jw.h"
#include "normalize.h"
#include "score.h"

#define LINE_MAX_BYTES 8192

/* Reads one migration: a weakness starts at a line holding only its quoted
 * slug (the first value of INSERT INTO weaknesses) or at SET @w = (SELECT …
 * slug = '…'); each "(@w, 'ja'|'en', '…')" line is one of its phrasings. */
static int load_file(struct score_catalog *cat, const char *path, long long *next_id,
		     long long *current)
{
	char line[LINE_MAX_BYTES], text[LINE_MAX_BYTES], lang[3], slug[128];
	FILE *f = fopen(path, "r");
	int expect_slug = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *q;

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
			size_t o = 0;

			if (!end)
				continue;
			*end = '\0';
			for (size_t i = 0; text[i]; i++) {
				text[o++] = text[i];
				if (text[i] == '\'' && text[i + 1] == '\'')
					i++;
			}
			text[o] = '\0';
			if (score_catalog_add(cat, *current, (enum score_lang)score_lang_parse(lang),
					      text) != 0)
				return -1;
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

static int load_catalog(struct score_catalog *cat, const char *dir)
{
	struct dirent **names;
	long long next_id = 1, current = -1;
	int n = scandir(dir, &names, only_sql, name_order), rc = 0;
	char path[4096];

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if (rc == 0 && load_file(cat, path, &next_id, &current) != 0)
			rc = -1;
		free(names[i]);
	}
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

/* The cheapest full pass: is the normalised critique exactly some phrasing? */
static int exact_scan(const struct score_catalog *cat, const char *critique)
{
	uint32_t text[SCORE_MAX_TEXT];
	long n = normalize_critique(critique, text, SCORE_MAX_TEXT);
	int found = 0;

	for (size_t i = 0; i < cat->nweaknesses; i++)
		for (size_t k = 0; k < cat->weaknesses[i].nphrasings; k++) {
			const struct score_phrasing *p = &cat->weaknesses[i].phrasings[k];

			if (n >= 0 && p->len == (size_t)n &&
			    memcmp(p->text, text, (size_t)n * sizeof(*text)) == 0)
				found++;
		}
	return found;
}

/* Scoring as it was before jw_prepare: the textbook scan of the window for
 * every phrasing. Same result, for the speed-up in the same run. */
static double textbook_best(const struct score_catalog *cat, const char *critique)
{
	uint32_t text[SCORE_MAX_TEXT];
	long n = normalize_critique(critique, text, SCORE_MAX_TEXT);
	double best = 0.0;

	for (size_t i = 0; i < cat->nweaknesses && n >= 0; i++)
		for (size_t k = 0; k < cat->weaknesses[i].nphrasings; k++) {
			const struct score_phrasing *p = &cat->weaknesses[i].phrasings[k];
			double s = jw_similarity(text, (size_t)n, p->text, p->len);

			if (s > best)
				best = s;
		}
	return best;
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

struct rule {
	const char *name;
	double ja, en, length_ratio;
};

/* Miss rules side by side: the old single threshold, and thresholds per
 * language with and without the length rule, around the defaults. */
static const struct rule rules[] = {
	{ "one threshold, 0.6", 0.6, 0.6, 0.0 },
	{ "ja 0.65, en 0.80, no length rule", 0.65, 0.80, 0.0 },
	{ "ja 0.65, en 0.70, length", 0.65, 0.70, 0.5 },
	{ "ja 0.65, en 0.75, length", 0.65, 0.75, 0.5 },
	{ "ja 0.65, en 0.80, length (default)", 0.65, 0.80, 0.5 },
	{ "ja 0.65, en 0.85, length", 0.65, 0.85, 0.5 },
	{ "ja 0.60, en 0.80, length", 0.60, 0.80, 0.5 },
	{ "ja 0.70, en 0.80, length", 0.70, 0.80, 0.5 },
};

/* Per language: aimed critiques hitting their weakness, another one, none;
 * unrelated critiques hitting something, and in all. */
struct tally {
	int aimed, right, wrong, missed, unrelated, leaked;
};

static int evaluate(struct score_catalog *cat, const char *path)
{
	char line[LINE_MAX_BYTES];

	printf("\n| miss rule | language | aimed: right weakness | aimed: another | aimed: missed | "
	       "unrelated: hit something |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
	for (size_t ri = 0; ri < sizeof(rules) / sizeof(rules[0]); ri++) {
		struct tally t[SCORE_LANGS] = { { 0 } };
		FILE *f = fopen(path, "r");

		if (!f)
			return -1;
		cat->miss_threshold[SCORE_LANG_JA] = rules[ri].ja;
		cat->miss_threshold[SCORE_LANG_EN] = rules[ri].en;
		cat->min_length_ratio = rules[ri].length_ratio;
		while (fgets(line, sizeof(line), f)) {
			char *kind, *want, *lang, *text, *save = NULL;
			struct score_result r;
			struct tally *l;
			int lang_id;

			if (line[0] == '#')
				continue;
			line[strcspn(line, "\n")] = '\0';
			kind = strtok_r(line, "\t", &save);
			want = strtok_r(NULL, "\t", &save);
			lang = strtok_r(NULL, "\t", &save);
			text = strtok_r(NULL, "\t", &save);
			lang_id = score_lang_parse(lang);
			if (!kind || !want || !text || lang_id < 0 ||
			    score_critique(cat, text, &r) != 0)
				continue;
			l = &t[lang_id];
			if (strcmp(kind, "hit") == 0) {
				l->aimed++;
				if (r.weakness_index < 0)
					l->missed++;
				else if (strcmp(cat->weaknesses[r.weakness_index].slug, want) == 0)
					l->right++;
				else
					l->wrong++;
			} else {
				l->unrelated++;
				l->leaked += r.weakness_index >= 0;
			}
		}
		fclose(f);
		for (int li = 0; li < SCORE_LANGS; li++)
			printf("| %s | %s | %d of %d | %d | %d | %d of %d |\n", rules[ri].name,
			       score_lang_name((enum score_lang)li), t[li].right, t[li].aimed,
			       t[li].wrong, t[li].missed, t[li].leaked, t[li].unrelated);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char longest[2048];
	struct score_catalog cat;
	size_t nphrasings = 0, rounds = argc > 2 ? strtoul(argv[2], NULL, 10) : 20000;
	double *times;
	volatile int sink = 0;

	if (argc < 2 || rounds < 100) {
		fprintf(stderr, "usage: bench-score SQL_DIR [ROUNDS >= 100 [LABELLED]]\n");
		return 2;
	}
	score_catalog_init(&cat);
	if (load_catalog(&cat, argv[1]) != 0 || cat.nweaknesses == 0) {
		fprintf(stderr, "bench-score: cannot read the catalog from %s\n", argv[1]);
		return 1;
	}
	for (size_t i = 0; i < cat.nweaknesses; i++)
		nphrasings += cat.weaknesses[i].nphrasings;
	/* 500 characters of a long, careful critique in English. */
	while (strlen(longest) < 500)
		strcat(longest, "the flooder polls the queue in MySQL every 250 ms instead of being told ");
	longest[500] = '\0';
	kinds[2].texts[0] = longest;
	times = malloc(rounds * sizeof(*times));
	if (!times)
		return 1;
	printf("catalog: %zu weaknesses, %zu phrasings; %zu rounds per kind\n\n", cat.nweaknesses,
	       nphrasings, rounds);
	printf("| critique | scoring median | scoring p99 | reference median | median / reference "
	       "| textbook scan median | scan / scoring |\n");
	printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		size_t ntexts = 0;
		double median, p99, ref, scan;
		struct score_result r;

		while (ntexts < 4 && kinds[k].texts[ntexts])
			ntexts++;
		/* Both ways must find the same best score, or the comparison means nothing. */
		for (size_t i = 0; i < ntexts; i++)
			if (score_critique(&cat, kinds[k].texts[i], &r) != 0 ||
			    textbook_best(&cat, kinds[k].texts[i]) != r.score) {
				fprintf(stderr, "bench-score: the two ways disagree on \"%s\"\n",
					kinds[k].texts[i]);
				return 1;
			}
		for (size_t i = 0; i < rounds; i++) {
			const char *text = kinds[k].texts[i % ntexts];
			double t0 = clock_monotonic() * 1e6;

			sink += exact_scan(&cat, text);
			times[i] = (clock_monotonic() * 1e6) - t0;
		}
		qsort(times, rounds, sizeof(*times), by_value);
		ref = percentile(times, rounds, 0.5);
		for (size_t i = 0; i < rounds; i++) {
			const char *text = kinds[k].texts[i % ntexts];
			double t0 = clock_monotonic() * 1e6;

			if (score_critique(&cat, text, &r) != 0)
				return 1;
			times[i] = (clock_monotonic() * 1e6) - t0;
			sink += r.power;
		}
		qsort(times, rounds, sizeof(*times), by_value);
		median = percentile(times, rounds, 0.5);
		p99 = percentile(times, rounds, 0.99);
		for (size_t i = 0; i < rounds / 10; i++) {
			const char *text = kinds[k].texts[i % ntexts];
			double t0 = clock_monotonic() * 1e6;

			sink += textbook_best(&cat, text) > 0.5;
			times[i] = (clock_monotonic() * 1e6) - t0;
		}
		qsort(times, rounds / 10, sizeof(*times), by_value);
		scan = percentile(times, rounds / 10, 0.5);
		printf("| %s | %.1f µs | %.1f µs | %.2f µs | %.0f | %.1f µs | %.1f |\n", kinds[k].name,
		       median, p99, ref, median / ref, scan, scan / median);
	}
	free(times);
	if (argc > 3 && evaluate(&cat, argv[3]) != 0) {
		fprintf(stderr, "bench-score: cannot read %s\n", argv[3]);
		return 1;
	}
	score_catalog_free(&cat);
	return sink == -1;
}
