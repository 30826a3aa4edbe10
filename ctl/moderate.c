/* moderate.c — the operators' acts from the shell: "masakarictl ban", "unban",
 * "ban-address", "unban-address", "mute", "unmute", "kick", "chat-delete",
 * "announce", "operator-link" and "moderation-log".
 *
 * Each goes through lib/moderation.c, as the operators' page does, so it is
 * logged as "shell:<user>" and reaches every running hall daemon within a
 * second. A command that cannot do what it was asked says why on stderr and
 * exits 1 (2 for a malformed command line). */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"
#include "db.h"
#include "github.h"
#include "moderation.h"
#include "netaddr.h"

/* What the command line gave: one argument, and the options. */
struct moderate_args {
	const char *arg;
	long number;          /* --hours or --minutes; -1 when not given */
	const char *reason;
	char actor[MODERATION_ACTOR_MAX];
};

static int moderate_usage(const char *usage)
{
	fprintf(stderr, "usage: masakarictl %s\n", usage);
	return 2;
}

/* Parses ARG [--NUMBER_NAME N] [--reason TEXT]; -1 on a malformed line. */
static int moderate_parse(int argc, char **argv, const char *number_name, struct moderate_args *a)
{
	const char *user = getenv("SUDO_USER");
	struct passwd *pw;

	memset(a, 0, sizeof(*a));
	a->number = -1;
	for (int i = 0; i < argc; i++) {
		if (number_name && strcmp(argv[i], number_name) == 0 && i + 1 < argc) {
			char *end;

			errno = 0;
			a->number = strtol(argv[++i], &end, 10);
			if (errno || *end || end == argv[i] || a->number < 0)
				return -1;
		} else if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc) {
			a->reason = argv[++i];
		} else if (argv[i][0] == '-' || a->arg) {
			return -1;
		} else {
			a->arg = argv[i];
		}
	}
	if (!a->arg)
		return -1;
	if (!user || !*user) {
		pw = getpwuid(getuid());
		user = pw ? pw->pw_name : "unknown";
	}
	snprintf(a->actor, sizeof(a->actor), "shell:%s", user);
	return 0;
}

/* A connected handle, or NULL having said why. */
static db_t *moderate_db(const struct settings *settings)
{
	db_t *db = db_new(settings);

	if (!db || db_connect(db) != 0) {
		fprintf(stderr, "masakarictl: the database cannot be reached: %s\n",
			db ? db_error(db) : "out of memory");
		db_free(db);
		return NULL;
	}
	return db;
}

/* 0 when the ID and the reason are fine, else 1 having said why. */
static int moderate_check(const struct moderate_args *a, int is_id)
{
	const char *problem;

	if (is_id && github_id_problem(a->arg)) {
		fprintf(stderr, "masakarictl: \"%s\" is not a GitHub ID: %s\n", a->arg, github_id_problem(a->arg));
		return 1;
	}
	problem = moderation_text_problem(a->reason, MODERATION_REASON_MAX, 0);
	if (problem) {
		fprintf(stderr, "masakarictl: the reason must be text of at most %d characters, one line\n",
			MODERATION_REASON_MAX);
		return 1;
	}
	return 0;
}

/* The exit code for what an act came to, saying why when it failed. */
static int moderate_result(db_t *db, enum moderation_result r, const char *nothing, const char *done)
{
	int rc = 0;

	if (r == MODERATION_ERROR) {
		fprintf(stderr, "masakarictl: the database failed: %s\n", db_error(db));
		rc = 1;
	} else if (r == MODERATION_NOTHING) {
		fprintf(stderr, "masakarictl: %s\n", nothing);
		rc = 1;
	} else {
		printf("%s\n", done);
	}
	db_free(db);
	return rc;
}

enum moderate_act { ACT_BAN, ACT_UNBAN, ACT_BAN_ADDRESS, ACT_UNBAN_ADDRESS, ACT_MUTE, ACT_UNMUTE, ACT_KICK };

/* Each act's usage, and what it says when done or when there was nothing
 * to act on, around its subject (the ID, or the address's key). */
static const struct moderate_act_text {
	const char *usage;
	const char *done_before, *done_after;
	const char *nothing_before, *nothing_after;
} moderate_texts[] = {
	[ACT_BAN] = { "ban GITHUB_ID [--hours N] [--reason TEXT]   (no --hours: for good)",
		      "banned ", "; every socket of the ID closes within a second", "", "" },
	[ACT_UNBAN] = { "unban GITHUB_ID", "unbanned ", "", "", " is not banned" },
	[ACT_BAN_ADDRESS] = { "ban-address ADDRESS [--hours N] [--reason TEXT]   (an IPv6 address bans its /64)",
			      "banned the address ", "", "", "" },
	[ACT_UNBAN_ADDRESS] = { "unban-address ADDRESS", "unbanned the address ", "", "", " is not banned" },
	[ACT_MUTE] = { "mute GITHUB_ID --minutes N [--reason TEXT]", "muted ", "", "", "" },
	[ACT_UNMUTE] = { "unmute GITHUB_ID", "unmuted ", "", "", " is not muted" },
	[ACT_KICK] = { "kick GITHUB_ID [--reason TEXT]", "kicked ", "; every socket of the ID closes within a second",
		       "nobody holds ", ": there is no one to kick" },
};

static enum moderation_result moderate_do(db_t *db, enum moderate_act act, const struct moderate_args *a,
					  char key[64])
{
	long hours = a->number < 0 ? 0 : a->number;

	switch (act) {
	case ACT_BAN: return moderation_ban(db, a->actor, a->arg, hours, a->reason);
	case ACT_UNBAN: return moderation_unban(db, a->actor, a->arg);
	case ACT_BAN_ADDRESS: return moderation_ban_address(db, a->actor, a->arg, hours, a->reason, key);
	case ACT_UNBAN_ADDRESS: return moderation_unban_address(db, a->actor, a->arg);
	case ACT_MUTE: return moderation_mute(db, a->actor, a->arg, a->number, a->reason);
	case ACT_UNMUTE: return moderation_unmute(db, a->actor, a->arg);
	case ACT_KICK: return moderation_kick(db, a->actor, a->arg, a->reason);
	}
	return MODERATION_ERROR;
}

static int moderate_run(const struct settings *settings, int argc, char **argv, enum moderate_act act)
{
	const struct moderate_act_text *text = &moderate_texts[act];
	const char *number = act == ACT_MUTE ? "--minutes"
		: act == ACT_BAN || act == ACT_BAN_ADDRESS ? "--hours" : NULL;
	struct moderate_args a;
	enum moderation_result r;
	char key[64], nothing[256], msg[256];
	const char *subject;
	db_t *db;
	int is_id = act != ACT_BAN_ADDRESS && act != ACT_UNBAN_ADDRESS;

	if (moderate_parse(argc, argv, number, &a) != 0 || (act == ACT_MUTE && a.number < 1))
		return moderate_usage(text->usage);
	if ((act == ACT_BAN || act == ACT_BAN_ADDRESS) && a.number > MODERATION_HOURS_MAX) {
		fprintf(stderr, "masakarictl: --hours may be at most %d (or left out: for good)\n",
			MODERATION_HOURS_MAX);
		return 1;
	}
	if (act == ACT_MUTE && a.number > MODERATION_MINUTES_MAX) {
		fprintf(stderr, "masakarictl: --minutes may be at most %d\n", MODERATION_MINUTES_MAX);
		return 1;
	}
	if (moderate_check(&a, is_id) != 0)
		return 1;
	if (!is_id) {
		netaddr_limit_key(a.arg, key, sizeof(key));
		if (strncmp(key, "ip:?", 4) == 0) {
			fprintf(stderr, "masakarictl: \"%s\" is not an IPv4 or IPv6 address\n", a.arg);
			return 1;
		}
	}
	db = moderate_db(settings);
	if (!db)
		return 1;
	r = moderate_do(db, act, &a, key);
	if (act == ACT_BAN_ADDRESS && r == MODERATION_DONE)
		fprintf(stderr, "masakarictl: everyone behind %s (a venue's NAT too) is banned with it\n", key);
	subject = is_id ? a.arg : key;
	snprintf(nothing, sizeof(nothing), "%s%s%s", text->nothing_before, subject, text->nothing_after);
	snprintf(msg, sizeof(msg), "%s%s%s", text->done_before, subject, text->done_after);
	return moderate_result(db, r, nothing, msg);
}

int ctl_ban(const struct settings *s, int argc, char **argv) { return moderate_run(s, argc, argv, ACT_BAN); }
int ctl_unban(const struct settings *s, int argc, char **argv) { return moderate_run(s, argc, argv, ACT_UNBAN); }
int ctl_ban_address(const struct settings *s, int argc, char **argv)
{
	return moderate_run(s, argc, argv, ACT_BAN_ADDRESS);
}
int ctl_unban_address(const struct settings *s, int argc, char **argv)
{
	return moderate_run(s, argc, argv, ACT_UNBAN_ADDRESS);
}
int ctl_mute(const struct settings *s, int argc, char **argv) { return moderate_run(s, argc, argv, ACT_MUTE); }
int ctl_unmute(const struct settings *s, int argc, char **argv) { return moderate_run(s, argc, argv, ACT_UNMUTE); }
int ctl_kick(const struct settings *s, int argc, char **argv) { return moderate_run(s, argc, argv, ACT_KICK); }

int ctl_chat_delete(const struct settings *settings, int argc, char **argv)
{
	struct moderate_args a;
	long long line;
	char *end, nothing[128], msg[128];
	db_t *db;

	if (moderate_parse(argc, argv, NULL, &a) != 0)
		return moderate_usage("chat-delete CHAT_ID [--reason TEXT]");
	errno = 0;
	line = strtoll(a.arg, &end, 10);
	if (errno || *end || line <= 0) {
		fprintf(stderr, "masakarictl: \"%s\" is not a chat line's id (a whole number, as in the hall)\n",
			a.arg);
		return 1;
	}
	if (moderate_check(&a, 0) != 0)
		return 1;
	db = moderate_db(settings);
	if (!db)
		return 1;
	snprintf(nothing, sizeof(nothing), "no chat line %s is stored", a.arg);
	snprintf(msg, sizeof(msg), "deleted chat line %s everywhere", a.arg);
	return moderate_result(db, moderation_chat_delete(db, a.actor, line, a.reason), nothing, msg);
}

int ctl_announce(const struct settings *settings, int argc, char **argv)
{
	struct moderate_args a;
	db_t *db;

	if (moderate_parse(argc, argv, NULL, &a) != 0)
		return moderate_usage("announce TEXT");
	if (moderation_text_problem(a.arg, MODERATION_ANNOUNCE_MAX, 1)) {
		fprintf(stderr, "masakarictl: an announcement is one line of 1 to %d characters\n",
			MODERATION_ANNOUNCE_MAX);
		return 1;
	}
	db = moderate_db(settings);
	if (!db)
		return 1;
	return moderate_result(db, moderation_announce(db, a.actor, a.arg), "", "announced");
}

int ctl_operator_link(const struct settings *settings, int argc, char **argv)
{
	char token[MODERATION_TOKEN_LEN + 1], base[256];
	struct moderate_args a;
	db_t *db;

	if (moderate_parse(argc, argv, NULL, &a) != 0)
		return moderate_usage("operator-link GITHUB_ID");
	if (moderate_check(&a, 1) != 0)
		return 1;
	if (!moderation_listed(settings, a.arg)) {
		fprintf(stderr, "masakarictl: %s is not one of Site.Operators in the configuration; "
			"add it there first\n", a.arg);
		return 1;
	}
	db = moderate_db(settings);
	if (!db)
		return 1;
	if (moderation_link_new(db, a.actor, a.arg, settings->moderation_link_minutes, token) != 0) {
		fprintf(stderr, "masakarictl: the link could not be made: %s\n", db_error(db));
		db_free(db);
		return 1;
	}
	db_free(db);
	if (settings->site_base_url && *settings->site_base_url)
		snprintf(base, sizeof(base), "%s", settings->site_base_url);
	else
		snprintf(base, sizeof(base), "http://localhost:%ld", settings->site_port);
	while (*base && base[strlen(base) - 1] == '/')
		base[strlen(base) - 1] = '\0';
	printf("%s/operators/link/%s\n", base, token);
	fprintf(stderr, "Open it within %ld minutes in the browser %s will use: it makes that browser "
		"%s, an operator, for %ld hours. It works once.\n",
		settings->moderation_link_minutes, a.arg, a.arg, settings->moderation_operator_hours);
	return 0;
}

int ctl_moderation_log(const struct settings *settings, int argc, char **argv)
{
	long n = 50;
	db_result *r;
	db_t *db;

	if (argc > 1 || (argc == 1 && (sscanf(argv[0], "%ld", &n) != 1 || n < 1 || n > 100000)))
		return moderate_usage("moderation-log [N]   (the last N acts, default 50)");
	db = moderate_db(settings);
	if (!db)
		return 1;
	r = db_query(db, "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), actor, action, target, detail, reason "
		     "FROM (SELECT * FROM moderation_log ORDER BY id DESC LIMIT ?) AS last ORDER BY id",
		     DB_INT(n));
	if (!r) {
		fprintf(stderr, "masakarictl: the database failed: %s\n", db_error(db));
		db_free(db);
		return 1;
	}
	printf("%-19s  %-20s  %-14s  %-24s  %s\n", "when (UTC)", "who", "what", "to whom", "detail / why");
	for (unsigned i = 0; i < r->nrows; i++)
		printf("%-19s  %-20s  %-14s  %-24s  %s%s%s\n", db_cell(r, i, 0), db_cell(r, i, 1),
		       db_cell(r, i, 2), db_cell(r, i, 3), db_cell(r, i, 4),
		       *db_cell(r, i, 4) && *db_cell(r, i, 5) ? " / " : "", db_cell(r, i, 5));
	db_result_free(r);
	db_free(db);
	return 0;
}
