-- 0030-hall.sql — the hall daemon's shared state: the chat history, and what
-- each running daemon holds (who is connected to it and where they stand), so
-- that daemons on several hosts show one hall. Times are UTC (lib/db.c sets
-- the session time zone).

CREATE TABLE chat_messages (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  github_id   VARCHAR(39)  NOT NULL,
  message     VARCHAR(200) NOT NULL,            -- 1–200 characters, as typed
  daemon_id   VARCHAR(128) NOT NULL,            -- the daemon that took it; the others poll for it
  created_at  DATETIME(3)  NOT NULL,            -- when that daemon received it (the "at" it sent)
  KEY chat_messages_by_critic (github_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per running daemon, rewritten about once a second. A row whose
-- heartbeat is older than Halld.PresenceTimeoutSeconds is ignored by the other
-- daemons (their visitors leave the hall) and deleted after an hour.
CREATE TABLE hall_presence (
  daemon_id     VARCHAR(128)    NOT NULL PRIMARY KEY,   -- host:port
  host          VARCHAR(64)     NOT NULL,
  pid           INT UNSIGNED    NOT NULL,
  started_at    DATETIME(3)     NOT NULL,
  heartbeat_at  DATETIME(3)     NOT NULL,
  version       BIGINT UNSIGNED NOT NULL,               -- changes whenever visitors does
  visitors      MEDIUMTEXT      NOT NULL,               -- JSON: [["github-id", x, y], …]
  KEY hall_presence_heartbeat (heartbeat_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
