-- 0124-hall-signals.sql — what one hall daemon's visitor says to a peer on
-- another daemon (docs/HALL.md, "Near each other"): WebRTC signalling and
-- near chat, one row per recipient, the frame to deliver as it is. Every
-- daemon reads the rows past the last id it saw, four times a second, and
-- delivers those for its own visitors; rows older than a minute are deleted
-- (a signal that late is useless, and near chat is not kept).

CREATE TABLE hall_signals (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  daemon_id   VARCHAR(128)    NOT NULL,           -- the sender's daemon, which checked it
  to_user     VARCHAR(39)     NOT NULL,           -- the recipient's GitHub ID
  body        MEDIUMTEXT      NOT NULL,           -- the RTC_SIGNAL or NEAR_CHAT_MESSAGE frame
  created_at  DATETIME(3)     NOT NULL,
  KEY hall_signals_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
