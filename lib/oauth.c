/* oauth.c — reading GitHub's OAuth answers (oauth.h). */
#include "oauth.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>

/* Printable ASCII only, 1..max bytes. */
static int printable(const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

enum oauth_result oauth_token_parse(const char *body, size_t len, char token[OAUTH_TOKEN_MAX + 1],
				    char *error, size_t errlen)
{
	json_t *root = body ? json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL) : NULL;
	const char *t, *e;
	enum oauth_result r = OAUTH_GARBAGE;

	token[0] = '\0';
	if (error && errlen)
		error[0] = '\0';
	if (!json_is_object(root))
		goto out;
	t = json_string_value(json_object_get(root, "access_token"));
	e = json_string_value(json_object_get(root, "error"));
	if (t && !e) {
		const char *type = json_string_value(json_object_get(root, "token_type"));

		if (printable(t, OAUTH_TOKEN_MAX) && (!type || strcasecmp(type, "bearer") == 0)) {
			memcpy(token, t, strlen(t) + 1);
			r = OAUTH_OK;
		}
	} else if (e && printable(e, 200)) {
		if (error && errlen) {
			size_t n = strlen(e) < errlen - 1 ? strlen(e) : errlen - 1;

			memcpy(error, e, n);
			error[n] = '\0';
		}
		r = OAUTH_REFUSED;
	}
out:
	json_decref(root);
	return r;
}

enum oauth_result oauth_user_parse(const char *body, size_t len, char login[GITHUB_ID_MAX + 1],
				   long long *user_id)
{
	json_t *root = body ? json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL) : NULL;
	json_t *id;
	const char *l;
	enum oauth_result r = OAUTH_GARBAGE;

	login[0] = '\0';
	*user_id = 0;
	if (json_is_object(root)) {
		l = json_string_value(json_object_get(root, "login"));
		id = json_object_get(root, "id");
		/* A JSON integer within what every JSON reader holds exactly. */
		if (l && github_id_problem(l) == NULL && json_is_integer(id) &&
		    json_integer_value(id) > 0 && json_integer_value(id) <= (1LL << 53)) {
			memcpy(login, l, strlen(l) + 1);
			*user_id = (long long)json_integer_value(id);
			r = OAUTH_OK;
		}
	}
	json_decref(root);
	return r;
}

int oauth_code_plausible(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	if (n == 0 || n > OAUTH_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)code[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return 0;
	}
	return 1;
}

static int hex32(const char *s)
{
	if (!s || strlen(s) != 32)
		return 0;
	for (size_t i = 0; i < 32; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

int oauth_state_matches(const char *state, const char *cookie)
{
	unsigned diff = 0;

	if (!hex32(state) || !hex32(cookie))
		return 0;
	for (size_t i = 0; i < 32; i++)
		diff |= (unsigned)(state[i] ^ cookie[i]);
	return diff == 0;
}
