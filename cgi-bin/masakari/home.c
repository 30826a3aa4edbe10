/* home.c — "/masakari": the legacy target's HP bar, the server's latest
 * words, the recent throws, the HP history and the critique form, with the
 * target framed beside it; and the operators' latest announcement. */
#include "masakari.h"


#include "canned.h"
#include "db_hdf.h"
#include "github.h"

#include <stdio.h>
#include <string.h>

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

/* The last thing the server said, at Latest.*, with the language it was
 * said in (Latest.Lang: the throw's, which the reply is in). A canned line
 * is the game's own words, not the model's, and it has one in each
 * language: the reader gets theirs (the same pick, by the throw's id). */
static NEOERR *latest_words(web_request *req, db_t *db, HDF *hdf)
{
	db_result *r = db_query(db, "SELECT t.id, t.github_id, t.critique, t.reply, t.lang, "
				    "t.reply_source, w.slug FROM throws t "
				    "LEFT JOIN weaknesses w ON w.id = t.weakness_id "
				    "WHERE t.reply IS NOT NULL ORDER BY t.id DESC LIMIT 1");
	NEOERR *err = STATUS_OK;

	if (!r)
		return web_db_error(db, "reading the server's latest words");
	if (r->nrows == 1) {
		const char *reply = db_cell(r, 0, 3), *lang = db_cell(r, 0, 4);
		const char *source = db_cell(r, 0, 5);

		if (source && strcmp(source, "canned") == 0) {
			enum score_lang reader = req->lang == LANG_EN ? SCORE_LANG_EN : SCORE_LANG_JA;
			const char *line = canned_reply(db_cell(r, 0, 6), reader,
							(unsigned long long)db_cell_int(r, 0, 0, 0));

			if (line) {
				reply = line;
				lang = score_lang_name(reader);
			}
		}
		err = hdf_set_value(hdf, "Latest.Id", db_cell(r, 0, 0));
		if (!err)
			err = hdf_set_value(hdf, "Latest.GithubId", db_cell(r, 0, 1));
		if (!err)
			err = hdf_set_value(hdf, "Latest.Critique", db_cell(r, 0, 2));
		if (!err)
			err = hdf_set_value(hdf, "Latest.Reply", reply);
		if (!err && lang)
			err = hdf_set_value(hdf, "Latest.Lang", lang);
	}
	db_result_free(r);
	return nerr_pass(err);
}

/* The operators' latest announcement, for Moderation.AnnounceMinutes after
 * it was made (hall_events, lib/moderation.h), at Announce.*: its message,
 * and the operator's ID (From) or, when it came from the shell, no ID
 * (Staff). */
static NEOERR *latest_announcement(web_request *req, db_t *db)
{
	db_result *r = db_query(db, "SELECT message, actor FROM hall_events WHERE kind = 'announce' "
				    "AND created_at >= NOW(3) - INTERVAL ? MINUTE ORDER BY id DESC LIMIT 1",
				DB_INT(req->settings->moderation_announce_minutes));
	const char *actor;
	NEOERR *err = STATUS_OK;

	if (!r)
		return web_db_error(db, "reading the operators' announcement");
	if (r->nrows == 1 && db_cell(r, 0, 0)) {
		actor = db_cell(r, 0, 1) ? db_cell(r, 0, 1) : "";
		err = hdf_set_value(req->hdf, "Announce.Message", db_cell(r, 0, 0));
		if (!err)
			err = github_id_problem(actor) ? hdf_set_value(req->hdf, "Announce.Staff", "1")
						       : hdf_set_value(req->hdf, "Announce.From", actor);
	}
	db_result_free(r);
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
		err = hp_current_fill(req, db);
	if (!err)
		err = latest_announcement(req, db);
	if (!err)
		err = latest_words(req, db, req->hdf);
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
