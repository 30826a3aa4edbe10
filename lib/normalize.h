/* normalize.h — folds a critique into the form the scorer compares.
 *
 * Two critiques that a reader would call the same text should score the same,
 * so before Jaro–Winkler both the critique and every catalog phrasing go
 * through this, in order:
 *   - full-width ASCII (U+FF01–U+FF5E) becomes ASCII, the ideographic space a
 *     space, half-width katakana (U+FF61–U+FF9F) full-width katakana;
 *   - a voiced or semi-voiced sound mark (half-width ﾞ ﾟ or combining U+3099
 *     U+309A) right after a kana that has a composed form joins it: ｶﾞ → ガ;
 *   - upper case becomes lower case for ASCII, Latin-1, Greek and Cyrillic;
 *   - whitespace, control characters and punctuation are dropped: ASCII and
 *     Latin-1 punctuation and symbols, general punctuation (U+2000–U+206F,
 *     … ‼ “ ” — and the zero-width characters), CJK punctuation (、。「」〜 …,
 *     but not the letters 々 〆 〇 and the kana repeat marks), ・ and ゠, the
 *     full-width brackets and currency signs, and the arrow, box-drawing,
 *     geometric-shape, miscellaneous-symbol and dingbat blocks (★ ♪ →).
 * The long-vowel mark ー is part of a word and is kept. Hiragana and katakana
 * are not folded into each other: they read differently. */
#ifndef MASAKARI_NORMALIZE_H
#define MASAKARI_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* Normalises the NUL-terminated UTF-8 string into out (room for cap code
 * points). Returns the number of code points, or -1 when the input is not
 * valid UTF-8 or the result does not fit. */
long normalize_critique(const char *utf8, uint32_t *out, size_t cap);

/* The same normalisation, except that where dropped characters separated two
 * words one space (U+0020) is left, so the result can be split into words:
 * "Jaro-Winkler, per request!" gives "jaro winkler per request". The
 * zero-width characters and the soft hyphen join rather than separate, and
 * the dot of a file name is kept: a letter or digit, a dot, one to
 * NORMALIZE_EXTENSION_MAX ASCII letters and no letter or digit after them
 * ("lib/web.c" gives "lib web.c"; "0.6" and "it ends." lose theirs), and
 * so is an underscore between ASCII letters or digits ("attack_jobs").
 * Returns the count, or -1 as normalize_critique does. */
#define NORMALIZE_EXTENSION_MAX 4
long normalize_words(const char *utf8, uint32_t *out, size_t cap);

/* The same normalisation, encoded as NUL-terminated UTF-8 into out (cap bytes),
 * for cache keys. Returns the byte length without the NUL, or -1 when the
 * input is not valid UTF-8 or the result does not fit (out is then ""). */
int normalize_to_utf8(const char *in, char *out, size_t cap);

/* Whether c is an ASCII letter or digit (the characters of a file name's
 * extension, a URL's host, an identifier). */
static inline int normalize_is_ascii_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

#endif
