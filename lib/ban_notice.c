/* ban_notice.c — the sentence a banned ID or address reads (ban_notice.h). */
#include "ban_notice.h"

#include "lang.h"
#include "moderation.h"

NEOERR *ban_notice_check(web_request *req, db_t *db, const char *github_id, char *buf, size_t len,
			 int *banned)
{
	char until[32], when[64];
	int r = 0;

	*banned = 0;
	if (github_id)
		r = moderation_banned(db, github_id, NULL, until, sizeof(until));
	if (r == 0)
		r = moderation_banned(db, NULL, web_remote_addr(req), until, sizeof(until)) * 2;
	if (r < 0)
		return web_db_error(db, "reading the bans");
	if (r == 0)
		return STATUS_OK;
	*banned = 1;
	lang_datetime(when, sizeof(when), until, req->lang);
	if (r == 1)
		web_text_fill(req, buf, len, until[0] ? "Text.Common.Moderation.BannedId"
						      : "Text.Common.Moderation.BannedIdForGood",
			      github_id, when, NULL);
	else
		web_text_fill(req, buf, len, until[0] ? "Text.Common.Moderation.BannedAddress"
						      : "Text.Common.Moderation.BannedAddressForGood",
			      when, NULL);
	return STATUS_OK;
}
