/* throws.c — one masakari throw and its attack job, for the throw page and its JSON. */
#include "throws.h"

#include <stdlib.h>
#include <string.h>

enum {
	COL_ID, COL_GITHUB_ID, COL_CRITIQUE, COL_SCORE, COL_SLUG, COL_TITLE_JA, COL_TITLE_EN,
	COL_EXPLANATION_JA, COL_EXPLANATION_EN, COL_POWER, COL_REPEAT_HITS, COL_REPLY,
	COL_REPLY_SOURCE, COL_CREATED_AT, COL_STATUS, COL_DURATION, COL_TARGET, COL_SENT, COL_OK,
	COL_ERRORS, COL_ERRORS_CONNECT, COL_ERRORS_TIMEOUT, COL_ERRORS_HTTP, COL_CODES, COL_P50,
	COL_P90, COL_P99, COL_MAX, COL_CURRENT_RATE, COL_ACHIEVED_RATE, COL_FAILURE_REASON,
	COL_STARTED_AT, COL_FINISHED_AT, COL_LANG, COL_VERIFIED,
};

long long throw_id_parse(const char *segment)
{
	size_t n = segment ? strlen(segment) : 0;
	long long id = 0;

	/* 18 digits cannot overflow a long long; ids never get that long. */
	if (n == 0 || n > 18 || strspn(segment, "0123456789") != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		id = id * 10 + (segment[i] - '0');
	return id;
}

int throw_view_load(db_t *db, long long id, struct throw_view *out)
{
	db_result *r = db_query(
		db,
		"SELECT t.id, t.github_id, t.critique, t.score, w.slug, w.title_ja, w.title_en, "
		"w.explanation_ja, w.explanation_en, t.power, t.repeat_hits, t.reply, "
		"t.reply_source, DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s'), j.status, "
		"j.duration_s, j.target_url, j.sent, j.ok, j.errors, j.errors_connect, "
		"j.errors_timeout, j.errors_http, j.codes, j.p50_ms, j.p90_ms, j.p99_ms, j.max_ms, "
		"j.current_rate, j.achieved_rate, j.failure_reason, "
		"DATE_FORMAT(j.started_at, '%Y-%m-%d %H:%i:%s'), "
		"DATE_FORMAT(j.finished_at, '%Y-%m-%d %H:%i:%s'), t.lang, t.verified "
		"FROM throws t LEFT JOIN weaknesses w ON w.id = t.weakness_id "
		"LEFT JOIN attack_jobs j ON j.throw_id = t.id WHERE t.id = ?",
		DB_INT(id));

	memset(out, 0, sizeof(*out));
	if (!r)
		return -1;
	if (r->nrows == 0) {
		db_result_free(r);
		return 0;
	}
	out->row = r;
	out->id = db_cell_int(r, 0, COL_ID, 0);
	out->github_id = db_cell(r, 0, COL_GITHUB_ID);
	out->verified = db_cell_int(r, 0, COL_VERIFIED, 0) != 0;
	out->critique = db_cell(r, 0, COL_CRITIQUE);
	out->score = db_cell_double(r, 0, COL_SCORE, 0);
	out->weakness_slug = db_cell(r, 0, COL_SLUG);
	out->weakness_title_ja = db_cell(r, 0, COL_TITLE_JA);
	out->weakness_title_en = db_cell(r, 0, COL_TITLE_EN);
	out->weakness_explanation_ja = db_cell(r, 0, COL_EXPLANATION_JA);
	out->weakness_explanation_en = db_cell(r, 0, COL_EXPLANATION_EN);
	out->power = (int)db_cell_int(r, 0, COL_POWER, 0);
	out->repeat_hits = (int)db_cell_int(r, 0, COL_REPEAT_HITS, 0);
	out->reply = db_cell(r, 0, COL_REPLY);
	out->reply_source = db_cell(r, 0, COL_REPLY_SOURCE);
	out->created_at = db_cell(r, 0, COL_CREATED_AT);
	/* A throw always has its job (one transaction); "queued" covers a row
	 * that someone removed by hand. */
	out->status = db_cell(r, 0, COL_STATUS) ? db_cell(r, 0, COL_STATUS) : "queued";
	out->duration_s = (int)db_cell_int(r, 0, COL_DURATION, 0);
	out->target_url = db_cell(r, 0, COL_TARGET);
	out->sent = db_cell_int(r, 0, COL_SENT, 0);
	out->ok = db_cell_int(r, 0, COL_OK, 0);
	out->errors = db_cell_int(r, 0, COL_ERRORS, 0);
	out->errors_connect = db_cell_int(r, 0, COL_ERRORS_CONNECT, 0);
	out->errors_timeout = db_cell_int(r, 0, COL_ERRORS_TIMEOUT, 0);
	out->errors_http = db_cell_int(r, 0, COL_ERRORS_HTTP, 0);
	out->codes = db_cell(r, 0, COL_CODES);
	out->p50_ms = db_cell(r, 0, COL_P50);
	out->p90_ms = db_cell(r, 0, COL_P90);
	out->p99_ms = db_cell(r, 0, COL_P99);
	out->max_ms = db_cell(r, 0, COL_MAX);
	out->current_rate = db_cell(r, 0, COL_CURRENT_RATE);
	out->achieved_rate = db_cell(r, 0, COL_ACHIEVED_RATE);
	out->failure_reason = db_cell(r, 0, COL_FAILURE_REASON);
	out->started_at = db_cell(r, 0, COL_STARTED_AT);
	out->finished_at = db_cell(r, 0, COL_FINISHED_AT);
	out->lang = db_cell(r, 0, COL_LANG) ? db_cell(r, 0, COL_LANG) : "ja";
	return 1;
}

void throw_view_free(struct throw_view *v)
{
	db_result_free(v->row);
	memset(v, 0, sizeof(*v));
}

const char *throw_view_rate(const struct throw_view *v)
{
	if (strcmp(v->status, "done") == 0 || strcmp(v->status, "failed") == 0)
		return v->achieved_rate ? v->achieved_rate : v->current_rate;
	if (strcmp(v->status, "running") == 0)
		return v->current_rate;
	return NULL;
}

/* A number from a database cell, or JSON null when the cell is NULL. */
static json_t *number_or_null(const char *cell)
{
	return cell ? json_real(strtod(cell, NULL)) : json_null();
}

static json_t *string_or_null(const char *cell)
{
	return cell ? json_string(cell) : json_null();
}

/* The flooder's status-code counts, always an object: {"200": 90, "503": 10}. */
static json_t *codes_object(const char *text)
{
	json_t *codes = text ? json_loads(text, 0, NULL) : NULL;

	if (json_is_object(codes))
		return codes;
	json_decref(codes);
	return json_object();
}

json_t *throw_view_json(const struct throw_view *v)
{
	json_t *weakness = v->weakness_slug
		? json_pack("{s:s,s:s,s:s}", "slug", v->weakness_slug, "title_ja",
			    v->weakness_title_ja ? v->weakness_title_ja : "", "title_en",
			    v->weakness_title_en ? v->weakness_title_en : "")
		: json_null();

	long long other = v->errors - v->errors_connect - v->errors_timeout - v->errors_http;

	return json_pack("{s:I,s:s,s:f,s:o,s:i,s:i,s:s,s:I,s:I,s:I,s:{s:I,s:I,s:I,s:I},s:o,s:o,s:o,"
			 "s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s}",
			 "id", (json_int_t)v->id, "github_id", v->github_id ? v->github_id : "",
			 "score", v->score, "weakness", weakness, "power", v->power,
			 "duration_s", v->duration_s, "status", v->status,
			 "sent", (json_int_t)v->sent, "ok", (json_int_t)v->ok,
			 "errors", (json_int_t)v->errors,
			 "errors_by_kind", "connect", (json_int_t)v->errors_connect,
			 "timeout", (json_int_t)v->errors_timeout, "http", (json_int_t)v->errors_http,
			 "other", (json_int_t)(other > 0 ? other : 0),
			 "codes", codes_object(v->codes),
			 "p50_ms", number_or_null(v->p50_ms), "p90_ms", number_or_null(v->p90_ms),
			 "p99_ms", number_or_null(v->p99_ms), "max_ms", number_or_null(v->max_ms),
			 "rate", number_or_null(throw_view_rate(v)),
			 "reply", v->reply ? json_string(v->reply) : json_null(),
			 "started_at", string_or_null(v->started_at),
			 "finished_at", string_or_null(v->finished_at),
			 "failure_reason", string_or_null(v->failure_reason), "lang", v->lang);
}

NEOERR *throw_view_lookup(web_request *req, const char *segment, struct throw_view *out)
{
	long long id = throw_id_parse(segment);
	db_t *db;
	NEOERR *err;
	int found;

	if (id <= 0)
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s",
				  web_text(req, "Text.Masakari.Throw.NotANumber"));
	err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	found = throw_view_load(db, id, out);
	if (found < 0)
		return web_db_error(db, "loading a throw");
	if (found == 0) {
		char msg[256], num[24];

		snprintf(num, sizeof(num), "%lld", id);
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s",
				  web_text_fill(req, msg, sizeof(msg), "Text.Masakari.Throw.NoSuch",
						num, NULL));
	}
	return STATUS_OK;
}
