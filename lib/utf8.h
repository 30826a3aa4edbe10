/* utf8.h — strict UTF-8 validation and decoding to code points. */
#ifndef MASAKARI_UTF8_H
#define MASAKARI_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int utf8_valid(const char *s, size_t n);

/* Number of code points in a valid UTF-8 string, or -1 when it is not valid. */
long utf8_length(const char *s, size_t n);

/* Decodes valid UTF-8 into out (room for cap code points); returns the count,
 * or -1 when s is invalid or does not fit. */
long utf8_decode(const char *s, size_t n, uint32_t *out, size_t cap);

/* Encodes one code point into buf (4 bytes of room); returns bytes written. */
int utf8_encode(uint32_t cp, char *buf);

#endif
