/* proximity.c — the hall's bubbles: who is near whom, told to each visitor
 * as PROXIMITY whenever the set changes (docs/HALL.md, "Near each other").
 *
 * At every tick each visitor, here or on another daemon, gets a list of the
 * nearest others within Hall.ProximityRadius (at most Hall.BubbleMax), or,
 * standing at an exhibit's booth, of everyone at that booth. Two visitors
 * are peers when each is on the other's list, so both sides agree and a
 * call is never one-sided; every daemon works it out from the same
 * positions (hall_presence), so a pair on two daemons agrees too. The
 * neighbours are found through a grid of radius-sized cells: a visitor
 * looks at nine cells, not at the whole hall. */
#include "hall.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"
#include "log.h"
#include "worker.h"

/* Everyone at a booth is a peer, up to this many: a mesh of sixteen is
 * already more than a laptop sends comfortably. */
#define PROXIMITY_BOOTH_MAX 15
/* A booth is the stand's picture and title plus the margin the page uses
 * to say "you are at it" (hall.js, STAND_MARGIN). */
#define PROXIMITY_BOOTH_HALF_W 160.0
#define PROXIMITY_BOOTH_HALF_H 135.0
#define PROXIMITY_NONE UINT_MAX

struct proximity_visitor {
	const char *id;
	double x, y;
	int booth;                     /* index in hall->booths, -1: none */
	int busy;
};

struct candidate {
	unsigned who;
	double d2;
};

static int booth_of(const struct hall *hall, double x, double y)
{
	for (size_t b = 0; b < hall->nbooths; b++)
		if (fabs(x - hall->booths[b].x) <= PROXIMITY_BOOTH_HALF_W &&
		    fabs(y - hall->booths[b].y) <= PROXIMITY_BOOTH_HALF_H)
			return (int)b;
	return -1;
}

/* Grows *p to hold n items of size each; 0, or -1 when out of memory. */
static int grow(void *p, size_t *cap, size_t n, size_t size)
{
	void *grown;

	if (n <= *cap)
		return 0;
	grown = realloc(*(void **)p, n * size);
	if (!grown)
		return -1;
	*(void **)p = grown;
	*cap = n;
	return 0;
}

/* The nearer first; equals by ID, so every daemon orders them alike. */
static int closer(const struct proximity_visitor *v, const struct candidate *a,
		  const struct candidate *b)
{
	if (a->d2 != b->d2)
		return a->d2 < b->d2;
	return strcasecmp(v[a->who].id, v[b->who].id) < 0;
}

/* Offers (who, d2) to c, the *m best so far, best first, at most want of
 * them: one insertion a candidate, so the bubble costs one comparison for
 * most of them rather than one per place in it. Ties go to the earlier
 * offer, as a selection of the best among all of them would. */
static void offer(const struct proximity_visitor *v, struct candidate *c, size_t *m, size_t want,
		  unsigned who, double d2)
{
	struct candidate x = { who, d2 };
	size_t i = *m;

	if (!want)
		return;
	if (i == want) {
		if (!closer(v, &x, &c[i - 1]))
			return;
		i--;
	} else {
		(*m)++;
	}
	for (; i > 0 && closer(v, &x, &c[i - 1]); i--)
		c[i] = c[i - 1];
	c[i] = x;
}

static int listed(const unsigned *list, unsigned n, unsigned who)
{
	for (unsigned i = 0; i < n; i++)
		if (list[i] == who)
			return 1;
	return 0;
}

/* FNV-1a over what a PROXIMITY says: a change sends a new one. */
static unsigned long digest_add(unsigned long h, const char *id, int busy)
{
	for (const char *p = id; *p; p++) {
		h ^= (unsigned char)(*p | 0x20);
		h *= 1099511628211UL;
	}
	h ^= busy ? 2u : 1u;
	h *= 1099511628211UL;
	return h;
}

static void send_proximity(struct hall_session *s, const struct proximity_visitor *v,
			   const unsigned *peers, unsigned n)
{
	json_t *j = json_pack("{s:s,s:[],s:[]}", "action", "PROXIMITY", "peers", "busy");
	json_t *ids = json_object_get(j, "peers"), *busy = json_object_get(j, "busy");
	struct hall_msg *m;

	for (unsigned i = 0; j && i < n; i++) {
		json_array_append_new(ids, json_string(v[peers[i]].id));
		if (v[peers[i]].busy)
			json_array_append_new(busy, json_string(v[peers[i]].id));
	}
	m = j ? msg_json(j) : NULL;
	json_decref(j);
	if (m)
		session_send(s, m);
	msg_unref(m);
}

/* Remembers s's peers for rtc.c; 0, or -1 when out of memory. */
static int keep_peers(struct hall_session *s, const struct proximity_visitor *v,
		      const unsigned *peers, unsigned n)
{
	char (*ids)[GITHUB_ID_MAX + 1] = NULL;

	if (n && !(ids = calloc(n, sizeof(*ids))))
		return -1;
	for (unsigned i = 0; i < n; i++)
		memcpy(ids[i], v[peers[i]].id, strlen(v[peers[i]].id) + 1);
	free(s->peers);
	s->peers = ids;
	s->npeers = n;
	return 0;
}

void proximity_publish(struct hall *hall)
{
	struct proximity_visitor *v;
	struct candidate *cand = NULL;
	unsigned *head, *next, *lists, *counts;
	size_t n = 0, total = hall->local.count + hall->remote.count, cells;
	size_t k = hall->bubble_max > PROXIMITY_BOOTH_MAX ? hall->bubble_max : PROXIMITY_BOOTH_MAX;
	double r = hall->proximity_radius, r2 = r * r;
	unsigned side;

	/* Off, or nobody here to tell. */
	if (r <= 0 || !hall->local.count)
		return;
	side = (unsigned)(INPUT_WORLD_SIZE / r) + 1;
	cells = (size_t)side * side;
	if (grow(&hall->near, &hall->near_cap, total + 1, sizeof(*hall->near)) ||
	    grow(&hall->near_grid, &hall->near_grid_cap, cells, sizeof(unsigned)) ||
	    grow(&hall->near_lists, &hall->near_lists_cap, (total + 1) * (k + 2), sizeof(unsigned)) ||
	    !(cand = malloc(k * sizeof(*cand)))) {
		log_error("out of memory working out who is near whom");
		return;
	}
	v = hall->near;
	head = hall->near_grid;
	/* One allocation for the lists, the counts and the grid's chains. */
	lists = hall->near_lists;
	counts = lists + (total + 1) * k;
	next = counts + (total + 1);

	/* Everyone: this daemon's visitors, then the others' (an ID on both is
	 * this daemon's). A local entry's mark is its index + 1. */
	charmap_foreach(&hall->local, e) {
		v[n] = (struct proximity_visitor){ e->id, e->x, e->y, booth_of(hall, e->x, e->y), e->busy };
		e->mark = (int)++n;
	}
	charmap_foreach(&hall->remote, e) {
		if (charmap_get(&hall->local, e->id))
			continue;
		v[n] = (struct proximity_visitor){ e->id, e->x, e->y, booth_of(hall, e->x, e->y), e->busy };
		n++;
	}
	for (size_t c = 0; c < cells; c++)
		head[c] = PROXIMITY_NONE;
	for (size_t i = 0; i < n; i++) {
		size_t c = (size_t)(v[i].y / r) * side + (size_t)(v[i].x / r);

		next[i] = head[c];
		head[c] = (unsigned)i;
	}

	/* Each one's nearest: its booth-mates (at a booth, the booth is the
	 * bubble), else whoever is within the radius in the nine cells around. */
	for (size_t i = 0; i < n; i++) {
		size_t m = 0, want;
		unsigned cx = (unsigned)(v[i].x / r), cy = (unsigned)(v[i].y / r);

		if (v[i].booth >= 0) {
			/* A booth may be wider than a cell: its people are looked for
			 * among everyone. */
			want = PROXIMITY_BOOTH_MAX;
			for (size_t j = 0; j < n; j++)
				if (j != i && v[j].booth == v[i].booth) {
					double dx = v[j].x - v[i].x, dy = v[j].y - v[i].y;

					offer(v, cand, &m, want, (unsigned)j, dx * dx + dy * dy);
				}
		} else {
			want = hall->bubble_max < k ? hall->bubble_max : k;
			for (unsigned y = cy ? cy - 1 : 0; y <= cy + 1 && y < side; y++)
				for (unsigned x = cx ? cx - 1 : 0; x <= cx + 1 && x < side; x++)
					for (unsigned j = head[(size_t)y * side + x]; j != PROXIMITY_NONE;
					     j = next[j]) {
						double dx = v[j].x - v[i].x, dy = v[j].y - v[i].y;
						double d2 = dx * dx + dy * dy;

						/* Someone at a booth is in its bubble, not ours;
						 * one farther than a full bubble's last is out. */
						if (j != i && v[j].booth < 0 && d2 <= r2 &&
						    (m < want || d2 <= cand[m - 1].d2))
							offer(v, cand, &m, want, j, d2);
					}
		}
		for (size_t c = 0; c < m; c++)
			lists[i * k + c] = cand[c].who;
		counts[i] = (unsigned)m;
	}

	/* Tell each connection its visitor's mutual peers when they changed. */
	lws_start_foreach_dll(struct lws_dll2 *, d, lws_dll2_get_head(&hall->sessions)) {
		struct hall_session *s = lws_container_of(d, struct hall_session, list);
		unsigned peers[PROXIMITY_BOOTH_MAX + 64], np = 0;
		unsigned long h = 14695981039346656037UL;
		size_t i;

		if (s->visitor && s->visitor->mark > 0 && (size_t)s->visitor->mark <= n) {
			i = (size_t)s->visitor->mark - 1;
			for (unsigned c = 0; c < counts[i] && np < sizeof(peers) / sizeof(*peers); c++) {
				unsigned j = lists[i * k + c];

				if (listed(&lists[(size_t)j * k], counts[j], (unsigned)i)) {
					peers[np++] = j;
					h = digest_add(h, v[j].id, v[j].busy);
				}
			}
			if (h != s->peers_digest && keep_peers(s, v, peers, np) == 0) {
				s->peers_digest = h;
				send_proximity(s, v, peers, np);
			}
		}
	} lws_end_foreach_dll(d);
	free(cand);
}

int proximity_is_peer(const struct hall_session *s, const char *id)
{
	for (unsigned i = 0; i < s->npeers; i++)
		if (strcasecmp(s->peers[i], id) == 0)
			return 1;
	return 0;
}

void proximity_set_status(struct hall *hall, struct hall_session *s, int busy)
{
	if (!s->visitor || s->visitor->busy == busy)
		return;
	s->visitor->busy = busy;
	hall->local_changed = 1;
}

void proximity_take_booths(struct hall *hall, struct worker_event *ev)
{
	struct hall_booth *b = calloc(ev->nbooths + 1, sizeof(*b));

	if (!b) {
		log_error("out of memory: the exhibits' booths are not known");
		return;
	}
	for (size_t i = 0; i < ev->nbooths; i++) {
		b[i].x = ev->booths[2 * i];
		b[i].y = ev->booths[2 * i + 1];
	}
	free(hall->booths);
	hall->booths = b;
	hall->nbooths = ev->nbooths;
}

void proximity_forget(struct hall_session *s)
{
	free(s->peers);
	s->peers = NULL;
	s->npeers = 0;
}

void proximity_free(struct hall *hall)
{
	free(hall->booths);
	free(hall->near);
	free(hall->near_grid);
	free(hall->near_lists);
	hall->booths = NULL;
	hall->near = NULL;
	hall->near_grid = NULL;
	hall->near_lists = NULL;
	hall->nbooths = hall->near_cap = hall->near_grid_cap = hall->near_lists_cap = 0;
}
