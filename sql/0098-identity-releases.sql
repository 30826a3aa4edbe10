-- 0098-identity-releases.sql — the holds let go of: a sign-out, a sign-in
-- that takes an ID, a claim that replaces a browser's secret, a renamed
-- account (lib/identity.c). The hall daemons read it every second and forget
-- what they remembered of those secrets, so their memory of IDs (for a
-- database that is slow or away, halld/arrival.c) never gives a released ID
-- back. Only the SHA-256 of the secret is kept, as in identities; the
-- flooder's retention prunes rows older than any daemon's memory.

CREATE TABLE identity_releases (
  secret_hash  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  released_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY identity_releases_at (released_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
