/* throw.c — "POST /masakari/throw": checks the form, scores the critique,
 * stores the throw, its attack job and its place in the reply queue in one
 * transaction (the rate limits are lib/throw_limits.h's), and answers 303 to
 * the throw's page at once. The server's reply comes later, from the
 * flooder's repliers (lib/reply.h), when a language model is configured;
 * without one it is the cache's or a canned line, stored before the
 * redirect. Whatever is refused is refused before anything is stored, a
 * critique the critic has thrown before too. */
#include "masakari.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "github.h"
#include "log.h"
#include "normalize.h"
#include "reply.h"
#include "throw_limits.h"
#include "utf8.h"

#define CRITIQUE_MAX_CHARS 500

/* A throw's language reaches the reply as a score_lang: the two number alike. */
_Static_assert((int)LANG_JA == (int)SCORE_LANG_JA && (int)LANG_EN == (int)SCORE_LANG_EN,
	       "enum lang_id and enum score_lang differ");

/* Characters a critique may be made of only: they type nothing visible. */
static int is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
	       c == 0x205F || c == 0xFEFF;
}

/* What is wrong with a critique, as a sentence for the critic in their
 * language (written into buf when it has numbers in it); NULL if nothing. */
static const char *critique_problem(web_request *req, const char *critique, char *buf,
				    size_t buflen)
{
	uint32_t cp[4 * CRITIQUE_MAX_CHARS];
	char max[16], have[24];
	size_t len;
	long n, chars = 0;
	int visible = 0;

	snprintf(max, sizeof(max), "%d", CRITIQUE_MAX_CHARS);
	if (!critique || !*critique)
		return web_text(req, "Text.Masakari.Problem.Empty");
	len = strlen(critique);
	if (!utf8_valid(critique, len))
		return web_text(req, "Text.Masakari.Problem.NotUtf8");
	/* Anything longer than this many bytes is over the limit whatever it says. */
	if (len > 4 * CRITIQUE_MAX_CHARS + 2 * CRITIQUE_MAX_CHARS)
		return web_text_fill(req, buf, buflen, "Text.Masakari.Problem.TooLongBytes", max, NULL);
	n = utf8_decode(critique, len, cp, sizeof(cp) / sizeof(cp[0]));
	if (n < 0)
		return web_text_fill(req, buf, buflen, "Text.Masakari.Problem.TooLongBytes", max, NULL);
	for (long i = 0; i < n; i++) {
		uint32_t c = cp[i];

		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F ||
		    (c >= 0x80 && c <= 0x9F))
			return web_text(req, "Text.Masakari.Problem.Control");
		if (!is_blank(c))
			visible = 1;
		/* A line break sent as CR LF is one character, as the text box counts it. */
		if (!(c == '\r' && i + 1 < n && cp[i + 1] == '\n'))
			chars++;
	}
	if (!visible)
		return web_text(req, "Text.Masakari.Problem.Blank");
	if (chars > CRITIQUE_MAX_CHARS) {
		snprintf(have, sizeof(have), "%ld", chars);
		return web_text_fill(req, buf, buflen, "Text.Masakari.Problem.TooLong", have, max, NULL);
	}
	return NULL;
}

/* Refuses the throw with the form shown again, the problem above it (and a
 * link to the critic's earlier throw of it when earlier_throw > 0). */
static NEOERR *refuse(web_request *req, int status, const char *github_id, const char *critique,
		      const char *problem, long long earlier_throw)
{
	struct masakari_form form = { .problem = problem, .earlier_throw = earlier_throw };

	/* Echo back only what can be shown: well-formed text of sensible size. */
	if (github_id && strlen(github_id) <= 100 && utf8_valid(github_id, strlen(github_id)))
		form.github_id = github_id;
	if (critique && strlen(critique) <= 8 * CRITIQUE_MAX_CHARS &&
	    utf8_valid(critique, strlen(critique)))
		form.critique = critique;
	web_status(req, status);
	return nerr_pass(masakari_home_show(req, &form));
}

/* Power after halving once for every earlier hit on the same weakness. */
static int halved_power(int power, long long repeat_hits)
{
	for (long long i = 0; i < repeat_hits && power > 1; i++)
		power = (power + 1) / 2;
	return power;
}

/* The critic's earlier throw of the same normalised critique: sets *id to it,
 * or to 0 when there is none. Returns 0 or -1 (database error). */
static int earlier_throw_find(db_t *db, const char *critic, const char *normalized, long long *id)
{
	db_result *r = db_query(db, "SELECT throw_id FROM throw_critiques WHERE critic = ? "
				    "AND normalized_hash = UNHEX(SHA2(?, 256))",
				DB_TEXT(critic), DB_TEXT(normalized));

	if (!r)
		return -1;
	*id = db_cell_int(r, 0, 0, 0);
	db_result_free(r);
	return 0;
}

struct throw_plan {
	const char *github_id;
	int verified;                            /* a GitHub sign-in proved github_id */
	const char *critic;                      /* the GitHub ID in lower case */
	const char *remote_addr;
	const char *critique;
	const char *normalized;
	const char *lang;                        /* "ja" or "en": the critic's, the reply's */
	const struct score_weakness *weakness;   /* NULL: a miss */
	struct score_result score;
	const char *target_url;
	long duration_s;
	struct throw_limits limits;              /* lib/throw_limits.h */
	int ask_model;                           /* LLM.BaseUrl is set: queue the reply */
};

/* What throw_store did: stored the throw (id), or refused it with nothing
 * stored, because a limit is not free yet (wait_ms > 0) or because the critic
 * threw this critique before (earlier_id > 0). */
struct throw_outcome {
	long long id;
	long long wait_ms;
	int address_limited;                     /* the wait is the address budget's */
	long long earlier_id;
};

/* The transaction: the rate limits (lib/throw_limits.h), the repeat count, the throw, its job and
 * the critique's row in throw_critiques. Fills *out.
 * Returns 0 or -1 on a database error (rolled back). */
static int throw_store(db_t *db, const struct throw_plan *p, struct throw_outcome *out)
{
	struct throw_limits_wait wait;
	long long repeat_hits = 0, n;
	long long *id = &out->id;
	int power = p->score.power;

	*out = (struct throw_outcome){ 0 };
	if (db_begin(db) != 0)
		return -1;
	if (throw_limits_take(db, &p->limits, p->critic, p->remote_addr, &wait) != 0)
		goto fail;
	if (wait.wait_ms > 0) {
		out->wait_ms = wait.wait_ms;
		out->address_limited = wait.address_limited;
		db_rollback(db);
		return 0;
	}
	if (p->weakness) {
		/* Serialised with this critic's other throws by the ID's limit row. */
		db_result *r = db_query(db, "SELECT COUNT(*) FROM throws WHERE weakness_id = ? "
					    "AND LOWER(github_id) = LOWER(?)",
					DB_INT(p->weakness->id), DB_TEXT(p->github_id));

		if (!r)
			goto fail;
		repeat_hits = db_cell_int(r, 0, 0, 0);
		db_result_free(r);
		power = halved_power(power, repeat_hits);
		n = db_exec(db, "INSERT INTO throws (github_id, verified, remote_addr, critique, normalized, "
				"lang, score, weakness_id, power, scoring_version, repeat_hits) "
				"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			    DB_TEXT(p->github_id), DB_INT(p->verified), DB_TEXT(p->remote_addr), DB_TEXT(p->critique), DB_TEXT(p->normalized),
			    DB_TEXT(p->lang), DB_DOUBLE(p->score.score), DB_INT(p->weakness->id), DB_INT(power),
			    DB_INT(p->score.version), DB_INT(repeat_hits));
	} else {
		n = db_exec(db, "INSERT INTO throws (github_id, verified, remote_addr, critique, normalized, "
				"lang, score, weakness_id, power, scoring_version, repeat_hits) "
				"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
			    DB_TEXT(p->github_id), DB_INT(p->verified), DB_TEXT(p->remote_addr), DB_TEXT(p->critique), DB_TEXT(p->normalized),
			    DB_TEXT(p->lang), DB_DOUBLE(p->score.score), DB_NULL, DB_INT(power), DB_INT(p->score.version));
	}
	if (n != 1)
		goto fail;
	*id = db_last_insert_id(db);
	if (db_exec(db, "INSERT INTO attack_jobs (throw_id, target_url, rate, duration_s) "
			"VALUES (?, ?, ?, ?)",
		    DB_INT(*id), DB_TEXT(p->target_url), DB_INT(power), DB_INT(p->duration_s)) != 1)
		goto fail;
	/* The model is asked off the request path (lib/reply.h). */
	if (p->ask_model && db_exec(db, "INSERT INTO reply_queue (throw_id) VALUES (?)",
				       DB_INT(*id)) != 1)
		goto fail;
	/* The primary key refuses a critique this critic has thrown before, even
	 * one stored by a throw still in flight: this waits for that transaction
	 * and then adds no row (0) instead of one (1). IGNORE rather than ON
	 * DUPLICATE KEY UPDATE: it takes only a shared lock on the earlier row,
	 * so several such throws waiting at once do not deadlock. */
	n = db_exec(db, "INSERT IGNORE INTO throw_critiques (critic, normalized_hash, throw_id) "
			"VALUES (?, UNHEX(SHA2(?, 256)), ?)",
		    DB_TEXT(p->critic), DB_TEXT(p->normalized), DB_INT(*id));
	if (n < 0)
		goto fail;
	if (n == 0) {
		*id = 0;
		db_rollback(db);
		/* Read after the rollback, so it sees the other throw's commit. */
		if (earlier_throw_find(db, p->critic, p->normalized, &out->earlier_id) != 0 ||
		    out->earlier_id == 0)
			goto fail;
		return 0;
	}
	if (db_commit(db) != 0)
		goto fail;
	return 0;
fail:
	*id = 0;
	log_error("storing a throw: %s", db_error(db));
	db_rollback(db);
	return -1;
}

NEOERR *masakari_throw_submit(web_request *req)
{
	const char *github_id, *critique, *me;
	const struct score_catalog *cat;
	struct throw_plan plan = { 0 };
	struct throw_outcome done;
	char problem_buf[512], normalized[4 * SCORE_MAX_TEXT + 1], location[64];
	char critic[GITHUB_ID_MAX + 1];
	const char *problem;
	db_t *db;
	NEOERR *err;
	int rc;

	err = web_csrf_check(req);
	if (!err)
		err = web_field(req, "github_id", &github_id);
	if (!err)
		err = web_field(req, "critique", &critique);
	if (err)
		return nerr_pass(err);
	/* A throw is made by the visitor's identity (lib/identity.h), never in
	 * the name a form field gives: one naming someone else is refused. */
	me = hdf_get_value(req->hdf, "Page.GithubId", NULL);
	if (!me && hdf_get_int_value(req->hdf, "Page.IdentityUnknown", 0))
		return nerr_raise(WEB_ERR_DB_DOWN, "%s", web_text(req, "Text.Common.Error.DbDown"));
	if (!me)
		return nerr_pass(refuse(req, 403, NULL, critique,
					web_text(req, "Text.Masakari.Problem.EnterFirst"), 0));
	if (github_id && strcasecmp(github_id, me) != 0) {
		web_text_fill(req, problem_buf, sizeof(problem_buf), "Text.Masakari.Problem.NotYours",
			      me, NULL);
		return nerr_pass(refuse(req, 403, me, critique, problem_buf, 0));
	}
	github_id = me;
	problem = github_id_problem_key(github_id);
	problem = problem ? web_text(req, problem)
			  : critique_problem(req, critique, problem_buf, sizeof(problem_buf));
	if (problem)
		return nerr_pass(refuse(req, 400, github_id, critique, problem, 0));
	/* GitHub IDs are not case-sensitive: the limits and repeats compare them so. */
	for (size_t i = 0, n = strlen(github_id); i <= n; i++)
		critic[i] = (char)tolower((unsigned char)github_id[i]);
	plan.github_id = github_id;
	plan.verified = hdf_get_int_value(req->hdf, "Page.Verified", 0) != 0;
	plan.critic = critic;
	plan.critique = critique;
	plan.remote_addr = web_remote_addr(req);
	plan.lang = lang_name(req->lang);
	/* The game's target is the first of the flooder's. */
	plan.target_url = settings_list_first(req->settings->flooder_targets);
	plan.duration_s = req->settings->masakari_duration_seconds;
	plan.limits.interval_s = req->settings->masakari_throw_interval_seconds;
	plan.limits.per_minute = req->settings->masakari_address_throws_per_minute;
	plan.limits.burst = req->settings->masakari_address_throw_burst;
	plan.ask_model = req->settings->llm_base_url != NULL;
	if (!plan.target_url)
		return nerr_raise(NERR_ASSERT, "Flooder.Targets.0 is not configured");
	err = web_db(req, &db);
	if (!err)
		err = catalog_get(req, db, &cat);
	if (err)
		return nerr_pass(err);
	rc = score_critique(cat, critique, &plan.score);
	/* The reason (MeCab cannot start) is logged; the critique is not at fault. */
	if (rc == -2)
		return nerr_raise(NERR_SYSTEM, "scoring is unavailable: the Japanese word "
					       "splitter (MeCab) cannot start");
	if (rc != 0 || normalize_to_utf8(critique, normalized, sizeof(normalized)) < 0)
		return nerr_pass(refuse(req, 400, github_id, critique,
					web_text(req, "Text.Masakari.Problem.Unreadable"), 0));
	plan.normalized = normalized;
	plan.weakness = plan.score.weakness_index >= 0 ? &cat->weaknesses[plan.score.weakness_index]
						       : NULL;
	/* Looked up first so that a repeat is told so even within the rate limit's
	 * interval; throw_store's key is what makes the refusal safe. */
	done = (struct throw_outcome){ 0 };
	if (earlier_throw_find(db, critic, normalized, &done.earlier_id) != 0)
		return web_db_error(db, "looking up an earlier throw");
	if (done.earlier_id == 0 && throw_store(db, &plan, &done) != 0)
		return web_db_error(db, "storing a throw");
	if (done.earlier_id > 0)
		return nerr_pass(refuse(req, 409, github_id, critique,
					web_text(req, "Text.Masakari.Problem.Repeated"),
					done.earlier_id));
	if (done.wait_ms > 0) {
		long long secs = (done.wait_ms + 999) / 1000;
		char retry[24], interval[24];

		snprintf(retry, sizeof(retry), "%lld", secs);
		if (done.address_limited) {
			snprintf(interval, sizeof(interval), "%ld", plan.limits.per_minute);
			web_text_fill(req, problem_buf, sizeof(problem_buf),
				      secs == 1 ? "Text.Masakari.Problem.NetworkOne"
						: "Text.Masakari.Problem.Network",
				      interval, retry, NULL);
		} else {
			snprintf(interval, sizeof(interval), "%ld", plan.limits.interval_s);
			web_text_fill(req, problem_buf, sizeof(problem_buf),
				      secs == 1 ? "Text.Masakari.Problem.WaitOne"
						: "Text.Masakari.Problem.Wait",
				      interval, retry, NULL);
		}
		err = web_header(req, "Retry-After", retry);
		if (err)
			return nerr_pass(err);
		return nerr_pass(refuse(req, 429, github_id, critique, problem_buf, 0));
	}
	/* With no model to ask, the reply is the cache's or a canned line:
	 * both at hand, so the page shows it at once. */
	if (!plan.ask_model)
		reply_answer_throw(req->settings, db, done.id);
	snprintf(location, sizeof(location), "/masakari/throws/%lld", done.id);
	err = web_redirect(req, 303, location);
	return nerr_pass(err);
}
