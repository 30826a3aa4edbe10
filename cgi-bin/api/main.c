/* main.c — the api program: JSON endpoints under /api/. */
#include "api.h"

static const struct web_route api_routes[] = {
	{ "GET", "/api/status", api_status_render, 0 },
	{ "GET", "/api/throws/*", api_throws_render, 0 },
	{ "GET", "/api/ice", api_ice_render, 0 },
	{ NULL, NULL, NULL, 0 },
};

static int api_init(const struct settings *settings)
{
	return api_status_init(settings);
}

int main(void)
{
	const struct web_app app = { .name = "api.fcgi", .routes = api_routes, .init = api_init };

	return web_main(&app);
}
