/* site.h — the pages of the site program: the entrance, the hall shell, the
 * exhibits with their likes and guestbooks, the operators' page with
 * visitors' reports, and the team's numbers. */
#ifndef SITE_SITE_H
#define SITE_SITE_H

#include "web.h"

/* The routes' pages (main.c). */
web_page site_entrance_render, site_entrance_submit, site_hall_render, site_exhibit_list_render,
	site_exhibit_render, site_exhibit_go, site_exhibit_like, site_guestbook_post,
	site_guestbook_delete, site_insights_render, site_insights_csv, site_insights_team_add,
	site_login_github, site_login_github_callback, site_login_logout, site_operators_render,
	site_operators_submit, site_operators_link, site_report_submit;

/* likes.c — after a like or a note: sets LIKES_CHANGED_COOKIE (a session
 * cookie) to the time, so the cached pages this visitor asks for next are
 * new keys and drawn anew, with what they just did. Raises what setting a
 * cookie raises. */
#define LIKES_CHANGED_COOKIE "masakari_answered"
NEOERR *likes_changed(web_request *req);

/* likes.c — each work's like count at prefix.<position>.Likes (every work)
 * or prefix.Likes, with prefix.Liked when the visitor likes it (one work).
 * Without the database the counts are left out; raises only what HDF does. */
NEOERR *likes_copy_counts(web_request *req, const char *prefix);
NEOERR *likes_copy_one(web_request *req, const char *slug, const char *prefix);

/* likes.c — the visitor may like and write: has an ID (else 403, or 503 when
 * the database could not say) and is not banned, by ID or address (403).
 * Sets the database handle and the visitor's ID. */
NEOERR *site_visitor_may_answer(web_request *req, db_t **db_out, const char **who_out);

/* guestbook.c — 1 when the visitor answers slug's guestbook as its team: an
 * operator, or a member in exhibit_team (proven by GitHub sign-in where it
 * is set up); 0 when not (with Page.TeamUnproven set for a member who has
 * not signed in so), -1 when the database failed. */
int site_is_team(web_request *req, db_t *db, const char *slug);

/* guestbook.c — the guestbook's notes at prefix.Notes.<id> (Id, GithubId,
 * Body, ByTeam, At), each answer at prefix.Notes.<id>.Replies.<id>;
 * prefix.Unavailable when the database is away. Raises only what HDF does. */
NEOERR *guestbook_copy(web_request *req, const char *slug, const char *prefix);

#endif
