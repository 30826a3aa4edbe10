/* web_cache.c — the page cache: a WEB_CACHED route's whole response
 * (headers and body, as sent) kept per process, so the next identical
 * request is answered before the cgi kit even parses it (see web.h). */
#include "web_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WEB_CACHE_SLOTS 256

static struct web_cache_entry web_cache[WEB_CACHE_SLOTS];
long web_cache_ttl;

/* Direct-mapped by a hash of the key: a colliding page simply replaces the old one. */
static struct web_cache_entry *web_cache_slot(const char *key)
{
	unsigned long h = 5381;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return &web_cache[h % WEB_CACHE_SLOTS];
}

void web_cache_store(const char *key, const STRING *response)
{
	struct web_cache_entry *e = web_cache_slot(key);
	char *k = strdup(key), *r = malloc((size_t)response->len + 1);

	if (!k || !r) {
		free(k);
		free(r);
		return;
	}
	memcpy(r, response->buf, (size_t)response->len);
	r[response->len] = '\0';
	free(e->key);
	free(e->response);
	*e = (struct web_cache_entry){ .key = k, .response = r, .len = (size_t)response->len,
					.at = time(NULL) };
}

const struct web_cache_entry *web_cache_lookup(const char *key)
{
	const struct web_cache_entry *e = web_cache_slot(key);

	if (!e->key || strcmp(e->key, key) != 0 || time(NULL) - e->at >= web_cache_ttl)
		return NULL;
	return e;
}
