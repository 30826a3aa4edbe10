/* worker_insights.c — the hall's visitor samples on the database worker
 * (worker_thread.h): every Halld.InsightsSampleSeconds, how many visitors
 * this daemon has and where each stands, read from the presence row the
 * worker has just written, into hall_samples and hall_sample_positions
 * (sql/0120). /operators/insights draws peak attendance, unique IDs per hour
 * and the exhibit people stood longest at from them. */
#include "worker_thread.h"

#include <time.h>

void worker_insights_record(struct worker *w)
{
	/* On whole multiples of the interval, the same for every daemon, so the
	 * rows of one sample time add up to the whole hall; one time for both
	 * tables, so a sample's count and positions match. */
	time_t t = time(NULL);
	struct tm tm;
	char at[32];

	t -= t % (time_t)w->insights_interval_s;
	gmtime_r(&t, &tm);
	strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm);
	if (db_exec(w->db,
		    "INSERT IGNORE INTO hall_samples (at, daemon_id, visitors)"
		    " SELECT ?, daemon_id, JSON_LENGTH(visitors) FROM hall_presence WHERE daemon_id = ?",
		    DB_TEXT(at), DB_TEXT(w->daemon_id)) < 0 ||
	    db_exec(w->db,
		    "INSERT IGNORE INTO hall_sample_positions (at, daemon_id, github_id, x, y)"
		    " SELECT ?, p.daemon_id, j.id, j.x, j.y FROM hall_presence p,"
		    " JSON_TABLE(p.visitors, '$[*]' COLUMNS (id VARCHAR(39) PATH '$[0]',"
		    " x DOUBLE PATH '$[1]', y DOUBLE PATH '$[2]')) j"
		    " WHERE p.daemon_id = ? AND j.id IS NOT NULL",
		    DB_TEXT(at), DB_TEXT(w->daemon_id)) < 0) {
		worker_db_failed(w, "recording the hall's visitor sample");
		return;
	}
	worker_db_ok(w);
}
