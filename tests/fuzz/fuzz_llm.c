/* fuzz_llm.c — the chat-completions response parser (lib/llm.c) on any body:
 * a reply is one line of valid UTF-8 within its character limit, and a body
 * that gives none leaves reply empty. */
#include <string.h>

#include "fuzz.h"
#include "llm.h"
#include "utf8.h"

static int has_line_break(const char *s)
{
	return strchr(s, '\n') || strchr(s, '\r');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char reply[LLM_REPLY_MAX];
	char *text;
	int max_chars, n;
	enum llm_status st;

	if (size < 1)
		return 0;
	/* The first byte is the limit, as a caller picks it (1–255). */
	max_chars = data[0] ? data[0] : 1;
	if (max_chars > LLM_REPLY_MAX / 4)
		max_chars = LLM_REPLY_MAX / 4;
	memset(reply, 'x', sizeof(reply));
	st = llm_parse_reply((const char *)data + 1, size - 1, max_chars, reply);
	FUZZ_CHECK(st == LLM_OK || st == LLM_MALFORMED || st == LLM_EMPTY);
	FUZZ_CHECK(memchr(reply, '\0', sizeof(reply)) != NULL);
	if (st == LLM_OK) {
		FUZZ_CHECK(reply[0] != '\0' && utf8_valid(reply, strlen(reply)));
		FUZZ_CHECK(utf8_length(reply, strlen(reply)) <= max_chars && !has_line_break(reply));
	} else {
		FUZZ_CHECK(reply[0] == '\0');
	}
	FUZZ_CHECK(llm_status_name(st) != NULL);

	/* The cleaner alone, on the raw bytes as the text. */
	text = malloc(size);
	FUZZ_CHECK(text);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	n = llm_reply_clean(text, max_chars, reply, sizeof(reply));
	if (n >= 0)
		FUZZ_CHECK(n <= max_chars && utf8_length(reply, strlen(reply)) == n &&
			   !has_line_break(reply));
	else
		FUZZ_CHECK(n == -1 && reply[0] == '\0' && !utf8_valid(text, strlen(text)));
	free(text);
	return 0;
}
