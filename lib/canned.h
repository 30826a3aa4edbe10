/* canned.h — the server's words when no language model answers.
 *
 * The legacy server is a veteran engineer who hates bad code, and it answers
 * every critique in the critic's language in at most CANNED_MAX_CHARS
 * characters. When the chat-completions API is not configured or fails, a
 * line from this table stands in: one written for the weakness the critique
 * hit when there is one, otherwise one for a miss. */
#ifndef MASAKARI_CANNED_H
#define MASAKARI_CANNED_H

#include "score.h"

/* The longest reply the server gives, canned or not. */
#define CANNED_MAX_CHARS 60

struct canned_line {
	const char *slug;        /* weaknesses.slug; CANNED_HIT or CANNED_MISS for the general ones */
	enum score_lang lang;
	const char *text;
};

#define CANNED_HIT "*hit"
#define CANNED_MISS "*miss"

/* Every line, ending with a zeroed entry (for tests and docs). */
extern const struct canned_line canned_lines[];

/* A line in lang for a throw that hit the weakness slug (NULL for a miss).
 * pick chooses among the fitting lines (the throw's id, say), so the same
 * throw always gets the same line. Never fails: a weakness with no line of
 * its own gets a general line for a hit. */
const char *canned_reply(const char *slug, enum score_lang lang, unsigned long long pick);

/* The critic's language: Japanese when the text has any kana or kanji (or
 * their half-width and full-width forms), English otherwise. */
enum score_lang canned_lang_of(const char *utf8);

#endif
