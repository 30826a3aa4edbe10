/* tick.c — the hall's one-second tick (an lws_sul timer on the event loop):
 * this daemon's visitors to the worker, the positions to every client, the
 * host's status to the masakari room. */
#include "hall.h"

#include "clock.h"

void tick_run(struct hall *hall)
{
	presence_hand_over(hall);
	positions_publish(hall);
	proximity_publish(hall);
	room_send_status(hall);
}

static void tick_fire(lws_sorted_usec_list_t *sul)
{
	struct hall *hall = lws_container_of(sul, struct hall, tick_sul);
	double now;

	tick_run(hall);
	/* Keep to whole seconds from the start rather than drift by the tick's cost. */
	now = clock_monotonic();
	hall->next_tick += 1.0;
	if (hall->next_tick < now)
		hall->next_tick = now + 1.0;
	lws_sul_schedule(hall->ctx, 0, &hall->tick_sul, tick_fire,
			 (lws_usec_t)((hall->next_tick - now) * LWS_US_PER_SEC));
}

void tick_start(struct hall *hall)
{
	hall->next_tick = clock_monotonic() + 1.0;
	lws_sul_schedule(hall->ctx, 0, &hall->tick_sul, tick_fire, LWS_US_PER_SEC);
}

void tick_stop(struct hall *hall)
{
	lws_sul_cancel(&hall->tick_sul);
}
