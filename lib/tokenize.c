/* tokenize.c — splits a critique into the words that say what it is about. */
#include "tokenize.h"

#include <mecab.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "normalize.h"
#include "utf8.h"

/* English function words: they say nothing about which weakness a critique
 * means. Sorted, for bsearch. Words that do carry meaning here ("no", "not",
 * "every", "one") are left to the weights the catalog gives them. */
static const char *const stopwords[] = {
	"a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
	"at", "be", "because", "been", "being", "but", "by", "can", "could", "d", "did", "do",
	"does", "doing", "even", "for", "from", "had", "has", "have", "he", "her", "here", "him",
	"his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "ll", "m", "me", "means", "much",
	"my", "of", "on", "or", "our", "re", "really", "s", "she", "should", "so", "some", "such",
	"t", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
	"those", "through", "to", "too", "us", "ve", "very", "was", "we", "were", "what", "when", "where",
	"which", "while", "who", "why", "will", "with", "would", "you", "your",
};

/* Stop words since version 19: verbs and connectives of any remark, which
 * a phrasing's few words made rare and so weighty ("use qsort instead of a
 * bubble sort": use of "use bool"; "nobody collects the logs":
 * nobody of "nobody remembers"). Sorted. */
static const char *const stopwords_v19[] = {
	"nobody",
};

static char *dictionary;   /* tokenize_set_dictionary's, or NULL */
static mecab_t *tagger;    /* this process's tagger, or NULL */
static pid_t tagger_pid;   /* the process that made it */
static pid_t failure_logged_pid;
static int use_mecab = 1;
static int keep_file_names = 1;
static int v6_rules = 1;
static int v11_rules = 1;
static int v14_rules = 1;
static int v18_rules = 1;
static int v19_rules = 1;
static int v22_rules = 1;
static int v23_rules = 1;

/* Top-level domains a critique may name a site by: after a dot they end a
 * domain name (github.com), not a file name. Sorted, for bsearch. */
static const char *const domains[] = {
	"app", "com", "dev", "edu", "gov", "info", "io", "jp", "net", "org",
};

void tokenize_keep_file_names(int on)
{
	keep_file_names = on;
}

void tokenize_v6_rules(int on)
{
	v6_rules = on;
}

void tokenize_v11_rules(int on)
{
	v11_rules = on;
}

void tokenize_v14_rules(int on)
{
	v14_rules = on;
}

void tokenize_v18_rules(int on)
{
	v18_rules = on;
}

void tokenize_v19_rules(int on)
{
	v19_rules = on;
}

void tokenize_v22_rules(int on)
{
	v22_rules = on;
}

void tokenize_v23_rules(int on)
{
	v23_rules = on;
}

void tokenize_use_mecab(int on)
{
	use_mecab = on;
}

void tokenize_set_dictionary(const char *dicdir)
{
	/* The same one again (every catalog load configures it): keep the tagger. */
	if ((!dictionary && !(dicdir && *dicdir)) ||
	    (dictionary && dicdir && strcmp(dictionary, dicdir) == 0))
		return;
	free(dictionary);
	dictionary = dicdir && *dicdir ? strdup(dicdir) : NULL;
	if (tagger && tagger_pid == getpid())
		mecab_destroy(tagger);
	tagger = NULL;
	failure_logged_pid = 0;
}

/* A new tagger, or NULL with the reason in why. */
static mecab_t *tagger_new(char *why, size_t cap)
{
	/* The directory as one argument: mecab_new2 would split a string at
	 * spaces, and a configured path must never become other options. */
	char *argv[] = { "mecab", "-d", dictionary, NULL };
	mecab_t *m = mecab_new(dictionary ? 3 : 1, argv);

	if (!m) {
		const char *reason = mecab_strerror(NULL);
		char sys_dic[4200];

		/* MeCab often gives no reason; the usual one is a missing file. */
		if (dictionary && !(reason && *reason)) {
			snprintf(sys_dic, sizeof(sys_dic), "%s/sys.dic", dictionary);
			if (access(sys_dic, R_OK) != 0)
				reason = "its sys.dic cannot be read";
		}
		snprintf(why, cap,
			 "MeCab cannot start with the dictionary %s: %s (is mecab-ipadic-utf8 "
			 "installed?)",
			 dictionary ? dictionary : "that /etc/mecabrc names",
			 reason && *reason ? reason : "no reason given");
	}
	return m;
}

/* This process's tagger, made on first use; NULL (logged once per process)
 * when MeCab cannot start. */
static mecab_t *tagger_get(void)
{
	char why[512];
	pid_t pid = getpid();

	/* A tagger inherited across fork belongs to the parent: leave it to it. */
	if (tagger && tagger_pid == pid)
		return tagger;
	tagger = tagger_new(why, sizeof(why));
	tagger_pid = pid;
	if (!tagger && failure_logged_pid != pid) {
		log_error("tokenize: %s", why);
		failure_logged_pid = pid;
	}
	return tagger;
}

int tokenize_check(char *why, size_t cap)
{
	mecab_t *m = tagger_new(why, cap);
	const char *probe = "まさかりを投げる";

	if (!m)
		return -1;
	if (!mecab_sparse_tonode2(m, probe, strlen(probe))) {
		snprintf(why, cap, "MeCab started but cannot parse: %s", mecab_strerror(m));
		mecab_destroy(m);
		return -1;
	}
	mecab_destroy(m);
	return 0;
}

static int is_japanese(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x3005 && c <= 0x3007) || (c >= 0x31F0 && c <= 0x31FF);
}

static int by_string(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

static int is_stopword(const uint32_t *w, size_t n)
{
	char ascii[16];

	if (n >= sizeof(ascii))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] >= 128)
			return 0;
		ascii[i] = (char)w[i];
	}
	ascii[n] = '\0';
	/* "through" became one in version 6: "shared through" is no presence. */
	if (!v6_rules && strcmp(ascii, "through") == 0)
		return 0;
	/* And "means" in version 18: "that means hunting them down" says no
	 * meaning, which the stem of "means" would be. */
	if (!v18_rules && strcmp(ascii, "means") == 0)
		return 0;
	if (v19_rules && bsearch(ascii, stopwords_v19, sizeof(stopwords_v19) / sizeof(stopwords_v19[0]),
				 sizeof(stopwords_v19[0]), by_string))
		return 1;
	return bsearch(ascii, stopwords, sizeof(stopwords) / sizeof(stopwords[0]),
		       sizeof(stopwords[0]), by_string) != NULL;
}

static int ends_with(const uint32_t *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (w[n - k + i] != (uint32_t)(unsigned char)suffix[i])
			return 0;
	return 1;
}

/* Words ending in -ing that are nouns of their own, not a verb's form
 * (version 6): hosting is a trade, not a host; a string is no "str";
 * everything is not every. Sorted, for bsearch. */
static const char *const ing_nouns[] = {
	"anything", "everything", "hosting", "nothing", "something", "string", "thing",
};

static int is_ing_noun(const uint32_t *w, size_t n)
{
	char ascii[16];

	if (n >= sizeof(ascii))
		return 0;
	for (size_t i = 0; i < n; i++)
		ascii[i] = (char)w[i];
	ascii[n] = '\0';
	return bsearch(ascii, ing_nouns, sizeof(ing_nouns) / sizeof(ing_nouns[0]),
		       sizeof(ing_nouns[0]), by_string) != NULL;
}

/* A light stemmer for ASCII words: enough that a plural, -ing and -ed, and a
 * final e or y compare equal to the bare word (caches, caching, cached and
 * cache all give "cach"). Both sides go through it, so the stems need not be
 * words. Returns the new length. */
static size_t stem(uint32_t *w, size_t n)
{
	int undouble = 1;

	for (size_t i = 0; i < n; i++)
		if (!(w[i] >= 'a' && w[i] <= 'z'))
			return n; /* digits or other letters: left alone */
	/* Not a plural: HTTPS is not more than one HTTP. */
	if (n == 5 && ends_with(w, n, "https"))
		return n;
	if (n > 4 && ends_with(w, n, "ies")) {
		n -= 2;
		w[n - 1] = 'i';
	} else if (n > 4 && (ends_with(w, n, "ses") || ends_with(w, n, "xes") ||
			     ends_with(w, n, "ches") || ends_with(w, n, "shes"))) {
		n -= 2;
	} else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
		   w[n - 2] != 'i') {
		n -= 1;
	}
	if (v6_rules && is_ing_noun(w, n))
		return n;
	if (n > 5 && ends_with(w, n, "ing"))
		n -= 3;
	else if (n > 4 && ends_with(w, n, "ed"))
		n -= 2;
	else
		undouble = 0;
	/* logging, logged → log; but call, pass, buzz keep their pair. */
	if (undouble && n > 3 && w[n - 1] == w[n - 2] && !strchr("aeioulsz", (int)w[n - 1]))
		n -= 1;
	if (n > 3 && w[n - 1] == 'e')
		n -= 1;
	else if (n > 3 && w[n - 1] == 'y')
		w[n - 1] = 'i';
	return n;
}

/* Appends w[0..n) to out as a word unless it is a function word; glued as
 * tokenize_word says. */
static void add_word(struct tokenize_result *out, const uint32_t *w, size_t n, int glued)
{
	int latin = 1;
	size_t start = out->nchars;

	if (n == 0 || out->nwords >= TOKENIZE_MAX_WORDS)
		return;
	if (n > TOKENIZE_MAX_WORD_LEN)
		n = TOKENIZE_MAX_WORD_LEN;
	for (size_t i = 0; i < n; i++)
		if (w[i] >= 0x2E80)
			latin = 0;
	if (latin && is_stopword(w, n))
		return;
	if (start + n > TOKENIZE_MAX_CHARS)
		return;
	memcpy(out->chars + start, w, n * sizeof(*w));
	if (latin)
		n = stem(out->chars + start, n);
	out->words[out->nwords].start = (uint32_t)start;
	out->words[out->nwords].len = (uint16_t)n;
	out->words[out->nwords].latin = (uint8_t)latin;
	out->words[out->nwords].glued = (uint8_t)(glued && out->nwords > 0);
	out->words[out->nwords].part = 0;
	out->words[out->nwords].negated = 0;
	out->words[out->nwords].clause = 0;
	out->words[out->nwords].suggested = 0;
	out->words[out->nwords].naming = 0;
	out->nwords++;
	out->nchars = start + n;
}

/* Appends a Latin word as add_word does; when it is an identifier
 * (attack_jobs, exhibit_store.c) its parts of three letters or more follow
 * it, marked as parts and without a file name's extension: a critic who
 * names a table says what it holds, but the name is the table's first. */
static void add_identifier(struct tokenize_result *out, const uint32_t *w, size_t n, int glued)
{
	size_t whole = out->nwords, from = 0;
	int identifier = 0;

	/* Since version 19 a file's name is a part of it too: lib/log.c is
	 * the log's code, as attack_jobs has a job in it. */
	for (size_t k = 0; k < n; k++)
		identifier |= w[k] == '_' || (v19_rules && w[k] == '.' && k > 0);
	add_word(out, w, n, glued);
	if (!identifier || out->nwords == whole)
		return;
	for (size_t k = 0; k <= n; k++) {
		size_t before = out->nwords;

		if (k < n && w[k] != '_' && w[k] != '.')
			continue;
		if (k - from >= 3) {
			add_word(out, w + from, k - from, 0);
			if (out->nwords > before)
				out->words[before].part = 1;
		}
		if (k < n && w[k] == '.')
			break;  /* the extension is no part */
		from = k + 1;
	}
}

/* Field i (0-based) of a MeCab feature string, into buf. */
static const char *feature_field(const char *feature, int i, char *buf, size_t cap)
{
	const char *p = feature;
	size_t n;

	for (; i > 0 && p; i--) {
		p = strchr(p, ',');
		if (p)
			p++;
	}
	if (!p)
		return "";
	n = strcspn(p, ",");
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/* Whether a morpheme with this part of speech and dictionary form carries
 * content. */
static int pos_is_content(const char *feature, const char *base)
{
	char pos[64], sub[64];

	feature_field(feature, 0, pos, sizeof(pos));
	feature_field(feature, 1, sub, sizeof(sub));
	if (strcmp(pos, "助詞") == 0 || strcmp(pos, "助動詞") == 0 || strcmp(pos, "記号") == 0 ||
	    strcmp(pos, "接続詞") == 0 || strcmp(pos, "感動詞") == 0 ||
	    strcmp(pos, "フィラー") == 0 || strcmp(pos, "連体詞") == 0 ||
	    strcmp(pos, "接頭詞") == 0)
		return 0;
	/* いる in している, こと, もの: words that lean on the one before. */
	if (strcmp(sub, "非自立") == 0 || strcmp(sub, "代名詞") == 0)
		return 0;
	/* れる and させる of the passive and causative, and する, ある and なる,
	 * which make a verb of a noun or say that something is or becomes:
	 * 暗号化されていない says 暗号化 and ない. */
	if (strcmp(pos, "動詞") == 0 &&
	    (strcmp(sub, "接尾") == 0 || strcmp(base, "する") == 0 || strcmp(base, "ある") == 0 ||
	     strcmp(base, "なる") == 0))
		return 0;
	return 1;
}

/* Whether a morpheme is a noun's suffix written in kanji or katakana
 * (暗号化's 化, 冗長性's 性, 1台's 台); one in hiragana (だらけ, ごと)
 * says something of its own. */
static int pos_is_suffix(const char *feature, const uint32_t *w)
{
	char pos[64], sub[64];

	feature_field(feature, 0, pos, sizeof(pos));
	feature_field(feature, 1, sub, sizeof(sub));
	return strcmp(pos, "名詞") == 0 && strcmp(sub, "接尾") == 0 &&
	       !(w[0] >= 0x3040 && w[0] <= 0x309F);
}

/* Adds w[0..n) to the last word, which it follows with nothing between.
 * 0, or -1 when it does not fit (then it is a word of its own). */
static int extend_last(struct tokenize_result *out, const uint32_t *w, size_t n)
{
	struct tokenize_word *last = &out->words[out->nwords - 1];

	if (last->latin || last->len + n > TOKENIZE_MAX_WORD_LEN ||
	    out->nchars + n > TOKENIZE_MAX_CHARS || last->start + last->len != out->nchars)
		return -1;
	memcpy(out->chars + out->nchars, w, n * sizeof(*w));
	out->nchars += n;
	last->len = (uint16_t)(last->len + n);
	return 0;
}

/* Whether a morpheme is a particle whose surface is utf8. */
static int particle_is(const mecab_node_t *node, const char *utf8)
{
	return node && node->stat != MECAB_BOS_NODE && node->stat != MECAB_EOS_NODE &&
	       node->length == strlen(utf8) && memcmp(node->surface, utf8, node->length) == 0 &&
	       strncmp(node->feature, "助詞,", strlen("助詞,")) == 0;
}

/* Whether the ない (無い) at node says nothing is missing (version 22): after
 * しか it says "only" (読むしかない, there is nothing for it but to read),
 * and before か it asks whether (訳し漏れがないか確認, check for any
 * untranslated text). */
static int says_no_lack(const mecab_node_t *node, const char *base)
{
	if (strcmp(base, "ない") != 0 && strcmp(base, "無い") != 0)
		return 0;
	return particle_is(node->prev, "しか") || particle_is(node->next, "か");
}

/* Whether a morpheme is a word of part of speech pos (its feature's first
 * field) whose surface is one of the utf8 strings given. */
static int morpheme_is(const mecab_node_t *node, const char *pos, const char *a, const char *b)
{
	size_t np = strlen(pos);

	if (!node || node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE ||
	    strncmp(node->feature, pos, np) != 0 || node->feature[np] != ',')
		return 0;
	return (node->length == strlen(a) && memcmp(node->surface, a, node->length) == 0) ||
	       (b && node->length == strlen(b) && memcmp(node->surface, b, node->length) == 0);
}

/* Whether the 良い (よい, いい) at node suggests or is denied, and praises
 * nothing (version 23): after 方 が it compares (した方が良い, it would be
 * better to), after たら it wishes (分けたら良い), and before the
 * auxiliary ない it is denied or asks (良くない, 方が良くないですか,
 * pub/subでよくない？). */
static int suggests(const mecab_node_t *node, const char *base)
{
	if (strcmp(base, "良い") != 0 && strcmp(base, "よい") != 0 && strcmp(base, "いい") != 0)
		return 0;
	return morpheme_is(node->next, "助動詞", "ない", "ぬ") ||
	       morpheme_is(node->prev, "助動詞", "たら", "だら") ||
	       (particle_is(node->prev, "が") && node->prev &&
		morpheme_is(node->prev->prev, "名詞", "方", "ほう"));
}

/* Nouns that a 名 after them makes the name of a thing of the code or its
 * settings (タスク名, キー名, テーブル名): a remark on one is a remark on a
 * name (version 28). Not ユーザー名, ホスト名 or ファイル名, which are data. */
static const char *const named_things_ja[] = {
	"カラム", "キー", "クラス", "タスク", "テーブル", "フィールド", "メソッド",
	"ロール", "列", "変数", "定数", "設定", "関数", "項目",
};

/* Whether the morpheme at node speaks of a name (version 28): 命名 (naming),
 * ネーミング, 改名, リネーム, 名付け, and 名前 before に or から (単位を名前に
 * 入れる, 名前から読めない; not 他人の名前で投げる, a person's name). */
static int speaks_of_name(const mecab_node_t *node, const char *base)
{
	static const char *const words[] = { "命名", "ネーミング", "改名", "リネーム", "名付け", "名付ける" };

	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (strcmp(base, words[k]) == 0)
			return 1;
	return strcmp(base, "名前") == 0 &&
	       (particle_is(node->next, "に") || particle_is(node->next, "から"));
}

/* Whether the word w of r is the UTF-8 text utf8. */
static int word_is(const struct tokenize_result *r, const struct tokenize_word *w,
		   const char *utf8)
{
	uint32_t want[16];
	long n = utf8_decode(utf8, strlen(utf8), want, 16);

	return n == (long)w->len && memcmp(r->chars + w->start, want, (size_t)n * sizeof(*want)) == 0;
}

/* Whether the suffix 名 at node makes the word before it, last, the name of
 * a thing of the code (version 28): タスク名, キー名. */
static int names_a_thing(const struct tokenize_result *out, const struct tokenize_word *last,
			 const mecab_node_t *node)
{
	if (node->length != strlen("名") || memcmp(node->surface, "名", node->length) != 0)
		return 0;
	for (size_t k = 0; k < sizeof(named_things_ja) / sizeof(named_things_ja[0]); k++)
		if (word_is(out, last, named_things_ja[k]))
			return 1;
	return 0;
}

/* Runs MeCab over the chunk s[0..n) (UTF-8) and adds its content words. */
static int add_japanese(mecab_t *m, const char *s, size_t n, struct tokenize_result *out)
{
	const mecab_node_t *node = mecab_sparse_tonode2(m, s, n);
	int after_content = 0;   /* the node before was a content word that was kept */

	if (!node) {
		log_error("tokenize: MeCab cannot parse: %s", mecab_strerror(m));
		return -2;
	}
	for (; node; node = node->next) {
		uint32_t w[TOKENIZE_MAX_WORD_LEN * 2];
		size_t before = out->nwords;
		char base[256];
		const char *text = node->surface;
		size_t len = node->length;
		long nw;

		if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
			continue;
		feature_field(node->feature, 6, base, sizeof(base));
		if (!pos_is_content(node->feature, base) ||
		    (v22_rules && says_no_lack(node, base))) {
			after_content = 0;
			continue;
		}
		/* The dictionary form when the dictionary has one (回し → 回す). */
		if (strcmp(base, "*") != 0 && base[0] && utf8_valid(base, strlen(base))) {
			text = base;
			len = strlen(base);
		}
		nw = utf8_decode(text, len, w, sizeof(w) / sizeof(w[0]));
		if (nw <= 0)
			continue;
		/* A noun's suffix is part of the word before it: 暗号化 is not 暗号
		 * and 化. */
		if (after_content && pos_is_suffix(node->feature, w)) {
			int named = names_a_thing(out, &out->words[out->nwords - 1], node);

			if (extend_last(out, w, (size_t)nw) == 0) {
				out->words[out->nwords - 1].naming |= (uint8_t)named;
				continue;
			}
		}
		add_word(out, w, (size_t)nw, after_content);
		if (v23_rules && out->nwords > before && suggests(node, base))
			out->words[before].suggested = 1;
		if (out->nwords > before && speaks_of_name(node, base))
			out->words[before].naming = 1;
		after_content = out->nwords > before;
	}
	return 0;
}

static int is_file_char(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether the dot at text[k] ends a domain name: one of domains, then no
 * letter or digit. */
static int at_domain(const uint32_t *text, size_t n, size_t k)
{
	char tld[8];
	size_t len = 0;

	for (size_t j = k + 1; j < n && is_file_char(text[j]) && text[j] != '_'; j++) {
		if (len + 1 >= sizeof(tld))
			return 0;
		tld[len++] = (char)text[j];
	}
	tld[len] = '\0';
	return len > 0 && bsearch(tld, domains, sizeof(domains) / sizeof(domains[0]),
				  sizeof(domains[0]), by_string) != NULL;
}

/* Runs MeCab over s[from..to) (code points), as add_japanese does. */
static int add_japanese_span(mecab_t *m, const uint32_t *s, size_t from, size_t to,
			     struct tokenize_result *out)
{
	char chunk[4 * TOKENIZE_MAX_CHARS + 1];
	size_t bytes = 0;

	if (from >= to)
		return 0;
	for (size_t k = from; k < to; k++)
		bytes += (size_t)utf8_encode(s[k], chunk + bytes);
	chunk[bytes] = '\0';
	return add_japanese(m, chunk, bytes, out);
}

/* A run of text with Japanese in it: the file names in it (normalize_words
 * kept their dots: web.cの) are words as they stand, and MeCab cuts the rest,
 * which would cut web.c into web and c. */
static int add_mixed(mecab_t *m, const uint32_t *s, size_t n, struct tokenize_result *out)
{
	size_t from = 0;

	for (size_t k = 1; k + 1 < n; k++) {
		size_t a = k, b = k + 1;
		int rc;

		if ((s[k] != '.' && s[k] != '_') || !is_file_char(s[k - 1]) ||
		    !is_file_char(s[k + 1]))
			continue;
		while (a > from && is_file_char(s[a - 1]))
			a--;
		while (b < n && is_file_char(s[b]))
			b++;
		rc = add_japanese_span(m, s, from, a, out);
		if (rc != 0)
			return rc;
		add_identifier(out, s + a, b - a, 0);
		from = b;
		k = b;
	}
	return add_japanese_span(m, s, from, n, out);
}

/* 0 Latin and the rest, 1 hiragana, 2 katakana (with ー), 3 kanji. */
static int script_of(uint32_t c)
{
	if (c >= 0x3040 && c <= 0x309F)
		return 1;
	if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF))
		return 2;
	if (is_japanese(c))
		return 3;
	return 0;
}

/* The rule without MeCab: a word wherever the script changes. */
static void add_by_script(const uint32_t *s, size_t n, struct tokenize_result *out)
{
	size_t i = 0;

	while (i < n) {
		size_t end = i + 1;

		while (end < n && script_of(s[end]) == script_of(s[i]))
			end++;
		add_word(out, s + i, end - i, 0);
		i = end;
	}
}

void tokenize_join(struct tokenize_result *r,
		   int (*known)(const uint32_t *text, size_t len, void *ctx), void *ctx)
{
	size_t kept = 0;

	for (size_t i = 0; i < r->nwords;) {
		struct tokenize_word w = r->words[i];
		size_t take = 1;

		/* Two or more glued words whose span is known, the longest first. */
		for (size_t j = i + 1; j < r->nwords && r->words[j].glued && !w.part &&
				       !r->words[j].part && !r->words[j - 1].part &&
				       r->words[j].start == r->words[j - 1].start + r->words[j - 1].len;
		     j++) {
			size_t len = r->words[j].start + r->words[j].len - w.start;

			if (len > TOKENIZE_MAX_WORD_LEN)
				break;
			if (known(r->chars + w.start, len, ctx))
				take = j - i + 1;
		}
		if (take > 1) {
			const struct tokenize_word *last = &r->words[i + take - 1];

			w.len = (uint16_t)(last->start + last->len - w.start);
			for (size_t k = i; k < i + take; k++)
				w.latin &= r->words[k].latin;
		}
		r->words[kept++] = w;
		i += take;
	}
	r->nwords = kept;
}

/* English words, stemmed as stem() leaves them, that say the thing named
 * next is missing: "no TLS", "without a cache", "lacks a supervisor", "none
 * of", "neither threads nor". Not a verb's "not": "does not understand
 * meaning" still says meaning. Sorted, for bsearch. */
static const char *const negations[] = {
	"lack", "no", "non", "nor", "without",
};

/* Japanese words (dictionary forms) that say the word before them is
 * missing: パスワードがない, 冗長化なし. */
static const char *const negations_ja[] = { "ない", "なし", "無い", "無し" };

/* Words of plain praise, stemmed ("the HTTPS redirect is nice",
 * "番号が振られていて良い"): a remark that something is good is no critique
 * of it.
 * Not the words reviewers use for sarcasm (brilliant, great, お見事), nor
 * いい, which also wishes (通知を受ければいい). Sorted, for bsearch. */
static const char *const praises[] = {
	"excellent", "loveli", "neat", "neatli", "nic", "niceli",
};
static const char *const praises_ja[] = { "良い", "よい", "素晴らしい", "立派", "きれい", "綺麗" };

/* The same English words as written (version 18), not stemmed: "nic" is
 * also the stem of NIC. Sorted, for bsearch. */
static const char *const praise_words[] = {
	"excellent", "lovely", "neat", "neatly", "nice", "nicely",
};
/* Marks a praise word as written (TOKENIZE_PRAISE_WORD) in the normalised
 * text before it is cut into words and stemmed. Since version 19 not one
 * said as a wish ("a version check would be nice": the stop words would,
 * could, might just before it, or before a be before it). */
static void mark_praise_words(const uint32_t *text, size_t n, struct tokenize_result *r)
{
	int wish = 0, be = 0;

	for (size_t i = 0; i < n;) {
		size_t end = i;
		int ascii = 1;
		char word[16];

		while (end < n && text[end] != ' ' && text[end] != TOKENIZE_CLAUSE) {
			ascii &= text[end] < 0x80;
			end++;
		}
		if (ascii && end - i < sizeof(word)) {
			for (size_t k = i; k < end; k++)
				word[k - i] = (char)text[k];
			word[end - i] = '\0';
			if (bsearch(word, praise_words, sizeof(praise_words) / sizeof(praise_words[0]),
				    sizeof(praise_words[0]), by_string) &&
			    !(v19_rules && wish))
				r->praise |= TOKENIZE_PRAISE_WORD;
			be = wish && strcmp(word, "be") == 0;
			wish = strcmp(word, "would") == 0 || strcmp(word, "could") == 0 ||
			       strcmp(word, "might") == 0 || be;
		} else {
			wish = be = 0;
		}
		i = end + 1;
	}
}

/* Copies the Latin word r->words[i] into ascii (size bytes) as a C string;
 * 0 when it is not Latin or too long to be any word looked up. */
static int latin_text(const struct tokenize_result *r, size_t i, char *ascii, size_t size)
{
	const struct tokenize_word *w = &r->words[i];

	if (!w->latin || w->len >= size)
		return 0;
	for (size_t k = 0; k < w->len; k++)
		ascii[k] = (char)r->chars[w->start + k];
	ascii[w->len] = '\0';
	return 1;
}

/* Stems that speak of a name (version 28), sorted, for bsearch: by
 * themselves (rename, misnomer), or name with what it is the name of before
 * it (task names, key name) or what it says after it (naming style, naming
 * convention, the name says, the name reads). */
static const char *const names_own[] = { "misnam", "misnomer", "renam" };
static const char *const names_before[] = { "column", "field", "function", "key", "tabl",
					    "task", "variabl" };
static const char *const names_after[] = { "convention", "impli", "read", "say", "schem",
					   "styl", "suggest" };

/* Whether the neighbour j of a word, in its clause, is one of set. */
static int neighbour_in(const struct tokenize_result *r, size_t j, int same_clause,
			const char *const *set, size_t n)
{
	char ascii[16];

	return same_clause && latin_text(r, j, ascii, sizeof(ascii)) &&
	       bsearch(ascii, set, n, sizeof(set[0]), by_string) != NULL;
}

/* Whether the Latin word r->words[i], whose stem is ascii, speaks of a name. */
static int speaks_of_name_en(const struct tokenize_result *r, size_t i, const char *ascii)
{
	if (bsearch(ascii, names_own, sizeof(names_own) / sizeof(names_own[0]),
		    sizeof(names_own[0]), by_string))
		return 1;
	if (strcmp(ascii, "nam") != 0)
		return 0;
	return (i > 0 && neighbour_in(r, i - 1, !r->words[i].clause, names_before,
				      sizeof(names_before) / sizeof(names_before[0]))) ||
	       (i + 1 < r->nwords && neighbour_in(r, i + 1, !r->words[i + 1].clause, names_after,
						  sizeof(names_after) / sizeof(names_after[0])));
}

/* Marks the words said as missing (tokenize_word.negated). */
static void mark_negations(struct tokenize_result *r)
{
	size_t scope = 0;
	unsigned clause = 0;

	for (size_t i = 0; i < r->nwords; i++) {
		struct tokenize_word *w = &r->words[i];
		char ascii[16];
		int latin = latin_text(r, i, ascii, sizeof(ascii));
		int cue = 0;

		clause += w->clause && clause < 63;

		if (latin) {
			cue = bsearch(ascii, negations, sizeof(negations) / sizeof(negations[0]),
				      sizeof(negations[0]), by_string) != NULL;
			if (bsearch(ascii, praises, sizeof(praises) / sizeof(praises[0]),
				    sizeof(praises[0]), by_string)) {
				r->praise |= TOKENIZE_PRAISE_STEMS;
				r->praise_clauses |= (uint64_t)1 << clause;
			}
		}
		for (size_t k = 0; !w->latin && !w->suggested && k < sizeof(praises_ja) / sizeof(praises_ja[0]); k++)
			if (word_is(r, w, praises_ja[k])) {
				r->praise |= TOKENIZE_PRAISE_STEMS | TOKENIZE_PRAISE_WORD;
				r->praise_clauses |= (uint64_t)1 << clause;
			}
		if (w->naming || (latin && speaks_of_name_en(r, i, ascii)))
			r->naming_clauses |= (uint64_t)1 << clause;
		if (w->clause)
			scope = 0;
		if (cue) {
			scope = TOKENIZE_NEGATION_SCOPE;
			continue;
		}
		if (w->part) {
			w->negated = i > 0 && r->words[i - 1].negated;
			continue;
		}
		if (w->latin && scope > 0) {
			w->negated = 1;
			scope--;
		} else if (!w->latin) {
			scope = 0;
		}
		for (size_t k = 0; !w->latin && i > 0 && k < sizeof(negations_ja) / sizeof(negations_ja[0]); k++)
			if (word_is(r, w, negations_ja[k]) && !r->words[i - 1].latin)
				r->words[i - 1].negated = 1;
	}
}

/* A copy of utf8 with every URL's scheme blanked and the dots of its host
 * made spaces (version 11), or NULL when it has no URL or there is no
 * memory (then the text is cut as it is). A URL's scheme says how it is
 * fetched, not what the critique says: https://github.com/x.png says
 * nothing of HTTPS being there or missing, only where the picture comes
 * from. Its host names a site as a domain does (github.com: github and
 * com). A bare "http://" with no host after it stays the word http: "the
 * whole site is plain http://" says it. */
static void without_schemes(char *copy)
{
	for (char *q = strstr(copy, "://"); q; q = strstr(q + 1, "://")) {
		char *start = q;

		while (start > copy && (normalize_is_ascii_alnum((unsigned char)start[-1]) ||
					start[-1] == '+' || start[-1] == '-' || start[-1] == '.'))
			start--;
		if (q - start < 2 || q - start > 10 || !normalize_is_ascii_alnum((unsigned char)q[3]))
			continue;
		memset(start, ' ', (size_t)(q + 3 - start));
		for (char *h = q + 3;
		     normalize_is_ascii_alnum((unsigned char)*h) || *h == '.' || *h == '-'; h++)
			if (*h == '.')
				*h = ' ';
	}
}

/* Whether c ends a word before markup's code may begin: the text's start
 * (0), a space, an opening bracket or quote, or a byte of a character that
 * is not ASCII (で .hp, 「.hp」). A letter or digit before a dot makes a file
 * name (exhibit.cs), before # a name (C#). */
static int code_may_follow(const char *text, const char *p)
{
	unsigned char c = p > text ? (unsigned char)p[-1] : 0;

	return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' ||
	       c == '[' || c == '{' || c == ',' || c == '>' || c == '`' || c == '"' ||
	       c == '\'' || c >= 0x80;
}

static int is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Blanks in copy every word written as markup's code (version 14), and
 * returns how many: an attribute's name, written before =" or =' in HTML
 * (target="_blank", rel='noopener'), and a CSS selector's class or id, a
 * name right after a dot or # that begins a word (.hp, #chat). They name
 * that code, not what their letters say in prose: target="_blank" is no
 * target of an attack, .hp no hit points, as a URL's scheme is no HTTPS.
 * The value stays (_blank, noopener): it is what the markup says. */
static int without_code(char *copy)
{
	int n = 0;

	for (char *p = copy; *p; p++) {
		if (*p == '=' && (p[1] == '"' || p[1] == '\'')) {
			char *start = p;

			while (start > copy && (normalize_is_ascii_alnum((unsigned char)start[-1]) ||
						start[-1] == '-' || start[-1] == '_' ||
						start[-1] == ':'))
				start--;
			if (start < p && is_ascii_alpha(*start) && code_may_follow(copy, start)) {
				memset(start, ' ', (size_t)(p - start));
				n++;
			}
		} else if ((*p == '.' || *p == '#') && is_ascii_alpha(p[1]) &&
			   code_may_follow(copy, p)) {
			char *end = p + 1;

			while (normalize_is_ascii_alnum((unsigned char)*end) || *end == '-' || *end == '_')
				end++;
			/* A file's extension said alone (.png, the .cs files)
			 * names files of that kind: it stays. */
			if (*end == '.' && is_ascii_alpha(end[1]))
				continue;
			memset(p, ' ', (size_t)(end - p));
			n++;
			p = end - 1;
		}
	}
	return n;
}

/* Words that begin a clause of their own after a comma ("no offset, so
 * lines from two hosts"), where a comma alone may list what a negation
 * covers ("no TLS, HSTS or redirect"). */
static const char *const conjunctions[] = {
	"although", "because", "but", "since", "so", "then", "though", "whereas", "which",
	"while", "yet",
};

/* Whether the comma at p begins a clause: a conjunction follows it. */
static int comma_clause(const char *p)
{
	char word[16];
	size_t n = 0;

	while (isspace((unsigned char)*p))
		p++;
	while (n + 1 < sizeof(word) && isalpha((unsigned char)p[n])) {
		word[n] = (char)tolower((unsigned char)p[n]);
		n++;
	}
	word[n] = '\0';
	return !isalpha((unsigned char)p[n]) &&
	       bsearch(word, conjunctions, sizeof(conjunctions) / sizeof(conjunctions[0]),
		       sizeof(conjunctions[0]), by_string) != NULL;
}

/* Where the clause that starts at p ends (version 19): at a semicolon, a
 * colon, a full stop, a question or exclamation mark followed by a space or
 * the end, at a comma before a conjunction, or at an em dash; *skip is the
 * separator's length. A file name's dot (lib/web.c) and a number's (0.6)
 * end nothing. */
static char *clause_end(char *p, size_t *skip)
{
	for (; *p; p++) {
		if (strchr(";:.!?,", *p) && (p[1] == '\0' || isspace((unsigned char)p[1])) &&
		    (*p != ',' || comma_clause(p + 1))) {
			*skip = 1;
			return p;
		}
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
		    (unsigned char)p[2] == 0x94) {
			*skip = 3;
			return p;
		}
		/* Version 22: a Japanese sentence ends at 。, ！ or ？. */
		if (v22_rules && (strncmp(p, "。", 3) == 0 || strncmp(p, "！", 3) == 0 ||
				  strncmp(p, "？", 3) == 0)) {
			*skip = 3;
			return p;
		}
	}
	*skip = 0;
	return p;
}

/* normalize_words, clause by clause (version 19), with TOKENIZE_CLAUSE
 * between two: "no offset, so a log line" says no offset, and nothing of
 * the log line, which an English negation's scope would otherwise reach.
 * Returns the count, or -1 as normalize_words does. */
static long normalize_clauses(char *copy, uint32_t *text, size_t cap)
{
	size_t n = 0;

	for (char *p = copy;;) {
		size_t skip;
		char *end = clause_end(p, &skip);
		char saved = *end;
		long m;

		*end = '\0';
		m = normalize_words(p, text + n, cap - n);
		*end = saved;
		if (m < 0)
			return -1;
		n += (size_t)m;
		if (!skip)
			return (long)n;
		if (n + 1 >= cap)
			return -1;
		text[n++] = TOKENIZE_CLAUSE;
		p = end + skip;
	}
}

int tokenize_words(const char *utf8, struct tokenize_result *out)
{
	uint32_t text[TOKENIZE_MAX_CHARS];
	/* Markup's own words go first (versions 11 and 14): a copy is cut
	 * only when there may be some. */
	int has_url = v11_rules && strstr(utf8, "://") != NULL;
	int has_code = v14_rules && strpbrk(utf8, "=.#") != NULL;
	char *cut = has_url || has_code || v19_rules ? strdup(utf8) : NULL;
	int code = 0;
	long n;
	size_t i = 0;

	if (cut && has_url)
		without_schemes(cut);
	if (cut && has_code)
		code = without_code(cut);
	n = cut && v19_rules ? normalize_clauses(cut, text, TOKENIZE_MAX_CHARS)
			     : normalize_words(cut ? cut : utf8, text, TOKENIZE_MAX_CHARS);
	free(cut);

	out->nwords = 0;
	out->code_words = code;
	out->nchars = 0;
	out->japanese = 0;
	out->praise = 0;
	out->praise_clauses = 0;
	out->naming_clauses = 0;
	if (n < 0)
		return -1;
	/* Without file names (bench/score's older rows), a file name's dot
	 * separates words as it did. */
	for (size_t k = 0; !keep_file_names && k < (size_t)n; k++)
		if (text[k] == '.')
			text[k] = ' ';
	/* Before version 6 an identifier's underscores separated words, and a
	 * domain name was a file name; since, a domain name's dot does. */
	for (size_t k = 0; k < (size_t)n; k++)
		if ((!v6_rules && text[k] == '_') ||
		    (v6_rules && text[k] == '.' && at_domain(text, (size_t)n, k)))
			text[k] = ' ';
	/* The word before was a Latin word, kept, with only a space after it:
	 * the next Latin word is glued to it ("plain text"). */
	int after_latin = 0;
	/* A clause began since the last word (version 19): the next word
	 * added, after any stop words, is its first. */
	int new_clause = 0;

	while (i < (size_t)n) {
		size_t end = i, before = out->nwords;
		int japanese = 0;

		/* A clause's first word (version 19), glued to nothing. */
		if (text[i] == TOKENIZE_CLAUSE || text[i] == ' ') {
			if (text[i] == TOKENIZE_CLAUSE)
				after_latin = 0, new_clause = 1;
			i++;
			continue;
		}
		while (end < (size_t)n && text[end] != ' ' && text[end] != TOKENIZE_CLAUSE) {
			japanese |= is_japanese(text[end]);
			end++;
		}
		if (japanese && !use_mecab) {
			out->japanese = 1;
			add_by_script(text + i, end - i, out);
		} else if (japanese) {
			mecab_t *m = tagger_get();
			int rc;

			out->japanese = 1;
			if (!m)
				return -2;
			rc = add_mixed(m, text + i, end - i, out);
			if (rc != 0)
				return rc;
		} else {
			add_identifier(out, text + i, end - i, after_latin);
		}
		if (out->nwords > before && new_clause) {
			out->words[before].clause = 1;
			new_clause = 0;
		}
		after_latin = !japanese && out->nwords > before && out->words[out->nwords - 1].latin;
		i = end < (size_t)n && text[end] == TOKENIZE_CLAUSE ? end : end + 1;
	}
	mark_negations(out);
	mark_praise_words(text, (size_t)n, out);
	return 0;
}
