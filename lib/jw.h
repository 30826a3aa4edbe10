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
 * scorer calls jw_similarity for pairs of words, and masakarictl jw for any
 * two strings. */
#define JW_STACK_LEN 4096

/* Similarity of a[0..na) and b[0..nb) in [0, 1]. Inputs longer than
 * JW_STACK_LEN take a heap scratch; if that allocation fails it returns -1.0. */
double jw_similarity(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* jw_similarity of two NUL-terminated UTF-8 strings, compared as given (no
 * normalisation). Returns -1.0 when either is not valid UTF-8, or when out of
 * memory for very long inputs. */
double jw_similarity_utf8(const char *a, const char *b);

#endif
