/* jw.c — Jaro–Winkler similarity over Unicode code points. */
#include "jw.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The Winkler bonus counts at most this many common leading characters. */
#define JW_PREFIX_MAX 4
/* Below this Jaro score the prefix bonus is not applied (Winkler's threshold). */
#define JW_BOOST_THRESHOLD 0.7
/* Code points per side that jw_similarity_utf8 decodes into stack memory. */
#define JW_UTF8_STACK_LEN 1024

/* The score from m matched characters of which out_of_order are out of order. */
static double jaro_winkler(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t m,
			   size_t out_of_order)
{
	size_t prefix = 0;
	double t, jaro;

	if (m == 0)
		return 0.0;
	t = (double)out_of_order / 2.0;
	jaro = ((double)m / (double)na + (double)m / (double)nb + ((double)m - t) / (double)m) / 3.0;
	if (jaro <= JW_BOOST_THRESHOLD)
		return jaro;
	while (prefix < JW_PREFIX_MAX && prefix < na && prefix < nb && a[prefix] == b[prefix])
		prefix++;
	return jaro + (double)prefix * 0.1 * (1.0 - jaro);
}

double jw_similarity(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	unsigned char stack_flags[2 * JW_STACK_LEN];
	unsigned char *flags = stack_flags, *a_matched, *b_matched;
	size_t longer, window, m = 0, out_of_order = 0, j = 0;

	if (na == nb && (na == 0 || memcmp(a, b, na * sizeof(*a)) == 0))
		return 1.0;
	if (na == 0 || nb == 0)
		return 0.0;
	if (na > JW_STACK_LEN || nb > JW_STACK_LEN) {
		flags = calloc(na + nb, 1);
		if (!flags)
			return -1.0;
	} else {
		memset(stack_flags, 0, na + nb);
	}
	a_matched = flags;
	b_matched = flags + na;

	longer = na > nb ? na : nb;
	window = longer / 2 >= 1 ? longer / 2 - 1 : 0;
	for (size_t i = 0; i < na; i++) {
		size_t lo = i > window ? i - window : 0;
		size_t hi = i + window + 1 < nb ? i + window + 1 : nb;

		for (size_t k = lo; k < hi; k++) {
			if (!b_matched[k] && a[i] == b[k]) {
				a_matched[i] = b_matched[k] = 1;
				m++;
				break;
			}
		}
	}
	if (m > 0) {
		/* Walk both sequences of matched characters in order; every
		 * position where they differ is half a transposition. */
		for (size_t i = 0; i < na; i++) {
			if (!a_matched[i])
				continue;
			while (!b_matched[j])
				j++;
			if (a[i] != b[j])
				out_of_order++;
			j++;
		}
	}
	if (flags != stack_flags)
		free(flags);
	return jaro_winkler(a, na, b, nb, m, out_of_order);
}

/* Decodes s into stack (room for JW_UTF8_STACK_LEN) or, when longer, into a
 * heap buffer returned in *heap. Returns the count, or -1 (invalid, no memory). */
static long decode_side(const char *s, uint32_t *stack, uint32_t **heap)
{
	size_t n = strlen(s);
	long len = utf8_length(s, n);
	uint32_t *buf = stack;

	*heap = NULL;
	if (len < 0)
		return -1;
	if (len > JW_UTF8_STACK_LEN) {
		buf = malloc((size_t)len * sizeof(*buf));
		if (!buf)
			return -1;
		*heap = buf;
	}
	return utf8_decode(s, n, buf, (size_t)len);
}

double jw_similarity_utf8(const char *a, const char *b)
{
	uint32_t a_stack[JW_UTF8_STACK_LEN], b_stack[JW_UTF8_STACK_LEN];
	uint32_t *a_heap, *b_heap = NULL;
	long na, nb;
	double score = -1.0;

	na = decode_side(a, a_stack, &a_heap);
	if (na >= 0) {
		nb = decode_side(b, b_stack, &b_heap);
		if (nb >= 0)
			score = jw_similarity(a_heap ? a_heap : a_stack, (size_t)na,
					      b_heap ? b_heap : b_stack, (size_t)nb);
	}
	free(a_heap);
	free(b_heap);
	return score;
}
