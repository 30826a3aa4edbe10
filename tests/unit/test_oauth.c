/* test_oauth.c — reading GitHub's OAuth answers (lib/oauth.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>

#include "oauth.h"

#define TOKEN(s, t, e) oauth_token_parse(s, strlen(s), t, e, sizeof(e))
#define USER(s, l) oauth_user_parse(s, strlen(s), l, &user_id)

static void reads_a_token(void **state)
{
	char t[OAUTH_TOKEN_MAX + 1], e[64];

	(void)state;
	assert_int_equal(TOKEN("{\"access_token\":\"gho_abc123\",\"token_type\":\"bearer\",\"scope\":\"\"}", t, e),
			 OAUTH_OK);
	assert_string_equal(t, "gho_abc123");
	assert_int_equal(TOKEN("{\"access_token\":\"x\"}", t, e), OAUTH_OK);
}

static void reads_a_refusal(void **state)
{
	char t[OAUTH_TOKEN_MAX + 1], e[8];

	(void)state;
	assert_int_equal(TOKEN("{\"error\":\"bad_verification_code\",\"error_description\":\"no\"}", t, e),
			 OAUTH_REFUSED);
	assert_string_equal(e, "bad_ver");
	assert_string_equal(t, "");
}

static void refuses_garbage_tokens(void **state)
{
	char t[OAUTH_TOKEN_MAX + 1], e[64], big[400];

	(void)state;
	assert_int_equal(TOKEN("", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("<html>502</html>", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("[\"access_token\"]", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("{\"access_token\":12}", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("{\"access_token\":\"a b\"}", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("{\"access_token\":\"a\\nb\"}", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("{\"access_token\":\"\"}", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("{\"access_token\":\"a\",\"token_type\":\"mac\"}", t, e), OAUTH_GARBAGE);
	assert_int_equal(TOKEN("{\"access_token\":\"a\",\"access_token\":\"b\"}", t, e), OAUTH_GARBAGE);
	assert_int_equal(oauth_token_parse("{\"access_token\":\"ab\"}\0", 22, t, e, sizeof(e)), OAUTH_GARBAGE);
	strcpy(big, "{\"access_token\":\"");
	memset(big + strlen(big), 'a', 300);
	strcpy(big + 17 + 300, "\"}");
	assert_int_equal(TOKEN(big, t, e), OAUTH_GARBAGE);
	assert_string_equal(t, "");
}

static void reads_a_login_and_its_numeric_id(void **state)
{
	char l[GITHUB_ID_MAX + 1];
	long long user_id;

	(void)state;
	assert_int_equal(USER("{\"login\":\"octo-cat\",\"id\":1}", l), OAUTH_OK);
	assert_string_equal(l, "octo-cat");
	assert_int_equal(user_id, 1);
	assert_int_equal(USER("{\"login\":\"octocat\",\"id\":583231}", l), OAUTH_OK);
	assert_int_equal(user_id, 583231);
}

/* User answers refused as garbage, each leaving neither a login nor an id. */
static const char *const refused_user_answers[] = {
	/* A login that is not a GitHub ID, or none at all. */
	"{\"login\":\"<script>\",\"id\":1}",
	"{\"login\":\"x' OR '1'='1\"}",
	"{\"login\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
	"{\"login\":\"\xff\"}",
	"{\"login\":\"a\",\"login\":\"b\"}",
	"{\"name\":\"a\"}",
	"not json",
	/* The login changes with a rename; the numeric id is what a verified ID
	 * is bound to, so an answer without a usable one is refused. */
	"{\"login\":\"octocat\"}",
	"{\"login\":\"octocat\",\"id\":\"583231\"}",
	"{\"login\":\"octocat\",\"id\":0}",
	"{\"login\":\"octocat\",\"id\":-5}",
	"{\"login\":\"octocat\",\"id\":1.5}",
	"{\"login\":\"octocat\",\"id\":9007199254740993}",
};

static void refuses_a_user_without_a_github_id_and_numeric_id(void **state)
{
	char l[GITHUB_ID_MAX + 1];
	long long user_id;

	(void)state;
	for (size_t i = 0; i < sizeof(refused_user_answers) / sizeof(refused_user_answers[0]); i++) {
		user_id = -1;
		assert_int_equal(USER(refused_user_answers[i], l), OAUTH_GARBAGE);
		assert_string_equal(l, "");
		assert_int_equal(user_id, 0);
	}
}

static void a_code_must_look_like_one_before_it_is_sent(void **state)
{
	char big[OAUTH_CODE_MAX + 2];

	(void)state;
	assert_true(oauth_code_plausible("0123456789abcdef0123"));
	assert_true(oauth_code_plausible("code-octo-cat"));
	assert_false(oauth_code_plausible(NULL));
	assert_false(oauth_code_plausible(""));
	assert_false(oauth_code_plausible("a b"));
	assert_false(oauth_code_plausible("a&client_secret=x"));
	assert_false(oauth_code_plausible("\xe3\x81\x82"));
	memset(big, 'a', OAUTH_CODE_MAX);
	big[OAUTH_CODE_MAX] = '\0';
	assert_true(oauth_code_plausible(big));
	big[OAUTH_CODE_MAX] = 'a';
	big[OAUTH_CODE_MAX + 1] = '\0';
	assert_false(oauth_code_plausible(big));
}

static void the_state_must_match_exactly(void **state)
{
	(void)state;
	assert_true(oauth_state_matches("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"));
	assert_false(oauth_state_matches("0123456789abcdef0123456789abcdee", "0123456789abcdef0123456789abcdef"));
	assert_false(oauth_state_matches(NULL, "0123456789abcdef0123456789abcdef"));
	assert_false(oauth_state_matches("0123456789abcdef0123456789abcdef", NULL));
	assert_false(oauth_state_matches("", ""));
	assert_false(oauth_state_matches("0123456789ABCDEF0123456789ABCDEF", "0123456789ABCDEF0123456789ABCDEF"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_a_token),
		cmocka_unit_test(reads_a_refusal),
		cmocka_unit_test(refuses_garbage_tokens),
		cmocka_unit_test(reads_a_login_and_its_numeric_id),
		cmocka_unit_test(refuses_a_user_without_a_github_id_and_numeric_id),
		cmocka_unit_test(a_code_must_look_like_one_before_it_is_sent),
		cmocka_unit_test(the_state_must_match_exactly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
