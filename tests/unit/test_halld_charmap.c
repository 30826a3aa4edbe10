/* test_halld_charmap.c — the hall's characters by GitHub ID (halld/charmap.c):
 * case-insensitive, stable entries, growth and removal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "charmap.h"

static void one_entry_per_id_whatever_the_case(void **state)
{
	struct charmap m;
	struct charmap_entry *a, *b;
	int created;

	(void)state;
	charmap_init(&m);
	a = charmap_put(&m, "Octo-Cat", 1, 2, &created);
	assert_true(created);
	b = charmap_put(&m, "octo-cat", 9, 9, &created);
	assert_false(created);
	assert_ptr_equal(a, b);
	assert_string_equal(b->id, "Octo-Cat");   /* the first spelling stays */
	assert_true(b->x == 1.0 && b->y == 2.0);
	assert_ptr_equal(charmap_get(&m, "OCTO-CAT"), a);
	assert_int_equal(m.count, 1);
	charmap_clear(&m);
}

static void entries_survive_growth_and_removal_of_others(void **state)
{
	struct charmap m;
	struct charmap_entry *first;
	char id[24];
	int created, seen = 0;

	(void)state;
	charmap_init(&m);
	first = charmap_put(&m, "first", 5, 5, &created);
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "user-%d", i);
		assert_non_null(charmap_put(&m, id, i, i, &created));
	}
	assert_int_equal(m.count, 5001);
	assert_ptr_equal(charmap_get(&m, "first"), first);
	for (int i = 0; i < 5000; i += 2) {
		snprintf(id, sizeof(id), "user-%d", i);
		charmap_remove(&m, id);
	}
	assert_int_equal(m.count, 2501);
	assert_null(charmap_get(&m, "user-10"));
	assert_true(charmap_get(&m, "user-11")->x == 11.0);
	charmap_foreach(&m, e) seen++;
	assert_int_equal(seen, 2501);
	charmap_remove(&m, "nobody");
	assert_int_equal(m.count, 2501);
	charmap_clear(&m);
	assert_int_equal(m.count, 0);
	assert_null(charmap_get(&m, "first"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_entry_per_id_whatever_the_case),
		cmocka_unit_test(entries_survive_growth_and_removal_of_others),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
