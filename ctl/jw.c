/* jw.c — "masakarictl jw A B": the Jaro–Winkler similarity of two strings,
 * exactly as given (no normalisation), with 6 decimals. */
#include <stdio.h>

#include "ctl.h"
#include "jw.h"

int ctl_jw(const struct settings *settings, int argc, char **argv)
{
	double s;

	(void)settings;
	if (argc != 2) {
		fprintf(stderr, "usage: masakarictl jw A B\n");
		return 2;
	}
	s = jw_similarity_utf8(argv[0], argv[1]);
	if (s < 0) {
		fprintf(stderr, "masakarictl jw: both strings must be valid UTF-8\n");
		return 1;
	}
	printf("%.6f\n", s);
	return 0;
}
