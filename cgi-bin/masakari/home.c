/* home.c — "/masakari": the legacy target's HP bar, the server's latest
 * words, the recent throws, the HP history and the critique form, with the
 * target framed beside it. */
#include "masakari.h"


#include "db_hdf.h"
#include "status.h"

#include <stdio.h>
#include <unistd.h>

#define RECENT_THROWS 10

/* Copies the recent throws, newest first, to Recent.N.*; the score is shown
 * with three decimals. */
static NEOERR *recent_throws(db_t *db, HDF *hdf)
{
	static const char *const names[] = { "Id", "GithubId", "Critique", "", "Power",
					     "Weakness", "Status", "At", "WeaknessEn", NULL };
	db_result *r = db_query(
		db,
		"SELECT t.id, t.github_id, t.critique, t.score, t.power, w.title_ja, "
		"COALESCE(j.status, 'queued'), DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s'), "
		"w.title_en "
		"FROM throws t LEFT JOIN weaknesses w ON w.id = t.weakness_id "
		"LEFT JOIN attack_jobs j ON j.throw_id = t.id ORDER BY t.id DESC LIMIT ?",
		DB_INT(RECENT_THROWS));
	NEOERR *err;

	if (!r)
		return web_db_error(db, "reading the recent throws");
	err = db_hdf_rows(hdf, "Recent", r, names, 0);
	for (unsigned i = 0; i < r->nrows && !err; i++)
		err = hdf_set_valuef(hdf, "Recent.%u.Score=%.3f", i, db_cell_double(r, i, 3, 0));
	db_result_free(r);
	return nerr_pass(err);
}

/* The last thing the server said, at Latest.*. */
static NEOERR *latest_words(db_t *db, HDF *hdf)
{
	db_result *r = db_query(db, "SELECT id, github_id, critique, reply FROM throws "
				    "WHERE reply IS NOT NULL ORDER BY id DESC LIMIT 1");
	NEOERR *err = STATUS_OK;

	if (!r)
		return web_db_error(db, "reading the server's latest words");
	if (r->nrows == 1) {
		err = hdf_set_value(hdf, "Latest.Id", db_cell(r, 0, 0));
		if (!err)
			err = hdf_set_value(hdf, "Latest.GithubId", db_cell(r, 0, 1));
		if (!err)
			err = hdf_set_value(hdf, "Latest.Critique", db_cell(r, 0, 2));
		if (!err)
			err = hdf_set_value(hdf, "Latest.Reply", db_cell(r, 0, 3));
	}
	db_result_free(r);
	return nerr_pass(err);
}

/* The HP the page opens with, and whose it is (Page.Hp, Page.HpHost): the
 * attack target's, as the hall daemon on its host last recorded it
 * (status_samples, fresh within three sampling intervals), so that every web
 * host of a cluster shows the host under attack; else this host's own
 * sampler (the daemon records nothing, or the read failed). The script keeps
 * it current. */
static NEOERR *current_hp(web_request *req, db_t *db)
{
	long fresh = req->settings->halld_status_sample_seconds * 3;
	db_result *r = NULL;
	char host[65] = "";
	double cpu = -1;
	NEOERR *err;

	if (fresh > 0)
		r = db_query(db, "SELECT host, cpuutilization FROM status_samples "
				 "WHERE at >= NOW() - INTERVAL ? SECOND ORDER BY at DESC LIMIT 1",
			     DB_INT(fresh));
	if (r && r->nrows == 1) {
		snprintf(host, sizeof(host), "%s", db_cell(r, 0, 0) ? db_cell(r, 0, 0) : "");
		cpu = db_cell_double(r, 0, 1, -1);
	}
	db_result_free(r);
	if (cpu < 0) {
		struct status_values v;

		if (status_sampler_latest(&v) != 0)
			return STATUS_OK;
		cpu = v.cpuutilization;
		gethostname(host, sizeof(host) - 1);
	}
	if (cpu > 100)
		cpu = 100;
	err = hdf_set_int_value(req->hdf, "Page.Hp", (int)(100.0 - cpu + 0.5));
	if (!err && host[0])
		err = hdf_set_value(req->hdf, "Page.HpHost", host);
	return nerr_pass(err);
}

NEOERR *masakari_home_show(web_request *req, const struct masakari_form *form)
{
	const char *token;
	const char *id = form && form->github_id ? form->github_id
						 : hdf_get_value(req->hdf, "Page.GithubId", NULL);
	db_t *db;
	NEOERR *err;

	err = web_csrf_token(req, &token);
	/* A refused throw shows this page at the form's address: the language
	 * switch goes to the page itself. */
	if (!err)
		err = hdf_set_value(req->hdf, "Page.SwitchPath", "/masakari");
	if (!err && id)
		err = hdf_set_value(req->hdf, "Form.GithubId", id);
	if (!err && form && form->critique)
		err = hdf_set_value(req->hdf, "Form.Critique", form->critique);
	if (!err && form && form->problem)
		err = hdf_set_value(req->hdf, "Form.Problem", form->problem);
	if (!err && form && form->earlier_throw > 0)
		err = hdf_set_valuef(req->hdf, "Form.EarlierThrow=%lld", form->earlier_throw);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Masakari.IntervalSeconds",
					(int)req->settings->masakari_throw_interval_seconds);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Masakari.DurationSeconds",
					(int)req->settings->masakari_duration_seconds);
	if (!err)
		err = web_db(req, &db);
	if (!err)
		err = current_hp(req, db);
	if (!err)
		err = latest_words(db, req->hdf);
	if (!err)
		err = recent_throws(db, req->hdf);
	if (!err)
		err = hp_chart_fill(req, db);
	if (!err)
		err = web_header(req, "Cache-Control", "no-store");
	if (!err)
		err = web_render(req, "masakari/home.cs");
	return nerr_pass(err);
}

NEOERR *masakari_home_render(web_request *req)
{
	return nerr_pass(masakari_home_show(req, NULL));
}
