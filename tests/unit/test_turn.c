/* test_turn.c — TURN credentials as coturn checks them (lib/turn.h): the
 * username is "<expiry>:<id>" and the credential base64(HMAC-SHA1(secret,
 * username)), pinned to values computed apart from this code with
 * `openssl dgst -sha1 -hmac SECRET -binary | base64`, the formula coturn's
 * documentation gives; and the ICE server list a page is given. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "turn.h"

static void credential_is_base64_hmac_sha1_of_the_username(void **state)
{
	char user[TURN_USERNAME_MAX], cred[TURN_CREDENTIAL_MAX];

	(void)state;
	assert_int_equal(turn_credentials("Jefe", "x", 1700000000, 0, user, cred), 0);
	assert_string_equal(user, "1700000000:x");
	/* openssl: printf %s 1700000000:x | openssl dgst -sha1 -hmac Jefe -binary | base64 */
	assert_string_equal(cred, "0vXVrJgRK8dSFKHXtnd5h0fTw28=");
}

static void username_is_expiry_then_id(void **state)
{
	char user[TURN_USERNAME_MAX], cred[TURN_CREDENTIAL_MAX];

	(void)state;
	assert_int_equal(turn_credentials("s3cret", "octocat", 1700000000, 86400, user, cred), 0);
	assert_string_equal(user, "1700086400:octocat");
	/* printf %s 1700086400:octocat | openssl dgst -sha1 -hmac s3cret -binary | base64 */
	assert_string_equal(cred, "BgvGnT5B19Rbx1f601V2OOB8RrY=");
	assert_int_equal(strlen(cred), 28);
}

static void an_id_too_long_for_the_username_is_refused(void **state)
{
	char user[TURN_USERNAME_MAX], cred[TURN_CREDENTIAL_MAX];

	(void)state;
	assert_int_equal(turn_credentials("k", "an-identifier-far-longer-than-any-github-id-could-ever-be", 1700000000,
					  0, user, cred), -1);
}

static void ice_servers_give_turn_only_with_a_secret(void **state)
{
	HDF *hdf;
	struct settings s;
	json_t *j;
	char *text;

	(void)state;
	assert_null(hdf_init(&hdf));
	assert_null(hdf_set_value(hdf, "Hall.IceServers.0", "stun:turn.example.org:3478"));
	assert_null(hdf_set_value(hdf, "Hall.IceServers.1", "turn:turn.example.org:3478"));
	settings_read(hdf, &s);
	j = turn_ice_servers(&s, "octocat", 1700000000);
	text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text, "{\"iceServers\":[{\"urls\":[\"stun:turn.example.org:3478\"]}],\"ttl\":86400}");
	free(text);
	json_decref(j);

	assert_null(hdf_set_value(hdf, "Hall.TurnSecret", "s3cret"));
	settings_read(hdf, &s);
	j = turn_ice_servers(&s, "octocat", 1700000000);
	text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text, "{\"iceServers\":[{\"urls\":[\"stun:turn.example.org:3478\"]},"
			    "{\"credential\":\"BgvGnT5B19Rbx1f601V2OOB8RrY=\",\"urls\":[\"turn:turn.example.org:3478\"],"
			    "\"username\":\"1700086400:octocat\"}],\"ttl\":86400}");
	free(text);
	json_decref(j);
	hdf_destroy(&hdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(credential_is_base64_hmac_sha1_of_the_username),
		cmocka_unit_test(username_is_expiry_then_id),
		cmocka_unit_test(an_id_too_long_for_the_username_is_refused),
		cmocka_unit_test(ice_servers_give_turn_only_with_a_secret),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
