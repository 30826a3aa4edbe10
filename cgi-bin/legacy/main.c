/* main.c — the legacy target: the service the critics throw masakari at. */
#include "legacy.h"

static const struct web_route legacy_routes[] = {
	{ "GET", "/legacy", legacy_front_redirect, 0 },
	{ "GET", "/legacy/", legacy_front_render, 0 },
	/* Never cached: each request is meant to cost its bubble sort. */
	{ "GET", "/legacy/random", legacy_random_render, 0 },
	{ "GET", "/legacy/source", legacy_source_render, 0 },
	{ NULL, NULL, NULL, 0 },
};

static int legacy_init(const struct settings *settings)
{
	return legacy_random_init(settings);
}

int main(void)
{
	const struct web_app app = { .name = "legacy.fcgi", .routes = legacy_routes,
				     .init = legacy_init };

	return web_main(&app);
}
