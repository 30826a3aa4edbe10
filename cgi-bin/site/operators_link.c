/* operators_link.c — "GET /operators/link/<token>": a one-time operator link
 * (masakarictl operator-link GITHUB_ID), for a venue where no GitHub sign-in
 * can prove an operator's ID. Opening it gives this browser the ID as an
 * operator for Moderation.OperatorHours (lib/identity.h), takes the ID from
 * any browser that held it, and goes on to /operators. A link works once,
 * within Moderation.LinkMinutes; any other (used, expired, forged, or for
 * an ID no longer in Site.Operators) is a 403 page that says to ask for a
 * new one. Never cached. */
#include "site.h"

#include "identity.h"
#include "log.h"
#include "moderation.h"

NEOERR *site_operators_link(web_request *req)
{
	char github_id[GITHUB_ID_MAX + 1], secret[IDENTITY_SECRET_LEN + 1];
	int used;
	db_t *db;
	NEOERR *err = web_header(req, "Cache-Control", "no-store");

	if (!err)
		err = web_db(req, &db);
	if (err)
		return nerr_pass(err);
	used = moderation_link_use(db, req->params[0], github_id);
	if (used < 0)
		return web_db_error(db, "using an operator link");
	if (used == 0 || !moderation_listed(req->settings, github_id)) {
		log_warn("operator link: refused a link that is not valid");
		return nerr_pass(web_error_page(req, 403, web_text(req, "Text.Site.Operators.LinkInvalid")));
	}
	if (identity_grant_operator(db, github_id, web_cookie(req, IDENTITY_COOKIE),
				    req->settings->moderation_operator_hours, secret) != 0)
		return web_db_error(db, "giving an operator their ID");
	if (moderation_log(db, github_id, "operator-link-used", github_id, NULL, NULL) != 0)
		return web_db_error(db, "logging an operator link");
	log_info("operator link: %s is an operator in this browser", github_id);
	err = web_cookie_set(req, IDENTITY_COOKIE, secret, req->settings->identity_hold_days * 86400L);
	if (!err)
		err = web_redirect(req, 303, "/operators");
	return nerr_pass(err);
}
