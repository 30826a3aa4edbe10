/* throws.c — one masakari throw and its attack job, for the throw page and its JSON. */
#include "throws.h"

#include <stdlib.h>
#include <string.h>

/* A throw's row after its id, one column a line: the field of struct
 * throw_view it fills, how its cell is read, and the SQL that selects it. The
 * query's SELECT list, the column numbers and the copy into the struct are all
 * made from this one list, so they cannot fall out of step. */
#define THROW_COLUMNS(X)                                                        \
	X(github_id, TEXT, "t.github_id")                                       \
	X(critique, TEXT, "t.critique")                                         \
	X(score, DOUBLE, "t.score")                                             \
	X(weakness_slug, TEXT, "w.slug")                                        \
	X(weakness_title_ja, TEXT, "w.title_ja")                                \
	X(weakness_title_en, TEXT, "w.title_en")                                \
	X(weakness_explanation_ja, TEXT, "w.explanation_ja")                    \
	X(weakness_explanation_en, TEXT, "w.explanation_en")                    \
	X(power, INT, "t.power")                                                \
	X(repeat_hits, INT, "t.repeat_hits")                                    \
	X(reply, TEXT, "t.reply")                                               \
	X(reply_source, TEXT, "t.reply_source")                                 \
	X(created_at, TEXT, "DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s')")   \
	X(status, TEXT, "j.status")                                             \
	X(duration_s, INT, "j.duration_s")                                      \
	X(target_url, TEXT, "j.target_url")                                     \
	X(sent, INT64, "j.sent")                                                \
	X(ok, INT64, "j.ok")                                                    \
	X(errors, INT64, "j.errors")                                            \
	X(errors_connect, INT64, "j.errors_connect")                            \
	X(errors_timeout, INT64, "j.errors_timeout")                            \
	X(errors_http, INT64, "j.errors_http")                                  \
	X(codes, TEXT, "j.codes")                                               \
	X(p50_ms, TEXT, "j.p50_ms")                                             \
	X(p90_ms, TEXT, "j.p90_ms")                                             \
	X(p99_ms, TEXT, "j.p99_ms")                                             \
	X(max_ms, TEXT, "j.max_ms")                                             \
	X(current_rate, TEXT, "j.current_rate")                                 \
	X(achieved_rate, TEXT, "j.achieved_rate")                               \
	X(failure_reason, TEXT, "j.failure_reason")                             \
	X(started_at, TEXT, "DATE_FORMAT(j.started_at, '%Y-%m-%d %H:%i:%s')")   \
	X(finished_at, TEXT, "DATE_FORMAT(j.finished_at, '%Y-%m-%d %H:%i:%s')") \
	X(lang, TEXT, "t.lang")                                                 \
	X(verified, FLAG, "t.verified")

enum {
	COL_ID,
#define THROW_COLUMN_NUMBER(field, read, sql) COL_##field,
	THROW_COLUMNS(THROW_COLUMN_NUMBER)
};

/* How each kind of cell is read; a NULL number reads as 0. */
#define READ_TEXT(r, col) db_cell(r, 0, col)
#define READ_INT(r, col) (int)db_cell_int(r, 0, col, 0)
#define READ_INT64(r, col) db_cell_int(r, 0, col, 0)
#define READ_DOUBLE(r, col) db_cell_double(r, 0, col, 0)
#define READ_FLAG(r, col) (db_cell_int(r, 0, col, 0) != 0)

#define THROW_COLUMN_SELECT(field, read, sql) ", " sql
#define THROW_COLUMN_COPY(field, read, sql) out->field = READ_##read(r, COL_##field);

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
	db_result *r = db_query(db,
				"SELECT t.id" THROW_COLUMNS(THROW_COLUMN_SELECT) " "
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
	THROW_COLUMNS(THROW_COLUMN_COPY)
	/* A throw always has its job (one transaction); "queued" covers a row
	 * that someone removed by hand. */
	if (!out->status)
		out->status = "queued";
	if (!out->lang)
		out->lang = "ja";
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
