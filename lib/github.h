/* github.h — GitHub user ID validation, with GitHub's own rules. */
#ifndef MASAKARI_GITHUB_H
#define MASAKARI_GITHUB_H

#define GITHUB_ID_MAX 39

/* Returns NULL when id is a valid GitHub ID (1–39 characters of ASCII letters,
 * digits and single hyphens, no hyphen at either end); otherwise a sentence
 * saying what is wrong, fit to show the user. id may be NULL. */
const char *github_id_problem(const char *id);

/* The same check, answering with the catalog key of the sentence (see
 * lang.h) in place of the English one, for pages in the visitor's language. */
const char *github_id_problem_key(const char *id);

#endif
