/* web_request.c — what a handler reads from its request: form fields (one
 * value each), the client's address, texts in the visitor's language, and
 * the process's database handle with the error a failed statement raises. */
#include "web_internal.h"

#include <stdarg.h>

#include "log.h"

const char *web_text(web_request *req, const char *key)
{
	return lang_text(req->lang, key);
}

const char *web_text_fill(web_request *req, char *buf, size_t buflen, const char *key, ...)
{
	const char *args[10];
	size_t n = 0;
	va_list ap;

	va_start(ap, key);
	while (n < 9 && (args[n] = va_arg(ap, const char *)))
		n++;
	va_end(ap);
	args[n] = NULL;
	return lang_fill(buf, buflen, web_text(req, key), args);
}

NEOERR *web_field(web_request *req, const char *name, const char **value)
{
	HDF *obj = hdf_get_obj(hdf_get_obj(req->hdf, "Query"), name);

	*value = NULL;
	/* A repeated field becomes a node with children in the cgi kit: which of
	 * its values was meant cannot be known, so neither is taken. */
	if (obj && hdf_obj_child(obj))
	{
		char msg[512];

		return nerr_raise(WEB_ERR_BAD_REQUEST, "%s",
				  web_text_fill(req, msg, sizeof(msg), "Text.Common.Error.FieldTwice",
						name, NULL));
	}
	if (obj)
		*value = hdf_obj_value(obj);
	return STATUS_OK;
}

const char *web_remote_addr(web_request *req)
{
	return hdf_get_value(req->hdf, "CGI.RemoteAddress", "");
}

NEOERR *web_db(web_request *req, db_t **out)
{
	if (db_connect(web_dbh) != 0) {
		log_warn("%s", db_error(web_dbh));
		return nerr_raise(WEB_ERR_DB_DOWN, "%s", web_text(req, "Text.Common.Error.DbDown"));
	}
	*out = web_dbh;
	return STATUS_OK;
}

NEOERR *web_db_error(db_t *db, const char *what)
{
	if (db_is_full(db)) {
		log_error("%s: the database has no room left to write (disk full?): %s", what,
			  db_error(db));
		return nerr_raise(WEB_ERR_DB_DOWN, "%s",
				  lang_text(web_current_lang, "Text.Common.Error.DbFull"));
	}
	log_error("%s: %s", what, db_error(db));
	if (db_is_outage(db))
		return nerr_raise(WEB_ERR_DB_DOWN, "%s",
				  lang_text(web_current_lang, "Text.Common.Error.DbDown"));
	return nerr_raise(NERR_DB, "%s: %s", what, db_error(db));
}
