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

/* A list on the page: what its query is for (for the error page), the names
 * its columns take under prefix, where its length goes (NULL: not counted),
 * the query, and the most rows it shows (0: all, else the query's one
 * parameter). */
struct ranking_list {
	const char *what;
	const char *prefix;
	const char *count;
	const char *const *names;
	const char *sql;
	int limit;
};

/* The ID shown is the critic's first spelling of it; a first find is a
 * weakness's earliest hit. */
static const struct ranking_list critics = {
	.what = "ranking the critics",
	.prefix = "Critics",
	.names = (const char *const[]){ "GithubId", "Damage", "Throws", "Hits", "FirstFinds", "Sent",
					"Scoring", "Verified", NULL },
	.sql = "SELECT first.github_id, c.damage, c.throws, c.hits, COALESCE(ff.n, 0), c.sent, "
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
	.limit = RANKING_CRITICS,
};

/* Each weakness found, with its first hit. */
static const struct ranking_list found = {
	.what = "listing the weaknesses found",
	.prefix = "Found",
	.count = "Ranking.FoundCount",
	.names = (const char *const[]){ "TitleJa", "TitleEn", "ExplanationJa", "FoundBy", "FoundAt",
					"Hits", "ScoringVersion", "ExplanationEn", NULL },
	.sql = "SELECT w.title_ja, w.title_en, w.explanation_ja, t.github_id, "
	       "DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s'), "
	       "(SELECT COUNT(*) FROM throws h WHERE h.weakness_id = w.id), t.scoring_version, "
	       "w.explanation_en "
	       "FROM weaknesses w JOIN throws t ON t.id = "
	       "(SELECT MIN(f.id) FROM throws f WHERE f.weakness_id = w.id) "
	       "ORDER BY t.id",
};

/* Copies list l's rows into hdf; a failed query is a 500 about what it was for. */
static NEOERR *list_copy(db_t *db, HDF *hdf, const struct ranking_list *l)
{
	db_result *r = l->limit ? db_query(db, l->sql, DB_INT(l->limit)) : db_query(db, l->sql);
	NEOERR *err;

	if (!r)
		return web_db_error(db, l->what);
	err = db_hdf_rows(hdf, l->prefix, r, l->names, 0);
	if (!err && l->count)
		err = hdf_set_int_value(hdf, l->count, (int)r->nrows);
	db_result_free(r);
	return nerr_pass(err);
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
		err = list_copy(db, req->hdf, &critics);
	if (!err)
		err = list_copy(db, req->hdf, &found);
	if (!err)
		err = unfound_count(db, req->hdf);
	if (!err)
		err = web_header(req, "Cache-Control", "no-store");
	if (!err)
		err = web_render(req, "masakari/ranking.cs");
	return nerr_pass(err);
}
