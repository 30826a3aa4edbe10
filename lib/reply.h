/* reply.h — the server's words for a stored throw: from the reply cache, from
 * an OpenAI-compatible chat API in character, or canned.
 *
 * Run off the request path (the flooder's replier threads, flooder/replier.c):
 * a throw is stored and its page shown at once, and the page shows the reply
 * when it is there. What the model is told is kept to one critic: the persona,
 * that critic's own few earlier critiques with their replies, and this
 * critique — never another critic's text, so an instruction planted in one
 * critique cannot reach anyone else's answer. Only a reply made from the
 * critique alone (no earlier critiques in the context) is cached for others
 * who throw the same critique. */
#ifndef MASAKARI_REPLY_H
#define MASAKARI_REPLY_H

#include "db.h"
#include "settings.h"

/* Finds the reply to throw_id — from the cache, from the model (the LLM.*
 * settings in st, bounded by LLM.TimeoutMs), or a canned line when neither answers — and
 * stores it on the throw with its source, unless the throw has one already.
 * Returns 0 when the throw has its reply (or no longer exists), -1 on a
 * database error (logged), so the caller can try again later. */
int reply_answer_throw(const struct settings *st, db_t *db, long long throw_id);

/* Stores a canned reply on throw_id (unless it has one): for a throw whose
 * every attempt failed. Returns 0 or -1 (database error, logged). */
int reply_answer_canned(db_t *db, long long throw_id);

#endif
