/* lang.h — the two languages of the site: the message catalogs and the visitor's choice.
 *
 * Every text a person reads lives in lang/<l>/NAME.hdf (l = ja, en), one HDF
 * tree per language loaded once per process. All keys sit under "Text.";
 * each file owns one branch (lang/ja/site.hdf → Text.Site.*, js.hdf →
 * Text.Js.*), and the same key exists in both languages with the same
 * placeholders ({1}, {2}, … filled by lang_fill). The visitor's language is
 * the masakari_lang cookie when it names one, else the best of Accept-Language
 * by quality, else Japanese. */
#ifndef MASAKARI_LANG_H
#define MASAKARI_LANG_H

#include <stddef.h>

#include <ClearSilver.h>

/* The same numbering as enum score_lang, so a throw's language indexes both. */
enum lang_id {
	LANG_JA = 0,
	LANG_EN = 1,
};
#define LANG_COUNT 2
#define LANG_DEFAULT LANG_JA

#define LANG_COOKIE "masakari_lang"
#define LANG_COOKIE_AGE (365L * 24 * 3600)

/* "ja" / "en" for a language. */
const char *lang_name(enum lang_id lang);

/* The language named exactly "ja" or "en"; -1 for anything else (NULL too). */
int lang_parse(const char *name);

/* The language an Accept-Language header asks for most (by quality, the
 * earlier of equals winning; "ja-JP" counts as ja, "en-GB" as en); -1 when it
 * asks for neither (missing, malformed, only other languages, or q=0). */
int lang_from_accept(const char *header);

/* The visitor's language: the cookie's value when it names one, else the
 * Accept-Language header's choice, else LANG_DEFAULT. Either may be NULL. */
enum lang_id lang_choose(const char *cookie, const char *accept_language);

/* Reads every lang/ja/NAME.hdf and lang/en/NAME.hdf under dir, once per process.
 * A key missing from one language is logged and shown in the other; a file
 * that does not parse is an error (logged, raised). */
NEOERR *lang_load(const char *dir);

/* The language's catalog tree (Text.*); NULL before lang_load. */
HDF *lang_catalog(enum lang_id lang);

/* The text at key (a full "Text.…" name) in lang; the key itself, logged,
 * when neither catalog has it, so a missing text shows and is found. */
const char *lang_text(enum lang_id lang, const char *key);

/* Copies text into buf with {1}…{9} replaced by args[0]…args[8] (NULL-ended,
 * missing ones become empty), truncating at buflen. Returns buf. */
char *lang_fill(char *buf, size_t buflen, const char *text, const char *const *args);

/* Compares the two catalogs under dir: every key in both languages, with
 * the same placeholders, and no key under two files. Logs each problem
 * (with report set, also to stderr) and returns how many there are, or -1
 * when a catalog cannot be read. */
int lang_check(const char *dir, int report);

/* A number with the digits grouped as lang writes them (1,234,567 in both
 * languages here: Japanese also groups by thousands). */
char *lang_number(char *buf, size_t buflen, long long n, enum lang_id lang);

/* A "YYYY-MM-DD HH:MM:SS" UTC time as lang writes it: 2026年12月3日 12:04 /
 * 3 Dec 2026, 12:04; the input returned unchanged if it is not such a time. */
char *lang_datetime(char *buf, size_t buflen, const char *sql_time, enum lang_id lang);

#endif
