/* report.c — "POST /report": a visitor reports a visitor, or one of their
 * chat lines, to the operators (fields target, line_id, reason,
 * csrf_token). Only a visitor with an identity may (a spectator has none:
 * 403); each may send Moderation.ReportsPerHour an hour (429). The report
 * lands in the queue on /operators; the visitor gets a page that says so, or
 * {"ok":true} for the hall's script (Accept: application/json), whose
 * errors are JSON too (web_error_page). */
#include "site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "github.h"
#include "moderation.h"

NEOERR *site_report_submit(web_request *req)
{
	const char *target, *line, *reason, *problem;
	const char *me = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	long long line_id = 0;
	char per_hour[24], buf[512];
	enum moderation_result r;
	db_t *db;
	NEOERR *err = web_csrf_check(req);

	if (!err)
		err = web_field(req, "target", &target);
	if (!err)
		err = web_field(req, "line_id", &line);
	if (!err)
		err = web_field(req, "reason", &reason);
	if (err)
		return nerr_pass(err);
	if (!me && hdf_get_int_value(req->hdf, "Page.IdentityUnknown", 0))
		return nerr_pass(web_error_page(req, 503, web_text(req, "Text.Common.Error.DbDown")));
	if (!me)
		return nerr_pass(web_error_page(req, 403, web_text(req, "Text.Site.Report.EnterFirst")));
	problem = github_id_problem_key(target);
	if (problem)
		return nerr_pass(web_error_page(req, 400, web_text(req, problem)));
	if (line && *line) {
		size_t n = strlen(line);

		if (n > 18 || strspn(line, "0123456789") != n || (line_id = strtoll(line, NULL, 10)) < 1)
			return nerr_pass(web_error_page(req, 400, web_text(req, "Text.Site.Report.Line")));
	}
	problem = moderation_text_problem(reason, MODERATION_REASON_MAX, 1);
	if (problem)
		return nerr_pass(web_error_page(req, 400, web_text(req, problem)));
	err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	r = moderation_report(db, me, target, line_id, reason, req->settings->moderation_reports_per_hour);
	if (r == MODERATION_ERROR)
		return web_db_error(db, "storing a report");
	if (r == MODERATION_TOO_MANY) {
		snprintf(per_hour, sizeof(per_hour), "%ld", req->settings->moderation_reports_per_hour);
		web_text_fill(req, buf, sizeof(buf), "Text.Site.Report.TooMany", per_hour, NULL);
		return nerr_pass(web_error_page(req, 429, buf));
	}
	if (web_wants_json(req))
		return nerr_pass(web_json(req, 200, json_pack("{s:b}", "ok", 1)));
	err = hdf_set_value(req->hdf, "Report.Target", target);
	if (!err)
		err = web_render(req, "site/report.cs");
	return nerr_pass(err);
}
