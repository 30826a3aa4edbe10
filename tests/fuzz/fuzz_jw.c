/* fuzz_jw.c — lib/jw.c: two strings cut from the input are compared by every
 * route the scorer takes (plain, prepared with bit masks, prepared with the
 * bound) and all agree, in [0, 1]. */
#include <string.h>

#include "fuzz.h"
#include "jw.h"

static struct jw_prepared prep;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = size / 2, na, nb;
	const uint32_t *cps;
	uint32_t *buf;
	double plain, prepared, over, floor;

	if (size < 2)
		return 0;
	/* The first byte picks where a ends; the rest are 16-bit code points, so
	 * repeats (what the masks and the bound count) are common. */
	buf = malloc((n + 1) * sizeof(*buf));
	FUZZ_CHECK(buf);
	for (size_t i = 0; i < n; i++)
		buf[i] = (uint32_t)data[2 * i] | (uint32_t)data[2 * i + 1] << 8;
	cps = buf + 1;
	n--;
	na = n ? buf[0] % (n + 1) : 0;
	nb = n - na;
	if (na > JW_PREPARED_MAX)
		na = JW_PREPARED_MAX;
	floor = (double)(buf[0] >> 8 & 0xff) / 255.0;
	plain = jw_similarity(cps, na, cps + na, nb);
	FUZZ_CHECK(plain >= 0.0 && plain <= 1.0);
	FUZZ_CHECK(jw_similarity(cps, na, cps, na) == 1.0);
	FUZZ_CHECK(jw_prepare(&prep, cps, na) == 0);
	prepared = jw_similarity_prepared(&prep, cps + na, nb);
	FUZZ_CHECK(prepared == plain);
	over = jw_similarity_prepared_over(&prep, cps + na, nb, floor);
	if (plain > floor)
		FUZZ_CHECK(over == plain);
	else
		FUZZ_CHECK(over <= floor);
	/* The masks are all zero again between calls: a second comparison agrees too. */
	FUZZ_CHECK(jw_similarity_prepared(&prep, cps + na, nb) == plain);
	free(buf);
	return 0;
}
