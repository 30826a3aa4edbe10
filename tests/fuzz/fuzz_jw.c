/* fuzz_jw.c — lib/jw.c: two strings cut from the input are compared both
 * ways round, and agree, in [0, 1]; a string is 1 like itself. */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "jw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = size / 2, na, nb;
	const uint32_t *cps;
	uint32_t *buf;
	double ab, ba;

	if (size < 2)
		return 0;
	/* The first code point picks where a ends; the rest are 16-bit code
	 * points, so repeats (what the matching counts) are common. */
	buf = malloc((n + 1) * sizeof(*buf));
	FUZZ_CHECK(buf);
	for (size_t i = 0; i < n; i++)
		buf[i] = (uint32_t)data[2 * i] | (uint32_t)data[2 * i + 1] << 8;
	cps = buf + 1;
	n--;
	na = n ? buf[0] % (n + 1) : 0;
	nb = n - na;
	ab = jw_similarity(cps, na, cps + na, nb);
	ba = jw_similarity(cps + na, nb, cps, na);
	FUZZ_CHECK(ab >= 0.0 && ab <= 1.0);
	FUZZ_CHECK(fabs(ab - ba) < 1e-12);
	FUZZ_CHECK(jw_similarity(cps, na, cps, na) == 1.0);
	free(buf);
	return 0;
}
