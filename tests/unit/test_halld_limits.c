/* test_halld_limits.c — the hall's per-connection limits (halld/session.c):
 * token buckets, rationed errors, and strikes that close only persistent abuse. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "hall.h"

static double fake_now = 1000.0;   /* time is the test's to move */

static void a_bucket_allows_its_burst_then_its_rate(void **state)
{
	struct hall_bucket b = { 0 };
	int allowed = 0;

	(void)state;
	for (int i = 0; i < 10; i++)
		allowed += session_allow(&b, HALL_CHAT_RATE, HALL_CHAT_BURST, 100.0);
	assert_int_equal(allowed, 5);
	assert_false(session_allow(&b, HALL_CHAT_RATE, HALL_CHAT_BURST, 100.5));
	assert_true(session_allow(&b, HALL_CHAT_RATE, HALL_CHAT_BURST, 101.0));
	/* A long pause refills only up to the burst. */
	allowed = 0;
	for (int i = 0; i < 10; i++)
		allowed += session_allow(&b, HALL_CHAT_RATE, HALL_CHAT_BURST, 200.0);
	assert_int_equal(allowed, 5);
}

static void twenty_moves_a_second_are_fine_forever(void **state)
{
	struct hall_bucket b = { 0 };

	(void)state;
	for (int i = 0; i < 2000; i++)
		assert_true(session_allow(&b, HALL_MOVE_RATE, HALL_MOVE_BURST, 10.0 + i * 0.05));
}

static void strikes_close_a_flood_but_not_a_steady_overrun(void **state)
{
	struct hall_session s;

	(void)state;
	memset(&s, 0, sizeof(s));
	/* Ten refused messages a second (30/s against a limit of 20) never add up. */
	for (int i = 0; i < 600; i++)
		assert_false(session_strike(&s, 10.0 + i * 0.1));
	assert_int_equal(s.close_code, 0);
	/* A burst of refusals closes the connection, once. */
	memset(&s, 0, sizeof(s));
	for (int i = 0; i < (int)HALL_STRIKE_LIMIT - 1; i++)
		assert_false(session_strike(&s, 50.0));
	assert_true(session_strike(&s, 50.0));
	assert_int_equal(s.close_code, LWS_CLOSE_STATUS_POLICY_VIOLATION);
}

static void errors_are_rationed(void **state)
{
	struct hall_session s;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.wsi = NULL;   /* no socket: session_send drops, the budget still counts */
	for (int i = 0; i < 20; i++)
		session_error(&s, 400, "bad", fake_now);
	assert_true(s.errors.tokens < 1.0);
	fake_now += 1.0;
	assert_true(session_allow(&s.errors, HALL_ERROR_RATE, HALL_ERROR_BURST, fake_now));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_bucket_allows_its_burst_then_its_rate),
		cmocka_unit_test(twenty_moves_a_second_are_fine_forever),
		cmocka_unit_test(strikes_close_a_flood_but_not_a_steady_overrun),
		cmocka_unit_test(errors_are_rationed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
