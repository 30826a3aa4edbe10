/* retention.c — old rows the database need not keep, deleted at the start
 * of every flooder run (cron runs one a minute on each flooder host, so the
 * pruning needs no scheduler of its own; several hosts pruning at once delete
 * the same rows and nothing more).
 *
 *   chat_messages  older than Retention.ChatDays (30), the newest 50 (halld's
 *                  HALL_HISTORY, sent on join) always kept;
 *   throw_limits   untouched for Retention.ThrowLimitHours (24): longer than
 *                  any throw interval, so no limit is forgotten early;
 *   visitors       not seen for Retention.VisitorDays (365);
 *   identities     holds not used for Identity.HoldDays (30, at least 1: a
 *                  hold always lapses): lapsed, so another browser may
 *                  claim the ID anyway;
 *   llm_cache      replies cached Retention.ReplyCacheDays (30) ago.
 *
 * Each statement deletes at most 10000 rows, so a run never holds
 * locks for long; a backlog goes in a few minutes. 0 days or hours keeps
 * that table's rows for ever. The ages, their defaults and ranges are the
 * settings table's (lib/settings.h), as doctor reports them. */
#include <stddef.h>

#include "db.h"
#include "flooder.h"
#include "log.h"
#include "settings.h"

struct retention_rule {
	const char *table;
	size_t setting;            /* the age's field in struct settings (a long) */
	const char *sql;           /* one parameter: the age, in the setting's unit */
};

static const struct retention_rule retention_rules[] = {
	{ "chat_messages", offsetof(struct settings, retention_chat_days),
	  "DELETE FROM chat_messages WHERE created_at < NOW(3) - INTERVAL ? DAY AND id < "
	  "(SELECT COALESCE(MIN(id), 0) FROM (SELECT id FROM chat_messages ORDER BY id DESC "
	  "LIMIT 50) AS kept) LIMIT 10000" },
	{ "throw_limits", offsetof(struct settings, retention_throw_limit_hours),
	  "DELETE FROM throw_limits WHERE last_at < NOW(3) - INTERVAL ? HOUR LIMIT 10000" },
	{ "visitors", offsetof(struct settings, retention_visitor_days),
	  "DELETE FROM visitors WHERE last_seen < NOW() - INTERVAL ? DAY LIMIT 10000" },
	{ "identities", offsetof(struct settings, identity_hold_days),
	  "DELETE FROM identities WHERE last_seen < NOW() - INTERVAL ? DAY LIMIT 10000" },
	{ "llm_cache", offsetof(struct settings, retention_reply_cache_days),
	  "DELETE FROM llm_cache WHERE created_at < NOW() - INTERVAL ? DAY LIMIT 10000" },
};

void retention_prune(const struct settings *st, db_t *db)
{
	for (size_t i = 0; i < sizeof(retention_rules) / sizeof(retention_rules[0]); i++) {
		const struct retention_rule *rule = &retention_rules[i];
		long age = *(const long *)((const char *)st + rule->setting);
		long long n;

		if (age == 0)
			continue;
		n = db_exec(db, rule->sql, DB_INT(age));
		if (n < 0)
			log_warn("retention: pruning %s: %s", rule->table, db_error(db));
		else if (n > 0)
			log_info("retention: %lld old rows of %s deleted", n, rule->table);
	}
}
