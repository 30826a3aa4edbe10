/* throw_page.c — "/masakari/throws/<id>": one throw — its score, the weakness
 * it hit or that it missed, its power — its attack's progress (kept current by
 * static/js/throw.js from /api/throws/<id>), the target's HP now and over the
 * attack's window, the report, and the server's reply. */
#include "masakari.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "throws.h"

/* Sets name to the cell's number with the given decimals, when there is one. */
static NEOERR *set_number(HDF *hdf, const char *name, const char *cell, int decimals)
{
	char buf[32];

	if (!cell)
		return STATUS_OK;
	snprintf(buf, sizeof(buf), "%.*f", decimals, strtod(cell, NULL));
	return nerr_pass(hdf_set_value(hdf, name, buf));
}

/* The status-code counts, Throw.Codes.N.{Code,Count}, in code order. */
static NEOERR *set_codes(HDF *hdf, const char *codes_json)
{
	json_t *codes = codes_json ? json_loads(codes_json, 0, NULL) : NULL;
	const char *code;
	json_t *count;
	NEOERR *err = STATUS_OK;
	int i = 0;

	if (!json_is_object(codes)) {
		json_decref(codes);
		return STATUS_OK;
	}
	json_object_foreach(codes, code, count) {
		if (!json_is_integer(count))
			continue;
		err = hdf_set_valuef(hdf, "Throw.Codes.%d.Code=%s", i, code);
		if (!err)
			err = hdf_set_valuef(hdf, "Throw.Codes.%d.Count=%lld", i,
					     (long long)json_integer_value(count));
		if (err)
			break;
		i++;
	}
	json_decref(codes);
	return nerr_pass(err);
}

static NEOERR *set_view(HDF *hdf, const struct throw_view *v)
{
	char score[16];
	NEOERR *err;

	snprintf(score, sizeof(score), "%.3f", v->score);
	err = hdf_set_valuef(hdf, "Throw.Id=%lld", v->id);
	if (!err)
		err = hdf_set_value(hdf, "Throw.GithubId", v->github_id);
	if (!err && v->verified)
		err = hdf_set_value(hdf, "Throw.Verified", "1");
	if (!err)
		err = hdf_set_value(hdf, "Throw.Critique", v->critique);
	if (!err)
		err = hdf_set_value(hdf, "Throw.Score", score);
	if (!err)
		err = hdf_set_int_value(hdf, "Throw.Power", v->power);
	if (!err)
		err = hdf_set_int_value(hdf, "Throw.RepeatHits", v->repeat_hits);
	if (!err)
		err = hdf_set_int_value(hdf, "Throw.DurationSeconds", v->duration_s);
	if (!err)
		err = hdf_set_int_value(hdf, "Throw.Total", v->power * v->duration_s);
	if (!err)
		err = hdf_set_value(hdf, "Throw.CreatedAt", v->created_at);
	if (!err && v->weakness_slug)
		err = hdf_set_value(hdf, "Throw.Weakness.Slug", v->weakness_slug);
	if (!err && v->weakness_slug)
		err = hdf_set_value(hdf, "Throw.Weakness.TitleJa", v->weakness_title_ja);
	if (!err && v->weakness_slug)
		err = hdf_set_value(hdf, "Throw.Weakness.TitleEn", v->weakness_title_en);
	if (!err && v->weakness_slug)
		err = hdf_set_value(hdf, "Throw.Weakness.ExplanationJa", v->weakness_explanation_ja);
	if (!err && v->weakness_slug)
		err = hdf_set_value(hdf, "Throw.Weakness.ExplanationEn", v->weakness_explanation_en);
	if (!err && v->reply)
		err = hdf_set_value(hdf, "Throw.Reply", v->reply);
	if (!err && v->reply_source)
		err = hdf_set_value(hdf, "Throw.ReplySource", v->reply_source);
	if (!err)
		err = hdf_set_value(hdf, "Throw.Status", v->status);
	if (!err)
		err = hdf_set_valuef(hdf, "Throw.Sent=%lld", v->sent);
	if (!err)
		err = hdf_set_valuef(hdf, "Throw.Ok=%lld", v->ok);
	if (!err)
		err = hdf_set_valuef(hdf, "Throw.Errors=%lld", v->errors);
	if (!err)
		err = hdf_set_valuef(hdf, "Throw.ErrorsConnect=%lld", v->errors_connect);
	if (!err)
		err = hdf_set_valuef(hdf, "Throw.ErrorsTimeout=%lld", v->errors_timeout);
	if (!err)
		err = hdf_set_valuef(hdf, "Throw.ErrorsHttp=%lld", v->errors_http);
	if (!err)
		err = set_number(hdf, "Throw.Rate", throw_view_rate(v), 1);
	if (!err)
		err = set_number(hdf, "Throw.P50", v->p50_ms, 1);
	if (!err)
		err = set_number(hdf, "Throw.P90", v->p90_ms, 1);
	if (!err)
		err = set_number(hdf, "Throw.P99", v->p99_ms, 1);
	if (!err)
		err = set_number(hdf, "Throw.Max", v->max_ms, 1);
	if (!err && v->failure_reason)
		err = hdf_set_value(hdf, "Throw.FailureReason", v->failure_reason);
	if (!err && v->started_at)
		err = hdf_set_value(hdf, "Throw.StartedAt", v->started_at);
	if (!err && v->finished_at)
		err = hdf_set_value(hdf, "Throw.FinishedAt", v->finished_at);
	if (!err)
		err = set_codes(hdf, v->codes);
	/* What was asked for against what went out, as load tools report it:
	 * a request the schedule had and the flooder never sent is dropped. */
	if (!err && (strcmp(v->status, "done") == 0 || strcmp(v->status, "failed") == 0))
		err = hdf_set_valuef(hdf, "Throw.Dropped=%lld",
				     v->sent < (long long)v->power * v->duration_s
					     ? (long long)v->power * v->duration_s - v->sent : 0);
	return nerr_pass(err);
}

/* The HP bar, and the chart of the attack's window once it has started;
 * while the attack is queued or running, a page without script reloads. */
static NEOERR *set_damage(web_request *req, const struct throw_view *v)
{
	int over = strcmp(v->status, "done") == 0 || strcmp(v->status, "failed") == 0;
	db_t *db;
	NEOERR *err = web_db(req, &db);

	if (!err)
		err = hp_current_fill(req, db);
	if (!err && v->started_at)
		err = hp_chart_fill_window(req, db, v->started_at, over ? v->finished_at : NULL);
	if (!err && !over)
		err = hdf_set_int_value(req->hdf, "Page.Refresh", 3);
	return nerr_pass(err);
}

NEOERR *masakari_throw_page_render(web_request *req)
{
	struct throw_view v;
	NEOERR *err = throw_view_lookup(req, req->params[0], &v);

	if (err)
		return nerr_pass(err);
	err = set_view(req->hdf, &v);
	if (!err)
		err = set_damage(req, &v);
	throw_view_free(&v);
	if (!err)
		err = web_header(req, "Cache-Control", "no-store");
	if (!err)
		err = web_render(req, "masakari/throw.cs");
	return nerr_pass(err);
}
