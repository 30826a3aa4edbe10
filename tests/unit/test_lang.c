/* test_lang.c — unit tests for lib/lang.c: the catalogs in lang/ agree, and
 * the visitor's language is chosen as docs/ARCHITECTURE.md says. Run from
 * the top of the tree (make unit), where lang/ is. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "lang.h"

static void the_catalogs_in_lang_have_the_same_keys_in_both_languages(void **state)
{
	(void)state;
	/* lang_check prints each problem, so a failure says which key. */
	assert_int_equal(lang_check("lang", 1), 0);
}

/* A temporary lang/ with ja and en files of the given contents. */
static char *make_catalogs(const char *ja, const char *en, const char *extra_ja)
{
	char *dir = strdup("/tmp/test_lang.XXXXXX"), path[256];
	FILE *f;

	assert_non_null(mkdtemp(dir));
	for (int l = 0; l < 2; l++) {
		snprintf(path, sizeof(path), "%s/%s", dir, l ? "en" : "ja");
		assert_int_equal(mkdir(path, 0700), 0);
		snprintf(path, sizeof(path), "%s/%s/site.hdf", dir, l ? "en" : "ja");
		assert_non_null(f = fopen(path, "w"));
		fputs(l ? en : ja, f);
		fclose(f);
	}
	if (extra_ja) {
		snprintf(path, sizeof(path), "%s/ja/other.hdf", dir);
		assert_non_null(f = fopen(path, "w"));
		fputs(extra_ja, f);
		fclose(f);
	}
	return dir;
}

static void remove_catalogs(char *dir)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static void a_key_in_one_language_only_is_a_problem(void **state)
{
	char *dir = make_catalogs("Text.Site.A = あ\nText.Site.B = い\n", "Text.Site.A = a\n", NULL);

	(void)state;
	assert_int_equal(lang_check(dir, 0), 1);
	remove_catalogs(dir);
	dir = make_catalogs("Text.Site.A = あ\n", "Text.Site.A = a\nText.Site.C.D = d\n", NULL);
	assert_int_equal(lang_check(dir, 0), 1);
	remove_catalogs(dir);
}

static void a_file_in_one_language_only_is_a_problem(void **state)
{
	char *dir = make_catalogs("Text.Site.A = あ\n", "Text.Site.A = a\n", "Text.Other.X = x\n");

	(void)state;
	assert_true(lang_check(dir, 0) >= 1);
	remove_catalogs(dir);
}

static void placeholders_must_match(void **state)
{
	char *dir = make_catalogs("Text.Site.A = {1} 秒\n", "Text.Site.A = {2} seconds\n", NULL);

	(void)state;
	assert_int_equal(lang_check(dir, 0), 1);
	remove_catalogs(dir);
	dir = make_catalogs("Text.Site.A = {2} の {1}\n", "Text.Site.A = {1} of {2}\n", NULL);
	assert_int_equal(lang_check(dir, 0), 0);
	remove_catalogs(dir);
}

static void keys_outside_text_or_split_branches_are_problems(void **state)
{
	char *dir = make_catalogs("Site.A = あ\n", "Site.A = a\n", NULL);

	(void)state;
	assert_int_equal(lang_check(dir, 0), 2);
	remove_catalogs(dir);
	dir = make_catalogs("Text.Site.A = あ\n", "Text.Site.A = a\n", "Text.Site.B = い\n");
	/* the branch in two files, and B only in Japanese */
	assert_int_equal(lang_check(dir, 0), 2);
	remove_catalogs(dir);
}

static void an_unreadable_catalog_is_an_error(void **state)
{
	char *dir = make_catalogs("Text.Site.A あ\n", "Text.Site.A = a\n", NULL);

	(void)state;
	assert_int_equal(lang_check(dir, 0), -1);
	assert_int_equal(lang_check("/nonexistent", 0), -1);
	remove_catalogs(dir);
}

static void a_missing_key_shows_the_other_languages_text(void **state)
{
	char *dir = make_catalogs("Text.Site.A = あ\nText.Site.B = い\n", "Text.Site.A = a\n", NULL);
	NEOERR *err = lang_load(dir);

	(void)state;
	assert_null(err);
	assert_string_equal(lang_text(LANG_EN, "Text.Site.A"), "a");
	assert_string_equal(lang_text(LANG_EN, "Text.Site.B"), "い");
	assert_string_equal(lang_text(LANG_JA, "Text.Site.Nope"), "Text.Site.Nope");
	remove_catalogs(dir);
}

static void accept_language_follows_quality(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept("en-US,en;q=0.9"), LANG_EN);
	assert_int_equal(lang_from_accept("ja,en-US;q=0.9,en;q=0.8"), LANG_JA);
	assert_int_equal(lang_from_accept("ja;q=0.4, en;q=0.6"), LANG_EN);
	assert_int_equal(lang_from_accept("fr, de;q=0.9, ja;q=0.1, en;q=0.05"), LANG_JA);
	assert_int_equal(lang_from_accept("en ; q=0.5 , ja ; q=0.25"), LANG_EN);
	assert_int_equal(lang_from_accept("EN-gb"), LANG_EN);
	assert_int_equal(lang_from_accept("ja;q=0.5, en;q=0.5"), LANG_JA);
	assert_int_equal(lang_from_accept("en;level=1;q=0.7, ja;q=0.6"), LANG_EN);
}

static void accept_language_without_ja_or_en_is_no_choice(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept(NULL), -1);
	assert_int_equal(lang_from_accept(""), -1);
	assert_int_equal(lang_from_accept("*"), -1);
	assert_int_equal(lang_from_accept("fr-FR, de"), -1);
	assert_int_equal(lang_from_accept("en;q=0"), -1);
	assert_int_equal(lang_from_accept("en;q=0.000, ja;q=0"), -1);
	assert_int_equal(lang_from_accept("eng, jav, e, j, en_US"), -1);
	assert_int_equal(lang_from_accept(",,,;;;"), -1);
}

static void malformed_quality_voids_its_item(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept("en;q=1.5"), -1);
	assert_int_equal(lang_from_accept("en;q=2"), -1);
	assert_int_equal(lang_from_accept("en;q=-0.5"), -1);
	assert_int_equal(lang_from_accept("en;q=0.1234"), -1);
	assert_int_equal(lang_from_accept("en;q=.5"), -1);
	assert_int_equal(lang_from_accept("en;q=0.5x"), -1);
	assert_int_equal(lang_from_accept("en;q="), -1);
	assert_int_equal(lang_from_accept("en;q=abc, ja;q=0.1"), LANG_JA);
	assert_int_equal(lang_from_accept("ja;q=1.001, en;q=0.001"), LANG_EN);
}

static void a_huge_header_is_read_to_its_end(void **state)
{
	size_t n = 100000;
	char *h = malloc(n + 16);

	(void)state;
	memset(h, ',', n);
	strcpy(h + n, "en;q=0.1");
	assert_int_equal(lang_from_accept(h), LANG_EN);
	memset(h, 'x', n);
	assert_int_equal(lang_from_accept(h), -1);
	free(h);
}

static void the_cookie_wins_then_the_header_then_japanese(void **state)
{
	(void)state;
	assert_int_equal(lang_choose("en", "ja"), LANG_EN);
	assert_int_equal(lang_choose("ja", "en"), LANG_JA);
	assert_int_equal(lang_choose(NULL, "en"), LANG_EN);
	assert_int_equal(lang_choose("fr", "en"), LANG_EN);
	assert_int_equal(lang_choose("EN", NULL), LANG_JA);
	assert_int_equal(lang_choose("en ", NULL), LANG_JA);
	assert_int_equal(lang_choose("", ""), LANG_JA);
	assert_int_equal(lang_choose(NULL, NULL), LANG_JA);
}

static void fill_replaces_placeholders_and_never_cuts_a_character(void **state)
{
	const char *args[] = { "3", "秒", NULL };
	char buf[64], small[8];

	(void)state;
	assert_string_equal(lang_fill(buf, sizeof(buf), "{1} {2}、{1}", args), "3 秒、3");
	assert_string_equal(lang_fill(buf, sizeof(buf), "{3}|{0}|{", args), "|{0}|{");
	/* "あいう" is 9 bytes: 7 of room keeps two whole characters. */
	assert_string_equal(lang_fill(small, sizeof(small), "あいう", NULL), "あい");
}

static void numbers_and_dates_as_each_language_writes_them(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(lang_number(buf, sizeof(buf), 1234567, LANG_EN), "1,234,567");
	assert_string_equal(lang_number(buf, sizeof(buf), 999, LANG_JA), "999");
	assert_string_equal(lang_number(buf, sizeof(buf), -1000, LANG_JA), "-1,000");
	assert_string_equal(lang_datetime(buf, sizeof(buf), "2026-12-03 12:04:05", LANG_JA),
			    "2026年12月3日 12:04:05");
	assert_string_equal(lang_datetime(buf, sizeof(buf), "2026-12-03 12:04:05", LANG_EN),
			    "3 Dec 2026, 12:04:05");
	assert_string_equal(lang_datetime(buf, sizeof(buf), "2026-12-03 12:04:05.250", LANG_EN),
			    "3 Dec 2026, 12:04:05");
	assert_string_equal(lang_datetime(buf, sizeof(buf), "yesterday", LANG_EN), "yesterday");
	assert_string_equal(lang_datetime(buf, sizeof(buf), "2026-13-03 12:04:05", LANG_EN),
			    "2026-13-03 12:04:05");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_catalogs_in_lang_have_the_same_keys_in_both_languages),
		cmocka_unit_test(a_key_in_one_language_only_is_a_problem),
		cmocka_unit_test(a_file_in_one_language_only_is_a_problem),
		cmocka_unit_test(placeholders_must_match),
		cmocka_unit_test(keys_outside_text_or_split_branches_are_problems),
		cmocka_unit_test(an_unreadable_catalog_is_an_error),
		cmocka_unit_test(a_missing_key_shows_the_other_languages_text),
		cmocka_unit_test(accept_language_follows_quality),
		cmocka_unit_test(accept_language_without_ja_or_en_is_no_choice),
		cmocka_unit_test(malformed_quality_voids_its_item),
		cmocka_unit_test(a_huge_header_is_read_to_its_end),
		cmocka_unit_test(the_cookie_wins_then_the_header_then_japanese),
		cmocka_unit_test(fill_replaces_placeholders_and_never_cuts_a_character),
		cmocka_unit_test(numbers_and_dates_as_each_language_writes_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
