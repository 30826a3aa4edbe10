/* test_identity.c — the identity secret's form and hash (lib/identity.c,
 * lib/sha256.c); claims and look-ups against the database are tested
 * through the entrance (tests/integration/t0001-entrance.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>

#include "identity.h"
#include "sha256.h"

static void sha256_matches_the_standard_vectors(void **state)
{
	char hex[65];
	static char million[1000001];

	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	million[1000000] = '\0';
	sha256_hex(million, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* Lengths around the padding's edge (55, 56, 63, 64 bytes). */
	sha256_hex(million, 55, hex);
	assert_string_equal(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	sha256_hex(million, 64, hex);
	assert_string_equal(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

static void a_secret_is_64_lowercase_hex_digits(void **state)
{
	char s[IDENTITY_SECRET_LEN + 1], t[IDENTITY_SECRET_LEN + 1];

	(void)state;
	assert_int_equal(identity_secret_new(s), 0);
	assert_int_equal(strlen(s), 64);
	assert_true(identity_secret_valid(s));
	assert_int_equal(identity_secret_new(t), 0);
	assert_string_not_equal(s, t);
	assert_false(identity_secret_valid(NULL));
	assert_false(identity_secret_valid(""));
	s[63] = '\0';
	assert_false(identity_secret_valid(s));
	s[63] = 'A';
	assert_false(identity_secret_valid(s));
	s[63] = 'g';
	assert_false(identity_secret_valid(s));
	assert_false(identity_secret_valid("' OR '1'='1"));
	assert_false(identity_secret_valid("\xff\xfe"));
}

static void the_stored_hash_is_the_secrets_sha256(void **state)
{
	const char *secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	char a[65], b[65];

	(void)state;
	identity_secret_hash(secret, a);
	sha256_hex(secret, strlen(secret), b);
	assert_string_equal(a, b);
	assert_string_not_equal(a, secret);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_matches_the_standard_vectors),
		cmocka_unit_test(a_secret_is_64_lowercase_hex_digits),
		cmocka_unit_test(the_stored_hash_is_the_secrets_sha256),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
