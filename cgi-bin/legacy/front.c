/* front.c — "/legacy/": the legacy target's front page. */
#include "legacy.h"

NEOERR *legacy_front_redirect(web_request *req)
{
	return nerr_pass(web_redirect(req, 301, "/legacy/"));
}

NEOERR *legacy_front_render(web_request *req)
{
	const char *repo = req->settings->site_repository_url;
	NEOERR *err = STATUS_OK;

	if (repo && *repo)
		err = hdf_set_value(req->hdf, "Legacy.RepositoryUrl", repo);
	if (!err)
		err = web_render(req, "legacy/front.cs");
	return nerr_pass(err);
}
