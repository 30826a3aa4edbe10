/* score.h — the weakness catalog in memory, and the weakness a critique hits.
 *
 * A catalog holds the legacy target's known weaknesses, each with several
 * phrasings (Japanese and English), and the catalog's words: groups of words
 * that mean one thing (host, box, machine, サーバー) and words that mean only
 * themselves (chrony, sqlite). Building it (lib/score_catalog.c:
 * score_catalog_add_word, score_catalog_add, score_catalog_load) is kept
 * apart from matching (lib/score.c) so that the matching can be used and
 * tested without a database.
 *
 * Scoring version 17 (score_critique). The critique and every phrasing are
 * cut into content words (lib/tokenize.h: MeCab for Japanese; a file name,
 * queue.c, is one word, and so is an identifier, attack_jobs, whose parts
 * a critique says too, at SCORE_PART_LIKENESS); glued words
 * whose joined text is a catalog word become that one word (認証+情報 →
 * 認証情報), and each word of a group stands for the group's first. Two
 * words are alike
 *   - by equality (likeness 1); a critique word that is a catalog word
 *     (or extends one: chronyd, httpsの) is like nothing else;
 *   - else by their Jaro–Winkler similarity when it reaches word_threshold
 *     (below it they count as unlike: chance likeness between short words is
 *     noise), except that words shorter than three characters are alike only
 *     when equal, a word is never like its own extension by a few
 *     letters (http and https, sql and sqlite: they make another term),
 *     Latin words are alike only when they begin with the same letter
 *     (typos keep it; clock and flock, hypervisor and supervisor differ),
 *     and (version 6) only when both have SCORE_FUZZY_MIN_LEN letters and
 *     the shorter SCORE_FUZZY_LEN_RATIO of the longer's (floor and flooder,
 *     print and point differ).
 * Each word of the catalog weighs its inverse document frequency,
 * ln(1 + N / n) for a word found in n of the N weaknesses, so a word only one
 * weakness uses ("cron", "バブル") tells more than one many use ("request").
 * For a phrasing P and the critique C, both ways of Monge–Elkan:
 *   recall    = Σ over words p of P of weight(p) × best likeness of p in C,
 *               divided by Σ weight(p): how much of P the critique says;
 *   precision = the same over the distinct words c of C, each weighing as its
 *               likest catalog word (unknown_weight when no catalog word is
 *               alike): how much of the critique P accounts for;
 * and the score is the recall (one-way Monge–Elkan: the two-way means
 * measured worse, docs/MASAKARI.md), 0..1; precision is reported. The
 * best phrasing of all wins; on a tie the one added first.
 *
 * The hit rule: the score must reach the miss threshold of the critique's
 * language (Japanese when it has kana or kanji). The power follows how far
 * the score stands above that language's chance level, the score unrelated
 * critiques get: ⌈100 × (score − chance) / (1 − chance)⌉, 1..100. A hit also
 * needs two words of its phrasing, or one that carries SCORE_ONE_WORD_RECALL
 * of its weight ("CDN" of "no CDN"; not "sort" of "bubble sort on every
 * request"). And a hit must not be a guess between two weaknesses (version
 * 4): it misses when every word of the winning phrasing that the critique
 * said is a word of another weakness too (nothing tells the two apart) and
 * no other phrasing of the weakness that hits by itself tells it apart
 * (version 5), or when another weakness scores SCORE_SECOND_NAMED or more
 * (the critique names both), or less than SCORE_CLOSE_MARGIN below it
 * (version 6: which one it means would be a guess). A miss flies, but
 * weakly: at most SCORE_MISS_POWER_MAX (version 6), in proportion to how far
 * its score stands between the chance level and the threshold.
 *
 * Version 7 reads what a critique says is missing: the words after "no",
 * "without", "lacks", "nor" (TOKENIZE_NEGATION_SCOPE of them) and a word
 * before ない or なし. A weakness that something is there (about_presence in
 * the catalog: a plain-text password, one event loop) takes no such word for
 * evidence, so "no password" is no plain-text password; one that something
 * is missing (no HTTPS, no threads) takes them as before. And a hit must say
 * more of its own than its runner-up: when the critique's words that only
 * the runner-up's phrasings say weigh SCORE_EVIDENCE_RATIO times those that
 * only the hit's say, the lead rests on shared words and the hit is a guess
 * (SCORE_MISS_GUESS). A critique that praises ("the HTTPS redirect is nice",
 * "良い") and says nothing of the weakness missing names no weakness
 * (SCORE_MISS_PRAISE).
 *
 * Version 8 changes how hard a hit flies: SCORE_HIT_POWER_MIN at the miss
 * threshold, rising in proportion to 100 at a score of 1
 * (score_hit_power), where version 7's hit flew over the chance level and
 * began near 35; a miss still flies at most SCORE_MISS_POWER_MAX. Which
 * critique hits which weakness is version 7's rules with sql/0128's words
 * and phrasings.
 *
 * Version 9: two words of everyday prose (score_everyday_words: log, line,
 * page, file, error…) name no weakness by themselves. A hit needs, among the
 * critique's words alike to its weakness's words, one that is not everyday
 * or SCORE_EVERYDAY_MIN of them ("the access log fills with 404 lines" is
 * no critique of logs on stderr; "log lines on stderr" is). sql/0129 adds
 * terms of more than one word (standard error, exchange sort) and other
 * reviewers' words.
 *
 * Version 10: a hit rests on words said firmly. The two words a hit needs
 * (or the one that carries SCORE_ONE_WORD_RECALL) count a Latin word alike
 * to a catalog word only at SCORE_FIRM_LIKENESS or through a shared stem of
 * SCORE_FIRM_STEM letters ("select" is no "secret"), and an English "no" or
 * "without" only when the critique says one of the phrasing's own words as
 * missing ("no clustering … real-time" is no "no real message broker");
 * a Japanese word alike to an everyday word only as a compound of it
 * (ファイル名, ファイル) does not count. sql/0130 adds reviewers' everyday
 * words for the weaknesses' things.
 *
 * Version 11: a URL's scheme is no word and its host's dots separate words
 * as a domain's (lib/tokenize.h): https://github.com/x.png says nothing of
 * HTTPS. A Japanese word is not alike to a longer one it only begins
 * (SCORE_RULE_BEGINS): データ is no データベース, where Jaro–Winkler's bonus
 * for the common beginning alone made them alike, while ジョブ and
 * ジョブキュー (the rest a catalog word) and サーバ and サーバー (the long
 * vowel mark) stay alike. A weakness whose likeliest phrasing the critique
 * says by one word only hits through another of its phrasings that hits by
 * itself with two words or more (SCORE_RULE_ANY_PHRASING): "ClearSilver" of
 * "ClearSilver is unmaintained", "upstream went quiet" of another. sql/0131
 * adds more of reviewers' everyday words.
 *
 * Version 12: the game's own nouns (throw, masakari, page, hall, exhibit;
 * 投げる, まさかり, ページ: score_game_word) are not among the two words a hit
 * needs (SCORE_RULE_GAME): every critique of the site says them, and a
 * phrasing recalled through them ("nothing checks who is throwing" by check
 * and throw) has not had its fault named. They still weigh in the score.
 * sql/0132 adds reviewers' words for an index, a full scan, a restart.
 *
 * Version 13: a hit says its weakness's fault, not only its subject
 * (SCORE_RULE_SUBJECT). The catalog marks, per weakness, the words of its
 * phrasings that name what it is about (weakness_subject_words: login and
 * GitHub ID of no authentication, templates of templates parsed per
 * request, the HP bar of HP bar polling, the database of queue polling).
 * A hit needs a word of its winning phrasing, or of another of its
 * phrasings that hits by itself, said firmly and outside the game's nouns
 * that is not one of them; or the subject said as missing ("no login") of
 * a weakness that something is missing. "commented-out code in the login
 * handler" names login and no fault. sql/0133 adds the table and phrasings.
 *
 * Version 14: a word written as code names that code (SCORE_RULE_CODE).
 * An attribute's name in markup and a CSS selector are no words
 * (target of target="_blank", hp of .hp: tokenize_v14_rules), and a file
 * name is alike only to another file's name, not to the prose word it is
 * spelt like (exhibit.cs is no exhibition). sql/0134 adds reviewers' words
 * for the twelfth set's misses and marks the person typed in as a subject
 * of no authentication.
 *
 * Version 15: the fault a hit says is its subject's (SCORE_RULE_THING). A
 * phrasing that names its weakness's subject speaks for a hit only when
 * the critique names one of that weakness's subject words too: "the very
 * same nginx that serves the hall" says a shared host, not the database's
 * (database on web host), and "the legacy server's HP" named in a heading
 * is no fault of the HP once the host and the target are the HP's subject.
 * sql/0137 marks the subjects of five more weaknesses (the log and its
 * lines, static files, the flooder, the machine, Unicode normalisation)
 * and adds reviewers' words for the thirteenth set's misses.
 *
 * Version 16: a rival is a reading (SCORE_RULE_RIVAL). Version 4's and
 * 6's and 7's rules make a hit a guess when a runner-up is named strongly,
 * scores close, or says more of its own; since version 16 the runner-up
 * counts only when the critique says its fault as a hit would have to
 * (versions 13 and 15: a word of a phrasing of it that hits by itself,
 * not only its subject's words, and its subject named when that phrasing
 * names it). "Login sessions travel as plain HTTP" names login, and no
 * fault of sign-in: no authentication is no competing reading of it.
 * sql/0139 marks the subjects of four more weaknesses.
 *
 * Version 17: a tie is a reading whatever is said (SCORE_RULE_NEAR).
 * Version 16's waiver judges the runner-up's fault alone; but when the
 * runner-up scores as high as the hit, which of the two is "the hit" is
 * the catalog's order, not the critique's words, and a waiver that rests
 * on that order would credit either as readily. A runner-up tying the hit
 * (within SCORE_RIVAL_TIE) stays a competing reading unless the hit is
 * named as strongly as SCORE_SECOND_NAMED, said by its own words well
 * enough to stand without the order. "Throws from unverified IDs draw on
 * one budget per client address" scores the missing sign-in and the rate
 * limit per address 0.50 each: a guess again; "Login sessions travel as
 * plain HTTP" names no HTTPS whole, and still hits it.
 *
 * Version 18: a word is read as written (SCORE_RULE_AS_WRITTEN). Praise is
 * a praise word as written, not its stem: "the latency never went through
 * a NIC" praises nothing, though nic is nice's stem; and "means" is a stop
 * word (tokenize_v18_rules): "that means hunting them down" says no
 * meaning, which is its stem too. sql/0141 names the rate limit as it is
 * since sql/0135 (a bucket per address for IDs no sign-in proved) in a
 * reviewer's words, makes a string similarity one term, and adds
 * reviewers' words for the seventeenth and eighteenth sets' misses.
 *
 * Version 19: a word is read where it stands (SCORE_RULE_ENDS, and
 * tokenize_v19_rules). A file's name is a part of it, as an identifier's
 * are (log of lib/log.c), and says its word once, not once more for the
 * everyday-prose rule; an English negation ends with its clause ("no
 * offset, so a log line" says no log missing); a praise said as a wish
 * ("would be nice") is none; "nobody" is a stop word; and a compound verb
 * is no verb it ends (問い合わせる, inquire, is no 合わせる, match).
 * sql/0142 adds reviewers' words for the nineteenth and twentieth sets'
 * misses and marks cron and flock as what cron-job-scheduler is about.
 *
 * Version 20: what is not said is not a reading. A phrasing that names
 * its weakness's subject scores nothing when the critique does not name
 * that subject (SCORE_RULE_UNSAID): version 15 missed such a best and left
 * the weakness the critique did say behind it as the runner-up ("the
 * target on the same nginx and host as the hall" was the database's on the
 * web host by its phrasing, and no one's); now it is not scored, and the
 * target is. A runner-up named strongly that says nothing the hit does not
 * (every word the critique matched of it is a word of the hit's weakness
 * too) is a part of the hit, not a second weakness named
 * (SCORE_RULE_CASE): "nginx, halld, the flooder and MariaDB all on one
 * box" names the database on the web host as one case of one server. And
 * a hit says at least one word that at most SCORE_TELLING_DF weaknesses
 * use (SCORE_RULE_TELLING): each, one and time tell none. sql/0143 gives
 * one server for everything the list its own explanation gives.
 *
 * Version 21: a near-spelling is another word (SCORE_RULE_SPELT). A Latin
 * word alike to a catalog word only below SCORE_FIRM_LIKENESS and without
 * a stem of SCORE_FIRM_STEM letters in common (version 10's test of a word
 * said firmly) is not linked to it at all: browser is no broker (0.89),
 * select no secret (0.86), where version 10 only kept them from being one
 * of a hit's two words. A typo (pasword, brokr) is still its word.
 * sql/0145 marks what the bubble sort sorts and halld's event loop as
 * those weaknesses' subjects.
 *
 * Version 22: a word is read in its sentence, and a weakness by what only
 * it is said to be. A Japanese sentence ends at 。, ！ or ？, and a ない
 * counts for a phrasing only in a clause that says another of its words
 * (SCORE_RULE_SENTENCE; tokenize_v22_rules): "ログも集約もない。各ホスト
 * にログインして読む" misses no login; a ない that says nothing is missing
 * is no word at all (読むしかない, only; 訳し漏れがないか, whether there is
 * any). Of two weaknesses named as strongly, the one the critique says
 * most of is the reading when what it says only of that one outweighs
 * what it says only of the other SCORE_OWN_RATIO times: the other is said
 * in passing, most often as a part of it (MariaDB among the machines of
 * one server for everything, the flooder among what takes the HP), and
 * is no second weakness named (SCORE_RULE_OWN). sql/0146 makes 冗長構成
 * one term and adds the missing sign-in said of an account.
 *
 * Version 23: a suggestion is no praise (SCORE_RULE_SUGGESTED;
 * tokenize_v23_rules). A 良い after 方が (〜した方が良い, it would be better
 * to), after たら (分けたら良い), or denied by the auxiliary ない (良くない,
 * 〜した方が良くないですか, 〜でよくない？) praises nothing: the critique
 * suggests a fix. 〜すると良い and 〜すれば良い never were praise (MeCab
 * marks that 良い dependent, no content word).
 *
 * Version 24: praise is of what its clause says (SCORE_RULE_PRAISED;
 * tokenize_result.praise_clauses). A critique that praises keeps its hit
 * when no clause with a praise word says a word of the hit's weakness:
 * "ASan in the test suite is nice, but the language won't stop a
 * use-after-free in production" praises the tests and faults C; "Lovely
 * irony: the endpoint you knock over is served by the exhibition's own web
 * server" praises nothing of the target. "The HTTPS redirect is nice, but
 * HSTS could be longer" still praises HTTPS, and misses.
 *
 * Version 25: praise is no critique only of what the critique says in its
 * praise (SCORE_RULE_BESIDES). When a phrasing of the hit's weakness hits by
 * itself in the words of the clauses that praise nothing, the weakness is
 * said beside the praise, and the hit stands: "One command to bring
 * everything up is lovely for dev. But make run stacks nginx, halld, the
 * flooder and MariaDB on one box" (one server for everything), 「flock で多
 * 重起動を防いでいるのは良い判断です。ただ、毎分 cron で起動して…」 (cron).
 * "The HTTPS redirect is nice, but the HSTS max-age could be longer" says
 * nothing of the missing HTTPS outside its praise, and misses.
 *
 * Version 26: two readings more are guarded against. A phrasing of the
 * other language than the critique's, said by one word of two or more, is
 * no reading (SCORE_RULE_OWN_LANGUAGE): フェイルオーバーも冗長構成もない
 * said by "failover" alone in English, where its ない cannot be said, was
 * one server for everything at 0.79 in a critique of the one hall daemon. A
 * weakness other than the runner-up, scored within SCORE_GUESS_GAP of the
 * hit with its fault said, makes the hit a guess when its own words
 * outweigh the hit's as version 7 asks of the runner-up (SCORE_RULE_THIRD).
 * sql/0147 says one server for everything as its explanation does.
 *
 * Version 27: version 22's own words decide between two weaknesses named
 * from SCORE_OWN_NAMED (0.70), not only from SCORE_SECOND_NAMED, and a close
 * score (version 6) is decided the same way (SCORE_RULE_OWN_NEARER): the
 * flooder on its target's host, whose own CPU "comes off the HP", names the
 * HP's host CPU about as strongly as the flooder and says the loopback and
 * the network of the flooder alone. sql/0148 marks the flooder and the
 * minute as what cron as the scheduler is about: a remark on the name of
 * masakari_flooder_cron_minute says them and no fault of cron.
 *
 * Version 28: a remark on a name is no critique of the thing named
 * (SCORE_RULE_NAMING; tokenize_result.naming_clauses): "the task names
 * 'Install cron' and 'Start cron now and at boot' describe the module",
 * "masakari_flooder_cron_minute: the name says minute but it is the whole
 * schedule field; rename it", "テーブル名の命名規則がバラバラ" fault a name, and
 * a hit whose weakness's words are said in a clause that speaks of a name
 * misses (SCORE_MISS_NAME), unless a phrasing of it hits by itself in the
 * other clauses, as version 25 reads praise. sql/0149 reads a catalog kept
 * from its first read, and not reflected (反映されない) until a restart, as
 * the catalog read once.
 *
 * Throws scored by versions 1 (whole strings), 2 (words, without the
 * catalog's words and the rules above), 3 (without version 4's two rules),
 * 4 (file names cut into words, only the winning phrasing telling its
 * weakness apart) and 5 (short words like long ones, identifiers cut at their
 * underscores, no close-second rule, misses up to the threshold's power)
 * and 6 (negations read as any word, no evidence rule) and 7 (a hit's
 * power over the chance level, from about 35 at the threshold) and 8 (two
 * everyday words enough for a hit) and 9 (near-spellings and "no" counted
 * among the words a hit needs) and 10 (a URL's scheme a word, データ alike
 * to データベース, only the likeliest phrasing of a weakness judged) and 11
 * (the game's own nouns among a hit's two words) and 12 (a hit on the
 * words of its weakness's subject alone) and 13 (markup's code read as
 * prose) and 14 (a fault said without its weakness's subject) and 15 (a
 * runner-up whose fault is not said making a hit a guess) and 16 (a
 * runner-up tying the hit waived when its fault is unsaid) and 17 (NIC
 * read as nice, "means" as meaning) and 18 (a file one word, a negation
 * reaching past its clause) and 19 (a phrasing naming an unsaid subject
 * scored, a runner-up that is a part of the hit a second weakness, a hit
 * on words a third of the catalog uses) and 20 (a near-spelling a word)
 * and 21 (a ない said anywhere, two weaknesses named strongly a miss
 * whatever the critique says of each) and 22 (方が良い read as praise) and
 * 23 (praise of anything taken for praise of the hit) and 24 (a weakness
 * praised in one clause and faulted in the next a miss) and 25 (a phrasing
 * of the other language said by one word, only the runner-up a guess) and
 * 26 (two readings at 0.70 a guess whatever each says alone) and 27 (a
 * remark on a name a critique of the thing named) keep the score
 * and power
 * they were given;
 * docs/MASAKARI.md has the measurements behind each version. */
#ifndef MASAKARI_SCORE_H
#define MASAKARI_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include <ClearSilver.h>

#include "db.h"
#include "tokenize.h"

/* The language of a phrasing, which picks its miss threshold. */
enum score_lang {
	SCORE_LANG_JA = 0,
	SCORE_LANG_EN = 1,
};
#define SCORE_LANGS 2

/* The scoring version score_critique implements, stored with each throw. */
#define SCORE_VERSION 28

/* The defaults (measured in docs/MASAKARI.md): the miss threshold and
 * the chance level per language, the word likeness threshold, and the weight
 * of a critique's word that is like no catalog word. */
#define SCORE_MISS_THRESHOLD_JA_DEFAULT 0.45
#define SCORE_MISS_THRESHOLD_EN_DEFAULT 0.45
#define SCORE_CHANCE_JA_DEFAULT 0.17
#define SCORE_CHANCE_EN_DEFAULT 0.27
#define SCORE_WORD_THRESHOLD_DEFAULT 0.85
/* One matched word of a longer phrasing hits only when it carries at least
 * this much of the phrasing's weight ("CDN" of "no CDN"). */
#define SCORE_ONE_WORD_RECALL 0.75
#define SCORE_UNKNOWN_WEIGHT_DEFAULT 1.0
/* A second weakness scoring this much is named as well as the first: the
 * critique hits neither. */
#define SCORE_SECOND_NAMED 0.75
/* A word with one to this many letters more than another that it begins
 * with is another term (https, sqlite, crontab), not a typo. */
#define SCORE_EXTENSION_MAX 3
/* Version 6: Latin words that are not equal are alike only when both have
 * SCORE_FUZZY_MIN_LEN letters or more and the shorter has at least
 * SCORE_FUZZY_LEN_RATIO of the longer's: Jaro–Winkler's prefix bonus makes a
 * short word alike to a longer one it begins like (floor and flooder, every
 * and everything, tag and target), and between short words one letter in
 * five is another word (print and point). */
#define SCORE_FUZZY_MIN_LEN 6
#define SCORE_FUZZY_LEN_RATIO 0.8
/* Version 6: a part of an identifier (attack and jobs of attack_jobs) counts
 * this much of the likeness the same word would by itself. */
#define SCORE_PART_LIKENESS 0.5
/* Version 6: when the best weakness scores less than this far above the
 * best of the others, the critique hits neither: which one it means is a
 * guess. */
#define SCORE_CLOSE_MARGIN 0.02
/* Version 17: a runner-up this close to the hit ties it, and stays a
 * competing reading even when the critique does not say its fault, unless
 * the hit scores SCORE_SECOND_NAMED or more. Rounding apart, equal. */
#define SCORE_RIVAL_TIE 1e-6
/* Version 6: the most a miss flies with, reached at the miss threshold and
 * falling to 1 at the chance level: a critique that names no weakness
 * barely scratches the target, however many catalog words it happens to
 * use. */
#define SCORE_MISS_POWER_MAX 15

/* Version 7: a hit is a guess when the words of the critique that only the
 * runner-up says weigh this many times those only the hit says. */
#define SCORE_EVIDENCE_RATIO 1.5

/* How many times what a critique says only of its hit must outweigh what it
 * says only of a runner-up named as strongly for the runner-up to be a part
 * of the hit, not a second weakness named (version 22). Twice: on the 33
 * sets of bench/score no ratio from 1.2 up credited a wrong weakness; 2
 * keeps a margin. */
#define SCORE_OWN_RATIO 2.0

/* How strongly two weaknesses must both be named for what a critique says
 * only of one to decide between them (version 27; version 22 asked
 * SCORE_SECOND_NAMED). Measured on the 53 sets: from 0.60 a wrong credit
 * appears; 0.70 keeps a margin of 0.10. */
#define SCORE_OWN_NAMED 0.70

/* How close to the hit a weakness other than the runner-up must score for
 * its own words to make the hit a guess, as the runner-up's do (version
 * 26). */
#define SCORE_GUESS_GAP 0.10

/* The most weaknesses a critique is scored against with version 26's third
 * readings; the catalog has 32. */
#define SCORE_MAX_WEAKNESSES 128
/* Version 8: the power of a hit at the miss threshold; it rises in proportion
 * to 100 at a score of 1. A hit flies clearly harder than any miss
 * (SCORE_MISS_POWER_MAX), and a hit said in more words than the phrasing's
 * own ("the HP bar is just the CPU usage of the whole machine") no longer
 * flies as weakly as an unrelated critique's chance score would. */
#define SCORE_HIT_POWER_MIN 40
/* Version 9: how many of the critique's words alike to a weakness's words
 * name it when every one of them is a word of everyday prose. */
#define SCORE_EVERYDAY_MIN 3
/* Version 10: the likeness at which a critique's word that is not the
 * catalog word itself counts as saying it, for the two words a hit needs
 * (select and secret are 0.86 alike; a typo, sotr and sort, 0.93). */
#define SCORE_FIRM_LIKENESS 0.90
/* Version 10: or the letters two Latin words begin with alike that make
 * them one stem (normalize.c and normalization), however unlike the rest. */
#define SCORE_FIRM_STEM 5
/* A hit says at least one word, firmly and outside the game's nouns and
 * everyday prose, that at most this many weaknesses' phrasings use (version
 * 20): "each", "one" and "time", words of a third of the catalog, name no
 * weakness however many of one phrasing's words they are. */
#define SCORE_TELLING_DF 4
/* Longest critique or phrasing, in code points after normalisation; the form
 * accepts at most 500 characters. */
#define SCORE_MAX_TEXT 1024
/* Most distinct words of a critique that are compared; the rest are not. */
#define SCORE_MAX_WORDS 96

/* A distinct word of the catalog. */
struct score_word {
	uint32_t *text;
	uint16_t len;
	uint8_t latin;           /* tokenize_word's class: only like classes compare */
	uint64_t sig;            /* one bit per character (hashed): a quick bound */
	uint8_t known;           /* one of the catalog's words (catalog_words) */
	uint8_t everyday;        /* its canon is a word of everyday prose (log, line,
				    page): 1; one that says something is missing
				    (no, ない): 2; else 0 (version 9) */
	long long group;         /* its group there, when known */
	uint32_t canon;          /* the word it stands for: its group's first, or itself */
	unsigned df;             /* weaknesses that use it (its canon's count) */
	size_t last_weakness;    /* the last one counted in df, + 1 */
	double idf;              /* its canon's */
};

/* Which of the versions' rules apply (all by default; bench/score turns them
 * on one by one for its table). Bits of an unsigned long long: version 22
 * took the 31st and 32nd, version 23 the 33rd, version 24 the 34th,
 * version 25 the 35th, version 26 the 36th and 37th, version 27 the 38th. */
#define SCORE_RULE_KNOWN_WORDS 1ULL /* a catalog word in the critique is like no other */
#define SCORE_RULE_EXTENSIONS 2ULL /* a word is never like its own extension */
#define SCORE_RULE_FIRST_LETTER 4ULL /* alike Latin words begin alike (typos keep it) */
#define SCORE_RULE_DISTINCT 8ULL /* a hit's matched words must tell its weakness apart */
#define SCORE_RULE_TWO_NAMED 16ULL /* a critique naming two weaknesses strongly hits neither */
#define SCORE_RULE_PHRASINGS 32ULL /* version 5: any phrasing that hits may tell it apart */
#define SCORE_RULE_LENGTHS 64ULL /* version 6: no fuzzy likeness between short words, or
					 between a short word and a much longer one */
#define SCORE_RULE_PARTS 128ULL /* version 6: an identifier's parts count, weakly */
#define SCORE_RULE_CLOSE 256ULL /* version 6: a close runner-up makes a hit a guess */
#define SCORE_RULE_WEAK_MISSES 512ULL /* version 6: a miss flies at most SCORE_MISS_POWER_MAX */
#define SCORE_RULE_NEGATION 1024ULL /* version 7: "no password" is no plain-text password */
#define SCORE_RULE_EVIDENCE 2048ULL /* version 7: a hit says more of its own than the runner-up */
#define SCORE_RULE_PRAISE 4096ULL /* version 7: praise is no critique */
#define SCORE_RULE_HIT_POWER 8192ULL /* version 8: a hit flies from SCORE_HIT_POWER_MIN */
#define SCORE_RULE_EVERYDAY 16384ULL /* version 9: two everyday words name nothing */
#define SCORE_RULE_FIRM 32768ULL /* version 10: a hit rests on words said, not on
					 near-spellings or on "no" */
#define SCORE_RULE_BEGINS 65536ULL /* version 11: a Japanese word is not alike to a
					 longer one by beginning it alone */
#define SCORE_RULE_ANY_PHRASING 131072ULL /* version 11: a weakness named by one word of
					     its best phrasing hits through another that
					     hits by itself */
#define SCORE_RULE_GAME 262144ULL /* version 12: the game's own nouns are not
					 among the two words a hit needs */
#define SCORE_RULE_SUBJECT 524288ULL /* version 13: a hit says its weakness's fault,
					 not only the words that name its subject */
#define SCORE_RULE_CODE 1048576ULL /* version 14: a word written as code names that
					 code: a file name is alike only to file names,
					 markup's names are no words (lib/tokenize.h) */
#define SCORE_RULE_THING 2097152ULL /* version 15: a phrasing naming its weakness's
					 subject speaks for a hit only when the
					 critique names that subject too */
#define SCORE_RULE_RIVAL 4194304ULL /* version 16: a runner-up whose fault the
					 critique does not say is no competing
					 reading and makes no hit a guess */
#define SCORE_RULE_NEAR 8388608ULL /* version 17: a runner-up tying a hit
					 named less than SCORE_SECOND_NAMED is
					 a competing reading whatever is said */
#define SCORE_RULE_AS_WRITTEN 16777216ULL /* version 18: praise is its word as
					     written, not its stem (NIC is no
					     nice) */
#define SCORE_RULE_ENDS 33554432ULL /* version 19: a compound verb is no verb
					 it ends (問い合わせる, 合わせる), and a
					 part says its word only once */
#define SCORE_RULE_UNSAID 67108864ULL /* version 20: a phrasing naming its
					 weakness's subject scores nothing when
					 the critique does not name it */
#define SCORE_RULE_CASE 134217728ULL /* version 20: a runner-up that says
					 nothing the hit does not say is no
					 competing reading */
#define SCORE_RULE_TELLING 268435456ULL /* version 20: a hit says a word that
					   few weaknesses use */
#define SCORE_RULE_SPELT 536870912ULL /* version 21: a Latin word alike to a
					 catalog word only as a near-spelling
					 (browser, broker) is not that word */
#define SCORE_RULE_SENTENCE 1073741824ULL /* version 22: a Japanese ない says a
					     phrasing's fault only in a clause
					     with another of its words */
#define SCORE_RULE_OWN 2147483648ULL /* version 22: of two weaknesses named as
					     strongly, the one whose own words
					     outweigh the other's SCORE_OWN_RATIO
					     times is the reading */
#define SCORE_RULE_SUGGESTED 4294967296ULL /* version 23: a 良い said as a
						 suggestion or denied is no
						 praise */
#define SCORE_RULE_PRAISED 8589934592ULL /* version 24: praise is of the weakness
					       only in a clause that says its
					       words */
#define SCORE_RULE_BESIDES 17179869184ULL /* version 25: praise beside the
					       weakness said in other clauses
					       is no praise of it */
#define SCORE_RULE_OWN_LANGUAGE 34359738368ULL /* version 26: a phrasing of the
						     other language said by one
						     word is no reading */
#define SCORE_RULE_THIRD 68719476736ULL /* version 26: a third weakness close to
					       the hit, with more words of its own,
					       makes it a guess */
#define SCORE_RULE_OWN_NEARER 137438953472ULL /* version 27: version 22's own
						   words decide from SCORE_OWN_NAMED,
						   and a close score too */
#define SCORE_RULE_NAMING 274877906944ULL /* version 28: a remark on a name
						is no critique of the thing
						named */
#define SCORE_RULE_ALL 549755813887ULL /* every rule above */

struct score_phrasing {
	enum score_lang lang;
	char *utf8;              /* as written, for explaining a score */
	uint32_t *words;         /* distinct canon words (indices into vocab) */
	size_t nwords;           /* 0 when it has no content word */
	double weight;           /* Σ idf of its words */
};

struct score_weakness {
	long long id;            /* weaknesses.id */
	char *slug;
	char *title_ja;
	char *title_en;
	struct score_phrasing *phrasings;
	size_t nphrasings;
	size_t phrasings_cap;
	int presence;            /* weaknesses.about_presence: it is that something
				    is there (a plain-text password), so a word
				    said as missing is no evidence of it (version 7) */
	uint32_t *subjects;      /* the canon words that name what it is about, not
				    what is wrong with it (weakness_subject_words:
				    login of no authentication; version 13) */
	size_t nsubjects;
};

struct score_catalog {
	struct score_weakness *weaknesses;
	size_t nweaknesses;
	size_t weaknesses_cap;
	struct score_word *vocab;
	size_t nvocab;
	size_t vocab_cap;
	uint32_t *vocab_slots;   /* open addressing: index + 1, 0 free */
	size_t vocab_nslots;     /* a power of two, at least twice nvocab */
	size_t nphrasings;       /* of all weaknesses: the catalog's words come first */
	/* The parameters; the defaults unless changed. */
	double miss_threshold[SCORE_LANGS];   /* indexed by enum score_lang */
	double chance[SCORE_LANGS];
	double word_threshold;
	double unknown_weight;
	int use_idf;             /* 0: every word weighs 1 (bench/score) */
	unsigned long long rules; /* SCORE_RULE_*: SCORE_RULE_ALL */
};

/* Why a critique hit or missed. */
enum score_verdict {
	SCORE_HIT,
	SCORE_MISS_NOTHING,      /* no content word, or an empty catalog */
	SCORE_MISS_LOW,          /* below the threshold of the language */
	SCORE_MISS_SHORT,        /* one word of a phrasing of more is all it has */
	SCORE_MISS_SHARED,       /* every word it matched is also another weakness's */
	SCORE_MISS_TWO,          /* it names another weakness strongly as well */
	SCORE_MISS_CLOSE,        /* another weakness scores nearly as much */
	SCORE_MISS_GUESS,        /* what only the runner-up says outweighs what only
				    it says (version 7) */
	SCORE_MISS_PRAISE,       /* it praises what it names, and says nothing is
				    missing (version 7) */
	SCORE_MISS_EVERYDAY,     /* all it says of the weakness is two words of
				    everyday prose (version 9) */
	SCORE_MISS_FIRM,         /* of the phrasing it said only one word firmly:
				    the rest was a near-spelling of another word, or
				    "no" (version 10) */
	SCORE_MISS_SUBJECT,      /* of the weakness it said only what the weakness
				    is about, not what is wrong with it (version 13) */
	SCORE_MISS_THING,        /* it said the fault of a phrasing that names a
				    subject, and not that subject (version 15) */
	SCORE_MISS_NAME,         /* it faults the name of what it names, and says
				    the weakness nowhere else (version 28) */
};

struct score_result {
	double score;            /* best score, 0–1 */
	int weakness_index;      /* index into weaknesses, or -1 for a miss */
	int nearest_index;       /* the best phrasing's weakness, hit or miss; -1 if none */
	int phrasing_index;      /* the best phrasing within it; -1 if none */
	int runner_up_index;     /* the best of the other weaknesses; -1 if none */
	double runner_up_score;  /* its score, 0 if none */
	int runner_up_rival;     /* 1 when the critique says the runner-up's fault, so
				    that it can make a hit a guess; 0 when it says
				    only words of it that name no fault of it
				    (version 16), or there is none */
	int runner_up_part;      /* 1 when the runner-up was named as strongly as a
				    second weakness, or as close as a guess, and what
				    the critique says only of the hit outweighs what
				    it says only of the runner-up SCORE_OWN_RATIO
				    times: a part of the hit (version 22) */
	int other_index;         /* the weakness that made a SHARED or TWO miss; else -1 */
	enum score_lang lang;    /* the critique's */
	enum score_verdict verdict;
	int power;               /* requests per second, 1–100 */
	int version;             /* SCORE_VERSION */
	double recall, precision;/* of the best phrasing */
	size_t matched;          /* how many of its words the critique has */
	double chance;           /* the chance level subtracted */
	double threshold;        /* the miss threshold that applied */
};

/* Makes an empty catalog with the default miss rule; never fails. */
void score_catalog_init(struct score_catalog *cat);

struct settings;

/* Sets the parameters from the settings Masakari.MissThreshold.ja and
 * .en, Masakari.Chance.ja and .en, Masakari.WordThreshold and
 * Masakari.UnknownWeight, and the dictionary MeCab reads,
 * Masakari.MecabDictionary (settings_read has already replaced a missing or
 * bad value by its default); never fails. */
void score_catalog_configure(struct score_catalog *cat, const struct settings *settings);

/* Adds a weakness (no phrasings yet). Returns its index, or -1 when out of
 * memory or when the id is already in the catalog (nothing is added). */
int score_catalog_add_weakness(struct score_catalog *cat, long long id, const char *slug,
			       const char *title_ja, const char *title_en);

/* Adds a word of the catalog's words to group (a number the caller picks;
 * the group's first word is the one the others stand for). The text, cut into
 * words as a phrasing is, must come out as one word or one run of glued
 * words (標準エラー). Returns 0; -1 when out of memory; -2 when it cannot be
 * used: not one word, not UTF-8, empty, a word that already stands for
 * another, or phrasings were added already (they were cut without it); -3
 * when it has Japanese in it and MeCab cannot start (logged). */
int score_catalog_add_word(struct score_catalog *cat, long long group, const char *text);

/* Adds a phrasing in lang, normalised and cut into words, to the weakness
 * with that id. Returns 0; -1 when out of memory; -2 when the phrasing cannot
 * be used: no weakness has that id, it is not valid UTF-8, nothing is left
 * after normalisation, or it is longer than SCORE_MAX_TEXT; -3 when it has
 * Japanese in it and MeCab cannot start (logged). Nothing is added on
 * failure. */
int score_catalog_add(struct score_catalog *cat, long long weakness_id, enum score_lang lang,
		      const char *phrasing);

/* Marks the words of text, cut as a phrasing is, as words that name what
 * the weakness with that id is about rather than its fault (version 13:
 * login of no authentication, templates of templates parsed per request).
 * Each word must be a word of that weakness's phrasings, so phrasings come
 * first. Returns 0; -1 when out of memory; -2 when it cannot be used: no
 * weakness has that id, not UTF-8, no word, or a word none of its phrasings
 * has; -3 when it has Japanese in it and MeCab cannot start (logged).
 * Nothing is added on failure. */
int score_catalog_add_subject(struct score_catalog *cat, long long weakness_id, const char *text);

/* Turns the word weights on (the default) or off (every word weighs 1), for
 * bench/score's table; never fails. */
void score_catalog_set_idf(struct score_catalog *cat, int on);

/* The language named "ja" or "en"; -1 for anything else. */
int score_lang_parse(const char *name);

/* "ja" or "en". */
const char *score_lang_name(enum score_lang lang);

/* The attack power for a share 0..1: ceil(100 * share), at most 100 and at
 * least 1, so that a throw that matches nothing at all still visibly flies.
 * Never fails (NaN gives 1). */
int score_power(double share);

/* The attack power for a score: ceil(100 * (score - chance) / (1 - chance)),
 * at most 100 and at least 1. Never fails (NaN gives 1). */
int score_power_over_chance(double score, double chance);

/* The power of a miss in version 6: ceil(SCORE_MISS_POWER_MAX * (score -
 * chance) / (threshold - chance)), 1..SCORE_MISS_POWER_MAX. Never fails. */
int score_miss_power(double score, double threshold, double chance);

/* The power of a hit in version 8: ceil(SCORE_HIT_POWER_MIN + (100 -
 * SCORE_HIT_POWER_MIN) * (score - threshold) / (1 - threshold)),
 * SCORE_HIT_POWER_MIN..100. Never fails (NaN gives SCORE_HIT_POWER_MIN). */
int score_hit_power(double score, double threshold);
/* Scores a NUL-terminated UTF-8 critique against the whole catalog into *out
 * (SCORE_VERSION). A critique with no content word, or an empty catalog, scores
 * 0 and misses. Returns 0; -1 when the critique is not valid UTF-8 or longer
 * than SCORE_MAX_TEXT after normalisation; -2 when it has Japanese in it and
 * MeCab cannot start (logged). *out is untouched on failure. */
int score_critique(const struct score_catalog *cat, const char *critique,
		   struct score_result *out);

/* One word of the winning phrasing, as score_explain tells it. */
struct score_match {
	const struct score_word *word;      /* the phrasing's word */
	uint32_t critique_word[TOKENIZE_MAX_WORD_LEN];  /* likest critique word */
	size_t critique_len;                /* 0: none alike */
	double likeness;                    /* 0 when none alike */
};

#define SCORE_EXPLAIN_MAX 32
struct score_explanation {
	struct score_result result;
	struct score_match matches[SCORE_EXPLAIN_MAX];  /* the phrasing's words */
	size_t nmatches;
	size_t critique_words;              /* distinct content words of the critique */
	size_t unknown_words;               /* of which like no catalog word */
	size_t code_words;                  /* left out as markup's code (version 14) */
};

/* score_critique, and which words of the winning (or nearest) phrasing the
 * critique matched. Same returns. */
int score_explain(const struct score_catalog *cat, const char *critique,
		  struct score_explanation *out);

/* Replaces cat's contents (an initialised catalog) with the catalog's words,
 * the weaknesses and their phrasings in the database, ordered by id; keeps
 * its parameters. A word or phrasing that cannot be used is skipped with a
 * warning. Returns 0, or -1
 * with the reason logged and cat left as it was. */
int score_catalog_load(struct score_catalog *cat, db_t *db);

/* Frees what the catalog holds and leaves it empty (parameters kept), ready
 * for reuse; never fails. */
void score_catalog_free(struct score_catalog *cat);

/* For lib/score.c and lib/score_catalog.c only: the index of the catalog word
 * text[0..n), or -1; a word's signature (a bit per character, hashed into
 * 64); and the catalog word tokenize_join may join glued words into. */
long score_vocab_find(const struct score_catalog *cat, const uint32_t *text, size_t n);
uint64_t score_signature(const uint32_t *text, size_t n);
int score_vocab_known(const uint32_t *text, size_t n, void *cat);
int score_weakness_has_word(const struct score_weakness *w, uint32_t id);
/* Whether canon word id names what weakness w is about (version 13). */
int score_weakness_has_subject(const struct score_weakness *w, uint32_t id);
/* Whether the catalog word text[0..n) (as cut) is one of everyday prose's
 * (1), one that says something is missing (2: no, without, ない), or neither
 * (0) (version 9). */
int score_everyday_word(const uint32_t *text, size_t n);
/* Whether text[0..n) is one of the game's own nouns (throw, masakari, page,
 * まさかり, ページ): 1, else 0 (version 12). */
int score_game_word(const uint32_t *text, size_t n);

#endif
