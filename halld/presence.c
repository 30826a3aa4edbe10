/* presence.c — the hall across daemons: this daemon's visitors handed to the
 * worker, which publishes them in hall_presence, and the other daemons'
 * visitors it reads back, which positions.c publishes to clients. */
#include "hall.h"

#include <stdlib.h>
#include <string.h>

#include "worker.h"

void presence_hand_over(struct hall *hall)
{
	struct worker_visitor *v;
	size_t n = 0;

	if (!hall->local_changed || !hall->worker)
		return;
	v = calloc(hall->local.count + 1, sizeof(*v));
	if (!v)
		return;
	charmap_foreach(&hall->local, e) {
		memcpy(v[n].id, e->id, sizeof(v[n].id));
		v[n].x = e->x;
		v[n].y = e->y;
		v[n].verified = e->verified;
		v[n].operator = e->operator;
		v[n].busy = e->busy;
		n++;
	}
	worker_post_presence(hall->worker, v, n);
	hall->local_changed = 0;
}

void presence_take_remote(struct hall *hall, struct worker_event *ev)
{
	/* Takes the worker's map as ours; published at the next tick. */
	charmap_clear(&hall->remote);
	hall->remote = ev->remote;
	charmap_init(&ev->remote);
}
