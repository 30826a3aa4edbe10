/* api.h — the JSON endpoints under /api/. */
#ifndef API_API_H
#define API_API_H

#include "web.h"

/* The routes' pages (main.c). */
web_page api_status_render, api_throws_render, api_ice_render;

int api_status_init(const struct settings *settings);

#endif
