/* status.h — this host's CPU, disk and network activity, read from /proc.
 *
 * The five figures of /api/status: CPU utilisation in percent over the last
 * interval and bytes per second read from and written to disks, received and
 * sent on network interfaces (loopback excluded unless asked for). */
#ifndef MASAKARI_STATUS_H
#define MASAKARI_STATUS_H

#include <stdint.h>

struct settings;

struct status_counters {
	double at;                 /* monotonic seconds */
	uint64_t cpu_busy, cpu_total;
	uint64_t disk_read, disk_written;   /* bytes */
	uint64_t net_in, net_out;           /* bytes */
};

struct status_values {
	double cpuutilization;     /* 0–100 */
	double disk_read_bytes;    /* per second */
	double disk_write_bytes;
	double network_in;
	double network_out;
};

/* Reads the counters from proc_root ("/proc" normally). Returns 0, or -1 when
 * /proc/stat cannot be read (disk and network files missing count as zero). */
int status_read(const char *proc_root, int include_loopback, struct status_counters *out);

/* Rates between two readings; a zero or negative interval gives zeros. */
void status_rates(const struct status_counters *before, const struct status_counters *after,
		  struct status_values *out);

/* Starts a background thread that reads the counters every interval_ms, so a
 * request never waits for a sampling interval. Returns 0 or -1. */
int status_sampler_start(const char *proc_root, int include_loopback, unsigned interval_ms);

/* The latest rates from the sampler; before its first full interval, the rates
 * since it started. Returns 0, or -1 when no sampler runs. */
int status_sampler_latest(struct status_values *out);

/* status_sampler_start with the Status.* settings. */
int status_sampler_start_from(const struct settings *settings);

#endif
