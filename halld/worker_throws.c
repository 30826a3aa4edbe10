/* worker_throws.c — throws that landed, on the database worker
 * (worker_thread.h): new rows of throws become ACTION_RECV_MASAKARI messages
 * for the masakari room. */
#include "worker_thread.h"

#include <stdlib.h>

#include "log.h"

int worker_throws_load_last(struct worker *w)
{
	db_result *r = db_query(w->db, "SELECT COALESCE(MAX(id), 0) FROM throws");

	if (!r)
		return -1;
	w->last_throw_id = db_cell_int(r, 0, 0, 0);
	db_result_free(r);
	return 0;
}

void worker_throws_poll(struct worker *w)
{
	db_result *r = db_query(w->db,
				"SELECT t.id, t.github_id, t.score, t.power, w.slug, w.title_ja,"
				" w.title_en, t.reply FROM throws t"
				" LEFT JOIN weaknesses w ON w.id = t.weakness_id"
				" WHERE t.id > ? ORDER BY t.id LIMIT 50",
				DB_INT(w->last_throw_id));

	if (!r) {
		worker_db_failed(w, "reading throws");
		return;
	}
	worker_db_ok(w);
	for (unsigned i = 0; i < r->nrows; i++) {
		struct worker_event *ev = calloc(1, sizeof(*ev));
		json_t *weakness = json_null();
		json_t *m;

		w->last_throw_id = db_cell_int(r, i, 0, w->last_throw_id);
		if (db_cell(r, i, 4))
			weakness = json_pack("{s:s,s:s?,s:s?}", "slug", db_cell(r, i, 4), "title_ja",
					     db_cell(r, i, 5), "title_en", db_cell(r, i, 6));
		m = json_pack("{s:s,s:I,s:s?,s:f,s:I,s:o?}", "action", "ACTION_RECV_MASAKARI", "id",
			      (json_int_t)db_cell_int(r, i, 0, 0), "github_id", db_cell(r, i, 1),
			      "score", db_cell_double(r, i, 2, 0.0), "power",
			      (json_int_t)db_cell_int(r, i, 3, 0), "weakness", weakness);
		if (m && db_cell(r, i, 7))
			json_object_set_new(m, "reply", json_string(db_cell(r, i, 7)));
		if (!ev || !m) {
			free(ev);
			json_decref(m);
			continue;
		}
		ev->kind = WORKER_THROW;
		ev->message = m;
		worker_emit(w, ev);
	}
	db_result_free(r);
}
