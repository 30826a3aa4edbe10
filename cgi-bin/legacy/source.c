/* source.c — "/legacy/source": the legacy target's own code, for critics to read. */
#include "legacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Only these files are shown: the query names one of them, never a path. */
static const char *const legacy_source_files[] = {
	"cgi-bin/legacy/main.c",
	"cgi-bin/legacy/front.c",
	"cgi-bin/legacy/random.c",
	"cgi-bin/legacy/source.c",
	"cgi-bin/legacy/legacy.h",
	"templates/legacy/front.cs",
	"templates/legacy/random.cs",
	"templates/legacy/source.cs",
	"lib/web.c",
	"lib/db.c",
	"lib/status.c",
	"etc/nginx.conf.in",
	"Makefile",
	NULL,
};

#define SOURCE_MAX_BYTES (256 * 1024)

static NEOERR *read_source(web_request *req, const char *root, const char *name, char **out)
{
	char path[1024];
	FILE *f;
	char *buf;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	f = fopen(path, "r");
	if (!f)
		return nerr_raise(WEB_ERR_NOT_FOUND, "%s",
				  web_text(req, "Text.Legacy.Source.NotInstalled"));
	buf = malloc(SOURCE_MAX_BYTES + 1);
	if (!buf) {
		fclose(f);
		return nerr_raise(NERR_NOMEM, "source buffer");
	}
	n = fread(buf, 1, SOURCE_MAX_BYTES, f);
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	return STATUS_OK;
}

NEOERR *legacy_source_render(web_request *req)
{
	const char *root = req->settings->paths_source;
	const char *want;
	NEOERR *err = web_field(req, "file", &want);
	int found = -1;

	for (int i = 0; legacy_source_files[i] && !err; i++) {
		err = hdf_set_valuef(req->hdf, "Source.Files.%d=%s", i, legacy_source_files[i]);
		if (want && strcmp(want, legacy_source_files[i]) == 0)
			found = i;
	}
	if (!err && want && found < 0)
		err = nerr_raise(WEB_ERR_NOT_FOUND, "%s",
				 web_text(req, "Text.Legacy.Source.NotPublished"));
	if (!err && found >= 0) {
		char *text = NULL;

		err = read_source(req, root, legacy_source_files[found], &text);
		if (!err)
			err = hdf_set_value(req->hdf, "Source.Name", legacy_source_files[found]);
		if (!err)
			err = hdf_set_value(req->hdf, "Source.Text", text);
		free(text);
	}
	if (!err)
		err = web_render(req, "legacy/source.cs");
	return nerr_pass(err);
}
