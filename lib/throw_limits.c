/* throw_limits.c — a throw's rate limits in the throw_limits table
 * (throw_limits.h): the critic's interval and the address's token bucket. */
#include "throw_limits.h"

#include <stdio.h>

#include "netaddr.h"

/* Takes one throw from the limit row key inside the open transaction: sets
 * *wait_ms to 0 when it was free (and marks it used), else to how long until
 * it frees. Returns 0 or -1 (database error). */
static int interval_take(db_t *db, const char *key, long interval_s, long long *wait_ms)
{
	long long n;
	db_result *r;

	/* Changes the row only when the last throw is old enough: 1 row when
	 * new, 2 when updated, 0 when it is still too soon. */
	n = db_exec(db,
		    "INSERT INTO throw_limits (limit_key, last_at) VALUES (?, NOW(3)) "
		    "ON DUPLICATE KEY UPDATE last_at = IF(last_at <= NOW(3) - INTERVAL ? SECOND, "
		    "NOW(3), last_at)",
		    DB_TEXT(key), DB_INT(interval_s));
	if (n < 0)
		return -1;
	*wait_ms = 0;
	if (n > 0)
		return 0;
	r = db_query(db, "SELECT TIMESTAMPDIFF(MICROSECOND, NOW(3), last_at + INTERVAL ? SECOND) "
			 "DIV 1000 FROM throw_limits WHERE limit_key = ?",
		     DB_INT(interval_s), DB_TEXT(key));
	if (!r)
		return -1;
	*wait_ms = db_cell_int(r, 0, 0, 1000);
	if (*wait_ms < 1)
		*wait_ms = 1;
	db_result_free(r);
	return 0;
}

/* Takes one throw from the address budget key inside the open transaction:
 * burst throws at once, refilled at per_minute. Sets *wait_ms to 0 when one
 * was left (and takes it), else to how long until one is; a refused throw
 * takes nothing. Returns 0 or -1 (database error). */
static int budget_take(db_t *db, const char *key, long per_minute, long burst, long long *wait_ms)
{
	db_result *r;
	double tokens;

	/* Locks the row (new or not) for the rest of the transaction: an
	 * exclusive lock at once, so two throws from one address cannot both
	 * hold a shared one and deadlock on the update. */
	if (db_exec(db, "INSERT INTO throw_limits (limit_key, last_at, tokens) VALUES (?, NOW(3), ?) "
			"ON DUPLICATE KEY UPDATE limit_key = limit_key",
		    DB_TEXT(key), DB_DOUBLE((double)burst)) < 0)
		return -1;
	r = db_query(db, "SELECT LEAST(?, COALESCE(tokens, ?) + TIMESTAMPDIFF(MICROSECOND, last_at, "
			 "NOW(3)) / 60000000.0 * ?) FROM throw_limits WHERE limit_key = ?",
		     DB_DOUBLE((double)burst), DB_DOUBLE((double)burst), DB_DOUBLE((double)per_minute),
		     DB_TEXT(key));
	if (!r)
		return -1;
	tokens = db_cell_double(r, 0, 0, 0.0);
	db_result_free(r);
	*wait_ms = 0;
	if (tokens < 1.0) {
		*wait_ms = (long long)((1.0 - tokens) * 60000.0 / (double)per_minute) + 1;
		return 0;
	}
	return db_exec(db, "UPDATE throw_limits SET tokens = ?, last_at = NOW(3) WHERE limit_key = ?",
		       DB_DOUBLE(tokens - 1.0), DB_TEXT(key)) < 0
		       ? -1
		       : 0;
}

int throw_limits_take(db_t *db, const struct throw_limits *limits, const char *critic,
		      const char *remote_addr, struct throw_limits_wait *out)
{
	char id_key[64], ip_key[64];
	long long wait_id = 0, wait_ip = 0;

	*out = (struct throw_limits_wait){ 0 };
	snprintf(id_key, sizeof(id_key), "id:%s", critic);
	/* IPv6 by /64: a subscriber's whole prefix is one key (lib/netaddr.h). */
	netaddr_limit_key(remote_addr, ip_key, sizeof(ip_key));
	if (limits->interval_s > 0 && interval_take(db, id_key, limits->interval_s, &wait_id) != 0)
		return -1;
	if (limits->per_minute > 0 && wait_id == 0 &&
	    budget_take(db, ip_key, limits->per_minute, limits->burst, &wait_ip) != 0)
		return -1;
	out->wait_ms = wait_id > wait_ip ? wait_id : wait_ip;
	out->address_limited = wait_ip > 0;
	return 0;
}
