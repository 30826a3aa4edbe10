/* reply.c — the server's words for a stored throw (see reply.h). */
#define _GNU_SOURCE
#include "reply.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canned.h"
#include "llm.h"
#include "log.h"
#include "score.h"

/* How much of each earlier critique the model sees as context. */
#define CONTEXT_CRITIQUE_CHARS 200

/* What the reply is made from, read from the throw's row. */
struct reply_throw {
	long long id;
	const char *critique;
	const char *normalized;   /* the reply cache's key */
	const char *critic;       /* the GitHub ID in lower case */
	const char *slug;         /* the weakness hit; NULL for a miss */
	const char *title_en, *title_ja;
	enum score_lang lang;
	int has_reply;
};

/* A cached reply for the normalised critique into out; 1 when found, 0 when
 * not (or on a database error, logged: the model is asked instead). */
static int cache_find(db_t *db, const char *normalized, char out[LLM_REPLY_MAX])
{
	/* The text is compared too, so a hash collision can never answer the
	 * wrong critique. */
	db_result *r = db_query(db, "SELECT reply FROM llm_cache WHERE "
				    "normalized_hash = UNHEX(SHA2(?, 256)) AND normalized = ?",
				DB_TEXT(normalized), DB_TEXT(normalized));
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

static void cache_store(db_t *db, const char *normalized, const char *reply)
{
	if (db_exec(db, "INSERT IGNORE INTO llm_cache (normalized_hash, normalized, reply) "
			"VALUES (UNHEX(SHA2(?, 256)), ?, ?)",
		    DB_TEXT(normalized), DB_TEXT(normalized), DB_TEXT(reply)) < 0)
		log_warn("reply cache: %s", db_error(db));
}

/* The persona, the critic's language and what the critique hit; NULL when
 * out of memory. */
static char *system_prompt(const struct reply_throw *t)
{
	const char *lang = t->lang == SCORE_LANG_JA ? "Japanese" : "English";
	char *hit = NULL, *text = NULL;

	if (t->slug) {
		if (asprintf(&hit, "It hit one of your known weaknesses: \"%s\" (%s).",
			     t->title_en ? t->title_en : "", t->title_ja ? t->title_ja : "") < 0)
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

/* The conversation: the persona, the last few critiques of the same critic
 * with the replies they got (oldest first, each cut short), then this
 * critique. No other critic's words are ever in it. The number of earlier
 * throws is bounded (LLM.ContextThrows), so the context never grows. Sets
 * *earlier to how many earlier critiques went in. Returns NULL when out of
 * memory. */
static json_t *conversation(const struct settings *st, db_t *db, const struct reply_throw *t,
			    int *earlier)
{
	long context = st->llm_context_throws;
	char *prompt = system_prompt(t);
	json_t *messages = json_array();
	db_result *r = NULL;

	*earlier = 0;
	if (!prompt || !messages) {
		free(prompt);
		json_decref(messages);
		return NULL;
	}
	json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "system", "content", prompt));
	free(prompt);
	if (context > 0)
		r = db_query(db, "SELECT critique, reply FROM throws WHERE LOWER(github_id) = LOWER(?) "
				 "AND id < ? "
				 "AND reply IS NOT NULL ORDER BY id DESC LIMIT ?",
			     DB_TEXT(t->critic), DB_INT(t->id), DB_INT(context));
	if (!r && context > 0)
		log_warn("reply context: %s", db_error(db));
	for (unsigned i = r ? r->nrows : 0; i-- > 0;) {
		char before[LLM_REPLY_MAX];

		if (llm_reply_clean(db_cell(r, i, 0), CONTEXT_CRITIQUE_CHARS, before,
				    sizeof(before)) <= 0)
			continue;
		json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "user", "content",
							  before));
		json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "assistant",
							  "content", db_cell(r, i, 1)));
		(*earlier)++;
	}
	db_result_free(r);
	json_array_append_new(messages, json_pack("{s:s,s:s}", "role", "user", "content",
						  t->critique));
	return messages;
}

/* Stores the reply unless the throw has one (another replier was quicker). */
static int reply_store(db_t *db, long long throw_id, const char *reply, const char *source)
{
	if (db_exec(db, "UPDATE throws SET reply = ?, reply_source = ? WHERE id = ? "
			"AND reply IS NULL",
		    DB_TEXT(reply), DB_TEXT(source), DB_INT(throw_id)) < 0) {
		log_error("storing the reply to throw %lld: %s", throw_id, db_error(db));
		return -1;
	}
	return 0;
}

/* Reads the throw; 1 when found, 0 when gone, -1 on a database error. The
 * strings point into *r, which the caller frees. */
static int throw_load(db_t *db, long long id, struct reply_throw *t, db_result **r)
{
	*r = db_query(db, "SELECT t.critique, t.normalized, t.github_id, w.slug, w.title_en, "
			  "w.title_ja, t.reply IS NOT NULL, t.lang FROM throws t "
			  "LEFT JOIN weaknesses w ON w.id = t.weakness_id WHERE t.id = ?",
		      DB_INT(id));
	if (!*r) {
		log_error("reading throw %lld for its reply: %s", id, db_error(db));
		return -1;
	}
	if ((*r)->nrows == 0)
		return 0;
	*t = (struct reply_throw){
		.id = id,
		.critique = db_cell(*r, 0, 0),
		.normalized = db_cell(*r, 0, 1),
		.critic = db_cell(*r, 0, 2),
		.slug = db_cell(*r, 0, 3),
		.title_en = db_cell(*r, 0, 4),
		.title_ja = db_cell(*r, 0, 5),
		.has_reply = db_cell_int(*r, 0, 6, 0) != 0,
	};
	/* The critic's language is the one the site spoke to them in, stored
	 * with the throw; a throw from before that column is judged by its script. */
	t->lang = score_lang_parse(db_cell(*r, 0, 7) ? db_cell(*r, 0, 7) : "") >= 0
			  ? (enum score_lang)score_lang_parse(db_cell(*r, 0, 7))
			  : canned_lang_of(t->critique ? t->critique : "");
	return 1;
}

int reply_answer_canned(db_t *db, long long throw_id)
{
	struct reply_throw t;
	db_result *r;
	int found = throw_load(db, throw_id, &t, &r);
	int rc = found < 0 ? -1 : 0;

	if (found > 0 && !t.has_reply)
		rc = reply_store(db, throw_id,
				 canned_reply(t.slug, t.lang, (unsigned long long)throw_id), "canned");
	db_result_free(r);
	return rc;
}

int reply_answer_throw(const struct settings *settings, db_t *db, long long throw_id)
{
	struct llm_config llm = {
		.base_url = settings->llm_base_url,
		.model = settings->llm_model,
		.key = settings->llm_key,
		.timeout_ms = settings->llm_timeout_ms,
	};
	enum llm_status st = LLM_UNCONFIGURED;
	char reply[LLM_REPLY_MAX], keyed[4096];
	struct reply_throw t;
	json_t *messages;
	db_result *r;
	int found, earlier = 0, rc;

	found = throw_load(db, throw_id, &t, &r);
	if (found <= 0 || t.has_reply) {
		db_result_free(r);
		return found < 0 ? -1 : 0;
	}
	/* A reply is in the critic's language: the same critique in the other
	 * language is another cache entry. */
	snprintf(keyed, sizeof(keyed), "%s\n%s", score_lang_name(t.lang), t.normalized ? t.normalized : "");
	if (t.normalized && *t.normalized && cache_find(db, keyed, reply)) {
		rc = reply_store(db, throw_id, reply, "cache");
		db_result_free(r);
		return rc;
	}
	if (llm.base_url) {
		messages = conversation(settings, db, &t, &earlier);
		st = messages ? llm_chat(&llm, messages, CANNED_MAX_CHARS, reply) : LLM_MALFORMED;
		json_decref(messages);
	}
	if (st == LLM_OK) {
		/* Only a reply to the critique alone may answer someone else's. */
		if (earlier == 0 && t.normalized && *t.normalized)
			cache_store(db, keyed, reply);
		rc = reply_store(db, throw_id, reply, "llm");
	} else {
		if (st != LLM_UNCONFIGURED)
			log_warn("throw %lld: a canned reply, because of the model: %s", throw_id,
				 llm_status_name(st));
		rc = reply_store(db, throw_id,
				 canned_reply(t.slug, t.lang, (unsigned long long)throw_id), "canned");
	}
	db_result_free(r);
	return rc;
}
