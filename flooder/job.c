/* job.c — one attack job as the flooder holds it: its schedule (request i is
 * due at start + i / rate), its counts and the latencies of its answers. */
#include "flooder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job *job_new(long long id, long attempts, const char *url, long rate, long duration_s)
{
	struct job *j = calloc(1, sizeof(*j));

	if (!j)
		return NULL;
	j->id = id;
	j->attempts = attempts;
	j->rate = rate;
	j->duration_s = duration_s;
	j->total = rate * duration_s;
	j->url = strdup(url);
	j->latency_ms = malloc((size_t)j->total * sizeof(*j->latency_ms));
	if (!j->url || !j->latency_ms) {
		job_free(j);
		return NULL;
	}
	snprintf(j->user_agent, sizeof(j->user_agent), "masakari-flooder (job %lld)", id);
	if (wire_target_new(url, j->user_agent, &j->wire) < 0) {
		job_free(j);
		return NULL;
	}
	return j;
}

void job_free(struct job *j)
{
	if (!j)
		return;
	free(j->url);
	wire_target_free(j->wire);
	free(j->latency_ms);
	free(j);
}

double job_due(const struct job *j, long i)
{
	return j->start + (double)i / (double)j->rate;
}

int job_is_settled(const struct job *j)
{
	return (j->counts.issued == j->total || j->stop) && j->inflight == 0;
}

void job_note_transfer(struct job *j, double now)
{
	if (j->transfers == 0)
		j->first_sent = now;
	j->last_sent = now;
	j->transfers++;
}
