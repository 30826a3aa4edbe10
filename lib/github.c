/* github.c — GitHub user ID validation, with GitHub's own rules. */
#include "github.h"

#include <string.h>

const char *github_id_problem(const char *id)
{
	size_t n;

	if (id == NULL || *id == '\0')
		return "Enter your GitHub ID.";
	n = strlen(id);
	if (n > GITHUB_ID_MAX)
		return "A GitHub ID has at most 39 characters.";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (c == '-') {
			if (i == 0 || i == n - 1)
				return "A GitHub ID cannot begin or end with a hyphen.";
			if (id[i + 1] == '-')
				return "A GitHub ID cannot contain two hyphens in a row.";
		} else if (!alnum) {
			return "A GitHub ID may contain only letters, digits and hyphens.";
		}
	}
	return NULL;
}
