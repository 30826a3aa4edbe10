/* score_fixture.h — the catalog fixture the scoring unit tests share
 * (test_score.c, test_score_words.c): a catalog made empty, kept as a
 * cmocka state once built, and freed by the teardown. */
#ifndef SCORE_FIXTURE_H
#define SCORE_FIXTURE_H

#include <stdlib.h>

#include "score.h"

/* An empty catalog, or NULL when out of memory. */
static inline struct score_catalog *catalog_new(void)
{
	struct score_catalog *cat = malloc(sizeof(*cat));

	if (cat)
		score_catalog_init(cat);
	return cat;
}

static inline void catalog_free(struct score_catalog *cat)
{
	score_catalog_free(cat);
	free(cat);
}

/* The end of a setup: cat becomes the state when it was built, else it is
 * freed and the setup fails. */
static inline int catalog_keep(void **state, struct score_catalog *cat, int built)
{
	if (!built) {
		catalog_free(cat);
		return -1;
	}
	*state = cat;
	return 0;
}

static inline int catalog_teardown(void **state)
{
	catalog_free(*state);
	return 0;
}

#endif
