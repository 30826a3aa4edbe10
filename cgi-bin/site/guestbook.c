/* guestbook.c — each exhibit's guestbook (docs/EXHIBITS.md, Guestbook): a
 * visitor's note or question of up to 500 characters, the work's team's
 * answers, marked as the team's, and an operator's deletion, logged. Notes
 * pass the venue's word filter; a banned ID writes nothing. */
#include "site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_hdf.h"
#include "exhibit_store.h"
#include "log.h"
#include "moderation.h"
#include "utf8.h"

#define GUESTBOOK_NOTE_MAX 500      /* characters of one note or answer */
#define GUESTBOOK_PER_MINUTE 5      /* notes one ID may write in a minute, over every work */
#define GUESTBOOK_SHOWN 300         /* notes and answers a page shows, the newest */

/* What is wrong with a note, as a catalog key, or NULL: valid UTF-8 of 1 to
 * GUESTBOOK_NOTE_MAX characters, not only spaces, with no control character
 * but line breaks (a "\r\n" the form sends becomes "\n" in place). */
static const char *note_problem(char *text)
{
	size_t n = text ? strlen(text) : 0;
	int visible = 0;
	char *out;

	if (n == 0)
		return "Text.Site.Guestbook.Empty";
	if (n > 4 * GUESTBOOK_NOTE_MAX)
		return "Text.Site.Guestbook.TooLong";
	if (!utf8_valid(text, n))
		return "Text.Site.Guestbook.Invalid";
	out = text;
	for (const char *p = text; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\r' && p[1] == '\n')
			continue;
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			return "Text.Site.Guestbook.Invalid";
		if (c != ' ' && c != '\n')
			visible = 1;
		*out++ = (char)c;
	}
	*out = '\0';
	if (!visible)
		return "Text.Site.Guestbook.Empty";
	if (utf8_length(text, strlen(text)) > GUESTBOOK_NOTE_MAX)
		return "Text.Site.Guestbook.TooLong";
	return NULL;
}

int site_is_team(web_request *req, db_t *db, const char *slug)
{
	const char *me = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	const char *client = req->settings->github_client_id;
	db_result *r;
	int member;

	if (!me)
		return 0;
	if (hdf_get_int_value(req->hdf, "Page.Operator", 0))
		return 1;
	r = db_query(db, "SELECT 1 FROM exhibit_team t JOIN exhibits e ON e.id = t.exhibit_id "
			 "WHERE e.slug = ? AND t.github_id = ?", DB_TEXT(slug), DB_TEXT(me));
	if (!r)
		return -1;
	member = r->nrows > 0;
	db_result_free(r);
	/* Where GitHub sign-in exists, a member proves the ID with it: anyone
	 * could have typed a member's ID at the entrance. */
	if (member && client && *client && !hdf_get_int_value(req->hdf, "Page.Verified", 0)) {
		hdf_set_value(req->hdf, "Page.TeamUnproven", "1");
		return 0;
	}
	return member;
}

NEOERR *guestbook_copy(web_request *req, const char *slug, const char *prefix)
{
	static const char *const fields[] = { "Id", "ReplyTo", "GithubId", "Body", "ByTeam", "At", NULL };
	db_result *r;
	db_t *db;
	HDF *rows = NULL;
	NEOERR *err = web_db(req, &db);

	if (err) {
		nerr_ignore(&err);
		return nerr_pass(hdf_set_valuef(req->hdf, "%s.Unavailable=1", prefix));
	}
	r = db_query(db, "SELECT * FROM (SELECT n.id, n.reply_to, n.github_id, n.body, n.by_team, "
			 "n.created_at FROM exhibit_notes n JOIN exhibits e ON e.id = n.exhibit_id "
			 "WHERE e.slug = ? AND n.deleted_at IS NULL ORDER BY n.id DESC LIMIT ?) newest "
			 "ORDER BY id", DB_TEXT(slug), DB_INT(GUESTBOOK_SHOWN));
	if (!r) {
		log_warn("reading a guestbook: %s", db_error(db));
		return nerr_pass(hdf_set_valuef(req->hdf, "%s.Unavailable=1", prefix));
	}
	err = hdf_init(&rows);
	if (!err)
		err = db_hdf_rows(rows, "", r, fields, 0);
	/* Notes by id, each answer under the note it answers; an answer whose
	 * note is gone (deleted) goes with it. */
	for (HDF *n = rows ? hdf_obj_child(rows) : NULL; n && !err; n = hdf_obj_next(n)) {
		const char *id = hdf_get_value(n, "Id", "0");
		const char *to = hdf_get_value(n, "ReplyTo", NULL);
		char at[160];

		if (!to) {
			snprintf(at, sizeof(at), "%s.Notes.%s", prefix, id);
		} else {
			char parent[96];

			snprintf(parent, sizeof(parent), "%s.Notes.%s", prefix, to);
			if (!hdf_get_obj(req->hdf, parent))
				continue;
			snprintf(at, sizeof(at), "%s.Notes.%s.Replies.%s", prefix, to, id);
		}
		err = hdf_copy(req->hdf, at, n);
	}
	hdf_destroy(&rows);
	db_result_free(r);
	return nerr_pass(err);
}

/* The work's page again, at its guestbook, drawn anew for this visitor
 * (likes_changed), who must see what they wrote. */
static NEOERR *back_to_guestbook(web_request *req, const char *slug)
{
	char location[160];
	NEOERR *err = likes_changed(req);

	snprintf(location, sizeof(location), "/exhibits/%s#guestbook", slug);
	if (!err)
		err = web_redirect(req, 303, location);
	return nerr_pass(err);
}

NEOERR *site_guestbook_post(web_request *req)
{
	const char *slug = req->params[0];
	const char *body, *reply_to, *me, *problem;
	char *text = NULL, *end;
	long long parent = 0, recent;
	int team = 0, filtered;
	db_result *r;
	db_t *db;
	NEOERR *err = web_csrf_check(req);

	if (!err)
		err = exhibit_store_copy_one(req, slug, "Exhibit");
	if (!err)
		err = web_field(req, "body", &body);
	if (!err)
		err = web_field(req, "reply_to", &reply_to);
	if (!err)
		err = site_visitor_may_answer(req, &db, &me);
	if (err)
		return nerr_pass(err);
	if (reply_to) {
		parent = strtoll(reply_to, &end, 10);
		if (!*reply_to || *end || parent <= 0)
			return nerr_raise(WEB_ERR_BAD_REQUEST, "%s", web_text(req, "Text.Site.Guestbook.NoSuchNote"));
	}
	team = site_is_team(req, db, slug);
	if (team < 0)
		return web_db_error(db, "checking the work's team");
	if (reply_to && !team)
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s",
				  web_text(req, hdf_get_int_value(req->hdf, "Page.TeamUnproven", 0)
							? "Text.Site.Guestbook.SignInToAnswer"
							: "Text.Site.Guestbook.NotTeam"));
	text = strdup(body ? body : "");
	if (!text)
		return nerr_raise(NERR_NOMEM, "copying a note");
	problem = note_problem(text);
	filtered = problem ? 0 : moderation_filter(req->settings, text);
	if (filtered == 2)
		problem = "Text.Site.Guestbook.Filtered";
	if (problem) {
		free(text);
		return nerr_raise(WEB_ERR_BAD_REQUEST, "%s", web_text(req, problem));
	}
	if (parent) {
		r = db_query(db, "SELECT 1 FROM exhibit_notes n JOIN exhibits e ON e.id = n.exhibit_id "
				 "WHERE n.id = ? AND e.slug = ? AND n.reply_to IS NULL AND n.deleted_at IS NULL",
			     DB_INT(parent), DB_TEXT(slug));
		if (!r) {
			free(text);
			return web_db_error(db, "finding the note answered");
		}
		recent = r->nrows;
		db_result_free(r);
		if (!recent) {
			free(text);
			return nerr_raise(WEB_ERR_NOT_FOUND, "%s", web_text(req, "Text.Site.Guestbook.NoSuchNote"));
		}
	}
	r = db_query(db, "SELECT COUNT(*) FROM exhibit_notes WHERE github_id = ? "
			 "AND created_at > NOW() - INTERVAL 1 MINUTE", DB_TEXT(me));
	if (!r) {
		free(text);
		return web_db_error(db, "counting recent notes");
	}
	recent = db_cell_int(r, 0, 0, 0);
	db_result_free(r);
	if (recent >= GUESTBOOK_PER_MINUTE) {
		free(text);
		return nerr_raise(WEB_ERR_TOO_MANY, "%s", web_text(req, "Text.Site.Guestbook.TooFast"));
	}
	if (db_exec(db, "INSERT INTO exhibit_notes (exhibit_id, reply_to, github_id, body, by_team) "
			"SELECT id, ?, ?, ?, ? FROM exhibits WHERE slug = ?",
		    parent ? DB_INT(parent) : DB_NULL, DB_TEXT(me), DB_TEXT(text),
		    DB_INT(parent ? 1 : team), DB_TEXT(slug)) < 0) {
		free(text);
		return web_db_error(db, "storing a note");
	}
	free(text);
	return nerr_pass(back_to_guestbook(req, slug));
}

NEOERR *site_guestbook_delete(web_request *req)
{
	const char *slug = req->params[0];
	const char *me = hdf_get_value(req->hdf, "Page.GithubId", "");
	char *end, detail[80];
	long long id = strtoll(req->params[1], &end, 10);
	long long changed;
	db_t *db;
	NEOERR *err = web_csrf_check(req);

	if (!err)
		err = exhibit_store_copy_one(req, slug, "Exhibit");
	if (!err && !hdf_get_int_value(req->hdf, "Page.Operator", 0))
		err = nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Site.Guestbook.OperatorsOnly"));
	if (!err && (*end || id <= 0))
		err = nerr_raise(WEB_ERR_NOT_FOUND, "%s", web_text(req, "Text.Site.Guestbook.NoSuchNote"));
	if (!err)
		err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	if (db_begin(db) != 0)
		return web_db_error(db, "deleting a note");
	changed = db_exec(db, "UPDATE exhibit_notes n JOIN exhibits e ON e.id = n.exhibit_id "
			      "SET n.deleted_at = NOW(), n.deleted_by = ? "
			      "WHERE n.id = ? AND e.slug = ? AND n.deleted_at IS NULL",
			  DB_TEXT(me), DB_INT(id), DB_TEXT(slug));
	snprintf(detail, sizeof(detail), "note %lld", id);
	if (changed < 0 || (changed > 0 && moderation_log(db, me, "note_delete", slug, detail, "") != 0)) {
		db_rollback(db);
		return web_db_error(db, "deleting a note");
	}
	if (db_commit(db) != 0)
		return web_db_error(db, "deleting a note");
	if (changed == 0)
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s", web_text(req, "Text.Site.Guestbook.NoSuchNote"));
	return nerr_pass(back_to_guestbook(req, slug));
}
