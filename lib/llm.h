/* llm.h — one chat-completions call to an OpenAI-compatible API (OpenAI,
 * Ollama, a llama.cpp server), through libcurl, with a hard time limit.
 *
 * The server's words in the masakari game come from here. The caller builds
 * the conversation; this module only posts it, waits at most timeout_ms in
 * all (connecting included) and turns the first choice into one line of at
 * most max_chars characters. Every way it can fail has its own status, so
 * the caller can fall back to a canned line and say why. */
#ifndef MASAKARI_LLM_H
#define MASAKARI_LLM_H

#include <jansson.h>
#include <stddef.h>

struct llm_config {
	const char *base_url;   /* e.g. https://api.openai.com/v1; NULL or "" = none */
	const char *model;
	const char *key;        /* sent as a Bearer token; NULL or "" = none */
	long timeout_ms;        /* for the whole call */
};

enum llm_status {
	LLM_OK,
	LLM_UNCONFIGURED,       /* no base URL */
	LLM_UNREACHABLE,        /* could not connect, or the time ran out */
	LLM_HTTP_ERROR,         /* an answer with a status other than 2xx */
	LLM_MALFORMED,          /* not JSON, or not shaped like a chat completion */
	LLM_EMPTY,              /* no choices, or a choice with no words in it */
};

/* The longest reply in bytes: max_chars is at most this divided by four. */
#define LLM_REPLY_MAX 1024

/* Call once per process, before any thread starts. Returns 0 or -1. */
int llm_global_init(void);

/* Posts {"model", "messages", "max_tokens", "temperature"} to
 * <base_url>/chat/completions and puts the first choice's content, made one
 * line of at most max_chars characters (llm_reply_clean), in reply
 * (LLM_REPLY_MAX bytes). Returns LLM_OK; otherwise reply is "" and the
 * reason is logged. messages is borrowed, not taken over. */
enum llm_status llm_chat(const struct llm_config *cfg, json_t *messages, int max_chars,
			 char reply[LLM_REPLY_MAX]);

/* Reads a chat-completions response body into reply as llm_chat does:
 * LLM_OK, LLM_MALFORMED or LLM_EMPTY. */
enum llm_status llm_parse_reply(const char *body, size_t len, int max_chars,
				char reply[LLM_REPLY_MAX]);

/* Makes text one line: line breaks, tabs and other control characters
 * become spaces, runs of spaces one, the ends trimmed, and quotes around the
 * whole line ("…", 「…」, '…', when the closing one appears nowhere
 * else) dropped; then cuts it to max_chars characters,
 * the last of them "…" when something was cut. Writes to out (cap bytes).
 * Returns the number of characters, 0 when nothing is left, or -1 when text
 * is not valid UTF-8 (out is then ""). */
int llm_reply_clean(const char *text, int max_chars, char *out, size_t cap);

/* A short name for a status, for logs and tests ("ok", "timeout or no connection", …). */
const char *llm_status_name(enum llm_status status);

#endif
