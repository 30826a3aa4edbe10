/* test_utf8.c — strict UTF-8 validation and decoding. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define VALID(s) utf8_valid(s, sizeof(s) - 1)

static void accepts_ascii_japanese_and_emoji(void **state)
{
	(void)state;
	assert_true(VALID("hello"));
	assert_true(VALID("まさかり"));
	assert_true(VALID("\xF0\x9F\xAA\x93")); /* U+1FA93 axe */
	assert_true(VALID(""));
}

static void refuses_malformed_sequences(void **state)
{
	(void)state;
	assert_false(VALID("\xff"));
	assert_false(VALID("\xC0\xAF"));             /* overlong '/' */
	assert_false(VALID("\xE0\x80\xAF"));         /* overlong */
	assert_false(VALID("\xED\xA0\x80"));         /* surrogate U+D800 */
	assert_false(VALID("\xF4\x90\x80\x80"));     /* above U+10FFFF */
	assert_false(VALID("\xE3\x81"));             /* truncated */
	assert_false(VALID("\x80"));                 /* lone continuation */
}

static void counts_code_points_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("まさかり", strlen("まさかり")), 4);
	assert_int_equal(utf8_length("\xF0\x9F\xAA\x93" "a", 5), 2);
	assert_int_equal(utf8_length("\xff", 1), -1);
}

static void decodes_and_encodes_round_trip(void **state)
{
	const char *s = "aé漢\xF0\x9F\xAA\x93";
	uint32_t cps[8];
	char buf[32];
	long n = utf8_decode(s, strlen(s), cps, 8);
	size_t len = 0;

	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(cps[0], 'a');
	assert_int_equal(cps[1], 0xE9);
	assert_int_equal(cps[2], 0x6F22);
	assert_int_equal(cps[3], 0x1FA93);
	for (long i = 0; i < n; i++)
		len += (size_t)utf8_encode(cps[i], buf + len);
	assert_int_equal(len, strlen(s));
	assert_memory_equal(buf, s, len);
}

static void decode_refuses_overflow(void **state)
{
	uint32_t cps[2];

	(void)state;
	assert_int_equal(utf8_decode("abc", 3, cps, 2), -1);
}

/* utf8_valid takes ASCII eight bytes at a time: a bad byte is found
 * wherever it falls against those eight, and a good sequence across them
 * is still good. */
static void finds_a_bad_byte_after_any_length_of_ascii(void **state)
{
	char buf[64];

	(void)state;
	for (size_t lead = 0; lead < 40; lead++) {
		memset(buf, 'a', lead);
		memcpy(buf + lead, "\xff" "bcdefghijk", 11);
		assert_false(utf8_valid(buf, lead + 11));
		memcpy(buf + lead, "\xE3\x81", 2);
		assert_false(utf8_valid(buf, lead + 2));
		memcpy(buf + lead, "\xE3\x81\xBE" "abcdefgh", 11);
		assert_true(utf8_valid(buf, lead + 11));
		assert_true(utf8_valid(buf, lead));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_ascii_japanese_and_emoji),
		cmocka_unit_test(refuses_malformed_sequences),
		cmocka_unit_test(finds_a_bad_byte_after_any_length_of_ascii),
		cmocka_unit_test(counts_code_points_not_bytes),
		cmocka_unit_test(decodes_and_encodes_round_trip),
		cmocka_unit_test(decode_refuses_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
