/* github.c — GitHub user ID validation, with GitHub's own rules. */
#include "github.h"

#include <string.h>

/* Each fault's catalog key (lang/<l>/common.hdf) and its English sentence. */
static const struct {
	const char *key;
	const char *english;
} faults[] = {
	{ "Text.Common.GithubId.Empty", "Enter your GitHub ID." },
	{ "Text.Common.GithubId.TooLong", "A GitHub ID has at most 39 characters." },
	{ "Text.Common.GithubId.HyphenEnd", "A GitHub ID cannot begin or end with a hyphen." },
	{ "Text.Common.GithubId.HyphenTwice", "A GitHub ID cannot contain two hyphens in a row." },
	{ "Text.Common.GithubId.Characters", "A GitHub ID may contain only letters, digits and hyphens." },
};

/* The index in faults of what is wrong with id, or -1. */
static int github_id_fault(const char *id)
{
	size_t n;

	if (id == NULL || *id == '\0')
		return 0;
	n = strlen(id);
	if (n > GITHUB_ID_MAX)
		return 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (c == '-') {
			if (i == 0 || i == n - 1)
				return 2;
			if (id[i + 1] == '-')
				return 3;
		} else if (!alnum) {
			return 4;
		}
	}
	return -1;
}

const char *github_id_problem(const char *id)
{
	int f = github_id_fault(id);

	return f < 0 ? NULL : faults[f].english;
}

const char *github_id_problem_key(const char *id)
{
	int f = github_id_fault(id);

	return f < 0 ? NULL : faults[f].key;
}
