/* operators.c — "/operators": the page the team runs the venue from.
 *
 *   GET  /operators   (an operator only) a form for every act, the last 50
 *                     chat lines, the open reports, the mutes and bans in
 *                     force and the audit log
 *   POST /operators   (an operator only; CSRF token) the field "action" names
 *                     the act; it goes through lib/moderation.c with the
 *                     operator's GitHub ID as the actor, then 303 back to the
 *                     page. A script's fetch that asks for JSON (Accept:
 *                     application/json) gets {"ok":true}, or
 *                     {"status":N,"error":"…"} with the status.
 *
 * Who is an operator lib/web.c decides once per request (Page.Operator:
 * listed in Site.Operators and proven, by a GitHub sign-in or an operator
 * link, operators_link.c). Every field is checked before anything is done,
 * so a refused act changes nothing. Never cached: it is the venue's state
 * as it is now. */
#include "site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_hdf.h"
#include "github.h"
#include "moderation.h"
#include "netaddr.h"

#define OPERATORS_CHAT_LINES 50
#define OPERATORS_REPORTS 100
#define OPERATORS_SANCTIONS 200
#define OPERATORS_LOG 100

enum operators_act {
	ACT_NONE = -1,   /* in the audit log only */
	ACT_ANNOUNCE,
	ACT_MUTE,
	ACT_UNMUTE,
	ACT_KICK,
	ACT_BAN,
	ACT_UNBAN,
	ACT_BAN_ADDRESS,
	ACT_UNBAN_ADDRESS,
	ACT_CHAT_DELETE,
	ACT_REPORT_CLOSE,
};

/* The acts by the names the form sends (those the audit log records), and
 * what each is called in the catalog (Text.Site.Operators.Act.*). */
static const struct operators_action {
	const char *name;
	enum operators_act act;
	const char *label;
} operators_actions[] = {
	{ "announce", ACT_ANNOUNCE, "Text.Site.Operators.Act.Announce" },
	{ "mute", ACT_MUTE, "Text.Site.Operators.Act.Mute" },
	{ "unmute", ACT_UNMUTE, "Text.Site.Operators.Act.Unmute" },
	{ "kick", ACT_KICK, "Text.Site.Operators.Act.Kick" },
	{ "ban", ACT_BAN, "Text.Site.Operators.Act.Ban" },
	{ "unban", ACT_UNBAN, "Text.Site.Operators.Act.Unban" },
	{ "ban-address", ACT_BAN_ADDRESS, "Text.Site.Operators.Act.BanAddress" },
	{ "unban-address", ACT_UNBAN_ADDRESS, "Text.Site.Operators.Act.UnbanAddress" },
	{ "chat-delete", ACT_CHAT_DELETE, "Text.Site.Operators.Act.ChatDelete" },
	{ "report-close", ACT_REPORT_CLOSE, "Text.Site.Operators.Act.ReportClose" },
	{ "report-closed", ACT_NONE, "Text.Site.Operators.Act.ReportClose" },
	{ "operator-link", ACT_NONE, "Text.Site.Operators.Act.OperatorLink" },
	{ "operator-link-used", ACT_NONE, "Text.Site.Operators.Act.OperatorLinkUsed" },
};

static const struct operators_action *operators_action_named(const char *name)
{
	for (size_t i = 0; name && i < sizeof(operators_actions) / sizeof(operators_actions[0]); i++)
		if (strcmp(operators_actions[i].name, name) == 0)
			return &operators_actions[i];
	return NULL;
}

/* 1 when the visitor is an operator. Anyone else is answered, in *err:
 * told how one becomes one (403), or, while the database cannot say who is
 * visiting, that it is down (503). */
static int operators_only(web_request *req, NEOERR **err)
{
	if (hdf_get_int_value(req->hdf, "Page.Operator", 0))
		return 1;
	if (hdf_get_int_value(req->hdf, "Page.IdentityUnknown", 0))
		*err = web_error_page(req, 503, web_text(req, "Text.Common.Error.DbDown"));
	else
		*err = web_error_page(req, 403, web_text(req, "Text.Site.Operators.NotOperator"));
	return 0;
}

/* The address a sanction's key stands for, as the unban form sends it back:
 * "ip:192.0.2.7" → "192.0.2.7", "ip6:2001:db8::/64" → "2001:db8::". */
static void key_address(const char *key, char *out, size_t len)
{
	const char *colon = strchr(key, ':');
	const char *slash;

	key = colon ? colon + 1 : key;
	slash = strchr(key, '/');
	snprintf(out, len, "%.*s", (int)(slash ? slash - key : (long)strlen(key)), key);
}

/* The log's detail as moderation.c writes it ("for good", "24 h", "10 min",
 * "by alice") in the visitor's language; anything else as it is. */
static const char *log_detail(web_request *req, const char *action, const char *detail, char *buf,
			      size_t len)
{
	char num[24], who[GITHUB_ID_MAX + 2];
	long n;
	int used = 0;

	if (strcmp(action, "announce") == 0)
		return detail;
	if (strcmp(detail, "for good") == 0)
		return web_text(req, "Text.Site.Operators.ForGood");
	if (sscanf(detail, "%ld h%n", &n, &used) == 1 && detail[used] == '\0') {
		snprintf(num, sizeof(num), "%ld", n);
		return web_text_fill(req, buf, len, "Text.Site.Operators.ForHours", num, NULL);
	}
	if (sscanf(detail, "%ld min%n", &n, &used) == 1 && detail[used] == '\0') {
		snprintf(num, sizeof(num), "%ld", n);
		return web_text_fill(req, buf, len, "Text.Site.Operators.ForMinutes", num, NULL);
	}
	if (strncmp(detail, "by ", 3) == 0 && strlen(detail + 3) < sizeof(who)) {
		snprintf(who, sizeof(who), "%s", detail + 3);
		return web_text_fill(req, buf, len, "Text.Site.Operators.LineBy", who, NULL);
	}
	return detail;
}

/* The log's target: "chat 12" and "report 3" (moderation.c) in the
 * visitor's language; an ID or an address as it is. */
static const char *log_target(web_request *req, const char *target, char *buf, size_t len)
{
	char num[24];
	long long n;
	int used = 0;

	if (sscanf(target, "chat %lld%n", &n, &used) == 1 && target[used] == '\0') {
		snprintf(num, sizeof(num), "%lld", n);
		return web_text_fill(req, buf, len, "Text.Site.Operators.LineNumber", num, NULL);
	}
	if (sscanf(target, "report %lld%n", &n, &used) == 1 && target[used] == '\0') {
		snprintf(num, sizeof(num), "%lld", n);
		return web_text_fill(req, buf, len, "Text.Site.Operators.ReportNumber", num, NULL);
	}
	return target;
}

/* Runs query (one parameter: its row limit) and copies the rows to prefix. */
static NEOERR *operators_rows(web_request *req, db_t *db, const char *prefix, const char *query,
			      long limit, const char *const *names)
{
	db_result *r = db_query(db, query, DB_INT(limit));
	NEOERR *err;

	if (!r)
		return web_db_error(db, "reading the operators' page");
	err = db_hdf_rows(req->hdf, prefix, r, names, 0);
	db_result_free(r);
	return nerr_pass(err);
}

/* The page, with problem (role="alert") or done (role="status") above it. */
static NEOERR *operators_show(web_request *req, const char *problem, const char *done)
{
	static const char *const chat[] = { "LineId", "GithubId", "Message", "Operator", "At", NULL };
	static const char *const reports[] = { "Id", "Reporter", "Target", "LineId", "LineText",
					       "Reason", "At", NULL };
	static const char *const sanctions[] = { "Id", "Kind", "GithubId", "Key", "Reason", "By",
						 "At", "Until", NULL };
	static const char *const log[] = { "Actor", "Action", "Target", "Detail", "Reason", "At", NULL };
	const char *token;
	char buf[1024];
	db_t *db;
	HDF *row;
	NEOERR *err = web_csrf_token(req, &token);

	if (!err)
		err = web_db(req, &db);
	if (!err)
		err = hdf_set_value(req->hdf, "Page.SwitchPath", "/operators");
	if (!err)
		err = web_header(req, "Cache-Control", "no-store");
	if (!err && problem)
		err = hdf_set_value(req->hdf, "Form.Problem", problem);
	if (!err && done)
		err = hdf_set_value(req->hdf, "Form.Done", done);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Operators.ReasonMax", MODERATION_REASON_MAX);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Operators.AnnounceMax", MODERATION_ANNOUNCE_MAX);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Operators.MinutesMax", MODERATION_MINUTES_MAX);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Operators.AnnounceMinutes",
					(int)req->settings->moderation_announce_minutes);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Operators.HoursMax", MODERATION_HOURS_MAX);
	if (!err)
		err = operators_rows(req, db, "Chat",
				     "SELECT line_id, github_id, message, operator, "
				     "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM chat_messages "
				     "ORDER BY id DESC LIMIT ?", OPERATORS_CHAT_LINES, chat);
	/* The queue: the oldest open report first. */
	if (!err)
		err = operators_rows(req, db, "Reports",
				     "SELECT id, reporter, target, line_id, line_text, reason, "
				     "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM reports "
				     "WHERE handled_at IS NULL ORDER BY id LIMIT ?", OPERATORS_REPORTS, reports);
	if (!err)
		err = operators_rows(req, db, "Sanctions",
				     "SELECT id, kind, github_id, address, reason, created_by, "
				     "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), "
				     "DATE_FORMAT(until, '%Y-%m-%d %H:%i:%s') FROM sanctions "
				     "WHERE lifted_at IS NULL AND (until IS NULL OR until > NOW()) "
				     "ORDER BY id DESC LIMIT ?", OPERATORS_SANCTIONS, sanctions);
	for (row = err ? NULL : hdf_get_child(req->hdf, "Sanctions"); row && !err; row = hdf_obj_next(row)) {
		const char *key = hdf_get_value(row, "Key", NULL);

		if (key) {
			key_address(key, buf, sizeof(buf));
			err = hdf_set_value(row, "Address", buf);
		}
	}
	if (!err)
		err = operators_rows(req, db, "Log",
				     "SELECT actor, action, target, detail, reason, "
				     "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM moderation_log "
				     "ORDER BY id DESC LIMIT ?", OPERATORS_LOG, log);
	for (row = err ? NULL : hdf_get_child(req->hdf, "Log"); row && !err; row = hdf_obj_next(row)) {
		const char *action = hdf_get_value(row, "Action", "");
		const struct operators_action *a = operators_action_named(action);

		err = hdf_set_value(row, "What", a ? web_text(req, a->label) : action);
		if (!err)
			err = hdf_set_value(row, "TargetText",
					    log_target(req, hdf_get_value(row, "Target", ""), buf, sizeof(buf)));
		if (!err)
			err = hdf_set_value(row, "DetailText",
					    log_detail(req, action, hdf_get_value(row, "Detail", ""), buf,
						       sizeof(buf)));
	}
	if (!err)
		err = web_render(req, "site/operators.cs");
	return nerr_pass(err);
}

NEOERR *site_operators_render(web_request *req)
{
	const struct operators_action *a;
	const char *done;
	char buf[256];
	NEOERR *err = STATUS_OK;

	if (!operators_only(req, &err))
		return nerr_pass(err);
	err = web_field(req, "done", &done);
	if (err)
		return nerr_pass(err);
	/* After an act, the page says it was done (only of an act it knows). */
	a = operators_action_named(done);
	if (a && a->act != ACT_NONE)
		web_text_fill(req, buf, sizeof(buf), "Text.Site.Operators.Done", web_text(req, a->label),
			      NULL);
	return nerr_pass(operators_show(req, NULL, a && a->act != ACT_NONE ? buf : NULL));
}

/* Refuses the act with status: the page again with the problem above it,
 * or the problem as JSON. */
static NEOERR *operators_refuse(web_request *req, int status, const char *problem)
{
	if (web_wants_json(req))
		return nerr_pass(web_error_page(req, status, problem));
	web_status(req, status);
	return nerr_pass(operators_show(req, problem, NULL));
}

/* text as a whole number in [min, max] in *out: 0, or -1 when it is
 * anything else (a sign, a fraction, spaces, too many digits). */
static int whole_number(const char *text, long long min, long long max, long long *out)
{
	size_t n = text ? strlen(text) : 0;
	long long v;

	if (n == 0 || n > 18 || strspn(text, "0123456789") != n)
		return -1;
	v = strtoll(text, NULL, 10);
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* What the form sent. */
struct operators_form {
	const char *action, *github_id, *minutes, *hours, *reason, *message, *address, *line_id,
		*report_id;
};

static NEOERR *operators_form_read(web_request *req, struct operators_form *f)
{
	NEOERR *err = web_field(req, "action", &f->action);

	if (!err)
		err = web_field(req, "github_id", &f->github_id);
	if (!err)
		err = web_field(req, "minutes", &f->minutes);
	if (!err)
		err = web_field(req, "hours", &f->hours);
	if (!err)
		err = web_field(req, "reason", &f->reason);
	if (!err)
		err = web_field(req, "message", &f->message);
	if (!err)
		err = web_field(req, "address", &f->address);
	if (!err)
		err = web_field(req, "line_id", &f->line_id);
	if (!err)
		err = web_field(req, "report_id", &f->report_id);
	return nerr_pass(err);
}

/* The checked values of an act. */
struct operators_plan {
	enum operators_act act;
	const char *github_id;
	long long minutes, hours, line_id, report_id;
	const char *reason, *message, *address;
	char key[64];                /* the address's limit key (netaddr.h) */
};

/* Checks every field the act uses: NULL when all are fine, else the
 * sentence that says what is wrong (in buf when it has a number in it). */
static const char *operators_plan_check(web_request *req, const struct operators_form *f,
					struct operators_plan *p, char *buf, size_t len)
{
	enum operators_act act = p->act;
	const char *problem;
	char max[24];

	if (act == ACT_MUTE || act == ACT_UNMUTE || act == ACT_KICK || act == ACT_BAN ||
	    act == ACT_UNBAN) {
		problem = github_id_problem_key(f->github_id);
		if (problem)
			return web_text(req, problem);
		p->github_id = f->github_id;
	}
	if (act == ACT_MUTE && whole_number(f->minutes, 1, MODERATION_MINUTES_MAX, &p->minutes) != 0) {
		snprintf(max, sizeof(max), "%d", MODERATION_MINUTES_MAX);
		return web_text_fill(req, buf, len, "Text.Site.Operators.Problem.Minutes", max, NULL);
	}
	/* No hours: for good. */
	if ((act == ACT_BAN || act == ACT_BAN_ADDRESS) && f->hours && *f->hours &&
	    whole_number(f->hours, 0, MODERATION_HOURS_MAX, &p->hours) != 0) {
		snprintf(max, sizeof(max), "%d", MODERATION_HOURS_MAX);
		return web_text_fill(req, buf, len, "Text.Site.Operators.Problem.Hours", max, NULL);
	}
	if (act == ACT_BAN_ADDRESS || act == ACT_UNBAN_ADDRESS) {
		if (!f->address || strlen(f->address) > 64)
			return web_text(req, "Text.Site.Operators.Problem.Address");
		netaddr_limit_key(f->address, p->key, sizeof(p->key));
		if (strncmp(p->key, "ip:?", 4) == 0)
			return web_text(req, "Text.Site.Operators.Problem.Address");
		p->address = f->address;
	}
	if (act == ACT_CHAT_DELETE && whole_number(f->line_id, 1, 999999999999999999LL, &p->line_id) != 0)
		return web_text(req, "Text.Site.Operators.Problem.Line");
	/* A report is closed by the act taken on it, or alone (report-close). */
	if ((act == ACT_REPORT_CLOSE || (f->report_id && *f->report_id)) &&
	    whole_number(f->report_id, 1, 999999999999999999LL, &p->report_id) != 0)
		return web_text(req, "Text.Site.Operators.Problem.Report");
	if (act == ACT_ANNOUNCE) {
		problem = moderation_text_problem(f->message, MODERATION_ANNOUNCE_MAX, 1);
		if (problem)
			return web_text(req, problem);
		p->message = f->message;
	}
	problem = moderation_text_problem(f->reason, MODERATION_REASON_MAX, 0);
	if (problem)
		return web_text(req, problem);
	p->reason = f->reason && *f->reason ? f->reason : NULL;
	return NULL;
}

/* Does the act; on MODERATION_NOTHING writes what there was not to do to
 * buf and sets *status. */
static enum moderation_result operators_plan_run(web_request *req, db_t *db, const char *actor,
						 const struct operators_plan *p, char *buf, size_t len,
						 int *status)
{
	enum moderation_result r = MODERATION_ERROR;
	char key[64], num[24];

	snprintf(num, sizeof(num), "%lld", p->act == ACT_CHAT_DELETE ? p->line_id : p->report_id);
	*status = 404;
	switch (p->act) {
	case ACT_ANNOUNCE:
		return moderation_announce(db, actor, p->message);
	case ACT_MUTE:
		return moderation_mute(db, actor, p->github_id, (long)p->minutes, p->reason);
	case ACT_UNMUTE:
		r = moderation_unmute(db, actor, p->github_id);
		*status = 409;
		web_text_fill(req, buf, len, "Text.Site.Operators.Nothing.Unmute", p->github_id, NULL);
		return r;
	case ACT_KICK:
		r = moderation_kick(db, actor, p->github_id, p->reason);
		web_text_fill(req, buf, len, "Text.Site.Operators.Nothing.Kick", p->github_id, NULL);
		return r;
	case ACT_BAN:
		return moderation_ban(db, actor, p->github_id, (long)p->hours, p->reason);
	case ACT_UNBAN:
		r = moderation_unban(db, actor, p->github_id);
		*status = 409;
		web_text_fill(req, buf, len, "Text.Site.Operators.Nothing.Unban", p->github_id, NULL);
		return r;
	case ACT_BAN_ADDRESS:
		return moderation_ban_address(db, actor, p->address, (long)p->hours, p->reason, key);
	case ACT_UNBAN_ADDRESS:
		r = moderation_unban_address(db, actor, p->address);
		*status = 409;
		web_text_fill(req, buf, len, "Text.Site.Operators.Nothing.UnbanAddress", p->key, NULL);
		return r;
	case ACT_CHAT_DELETE:
		r = moderation_chat_delete(db, actor, p->line_id, p->reason);
		web_text_fill(req, buf, len, "Text.Site.Operators.Nothing.Line", num, NULL);
		return r;
	case ACT_REPORT_CLOSE:
		r = moderation_report_close(db, actor, p->report_id);
		web_text_fill(req, buf, len, "Text.Site.Operators.Nothing.Report", num, NULL);
		return r;
	case ACT_NONE:
		break;
	}
	return r;
}

NEOERR *site_operators_submit(web_request *req)
{
	struct operators_form f = { 0 };
	struct operators_plan p = { 0 };
	const struct operators_action *a;
	const char *problem, *actor = hdf_get_value(req->hdf, "Page.GithubId", "");
	char buf[1024], location[64];
	enum moderation_result r;
	int status;
	db_t *db;
	NEOERR *err = web_csrf_check(req);

	if (!err && !operators_only(req, &err))
		return nerr_pass(err);
	if (!err)
		err = operators_form_read(req, &f);
	if (err)
		return nerr_pass(err);
	a = operators_action_named(f.action);
	if (!a || a->act == ACT_NONE)
		return nerr_pass(operators_refuse(req, 400, web_text(req, "Text.Site.Operators.Problem.Action")));
	p.act = a->act;
	problem = operators_plan_check(req, &f, &p, buf, sizeof(buf));
	if (problem)
		return nerr_pass(operators_refuse(req, 400, problem));
	err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	r = operators_plan_run(req, db, actor, &p, buf, sizeof(buf), &status);
	if (r == MODERATION_ERROR)
		return web_db_error(db, "an operator's act");
	if (r == MODERATION_NOTHING)
		return nerr_pass(operators_refuse(req, status, buf));
	/* The report the act answered is handled with it (already handled by
	 * another operator meanwhile: nothing more to do). */
	if (p.report_id && p.act != ACT_REPORT_CLOSE &&
	    moderation_report_close(db, actor, p.report_id) == MODERATION_ERROR)
		return web_db_error(db, "closing the report an operator acted on");
	if (web_wants_json(req))
		return nerr_pass(web_json(req, 200, json_pack("{s:b}", "ok", 1)));
	snprintf(location, sizeof(location), "/operators?done=%s", a->name);
	return nerr_pass(web_redirect(req, 303, location));
}
