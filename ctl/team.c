/* team.c — "masakarictl team-add SLUG GITHUB_ID": makes a GitHub ID one of a
 * work's team, who answer its guestbook marked as the team (docs/EXHIBITS.md,
 * Guestbook). Logged in the moderation log as "shell:<user>", as the
 * insights page's form is under the operator's ID. Says why and exits 1
 * when it cannot (2 for a malformed command line). */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ctl.h"
#include "db.h"
#include "github.h"
#include "moderation.h"

int ctl_team_add(const struct settings *settings, int argc, char **argv)
{
	const char *user = getenv("SUDO_USER");
	char actor[MODERATION_ACTOR_MAX], detail[96];
	const char *problem;
	struct passwd *pw;
	db_result *r;
	long long added;
	db_t *db;
	int known;

	if (argc != 2) {
		fprintf(stderr, "usage: masakarictl team-add SLUG GITHUB_ID\n");
		return 2;
	}
	problem = github_id_problem(argv[1]);
	if (problem) {
		fprintf(stderr, "masakarictl: \"%s\" is not a GitHub ID: %s\n", argv[1], problem);
		return 1;
	}
	if (!user || !*user) {
		pw = getpwuid(getuid());
		user = pw ? pw->pw_name : "unknown";
	}
	snprintf(actor, sizeof(actor), "shell:%s", user);
	db = db_new(settings);
	if (!db || db_connect(db) != 0) {
		fprintf(stderr, "masakarictl: the database cannot be reached: %s\n",
			db ? db_error(db) : "out of memory");
		db_free(db);
		return 1;
	}
	r = db_query(db, "SELECT 1 FROM exhibits WHERE slug = ?", DB_TEXT(argv[0]));
	known = r && r->nrows > 0;
	if (!r) {
		fprintf(stderr, "masakarictl: the works could not be read: %s\n", db_error(db));
		db_free(db);
		return 1;
	}
	db_result_free(r);
	if (!known) {
		fprintf(stderr, "masakarictl: there is no work with the slug \"%s\"\n", argv[0]);
		db_free(db);
		return 1;
	}
	added = db_exec(db, "INSERT IGNORE INTO exhibit_team (exhibit_id, github_id, added_by) "
			    "SELECT id, ?, ? FROM exhibits WHERE slug = ?",
			DB_TEXT(argv[1]), DB_TEXT(actor), DB_TEXT(argv[0]));
	snprintf(detail, sizeof(detail), "team of %s", argv[0]);
	if (added < 0 || (added > 0 && moderation_log(db, actor, "team_add", argv[1], detail, "") != 0)) {
		fprintf(stderr, "masakarictl: the member could not be added: %s\n", db_error(db));
		db_free(db);
		return 1;
	}
	printf(added > 0 ? "%s is now one of the team of %s\n" : "%s was already one of the team of %s\n",
	       argv[1], argv[0]);
	db_free(db);
	return 0;
}
