/* web_cache.c — the page cache: a WEB_CACHED route's whole response
 * (headers and body, as sent) kept per process, so the next identical
 * request is answered before the cgi kit even parses it (see web.h). */
#include "web_internal.h"

#include "identity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WEB_CACHE_SLOTS 256

static struct web_cache_entry web_cache[WEB_CACHE_SLOTS];
long web_cache_ttl;
long web_cache_hold_days = 30;

/* Direct-mapped by a hash of the key: a colliding page simply replaces the old one. */
static struct web_cache_entry *web_cache_slot(const char *key)
{
	unsigned long h = 5381;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return &web_cache[h % WEB_CACHE_SLOTS];
}

void web_cache_greeting(const char *github_id, int verified, char out[WEB_CACHE_GREETED])
{
	if (github_id && *github_id)
		snprintf(out, WEB_CACHE_GREETED, "%d%s", verified ? 1 : 0, github_id);
	else
		out[0] = '\0';
}

void web_cache_store(const char *key, const STRING *response, const char *secret, const char *greeted)
{
	struct web_cache_entry *e = web_cache_slot(key);
	char *k = strdup(key), *r = malloc((size_t)response->len + 1);
	char *sec = secret ? strdup(secret) : NULL;

	if (!k || !r || (secret && !sec)) {
		free(k);
		free(r);
		free(sec);
		return;
	}
	memcpy(r, response->buf, (size_t)response->len);
	r[response->len] = '\0';
	free(e->key);
	free(e->response);
	free(e->secret);
	*e = (struct web_cache_entry){ .key = k, .response = r, .len = (size_t)response->len,
					.at = time(NULL), .secret = sec };
	snprintf(e->greeted, sizeof(e->greeted), "%s", greeted);
}

const struct web_cache_entry *web_cache_lookup(const char *key)
{
	const struct web_cache_entry *e = web_cache_slot(key);
	struct identity who;
	char now[WEB_CACHE_GREETED];
	int found;

	if (!e->key || strcmp(e->key, key) != 0 || time(NULL) - e->at >= web_cache_ttl)
		return NULL;
	if (!e->secret)
		return e;
	/* Still the same visitor? When that cannot be known, render afresh. */
	found = db_connect(web_dbh) == 0 ? identity_lookup(web_dbh, e->secret, web_cache_hold_days, &who) : -1;
	if (found < 0)
		return NULL;
	web_cache_greeting(found ? who.github_id : NULL, found && who.verified, now);
	return strcmp(now, e->greeted) == 0 ? e : NULL;
}
