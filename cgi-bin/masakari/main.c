/* main.c — the masakari program: the game's pages under /masakari. */
#include "masakari.h"

#include "status.h"

static const struct web_route masakari_routes[] = {
	{ "GET", "/masakari", masakari_home_render, 0 },
	{ "POST", "/masakari/throw", masakari_throw_submit, 0 },
	{ "GET", "/masakari/throws/*", masakari_throw_page_render, 0 },
	{ "GET", "/masakari/ranking", masakari_ranking_render, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* The HP bar opens with the latest reading, so this program samples too. */
static int masakari_init(const struct settings *settings)
{
	return status_sampler_start_from(settings);
}

int main(void)
{
	const struct web_app app = { .name = "masakari.fcgi", .routes = masakari_routes,
				     .init = masakari_init };

	return web_main(&app);
}
