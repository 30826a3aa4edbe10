/* charmap.h — characters in the hall by GitHub ID: a small chained hash map.
 *
 * GitHub IDs are case-insensitive, so "Alice" and "alice" are one character;
 * the entry keeps the spelling it was created with. */
#ifndef HALLD_CHARMAP_H
#define HALLD_CHARMAP_H

#include <stddef.h>

#include "github.h"

/* A token bucket: at most rate per second, bursts of up to burst
 * (halld/session.c, session_allow). */
struct hall_bucket {
	double tokens;
	double at;
};

struct charmap_entry {
	struct charmap_entry *next;
	char id[GITHUB_ID_MAX + 1];
	double x, y;
	unsigned conns;   /* local map: open connections speaking for this ID */
	int verified;     /* a GitHub sign-in proved the ID (sent as "verified": true) */
	int operator;     /* one of the venue's operators, proven (sent as "operator": true) */
	int busy;         /* SET_STATUS busy: kept out of calls (proximity.c) */
	int mark;         /* scratch flag for whoever walks the map */
	/* local map: the ID's chat limit, shared by all its connections, so
	 * that one ID with many tabs is still one person chatting */
	struct hall_bucket chats;
};

struct charmap {
	struct charmap_entry **buckets;
	size_t nbuckets;
	size_t count;
};

/* An empty map; never fails (buckets are allocated on first insert). */
void charmap_init(struct charmap *m);

/* Frees every entry and the buckets; the map is empty and usable again. */
void charmap_clear(struct charmap *m);

/* The entry for id, or NULL. */
struct charmap_entry *charmap_get(const struct charmap *m, const char *id);

/* The entry for id, created at (x, y) when missing (*created set to 1).
 * Returns NULL when out of memory. */
struct charmap_entry *charmap_put(struct charmap *m, const char *id, double x, double y,
				  int *created);

/* Removes and frees the entry for id; no-op when missing. */
void charmap_remove(struct charmap *m, const char *id);

/* Walks every entry; the loop body may change an entry but not add or remove one. */
#define charmap_foreach(m, e) \
	for (size_t charmap_i_ = 0; charmap_i_ < (m)->nbuckets; charmap_i_++) \
		for (struct charmap_entry *e = (m)->buckets[charmap_i_]; e; e = e->next)

#endif
