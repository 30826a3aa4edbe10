-- 0070-reply-queue.sql — the throws still waiting for the server's words. A
-- throw is stored and answered with its page at once; the reply is fetched
-- off the request path by the flooder's replier threads (flooder/replier.c),
-- which claim a row here (SKIP LOCKED, with a lease, as attack jobs are
-- claimed), store the reply on the throw and delete the row.

CREATE TABLE reply_queue (
  throw_id       BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  claimed_until  DATETIME(3)     NULL,              -- NULL: nobody works on it
  attempts       INT             NOT NULL DEFAULT 0,
  created_at     DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  FOREIGN KEY (throw_id) REFERENCES throws (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Throws stored before replies were fetched this way all have one already;
-- one that has none (its worker died mid-call) is answered now.
INSERT IGNORE INTO reply_queue (throw_id) SELECT id FROM throws WHERE reply IS NULL;

-- Replies cached before were made with other critics' critiques in the
-- model's context, so any of them may carry words planted by someone else.
DELETE FROM llm_cache;
