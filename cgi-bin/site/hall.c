/* hall.c — "/" once the visitor has an ID: the live exhibition hall, whose
 * content is the list of exhibits (static/js/hall.js builds the walkable hall
 * on top of it). entrance.c decides which of the two "/" shows. */
#include "site.h"

#include "exhibit_store.h"

NEOERR *site_hall_render(web_request *req)
{
	NEOERR *err = exhibit_store_copy_all(req, "Exhibits");
	const char *token;

	/* How many video streams the page shows before calls go audio only. */
	if (!err)
		err = hdf_set_int_value(req->hdf, "Page.VideoMax", (int)req->settings->hall_video_max);
	/* Each stand shows its likes; a kept hall may be Cache.PagesSeconds
	 * old, but never after the visitor's own like (likes_changed). */
	if (!err)
		err = likes_copy_counts(req, "Exhibits");
	/* Every visitor gets a CSRF token: the hall's script sends it with a
	 * report (and an operator's acts), one signed in with GitHub with the
	 * sign-out form. */
	if (!err)
		err = web_csrf_token(req, &token);
	if (!err)
		err = web_render(req, "site/hall.cs");
	return nerr_pass(err);
}
