/* moderation.h — running the venue: who the operators are, mutes and bans of
 * IDs and addresses, kicks, deleted chat lines, announcements, reports, the
 * audit log, the word filter and one-time operator links.
 *
 * The operators' page (cgi-bin/site/operators.c) and masakarictl (ctl/moderate.c)
 * act through these functions only. Each act is recorded in moderation_log
 * and, where the hall must act on it, written to hall_events, which every
 * hall daemon polls twice a second (halld/events.c): so an act reaches every
 * daemon within a second, whoever made it (sql/0110-moderation.sql). */
#ifndef MASAKARI_MODERATION_H
#define MASAKARI_MODERATION_H

#include <stddef.h>

#include "db.h"
#include "github.h"
#include "settings.h"

#define MODERATION_REASON_MAX 500     /* characters of a reason or a report */
#define MODERATION_ANNOUNCE_MAX 300   /* characters of an announcement */
#define MODERATION_ACTOR_MAX 64
#define MODERATION_TOKEN_LEN 64       /* hex digits of an operator link's token */
#define MODERATION_HOURS_MAX 87600    /* a ban of ten years; 0 is for good */
#define MODERATION_MINUTES_MAX 10080  /* a mute of a week */

/* What an act came to. */
enum moderation_result {
	MODERATION_ERROR = -1,     /* the database failed: db_error says why */
	MODERATION_DONE = 0,
	MODERATION_NOTHING = 1,    /* nothing to act on: no such line, not banned, nobody holds it */
	MODERATION_TOO_MANY = 2,   /* a report over the reporter's hourly allowance */
};

/* 1 when github_id is one of Site.Operators (compared as GitHub does,
 * ignoring case), else 0. */
int moderation_listed(const struct settings *settings, const char *github_id);

/* 1 when the identity may act as an operator: listed, and proven (verified by
 * a GitHub sign-in, or held through an operator link that has not ended). */
int moderation_is_operator(const struct settings *settings, const char *github_id, int verified,
			   int linked);

/* A problem with a reason or report text (a catalog key under
 * Text.Common.Moderation, e.g. "Text.Common.Moderation.TooLong"), or NULL
 * when it is fine: valid UTF-8, at most max characters, no control
 * characters. NULL text counts as empty; empty is fine when !required. */
const char *moderation_text_problem(const char *text, size_t max, int required);

/* Bans github_id for hours (0: for good): records the ban, lets go of the
 * ID's hold (every socket acting for it closes) and tells the daemons. */
enum moderation_result moderation_ban(db_t *db, const char *actor, const char *github_id, long hours,
				      const char *reason);
/* Lifts github_id's ban; MODERATION_NOTHING when it had none. */
enum moderation_result moderation_unban(db_t *db, const char *actor, const char *github_id);

/* Bans an address (its limit key: an IPv4 address, or the /64 of an IPv6
 * one) for hours (0: for good), closing every socket from it; the key
 * banned is written to key_out (64 bytes). Everyone behind that address
 * (a venue's NAT) is banned with it. */
enum moderation_result moderation_ban_address(db_t *db, const char *actor, const char *address,
					      long hours, const char *reason, char key_out[64]);
enum moderation_result moderation_unban_address(db_t *db, const char *actor, const char *address);

/* Mutes github_id for minutes (1 to MODERATION_MINUTES_MAX); unmute lifts it
 * (MODERATION_NOTHING when there was none). */
enum moderation_result moderation_mute(db_t *db, const char *actor, const char *github_id,
				       long minutes, const char *reason);
enum moderation_result moderation_unmute(db_t *db, const char *actor, const char *github_id);

/* Closes every socket of github_id and lets go of its hold: the visitor must
 * enter again. MODERATION_NOTHING when nobody holds the ID. */
enum moderation_result moderation_kick(db_t *db, const char *actor, const char *github_id,
				       const char *reason);

/* Deletes the chat line line_id from the stored history and from every
 * hall; MODERATION_NOTHING when no such line is stored. */
enum moderation_result moderation_chat_delete(db_t *db, const char *actor, long long line_id,
					      const char *reason);

/* Shows message to everyone in the hall as a banner, and on /masakari for
 * Moderation.AnnounceMinutes. */
enum moderation_result moderation_announce(db_t *db, const char *actor, const char *message);

/* A visitor's report of target (and of its chat line line_id, 0 for none;
 * the line's text is kept with the report). MODERATION_TOO_MANY past
 * per_hour reports by reporter in the last hour. */
enum moderation_result moderation_report(db_t *db, const char *reporter, const char *target,
					 long long line_id, const char *reason, long per_hour);

/* Marks report id handled by actor; MODERATION_NOTHING when it was not open. */
enum moderation_result moderation_report_close(db_t *db, const char *actor, long long id);

/* Whether github_id (NULL: none) or the address (NULL: none) is banned now:
 * 1 with the ban's end in until_out ("" for good; a UTC database time) when
 * it is, 0 when not, -1 when the database failed. */
int moderation_banned(db_t *db, const char *github_id, const char *address, char *until_out,
		      size_t until_len);

/* Whether github_id is muted now: 1 (until_out as above), 0, -1. */
int moderation_muted(db_t *db, const char *github_id, char *until_out, size_t until_len);

/* A new one-time link token for github_id (already valid), usable for
 * minutes. 0, or -1 (db_error; or getrandom failed). */
int moderation_link_new(db_t *db, const char *actor, const char *github_id, long minutes,
			char token_out[MODERATION_TOKEN_LEN + 1]);

/* Uses a link token: 1 with the ID in github_id_out when it was issued, not
 * used and not expired (it is marked used), 0 when not, -1 (db_error). */
int moderation_link_use(db_t *db, const char *token, char github_id_out[GITHUB_ID_MAX + 1]);

/* Records an act in the audit log; the act's own functions call it. 0 or -1. */
int moderation_log(db_t *db, const char *actor, const char *action, const char *target,
		   const char *detail, const char *reason);

/* The word filter (Moderation.Words, Moderation.FilterAction) on text:
 * 0 when no word matched; else 1 when the action is "mask" (text rewritten in
 * place, each matched character as '*'; UTF-8 stays valid), 2 when the line
 * must be refused. Words match ignoring ASCII case and full-width forms. */
int moderation_filter(const struct settings *settings, char *text);

#endif
