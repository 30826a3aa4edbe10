/* test_netaddr.c — limit keys: IPv4 by address, IPv6 by /64. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "netaddr.h"

/* Two buffers in turn, so that two keys can be compared in one assertion. */
static const char *key(const char *addr)
{
	static char out[2][64];
	static int turn;

	turn = !turn;
	netaddr_limit_key(addr, out[turn], sizeof(out[turn]));
	return out[turn];
}

static void ipv4_is_keyed_by_the_address(void **state)
{
	(void)state;
	assert_string_equal(key("192.0.2.7"), "ip:192.0.2.7");
	assert_string_equal(key("127.17.0.2"), "ip:127.17.0.2");
	assert_string_not_equal(key("192.0.2.7"), key("192.0.2.8"));
}

static void ipv4_mapped_ipv6_is_ipv4(void **state)
{
	(void)state;
	assert_string_equal(key("::ffff:192.0.2.7"), "ip:192.0.2.7");
}

static void every_address_of_a_64_is_one_key(void **state)
{
	(void)state;
	assert_string_equal(key("2001:db8:1:2::1"), "ip6:2001:db8:1:2::/64");
	assert_string_equal(key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "ip6:2001:db8:1:2::/64");
	assert_string_equal(key("2001:0db8:0001:0002:dead:beef:0:1"), "ip6:2001:db8:1:2::/64");
	assert_string_equal(key("::1"), "ip6:::/64");
}

static void neighbouring_64s_are_different_keys(void **state)
{
	(void)state;
	assert_string_not_equal(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
}

static void what_is_not_an_address_is_kept_short(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(key(""), "ip:?");
	assert_string_equal(key("x' OR 1=1 --"), "ip:?x' OR 1=1 --");
	netaddr_limit_key("2001:db8::1::2", out, sizeof(out));
	assert_string_equal(out, "ip:?2001:db8::1::2");
	netaddr_limit_key("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", out, 8);
	assert_int_equal(strlen(out), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ipv4_is_keyed_by_the_address),
		cmocka_unit_test(ipv4_mapped_ipv6_is_ipv4),
		cmocka_unit_test(every_address_of_a_64_is_one_key),
		cmocka_unit_test(neighbouring_64s_are_different_keys),
		cmocka_unit_test(what_is_not_an_address_is_kept_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
