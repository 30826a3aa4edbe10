/* turn.c — the ICE servers handed to the hall's calls, with TURN
 * credentials coturn checks against its static-auth-secret (turn.h). */
#include "turn.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>

int turn_credentials(const char *secret, const char *github_id, time_t now, long ttl,
		     char username[TURN_USERNAME_MAX], char credential[TURN_CREDENTIAL_MAX])
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	int n = snprintf(username, TURN_USERNAME_MAX, "%lld:%s", (long long)now + ttl, github_id);

	if (n < 0 || n >= TURN_USERNAME_MAX)
		return -1;
	if (!HMAC(EVP_sha1(), secret, (int)strlen(secret), (const unsigned char *)username,
		  (size_t)n, mac, &maclen) || maclen != 20)
		return -1;
	/* 20 bytes are 28 characters of base64 and a NUL. */
	EVP_EncodeBlock((unsigned char *)credential, mac, (int)maclen);
	return 0;
}

static int is_turn(const char *url)
{
	return strncmp(url, "turn:", 5) == 0 || strncmp(url, "turns:", 6) == 0;
}

json_t *turn_ice_servers(const struct settings *settings, const char *github_id, time_t now)
{
	const char *secret = settings->hall_turn_secret;
	json_t *body = json_pack("{s:[],s:I}", "iceServers", "ttl", (json_int_t)settings->hall_turn_ttl_seconds);
	json_t *servers = json_object_get(body, "iceServers");
	json_t *stun = json_array(), *turn = json_array();
	HDF *node = settings->hall_ice_servers ? hdf_obj_child(settings->hall_ice_servers) : NULL;

	if (!body || !stun || !turn)
		goto fail;
	for (; node; node = hdf_obj_next(node)) {
		const char *url = hdf_obj_value(node);

		if (!url || !*url)
			continue;
		if (!is_turn(url))
			json_array_append_new(stun, json_string(url));
		else if (secret && *secret)
			json_array_append_new(turn, json_string(url));
	}
	if (json_array_size(stun) &&
	    json_array_append_new(servers, json_pack("{s:O}", "urls", stun)) != 0)
		goto fail;
	if (json_array_size(turn)) {
		char username[TURN_USERNAME_MAX], credential[TURN_CREDENTIAL_MAX];

		if (turn_credentials(secret, github_id, now, settings->hall_turn_ttl_seconds, username,
				     credential) != 0 ||
		    json_array_append_new(servers, json_pack("{s:O,s:s,s:s}", "urls", turn,
							     "username", username,
							     "credential", credential)) != 0)
			goto fail;
	}
	json_decref(stun);
	json_decref(turn);
	return body;
fail:
	json_decref(stun);
	json_decref(turn);
	json_decref(body);
	return NULL;
}
