/* oauth.h — the answers of GitHub's OAuth app flow, read as pure functions
 * (no network here: cgi-bin/site/login.c asks, these read what came back).
 *
 * The token endpoint answers {"access_token":"…","token_type":"bearer",…} or
 * {"error":"bad_verification_code","error_description":"…"}; the user
 * endpoint answers {"login":"octocat","id":583231,…}: the login is the name
 * shown, and changes when the account is renamed; the numeric id does not,
 * so it is what a verified ID is bound to. Anything else — not JSON, not an
 * object, a token that is not printable ASCII or too long, a login that is
 * not a valid GitHub ID, an id that is not a positive integer — is refused.
 * A code is refused before it is sent when it is not one GitHub could have
 * given (oauth_code_plausible). */
#ifndef MASAKARI_OAUTH_H
#define MASAKARI_OAUTH_H

#include <stddef.h>

#include "github.h"

#define OAUTH_TOKEN_MAX 255

enum oauth_result { OAUTH_OK = 0, OAUTH_REFUSED = 1, OAUTH_GARBAGE = 2 };

/* Reads a token endpoint body (len bytes, not NUL-terminated). OAUTH_OK: the
 * token is in token (NUL-terminated, at most OAUTH_TOKEN_MAX). OAUTH_REFUSED:
 * GitHub said no (its error code, printable ASCII, in error, cut to
 * errlen - 1). OAUTH_GARBAGE: the body is not such an answer. */
enum oauth_result oauth_token_parse(const char *body, size_t len, char token[OAUTH_TOKEN_MAX + 1],
				    char *error, size_t errlen);

/* Reads a user endpoint body: OAUTH_OK with the login, a valid GitHub ID, in
 * login and the account's numeric id (1 … 2^53) in *user_id; OAUTH_GARBAGE
 * otherwise (login empty, *user_id 0). */
enum oauth_result oauth_user_parse(const char *body, size_t len, char login[GITHUB_ID_MAX + 1],
				   long long *user_id);

/* True when code (may be NULL) has the shape of an authorization code:
 * 1 … OAUTH_CODE_MAX letters, digits, '-', '_' or '.'. Anything else is
 * refused without asking GitHub, so a junk callback costs no outbound call. */
#define OAUTH_CODE_MAX 100
int oauth_code_plausible(const char *code);

/* True when state (NUL-terminated, may be NULL) equals the expected state
 * cookie, both 32 lowercase hex digits; compared in constant time. */
int oauth_state_matches(const char *state, const char *cookie);

#endif
