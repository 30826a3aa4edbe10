/* charmap.c — characters in the hall by GitHub ID: a small chained hash map. */
#include "charmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static uint32_t charmap_hash(const char *id)
{
	uint32_t h = 2166136261u;   /* FNV-1a over the lower-cased ID */

	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		unsigned char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 16777619u;
	}
	return h;
}

void charmap_init(struct charmap *m)
{
	memset(m, 0, sizeof(*m));
}

void charmap_clear(struct charmap *m)
{
	for (size_t i = 0; i < m->nbuckets; i++) {
		struct charmap_entry *e = m->buckets[i];

		while (e) {
			struct charmap_entry *next = e->next;

			free(e);
			e = next;
		}
	}
	free(m->buckets);
	charmap_init(m);
}

struct charmap_entry *charmap_get(const struct charmap *m, const char *id)
{
	if (!m->nbuckets)
		return NULL;
	for (struct charmap_entry *e = m->buckets[charmap_hash(id) & (m->nbuckets - 1)]; e;
	     e = e->next)
		if (strcasecmp(e->id, id) == 0)
			return e;
	return NULL;
}

/* Doubles the bucket array once the map holds as many entries as buckets. */
static int charmap_grow(struct charmap *m)
{
	size_t n = m->nbuckets ? m->nbuckets * 2 : 64;
	struct charmap_entry **b = calloc(n, sizeof(*b));

	if (!b)
		return -1;
	for (size_t i = 0; i < m->nbuckets; i++) {
		struct charmap_entry *e = m->buckets[i];

		while (e) {
			struct charmap_entry *next = e->next;
			size_t at = charmap_hash(e->id) & (n - 1);

			e->next = b[at];
			b[at] = e;
			e = next;
		}
	}
	free(m->buckets);
	m->buckets = b;
	m->nbuckets = n;
	return 0;
}

struct charmap_entry *charmap_put(struct charmap *m, const char *id, double x, double y,
				  int *created)
{
	struct charmap_entry *e = charmap_get(m, id);
	size_t at;

	*created = 0;
	if (e)
		return e;
	if (m->count >= m->nbuckets && charmap_grow(m) != 0)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	strncpy(e->id, id, GITHUB_ID_MAX);
	e->x = x;
	e->y = y;
	at = charmap_hash(id) & (m->nbuckets - 1);
	e->next = m->buckets[at];
	m->buckets[at] = e;
	m->count++;
	*created = 1;
	return e;
}

void charmap_remove(struct charmap *m, const char *id)
{
	struct charmap_entry **pp;

	if (!m->nbuckets)
		return;
	for (pp = &m->buckets[charmap_hash(id) & (m->nbuckets - 1)]; *pp; pp = &(*pp)->next) {
		if (strcasecmp((*pp)->id, id) == 0) {
			struct charmap_entry *e = *pp;

			*pp = e->next;
			free(e);
			m->count--;
			return;
		}
	}
}
