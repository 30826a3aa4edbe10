-- 0090-identities.sql — who holds each GitHub ID: the browser that claimed it
-- at the entrance keeps a random secret in a cookie, and only its SHA-256 is
-- stored here (lib/identity.c). A hold not used for Identity.HoldDays lapses
-- and the flooder's retention deletes it; until then no other browser can
-- claim the ID (IDs compare as GitHub does, ignoring case). verified: a
-- GitHub sign-in proved it.

CREATE TABLE identities (
  github_id    VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL PRIMARY KEY,
  secret_hash  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  verified     TINYINT(1)   NOT NULL DEFAULT 0,
  claimed_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_seen    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY identities_by_secret (secret_hash),
  KEY identities_last_seen (last_seen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
