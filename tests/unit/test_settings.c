/* test_settings.c — lib/settings.c: the table is sound (unique names, each
 * default in its range), settings_read gives the defaults for what is
 * missing or bad, settings_check says why a value is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "settings.h"

static HDF *tree(const char *text)
{
	HDF *hdf;

	assert_null(hdf_init(&hdf));
	assert_null(hdf_read_string(hdf, text));
	return hdf;
}

static void every_name_is_unique_and_every_default_in_range(void **state)
{
	(void)state;
	assert_true(settings_count >= 40);
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting *s = &settings_table[i];

		assert_non_null(s->doc);
		assert_true(strlen(s->doc) > 5);
		assert_ptr_equal(settings_find(s->name), s);
		if (s->type == SETTING_INT)
			assert_true(s->def_int >= (long)s->min && s->def_int <= (long)s->max);
		if (s->type == SETTING_DOUBLE)
			assert_true(s->def_double >= s->min && s->def_double <= s->max);
	}
	assert_null(settings_find("No.Such"));
	assert_null(settings_find(NULL));
}

static void without_a_tree_every_setting_is_its_default(void **state)
{
	struct settings st;

	(void)state;
	settings_read(NULL, &st);
	assert_int_equal(st.flooder_poll_ms, 250);
	assert_int_equal(st.halld_port, 7681);
	assert_string_equal(st.db_name, "masakari");
	assert_null(st.llm_key);
	assert_null(st.flooder_targets);
	assert_int_equal(settings_int_of(&st, settings_find("Web.Workers.legacy")), 2);
}

static void values_are_read_and_bad_ones_replaced_by_their_defaults(void **state)
{
	HDF *hdf = tree("Flooder.PollMs = 100\n"
			"Flooder.MaxInFlight = 99999999999999999999\n"
			"Halld.Port = 80; DROP TABLE x\n"
			"Masakari.WordThreshold = nan\n"
			"Masakari.Chance.en = 0.5\n"
			"DB.Name =\n"
			"Flooder.Targets.0 = http://t/\n"
			"Web.Workers.legacy = 4\n");
	struct settings st;

	(void)state;
	settings_read(hdf, &st);
	assert_int_equal(st.flooder_poll_ms, 100);
	assert_int_equal(st.flooder_max_in_flight, 256);
	assert_int_equal(st.halld_port, 7681);
	assert_true(st.masakari_chance_en == 0.5);
	assert_true(st.masakari_word_threshold > 0.0 && st.masakari_word_threshold <= 1.0);
	assert_string_equal(st.db_name, "masakari");   /* empty is unset */
	assert_string_equal(settings_list_first(st.flooder_targets), "http://t/");
	assert_int_equal(settings_int_of(&st, settings_find("Web.Workers.legacy")), 4);
	hdf_destroy(&hdf);
}

static void a_refused_value_is_told_with_its_range(void **state)
{
	HDF *hdf = tree("Flooder.PollMs = 251\n"
			"Masakari.Chance.ja = 1\n"
			"Halld.Port = 8090\n"
			"Site.Name = <b>anything</b>\n");
	char why[128];

	(void)state;
	assert_int_equal(settings_check(hdf, settings_find("Flooder.PollMs"), why, sizeof(why)), -1);
	assert_string_equal(why, "must be a whole number from 10 to 250");
	assert_int_equal(settings_check(hdf, settings_find("Masakari.Chance.ja"), why, sizeof(why)), -1);
	assert_string_equal(why, "must be a number from 0 to 0.99");
	assert_int_equal(settings_check(hdf, settings_find("Halld.Port"), why, sizeof(why)), 0);
	assert_int_equal(settings_check(hdf, settings_find("Site.Name"), why, sizeof(why)), 0);
	/* Unset is fine: the default applies. */
	assert_int_equal(settings_check(hdf, settings_find("LLM.TimeoutMs"), why, sizeof(why)), 0);
	hdf_destroy(&hdf);
}

static void a_list_with_no_values_has_no_first(void **state)
{
	HDF *hdf = tree("Flooder.Targets.0 =\n");

	(void)state;
	assert_null(settings_list_first(NULL));
	assert_null(settings_list_first(hdf_get_obj(hdf, "Flooder.Targets")));
	hdf_destroy(&hdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_name_is_unique_and_every_default_in_range),
		cmocka_unit_test(without_a_tree_every_setting_is_its_default),
		cmocka_unit_test(values_are_read_and_bad_ones_replaced_by_their_defaults),
		cmocka_unit_test(a_refused_value_is_told_with_its_range),
		cmocka_unit_test(a_list_with_no_values_has_no_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
