-- 0020-throws-and-attacks.sql — the masakari game: each throw, the attack job
-- it queues for the flooder (the queue lives here, claimed with
-- SELECT … FOR UPDATE SKIP LOCKED and a lease), and the host status samples
-- behind the HP history.

CREATE TABLE throws (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  github_id     VARCHAR(39)  NOT NULL,
  remote_addr   VARCHAR(45)  NOT NULL,
  critique      TEXT         NOT NULL,            -- byte-exact as typed
  normalized    TEXT         NOT NULL,            -- what was scored (and the reply cache key)
  score         DOUBLE       NOT NULL,            -- Jaro–Winkler, 0..1
  weakness_id   INT UNSIGNED NULL,               -- NULL: it missed
  power         INT          NOT NULL,            -- requests per second, 1..100
  repeat_hits   INT          NOT NULL DEFAULT 0,  -- earlier hits by this critic on this weakness
  reply         TEXT         NULL,                -- the server's words
  reply_source  ENUM('llm','cache','canned') NULL,
  created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY throws_by_critic (github_id, created_at),
  KEY throws_by_addr (remote_addr, created_at),
  KEY throws_by_weakness (weakness_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE attack_jobs (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  throw_id        BIGINT UNSIGNED NOT NULL,
  target_url      VARCHAR(500) NOT NULL,          -- from the config's allowlist, never from a visitor
  rate            INT          NOT NULL,          -- requests per second
  duration_s      INT          NOT NULL,
  status          ENUM('queued','running','done','failed') NOT NULL DEFAULT 'queued',
  lease_owner     VARCHAR(128) NULL,              -- host:pid of the flooder running it
  lease_expires   DATETIME(3)  NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  failure_reason  VARCHAR(500) NULL,
  sent            INT UNSIGNED NOT NULL DEFAULT 0,
  ok              INT UNSIGNED NOT NULL DEFAULT 0, -- 2xx and 3xx
  errors          INT UNSIGNED NOT NULL DEFAULT 0,
  errors_connect  INT UNSIGNED NOT NULL DEFAULT 0,
  errors_timeout  INT UNSIGNED NOT NULL DEFAULT 0,
  errors_http     INT UNSIGNED NOT NULL DEFAULT 0, -- 4xx and 5xx answers
  codes           TEXT         NULL,              -- JSON object: {"200": n, "503": n}
  p50_ms          DOUBLE       NULL,
  p90_ms          DOUBLE       NULL,
  p99_ms          DOUBLE       NULL,
  max_ms          DOUBLE       NULL,
  current_rate    DOUBLE       NULL,              -- requests per second over the last second
  achieved_rate   DOUBLE       NULL,              -- sent / elapsed, at the end
  queued_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  started_at      DATETIME(3)  NULL,
  progress_at     DATETIME(3)  NULL,
  finished_at     DATETIME(3)  NULL,
  UNIQUE KEY attack_jobs_throw (throw_id),
  KEY attack_jobs_queue (status, id),
  FOREIGN KEY (throw_id) REFERENCES throws (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE status_samples (
  host              VARCHAR(64) NOT NULL,
  at                DATETIME    NOT NULL,
  cpuutilization    DOUBLE      NOT NULL,
  disk_read_bytes   DOUBLE      NOT NULL,
  disk_write_bytes  DOUBLE      NOT NULL,
  network_in        DOUBLE      NOT NULL,
  network_out       DOUBLE      NOT NULL,
  PRIMARY KEY (host, at),
  KEY status_samples_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE llm_cache (
  normalized_hash BINARY(32)  NOT NULL PRIMARY KEY,  -- SHA-256 of the normalised critique
  normalized      TEXT        NOT NULL,
  reply           TEXT        NOT NULL,
  created_at      DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
