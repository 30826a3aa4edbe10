/* throws.h — one masakari throw and its attack job, as the throw page and
 * /api/throws/<id> show them.
 *
 * A throw (table throws) is a critique, its score, the weakness it hit and
 * its power; its attack job (attack_jobs) is the flooder's progress and
 * report. Both pages read the same row through throw_view_load, so the page
 * and the JSON cannot disagree. */
#ifndef MASAKARI_THROWS_H
#define MASAKARI_THROWS_H

#include <jansson.h>

#include "db.h"
#include "web.h"

struct throw_view {
	db_result *row;              /* owns every string below */
	long long id;
	const char *github_id;
	int verified;                /* thrown by an identity a GitHub sign-in proved */
	const char *critique;        /* byte-exact as typed */
	double score;
	const char *weakness_slug;   /* NULL when it missed */
	const char *weakness_title_ja, *weakness_title_en;
	const char *weakness_explanation_ja, *weakness_explanation_en;
	int power;                   /* requests per second, after any halving */
	int repeat_hits;             /* earlier hits by this critic on this weakness */
	const char *reply;           /* NULL until the server has answered */
	const char *reply_source;    /* "llm", "cache", "canned" or NULL */
	const char *created_at;      /* "YYYY-MM-DD HH:MM:SS", UTC */
	/* The attack job. */
	const char *status;          /* queued, running, done, failed */
	int duration_s;
	const char *target_url;
	long long sent, ok, errors;
	long long errors_connect, errors_timeout, errors_http;
	const char *codes;           /* JSON object text, or NULL */
	const char *p50_ms, *p90_ms, *p99_ms, *max_ms;   /* NULL until measured */
	const char *current_rate;    /* over the last second, while running */
	const char *achieved_rate;   /* sent / elapsed, once done */
	const char *failure_reason;
	const char *started_at, *finished_at;
	const char *lang;            /* the critic's language, "ja" or "en": the reply's */
};

/* Parses a throw id from a URL segment: 1 to 18 decimal digits, nothing else.
 * Returns the id, or 0 when the segment is not one. */
long long throw_id_parse(const char *segment);

/* Reads throw id with its job and weakness into *out. Returns 1 when found,
 * 0 when there is no such throw, -1 on a database error (db_error says
 * why). On 1, free with throw_view_free. */
int throw_view_load(db_t *db, long long id, struct throw_view *out);

/* The throw a page's URL segment names (/masakari/throws/<id>,
 * /api/throws/<id>), loaded into *out (free it with throw_view_free). Raises
 * WEB_ERR_NOT_FOUND when the segment is not a throw id or there is no such
 * throw, and the database's error (503 or 500) when it cannot be read. */
NEOERR *throw_view_lookup(web_request *req, const char *segment, struct throw_view *out);

/* Frees what throw_view_load allocated and zeroes *v; never fails. */
void throw_view_free(struct throw_view *v);

/* The rate to show: the last second's while running, the achieved one once
 * done; NULL when there is none yet. */
const char *throw_view_rate(const struct throw_view *v);

/* The JSON of /api/throws/<id>: id, github_id, score, weakness (null, or
 * {slug, title_ja, title_en}), power, duration_s, status, sent, ok, errors,
 * errors_by_kind {connect, timeout, http, other}, codes (an object), p50_ms,
 * p90_ms, p99_ms, max_ms, rate, reply, started_at, finished_at (UTC,
 * "YYYY-MM-DD HH:MM:SS"), failure_reason — what is not known yet is null.
 * Returns NULL when out of memory. */
json_t *throw_view_json(const struct throw_view *v);

#endif
