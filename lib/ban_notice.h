/* ban_notice.h — what the pages that let a visitor in (the entrance, the
 * GitHub sign-in, a throw) tell a banned ID or address, in the visitor's
 * language: one sentence, with until when (moderation.h holds the bans). */
#ifndef MASAKARI_BAN_NOTICE_H
#define MASAKARI_BAN_NOTICE_H

#include <stddef.h>

#include "web.h"

/* Whether github_id (NULL: none) or the request's address is banned now.
 * Sets *banned to 1 and writes the sentence that tells the visitor so (the
 * ID's ban first, then the address's) to buf; *banned 0 when neither is.
 * Raises the database's error (web_db_error) when the bans cannot be read. */
NEOERR *ban_notice_check(web_request *req, db_t *db, const char *github_id, char *buf, size_t len,
			 int *banned);

#endif
