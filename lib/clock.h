/* clock.h — the one clock: monotonic seconds for intervals and deadlines,
 * UTC wall-clock stamps for what is stored or shown. */
#ifndef MASAKARI_CLOCK_H
#define MASAKARI_CLOCK_H

#include <stddef.h>
#include <time.h>

/* Seconds on CLOCK_MONOTONIC (not wall time: never jumps); never fails. */
double clock_monotonic(void);

/* The current UTC time with milliseconds, as ISO 8601 for clients
 * ("2024-05-01T12:34:56.789Z") or as DATETIME(3) text for MariaDB
 * ("2024-05-01 12:34:56.789"). out is always terminated (truncated when size
 * is too small; 32 bytes are enough). */
void clock_utc_iso(char *out, size_t size);
void clock_utc_db(char *out, size_t size);

/* Seconds since the epoch on CLOCK_REALTIME, for what follows the wall clock
 * (a run that ends at a given second past the minute); never fails. */
double clock_wall(void);

/* seconds (monotonic or wall, as the caller's clock) as a struct timespec, the
 * absolute deadline pthread_cond_timedwait and pthread_timedjoin_np take. */
struct timespec clock_timespec(double seconds);

#endif
