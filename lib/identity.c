/* identity.c — GitHub IDs held by the browser that claimed them (identity.h). */
#include "identity.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "log.h"
#include "sha256.h"

int identity_secret_valid(const char *s)
{
	if (!s || strlen(s) != IDENTITY_SECRET_LEN)
		return 0;
	for (size_t i = 0; i < IDENTITY_SECRET_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

int identity_secret_new(char out[IDENTITY_SECRET_LEN + 1])
{
	unsigned char raw[IDENTITY_SECRET_LEN / 2];

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return -1;
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

void identity_secret_hash(const char *secret, char out[65])
{
	sha256_hex(secret, strlen(secret), out);
}

/* The hash of old_secret in old_hash, or "" when it is not a secret. */
static void old_hash_of(const char *old_secret, char old_hash[65])
{
	if (identity_secret_valid(old_secret))
		identity_secret_hash(old_secret, old_hash);
	else
		old_hash[0] = '\0';
}

/* Tells the hall daemons that the holds of hash (of any ID but keep, NULL:
 * every one) end, before they are deleted: every connection acting for them
 * closes, and the hall forgets them (hall_events, halld/events.c). 0 or -1. */
static int released(db_t *db, const char *hash, const char *keep)
{
	return db_exec(db, "INSERT INTO hall_events (kind, github_id, secret_hash) "
		       "SELECT 'release', github_id, secret_hash FROM identities "
		       "WHERE secret_hash = ? AND github_id <> ?",
		       DB_TEXT(hash), DB_TEXT(keep ? keep : "")) < 0 ? -1 : 0;
}

static enum identity_claim_result fail(db_t *db)
{
	db_rollback(db);
	return IDENTITY_ERROR;
}

/* A sign-in by GitHub account user_id as github_id, inside claim's
 * transaction: the account's hold under an earlier login ends (it was
 * renamed; the new login is given below), proven throws of another account
 * under this login lose the mark (the login was freed and registered again),
 * and the account's proven throws follow it to this login. 0 or -1. */
static int bind_account(db_t *db, const char *github_id, long long user_id, int after_grant)
{
	if (!after_grant)
		return db_exec(db, "INSERT INTO hall_events (kind, github_id, secret_hash) "
				   "SELECT 'release', github_id, secret_hash FROM identities "
				   "WHERE github_user_id = ? AND github_id <> ?",
			       DB_INT(user_id), DB_TEXT(github_id)) < 0 ||
		       db_exec(db, "DELETE FROM identities WHERE github_user_id = ? AND github_id <> ?",
			       DB_INT(user_id), DB_TEXT(github_id)) < 0 ? -1 : 0;
	if (db_exec(db, "UPDATE throws SET verified = 0 WHERE LOWER(github_id) = LOWER(?) AND verified = 1 "
		    "AND github_user_id <> ?", DB_TEXT(github_id), DB_INT(user_id)) < 0)
		return -1;
	return db_exec(db, "UPDATE throws SET github_id = ?, verified = 1 WHERE github_user_id = ? "
		       "AND github_id <> ?", DB_TEXT(github_id), DB_INT(user_id), DB_TEXT(github_id)) < 0
		       ? -1 : 0;
}

/* The claim proper, inside a transaction; user_id > 0: a GitHub sign-in by
 * that account, which takes the ID whatever holds it; operator_hours > 0:
 * an operator link, which takes it too, held as an operator that long. */
static enum identity_claim_result claim(db_t *db, const char *github_id, const char *old_secret,
					long hold_days, long long user_id, long operator_hours,
					char secret_out[IDENTITY_SECRET_LEN + 1])
{
	char old_hash[65], new_hash[65], held_hash[65] = "";
	db_result *r;
	int force = user_id > 0 || operator_hours > 0, have_row, free_to_take = 1, keep_verified = 0;
	int keep_linked = 0;
	long long kept_user = 0;

	old_hash_of(old_secret, old_hash);
	if (identity_secret_new(secret_out) != 0)
		return IDENTITY_ERROR;
	identity_secret_hash(secret_out, new_hash);
	/* Read committed: the look for an ID nobody holds yet locks no gap of
	 * the index, so that claims of different new IDs at the same moment (a
	 * room arriving at once) do not deadlock on it; two claims of the same
	 * new ID still meet at its key, and the second is told it is held. (On a
	 * connection the server dropped, db_begin starts afresh at the default
	 * level, and a deadlock there is retried.) */
	(void)db_exec(db, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
	if (db_begin(db) != 0)
		return IDENTITY_ERROR;
	if (user_id > 0 && bind_account(db, github_id, user_id, 0) != 0)
		return fail(db);
	r = db_query(db, "SELECT secret_hash, last_seen < NOW() - INTERVAL ? DAY, verified, "
		     "COALESCE(github_user_id, 0), COALESCE(operator_until > NOW(), 0) "
		     "FROM identities WHERE github_id = ? FOR UPDATE",
		     DB_INT(hold_days), DB_TEXT(github_id));
	if (!r)
		return fail(db);
	have_row = r->nrows > 0;
	if (have_row) {
		int mine = old_hash[0] && strcmp(db_cell(r, 0, 0) ? db_cell(r, 0, 0) : "", old_hash) == 0;
		int lapsed = db_cell_int(r, 0, 1, 0) != 0;

		free_to_take = force || mine || lapsed;
		keep_verified = mine && db_cell_int(r, 0, 2, 0) != 0;
		snprintf(held_hash, sizeof(held_hash), "%s", db_cell(r, 0, 0) ? db_cell(r, 0, 0) : "");
		kept_user = keep_verified ? db_cell_int(r, 0, 3, 0) : 0;
		keep_linked = mine && db_cell_int(r, 0, 4, 0) != 0;
	}
	db_result_free(r);
	if (!free_to_take) {
		db_rollback(db);
		return IDENTITY_HELD;
	}
	if (user_id > 0)
		kept_user = user_id;
	/* The ID this browser held before, if another, is let go; so is the
	 * hold this claim replaces: whoever held it before (or this browser's
	 * own tabs, under the secret it is given anew). */
	if (old_hash[0] && (released(db, old_hash, github_id) != 0 ||
			    db_exec(db, "DELETE FROM identities WHERE secret_hash = ? AND github_id <> ?",
				    DB_TEXT(old_hash), DB_TEXT(github_id)) < 0))
		return fail(db);
	if (held_hash[0] && released(db, held_hash, NULL) != 0)
		return fail(db);
	if (have_row) {
		if (db_exec(db, "UPDATE identities SET github_id = ?, secret_hash = ?, verified = ?, "
			    "github_user_id = ?, claimed_at = NOW(), last_seen = NOW(), "
			    "operator_until = IF(? > 0, NOW() + INTERVAL ? HOUR, IF(?, operator_until, NULL)) "
			    "WHERE github_id = ?",
			    DB_TEXT(github_id), DB_TEXT(new_hash), DB_INT(user_id > 0 || keep_verified),
			    kept_user > 0 ? DB_INT(kept_user) : DB_NULL, DB_INT(operator_hours),
			    DB_INT(operator_hours), DB_INT(keep_linked), DB_TEXT(github_id)) < 0)
			return fail(db);
	} else if (db_exec(db, "INSERT INTO identities (github_id, github_user_id, secret_hash, verified, "
			   "operator_until) VALUES (?, ?, ?, ?, IF(? > 0, NOW() + INTERVAL ? HOUR, NULL))",
			   DB_TEXT(github_id), user_id > 0 ? DB_INT(user_id) : DB_NULL, DB_TEXT(new_hash),
			   DB_INT(user_id > 0), DB_INT(operator_hours), DB_INT(operator_hours)) < 0) {
		/* Another browser claimed it in the same instant; any other
		 * failure (away, no room to write, a deadlock) is not a 409. */
		int held = !force && db_is_duplicate(db);

		if (!held && !db_is_retry(db))  /* a retry is logged by claim_retrying */
			log_warn("claiming %s: %s", github_id, db_error(db));

		db_rollback(db);
		return held ? IDENTITY_HELD : IDENTITY_ERROR;
	}
	if (user_id > 0 && bind_account(db, github_id, user_id, 1) != 0)
		return fail(db);
	if (db_commit(db) != 0)
		return fail(db);
	return IDENTITY_CLAIMED;
}

/* claim, run again when the server rolled it back for another transaction's
 * sake (a deadlock or a lock wait that timed out), the victim through no
 * fault of its own. Each try waits a little longer, at a random moment
 * within it (1–10 ms, then up to 20, 40, 80): tries made at once by
 * claims that met would only meet again. */
static enum identity_claim_result claim_retrying(db_t *db, const char *github_id, const char *old_secret,
						 long hold_days, long long user_id, long operator_hours,
						 char secret_out[IDENTITY_SECRET_LEN + 1])
{
	enum identity_claim_result r = IDENTITY_ERROR;

	for (int tries = 0; tries < 5; tries++) {
		unsigned short jitter = 0;
		struct timespec wait;

		r = claim(db, github_id, old_secret, hold_days, user_id, operator_hours, secret_out);
		if (r != IDENTITY_ERROR || !db_is_retry(db) || tries == 4)
			break;
		log_info("claiming %s again: %s", github_id, db_error(db));
		if (getrandom(&jitter, sizeof(jitter), 0) != (ssize_t)sizeof(jitter))
			jitter = 0;
		wait.tv_sec = 0;
		wait.tv_nsec = (1 + jitter % (10L << tries)) * 1000000L;
		nanosleep(&wait, NULL);
	}
	return r;
}

enum identity_claim_result identity_claim(db_t *db, const char *github_id, const char *old_secret,
					  long hold_days, char secret_out[IDENTITY_SECRET_LEN + 1])
{
	return claim_retrying(db, github_id, old_secret, hold_days, 0, 0, secret_out);
}

int identity_grant(db_t *db, const char *github_id, long long github_user_id, const char *old_secret,
		   char secret_out[IDENTITY_SECRET_LEN + 1])
{
	if (github_user_id <= 0)
		return -1;
	return claim_retrying(db, github_id, old_secret, 36500, github_user_id, 0, secret_out) == IDENTITY_CLAIMED
		       ? 0 : -1;
}

int identity_grant_operator(db_t *db, const char *github_id, const char *old_secret, long hours,
			    char secret_out[IDENTITY_SECRET_LEN + 1])
{
	if (hours <= 0)
		return -1;
	return claim_retrying(db, github_id, old_secret, 36500, 0, hours, secret_out) == IDENTITY_CLAIMED ? 0 : -1;
}

/* identity_lookup and identity_peek: touch marks the hold as used. */
static int lookup(db_t *db, const char *secret, long hold_days, struct identity *out, int touch)
{
	char hash[65];
	db_result *r;
	int found;

	if (!identity_secret_valid(secret))
		return 0;
	identity_secret_hash(secret, hash);
	r = db_query(db, "SELECT github_id, verified, last_seen < NOW() - INTERVAL 1 HOUR, "
		     "COALESCE(operator_until > NOW(), 0) FROM identities "
		     "WHERE secret_hash = ? AND last_seen >= NOW() - INTERVAL ? DAY",
		     DB_TEXT(hash), DB_INT(hold_days));
	if (!r)
		return -1;
	found = r->nrows > 0 && db_cell(r, 0, 0) && strlen(db_cell(r, 0, 0)) <= GITHUB_ID_MAX;
	if (found) {
		snprintf(out->github_id, sizeof(out->github_id), "%s", db_cell(r, 0, 0));
		out->verified = db_cell_int(r, 0, 1, 0) != 0;
		out->linked = db_cell_int(r, 0, 3, 0) != 0;
		if (touch && db_cell_int(r, 0, 2, 0))
			(void)db_exec(db, "UPDATE identities SET last_seen = NOW() WHERE secret_hash = ?",
				      DB_TEXT(hash));
	}
	db_result_free(r);
	return found;
}

int identity_lookup(db_t *db, const char *secret, long hold_days, struct identity *out)
{
	return lookup(db, secret, hold_days, out, 1);
}

int identity_peek(db_t *db, const char *secret, long hold_days, struct identity *out)
{
	return lookup(db, secret, hold_days, out, 0);
}

int identity_release(db_t *db, const char *secret)
{
	char hash[65];

	if (!identity_secret_valid(secret))
		return 0;
	identity_secret_hash(secret, hash);
	if (db_begin(db) != 0)
		return -1;
	if (released(db, hash, NULL) != 0 ||
	    db_exec(db, "DELETE FROM identities WHERE secret_hash = ?", DB_TEXT(hash)) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
