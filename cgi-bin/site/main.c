/* main.c — the site program: entrance, hall and exhibit pages. */
#include "site.h"

static const struct web_route site_routes[] = {
	{ "GET", "/", entrance_page_render },
	{ "POST", "/", entrance_form_submit },
	{ "GET", "/exhibits/", exhibit_list_render },
	{ "GET", "/exhibits/*", exhibit_page_render },
	{ "GET", "/exhibits/*/go", exhibit_go },
	{ NULL, NULL, NULL },
};

int main(void)
{
	const struct web_app app = { .name = "site.fcgi", .routes = site_routes };

	return web_main(&app);
}
