/* random.c — "/legacy/random": a bubble sort of 512 shuffled numbers, on purpose.
 *
 * This is the attack target. One request costs about Legacy.CostMs of CPU
 * (default 10 ms), so a full-power masakari (100 requests/s) costs about one
 * core: the sort is repeated on freshly shuffled numbers as many rounds as that
 * takes on this machine, measured once when the process starts. */
#include "legacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "log.h"

#define LEGACY_NUMBERS 512
#define LEGACY_MAX_VALUE 100000

static long sort_rounds = 1;
static double round_us;

static void shuffle_numbers(int *v, unsigned *seed)
{
	for (int i = 0; i < LEGACY_NUMBERS; i++)
		v[i] = rand_r(seed) % LEGACY_MAX_VALUE;
}

static void bubble_sort(int *v, int n)
{
	for (int i = 0; i < n - 1; i++) {
		int swapped = 0;

		for (int j = 0; j < n - 1 - i; j++) {
			if (v[j] > v[j + 1]) {
				int t = v[j];

				v[j] = v[j + 1];
				v[j + 1] = t;
				swapped = 1;
			}
		}
		if (!swapped)
			break;
	}
}

static double cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int legacy_random_init(const struct settings *settings)
{
	long cost_ms = settings->legacy_cost_ms;
	long fixed = settings->legacy_sort_rounds;
	int v[LEGACY_NUMBERS];
	unsigned seed = 12345;
	double best = 0;

	/* The cheapest of several timed sorts: the least disturbed by other load. */
	for (int i = 0; i < 15; i++) {
		double t0 = cpu_us(), dt;

		shuffle_numbers(v, &seed);
		bubble_sort(v, LEGACY_NUMBERS);
		dt = cpu_us() - t0;
		if (i == 0 || dt < best)
			best = dt;
	}
	round_us = best > 0 ? best : 1;
	sort_rounds = fixed ? fixed : (long)((double)cost_ms * 1000.0 / round_us + 0.5);
	if (sort_rounds < 1)
		sort_rounds = 1;
	log_info("one bubble sort of %d numbers takes %.0f us; %ld rounds per request",
		 LEGACY_NUMBERS, round_us, sort_rounds);
	return 0;
}

NEOERR *legacy_random_render(web_request *req)
{
	int v[LEGACY_NUMBERS];
	unsigned seed;
	char *text, *p;
	double t0 = cpu_us();
	NEOERR *err;

	if (getrandom(&seed, sizeof(seed), 0) != (ssize_t)sizeof(seed))
		seed = (unsigned)time(NULL);
	for (long r = 0; r < sort_rounds; r++) {
		shuffle_numbers(v, &seed);
		bubble_sort(v, LEGACY_NUMBERS);
	}
	/* Up to 5 digits and a space each. */
	text = malloc(LEGACY_NUMBERS * 7 + 1);
	if (!text)
		return nerr_raise(NERR_NOMEM, "sort output");
	p = text;
	for (int i = 0; i < LEGACY_NUMBERS; i++)
		p += sprintf(p, i ? " %d" : "%d", v[i]);
	err = hdf_set_value(req->hdf, "Legacy.Sorted", text);
	free(text);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Legacy.Count", LEGACY_NUMBERS);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Legacy.Rounds", (int)sort_rounds);
	if (!err)
		err = hdf_set_valuef(req->hdf, "Legacy.CpuMs=%.1f", (cpu_us() - t0) / 1000.0);
	if (!err)
		err = web_render(req, "legacy/random.cs");
	return nerr_pass(err);
}
