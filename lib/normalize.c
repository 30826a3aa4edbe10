/* normalize.c — folds a critique into the form the scorer compares. */
#include "normalize.h"

#include <limits.h>
#include <string.h>
#include <uchar.h>

#include "utf8.h"

#define KANA_VOICED_MARK 0x3099       /* combining dakuten */
#define KANA_SEMIVOICED_MARK 0x309A   /* combining handakuten */
#define HALFWIDTH_VOICED_MARK 0xFF9E  /* ﾞ */
#define HALFWIDTH_SEMIVOICED_MARK 0xFF9F /* ﾟ */

/* U+FF61–U+FF9F as NFKC maps them, except that a sound mark with no kana to
 * join becomes the spacing ゛ ゜ rather than a combining mark on nothing.
 * Written as the characters themselves: a UTF-16 literal is the same array of
 * code units a list of numbers would be, and a reader can check it by eye. */
static const char16_t halfwidth_kana[] =
	u"。「」、・ヲァィゥェォャュョッー"
	u"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
	u"゛゜";
_Static_assert(sizeof halfwidth_kana / sizeof halfwidth_kana[0] == 0xFF9F - 0xFF61 + 2,
	       "one code unit for each of U+FF61..U+FF9F, and the literal's NUL");

static uint32_t fold_width(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	if (c >= 0xFF61 && c <= 0xFF9F)
		return halfwidth_kana[c - 0xFF61];
	if (c == 0x3000)
		return ' ';
	return c;
}

/* Simple (one-to-one) case folding for the scripts a critic is likely to use
 * besides Japanese; ß stays ß because its folding "ss" is two characters. */
static uint32_t fold_case(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (c < 0xB5)
		return c;
	if (c == 0xB5)
		return 0x3BC; /* micro sign folds to Greek mu */
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 0x25;
	if (c == 0x38C)
		return 0x3CC;
	if (c == 0x38E || c == 0x38F)
		return c + 0x3F;
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 0x20;
	if (c == 0x3C2)
		return 0x3C3; /* final sigma */
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	return c;
}

/* In U+3000–U+303F, the characters that are letters or numbers, not punctuation:
 * 々 〆 〇, the Hangzhou numerals, the kana repeat marks, 〻 and 〼. */
static int cjk_symbol_is_letter(uint32_t c)
{
	return (c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x3029) ||
	       (c >= 0x3031 && c <= 0x3035) || (c >= 0x3038 && c <= 0x303C);
}

/* In U+00A1–U+00BF, the letters and numbers: ª ² ³ µ ¹ º ¼ ½ ¾. */
static int latin1_symbol_is_letter(uint32_t c)
{
	return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA ||
	       (c >= 0xBC && c <= 0xBE);
}

/* True for whitespace, controls, punctuation and the symbol blocks listed in
 * normalize.h; c has already been width- and case-folded. */
static int is_dropped(uint32_t c)
{
	if (c < 0x80)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
	if (c <= 0xA0)
		return 1; /* C1 controls, next line, no-break space */
	if (c <= 0xBF)
		return !latin1_symbol_is_letter(c);
	if (c == 0xD7 || c == 0xF7)
		return 1; /* × ÷ */
	if (c == 0x1680)
		return 1; /* ogham space mark */
	if (c >= 0x2000 && c <= 0x206F)
		return 1; /* general punctuation */
	if (c >= 0x2190 && c <= 0x21FF)
		return 1; /* arrows */
	if (c >= 0x2500 && c <= 0x27BF)
		return 1; /* box drawing to dingbats */
	if (c >= 0x2E00 && c <= 0x2E7F)
		return 1; /* supplemental punctuation */
	if (c >= 0x3000 && c <= 0x303F)
		return !cjk_symbol_is_letter(c);
	if (c == 0x30A0 || c == 0x30FB)
		return 1; /* ゠ ・ */
	if (c == 0xFEFF)
		return 1; /* byte order mark */
	if (c == 0xFF5F || c == 0xFF60)
		return 1; /* ｟ ｠ */
	if (c >= 0xFFE0 && c <= 0xFFEE)
		return 1; /* full-width signs and half-width forms */
	return 0;
}

/* The kana that base and a following sound mark compose into, or 0 when
 * mark is not a sound mark or base has no such composed form. Hiragana and
 * katakana share one layout 0x60 apart, so the rules are written once. */
static uint32_t kana_compose(uint32_t base, uint32_t mark)
{
	uint32_t h = (base >= 0x30A1 && base <= 0x30FE) ? base - 0x60 : base;
	int ha_row = h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0; /* は ひ ふ へ ほ */

	if (mark == KANA_SEMIVOICED_MARK || mark == HALFWIDTH_SEMIVOICED_MARK)
		return ha_row ? base + 2 : 0;
	if (mark != KANA_VOICED_MARK && mark != HALFWIDTH_VOICED_MARK)
		return 0;
	if ((h >= 0x304B && h <= 0x3061 && (h - 0x304B) % 2 == 0) || /* か … ち */
	    h == 0x3064 || h == 0x3066 || h == 0x3068 ||            /* つ て と */
	    ha_row || h == 0x309D)                                   /* ゝ ヽ */
		return base + 1;
	if (base == 0x3046)
		return 0x3094; /* ゔ */
	if (base == 0x30A6)
		return 0x30F4; /* ヴ */
	if (base >= 0x30EF && base <= 0x30F2)
		return base + 8; /* ヷ ヸ ヹ ヺ */
	return 0;
}

struct reader {
	const char *s;
	size_t n;
	size_t pos;
};

/* Bytes in the UTF-8 sequence that lead starts, or 0 when it starts none. */
static size_t sequence_length(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

/* Decodes the code point at the reader without consuming it. Returns its
 * length in bytes, 0 at the end, or -1 when the bytes there are not UTF-8. */
static int reader_peek(const struct reader *r, uint32_t *cp)
{
	size_t len;

	if (r->pos >= r->n)
		return 0;
	len = sequence_length((unsigned char)r->s[r->pos]);
	if (len == 0 || len > r->n - r->pos)
		return -1;
	/* utf8_decode does the strict checks (overlongs, surrogates, range). */
	if (utf8_decode(r->s + r->pos, len, cp, 1) != 1)
		return -1;
	return (int)len;
}

/* Characters dropped without separating words: the zero-width ones and the
 * soft hyphen join what is on either side, as a reader sees it. */
static int is_joiner(uint32_t c)
{
	return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

/* The next normalised code point: 1 when *out is set, 0 at the end, -1 when
 * the input is not valid UTF-8. Works in one pass, so the output may be
 * bounded by the caller without decoding the whole input first. With gap set,
 * *gap says whether a dropped character that separates words came before it. */
static int normalize_next_gap(struct reader *r, uint32_t *out, int *gap)
{
	if (gap)
		*gap = 0;
	for (;;) {
		uint32_t c, mark, composed;
		size_t after;
		int len = reader_peek(r, &c);

		if (len <= 0)
			return len;
		r->pos += (size_t)len;
		c = fold_case(fold_width(c));
		if (is_dropped(c)) {
			if (gap && !is_joiner(c))
				*gap = 1;
			continue;
		}
		/* What is dropped between a kana and its sound mark (a control or
		 * zero-width character) is gone from the output too, where the two
		 * would then stand side by side: so they join across it, and
		 * normalising a normalised text changes nothing. When no mark
		 * follows, the dropped characters are read again as word gaps. */
		after = r->pos;
		for (;;) {
			len = reader_peek(r, &mark);
			if (len <= 0 || !is_dropped(fold_case(fold_width(mark))))
				break;
			r->pos += (size_t)len;
		}
		if (len > 0 && (composed = kana_compose(c, mark)) != 0) {
			c = composed;
			r->pos += (size_t)len;
		} else {
			r->pos = after;
		}
		*out = c;
		return 1;
	}
}

static int normalize_next(struct reader *r, uint32_t *out)
{
	return normalize_next_gap(r, out, NULL);
}

long normalize_critique(const char *utf8, uint32_t *out, size_t cap)
{
	struct reader r = { utf8, strlen(utf8), 0 };
	size_t count = 0;
	uint32_t c;
	int rc;

	while ((rc = normalize_next(&r, &c)) > 0) {
		if (count >= cap)
			return -1;
		out[count++] = c;
	}
	return rc < 0 ? -1 : (long)count;
}

int normalize_to_utf8(const char *in, char *out, size_t cap)
{
	struct reader r = { in, strlen(in), 0 };
	size_t used = 0;
	uint32_t c;
	int rc;

	if (cap == 0)
		return -1;
	while ((rc = normalize_next(&r, &c)) > 0) {
		char buf[4];
		int len = utf8_encode(c, buf);

		/* Keep a byte for the NUL, and the length within an int. */
		if ((size_t)len >= cap - used || used + (size_t)len > INT_MAX) {
			out[0] = '\0';
			return -1;
		}
		memcpy(out + used, buf, (size_t)len);
		used += (size_t)len;
	}
	if (rc < 0) {
		out[0] = '\0';
		return -1;
	}
	out[used] = '\0';
	return (int)used;
}

static int is_ascii_letter(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/* Whether the input at r is the dot of a file name whose name ends in c: a
 * dot, then one to NORMALIZE_EXTENSION_MAX letters, then no letter or digit
 * (queue.c, masakari.hdf, throw.js; not 0.6, not the end of a sentence). */
static int at_file_dot(const struct reader *r, uint32_t c)
{
	size_t k = r->pos + 1;

	if (!normalize_is_ascii_alnum(c) || r->pos >= r->n || r->s[r->pos] != '.')
		return 0;
	while (k < r->n && is_ascii_letter((unsigned char)r->s[k]))
		k++;
	return k > r->pos + 1 && k - r->pos - 1 <= NORMALIZE_EXTENSION_MAX &&
	       !(k < r->n && normalize_is_ascii_alnum((unsigned char)r->s[k]));
}

/* Whether the input at r is an underscore inside an identifier whose letter
 * or digit before it is c: attack_jobs, strtok_r. */
static int at_identifier_join(const struct reader *r, uint32_t c)
{
	return normalize_is_ascii_alnum(c) && r->pos + 1 < r->n && r->s[r->pos] == '_' &&
	       normalize_is_ascii_alnum((unsigned char)r->s[r->pos + 1]);
}

long normalize_words(const char *utf8, uint32_t *out, size_t cap)
{
	struct reader r = { utf8, strlen(utf8), 0 };
	size_t count = 0;
	uint32_t c;
	int rc, gap;

	while ((rc = normalize_next_gap(&r, &c, &gap)) > 0) {
		/* One space between words, none at either end. */
		if (gap && count > 0) {
			if (count >= cap)
				return -1;
			out[count++] = ' ';
		}
		if (count >= cap)
			return -1;
		out[count++] = c;
		/* A file name is one word: queue.c is neither queue nor c. */
		if (at_file_dot(&r, c)) {
			if (count >= cap)
				return -1;
			out[count++] = '.';
			r.pos++;
		}
		/* So is an identifier: attack_jobs is a table's name. */
		if (at_identifier_join(&r, c)) {
			if (count >= cap)
				return -1;
			out[count++] = '_';
			r.pos++;
		}
	}
	return rc < 0 ? -1 : (long)count;
}
