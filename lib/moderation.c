/* moderation.c — operators, sanctions, reports, the audit log, the word
 * filter and operator links (moderation.h). */
#include "moderation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "netaddr.h"
#include "sha256.h"
#include "utf8.h"

int moderation_listed(const struct settings *settings, const char *github_id)
{
	if (!github_id || !*github_id || !settings->site_operators)
		return 0;
	for (HDF *op = hdf_obj_child(settings->site_operators); op; op = hdf_obj_next(op)) {
		const char *v = hdf_obj_value(op);

		if (v && *v && strcasecmp(v, github_id) == 0)
			return 1;
	}
	return 0;
}

int moderation_is_operator(const struct settings *settings, const char *github_id, int verified,
			   int linked)
{
	return moderation_listed(settings, github_id) && (verified || linked);
}

const char *moderation_text_problem(const char *text, size_t max, int required)
{
	size_t n = text ? strlen(text) : 0;

	if (n == 0)
		return required ? "Text.Common.Moderation.Empty" : NULL;
	if (n > 4 * max || !utf8_valid(text, n))
		return n > 4 * max ? "Text.Common.Moderation.TooLong" : "Text.Common.Moderation.Invalid";
	if ((size_t)utf8_length(text, n) > max)
		return "Text.Common.Moderation.TooLong";
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "Text.Common.Moderation.Invalid";
	return NULL;
}

int moderation_log(db_t *db, const char *actor, const char *action, const char *target,
		   const char *detail, const char *reason)
{
	return db_exec(db, "INSERT INTO moderation_log (actor, action, target, detail, reason) "
		       "VALUES (?, ?, ?, ?, ?)",
		       DB_TEXT(actor), DB_TEXT(action), DB_TEXT(target ? target : ""),
		       DB_TEXT(detail ? detail : ""), DB_TEXT(reason ? reason : "")) < 0 ? -1 : 0;
}

static enum moderation_result failed(db_t *db)
{
	db_rollback(db);
	return MODERATION_ERROR;
}

static enum moderation_result done(db_t *db)
{
	return db_commit(db) == 0 ? MODERATION_DONE : failed(db);
}

/* Opens the transaction and reads the one row sql locks FOR UPDATE by key:
 * its first cell into out (null_as when NULL). MODERATION_DONE with the
 * transaction open; MODERATION_NOTHING (no such row) or MODERATION_ERROR
 * with it rolled back. */
static enum moderation_result begin_locked(db_t *db, const char *sql, struct db_param key,
					   const char *null_as, char *out, size_t n)
{
	db_result *r;

	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	r = db_query(db, sql, key);
	if (!r)
		return failed(db);
	if (r->nrows == 0) {
		db_result_free(r);
		db_rollback(db);
		return MODERATION_NOTHING;
	}
	snprintf(out, n, "%s", db_cell(r, 0, 0) ? db_cell(r, 0, 0) : null_as);
	db_result_free(r);
	return MODERATION_DONE;
}

/* A sanction of kind on github_id or address for the given number of
 * minutes (0: for good), lifting any earlier one of the same kind. */
static int sanction_add(db_t *db, const char *kind, const char *github_id, const char *address,
			long minutes, const char *actor, const char *reason)
{
	if (db_exec(db, "UPDATE sanctions SET lifted_at = NOW() WHERE kind = ? AND lifted_at IS NULL "
		    "AND (github_id <=> ?) AND (address <=> ?)",
		    DB_TEXT(kind), DB_TEXT(github_id), DB_TEXT(address)) < 0)
		return -1;
	return db_exec(db, "INSERT INTO sanctions (kind, github_id, address, reason, created_by, until) "
		       "VALUES (?, ?, ?, ?, ?, IF(? = 0, NULL, NOW() + INTERVAL ? MINUTE))",
		       DB_TEXT(kind), DB_TEXT(github_id), DB_TEXT(address), DB_TEXT(reason ? reason : ""),
		       DB_TEXT(actor), DB_INT(minutes), DB_INT(minutes)) < 0 ? -1 : 0;
}

/* Lifts the sanctions of kind in force on github_id or address: the number
 * lifted, or -1. */
static long long sanction_lift(db_t *db, const char *kind, const char *github_id, const char *address)
{
	return db_exec(db, "UPDATE sanctions SET lifted_at = NOW() WHERE kind = ? AND lifted_at IS NULL "
		       "AND (until IS NULL OR until > NOW()) AND (github_id <=> ?) AND (address <=> ?)",
		       DB_TEXT(kind), DB_TEXT(github_id), DB_TEXT(address));
}

/* An event every hall daemon acts on (hall_events). */
static int hall_event(db_t *db, const char *kind, const char *github_id, const char *address,
		      long long line_id, long minutes, const char *message, const char *actor)
{
	return db_exec(db, "INSERT INTO hall_events (kind, github_id, address, line_id, until, message, actor) "
		       "VALUES (?, ?, ?, NULLIF(?, 0), IF(? = 0, NULL, NOW() + INTERVAL ? MINUTE), ?, ?)",
		       DB_TEXT(kind), DB_TEXT(github_id), DB_TEXT(address), DB_INT(line_id),
		       DB_INT(minutes), DB_INT(minutes), DB_TEXT(message), DB_TEXT(actor)) < 0 ? -1 : 0;
}

static void hours_text(long hours, char *out, size_t len)
{
	if (hours == 0)
		snprintf(out, len, "for good");
	else
		snprintf(out, len, "%ld h", hours);
}

enum moderation_result moderation_ban(db_t *db, const char *actor, const char *github_id, long hours,
				      const char *reason)
{
	char detail[32];

	hours_text(hours, detail, sizeof(detail));
	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	if (sanction_add(db, "ban", github_id, NULL, hours * 60, actor, reason) != 0 ||
	    db_exec(db, "DELETE FROM identities WHERE github_id = ?", DB_TEXT(github_id)) < 0 ||
	    hall_event(db, "ban", github_id, NULL, 0, hours * 60, reason, actor) != 0 ||
	    moderation_log(db, actor, "ban", github_id, detail, reason) != 0)
		return failed(db);
	return done(db);
}

/* Lifts the sanction of kind in force on github_id or the address key,
 * tells the daemons (event, when not NULL) and logs it as action. */
static enum moderation_result lift(db_t *db, const char *actor, const char *kind, const char *github_id,
				   const char *key, const char *event, const char *action)
{
	long long n;

	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	n = sanction_lift(db, kind, github_id, key);
	if (n < 0)
		return failed(db);
	if (n == 0) {
		db_rollback(db);
		return MODERATION_NOTHING;
	}
	if ((event && hall_event(db, event, github_id, key, 0, 0, NULL, actor) != 0) ||
	    moderation_log(db, actor, action, github_id ? github_id : key, NULL, NULL) != 0)
		return failed(db);
	return done(db);
}

/* An ID's ban needs no word to the daemons: the ID holds nothing to close. */
enum moderation_result moderation_unban(db_t *db, const char *actor, const char *github_id)
{
	return lift(db, actor, "ban", github_id, NULL, NULL, "unban");
}

enum moderation_result moderation_ban_address(db_t *db, const char *actor, const char *address,
					      long hours, const char *reason, char key_out[64])
{
	char detail[32];

	netaddr_limit_key(address, key_out, 64);
	hours_text(hours, detail, sizeof(detail));
	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	if (sanction_add(db, "ban", NULL, key_out, hours * 60, actor, reason) != 0 ||
	    hall_event(db, "ban_address", NULL, key_out, 0, hours * 60, reason, actor) != 0 ||
	    moderation_log(db, actor, "ban-address", key_out, detail, reason) != 0)
		return failed(db);
	return done(db);
}

enum moderation_result moderation_unban_address(db_t *db, const char *actor, const char *address)
{
	char key[64];

	netaddr_limit_key(address, key, sizeof(key));
	return lift(db, actor, "ban", NULL, key, "unban_address", "unban-address");
}

enum moderation_result moderation_mute(db_t *db, const char *actor, const char *github_id,
				       long minutes, const char *reason)
{
	char detail[32];

	snprintf(detail, sizeof(detail), "%ld min", minutes);
	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	if (sanction_add(db, "mute", github_id, NULL, minutes, actor, reason) != 0 ||
	    hall_event(db, "mute", github_id, NULL, 0, minutes, reason, actor) != 0 ||
	    moderation_log(db, actor, "mute", github_id, detail, reason) != 0)
		return failed(db);
	return done(db);
}

enum moderation_result moderation_unmute(db_t *db, const char *actor, const char *github_id)
{
	return lift(db, actor, "mute", github_id, NULL, "unmute", "unmute");
}

enum moderation_result moderation_kick(db_t *db, const char *actor, const char *github_id,
				       const char *reason)
{
	char hash[65];
	enum moderation_result res;

	/* The hold kicked, by its hash: whoever claims the ID afresh a moment
	 * later is not closed with it. */
	res = begin_locked(db, "SELECT secret_hash FROM identities WHERE github_id = ? FOR UPDATE",
			   DB_TEXT(github_id), "", hash, sizeof(hash));
	if (res != MODERATION_DONE)
		return res;
	if (db_exec(db, "DELETE FROM identities WHERE github_id = ?", DB_TEXT(github_id)) < 0 ||
	    db_exec(db, "INSERT INTO hall_events (kind, github_id, secret_hash, message, actor) "
		    "VALUES ('kick', ?, ?, ?, ?)", DB_TEXT(github_id), DB_TEXT(hash), DB_TEXT(reason),
		    DB_TEXT(actor)) < 0 ||
	    moderation_log(db, actor, "kick", github_id, NULL, reason) != 0)
		return failed(db);
	return done(db);
}

enum moderation_result moderation_chat_delete(db_t *db, const char *actor, long long line_id,
					      const char *reason)
{
	char target[32], author[64], detail[128];
	enum moderation_result res;

	snprintf(target, sizeof(target), "chat %lld", line_id);
	res = begin_locked(db, "SELECT github_id FROM chat_messages WHERE line_id = ? FOR UPDATE",
			   DB_INT(line_id), "?", author, sizeof(author));
	if (res != MODERATION_DONE)
		return res;
	snprintf(detail, sizeof(detail), "by %s", author);
	if (db_exec(db, "DELETE FROM chat_messages WHERE line_id = ?", DB_INT(line_id)) < 0 ||
	    hall_event(db, "chat_delete", NULL, NULL, line_id, 0, NULL, actor) != 0 ||
	    moderation_log(db, actor, "chat-delete", target, detail, reason) != 0)
		return failed(db);
	return done(db);
}

enum moderation_result moderation_announce(db_t *db, const char *actor, const char *message)
{
	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	if (hall_event(db, "announce", NULL, NULL, 0, 0, message, actor) != 0 ||
	    moderation_log(db, actor, "announce", "", message, NULL) != 0)
		return failed(db);
	return done(db);
}

enum moderation_result moderation_report(db_t *db, const char *reporter, const char *target,
					 long long line_id, const char *reason, long per_hour)
{
	db_result *r;
	long long recent;

	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	/* Counted under a lock on the reporter's rows, so two reports sent at
	 * once cannot both pass the allowance. */
	r = db_query(db, "SELECT COUNT(*) FROM reports WHERE reporter = ? AND created_at > NOW() - INTERVAL 1 HOUR "
		     "FOR UPDATE", DB_TEXT(reporter));
	if (!r)
		return failed(db);
	recent = db_cell_int(r, 0, 0, 0);
	db_result_free(r);
	if (recent >= per_hour) {
		db_rollback(db);
		return MODERATION_TOO_MANY;
	}
	if (db_exec(db, "INSERT INTO reports (reporter, target, line_id, line_text, reason) "
		    "SELECT ?, ?, NULLIF(?, 0), (SELECT message FROM chat_messages WHERE line_id = ? "
		    "AND github_id = ?), ?",
		    DB_TEXT(reporter), DB_TEXT(target), DB_INT(line_id), DB_INT(line_id), DB_TEXT(target),
		    DB_TEXT(reason)) < 0)
		return failed(db);
	return done(db);
}

enum moderation_result moderation_report_close(db_t *db, const char *actor, long long id)
{
	char target[32];
	long long n;

	snprintf(target, sizeof(target), "report %lld", id);
	if (db_begin(db) != 0)
		return MODERATION_ERROR;
	n = db_exec(db, "UPDATE reports SET handled_at = NOW(), handled_by = ? WHERE id = ? AND handled_at IS NULL",
		    DB_TEXT(actor), DB_INT(id));
	if (n < 0)
		return failed(db);
	if (n == 0) {
		db_rollback(db);
		return MODERATION_NOTHING;
	}
	if (moderation_log(db, actor, "report-closed", target, NULL, NULL) != 0)
		return failed(db);
	return done(db);
}

/* The sanction of kind in force on github_id or the address's key. */
static int sanction_in_force(db_t *db, const char *kind, const char *github_id, const char *address,
			     char *until_out, size_t until_len)
{
	char key[64] = "";
	db_result *r;
	int found;

	if (address)
		netaddr_limit_key(address, key, sizeof(key));
	r = db_query(db, "SELECT COALESCE(DATE_FORMAT(MAX(COALESCE(until, '9999-12-31')), '%Y-%m-%d %H:%i:%s'), ''), "
		     "COUNT(*), SUM(until IS NULL) FROM sanctions WHERE kind = ? AND lifted_at IS NULL "
		     "AND (until IS NULL OR until > NOW()) AND (github_id = ? OR address = ?)",
		     DB_TEXT(kind), DB_TEXT(github_id ? github_id : ""), DB_TEXT(address ? key : ""));
	if (!r)
		return -1;
	found = db_cell_int(r, 0, 1, 0) > 0;
	if (until_out && until_len)
		snprintf(until_out, until_len, "%s",
			 !found || db_cell_int(r, 0, 2, 0) > 0 ? "" : (db_cell(r, 0, 0) ? db_cell(r, 0, 0) : ""));
	db_result_free(r);
	return found;
}

int moderation_banned(db_t *db, const char *github_id, const char *address, char *until_out,
		      size_t until_len)
{
	return sanction_in_force(db, "ban", github_id, address, until_out, until_len);
}

int moderation_muted(db_t *db, const char *github_id, char *until_out, size_t until_len)
{
	return sanction_in_force(db, "mute", github_id, NULL, until_out, until_len);
}

int moderation_link_new(db_t *db, const char *actor, const char *github_id, long minutes,
			char token_out[MODERATION_TOKEN_LEN + 1])
{
	unsigned char raw[MODERATION_TOKEN_LEN / 2];
	char hash[65];

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return -1;
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(token_out + 2 * i, 3, "%02x", raw[i]);
	sha256_hex(token_out, MODERATION_TOKEN_LEN, hash);
	if (db_begin(db) != 0)
		return -1;
	if (db_exec(db, "INSERT INTO operator_links (token_hash, github_id, expires_at) "
		    "VALUES (?, ?, NOW() + INTERVAL ? MINUTE)",
		    DB_TEXT(hash), DB_TEXT(github_id), DB_INT(minutes)) < 0 ||
	    moderation_log(db, actor, "operator-link", github_id, NULL, NULL) != 0)
		return failed(db);
	return db_commit(db) == 0 ? 0 : failed(db);
}

int moderation_link_use(db_t *db, const char *token, char github_id_out[GITHUB_ID_MAX + 1])
{
	char hash[65];
	db_result *r;
	long long n;

	if (!token || strlen(token) != MODERATION_TOKEN_LEN ||
	    strspn(token, "0123456789abcdef") != MODERATION_TOKEN_LEN)
		return 0;
	sha256_hex(token, MODERATION_TOKEN_LEN, hash);
	/* The one UPDATE decides, so a link opened twice at once works once. */
	n = db_exec(db, "UPDATE operator_links SET used_at = NOW() WHERE token_hash = ? AND used_at IS NULL "
		    "AND expires_at > NOW()", DB_TEXT(hash));
	if (n <= 0)
		return n < 0 ? -1 : 0;
	r = db_query(db, "SELECT github_id FROM operator_links WHERE token_hash = ?", DB_TEXT(hash));
	if (!r)
		return -1;
	n = r->nrows > 0 && db_cell(r, 0, 0) && strlen(db_cell(r, 0, 0)) <= GITHUB_ID_MAX;
	if (n)
		snprintf(github_id_out, GITHUB_ID_MAX + 1, "%s", db_cell(r, 0, 0));
	db_result_free(r);
	return (int)n;
}

/* A code point folded for matching: full-width ASCII (U+FF01–U+FF5E) to
 * ASCII, ASCII letters to lower case. */
static uint32_t fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

#define FILTER_MAX 2048   /* code points of a line the filter reads */

int moderation_filter(const struct settings *settings, char *text)
{
	uint32_t cps[FILTER_MAX], word[FILTER_MAX];
	unsigned char hit[FILTER_MAX];
	long n, nw;
	int any = 0;

	if (!settings->moderation_words || !text)
		return 0;
	n = utf8_decode(text, strlen(text), cps, FILTER_MAX);
	if (n < 0)  /* longer than any line the hall or a note takes: not let through unread */
		return utf8_valid(text, strlen(text)) ? 2 : 0;
	if (n == 0)
		return 0;
	memset(hit, 0, (size_t)n);
	for (long i = 0; i < n; i++)
		cps[i] = fold(cps[i]);
	for (HDF *w = hdf_obj_child(settings->moderation_words); w; w = hdf_obj_next(w)) {
		const char *v = hdf_obj_value(w);

		if (!v || !*v)
			continue;
		nw = utf8_decode(v, strlen(v), word, FILTER_MAX);
		if (nw <= 0 || nw > n)
			continue;
		for (long i = 0; i < nw; i++)
			word[i] = fold(word[i]);
		for (long i = 0; i + nw <= n; i++) {
			if (memcmp(cps + i, word, (size_t)nw * sizeof(*word)) != 0)
				continue;
			memset(hit + i, 1, (size_t)nw);
			any = 1;
		}
	}
	if (!any)
		return 0;
	if (!settings->moderation_filter_action || strcmp(settings->moderation_filter_action, "mask") != 0)
		return 2;
	/* Each matched character becomes one '*': never longer than it was
	 * (the text decoded, so it is valid UTF-8 and each lead byte says how
	 * long its character is). */
	{
		const unsigned char *in = (const unsigned char *)text;
		char *out = text;

		for (long i = 0; i < n; i++) {
			size_t len = *in < 0x80 ? 1 : *in < 0xE0 ? 2 : *in < 0xF0 ? 3 : 4;

			if (hit[i])
				*out++ = '*';
			else {
				memmove(out, in, len);
				out += len;
			}
			in += len;
		}
		*out = '\0';
	}
	return 1;
}
