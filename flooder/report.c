/* report.c — what a progress write or a job's final report stores: errors by
 * kind, status codes as JSON, latency percentiles (nearest rank, from each
 * request's due time) and the rate achieved. */
#include "flooder.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_value(const void *x, const void *y)
{
	float a = *(const float *)x, b = *(const float *)y;

	return (a > b) - (a < b);
}

/* Nearest-rank percentile of sorted values. */
static double percentile(const float *sorted, long n, double p)
{
	long rank = (long)ceil(p / 100.0 * (double)n);

	if (rank < 1)
		rank = 1;
	return sorted[rank - 1];
}

int report_counts(const struct job_counts *c, struct job_report *r)
{
	json_t *codes = json_object();

	memset(r, 0, sizeof(*r));
	r->p50_ms = r->p90_ms = r->p99_ms = r->max_ms = r->achieved_rate = -1;
	r->errors = c->err_connect + c->err_timeout + c->err_http + c->err_other;
	if (!codes)
		return -1;
	for (long code = 0; code < FLOODER_MAX_STATUS; code++) {
		char key[24];

		if (!c->codes[code])
			continue;
		snprintf(key, sizeof(key), "%ld", code);
		json_object_set_new(codes, key, json_integer(c->codes[code]));
	}
	r->codes_json = json_dumps(codes, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(codes);
	return r->codes_json ? 0 : -1;
}

void report_final(struct job *j, struct job_report *r)
{
	if (j->answered > 0) {
		qsort(j->latency_ms, (size_t)j->answered, sizeof(*j->latency_ms), by_value);
		r->p50_ms = percentile(j->latency_ms, j->answered, 50);
		r->p90_ms = percentile(j->latency_ms, j->answered, 90);
		r->p99_ms = percentile(j->latency_ms, j->answered, 99);
		r->max_ms = j->latency_ms[j->answered - 1];
	}
	/* Intervals between the first and the last request sent: exactly the
	 * requested rate when the schedule was kept. */
	if (j->transfers >= 2 && j->last_sent > j->first_sent)
		r->achieved_rate = (double)(j->transfers - 1) / (j->last_sent - j->first_sent);
}

void report_clear(struct job_report *r)
{
	free(r->codes_json);
	r->codes_json = NULL;
}
