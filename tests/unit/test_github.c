/* test_github.c — GitHub ID validation follows GitHub's rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "github.h"

static void accepts_letters_digits_and_single_hyphens(void **state)
{
	(void)state;
	assert_null(github_id_problem("octocat"));
	assert_null(github_id_problem("a"));
	assert_null(github_id_problem("Octo-Cat-9"));
	assert_null(github_id_problem("0"));
}

static void accepts_exactly_39_characters(void **state)
{
	char id[40];

	(void)state;
	memset(id, 'a', 39);
	id[39] = '\0';
	assert_null(github_id_problem(id));
}

static void refuses_40_characters(void **state)
{
	char id[41];

	(void)state;
	memset(id, 'a', 40);
	id[40] = '\0';
	assert_string_equal(github_id_problem(id), "A GitHub ID has at most 39 characters.");
}

static void refuses_empty_and_missing(void **state)
{
	(void)state;
	assert_string_equal(github_id_problem(""), "Enter your GitHub ID.");
	assert_string_equal(github_id_problem(NULL), "Enter your GitHub ID.");
}

static void refuses_hyphen_at_either_end(void **state)
{
	(void)state;
	assert_non_null(strstr(github_id_problem("-a"), "begin or end"));
	assert_non_null(strstr(github_id_problem("a-"), "begin or end"));
	assert_non_null(strstr(github_id_problem("-"), "begin or end"));
}

static void refuses_double_hyphen(void **state)
{
	(void)state;
	assert_non_null(strstr(github_id_problem("a--b"), "two hyphens"));
}

static void refuses_other_characters(void **state)
{
	static const char *bad[] = { "a_b", "a.b", "a b", "ä", "オクト", "a'--", "<b>", "a\nb", "a\x7f" };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_non_null(github_id_problem(bad[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_letters_digits_and_single_hyphens),
		cmocka_unit_test(accepts_exactly_39_characters),
		cmocka_unit_test(refuses_40_characters),
		cmocka_unit_test(refuses_empty_and_missing),
		cmocka_unit_test(refuses_hyphen_at_either_end),
		cmocka_unit_test(refuses_double_hyphen),
		cmocka_unit_test(refuses_other_characters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
