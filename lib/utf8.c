/* utf8.c — strict UTF-8 validation and decoding to code points. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Decodes one code point at s (n bytes left); returns its length or -1. */
static int utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	int len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

long utf8_decode(const char *s, size_t n, uint32_t *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	long count = 0;

	while (i < n) {
		uint32_t cp;
		int len = utf8_next(p + i, n - i, &cp);

		if (len < 0)
			return -1;
		if (out) {
			if ((size_t)count >= cap)
				return -1;
			out[count] = cp;
		}
		count++;
		i += (size_t)len;
	}
	return count;
}

long utf8_length(const char *s, size_t n)
{
	return utf8_decode(s, n, NULL, 0);
}

int utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	/* Nearly every frame a client sends is ASCII: eight bytes at a time
	 * while they are, then byte by byte from the first that is not. */
	while (n - i >= 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	return utf8_length(s + i, n - i) >= 0;
}

int utf8_encode(uint32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (cp >> 18));
	buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
