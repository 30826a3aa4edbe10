/* llm.c — one chat-completions call to an OpenAI-compatible API. */
#include "llm.h"

#include <curl/curl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "utf8.h"

/* A chat completion of one short line is a few hundred bytes; anything far
 * bigger is not the answer asked for, and is not kept in memory. */
#define LLM_BODY_MAX (64 * 1024)
#define LLM_ELLIPSIS 0x2026

int llm_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

const char *llm_status_name(enum llm_status status)
{
	switch (status) {
	case LLM_OK: return "ok";
	case LLM_UNCONFIGURED: return "no endpoint configured";
	case LLM_UNREACHABLE: return "timeout or no connection";
	case LLM_HTTP_ERROR: return "HTTP error";
	case LLM_MALFORMED: return "malformed answer";
	case LLM_EMPTY: return "empty answer";
	}
	return "unknown";
}

static int is_space_like(uint32_t c)
{
	return c < 0x20 || c == ' ' || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* The closing quote for an opening one, or 0. */
static uint32_t closing_quote(uint32_t open)
{
	switch (open) {
	case '"': return '"';
	case '\'': return '\'';
	case 0x201C: return 0x201D;   /* “ ” */
	case 0x300C: return 0x300D;   /* 「 」 */
	case 0x300E: return 0x300F;   /* 『 』 */
	default: return 0;
	}
}

static int contains(const uint32_t *cp, size_t n, uint32_t c)
{
	for (size_t i = 0; i < n; i++)
		if (cp[i] == c)
			return 1;
	return 0;
}

/* Collapses whitespace in cp[0..n) in place, trimming both ends; returns the new length. */
static size_t collapse_spaces(uint32_t *cp, size_t n)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++) {
		if (is_space_like(cp[i])) {
			if (out > 0 && cp[out - 1] != ' ')
				cp[out++] = ' ';
		} else {
			cp[out++] = cp[i];
		}
	}
	while (out > 0 && cp[out - 1] == ' ')
		out--;
	return out;
}

int llm_reply_clean(const char *text, int max_chars, char *out, size_t cap)
{
	size_t len = strlen(text), n, start = 0, written = 0;
	uint32_t *cp;
	long decoded;

	out[0] = '\0';
	if (!utf8_valid(text, len))
		return -1;
	cp = malloc((len + 1) * sizeof(*cp));
	if (!cp)
		return -1;
	decoded = utf8_decode(text, len, cp, len + 1);
	n = collapse_spaces(cp, decoded > 0 ? (size_t)decoded : 0);
	/* A model often wraps its line in quotes; the page adds its own. */
	if (n >= 2 && closing_quote(cp[0]) && cp[n - 1] == closing_quote(cp[0]) &&
	    !contains(cp + 1, n - 2, cp[n - 1])) {
		start = 1;
		n--;
		while (start < n && cp[start] == ' ')
			start++;
		while (n > start && cp[n - 1] == ' ')
			n--;
	}
	n -= start;
	if (max_chars > 0 && n > (size_t)max_chars) {
		n = (size_t)max_chars - 1;
		while (n > 0 && cp[start + n - 1] == ' ')
			n--;
		cp[start + n++] = LLM_ELLIPSIS;
	}
	for (size_t i = 0; i < n; i++) {
		char buf[4];
		int k = utf8_encode(cp[start + i], buf);

		if (written + (size_t)k + 1 > cap) {
			n = i;
			break;
		}
		memcpy(out + written, buf, (size_t)k);
		written += (size_t)k;
	}
	out[written] = '\0';
	free(cp);
	return (int)n;
}

enum llm_status llm_parse_reply(const char *body, size_t len, int max_chars,
				char reply[LLM_REPLY_MAX])
{
	json_error_t jerr;
	json_t *root = json_loadb(body, len, 0, &jerr);
	json_t *choices, *content;
	enum llm_status st;

	reply[0] = '\0';
	if (!root)
		return LLM_MALFORMED;
	choices = json_object_get(root, "choices");
	if (!json_is_array(choices)) {
		st = LLM_MALFORMED;
	} else if (json_array_size(choices) == 0) {
		st = LLM_EMPTY;
	} else {
		content = json_object_get(json_object_get(json_array_get(choices, 0), "message"),
					  "content");
		if (!json_is_string(content))
			st = LLM_MALFORMED;
		else if (llm_reply_clean(json_string_value(content), max_chars, reply,
					 LLM_REPLY_MAX) < 0)
			st = LLM_MALFORMED;
		else
			st = reply[0] ? LLM_OK : LLM_EMPTY;
	}
	json_decref(root);
	return st;
}

struct body_buffer {
	char *data;
	size_t len;
};

static size_t body_append(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	struct body_buffer *b = userdata;
	size_t n = size * nmemb;
	char *grown;

	if (b->len + n > LLM_BODY_MAX)
		return 0; /* curl stops with CURLE_WRITE_ERROR */
	grown = realloc(b->data, b->len + n + 1);
	if (!grown)
		return 0;
	memcpy(grown + b->len, ptr, n);
	b->data = grown;
	b->len += n;
	b->data[b->len] = '\0';
	return n;
}

/* <base>/chat/completions, without doubling a trailing slash; NULL when out of memory. */
static char *completions_url(const char *base)
{
	size_t n = strlen(base);
	char *url;

	while (n > 0 && base[n - 1] == '/')
		n--;
	url = malloc(n + sizeof("/chat/completions"));
	if (url) {
		memcpy(url, base, n);
		strcpy(url + n, "/chat/completions");
	}
	return url;
}

static char *request_body(const struct llm_config *cfg, json_t *messages, int max_chars)
{
	/* max_tokens leaves room for a Japanese line, which costs more tokens
	 * per character than English, and is cut to max_chars anyway. */
	json_t *req = json_pack("{s:s,s:O,s:i,s:f}", "model", cfg->model ? cfg->model : "",
				"messages", messages, "max_tokens", 4 * max_chars, "temperature",
				0.8);
	char *text = req ? json_dumps(req, JSON_COMPACT) : NULL;

	json_decref(req);
	return text;
}

enum llm_status llm_chat(const struct llm_config *cfg, json_t *messages, int max_chars,
			 char reply[LLM_REPLY_MAX])
{
	struct body_buffer body = { NULL, 0 };
	struct curl_slist *headers = NULL;
	char *url = NULL, *payload = NULL, *auth = NULL;
	enum llm_status st = LLM_UNREACHABLE;
	long http_status = 0;
	CURL *curl = NULL;
	CURLcode rc;

	reply[0] = '\0';
	if (!cfg->base_url || !*cfg->base_url)
		return LLM_UNCONFIGURED;
	/* A line break in the key would end the header and start another. */
	if (cfg->key && strpbrk(cfg->key, "\r\n")) {
		log_error("llm: LLM.Key contains a line break; not sending it");
		return LLM_UNCONFIGURED;
	}
	url = completions_url(cfg->base_url);
	payload = request_body(cfg, messages, max_chars);
	curl = curl_easy_init();
	headers = curl_slist_append(NULL, "Content-Type: application/json");
	if (headers && cfg->key && *cfg->key) {
		size_t n = strlen(cfg->key) + sizeof("Authorization: Bearer ");

		struct curl_slist *more = NULL;

		auth = malloc(n);
		if (auth) {
			snprintf(auth, n, "Authorization: Bearer %s", cfg->key);
			more = curl_slist_append(headers, auth);
		}
		if (more) {
			headers = more;
		} else {
			curl_slist_free_all(headers);
			headers = NULL;
		}
	}
	if (!url || !payload || !curl || !headers) {
		log_error("llm: out of memory");
		goto done;
	}
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, body_append);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
	/* The whole call, connecting included, ends by the deadline: a page
	 * waits for the reply, and never longer than this. */
	curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, cfg->timeout_ms);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, cfg->timeout_ms);
	/* No signals: the FastCGI programs run a sampler thread beside requests. */
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "masakari-exhibition");
	rc = curl_easy_perform(curl);
	if (rc == CURLE_WRITE_ERROR) {
		st = LLM_MALFORMED;
		log_warn("llm: the answer from %s is larger than %d bytes", url, LLM_BODY_MAX);
		goto done;
	}
	if (rc != CURLE_OK) {
		log_warn("llm: %s: %s", url, curl_easy_strerror(rc));
		goto done;
	}
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http_status);
	if (http_status < 200 || http_status > 299) {
		st = LLM_HTTP_ERROR;
		log_warn("llm: %s answered HTTP %ld", url, http_status);
		goto done;
	}
	st = llm_parse_reply(body.data ? body.data : "", body.len, max_chars, reply);
	if (st != LLM_OK)
		log_warn("llm: %s: %s", url, llm_status_name(st));
done:
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	free(auth);
	free(payload);
	free(url);
	free(body.data);
	return st;
}
