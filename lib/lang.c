/* lang.c — the message catalogs (lang/<l>/NAME.hdf) and the choice of language. */
#define _GNU_SOURCE
#include "lang.h"

#include <ctype.h>
#include <stdarg.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "log.h"

static const char *const lang_names[LANG_COUNT] = { "ja", "en" };
static HDF *lang_trees[LANG_COUNT];

const char *lang_name(enum lang_id lang)
{
	return lang_names[lang == LANG_EN ? LANG_EN : LANG_JA];
}

int lang_parse(const char *name)
{
	for (int i = 0; name && i < LANG_COUNT; i++)
		if (strcmp(name, lang_names[i]) == 0)
			return i;
	return -1;
}

/* The language a range such as "ja", "ja-JP" or "EN-us" names; -1 for others. */
static int range_lang(const char *s, size_t n)
{
	for (int i = 0; i < LANG_COUNT; i++)
		if (n >= 2 && strncasecmp(s, lang_names[i], 2) == 0 && (n == 2 || s[2] == '-'))
			return i;
	return -1;
}

/* A quality value as RFC 9110 writes it ("0", "0.5", "1.000") in thousandths; -1 if malformed. */
static int parse_quality(const char *s, size_t n)
{
	int q = 0, digits = 0;

	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	q = (s[0] - '0') * 1000;
	if (n == 1)
		return q;
	if (s[1] != '.' || n > 5)
		return -1;
	for (size_t i = 2; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		digits++;
		q += (s[i] - '0') * (digits == 1 ? 100 : digits == 2 ? 10 : 1);
	}
	return q > 1000 ? -1 : q;
}

/* [s, s+n) without spaces or tabs at either end, in *s and *n. */
static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

int lang_from_accept(const char *header)
{
	int best = -1, best_q = 0;

	for (const char *p = header; p && *p;) {
		const char *end = strchr(p, ',');
		const char *item_end = end ? end : p + strlen(p);
		const char *semi = memchr(p, ';', (size_t)(item_end - p));
		const char *range = p;
		size_t rlen = (size_t)((semi ? semi : item_end) - p);
		int q = 1000, lang;

		trim(&range, &rlen);
		/* The parameters: only q counts; a malformed one voids the item. */
		for (const char *a = semi; a && q >= 0;) {
			const char *next = memchr(a + 1, ';', (size_t)(item_end - a - 1));
			const char *v = a + 1;
			size_t vlen = (size_t)((next ? next : item_end) - v);

			trim(&v, &vlen);
			if (vlen >= 2 && (v[0] == 'q' || v[0] == 'Q') && v[1] == '=')
				q = parse_quality(v + 2, vlen - 2);
			a = next;
		}
		lang = range_lang(range, rlen);
		if (q > best_q && lang >= 0) {
			best = lang;
			best_q = q;
		}
		p = end ? end + 1 : NULL;
	}
	return best;
}

enum lang_id lang_choose(const char *cookie, const char *accept_language)
{
	int lang = lang_parse(cookie);

	if (lang < 0)
		lang = lang_from_accept(accept_language);
	return lang < 0 ? LANG_DEFAULT : (enum lang_id)lang;
}

/* ---- catalogs ---- */

struct lang_key {
	char *name;       /* "Text.Site.Nav.Hall" */
	const char *value;
	const char *file; /* "site.hdf" */
};

struct lang_keys {
	struct lang_key *v;
	size_t n, cap;
};

static int keys_add(struct lang_keys *k, const char *name, const char *value, const char *file)
{
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 256;
		struct lang_key *v = realloc(k->v, cap * sizeof(*v));

		if (!v)
			return -1;
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n].name = strdup(name);
	k->v[k->n].value = value;
	k->v[k->n].file = file;
	return k->v[k->n++].name ? 0 : -1;
}

static void keys_free(struct lang_keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i].name);
	free(k->v);
	*k = (struct lang_keys){ 0 };
}

/* Every node of tree that has a value, by its full dotted name. */
static int keys_collect(struct lang_keys *k, HDF *node, const char *prefix, const char *file)
{
	for (HDF *c = hdf_obj_child(node); c; c = hdf_obj_next(c)) {
		char *name;
		int rc;

		if (asprintf(&name, "%s%s%s", prefix, *prefix ? "." : "", hdf_obj_name(c)) < 0)
			return -1;
		rc = hdf_obj_value(c) ? keys_add(k, name, hdf_obj_value(c), file) : 0;
		if (rc == 0)
			rc = keys_collect(k, c, name, file);
		free(name);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lang_key *)a)->name, ((const struct lang_key *)b)->name);
}

static const struct lang_key *keys_find(const struct lang_keys *k, const char *name)
{
	struct lang_key probe = { .name = (char *)name };

	return k->n ? bsearch(&probe, k->v, k->n, sizeof(*k->v), key_cmp) : NULL;
}

/* The placeholders {1}…{9} a text uses, as a bit set. */
static unsigned placeholders(const char *s)
{
	unsigned set = 0;

	for (; s && *s; s++)
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
			set |= 1u << (s[1] - '0');
	return set;
}

static int is_catalog_file(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".hdf") == 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The catalog files of dir/<l>/, sorted, NULL-ended, in *out. Returns their count or -1. */
static int catalog_files(const char *dir, enum lang_id lang, char ***out)
{
	char path[4096];
	struct dirent *d;
	char **names = NULL;
	int n = 0;
	DIR *dh;

	snprintf(path, sizeof(path), "%s/%s", dir, lang_name(lang));
	if (!(dh = opendir(path))) {
		log_error("cannot read the %s catalog %s: %m", lang_name(lang), path);
		return -1;
	}
	while ((d = readdir(dh))) {
		char **more;

		if (!is_catalog_file(d->d_name))
			continue;
		if (!(more = realloc(names, (size_t)(n + 2) * sizeof(*names))) ||
		    !(more[n] = strdup(d->d_name))) {
			names = more ? more : names;
			n = -1;
			break;
		}
		names = more;
		names[++n] = NULL;
	}
	closedir(dh);
	if (n < 0) {
		for (int i = 0; names && names[i]; i++)
			free(names[i]);
		free(names);
		return -1;
	}
	if (n)
		qsort(names, (size_t)n, sizeof(*names), name_cmp);
	*out = names;
	return n;
}

static void names_free(char **names)
{
	for (int i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

/* One file into tree; logs and returns -1 when it does not parse. */
static int read_catalog_file(HDF *tree, const char *dir, enum lang_id lang, const char *file)
{
	char path[4096];
	NEOERR *err;

	snprintf(path, sizeof(path), "%s/%s/%s", dir, lang_name(lang), file);
	err = hdf_read_file(tree, path);
	if (err) {
		STRING msg;

		string_init(&msg);
		nerr_error_string(err, &msg);
		log_error("catalog %s: %s", path, msg.buf ? msg.buf : "does not parse");
		string_clear(&msg);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

/* Reads both languages, file by file: trees[l] gets everything, keys[l] every
 * key with the file it came from, sorted by name. Returns 0 or -1. */
static int catalogs_read(const char *dir, HDF *trees[LANG_COUNT], struct lang_keys keys[LANG_COUNT])
{
	for (int l = 0; l < LANG_COUNT; l++) {
		char **files = NULL;
		int n = catalog_files(dir, (enum lang_id)l, &files);

		if (n < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			HDF *one = NULL;
			int rc = -1;

			/* Each file on its own first, so each key knows its file. */
			if (hdf_init(&one) == STATUS_OK &&
			    read_catalog_file(one, dir, (enum lang_id)l, files[i]) == 0 &&
			    read_catalog_file(trees[l], dir, (enum lang_id)l, files[i]) == 0)
				rc = keys_collect(&keys[l], one, "", files[i]);
			/* The values live in trees[l]; one only told us the names. */
			for (size_t k = 0; rc == 0 && k < keys[l].n; k++)
				if (keys[l].v[k].file == files[i])
					keys[l].v[k].value = hdf_get_value(trees[l], keys[l].v[k].name, "");
			hdf_destroy(&one);
			if (rc != 0) {
				names_free(files);
				return -1;
			}
		}
		/* The file names live as long as keys[l]: moved into the key list's files. */
		for (size_t k = 0; k < keys[l].n; k++)
			keys[l].v[k].file = strdup(keys[l].v[k].file);
		names_free(files);
		if (keys[l].n)
			qsort(keys[l].v, keys[l].n, sizeof(*keys[l].v), key_cmp);
	}
	return 0;
}

static void catalog_keys_free(struct lang_keys keys[LANG_COUNT])
{
	for (int l = 0; l < LANG_COUNT; l++) {
		for (size_t k = 0; k < keys[l].n; k++)
			free((char *)keys[l].v[k].file);
		keys_free(&keys[l]);
	}
}

static void problem(int report, int *count, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(int report, int *count, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	log_error("catalog: %s", line);
	if (report)
		fprintf(stderr, "%s\n", line);
	(*count)++;
}

/* The branch a key belongs to: "Text.Site" of "Text.Site.Nav.Hall", in buf. */
static const char *key_branch(const char *name, char *buf, size_t buflen)
{
	const char *dot = strchr(name, '.');
	const char *end = dot ? strchr(dot + 1, '.') : NULL;
	size_t n = end ? (size_t)(end - name) : strlen(name);

	snprintf(buf, buflen, "%.*s", (int)n, name);
	return buf;
}

/* The problems between the two languages' keys (see lang_check). */
static int keys_compare(const struct lang_keys keys[LANG_COUNT], int report)
{
	int count = 0;

	for (int l = 0; l < LANG_COUNT; l++) {
		const struct lang_keys *mine = &keys[l], *other = &keys[1 - l];

		for (size_t i = 0; i < mine->n; i++) {
			const struct lang_key *k = &mine->v[i], *o = keys_find(other, k->name);
			char branch[256], first_branch[256];

			if (strncmp(k->name, "Text.", 5) != 0 || !strchr(k->name + 5, '.'))
				problem(report, &count, "%s/%s: %s is not under Text.<Branch>.",
					lang_name((enum lang_id)l), k->file, k->name);
			if (i > 0 && strcmp(mine->v[i - 1].name, k->name) == 0)
				problem(report, &count, "%s: %s is set in two files (%s)",
					lang_name((enum lang_id)l), k->name, k->file);
			/* A branch belongs to one file: the first key of a branch names it. */
			key_branch(k->name, branch, sizeof(branch));
			for (size_t j = 0; j < mine->n; j++) {
				if (strcmp(key_branch(mine->v[j].name, first_branch,
						      sizeof(first_branch)), branch) != 0)
					continue;
				if (strcmp(mine->v[j].file, k->file) != 0)
					problem(report, &count, "%s: %s is in both %s and %s",
						lang_name((enum lang_id)l), branch, mine->v[j].file,
						k->file);
				break;
			}
			if (!o) {
				problem(report, &count, "%s is in %s/%s but not in the other language",
					k->name, lang_name((enum lang_id)l), k->file);
				continue;
			}
			if (strcmp(o->file, k->file) != 0 && l == 0)
				problem(report, &count, "%s is in ja/%s but en/%s", k->name, k->file, o->file);
			if (placeholders(o->value) != placeholders(k->value) && l == 0)
				problem(report, &count, "%s: ja and en use different placeholders ({1}…)",
					k->name);
		}
	}
	return count;
}

int lang_check(const char *dir, int report)
{
	HDF *trees[LANG_COUNT] = { NULL };
	struct lang_keys keys[LANG_COUNT] = { { 0 } };
	int count = -1;

	if (hdf_init(&trees[0]) == STATUS_OK && hdf_init(&trees[1]) == STATUS_OK &&
	    catalogs_read(dir, trees, keys) == 0)
		count = keys_compare(keys, report);
	catalog_keys_free(keys);
	hdf_destroy(&trees[0]);
	hdf_destroy(&trees[1]);
	return count;
}

NEOERR *lang_load(const char *dir)
{
	HDF *trees[LANG_COUNT] = { NULL };
	struct lang_keys keys[LANG_COUNT] = { { 0 } };
	NEOERR *err = STATUS_OK;

	for (int l = 0; !err && l < LANG_COUNT; l++)
		err = hdf_init(&trees[l]);
	if (!err && catalogs_read(dir, trees, keys) != 0)
		err = nerr_raise(NERR_PARSE, "the message catalogs under %s cannot be read", dir);
	if (!err)
		keys_compare(keys, 0);
	/* A text missing from one language shows in the other rather than not at all. */
	for (int l = 0; !err && l < LANG_COUNT; l++)
		for (size_t i = 0; !err && i < keys[l].n; i++)
			if (!keys_find(&keys[1 - l], keys[l].v[i].name))
				err = hdf_set_value(trees[1 - l], keys[l].v[i].name, keys[l].v[i].value);
	catalog_keys_free(keys);
	if (err) {
		hdf_destroy(&trees[0]);
		hdf_destroy(&trees[1]);
		return nerr_pass(err);
	}
	for (int l = 0; l < LANG_COUNT; l++) {
		hdf_destroy(&lang_trees[l]);
		lang_trees[l] = trees[l];
	}
	return STATUS_OK;
}

HDF *lang_catalog(enum lang_id lang)
{
	return lang_trees[lang == LANG_EN ? LANG_EN : LANG_JA];
}

const char *lang_text(enum lang_id lang, const char *key)
{
	HDF *tree = lang_catalog(lang);
	const char *text = tree ? hdf_get_value(tree, key, NULL) : NULL;

	if (!text) {
		log_error("no text for %s in %s", key, lang_name(lang));
		return key;
	}
	return text;
}

char *lang_fill(char *buf, size_t buflen, const char *text, const char *const *args)
{
	size_t nargs = 0, o = 0;

	while (args && args[nargs] && nargs < 9)
		nargs++;
	if (buflen == 0)
		return buf;
	for (const char *s = text; *s && o + 1 < buflen; s++) {
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}') {
			size_t a = (size_t)(s[1] - '1');
			const char *v = a < nargs ? args[a] : "";

			while (*v && o + 1 < buflen)
				buf[o++] = *v++;
			s += 2;
			continue;
		}
		buf[o++] = *s;
	}
	/* Never cut a UTF-8 character in half. */
	if (o + 1 >= buflen)
		while (o > 0 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80)
			o--;
	if (o > 0 && o + 1 >= buflen && ((unsigned char)buf[o - 1] & 0xC0) == 0xC0)
		o--;
	buf[o] = '\0';
	return buf;
}

/* ---- numbers and dates ---- */

char *lang_number(char *buf, size_t buflen, long long n, enum lang_id lang)
{
	char digits[32];
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	int len, o = 0;

	(void)lang;
	len = snprintf(digits, sizeof(digits), "%llu", u);
	if (buflen < 28) {
		if (buflen)
			buf[0] = '\0';
		return buf;
	}
	if (n < 0)
		buf[o++] = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

char *lang_datetime(char *buf, size_t buflen, const char *sql_time, enum lang_id lang)
{
	static const char *const months[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
						"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, mo, d, h, mi, s, used = 0;

	if (!sql_time || sscanf(sql_time, "%4d-%2d-%2d %2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s,
				&used) != 6 || mo < 1 || mo > 12 || d < 1 || d > 31) {
		snprintf(buf, buflen, "%s", sql_time ? sql_time : "");
		return buf;
	}
	if (lang == LANG_EN)
		snprintf(buf, buflen, "%d %s %d, %02d:%02d:%02d", d, months[mo - 1], y, h, mi, s);
	else
		snprintf(buf, buflen, "%d年%d月%d日 %02d:%02d:%02d", y, mo, d, h, mi, s);
	return buf;
}
