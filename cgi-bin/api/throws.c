/* throws.c — "/api/throws/<id>": one throw and its attack job as JSON, polled
 * by the throw page for live progress. */
#include "api.h"

#include "throws.h"

NEOERR *api_throws_render(web_request *req)
{
	struct throw_view v;
	json_t *body;
	NEOERR *err = throw_view_lookup(req, req->params[0], &v);

	if (err)
		return nerr_pass(err);
	/* Progress changes every second: never serve it from a cache. The header
	 * goes first, so that a failure leaves no body to free. */
	err = web_header(req, "Cache-Control", "no-store");
	body = err ? NULL : throw_view_json(&v);
	throw_view_free(&v);
	if (err)
		return nerr_pass(err);
	if (!body)
		return nerr_raise(NERR_NOMEM, "throw JSON");
	return nerr_pass(web_json(req, 200, body));
}
