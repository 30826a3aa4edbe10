/* main.c — the site program: entrance, hall, exhibit pages, likes and
 * guestbooks, the operators' page and the team's numbers. */
#include "site.h"

static const struct web_route site_routes[] = {
	/* The entrance depends on the cookies only, the exhibit pages on the
	 * exhibit data too, which changes only with a new seed, and on the likes
	 * and notes, which may be Cache.PagesSeconds old except to the visitor
	 * who made them (likes_changed). */
	{ "GET", "/", site_entrance_render, WEB_CACHED },
	{ "POST", "/", site_entrance_submit, 0 },
	{ "GET", "/exhibits/", site_exhibit_list_render, WEB_CACHED },
	{ "GET", "/exhibits/*", site_exhibit_render, WEB_CACHED },
	{ "GET", "/exhibits/*/go", site_exhibit_go, 0 },
	/* What visitors answer (likes.c, guestbook.c): forms with CSRF tokens. */
	{ "POST", "/exhibits/*/like", site_exhibit_like, 0 },
	{ "POST", "/exhibits/*/notes", site_guestbook_post, 0 },
	{ "POST", "/exhibits/*/notes/*/delete", site_guestbook_delete, 0 },
	/* The team's numbers (insights.c), for operators only. */
	{ "GET", "/operators/insights", site_insights_render, 0 },
	{ "GET", "/operators/insights.csv", site_insights_csv, 0 },
	{ "POST", "/operators/insights/team", site_insights_team_add, 0 },
	/* Sign-in with GitHub (login.c): never cached, each sets cookies. */
	{ "POST", "/login/github", site_login_github, 0 },
	{ "GET", "/login/github/callback", site_login_github_callback, 0 },
	{ "POST", "/logout", site_login_logout, 0 },
	/* Running the venue (operators.c, operators_link.c, report.c): never
	 * cached, each is the state of the moment or changes it. */
	{ "GET", "/operators", site_operators_render, 0 },
	{ "POST", "/operators", site_operators_submit, 0 },
	{ "GET", "/operators/link/*", site_operators_link, 0 },
	{ "POST", "/report", site_report_submit, 0 },
	{ NULL, NULL, NULL, 0 },
};

int main(void)
{
	const struct web_app app = { .name = "site.fcgi", .routes = site_routes };

	return web_main(&app);
}
