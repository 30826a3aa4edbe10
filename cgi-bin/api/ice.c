/* ice.c — "/api/ice": the STUN and TURN servers the hall's calls use, with
 * time-limited TURN credentials (lib/turn.h), for a visitor who holds an ID:
 * a relay is handed only to someone the hall knows. */
#include "api.h"

#include <time.h>

#include "turn.h"

NEOERR *api_ice_render(web_request *req)
{
	const char *id = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	json_t *body;
	NEOERR *err;

	if (!id) {
		if (hdf_get_int_value(req->hdf, "Page.IdentityUnknown", 0))
			return nerr_raise(WEB_ERR_DB_DOWN, "%s", web_text(req, "Text.Common.Error.DbDown"));
		return nerr_raise(WEB_ERR_FORBIDDEN, "%s", web_text(req, "Text.Common.Error.IceNoIdentity"));
	}
	/* Credentials are the visitor's own, and they expire. */
	err = web_header(req, "Cache-Control", "no-store");
	if (err)
		return nerr_pass(err);
	body = turn_ice_servers(req->settings, id, time(NULL));
	if (!body)
		return nerr_raise(NERR_NOMEM, "ICE servers");
	return nerr_pass(web_json(req, 200, body));
}
