-- 0093-throws-verified.sql — whether a throw was made by an identity a
-- GitHub sign-in proved (identities.verified at the time of the throw), so
-- its page and the ranking can mark it.

ALTER TABLE throws ADD COLUMN verified TINYINT(1) NOT NULL DEFAULT 0 AFTER github_id;
