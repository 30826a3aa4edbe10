/* status.c — this host's CPU, disk and network activity, read from /proc. */
#include "status.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "log.h"

static FILE *proc_open(const char *root, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", root, name);
	return fopen(path, "r");
}

static int read_cpu(const char *root, struct status_counters *c)
{
	uint64_t v[10] = { 0 };
	FILE *f = proc_open(root, "stat");
	int n;

	if (!f)
		return -1;
	n = fscanf(f, "cpu %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		   " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64,
		   &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9]);
	fclose(f);
	if (n < 4)
		return -1;
	/* user nice system idle iowait irq softirq steal (guest is inside user). */
	c->cpu_total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
	c->cpu_busy = c->cpu_total - v[3] - v[4];
	return 0;
}

/* Whole disks only: partitions and device-mapper volumes would count the same
 * bytes twice, loop and ram devices are not disks. */
static int is_counted_disk(const char *root, const char *name)
{
	char path[512];

	if (!strncmp(name, "loop", 4) || !strncmp(name, "ram", 3) || !strncmp(name, "dm-", 3) ||
	    !strncmp(name, "zram", 4) || !strncmp(name, "sr", 2))
		return 0;
	/* /sys/block lists whole disks; outside the real /proc trust the name. */
	if (strcmp(root, "/proc") != 0)
		return 1;
	snprintf(path, sizeof(path), "/sys/block/%s", name);
	return access(path, F_OK) == 0;
}

static void read_disks(const char *root, struct status_counters *c)
{
	char line[512], name[64];
	FILE *f = proc_open(root, "diskstats");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned major, minor;
		uint64_t rd, rd_merged, rd_sectors, rd_ms, wr, wr_merged, wr_sectors;

		if (sscanf(line, "%u %u %63s %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
			   " %" SCNu64 " %" SCNu64 " %" SCNu64,
			   &major, &minor, name, &rd, &rd_merged, &rd_sectors, &rd_ms, &wr,
			   &wr_merged, &wr_sectors) != 10)
			continue;
		if (!is_counted_disk(root, name))
			continue;
		/* diskstats counts 512-byte sectors whatever the device's sector size. */
		c->disk_read += rd_sectors * 512;
		c->disk_written += wr_sectors * 512;
	}
	fclose(f);
}

static void read_net(const char *root, int include_loopback, struct status_counters *c)
{
	char line[512];
	FILE *f = proc_open(root, "net/dev");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');
		char *name = line;
		uint64_t rx, tx, skip;

		if (!colon)
			continue;
		*colon = '\0';
		while (*name == ' ')
			name++;
		if (!include_loopback && strcmp(name, "lo") == 0)
			continue;
		if (sscanf(colon + 1, "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
			   " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64,
			   &rx, &skip, &skip, &skip, &skip, &skip, &skip, &skip, &tx) != 9)
			continue;
		c->net_in += rx;
		c->net_out += tx;
	}
	fclose(f);
}

int status_read(const char *proc_root, int include_loopback, struct status_counters *out)
{
	memset(out, 0, sizeof(*out));
	out->at = clock_monotonic();
	if (read_cpu(proc_root, out) != 0)
		return -1;
	read_disks(proc_root, out);
	read_net(proc_root, include_loopback, out);
	return 0;
}

static double rate(uint64_t before, uint64_t after, double secs)
{
	/* A counter that went backwards (device removed, wrapped) reads as idle. */
	return after >= before ? (double)(after - before) / secs : 0.0;
}

void status_rates(const struct status_counters *before, const struct status_counters *after,
		  struct status_values *out)
{
	double secs = after->at - before->at;
	uint64_t total, busy;

	memset(out, 0, sizeof(*out));
	if (secs <= 0)
		return;
	total = after->cpu_total >= before->cpu_total ? after->cpu_total - before->cpu_total : 0;
	busy = after->cpu_busy >= before->cpu_busy ? after->cpu_busy - before->cpu_busy : 0;
	out->cpuutilization = total ? 100.0 * (double)busy / (double)total : 0.0;
	if (out->cpuutilization > 100.0)
		out->cpuutilization = 100.0;
	out->disk_read_bytes = rate(before->disk_read, after->disk_read, secs);
	out->disk_write_bytes = rate(before->disk_written, after->disk_written, secs);
	out->network_in = rate(before->net_in, after->net_in, secs);
	out->network_out = rate(before->net_out, after->net_out, secs);
}

static struct {
	pthread_mutex_t lock;
	int running;
	char root[256];
	int include_loopback;
	unsigned interval_ms;
	struct status_counters first, prev;
	struct status_values latest;
	int have_interval;
} sampler = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void *sampler_loop(void *arg)
{
	struct timespec pause = { .tv_sec = sampler.interval_ms / 1000,
				  .tv_nsec = (long)(sampler.interval_ms % 1000) * 1000000L };

	(void)arg;
	for (;;) {
		struct status_counters now;
		struct status_values v;

		nanosleep(&pause, NULL);
		if (status_read(sampler.root, sampler.include_loopback, &now) != 0)
			continue;
		pthread_mutex_lock(&sampler.lock);
		status_rates(&sampler.prev, &now, &v);
		sampler.latest = v;
		sampler.prev = now;
		sampler.have_interval = 1;
		pthread_mutex_unlock(&sampler.lock);
	}
	return NULL;
}

int status_sampler_start(const char *proc_root, int include_loopback, unsigned interval_ms)
{
	pthread_t tid;
	pthread_attr_t attr;
	int rc;

	if (sampler.running)
		return 0;
	snprintf(sampler.root, sizeof(sampler.root), "%s", proc_root);
	sampler.include_loopback = include_loopback;
	sampler.interval_ms = interval_ms ? interval_ms : 1000;
	if (status_read(sampler.root, include_loopback, &sampler.first) != 0) {
		log_error("cannot read %s/stat: host status unavailable", proc_root);
		return -1;
	}
	sampler.prev = sampler.first;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&tid, &attr, sampler_loop, NULL);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		log_error("cannot start the status sampler thread");
		return -1;
	}
	sampler.running = 1;
	return 0;
}

int status_sampler_latest(struct status_values *out)
{
	struct status_counters now;

	if (!sampler.running)
		return -1;
	pthread_mutex_lock(&sampler.lock);
	if (sampler.have_interval) {
		*out = sampler.latest;
		pthread_mutex_unlock(&sampler.lock);
		return 0;
	}
	pthread_mutex_unlock(&sampler.lock);
	/* No full interval yet: rates since start-up, without waiting. */
	if (status_read(sampler.root, sampler.include_loopback, &now) != 0)
		return -1;
	status_rates(&sampler.first, &now, out);
	return 0;
}
