/* turn.h — the ICE servers the hall's calls use, and time-limited TURN
 * credentials in coturn's shared-secret form (the "TURN REST API" of
 * draft-uberti-behave-turn-rest: coturn's use-auth-secret). */
#ifndef MASAKARI_TURN_H
#define MASAKARI_TURN_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "settings.h"

#define TURN_USERNAME_MAX 64
#define TURN_CREDENTIAL_MAX 32   /* base64 of a 20-byte HMAC-SHA1, and its NUL */

/* The credentials for github_id good until now + ttl: username is
 * "<expiry unix time>:<github_id>", credential base64(HMAC-SHA1(secret,
 * username)), as coturn checks them. 0, or -1 when an output would not fit
 * or the HMAC fails. */
int turn_credentials(const char *secret, const char *github_id, time_t now, long ttl,
		     char username[TURN_USERNAME_MAX], char credential[TURN_CREDENTIAL_MAX]);

/* {"iceServers":[{"urls":[…]}, {"urls":[…],"username","credential"}],"ttl"}
 * from Hall.IceServers: stun: URLs as they are; turn: and turns: URLs with
 * credentials for github_id when Hall.TurnSecret is set, and left out when
 * it is not (a TURN server without credentials only fails). NULL when out of
 * memory or the HMAC fails. */
json_t *turn_ice_servers(const struct settings *settings, const char *github_id, time_t now);

#endif
