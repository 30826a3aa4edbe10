/* fuzz_utf8.c — lib/utf8.c on any bytes: validation, length and decoding agree,
 * and decoding then encoding gives back exactly the bytes that were valid. */
#include <string.h>

#include "fuzz.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int valid = utf8_valid(s, size);
	long len = utf8_length(s, size);
	uint32_t *cps = malloc((size + 1) * sizeof(*cps));
	char *back = malloc(size * 4 + 1);
	size_t at = 0;
	long n;

	FUZZ_CHECK(cps && back);
	FUZZ_CHECK(valid ? len >= 0 && (size_t)len <= size : len == -1);
	n = utf8_decode(s, size, cps, size + 1);
	FUZZ_CHECK(n == len);
	if (n > 0) {
		/* Too little room is refused, never overrun. */
		FUZZ_CHECK(utf8_decode(s, size, cps, (size_t)n - 1) == -1);
		FUZZ_CHECK(utf8_decode(s, size, cps, (size_t)n) == n);
	}
	for (long i = 0; i < n; i++) {
		int w = utf8_encode(cps[i], back + at);

		FUZZ_CHECK(w >= 1 && w <= 4);
		at += (size_t)w;
	}
	if (valid)
		FUZZ_CHECK(at == size && memcmp(back, s, size) == 0);
	free(cps);
	free(back);
	return 0;
}
