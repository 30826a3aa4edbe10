/* test_config.c — unit tests for lib/config.c: numbers from the HDF configuration. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"

static int hdf_setup(void **state)
{
	HDF *hdf = NULL;
	NEOERR *err = hdf_init(&hdf);

	if (!err)
		err = hdf_set_value(hdf, "Masakari.MissThreshold.en", "0.8");
	if (!err)
		err = hdf_set_value(hdf, "Masakari.Words", "lots");
	if (!err)
		err = hdf_set_value(hdf, "Masakari.Trailing", "0.5x");
	if (!err)
		err = hdf_set_value(hdf, "Masakari.Big", "1e400");
	if (!err)
		err = hdf_set_value(hdf, "Masakari.Nan", "nan");
	if (!err)
		err = hdf_set_value(hdf, "Masakari.Empty", "");
	if (!err)
		err = hdf_set_value(hdf, "Masakari.Seconds", "10");
	if (err) {
		nerr_ignore(&err);
		hdf_destroy(&hdf);
		return -1;
	}
	*state = hdf;
	return 0;
}

static int hdf_teardown(void **state)
{
	HDF *hdf = *state;

	hdf_destroy(&hdf);
	return 0;
}

static void a_decimal_in_range_is_read(void **state)
{
	assert_true(config_double(*state, "Masakari.MissThreshold.en", 0.6, 0.0, 1.0) == 0.8);
}

static void a_missing_or_empty_decimal_gives_the_default(void **state)
{
	assert_true(config_double(*state, "Masakari.Nowhere", 0.6, 0.0, 1.0) == 0.6);
	assert_true(config_double(*state, "Masakari.Empty", 0.6, 0.0, 1.0) == 0.6);
}

static void a_decimal_out_of_range_gives_the_default(void **state)
{
	assert_true(config_double(*state, "Masakari.MissThreshold.en", 0.6, 0.0, 0.5) == 0.6);
	assert_true(config_double(*state, "Masakari.MissThreshold.en", 0.6, 0.9, 1.0) == 0.6);
	assert_true(config_double(*state, "Masakari.Big", 0.6, 0.0, INFINITY) == 0.6);
}

static void words_trailing_garbage_and_nan_give_the_default(void **state)
{
	assert_true(config_double(*state, "Masakari.Words", 0.6, 0.0, 1.0) == 0.6);
	assert_true(config_double(*state, "Masakari.Trailing", 0.6, 0.0, 1.0) == 0.6);
	assert_true(config_double(*state, "Masakari.Nan", 0.6, 0.0, 1.0) == 0.6);
}

static void integers_are_read_with_their_range(void **state)
{
	assert_int_equal(config_int(*state, "Masakari.Seconds", 3, 1, 60), 10);
	assert_int_equal(config_int(*state, "Masakari.Seconds", 3, 1, 5), 3);
	assert_int_equal(config_int(*state, "Masakari.Words", 3, 1, 60), 3);
}

/* Loads text as the configuration file; returns config_load's result. */
static int load_text(const char *text, HDF **out)
{
	char path[] = "/tmp/test_config.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	int rc;

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	setenv("MASAKARI_CONFIG", path, 1);
	rc = config_load(out);
	unlink(path);
	return rc;
}

/* Found by tests/fuzz/fuzz_config: "a : a" made ClearSilver recurse until
 * the stack overflowed on the first lookup. */
static void a_link_is_refused_at_load(void **state)
{
	HDF *cfg = (HDF *)1;

	(void)state;
	assert_int_equal(load_text("a : a\n", &cfg), -1);
	assert_null(cfg);
	assert_int_equal(load_text("Web {\n  Workers {\n    site : Web.Workers\n  }\n}\n", &cfg), -1);
	/* A name set through a link below itself: the parser made nodes until
	 * memory ran out (also tests/fuzz/fuzz_config), so the text is refused
	 * before it parses. */
	assert_int_equal(load_text("a : a.b.c\na.b.c.d = 1\n", &cfg), -1);
	/* ":=" copies a value, and a multi-line value is text, not a link. */
	assert_int_equal(load_text("b = 1\na := b\nc << EOM\nx : y\nEOM\n", &cfg), 0);
	assert_int_equal(config_int(cfg, "a", 0, 0, 9), 1);
	hdf_destroy(&cfg);
	assert_int_equal(load_text("Web.Workers.site = 3\n", &cfg), 0);
	assert_int_equal(config_int(cfg, "Web.Workers.site", 2, 0, 64), 3);
	hdf_destroy(&cfg);
}

#define hdf_test(f) cmocka_unit_test_setup_teardown(f, hdf_setup, hdf_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		hdf_test(a_decimal_in_range_is_read),
		hdf_test(a_missing_or_empty_decimal_gives_the_default),
		hdf_test(a_decimal_out_of_range_gives_the_default),
		hdf_test(words_trailing_garbage_and_nan_give_the_default),
		hdf_test(integers_are_read_with_their_range),
		cmocka_unit_test(a_link_is_refused_at_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
