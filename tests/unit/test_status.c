/* test_status.c — host status from /proc files: parsing and rates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "status.h"

static char root[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int make_root(void **state)
{
	char net[128];

	(void)state;
	snprintf(root, sizeof(root), "/tmp/status-test-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(net, sizeof(net), "%s/net", root);
	mkdir(net, 0700);
	return 0;
}

static int remove_root(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_sample(unsigned long user, unsigned long idle, unsigned long sectors_read,
			 unsigned long rx)
{
	char stat[256], disk[512], net[512];

	snprintf(stat, sizeof(stat), "cpu  %lu 0 0 %lu 0 0 0 0 0 0\ncpu0 1 2 3 4\n", user, idle);
	snprintf(disk, sizeof(disk),
		 "   8       0 sda 10 0 %lu 0 5 0 100 0 0 0 0\n"
		 "   8       1 sda1 10 0 %lu 0 5 0 100 0 0 0 0\n"
		 "   7       0 loop0 10 0 999999 0 5 0 999999 0 0 0 0\n",
		 sectors_read, sectors_read);
	snprintf(net, sizeof(net),
		 "Inter-|   Receive\n face |bytes packets\n"
		 "    lo: 5000000 1 0 0 0 0 0 0 5000000 1 0 0 0 0 0 0\n"
		 "  eth0: %lu 1 0 0 0 0 0 0 2000 1 0 0 0 0 0 0\n", rx);
	write_file("stat", stat);
	write_file("diskstats", disk);
	write_file("net/dev", net);
}

static void reads_cpu_disk_and_network_counters(void **state)
{
	struct status_counters c;

	(void)state;
	write_sample(300, 700, 4, 1000);
	assert_int_equal(status_read(root, 0, &c), 0);
	assert_int_equal(c.cpu_total, 1000);
	assert_int_equal(c.cpu_busy, 300);
	/* Loop devices never count; outside the real /proc (no /sys/block to
	 * tell disks from partitions) every other device does. */
	assert_int_equal(c.disk_read, 2 * 4 * 512);
	assert_int_equal(c.net_in, 1000);
	assert_int_equal(c.net_out, 2000);
}

static void loopback_counts_only_when_asked(void **state)
{
	struct status_counters c;

	(void)state;
	write_sample(300, 700, 4, 1000);
	assert_int_equal(status_read(root, 1, &c), 0);
	assert_int_equal(c.net_in, 5001000);
}

static void rates_are_per_second_over_the_interval(void **state)
{
	struct status_counters a = { .at = 10.0, .cpu_busy = 100, .cpu_total = 1000,
				     .disk_read = 0, .disk_written = 512, .net_in = 100, .net_out = 0 };
	struct status_counters b = { .at = 12.0, .cpu_busy = 150, .cpu_total = 1200,
				     .disk_read = 4096, .disk_written = 512, .net_in = 300, .net_out = 50 };
	struct status_values v;

	(void)state;
	status_rates(&a, &b, &v);
	assert_float_equal(v.cpuutilization, 25.0, 1e-9);
	assert_float_equal(v.disk_read_bytes, 2048.0, 1e-9);
	assert_float_equal(v.disk_write_bytes, 0.0, 1e-9);
	assert_float_equal(v.network_in, 100.0, 1e-9);
	assert_float_equal(v.network_out, 25.0, 1e-9);
}

static void counters_going_backwards_read_as_zero(void **state)
{
	struct status_counters a = { .at = 1.0, .cpu_busy = 500, .cpu_total = 1000, .net_in = 900 };
	struct status_counters b = { .at = 2.0, .cpu_busy = 100, .cpu_total = 1100, .net_in = 10 };
	struct status_values v;

	(void)state;
	status_rates(&a, &b, &v);
	assert_float_equal(v.cpuutilization, 0.0, 1e-9);
	assert_float_equal(v.network_in, 0.0, 1e-9);
}

static void a_zero_interval_gives_zeros(void **state)
{
	struct status_counters a = { .at = 5.0, .cpu_busy = 1, .cpu_total = 2 };
	struct status_values v;

	(void)state;
	status_rates(&a, &a, &v);
	assert_float_equal(v.cpuutilization, 0.0, 1e-9);
}

static void a_missing_proc_stat_is_an_error(void **state)
{
	struct status_counters c;

	(void)state;
	assert_int_equal(status_read("/nonexistent-proc", 0, &c), -1);
}

static void the_sampler_answers_without_waiting(void **state)
{
	struct status_values v;

	(void)state;
	assert_int_equal(status_sampler_start("/proc", 0, 1000), 0);
	assert_int_equal(status_sampler_latest(&v), 0);
	assert_true(v.cpuutilization >= 0.0 && v.cpuutilization <= 100.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(reads_cpu_disk_and_network_counters, make_root, remove_root),
		cmocka_unit_test_setup_teardown(loopback_counts_only_when_asked, make_root, remove_root),
		cmocka_unit_test(rates_are_per_second_over_the_interval),
		cmocka_unit_test(counters_going_backwards_read_as_zero),
		cmocka_unit_test(a_zero_interval_gives_zeros),
		cmocka_unit_test(a_missing_proc_stat_is_an_error),
		cmocka_unit_test(the_sampler_answers_without_waiting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
