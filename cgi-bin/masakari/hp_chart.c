/* hp_chart.c — the legacy target's HP now, and over the last ten minutes or
 * an attack's window, as the geometry of an SVG chart that
 * templates/masakari/hp_chart.cs draws.
 *
 * The samples come from the status_samples table (the hall daemon writes one
 * every 5 s). Where samples are missing for longer than GAP_SECONDS the line
 * breaks instead of pretending to know; with no samples at all the chart says
 * so. Samples of several hosts at one instant are averaged. */
#include "masakari.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "status.h"

#define WINDOW_SECONDS 600
#define GAP_SECONDS 15.0
/* The plot area inside the SVG's viewBox (0 0 600 200). */
#define PLOT_LEFT 40.0
#define PLOT_RIGHT 590.0
#define PLOT_TOP 10.0
#define PLOT_BOTTOM 170.0

/* x of a sample age seconds before the window's end, of window seconds. */
static double x_of(double age_s, double window)
{
	return PLOT_RIGHT - (PLOT_RIGHT - PLOT_LEFT) * age_s / window;
}

static double y_of(double hp)
{
	if (hp < 0)
		hp = 0;
	if (hp > 100)
		hp = 100;
	return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * hp / 100.0;
}

/* Appends "x,y " to points (cap bytes); points that do not fit are dropped,
 * which the size below rules out for a 10-minute window. */
static void point_add(char *points, size_t cap, double age_s, double window, double hp)
{
	size_t n = strlen(points);

	snprintf(points + n, cap - n, "%s%.1f,%.1f", n ? " " : "", x_of(age_s, window), y_of(hp));
}

/* Draws r's samples (age before the window's end, CPU %), oldest first,
 * over a window of window seconds. */
static NEOERR *chart_draw(web_request *req, db_result *r, double window)
{
	/* One segment per stretch without a gap; 14 bytes a point. */
	char points[16 * (WINDOW_SECONDS + 1)];
	double last_age = -1, last_hp = 0, min_hp = 100;
	int segments = 0;
	NEOERR *err = STATUS_OK;

	points[0] = '\0';
	err = hdf_set_int_value(req->hdf, "Chart.Samples", (int)r->nrows);
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		double age = db_cell_double(r, i, 0, 0);
		double hp = 100.0 - db_cell_double(r, i, 1, 0);

		if (age < 0)
			age = 0;
		if (age > window)
			age = window;
		if (last_age >= 0 && last_age - age > GAP_SECONDS && points[0]) {
			err = hdf_set_valuef(req->hdf, "Chart.Segments.%d.Points=%s", segments++,
					     points);
			points[0] = '\0';
		}
		point_add(points, sizeof(points), age, window, hp);
		last_age = age;
		last_hp = hp;
		if (hp < min_hp)
			min_hp = hp;
	}
	if (!err && points[0])
		err = hdf_set_valuef(req->hdf, "Chart.Segments.%d.Points=%s", segments++, points);
	if (!err && r->nrows > 0) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%.0f", last_hp < 0 ? 0 : last_hp);
		err = hdf_set_value(req->hdf, "Chart.LastHp", buf);
		if (!err) {
			snprintf(buf, sizeof(buf), "%.0f", min_hp < 0 ? 0 : min_hp);
			err = hdf_set_value(req->hdf, "Chart.MinHp", buf);
		}
		if (!err) {
			snprintf(buf, sizeof(buf), "%.1f", x_of(last_age, window));
			err = hdf_set_value(req->hdf, "Chart.LastX", buf);
		}
		if (!err) {
			snprintf(buf, sizeof(buf), "%.1f", y_of(last_hp));
			err = hdf_set_value(req->hdf, "Chart.LastY", buf);
		}
	}
	if (!err) {
		char buf[16];

		/* The danger line, HP 20, where the target counts as defeated. */
		snprintf(buf, sizeof(buf), "%.1f", y_of(20));
		err = hdf_set_value(req->hdf, "Chart.DangerY", buf);
		if (!err) {
			snprintf(buf, sizeof(buf), "%.1f", y_of(50));
			err = hdf_set_value(req->hdf, "Chart.MidY", buf);
		}
	}
	return nerr_pass(err);
}

NEOERR *hp_chart_fill(web_request *req, db_t *db)
{
	/* Ages in seconds, oldest first; the session's clock is UTC like the rows. */
	db_result *r = db_query(db,
				"SELECT TIMESTAMPDIFF(MICROSECOND, at, NOW(3)) / 1000000, "
				"AVG(cpuutilization) FROM status_samples "
				"WHERE at >= NOW() - INTERVAL ? SECOND GROUP BY at ORDER BY at",
				DB_INT(WINDOW_SECONDS));
	NEOERR *err;

	if (!r)
		return web_db_error(db, "reading the HP history");
	err = chart_draw(req, r, WINDOW_SECONDS);
	db_result_free(r);
	return nerr_pass(err);
}

NEOERR *hp_chart_fill_window(web_request *req, db_t *db, const char *from, const char *to)
{
	/* The window's length, then the samples inside it with their ages
	 * before its end; no end yet is now, and an attack is never drawn
	 * over more than WINDOW_SECONDS (a job that failed without an end).
	 * A sampling interval either side shows the HP before the first
	 * request and after the last. */
	db_result *span = db_query(db,
				   "SELECT TIMESTAMPDIFF(MICROSECOND, ? - INTERVAL 5 SECOND, "
				   "LEAST(COALESCE(?, NOW(3)), ? + INTERVAL ? SECOND) + INTERVAL 5 SECOND) "
				   "/ 1000000",
				   DB_TEXT(from), DB_TEXT(to), DB_TEXT(from), DB_INT(WINDOW_SECONDS));
	db_result *r = NULL;
	double window = span && span->nrows == 1 ? db_cell_double(span, 0, 0, 0) : 0;
	NEOERR *err;

	db_result_free(span);
	if (!span)
		return web_db_error(db, "measuring the attack's window");
	if (window < 1)
		window = 1;
	r = db_query(db,
		     "SELECT ? - TIMESTAMPDIFF(MICROSECOND, ? - INTERVAL 5 SECOND, at) / 1000000, "
		     "AVG(cpuutilization) FROM status_samples "
		     "WHERE at BETWEEN ? - INTERVAL 5 SECOND AND ? - INTERVAL 5 SECOND + INTERVAL ? "
		     "MICROSECOND GROUP BY at ORDER BY at",
		     DB_DOUBLE(window), DB_TEXT(from), DB_TEXT(from), DB_TEXT(from),
		     DB_INT((long long)(window * 1e6)));
	if (!r)
		return web_db_error(db, "reading the HP during the attack");
	err = chart_draw(req, r, window);
	if (!err)
		err = hdf_set_int_value(req->hdf, "Chart.WindowSeconds", (int)(window + 0.5));
	db_result_free(r);
	return nerr_pass(err);
}

NEOERR *hp_current_fill(web_request *req, db_t *db)
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
