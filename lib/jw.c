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

#define JW_NO_KEY 0xFFFFFFFFu   /* never a code point */
#define JW_SLOTS (2 * JW_PREPARED_MAX)

static size_t slot_of(uint32_t c)
{
	/* Fibonacci hashing into the table's 2048 slots. */
	return (size_t)((c * 2654435761u) >> 21) & (JW_SLOTS - 1);
}

/* The id of code point c in p, or -1 when a has no such character. */
static int id_of(const struct jw_prepared *p, uint32_t c)
{
	/* Most critiques and phrasings are mostly ASCII: no hashing for it. */
	if (c < 128)
		return p->ascii[c];
	for (size_t s = slot_of(c);; s = (s + 1) & (JW_SLOTS - 1)) {
		if (p->keys[s] == c)
			return p->vals[s];
		if (p->keys[s] == JW_NO_KEY)
			return -1;
	}
}

int jw_prepare(struct jw_prepared *p, const uint32_t *a, size_t na)
{
	uint16_t next = 0;

	if (na > JW_PREPARED_MAX)
		return -1;
	p->a = a;
	p->na = na;
	memset(p->keys, 0xFF, sizeof(p->keys));
	memset(p->ascii, 0xFF, sizeof(p->ascii));
	memset(p->masks, 0, sizeof(p->masks));
	for (size_t i = 0; i < na; i++) {
		size_t s = slot_of(a[i]);

		/* At most JW_PREPARED_MAX keys in twice as many slots: a free one exists. */
		while (p->keys[s] != JW_NO_KEY && p->keys[s] != a[i])
			s = (s + 1) & (JW_SLOTS - 1);
		if (p->keys[s] == JW_NO_KEY) {
			p->keys[s] = a[i];
			p->counts[next] = 0;
			p->vals[s] = next++;
		}
		p->ids[i] = p->vals[s];
		p->counts[p->vals[s]]++;
		if (a[i] < 128)
			p->ascii[a[i]] = (int16_t)p->vals[s];
	}
	return 0;
}

/* Bits lo..hi-1 set (hi <= 64). */
static uint64_t bit_range(size_t lo, size_t hi)
{
	uint64_t below_hi = hi >= 64 ? ~0ull : (1ull << hi) - 1;

	return lo >= hi ? 0 : below_hi & ~((1ull << lo) - 1);
}

/* The most jaro_winkler can give with at most m matches: none out of order,
 * and the common prefix a and b really have. */
static double jaro_winkler_bound(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
				 size_t m)
{
	return jaro_winkler(a, na, b, nb, m, 0);
}

double jw_similarity_prepared(struct jw_prepared *p, const uint32_t *b, size_t nb)
{
	return jw_similarity_prepared_over(p, b, nb, -1.0);
}

double jw_similarity_prepared_over(struct jw_prepared *p, const uint32_t *b, size_t nb,
				   double floor)
{
	const uint32_t *a = p->a;
	size_t na = p->na, longer, window, m = 0, out_of_order = 0, ntouched = 0;
	unsigned char a_matched[JW_PREPARED_MAX];
	uint16_t touched[JW_MASK_LEN];
	uint64_t b_matched = 0, rest;

	if (nb > JW_MASK_LEN)
		return jw_similarity(a, na, b, nb);
	if (na == nb && (na == 0 || memcmp(a, b, na * sizeof(*a)) == 0))
		return 1.0;
	if (na == 0 || nb == 0)
		return 0.0;
	/* Where each character of a occurs in b. */
	for (size_t k = 0; k < nb; k++) {
		int id = id_of(p, b[k]);

		if (id < 0)
			continue;
		if (!p->masks[id])
			touched[ntouched++] = (uint16_t)id;
		p->masks[id] |= 1ull << k;
	}
	/* No character in common (a phrasing in the other script, mostly): no
	 * match can be found, so none is looked for. */
	if (ntouched == 0)
		return 0.0;
	if (floor >= 0.0) {
		size_t most = 0;
		double bound;

		for (size_t i = 0; i < ntouched; i++) {
			size_t in_b = (size_t)__builtin_popcountll(p->masks[touched[i]]);

			most += in_b < p->counts[touched[i]] ? in_b : p->counts[touched[i]];
		}
		bound = jaro_winkler_bound(a, na, b, nb, most);
		/* A margin for rounding: the bound and the score are computed
		 * alike, but not always from the same numbers. */
		if (bound <= floor - 1e-9) {
			for (size_t i = 0; i < ntouched; i++)
				p->masks[touched[i]] = 0;
			return bound;
		}
	}
	longer = na > nb ? na : nb;
	window = longer / 2 >= 1 ? longer / 2 - 1 : 0;
	memset(a_matched, 0, na);
	for (size_t i = 0; i < na; i++) {
		size_t lo = i > window ? i - window : 0;
		size_t hi = i + window + 1 < nb ? i + window + 1 : nb;
		uint64_t candidates;

		if (lo >= nb)
			break;
		/* The lowest candidate is the first unmatched equal character in
		 * the window, the one the scan in jw_similarity would take. */
		candidates = p->masks[p->ids[i]] & ~b_matched & bit_range(lo, hi);
		if (candidates) {
			b_matched |= candidates & -candidates;
			a_matched[i] = 1;
			m++;
		}
	}
	for (size_t i = 0; i < ntouched; i++)
		p->masks[touched[i]] = 0;
	/* Both sequences of matched characters in order, as in jw_similarity. */
	rest = b_matched;
	for (size_t i = 0; i < na && rest; i++) {
		if (!a_matched[i])
			continue;
		if (a[i] != b[__builtin_ctzll(rest)])
			out_of_order++;
		rest &= rest - 1;
	}
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
