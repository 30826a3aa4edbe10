-- 0021-throw-limits.sql — when each critic and each address last threw, for the
-- rate limit (Masakari.ThrowIntervalSeconds, one throw per 3 s by default).
-- A throw updates its two rows in the same transaction that stores it, so two
-- throws at once cannot both pass, and a refused throw changes nothing.

CREATE TABLE throw_limits (
  limit_key  VARCHAR(100) NOT NULL PRIMARY KEY,   -- 'id:' + the GitHub ID in lower case, or 'ip:' + the address
  last_at    DATETIME(3)  NOT NULL                -- the last throw it allowed (UTC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
