/* score.c — "masakarictl score TEXT": scores a critique against the weakness
 * catalog in the database, as a throw would, and says what it hit and why. */
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "db.h"
#include "score.h"

static const char *verdict_text(enum score_verdict v)
{
	switch (v) {
	case SCORE_HIT: return "hit";
	case SCORE_MISS_LOW: return "below the threshold";
	case SCORE_MISS_SHORT: return "too short for the phrasing";
	case SCORE_MISS_NOTHING: return "nothing to compare";
	}
	return "";
}

int ctl_score(HDF *config, int argc, char **argv)
{
	struct score_catalog cat;
	struct score_result r;
	db_t *db;
	int rc = 1;

	if (argc != 1) {
		fprintf(stderr, "usage: masakarictl score TEXT\n");
		return 2;
	}
	db = db_new(config);
	if (!db)
		return 1;
	score_catalog_init(&cat);
	score_catalog_configure(&cat, config);
	if (db_connect(db) != 0) {
		fprintf(stderr, "masakarictl score: cannot connect to the database: %s\n",
			db_error(db));
	} else if (score_catalog_load(&cat, db) != 0) {
		fprintf(stderr, "masakarictl score: cannot load the weakness catalog\n");
	} else if (score_critique(&cat, argv[0], &r) != 0) {
		fprintf(stderr, "masakarictl score: the critique must be valid UTF-8 and at most "
				"%d characters after normalisation\n", SCORE_MAX_TEXT);
	} else {
		const struct score_weakness *w =
			r.weakness_index >= 0 ? &cat.weaknesses[r.weakness_index] : NULL;
		const struct score_weakness *near =
			r.nearest_index >= 0 ? &cat.weaknesses[r.nearest_index] : NULL;

		printf("score    %.6f\n", r.score);
		if (w)
			printf("weakness %s (%s)\n", w->slug, w->title_en);
		else
			printf("weakness none: missed (%s%s%s, %s threshold %.2f)\n",
			       verdict_text(r.verdict), near ? "; nearest " : "",
			       near ? near->slug : "", score_lang_name(r.lang),
			       cat.miss_threshold[r.lang]);
		printf("power    %d\n", r.power);
		rc = 0;
	}
	score_catalog_free(&cat);
	db_free(db);
	return rc;
}
