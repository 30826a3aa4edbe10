/* test_db_hdf.c — lib/db_hdf.c and the typed parameters of lib/db.h: rows land
 * in HDF under the names given, NULL and unnamed cells stay absent, and each
 * DB_* parameter carries its type and value. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "db_hdf.h"

/* A result as db_query returns it, rows × cols cells (NULL for SQL NULL),
 * copied by db_hdf_rows into a new HDF under prefix; the caller destroys it. */
static HDF *rows_copied(unsigned nrows, unsigned ncols, char **cells, const char *prefix,
			const char *const *names, int flags)
{
	db_result r = { .nrows = nrows, .ncols = ncols, .cells = cells, .lens = NULL };
	HDF *hdf;

	assert_null(hdf_init(&hdf));
	assert_null(db_hdf_rows(hdf, prefix, &r, names, flags));
	return hdf;
}

static void rows_go_under_their_numbers_with_the_names_given(void **state)
{
	static const char *const names[] = { "GithubId", "Damage", NULL };
	char *cells[] = { "alice", "30", "bob", NULL };
	HDF *hdf = rows_copied(2, 2, cells, "Critics", names, 0);

	(void)state;
	assert_string_equal(hdf_get_value(hdf, "Critics.0.GithubId", "-"), "alice");
	assert_string_equal(hdf_get_value(hdf, "Critics.0.Damage", "-"), "30");
	assert_string_equal(hdf_get_value(hdf, "Critics.1.GithubId", "-"), "bob");
	/* SQL NULL is absent, not "" and not "(null)". */
	assert_null(hdf_get_obj(hdf, "Critics.1.Damage"));
	hdf_destroy(&hdf);
}

static void an_unnamed_column_and_columns_past_the_names_are_left_out(void **state)
{
	static const char *const names[] = { "Id", "", NULL };
	char *cells[] = { "7", "secret", "extra" };
	HDF *hdf = rows_copied(1, 3, cells, "Recent", names, 0);

	(void)state;
	assert_string_equal(hdf_get_value(hdf, "Recent.0.Id", "-"), "7");
	assert_int_equal(hdf_obj_child(hdf_get_obj(hdf, "Recent.0")) ==
			 hdf_get_obj(hdf, "Recent.0.Id"), 1);
	assert_null(hdf_obj_next(hdf_get_obj(hdf, "Recent.0.Id")));
	hdf_destroy(&hdf);
}

static void keyed_rows_are_named_by_column_0_and_empty_cells_can_be_skipped(void **state)
{
	static const char *const names[] = { "", "Slug", "Team", NULL };
	char *cells[] = { "3", "kappa", "", "5", "ramen", "nabe" };
	HDF *hdf = rows_copied(2, 3, cells, "", names, DB_HDF_KEYED | DB_HDF_SKIP_EMPTY);

	(void)state;
	assert_string_equal(hdf_get_value(hdf, "3.Slug", "-"), "kappa");
	assert_null(hdf_get_obj(hdf, "3.Team"));
	assert_string_equal(hdf_get_value(hdf, "5.Team", "-"), "nabe");
	assert_null(hdf_get_obj(hdf, "0"));
	hdf_destroy(&hdf);
}

static void hostile_cell_text_is_a_value_not_a_path(void **state)
{
	static const char *const names[] = { "Critique", NULL };
	char *cells[] = { "a=b.c\n<script>Other.Node=1" };
	HDF *hdf = rows_copied(1, 1, cells, "Recent", names, 0);

	(void)state;
	assert_string_equal(hdf_get_value(hdf, "Recent.0.Critique", "-"), cells[0]);
	assert_null(hdf_get_obj(hdf, "Other"));
	hdf_destroy(&hdf);
}

static void each_parameter_carries_its_type_and_value(void **state)
{
	const struct db_param p[] = { DB_INT(42), DB_DOUBLE(0.5), DB_TEXT("x"), DB_NULL,
				      DB_BYTES("ab\0c", 4), DB_TEXT(NULL) };

	(void)state;
	assert_int_equal(p[0].type, DB_PARAM_INT);
	assert_int_equal(p[0].i, 42);
	assert_int_equal(p[1].type, DB_PARAM_DOUBLE);
	assert_true(p[1].d == 0.5);
	assert_int_equal(p[2].type, DB_PARAM_TEXT);
	assert_string_equal(p[2].s, "x");
	assert_int_equal(p[3].type, DB_PARAM_NULL);
	assert_int_equal(p[4].type, DB_PARAM_BYTES);
	assert_int_equal(p[4].len, 4);
	assert_memory_equal(p[4].s, "ab\0c", 4);
	assert_int_equal(p[5].type, DB_PARAM_TEXT);
	assert_null(p[5].s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_go_under_their_numbers_with_the_names_given),
		cmocka_unit_test(an_unnamed_column_and_columns_past_the_names_are_left_out),
		cmocka_unit_test(keyed_rows_are_named_by_column_0_and_empty_cells_can_be_skipped),
		cmocka_unit_test(hostile_cell_text_is_a_value_not_a_path),
		cmocka_unit_test(each_parameter_carries_its_type_and_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
