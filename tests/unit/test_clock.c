/* test_clock.c — lib/clock.c: the monotonic clock moves forward, the UTC
 * stamps have the shapes clients and MariaDB take, and deadlines split right. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <regex.h>
#include <string.h>
#include <time.h>

#include "clock.h"

static int matches(const char *text, const char *pattern)
{
	regex_t re;
	int rc;

	assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
	rc = regexec(&re, text, 0, NULL, 0);
	regfree(&re);
	return rc == 0;
}

static void the_monotonic_clock_never_goes_back(void **state)
{
	double a, b;
	struct timespec pause = { 0, 2000000 };

	(void)state;
	a = clock_monotonic();
	nanosleep(&pause, NULL);
	b = clock_monotonic();
	assert_true(b - a >= 0.002);
	assert_true(b - a < 5.0);
}

static void an_iso_stamp_is_utc_with_milliseconds(void **state)
{
	char at[64];

	(void)state;
	clock_utc_iso(at, sizeof(at));
	assert_true(matches(at, "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"));
}

static void a_database_stamp_is_datetime3_text(void **state)
{
	char at[64];

	(void)state;
	clock_utc_db(at, sizeof(at));
	assert_true(matches(at, "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}$"));
}

static void a_stamp_in_a_small_buffer_is_cut_and_terminated(void **state)
{
	char at[8];

	(void)state;
	memset(at, 'x', sizeof(at));
	clock_utc_iso(at, sizeof(at));
	assert_int_equal(strlen(at), sizeof(at) - 1);
}

static void the_wall_clock_is_the_epoch_clock(void **state)
{
	double wall = clock_wall();
	time_t now = time(NULL);

	(void)state;
	assert_true(wall > (double)now - 2.0 && wall < (double)now + 2.0);
}

static void a_timespec_keeps_whole_and_fraction(void **state)
{
	struct timespec ts = clock_timespec(12.25);

	(void)state;
	assert_int_equal(ts.tv_sec, 12);
	assert_true(ts.tv_nsec > 249999000L && ts.tv_nsec < 250001000L);
	ts = clock_timespec(3.0);
	assert_int_equal(ts.tv_sec, 3);
	assert_int_equal(ts.tv_nsec, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_monotonic_clock_never_goes_back),
		cmocka_unit_test(an_iso_stamp_is_utc_with_milliseconds),
		cmocka_unit_test(a_database_stamp_is_datetime3_text),
		cmocka_unit_test(a_stamp_in_a_small_buffer_is_cut_and_terminated),
		cmocka_unit_test(the_wall_clock_is_the_epoch_clock),
		cmocka_unit_test(a_timespec_keeps_whole_and_fraction),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
