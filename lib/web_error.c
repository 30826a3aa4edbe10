/* web_error.c — error pages: a handler's NEOERR (WEB_ERR_* types, web.h)
 * turned into the page with the matching status, or JSON under /api/. */
#include "web_internal.h"

#include <stdio.h>
#include <string.h>

#include "log.h"

static int error_status(NEOERR *err)
{
	if (nerr_match(err, WEB_ERR_BAD_REQUEST))
		return 400;
	if (nerr_match(err, WEB_ERR_FORBIDDEN))
		return 403;
	if (nerr_match(err, WEB_ERR_NOT_FOUND))
		return 404;
	if (nerr_match(err, WEB_ERR_TOO_MANY))
		return 429;
	if (nerr_match(err, WEB_ERR_DB_DOWN))
		return 503;
	return 500;
}

static const char *error_message(NEOERR *err)
{
	while (err && err != INTERNAL_ERR && err->error == NERR_PASS && err->next)
		err = err->next;
	return (err && err != INTERNAL_ERR) ? err->desc : "";
}

void web_error_send(web_request *req, int status, const char *message)
{
	NEOERR *err;

	req->status = status;
	if (strncmp(req->path, "/api/", 5) == 0) {
		json_t *body = json_pack("{s:i,s:s}", "status", status, "error", message);

		err = body ? web_json(req, status, body) : nerr_raise(NERR_NOMEM, "json");
	} else {
		char key[64];

		snprintf(key, sizeof(key), "Text.Common.Status.S%d", status);
		err = hdf_set_int_value(req->hdf, "Error.Status", status);
		/* The reason phrase in the visitor's language where the catalog has one. */
		if (!err)
			err = hdf_set_value(req->hdf, "Error.Reason",
					    hdf_get_value(lang_catalog(req->lang), key, web_reason_phrase(status)));
		if (!err)
			err = hdf_set_value(req->hdf, "Error.Message", message);
		if (!err)
			err = web_render(req, "error.cs");
	}
	if (err) {
		/* The error page itself failed: fall back to plain text. */
		log_error("error page failed for %d", status);
		nerr_ignore(&err);
		cgiwrap_writef("Status: %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
			       "X-Content-Type-Options: nosniff\r\n\r\n%d %s\n%s\n",
			       status, web_reason_phrase(status), status, web_reason_phrase(status), message);
	}
}

void web_error_report(web_request *req, NEOERR *err)
{
	int status = error_status(err);

	if (status >= 500 && status != 503) {
		STRING trace;

		string_init(&trace);
		nerr_error_traceback(err, &trace);
		log_error("%s %s failed: %s", req->method, req->path, trace.buf ? trace.buf : "");
		string_clear(&trace);
		web_error_send(req, status, web_text(req, "Text.Common.Error.Internal"));
	} else {
		web_error_send(req, status, error_message(err));
	}
	nerr_ignore(&err);
}
