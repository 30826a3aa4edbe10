/* identity.h — who a visitor is: the GitHub ID their browser holds.
 *
 * The browser that first claims an ID at the entrance is given a random
 * secret (32 bytes from getrandom, as 64 hex digits) in the IDENTITY_COOKIE
 * cookie; only its SHA-256 is stored (table identities, sql/0090). Whoever
 * presents the secret is that ID; no other browser can claim it while the
 * hold lasts (Identity.HoldDays since it was last used). A GitHub sign-in
 * (identity_grant) gives the ID to the browser that proved it, taking it
 * from whoever held it, and marks it verified. */
#ifndef MASAKARI_IDENTITY_H
#define MASAKARI_IDENTITY_H

#include "db.h"
#include "github.h"

#define IDENTITY_COOKIE "identity"
#define IDENTITY_SECRET_LEN 64   /* hex digits */

struct identity {
	char github_id[GITHUB_ID_MAX + 1];
	int verified;
	int linked;     /* held through an operator link that has not ended (moderation.h) */
};

/* True when s has the form of a secret (64 lowercase hex digits); s may be NULL. */
int identity_secret_valid(const char *s);

/* A fresh secret. 0, or -1 when getrandom fails. */
int identity_secret_new(char out[IDENTITY_SECRET_LEN + 1]);

/* The stored form of a secret: its SHA-256 in hex. */
void identity_secret_hash(const char *secret, char out[65]);

enum identity_claim_result { IDENTITY_ERROR = -1, IDENTITY_CLAIMED = 0, IDENTITY_HELD = 1 };

/* Claims github_id (already valid) for the browser presenting old_secret
 * (NULL or anything: a browser with no identity yet). The ID is free, its
 * hold lapsed, or old_secret already holds it: a new secret goes in
 * secret_out and IDENTITY_CLAIMED is returned (an ID old_secret held before
 * is released). Another browser holds it: IDENTITY_HELD. IDENTITY_ERROR:
 * the database failed (db_error says why). */
enum identity_claim_result identity_claim(db_t *db, const char *github_id, const char *old_secret,
					  long hold_days, char secret_out[IDENTITY_SECRET_LEN + 1]);

/* Gives github_id to a new secret whatever held it, verified (a GitHub
 * sign-in by account github_user_id, GitHub's numeric id, proved it). The
 * verified ID is bound to that number, not to the login: the account's hold
 * under an older login ends, its proven throws move to github_id, and proven
 * throws another account made under github_id lose the mark.
 * 0, or -1 (db_error; github_user_id not positive). */
int identity_grant(db_t *db, const char *github_id, long long github_user_id, const char *old_secret,
		   char secret_out[IDENTITY_SECRET_LEN + 1]);

/* Who presents secret: 1 with *out filled, 0 when nobody (not a secret, not
 * held, or the hold lapsed), -1 when the database failed. Marks the hold as
 * used (at most once an hour, so reading it is mostly a read). */
int identity_lookup(db_t *db, const char *secret, long hold_days, struct identity *out);

/* The same, without marking the hold as used: for the hall daemon, which may
 * only read identities (sql/grants.sql); every hall visit starts with a page
 * of the site, which marks it. */
int identity_peek(db_t *db, const char *secret, long hold_days, struct identity *out);

/* Lets go of whatever ID secret holds (sign-out). 0, or -1 (db_error). */
int identity_release(db_t *db, const char *secret);

/* Gives github_id to a new secret as identity_grant does, held as an
 * operator (identities.operator_until) for hours: what an operator link
 * does. 0, or -1 (db_error). */
int identity_grant_operator(db_t *db, const char *github_id, const char *old_secret, long hours,
			    char secret_out[IDENTITY_SECRET_LEN + 1]);

/* Every hold that ends (a browser takes another ID, a sign-in takes one
 * back, a sign-out) is written to hall_events as a "release" of that ID
 * and secret hash, inside the same transaction: the hall daemons close
 * every socket still acting for it within a second (halld/events.c). */

#endif
