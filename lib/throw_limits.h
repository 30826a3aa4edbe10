/* throw_limits.h — how often a throw may come, kept in the throw_limits
 * table inside the throw's own transaction: each critic waits
 * Masakari.ThrowIntervalSeconds between throws, and each client address (an
 * IPv6 /64, lib/netaddr.h) has a token bucket of Masakari.AddressThrowBurst
 * throws refilled at Masakari.AddressThrowsPerMinute, shared by everyone
 * behind one NAT. The rows are locked until the transaction ends, so two
 * throws at once cannot both pass; the flooder prunes rows left untouched
 * (Retention.ThrowLimitHours). */
#ifndef MASAKARI_THROW_LIMITS_H
#define MASAKARI_THROW_LIMITS_H

#include "db.h"

struct throw_limits {
	long interval_s;       /* between one critic's throws; 0: no wait */
	long per_minute;       /* an address's refill; 0: no address limit */
	long burst;            /* an address's bucket size */
};

/* What throw_limits_take decided: wait_ms 0 when the throw may go (and both
 * limits took it), else how long until it may, address_limited set when the
 * address's budget is what refused it. */
struct throw_limits_wait {
	long long wait_ms;
	int address_limited;
};

/* Takes one throw of critic (the GitHub ID in lower case) from
 * remote_addr inside the open transaction: the critic's interval first,
 * then the address's budget, always in that order so that two throws lock
 * the rows alike; a throw refused by one limit takes nothing from the other.
 * Fills *out. Returns 0, or -1 on a database error (the caller rolls back). */
int throw_limits_take(db_t *db, const struct throw_limits *limits, const char *critic,
		      const char *remote_addr, struct throw_limits_wait *out);

#endif
