/* clock.c — monotonic seconds and UTC stamps (clock.h). */
#include "clock.h"

#include <stdio.h>
#include <sys/time.h>

double clock_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The date and time in UTC with milliseconds, ISO 8601 ('T', 'Z') or not. */
static void clock_utc(char *out, size_t size, int iso)
{
	struct timeval tv;
	struct tm tm;
	char base[24];

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(base, sizeof(base), iso ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(out, size, "%s.%03ld%s", base, (long)(tv.tv_usec / 1000), iso ? "Z" : "");
}

void clock_utc_iso(char *out, size_t size)
{
	clock_utc(out, size, 1);
}

void clock_utc_db(char *out, size_t size)
{
	clock_utc(out, size, 0);
}

double clock_wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct timespec clock_timespec(double seconds)
{
	struct timespec ts;

	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	} else if (ts.tv_nsec < 0) {
		ts.tv_nsec = 0;
	}
	return ts;
}
