/* hp_chart.c — the legacy target's HP over the last ten minutes, as the
 * geometry of an SVG chart that templates/masakari/hp_chart.cs draws.
 *
 * The samples come from the status_samples table (the hall daemon writes one
 * every 5 s). Where samples are missing for longer than GAP_SECONDS the line
 * breaks instead of pretending to know; with no samples at all the chart says
 * so. Samples of several hosts at one instant are averaged. */
#include "masakari.h"

#include <stdio.h>
#include <string.h>

#define WINDOW_SECONDS 600
#define GAP_SECONDS 15.0
/* The plot area inside the SVG's viewBox (0 0 600 200). */
#define PLOT_LEFT 40.0
#define PLOT_RIGHT 590.0
#define PLOT_TOP 10.0
#define PLOT_BOTTOM 170.0

static double x_of(double age_s)
{
	return PLOT_RIGHT - (PLOT_RIGHT - PLOT_LEFT) * age_s / WINDOW_SECONDS;
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
static void point_add(char *points, size_t cap, double age_s, double hp)
{
	size_t n = strlen(points);

	snprintf(points + n, cap - n, "%s%.1f,%.1f", n ? " " : "", x_of(age_s), y_of(hp));
}

NEOERR *hp_chart_fill(web_request *req, db_t *db)
{
	/* Ages in seconds, oldest first; the session's clock is UTC like the rows. */
	db_result *r = db_query(db,
				"SELECT TIMESTAMPDIFF(MICROSECOND, at, NOW(3)) / 1000000, "
				"AVG(cpuutilization) FROM status_samples "
				"WHERE at >= NOW() - INTERVAL ? SECOND GROUP BY at ORDER BY at",
				DB_INT(WINDOW_SECONDS));
	/* One segment per stretch without a gap; 14 bytes a point. */
	char points[16 * (WINDOW_SECONDS + 1)];
	double last_age = -1, last_hp = 0, min_hp = 100;
	int segments = 0;
	NEOERR *err = STATUS_OK;

	if (!r)
		return web_db_error(db, "reading the HP history");
	points[0] = '\0';
	err = hdf_set_int_value(req->hdf, "Chart.Samples", (int)r->nrows);
	for (unsigned i = 0; i < r->nrows && !err; i++) {
		double age = db_cell_double(r, i, 0, 0);
		double hp = 100.0 - db_cell_double(r, i, 1, 0);

		if (age < 0)
			age = 0;
		if (age > WINDOW_SECONDS)
			age = WINDOW_SECONDS;
		if (last_age >= 0 && last_age - age > GAP_SECONDS && points[0]) {
			err = hdf_set_valuef(req->hdf, "Chart.Segments.%d.Points=%s", segments++,
					     points);
			points[0] = '\0';
		}
		point_add(points, sizeof(points), age, hp);
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
			snprintf(buf, sizeof(buf), "%.1f", x_of(last_age));
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
	db_result_free(r);
	return nerr_pass(err);
}
