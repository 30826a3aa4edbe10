/* fuzz.h — what every libFuzzer target here shares: a failed property is a
 * crash with its reason, so libFuzzer keeps the input and the run fails. */
#ifndef MASAKARI_FUZZ_H
#define MASAKARI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The sanitizers' own report channel: it still reaches the log when
 * tests/fuzz/run.sh closes the targets' stderr (-close_fd_mask), which the
 * programs' log lines would otherwise flood. */
void __sanitizer_report_error_summary(const char *error_summary);

#define FUZZ_CHECK(cond)                                                               \
	do {                                                                           \
		if (!(cond)) {                                                         \
			__sanitizer_report_error_summary(                              \
				"property failed at " __FILE__ ": " #cond);            \
			abort();                                                       \
		}                                                                      \
	} while (0)

#endif
