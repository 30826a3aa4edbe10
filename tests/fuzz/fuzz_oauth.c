/* fuzz_oauth.c — lib/oauth.c: any body read as a token endpoint's and as a
 * user endpoint's answer. A token is printable ASCII within its limit, a
 * refusal's code is printable and cut to its room, a login is a valid GitHub
 * ID with a positive numeric id; the state check holds only for two equal
 * 32-hex strings. */
#include <string.h>

#include "fuzz.h"
#include "github.h"
#include "oauth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char token[OAUTH_TOKEN_MAX + 1], error[16], login[GITHUB_ID_MAX + 1], state[33];
	long long user_id;
	enum oauth_result r;

	r = oauth_token_parse((const char *)data, size, token, error, sizeof(error));
	FUZZ_CHECK(r == OAUTH_OK || r == OAUTH_REFUSED || r == OAUTH_GARBAGE);
	if (r == OAUTH_OK) {
		FUZZ_CHECK(strlen(token) >= 1 && strlen(token) <= OAUTH_TOKEN_MAX);
		for (size_t i = 0; token[i]; i++)
			FUZZ_CHECK(token[i] > 0x20 && token[i] < 0x7f);
	} else {
		FUZZ_CHECK(token[0] == '\0');
	}
	if (r == OAUTH_REFUSED)
		FUZZ_CHECK(strlen(error) >= 1 && strlen(error) < sizeof(error));
	r = oauth_user_parse((const char *)data, size, login, &user_id);
	FUZZ_CHECK(r == OAUTH_OK || r == OAUTH_GARBAGE);
	FUZZ_CHECK(r == OAUTH_OK ? github_id_problem(login) == NULL : login[0] == '\0');
	FUZZ_CHECK(r == OAUTH_OK ? user_id > 0 : user_id == 0);
	if (size >= 32) {
		memcpy(state, data, 32);
		state[32] = '\0';
		FUZZ_CHECK(!oauth_state_matches(state, state) || strspn(state, "0123456789abcdef") == 32);
		FUZZ_CHECK(!oauth_state_matches(state, "0123456789abcdef0123456789abcdef") ||
			   strcmp(state, "0123456789abcdef0123456789abcdef") == 0);
	}
	return 0;
}
