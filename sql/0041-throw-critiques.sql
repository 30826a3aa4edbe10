-- 0041-throw-critiques.sql — each critique a critic has thrown, once. A critic
-- who throws the same critique again (the same text once normalised, as it is
-- scored) is refused with 409 and pointed at the earlier throw: a replayed or
-- re-sent form would otherwise store a second throw and a second attack. The
-- primary key is what refuses it, inside the throw's transaction, so two
-- identical throws sent at once cannot both be stored.

CREATE TABLE throw_critiques (
  critic           VARCHAR(39)     NOT NULL,  -- the GitHub ID in lower case, as GitHub compares IDs
  normalized_hash  BINARY(32)      NOT NULL,  -- SHA-256 of throws.normalized
  throw_id         BIGINT UNSIGNED NOT NULL,  -- the throw that threw it first
  PRIMARY KEY (critic, normalized_hash),
  UNIQUE KEY throw_critiques_throw (throw_id),
  FOREIGN KEY (throw_id) REFERENCES throws (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Throws stored before this table: the earliest of each critic's repeats
-- stands for the critique.
INSERT IGNORE INTO throw_critiques (critic, normalized_hash, throw_id)
SELECT LOWER(github_id), UNHEX(SHA2(normalized, 256)), id FROM throws ORDER BY id;
