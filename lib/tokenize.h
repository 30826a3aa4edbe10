/* tokenize.h — splits a critique into the words that say what it is about.
 *
 * The scorer compares words rather than one long string of letters
 * (lib/score.c), so a critique and every catalog phrasing are cut into words
 * the same way:
 *   - normalize_words folds width, case and punctuation and leaves one space
 *     between words (lib/normalize.h);
 *   - a run of text with kana or kanji in it goes through MeCab with the IPA
 *     dictionary (mecab-ipadic-utf8), which also splits off the Latin words
 *     inside it ("Cookieに" is "cookie" and "に"); each word is taken in its
 *     dictionary form (回して → 回す), and particles, auxiliary verbs,
 *     symbols, conjunctions, interjections and dependent words (いる in
 *     している, こと) are dropped;
 *   - a file name is one word (lib/web.c gives lib and web.c), so that its
 *     name is not read as words of their own (web, c); a domain name is not
 *     a file name (github.com gives github and com);
 *   - an identifier is one word (attack_jobs), followed by its parts (attack,
 *     job) marked as parts, which the scorer counts weakly;
 *   - a Latin word that is a function word of English ("the", "is", "of") is
 *     dropped, and the rest lose a plural or verb ending (polls, polling,
 *     polled → poll), so that inflections compare equal.
 * What is left are the content words, in order, repeats included.
 *
 * MeCab. A tagger is made the first time a process needs one and used by that
 * process only: the FastCGI programs fork their workers, and a tagger made
 * before the fork is not used after it (one tagger per process). When MeCab
 * cannot start (most often: no dictionary installed), tokenizing text with
 * Japanese in it fails with the reason logged once per process; text without
 * kana or kanji never needs MeCab. */
#ifndef MASAKARI_TOKENIZE_H
#define MASAKARI_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

/* Most words kept from one text, and most code points in them; a 500-character
 * critique has far fewer. Words past these are not kept. */
#define TOKENIZE_MAX_WORDS 256
#define TOKENIZE_MAX_CHARS 2048
/* A longer word is cut to this many code points. */
#define TOKENIZE_MAX_WORD_LEN 32

struct tokenize_word {
	uint32_t start;          /* index of its first code point in chars */
	uint16_t len;            /* code points, 1..TOKENIZE_MAX_WORD_LEN */
	uint8_t latin;           /* 1: Latin letters and digits; 0: anything else */
	uint8_t glued;           /* 1: right after the word before with nothing dropped
				    between: in one MeCab run (認証 情報), or two Latin
				    words apart only by a space (plain text) */
	uint8_t part;            /* 1: a part of the identifier before it (job of
				    attack_jobs), never glued or joined */
	uint8_t clause;          /* 1: the first word of a clause after the first
				    (version 19): no English negation reaches it */
	uint8_t negated;         /* 1: said as missing (version 7): one of the
				    TOKENIZE_NEGATION_SCOPE words after "no",
				    "without", "never"…, or a word before ない or
				    なし */
	uint8_t suggested;       /* 1: a 良い said as a suggestion or denied (version
				    23): 方が良い, たら良い, 良くない; no praise */
	uint8_t naming;          /* 1: a Japanese word that speaks of a name
				    (version 28): 命名, タスク名, 名前に, 名前から */
};

/* What tokenize_result.praise says. Version 7 reads STEMS: a praise
 * word's stem, which "NIC" (a network card) shares with "nice". Version 18
 * reads WORD, the word as written. */
enum {
	TOKENIZE_PRAISE_STEMS = 1,
	TOKENIZE_PRAISE_WORD = 2,
};

/* What separates two clauses in the normalised text (version 19). */
#define TOKENIZE_CLAUSE 0x0Au

/* How many content words after an English negation ("no threads or event
 * loop") it covers. */
#define TOKENIZE_NEGATION_SCOPE 3

struct tokenize_result {
	size_t nwords;
	size_t nchars;           /* code points used in chars */
	struct tokenize_word words[TOKENIZE_MAX_WORDS];
	uint32_t chars[TOKENIZE_MAX_CHARS];
	int japanese;            /* the text had kana or kanji in it */
	uint64_t praise_clauses; /* the clauses a praise word is said in, one bit
				    each as tokenize_word.clause counts them (the
				    64th and after share the last; version 24) */
	uint64_t naming_clauses; /* the clauses that speak of a name (version 28):
				    rename, naming style, the name says, 命名,
				    キー名, 名前から; bits as praise_clauses */
	int praise;              /* TOKENIZE_PRAISE_*: it praises something: nice,
				    lovely, 良い (version 7) */
	int code_words;          /* words written as markup's code, left out (version 14:
				    target of target="_blank", hp of .hp) */
};

/* The dictionary MeCab reads, instead of the one /etc/mecabrc names (NULL:
 * that one). A tagger this process made for another dictionary is dropped. */
void tokenize_set_dictionary(const char *dicdir);

/* Splits the NUL-terminated UTF-8 text into out. Returns 0; -1 when the text
 * is not valid UTF-8 or longer than TOKENIZE_MAX_CHARS after normalisation;
 * -2 when it has Japanese in it and MeCab cannot start (logged). */
int tokenize_words(const char *utf8, struct tokenize_result *out);

/* Joins runs of glued words into one where the joined text is a word the
 * caller knows (known(text, len, ctx) != 0): MeCab cuts a compound noun
 * into its parts (認証情報 → 認証, 情報), English writes some apart (plain
 * text, web app), and a part alone can mean another thing. The longest known run from the left wins; the rest stay as they
 * were. Since a result's words lie one after the other in chars, a joined
 * word is their span. Never fails. */
void tokenize_join(struct tokenize_result *r,
		   int (*known)(const uint32_t *text, size_t len, void *ctx), void *ctx);

/* With 0, Japanese is cut where the script changes (kanji, hiragana,
 * katakana, Latin) instead of by MeCab: the rule measured against MeCab in
 * docs/MASAKARI.md, kept for bench/score. 1 (the default) is MeCab. */
void tokenize_use_mecab(int on);

/* With 0, a file name is cut at its dot (queue.c gives queue and c), as
 * before scoring version 5: for bench/score's table. 1 (the default) keeps it
 * one word. */
void tokenize_keep_file_names(int on);

/* With 0, words are cut as before scoring version 6, for bench/score's
 * table: an identifier's underscores separate words (attack_jobs gives
 * attack and job), a domain name is a file name (github.com one word),
 * "through" is a content word, and hosting, string and everything lose
 * their -ing. 1 (the default) is version 6. */
void tokenize_v6_rules(int on);

/* With 0, a URL is cut as before scoring version 11, for bench/score's
 * table: its scheme is a word (https of https://github.com/x.png) and its
 * host a domain only when it ends in a known top-level domain. 1 (the
 * default) is version 11: the scheme is no word, and every dot of the host
 * separates words as a domain's does. */
void tokenize_v11_rules(int on);

/* With 0, markup's code is cut as prose, as before scoring version 14, for
 * bench/score's table. 1 (the default) is version 14: an attribute's name
 * written before =" or =' (target="_blank") and a CSS selector's class or
 * id (.hp, #chat) are no words; they name that code, not the thing their
 * letters would in prose. tokenize_result's code_words counts them. */
void tokenize_v14_rules(int on);

/* With 0, "means" is a word, as before scoring version 18, for
 * bench/score's table. 1 (the default) is version 18: it is a stop word,
 * since "that means" says no meaning, which its stem would be. */
void tokenize_v18_rules(int on);

/* With 0, text is cut as before scoring version 19, for bench/score's
 * table. 1 (the default) is version 19: a file's name before the extension
 * is a part of it, as an identifier's are (log of lib/log.c); an English
 * negation reaches no further than its clause (tokenize_word.clause); a
 * praise said as a wish ("would be nice") is none; and "nobody" is a stop
 * word. */
void tokenize_v19_rules(int on);

/* With 0, text is cut as before scoring version 22, for bench/score's
 * table. 1 (the default) is version 22: a Japanese sentence ends at 。, ！
 * or ？ as an English one at its full stop (tokenize_word.clause), and a
 * ない that says nothing is missing is no word: しかない (only) and ないか
 * (whether there is any). */
void tokenize_v22_rules(int on);

/* With 0, text is cut as before scoring version 23, for bench/score's
 * table. 1 (the default) is version 23: a 良い said as a suggestion
 * (〜した方が良い, 〜たら良い) or denied (良くない, 〜でよくない？) is no praise
 * (tokenize_word.suggested). */
void tokenize_v23_rules(int on);

/* Whether MeCab starts in this process: 0, or -1 with the reason in why. */
int tokenize_check(char *why, size_t cap);

#endif
