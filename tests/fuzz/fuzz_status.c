/* fuzz_status.c — the /proc parsers (lib/status.c): the input, cut at NUL
 * bytes, becomes stat, diskstats and net/dev under a private root, and any
 * content reads to counters whose rates are finite and not negative. */
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "status.h"

static char root[64];

static void write_file(const char *name, const uint8_t *p, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	f = fopen(path, "w");
	FUZZ_CHECK(f);
	FUZZ_CHECK(fwrite(p, 1, n, f) == n || n == 0);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "stat", "diskstats", "net/dev" };
	struct status_counters before = { 0 }, after;
	struct status_values v;
	const uint8_t *p = data, *end = data + size;
	char sub[96];

	if (!root[0]) {
		snprintf(root, sizeof(root), "/tmp/masakari-fuzz-proc.%d", (int)getpid());
		FUZZ_CHECK(mkdir(root, 0700) == 0);
		snprintf(sub, sizeof(sub), "%s/net", root);
		FUZZ_CHECK(mkdir(sub, 0700) == 0);
	}
	for (int i = 0; i < 3; i++) {
		const uint8_t *nul = i < 2 ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		const uint8_t *stop = nul ? nul : end;

		write_file(names[i], p, (size_t)(stop - p));
		p = nul ? nul + 1 : end;
	}
	for (int lo = 0; lo < 2; lo++) {
		if (status_read(root, lo, &after) != 0)
			continue;
		before.at = after.at - 1.0;
		status_rates(&before, &after, &v);
		FUZZ_CHECK(isfinite(v.cpuutilization) && v.cpuutilization >= 0.0 &&
			   v.cpuutilization <= 100.0);
		FUZZ_CHECK(isfinite(v.disk_read_bytes) && v.disk_read_bytes >= 0.0);
		FUZZ_CHECK(isfinite(v.disk_write_bytes) && v.disk_write_bytes >= 0.0);
		FUZZ_CHECK(isfinite(v.network_in) && v.network_in >= 0.0);
		FUZZ_CHECK(isfinite(v.network_out) && v.network_out >= 0.0);
		/* A later reading with smaller counters (a wrapped or reset counter)
		 * gives zeros, never a huge or negative rate. */
		status_rates(&after, &before, &v);
		FUZZ_CHECK(v.cpuutilization >= 0.0 && v.network_in >= 0.0);
	}
	return 0;
}
