-- 0097-github-user-id.sql — a verified ID is bound to GitHub's numeric user
-- id, which stays with the account through a rename; the login (github_id)
-- is what is shown. A renamed account that signs in again takes its hold and
-- its proven throws to the new login; whoever registers the freed login gets
-- neither (lib/identity.c, identity_grant). NULL: not proven by a sign-in
-- (and verified throws made before this migration, whose account is unknown).

ALTER TABLE identities
  ADD COLUMN github_user_id BIGINT UNSIGNED NULL AFTER github_id,
  ADD UNIQUE KEY identities_by_github_user (github_user_id);

ALTER TABLE throws
  ADD COLUMN github_user_id BIGINT UNSIGNED NULL AFTER verified,
  ADD KEY throws_by_github_user (github_user_id);
