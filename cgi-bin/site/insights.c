/* insights.c — "/operators/insights": how the exhibition went, for the
 * team (docs/HALL.md, Insights). Visitors and unique IDs per hour, the peak
 * of visitors in the hall at once, visits, likes and notes per work, where
 * people stood longest, throws per hour; the same as CSV
 * (/operators/insights.csv); and adding a member to a work's team. Charts
 * are SVG drawn by templates/site/insights.cs from the geometry set here,
 * as the HP chart is: no script. Operators only: anyone else gets a 403. */
#include "site.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "exhibit_store.h"
#include "github.h"
#include "moderation.h"

#define INSIGHTS_HOURS 24
#define INSIGHTS_NEAR_PX 250      /* nearer a stand's centre than this stands at it (stands are ~510 px apart) */
/* The plot areas, in the SVGs' viewBox units (templates/site/insights.cs). */
#define HOURS_LEFT 40.0
#define HOURS_WIDTH 550.0
#define HOURS_TOP 10.0
#define HOURS_HEIGHT 150.0
#define ROWS_LEFT 10.0
#define ROWS_WIDTH 480.0

struct insights_hour {
	char key[20];             /* "YYYY-MM-DD HH", UTC, as the queries group */
	long visitors, unique, throws;
};

struct insights {
	struct insights_hour hours[INSIGHTS_HOURS];
	long peak;
	char peak_at[32];
};

static NEOERR *insights_allowed(web_request *req)
{
	if (!hdf_get_int_value(req->hdf, "Page.Operator", 0))
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Site.Insights.OperatorsOnly"));
	/* Never kept: the numbers move, and they are the operators' alone. */
	web_uncached(req);
	return STATUS_OK;
}

/* Adds a query's (hour, n) rows into the hour they name, in field. */
static NEOERR *hours_add(db_t *db, struct insights *in, const char *sql, size_t field)
{
	db_result *r = db_query(db, sql, DB_INT(INSIGHTS_HOURS));

	if (!r)
		return web_db_error(db, "reading the hall's numbers");
	for (unsigned i = 0; i < r->nrows; i++)
		for (int h = 0; h < INSIGHTS_HOURS; h++)
			if (strcmp(in->hours[h].key, db_cell(r, i, 0)) == 0)
				*(long *)((char *)&in->hours[h] + field) = (long)db_cell_int(r, i, 1, 0);
	db_result_free(r);
	return STATUS_OK;
}

/* Each per-hour column and the query that fills it: (hour, n) rows. */
static const struct {
	const char *sql;
	size_t field;
} hour_queries[] = {
	/* The daemons sample on the same whole seconds, so a sample time's rows
	 * add up to everyone in the hall then. */
	{ "SELECT DATE_FORMAT(at, '%Y-%m-%d %H'), MAX(total) FROM (SELECT at, SUM(visitors) total "
	  "FROM hall_samples WHERE at >= NOW() - INTERVAL ? HOUR GROUP BY at) s "
	  "GROUP BY DATE_FORMAT(at, '%Y-%m-%d %H')",
	  offsetof(struct insights_hour, visitors) },
	{ "SELECT DATE_FORMAT(at, '%Y-%m-%d %H'), COUNT(DISTINCT github_id) "
	  "FROM hall_sample_positions WHERE at >= NOW() - INTERVAL ? HOUR "
	  "GROUP BY DATE_FORMAT(at, '%Y-%m-%d %H')",
	  offsetof(struct insights_hour, unique) },
	{ "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H'), COUNT(*) FROM throws "
	  "WHERE created_at >= NOW() - INTERVAL ? HOUR "
	  "GROUP BY DATE_FORMAT(created_at, '%Y-%m-%d %H')",
	  offsetof(struct insights_hour, throws) },
};

static NEOERR *insights_read(db_t *db, struct insights *in)
{
	time_t now = time(NULL);
	db_result *r;
	NEOERR *err;

	memset(in, 0, sizeof(*in));
	for (int h = 0; h < INSIGHTS_HOURS; h++) {
		time_t t = now - (time_t)(INSIGHTS_HOURS - 1 - h) * 3600;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(in->hours[h].key, sizeof(in->hours[h].key), "%Y-%m-%d %H", &tm);
	}
	for (size_t q = 0; q < sizeof(hour_queries) / sizeof(hour_queries[0]); q++) {
		err = hours_add(db, in, hour_queries[q].sql, hour_queries[q].field);
		if (err)
			return nerr_pass(err);
	}
	r = db_query(db, "SELECT SUM(visitors) total, at FROM hall_samples GROUP BY at "
			 "ORDER BY total DESC, at DESC LIMIT 1");
	if (!r)
		return web_db_error(db, "reading the peak of visitors");
	if (r->nrows) {
		in->peak = (long)db_cell_int(r, 0, 0, 0);
		snprintf(in->peak_at, sizeof(in->peak_at), "%s", db_cell(r, 0, 1));
	}
	db_result_free(r);
	return STATUS_OK;
}

/* Per work, in hall order: slug, title, visits, likes, notes, samples near it, team. */
static db_result *exhibits_read(db_t *db)
{
	return db_query(db,
			"SELECT e.slug, e.title, e.visits, "
			"(SELECT COUNT(*) FROM exhibit_likes l WHERE l.exhibit_id = e.id), "
			"(SELECT COUNT(*) FROM exhibit_notes n WHERE n.exhibit_id = e.id AND n.deleted_at IS NULL), "
			"(SELECT COUNT(*) FROM hall_sample_positions p WHERE p.x BETWEEN e.hall_x - ? AND e.hall_x + ? "
			"AND p.y BETWEEN e.hall_y - ? AND e.hall_y + ? "
			"AND POW(p.x - e.hall_x, 2) + POW(p.y - e.hall_y, 2) <= ?), "
			"(SELECT GROUP_CONCAT(t.github_id ORDER BY t.github_id SEPARATOR ' ') FROM exhibit_team t "
			"WHERE t.exhibit_id = e.id) "
			"FROM exhibits e ORDER BY e.position",
			DB_INT(INSIGHTS_NEAR_PX), DB_INT(INSIGHTS_NEAR_PX), DB_INT(INSIGHTS_NEAR_PX),
			DB_INT(INSIGHTS_NEAR_PX), DB_INT((long long)INSIGHTS_NEAR_PX * INSIGHTS_NEAR_PX));
}

/* Tenths of minutes stood near a work: its samples times the sampling
 * interval (a short visit on a demo day is a fraction of a minute). */
static long minutes_of(web_request *req, long long samples)
{
	long every = req->settings->halld_insights_sample_seconds;

	return (long)((samples * (every > 0 ? every : 60) + 3) / 6);
}

/* Tenths as "12.3". */
static const char *tenths(char *buf, size_t n, long v)
{
	snprintf(buf, n, "%ld.%ld", v / 10, v % 10);
	return buf;
}

static double scale(long v, long max, double span)
{
	return max > 0 ? span * (double)v / (double)max : 0.0;
}

static NEOERR *hours_fill(web_request *req, const struct insights *in)
{
	long most = 1, most_throws = 1;
	double slot = HOURS_WIDTH / INSIGHTS_HOURS;
	NEOERR *err = STATUS_OK;

	for (int h = 0; h < INSIGHTS_HOURS; h++) {
		if (in->hours[h].visitors > most)
			most = in->hours[h].visitors;
		if (in->hours[h].unique > most)
			most = in->hours[h].unique;
		if (in->hours[h].throws > most_throws)
			most_throws = in->hours[h].throws;
	}
	err = hdf_set_int_value(req->hdf, "Insights.HoursMax", (int)most);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Insights.ThrowsMax", (int)most_throws);
	for (int h = 0; h < INSIGHTS_HOURS && !err; h++) {
		const struct insights_hour *o = &in->hours[h];
		double x = HOURS_LEFT + slot * h;
		double vh = scale(o->visitors, most, HOURS_HEIGHT), uh = scale(o->unique, most, HOURS_HEIGHT);
		double th = scale(o->throws, most_throws, HOURS_HEIGHT);

		err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.Label=%.2s:00", h, o->key + 11);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.Hour=%s:00", h, o->key);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.Visitors=%ld", h, o->visitors);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.Unique=%ld", h, o->unique);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.Throws=%ld", h, o->throws);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.X=%.1f", h, x + 2);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.X2=%.1f", h, x + slot / 2);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.W=%.1f", h, slot / 2 - 2);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.TW=%.1f", h, slot - 4);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.VY=%.1f", h, HOURS_TOP + HOURS_HEIGHT - vh);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.VH=%.1f", h, vh);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.UY=%.1f", h, HOURS_TOP + HOURS_HEIGHT - uh);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.UH=%.1f", h, uh);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.TY=%.1f", h, HOURS_TOP + HOURS_HEIGHT - th);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.TH=%.1f", h, th);
		/* Every sixth hour is labelled under the axis. */
		if (!err && h % 6 == 0)
			err = hdf_set_valuef(req->hdf, "Insights.Hours.%d.Tick=1", h);
	}
	if (!err)
		err = hdf_set_int_value(req->hdf, "Insights.Peak", (int)in->peak);
	if (!err && in->peak_at[0])
		err = hdf_set_value(req->hdf, "Insights.PeakAt", in->peak_at);
	return nerr_pass(err);
}

static NEOERR *exhibits_fill(web_request *req, db_result *r)
{
	long most_likes = 1, most_visits = 1, most_minutes = 1, longest = 0;
	int longest_row = -1;
	NEOERR *err = STATUS_OK;

	for (unsigned i = 0; i < r->nrows; i++) {
		long minutes = minutes_of(req, db_cell_int(r, i, 5, 0));

		if (db_cell_int(r, i, 3, 0) > most_likes)
			most_likes = (long)db_cell_int(r, i, 3, 0);
		if (db_cell_int(r, i, 2, 0) > most_visits)
			most_visits = (long)db_cell_int(r, i, 2, 0);
		if (minutes > most_minutes)
			most_minutes = minutes;
		if (db_cell_int(r, i, 5, 0) > longest) {
			longest = (long)db_cell_int(r, i, 5, 0);
			longest_row = (int)i;
		}
	}
	err = hdf_set_int_value(req->hdf, "Insights.ExhibitsHeight", (int)(r->nrows * 40 + 10));
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		long likes = (long)db_cell_int(r, i, 3, 0), visits = (long)db_cell_int(r, i, 2, 0);
		long minutes = minutes_of(req, db_cell_int(r, i, 5, 0));
		const char *team = db_cell(r, i, 6);
		char minutes_text[32];

		err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Slug=%s", i, db_cell(r, i, 0));
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Title=%s", i, db_cell(r, i, 1));
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Visits=%ld", i, visits);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Likes=%ld", i, likes);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Notes=%s", i, db_cell(r, i, 4));
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Minutes=%s", i,
					     tenths(minutes_text, sizeof(minutes_text), minutes));
		if (!err && team && *team)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Team=%s", i, team);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.Y=%u", i, i * 40 + 14);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.BarY=%u", i, i * 40 + 18);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.BarY2=%u", i, i * 40 + 24);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.BarY3=%u", i, i * 40 + 30);
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.LikesW=%.1f", i,
					     scale(likes, most_likes, ROWS_WIDTH));
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.VisitsW=%.1f", i,
					     scale(visits, most_visits, ROWS_WIDTH));
		if (!err)
			err = hdf_set_valuef(req->hdf, "Insights.Exhibits.%u.MinutesW=%.1f", i,
					     scale(minutes, most_minutes, ROWS_WIDTH));
	}
	if (!err && longest_row >= 0)
		err = hdf_set_value(req->hdf, "Insights.Longest", db_cell(r, (unsigned)longest_row, 1));
	return nerr_pass(err);
}

/* What both the page and the CSV show: the hours and the peak in *in, the
 * works' rows in *rows (the caller frees them); operators only. */
static NEOERR *insights_load(web_request *req, db_t **db, struct insights *in, db_result **rows)
{
	NEOERR *err = insights_allowed(req);

	if (!err)
		err = web_db(req, db);
	if (!err)
		err = insights_read(*db, in);
	if (err)
		return nerr_pass(err);
	*rows = exhibits_read(*db);
	if (!*rows)
		return web_db_error(*db, "reading the works' numbers");
	return STATUS_OK;
}

NEOERR *site_insights_render(web_request *req)
{
	struct insights in;
	const char *token;
	db_result *r;
	db_t *db;
	NEOERR *err = insights_load(req, &db, &in, &r);

	if (err)
		return nerr_pass(err);
	err = hours_fill(req, &in);
	if (!err)
		err = exhibits_fill(req, r);
	db_result_free(r);
	if (!err)
		err = web_csrf_token(req, &token);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Insights.NearPx", INSIGHTS_NEAR_PX);
	if (!err)
		err = web_render(req, "site/insights.cs");
	return nerr_pass(err);
}

/* One CSV field: quoted, quotes doubled (RFC 4180); a field a spreadsheet
 * would run as a formula gets a leading apostrophe. */
static NEOERR *csv_field(STRING *out, const char *v, int last)
{
	NEOERR *err = string_append_char(out, '"');

	if (!err && v && strchr("=+-@\t\r", *v) && *v)
		err = string_append_char(out, '\'');
	for (const char *p = v ? v : ""; *p && !err; p++)
		err = *p == '"' ? string_append(out, "\"\"") : string_append_char(out, *p);
	if (!err)
		err = string_append(out, last ? "\"\r\n" : "\",");
	return nerr_pass(err);
}

NEOERR *site_insights_csv(web_request *req)
{
	struct insights in;
	char n1[24], n2[24], n3[24], hour[32];
	db_result *r;
	db_t *db;
	STRING out;
	NEOERR *err = insights_load(req, &db, &in, &r);

	if (err)
		return nerr_pass(err);
	string_init(&out);
	/* Two tables in one file, each with its header row: a sheet per kind. */
	err = string_append(&out, "\"hour_utc\",\"peak_visitors\",\"unique_ids\",\"throws\"\r\n");
	for (int h = 0; h < INSIGHTS_HOURS && !err; h++) {
		snprintf(hour, sizeof(hour), "%s:00", in.hours[h].key);
		snprintf(n1, sizeof(n1), "%ld", in.hours[h].visitors);
		snprintf(n2, sizeof(n2), "%ld", in.hours[h].unique);
		snprintf(n3, sizeof(n3), "%ld", in.hours[h].throws);
		err = csv_field(&out, hour, 0);
		if (!err)
			err = csv_field(&out, n1, 0);
		if (!err)
			err = csv_field(&out, n2, 0);
		if (!err)
			err = csv_field(&out, n3, 1);
	}
	if (!err)
		err = string_append(&out, "\r\n\"exhibit\",\"title\",\"visits\",\"likes\",\"notes\","
				    "\"minutes_near\",\"team\"\r\n");
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		tenths(n1, sizeof(n1), minutes_of(req, db_cell_int(r, i, 5, 0)));
		for (unsigned c = 0; c < 5 && !err; c++)
			err = csv_field(&out, db_cell(r, i, c), 0);
		if (!err)
			err = csv_field(&out, n1, 0);
		if (!err)
			err = csv_field(&out, db_cell(r, i, 6), 1);
	}
	db_result_free(r);
	if (!err)
		err = web_header(req, "Content-Disposition", "attachment; filename=\"insights.csv\"");
	if (!err)
		err = web_send(req, "text/csv", out.buf ? out.buf : "", (size_t)out.len);
	string_clear(&out);
	return nerr_pass(err);
}

NEOERR *site_insights_team_add(web_request *req)
{
	const char *slug, *id, *me = hdf_get_value(req->hdf, "Page.GithubId", "");
	char detail[96];
	long long added;
	db_t *db;
	NEOERR *err = web_csrf_check(req);

	if (!err)
		err = insights_allowed(req);
	if (!err)
		err = web_field(req, "slug", &slug);
	if (!err)
		err = web_field(req, "github_id", &id);
	if (!err)
		err = exhibit_store_copy_one(req, slug ? slug : "", "Exhibit");
	if (!err && github_id_problem_key(id))
		err = nerr_raise(WEB_ERR_BAD_REQUEST, "%s", web_text(req, github_id_problem_key(id)));
	if (!err)
		err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	added = db_exec(db, "INSERT IGNORE INTO exhibit_team (exhibit_id, github_id, added_by) "
			    "SELECT id, ?, ? FROM exhibits WHERE slug = ?", DB_TEXT(id), DB_TEXT(me), DB_TEXT(slug));
	snprintf(detail, sizeof(detail), "team of %s", slug);
	if (added < 0 || (added > 0 && moderation_log(db, me, "team_add", id, detail, "") != 0))
		return web_db_error(db, "adding a team member");
	return nerr_pass(web_redirect(req, 303, "/operators/insights#teams"));
}
