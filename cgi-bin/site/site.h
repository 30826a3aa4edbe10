/* site.h — the pages of the site program: the entrance, the hall shell, the
 * exhibits, and the operators' page with visitors' reports. */
#ifndef SITE_SITE_H
#define SITE_SITE_H

#include "web.h"

NEOERR *site_entrance_render(web_request *req);
NEOERR *site_entrance_submit(web_request *req);
NEOERR *site_hall_render(web_request *req);
NEOERR *site_exhibit_list_render(web_request *req);
NEOERR *site_exhibit_render(web_request *req);
NEOERR *site_exhibit_go(web_request *req);
NEOERR *site_login_github(web_request *req);
NEOERR *site_login_github_callback(web_request *req);
NEOERR *site_login_logout(web_request *req);
NEOERR *site_operators_render(web_request *req);
NEOERR *site_operators_submit(web_request *req);
NEOERR *site_operators_link(web_request *req);
NEOERR *site_report_submit(web_request *req);

#endif
