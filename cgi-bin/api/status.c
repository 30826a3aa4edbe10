/* status.c — "/api/status": this host's CPU, disk and network activity as JSON.
 *
 * A sampler thread reads /proc every second, so a request answers at once
 * with the latest interval instead of sleeping through one. */
#include "api.h"

#include "status.h"

#include <unistd.h>

int api_status_init(const struct settings *settings)
{
	return status_sampler_start_from(settings);
}

NEOERR *api_status_render(web_request *req)
{
	struct status_values v;
	json_t *body;
	NEOERR *err;

	if (status_sampler_latest(&v) != 0)
		return nerr_raise(NERR_SYSTEM, "host status unavailable");
	/* The headers first: a failure then leaves nothing to free. Which host
	 * measured is a header, so the body stays the five fields: a web host
	 * of a cluster may answer for the attack target (docs/SCALING.md). */
	err = web_header(req, "Cache-Control", "no-store");
	if (!err) {
		char host[65] = "";

		gethostname(host, sizeof(host) - 1);
		err = web_header(req, "X-Status-Host", host);
	}
	if (err)
		return nerr_pass(err);
	body = json_pack("{s:f,s:f,s:f,s:f,s:f}", "cpuutilization", v.cpuutilization,
			 "disk_read_bytes", v.disk_read_bytes, "disk_write_bytes",
			 v.disk_write_bytes, "network_in", v.network_in, "network_out", v.network_out);
	if (!body)
		return nerr_raise(NERR_NOMEM, "status JSON");
	return nerr_pass(web_json(req, 200, body));
}
