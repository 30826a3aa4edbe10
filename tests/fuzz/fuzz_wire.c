/* fuzz_wire.c — the flooder's parser of HTTP answers (flooder/wire.c): any
 * bytes, fed whole and in pieces of a size the input picks, end the same way
 * (the same result, code and keep-alive, the same bytes taken), never take
 * more than they were given, and a finished answer takes nothing more. */
#include <string.h>

#include "fuzz.h"
#include "wire.h"

static struct wire_parser whole, pieces;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum wire_parse_result a, b = WIRE_MORE;
	size_t step, used_a, used_b = 0, u;
	const char *s;

	if (size < 1)
		return 0;
	step = (size_t)data[0] % 64 + 1;
	s = (const char *)data + 1;
	size--;
	wire_parser_reset(&whole);
	a = wire_parse(&whole, s, size, &used_a);
	FUZZ_CHECK(used_a <= size);
	FUZZ_CHECK(a != WIRE_MORE || used_a == size);
	wire_parser_reset(&pieces);
	while (used_b < size && b == WIRE_MORE) {
		size_t n = size - used_b < step ? size - used_b : step;

		b = wire_parse(&pieces, s + used_b, n, &u);
		FUZZ_CHECK(u <= n);
		used_b += u;
		if (b == WIRE_MORE)
			FUZZ_CHECK(u == n);
	}
	FUZZ_CHECK(a == b);
	if (a == WIRE_DONE) {
		FUZZ_CHECK(used_a == used_b);
		FUZZ_CHECK(whole.status >= 200 && whole.status <= 999);
		FUZZ_CHECK(whole.status == pieces.status && whole.keep_alive == pieces.keep_alive);
		FUZZ_CHECK(wire_parse(&whole, "x", 1, &u) == WIRE_BAD);
	}
	if (a == WIRE_MORE) {
		enum wire_parse_result ea = wire_parse_eof(&whole), eb = wire_parse_eof(&pieces);

		FUZZ_CHECK(ea == eb);
		FUZZ_CHECK(ea == WIRE_BAD || whole.keep_alive == 0);
	}
	return 0;
}
