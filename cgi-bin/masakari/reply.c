/* reply.c — the server's words for a throw: from the reply cache, from an
 * OpenAI-compatible chat API in character, or canned.
 *
 * The throw is stored before this runs, so nothing here can lose it; the
 * whole call to the API is bounded by LLM.TimeoutMs (3 s by default), which
 * is the longest the critic's POST waits for an answer. */
#define _GNU_SOURCE
#include "masakari.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canned.h"
#include "config.h"
#include "llm.h"
#include "log.h"

/* How much of each earlier critique the model sees as context. */
#define CONTEXT_CRITIQUE_CHARS 200

/* SHA-256 of the normalised critique: the cache's key, fixed-size whatever
 * the critique's length. Returns 0 or -1. */
static int cache_key(const char *normalized, unsigned char key[32])
{
	unsigned int n = 0;

	return EVP_Digest(normalized, strlen(normalized), key, &n, EVP_sha256(), NULL) == 1 &&
			       n == 32
		       ? 0
		       : -1;
}

/* A cached reply for the key into out; 1 when found, 0 when not (or on a
 * database error, logged: the model is asked instead). */
static int cache_find(db_t *db, const unsigned char key[32], const char *normalized,
		      char out[LLM_REPLY_MAX])
{
	/* The text is compared too, so a hash collision can never answer the
	 * wrong critique. */
	db_result *r = db_query(db, "SELECT reply FROM llm_cache WHERE normalized_hash = ? "
				    "AND normalized = ?",
				DB_BYTES((const char *)key, 32), DB_TEXT(normalized));
	const char *reply;
	int found = 0;

	if (!r) {
		log_warn("reply cache: %s", db_error(db));
		return 0;
	}
	reply = db_cell(r, 0, 0);
	if (reply && *reply && strlen(reply) < LLM_REPLY_MAX) {
		strcpy(out, reply);
		found = 1;
	}
	db_result_free(r);
	return found;
}

static void cache_store(db_t *db, const unsigned char key[32], const char *normalized,
			const char *reply)
{
	if (db_exec(db, "INSERT IGNORE INTO llm_cache (normalized_hash, normalized, reply) "
			"VALUES (?, ?, ?)",
		    DB_BYTES((const char *)key, 32), DB_TEXT(normalized), DB_TEXT(reply)) < 0)
		log_warn("reply cache: %s", db_error(db));
}

/* The persona, the critic's language and what the critique hit; NULL when
 * out of memory. */
static char *system_prompt(const struct reply_request *rr)
{
	const char *lang = rr->lang == SCORE_LANG_JA ? "Japanese" : "English";
	char *hit = NULL, *text = NULL;

	if (rr->weakness) {
		if (asprintf(&hit, "It hit one of your known weaknesses: \"%s\" (%s).",
			     rr->weakness->title_en, rr->weakness->title_ja) < 0)
			return NULL;
	} else if (!(hit = strdup("It missed every weakness you know you have."))) {
		return NULL;
	}
	if (asprintf(&text,
		     "You are the legacy server in the masakari game: a veteran engineer who has "
		     "kept bad code running for decades, hates bad code, and defends this server "
		     "anyway. Critics read your code and throw critiques at it (masakari, axes). "
		     "Answer the latest critique in character, in %s, the critic's language: one "
		     "line of at most %d characters, no quotes, no explanations. %s",
		     lang, CANNED_MAX_CHARS, hit) < 0)
		text = NULL;
	free(hit);
	return text;
}

/* The conversation: the persona, the last few critiques with the replies
 * they got (oldest first, each cut short), then this critique. The number of
 * earlier throws is bounded (LLM.ContextThrows), so the context never grows.
 * Returns NULL when out of memory. */
static json_t *conversation(web_request *req, db_t *db, const struct reply_request *rr)
{
	long context = req->settings->llm_context_throws;
	char *prompt = system_prompt(rr);
	json_t *messages = json_array();
	db_result *r = NULL;

	if (!prompt || !messages) {
		free(prompt);
		json_decref(messages);
		return NULL;
	}
	json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "system", "content", prompt));
	free(prompt);
	if (context > 0)
		/* Only throws in the critic's language: the earlier answers show
		 * the model which language to keep to. */
		r = db_query(db, "SELECT critique, reply FROM throws WHERE id < ? AND reply IS NOT NULL "
				 "AND lang = ? ORDER BY id DESC LIMIT ?",
			     DB_INT(rr->throw_id), DB_TEXT(score_lang_name(rr->lang)), DB_INT(context));
	if (!r && context > 0)
		log_warn("reply context: %s", db_error(db));
	for (unsigned i = r ? r->nrows : 0; i-- > 0;) {
		char earlier[LLM_REPLY_MAX];

		if (llm_reply_clean(db_cell(r, i, 0), CONTEXT_CRITIQUE_CHARS, earlier,
				    sizeof(earlier)) <= 0)
			continue;
		json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "user", "content",
							  earlier));
		json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "assistant",
							  "content", db_cell(r, i, 1)));
	}
	db_result_free(r);
	json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "user", "content",
						  rr->critique));
	return messages;
}

static void reply_store(db_t *db, long long throw_id, const char *reply, const char *source)
{
	if (db_exec(db, "UPDATE throws SET reply = ?, reply_source = ? WHERE id = ?", DB_TEXT(reply),
		    DB_TEXT(source), DB_INT(throw_id)) < 0)
		log_error("storing the reply to throw %lld: %s", throw_id, db_error(db));
}

void reply_answer_throw(web_request *req, db_t *db, const struct reply_request *rr)
{
	struct llm_config cfg = {
		.base_url = req->settings->llm_base_url,
		.model = req->settings->llm_model,
		.key = req->settings->llm_key,
		.timeout_ms = req->settings->llm_timeout_ms,
	};
	char reply[LLM_REPLY_MAX];
	unsigned char key[32];
	/* A reply is in the critic's language: the same critique in the other
	 * language is another cache entry. */
	char *keyed = NULL;
	int have_key = *rr->normalized &&
		       asprintf(&keyed, "%s\n%s", score_lang_name(rr->lang), rr->normalized) > 0 &&
		       cache_key(keyed, key) == 0;
	enum llm_status st = LLM_UNCONFIGURED;
	json_t *messages;

	if (have_key && cache_find(db, key, keyed, reply)) {
		reply_store(db, rr->throw_id, reply, "cache");
		free(keyed);
		return;
	}
	if (cfg.base_url) {
		messages = conversation(req, db, rr);
		st = messages ? llm_chat(&cfg, messages, CANNED_MAX_CHARS, reply) : LLM_MALFORMED;
		json_decref(messages);
	}
	if (st == LLM_OK) {
		if (have_key)
			cache_store(db, key, keyed, reply);
		reply_store(db, rr->throw_id, reply, "llm");
		free(keyed);
		return;
	}
	free(keyed);
	if (st != LLM_UNCONFIGURED)
		log_warn("throw %lld: a canned reply, because of the model: %s", rr->throw_id,
			 llm_status_name(st));
	reply_store(db, rr->throw_id,
		    canned_reply(rr->weakness ? rr->weakness->slug : NULL, rr->lang,
				 (unsigned long long)rr->throw_id),
		    "canned");
}
