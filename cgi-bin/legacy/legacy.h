/* legacy.h — the legacy target's pages: the front page, the bubble sort, its source. */
#ifndef LEGACY_LEGACY_H
#define LEGACY_LEGACY_H

#include "web.h"

/* The routes' pages (main.c). */
web_page legacy_front_render, legacy_front_redirect, legacy_random_render, legacy_source_render;

/* Works out how many bubble sorts make up one /legacy/random request from
 * Legacy.CostMs (default 10 ms of CPU) or a fixed Legacy.SortRounds. */
int legacy_random_init(const struct settings *settings);

#endif
