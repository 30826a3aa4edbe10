/* site.h — the pages of the site program: the entrance, the hall shell and the exhibits. */
#ifndef SITE_SITE_H
#define SITE_SITE_H

#include "web.h"

NEOERR *entrance_page_render(web_request *req);
NEOERR *entrance_form_submit(web_request *req);
NEOERR *exhibit_list_render(web_request *req);
NEOERR *exhibit_page_render(web_request *req);
NEOERR *exhibit_go(web_request *req);

#endif
