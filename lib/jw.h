/* jw.h — Jaro–Winkler similarity over Unicode code points.
 *
 * The standard definition: two characters match when they are equal and at
 * most floor(max(|a|,|b|)/2) - 1 positions apart (a negative window counts as
 * 0), each character matched at most once; t is half the number of matched
 * characters that appear in a different order; Jaro = (m/|a| + m/|b| +
 * (m-t)/m) / 3; when Jaro > 0.7 the Winkler bonus l * 0.1 * (1 - Jaro) is
 * added for a common prefix of l <= 4 characters. Identical strings (two empty
 * ones included) score 1, exactly one empty string or no match at all 0. */
#ifndef MASAKARI_JW_H
#define MASAKARI_JW_H

#include <stddef.h>
#include <stdint.h>

/* Longest input (code points per side) compared without allocating: the
 * scorer calls jw_similarity for every phrasing of every weakness, and a
 * critique is at most 500 characters. */
#define JW_STACK_LEN 4096

/* Similarity of a[0..na) and b[0..nb) in [0, 1]. Inputs longer than
 * JW_STACK_LEN take a heap scratch; if that allocation fails it returns -1.0. */
double jw_similarity(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* One string prepared for comparison with many others (a critique against
 * every phrasing of the catalog). Each distinct code point of it gets a small
 * id; a short other string then becomes one bit mask of positions per id, and
 * finding a character's first unmatched partner in the window is one bit
 * operation instead of a scan. The result is exactly jw_similarity's. */
#define JW_PREPARED_MAX 1024   /* longest prepared string, in code points */
#define JW_MASK_LEN 64         /* longest other string compared with masks */

struct jw_prepared {
	const uint32_t *a;                     /* borrowed, not copied */
	size_t na;
	uint16_t ids[JW_PREPARED_MAX];         /* the id of each position of a */
	int16_t ascii[128];                    /* ASCII code point → id, or -1 */
	uint32_t keys[2 * JW_PREPARED_MAX];    /* code point → id, open addressing */
	uint16_t vals[2 * JW_PREPARED_MAX];
	uint64_t masks[JW_PREPARED_MAX];       /* per id; all zero between calls */
	uint16_t counts[JW_PREPARED_MAX];      /* per id: how often it occurs in a */
};

/* Prepares a[0..na) (kept by reference) into p. Returns 0, or -1 when na is
 * over JW_PREPARED_MAX (p is then unusable). */
int jw_prepare(struct jw_prepared *p, const uint32_t *a, size_t na);

/* jw_similarity(p->a, p->na, b, nb), computed with bit masks when nb is at
 * most JW_MASK_LEN and by jw_similarity otherwise (so -1.0 only when that
 * runs out of memory). */
double jw_similarity_prepared(struct jw_prepared *p, const uint32_t *b, size_t nb);

/* jw_similarity_prepared(p, b, nb) when that is above floor; otherwise a value
 * no greater than floor, found without matching when a bound on the matches
 * (each character of b matches at most as often as it occurs in a) shows the
 * score cannot pass floor. For finding the best of many strings. */
double jw_similarity_prepared_over(struct jw_prepared *p, const uint32_t *b, size_t nb,
				   double floor);

/* jw_similarity of two NUL-terminated UTF-8 strings, compared as given (no
 * normalisation). Returns -1.0 when either is not valid UTF-8, or when out of
 * memory for very long inputs. */
double jw_similarity_utf8(const char *a, const char *b);

#endif
