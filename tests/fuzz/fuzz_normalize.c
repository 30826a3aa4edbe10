/* fuzz_normalize.c — lib/normalize.c on any bytes: both forms agree with each
 * other and with UTF-8 validity, never write past their room, and normalising
 * twice changes nothing more (the scorer relies on that for cache keys). */
#include <string.h>

#include "fuzz.h"
#include "normalize.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);
	size_t cap = size + 1;
	uint32_t *cps = malloc(cap * sizeof(*cps));
	char *out = malloc(cap * 4 + 1);
	char *again = malloc(cap * 4 + 1);
	long n;
	int bytes;

	FUZZ_CHECK(in && cps && out && again);
	memcpy(in, data, size);
	in[size] = '\0';
	n = normalize_critique(in, cps, cap);
	bytes = normalize_to_utf8(in, out, cap * 4 + 1);
	if (!utf8_valid(in, strlen(in))) {
		FUZZ_CHECK(n == -1 && bytes == -1 && out[0] == '\0');
		goto done;
	}
	/* Folding never makes a text longer in code points. */
	FUZZ_CHECK(n >= 0 && n <= utf8_length(in, strlen(in)));
	FUZZ_CHECK(bytes >= 0 && (size_t)bytes == strlen(out));
	FUZZ_CHECK(utf8_valid(out, (size_t)bytes) && utf8_length(out, (size_t)bytes) == n);
	/* One code point too little room is refused, and says so. */
	if (n > 0)
		FUZZ_CHECK(normalize_critique(in, cps, (size_t)n - 1) == -1);
	FUZZ_CHECK(normalize_to_utf8(out, again, cap * 4 + 1) == bytes);
	FUZZ_CHECK(memcmp(out, again, (size_t)bytes) == 0);
done:
	free(in);
	free(cps);
	free(out);
	free(again);
	return 0;
}
