/* ranking.c — "/masakari/ranking": the critics by total damage, the weaknesses
 * found so far with who found each first and when, and how many are still
 * unfound (only how many: the rest stay a challenge).
 *
 * A critic's damage is the sum of the attack power of their throws, the
 * requests per second each one aimed at the target after any halving for
 * repeated hits; IDs are compared without case, as GitHub does. */
#include "masakari.h"

#include "db_hdf.h"

#define RANKING_CRITICS 50

/* Copies a list's rows r under prefix with their names, and how many under
 * count (NULL: not counted); a failed query (r NULL) is a 500 about what. */
static NEOERR *list_copy(db_t *db, HDF *hdf, db_result *r, const char *what, const char *prefix,
			 const char *const *names, const char *count)
{
	NEOERR *err;

	if (!r)
		return web_db_error(db, what);
	err = db_hdf_rows(hdf, prefix, r, names, 0);
	if (!err && count)
		err = hdf_set_int_value(hdf, count, (int)r->nrows);
	db_result_free(r);
	return nerr_pass(err);
}

static NEOERR *critics(db_t *db, HDF *hdf)
{
	static const char *const names[] = { "GithubId", "Damage", "Throws", "Hits", "FirstFinds",
					     "Sent", "Scoring", "Verified", NULL };
	/* The ID shown is the critic's first spelling of it; a first find is a
	 * weakness's earliest hit. */
	db_result *r = db_query(
		db,
		"SELECT first.github_id, c.damage, c.throws, c.hits, COALESCE(ff.n, 0), c.sent, "
		"c.scoring, c.verified "
		"FROM (SELECT LOWER(t.github_id) AS k, SUM(t.power) AS damage, COUNT(*) AS throws, "
		/* Each throw counts as the version that scored it scored it:
		 * "v1 ×2, v2 ×5". */
		"      (SELECT GROUP_CONCAT(CONCAT('v', v.scoring_version, ' ×', v.n) "
		"              ORDER BY v.scoring_version SEPARATOR ', ') "
		"       FROM (SELECT LOWER(github_id) AS k, scoring_version, COUNT(*) AS n "
		"             FROM throws GROUP BY LOWER(github_id), scoring_version) v "
		"       WHERE v.k = LOWER(t.github_id)) AS scoring, "
		"      COUNT(DISTINCT t.weakness_id) AS hits, COALESCE(SUM(j.sent), 0) AS sent, "
		"      MIN(t.id) AS first_id, MAX(t.verified) AS verified "
		"      FROM throws t LEFT JOIN attack_jobs j ON j.throw_id = t.id "
		"      GROUP BY LOWER(t.github_id)) c "
		"JOIN throws first ON first.id = c.first_id "
		"LEFT JOIN (SELECT LOWER(t.github_id) AS k, COUNT(*) AS n FROM throws t "
		"      WHERE t.id IN (SELECT MIN(id) FROM throws WHERE weakness_id IS NOT NULL "
		"                     GROUP BY weakness_id) "
		"      GROUP BY LOWER(t.github_id)) ff ON ff.k = c.k "
		"ORDER BY c.damage DESC, c.first_id LIMIT ?",
		DB_INT(RANKING_CRITICS));

	return list_copy(db, hdf, r, "ranking the critics", "Critics", names, NULL);
}

static NEOERR *found_weaknesses(db_t *db, HDF *hdf)
{
	static const char *const names[] = { "TitleJa", "TitleEn", "ExplanationJa", "FoundBy", "FoundAt",
					     "Hits", "ScoringVersion", "ExplanationEn", NULL };
	db_result *r = db_query(
		db,
		"SELECT w.title_ja, w.title_en, w.explanation_ja, t.github_id, "
		"DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s'), "
		"(SELECT COUNT(*) FROM throws h WHERE h.weakness_id = w.id), t.scoring_version, "
		"w.explanation_en "
		"FROM weaknesses w JOIN throws t ON t.id = "
		"(SELECT MIN(f.id) FROM throws f WHERE f.weakness_id = w.id) "
		"ORDER BY t.id");

	return list_copy(db, hdf, r, "listing the weaknesses found", "Found", names, "Ranking.FoundCount");
}

static NEOERR *unfound_count(db_t *db, HDF *hdf)
{
	db_result *r = db_query(db, "SELECT COUNT(*) FROM weaknesses w WHERE NOT EXISTS "
				    "(SELECT 1 FROM throws t WHERE t.weakness_id = w.id)");
	NEOERR *err;

	if (!r)
		return web_db_error(db, "counting the weaknesses not found");
	err = hdf_set_int_value(hdf, "Ranking.UnfoundCount", (int)db_cell_int(r, 0, 0, 0));
	db_result_free(r);
	return nerr_pass(err);
}

NEOERR *masakari_ranking_render(web_request *req)
{
	db_t *db;
	NEOERR *err = web_db(req, &db);

	if (!err)
		err = critics(db, req->hdf);
	if (!err)
		err = found_weaknesses(db, req->hdf);
	if (!err)
		err = unfound_count(db, req->hdf);
	if (!err)
		err = web_header(req, "Cache-Control", "no-store");
	if (!err)
		err = web_render(req, "masakari/ranking.cs");
	return nerr_pass(err);
}
