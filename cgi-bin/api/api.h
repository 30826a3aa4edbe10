/* api.h — the JSON endpoints under /api/. */
#ifndef API_API_H
#define API_API_H

#include "web.h"

NEOERR *api_status_render(web_request *req);
int api_status_init(const struct settings *settings);
NEOERR *api_throws_render(web_request *req);
NEOERR *api_ice_render(web_request *req);

#endif
