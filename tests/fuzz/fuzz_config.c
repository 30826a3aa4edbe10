/* fuzz_config.c — HDF configuration loading (lib/config.c over ClearSilver's
 * parser): any file either loads or is refused with a logged reason, and the
 * typed getters keep every value inside its bounds. */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "fuzz.h"

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	HDF *cfg = NULL;
	FILE *f;

	if (!path[0]) {
		snprintf(path, sizeof(path), "/tmp/masakari-fuzz-config.%d.hdf", (int)getpid());
		setenv("MASAKARI_CONFIG", path, 1);
	}
	f = fopen(path, "w");
	FUZZ_CHECK(f);
	FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
	fclose(f);
	if (config_load(&cfg) != 0) {
		FUZZ_CHECK(cfg == NULL);
		return 0;
	}
	FUZZ_CHECK(cfg != NULL);
	{
		long n = config_int(cfg, "Web.Workers.masakari", 2, 0, 64);
		double d = config_double(cfg, "Masakari.MissThreshold.en", 0.8, 0.0, 1.0);
		const char *s = config_str(cfg, "Database.Host", "localhost");

		FUZZ_CHECK(n >= 0 && n <= 64);
		FUZZ_CHECK(isfinite(d) && d >= 0.0 && d <= 1.0);
		FUZZ_CHECK(s && s[0]);
		n = config_int(cfg, "a", -5, -10, 10);
		d = config_double(cfg, "a", 0.5, -1.0, 1.0);
		FUZZ_CHECK(n >= -10 && n <= 10 && d >= -1.0 && d <= 1.0);
	}
	hdf_destroy(&cfg);
	return 0;
}
