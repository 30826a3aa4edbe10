/* masakari.h — the pages of the masakari program: the game's form and HP bar,
 * a throw, a throw's page and the ranking; and what they share.
 *
 * Every NEOERR function here raises on failure with the WEB_ERR_* types of
 * web.h (403, 404, 429, 503) or a plain error (500), which the request loop
 * turns into the error page. */
#ifndef MASAKARI_MASAKARI_H
#define MASAKARI_MASAKARI_H

#include "score.h"
#include "web.h"

/* home.c — "/masakari". */
web_page masakari_home_render;

/* What the form shows again when a throw is refused. */
struct masakari_form {
	const char *github_id;   /* shown back only when safe to show */
	const char *critique;
	const char *problem;     /* what to fix, for the visitor */
	long long earlier_throw; /* > 0: the critic's earlier throw of this critique, linked */
};

/* Renders "/masakari" at the request's status with the form filled in from
 * form (NULL: empty, or the ID from the visitor's cookie). */
NEOERR *masakari_home_show(web_request *req, const struct masakari_form *form);

/* throw.c — "POST /masakari/throw". */
web_page masakari_throw_submit;

/* throw_page.c — "/masakari/throws/<id>". */
web_page masakari_throw_page_render;

/* ranking.c — "/masakari/ranking". */
web_page masakari_ranking_render;

/* catalog.c — the weakness catalog, read from the database once per process
 * at the first throw and kept. On a database failure raises the matching
 * error (503 on an outage) and tries again at the next throw. */
NEOERR *catalog_get(web_request *req, db_t *db, const struct score_catalog **out);

/* hp_chart.c — the HP history of the last ten minutes, from the
 * status_samples table, as SVG geometry at Chart.* in the request's HDF. */
NEOERR *hp_chart_fill(web_request *req, db_t *db);

/* The same over an attack's window, from (a UTC database time) to to (NULL:
 * now), with a sampling interval either side; Chart.WindowSeconds says how
 * long it is. */
NEOERR *hp_chart_fill_window(web_request *req, db_t *db, const char *from, const char *to);

/* The HP a page opens with, and whose it is (Page.Hp, Page.HpHost): the
 * attack target's, as the hall daemon on its host last recorded it
 * (status_samples, fresh within three sampling intervals), so that every web
 * host of a cluster shows the host under attack; else this host's own
 * sampler (the daemon records nothing, or the read failed: then nothing is
 * set). The pages' scripts keep it current. */
NEOERR *hp_current_fill(web_request *req, db_t *db);

#endif
