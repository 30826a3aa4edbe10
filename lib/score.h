/* score.h — the weakness catalog in memory, and the weakness a critique hits.
 *
 * A catalog holds the legacy target's known weaknesses, each with several
 * phrasings (Japanese and English) kept already normalised. A critique is
 * normalised the same way and compared by Jaro–Winkler with every phrasing of
 * every weakness; the highest score wins, and on a tie the phrasing added
 * first. Loading (score_catalog_load) is kept apart from matching so that the
 * matching can be used and tested without a database.
 *
 * The miss rule. The best score is a hit only when
 *   - it reaches the miss threshold of the winning phrasing's language, and
 *   - the critique is at least min_length_ratio times as long as that phrasing.
 * Jaro–Winkler's noise floor depends on the alphabet: two unrelated English
 * sentences, spaces removed, share most of 26 letters and score 0.6–0.75,
 * while unrelated Japanese sits near 0.5, so one threshold cannot serve both.
 * And because Jaro counts matches against each string's own length, a very
 * short critique ("no", "sort") scores high against any phrasing that starts
 * with it; it has not named the weakness, so it does not hit it. The power
 * still follows the score (score_power), hit or miss. docs/MASAKARI.md has
 * the measurements behind the defaults. */
#ifndef MASAKARI_SCORE_H
#define MASAKARI_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include <ClearSilver.h>

#include "db.h"

/* The language of a phrasing, which picks its miss threshold. */
enum score_lang {
	SCORE_LANG_JA = 0,
	SCORE_LANG_EN = 1,
};
#define SCORE_LANGS 2

/* A best score below its language's threshold hits no weakness (the throw
 * still attacks). */
#define SCORE_MISS_THRESHOLD_JA_DEFAULT 0.65
#define SCORE_MISS_THRESHOLD_EN_DEFAULT 0.80
/* A critique shorter than this fraction of the winning phrasing misses. */
#define SCORE_MIN_LENGTH_RATIO_DEFAULT 0.5
/* Longest critique or phrasing, in code points after normalisation; the form
 * accepts at most 500 characters. */
#define SCORE_MAX_TEXT 1024

struct score_phrasing {
	uint32_t *text;          /* normalised code points */
	size_t len;              /* never 0 */
	enum score_lang lang;
};

struct score_weakness {
	long long id;            /* weaknesses.id */
	char *slug;
	char *title_ja;
	char *title_en;
	struct score_phrasing *phrasings;
	size_t nphrasings;
	size_t phrasings_cap;
};

struct score_catalog {
	struct score_weakness *weaknesses;
	size_t nweaknesses;
	size_t weaknesses_cap;
	/* The miss rule's parameters; the defaults unless changed. */
	double miss_threshold[SCORE_LANGS];   /* indexed by enum score_lang */
	double min_length_ratio;
};

/* Why a critique hit or missed. */
enum score_verdict {
	SCORE_HIT,
	SCORE_MISS_NOTHING,      /* empty after normalisation, or an empty catalog */
	SCORE_MISS_LOW,          /* below the threshold of the phrasing's language */
	SCORE_MISS_SHORT,        /* too short for the phrasing it came closest to */
};

struct score_result {
	double score;            /* best similarity, 0–1 */
	int weakness_index;      /* index into weaknesses, or -1 for a miss */
	int nearest_index;       /* the best phrasing's weakness, hit or miss; -1 if none */
	enum score_lang lang;    /* the best phrasing's language (JA when none) */
	enum score_verdict verdict;
	int power;               /* requests per second, 1–100 (score_power) */
};

/* Makes an empty catalog with the default miss rule; never fails. */
void score_catalog_init(struct score_catalog *cat);

/* Sets the miss rule from the configuration: Masakari.MissThreshold.ja and
 * .en (0–1) and Masakari.MinLengthRatio (0–1). A missing or bad value keeps
 * the default (a bad one is logged); never fails. */
void score_catalog_configure(struct score_catalog *cat, HDF *config);

/* Adds a weakness (no phrasings yet). Returns its index, or -1 when out of
 * memory or when the id is already in the catalog (nothing is added). */
int score_catalog_add_weakness(struct score_catalog *cat, long long id, const char *slug,
			       const char *title_ja, const char *title_en);

/* Adds a phrasing in lang, normalised, to the weakness with that id. Returns
 * 0; -1 when out of memory; -2 when the phrasing cannot be used: no weakness
 * has that id, it is not valid UTF-8, nothing is left after normalisation, or
 * it is longer than SCORE_MAX_TEXT. Nothing is added on failure. */
int score_catalog_add(struct score_catalog *cat, long long weakness_id, enum score_lang lang,
		      const char *phrasing);

/* The language named "ja" or "en"; -1 for anything else. */
int score_lang_parse(const char *name);

/* "ja" or "en". */
const char *score_lang_name(enum score_lang lang);

/* Attack power for a score: ceil(100 * score) requests per second, at most
 * 100 and at least 1, so that a throw that matches nothing at all still
 * visibly flies. Never fails (NaN gives 1). */
int score_power(double score);

/* Scores a NUL-terminated UTF-8 critique against the whole catalog into *out.
 * A critique with nothing left after normalisation, or an empty catalog,
 * scores 0 and misses. Returns 0, or -1 when the critique is not valid UTF-8
 * or longer than SCORE_MAX_TEXT after normalisation (*out untouched). */
int score_critique(const struct score_catalog *cat, const char *critique,
		   struct score_result *out);

/* Replaces cat's contents (an initialised catalog) with the weaknesses and
 * phrasings in the database, ordered by id; keeps its miss rule. A
 * phrasing that cannot be used is skipped with a warning. Returns 0, or -1
 * with the reason logged and cat left as it was. */
int score_catalog_load(struct score_catalog *cat, db_t *db);

/* Frees what the catalog holds and leaves it empty (miss rule kept), ready
 * for reuse; never fails. */
void score_catalog_free(struct score_catalog *cat);

#endif
