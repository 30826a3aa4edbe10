-- 0110-moderation.sql — running the venue: operators, sanctions, reports, the
-- audit log, and the events every hall daemon acts on within a second
-- (lib/moderation.h, docs/MODERATION.md).

-- An operator link (masakarictl operator-link) makes the browser that opens
-- it hold the ID as an operator until this time.
ALTER TABLE identities ADD COLUMN operator_until DATETIME NULL;

-- Chat lines have an id every client sees ("id" in ACTION_CHAT_MESSAGE),
-- handed out by the daemons in blocks from hall_sequences so a line has it
-- the moment it is said, before it is stored. chat_messages.id stays the
-- order lines were stored in, which the daemons poll by. operator: said by
-- an operator, marked as such.
ALTER TABLE chat_messages
  ADD COLUMN line_id BIGINT UNSIGNED NULL AFTER id,
  ADD COLUMN operator TINYINT(1) NOT NULL DEFAULT 0,
  ADD UNIQUE KEY chat_messages_by_line (line_id);
UPDATE chat_messages SET line_id = id;

CREATE TABLE hall_sequences (
  name     VARCHAR(32)     CHARACTER SET ascii NOT NULL PRIMARY KEY,
  next_id  BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;
INSERT INTO hall_sequences (name, next_id)
  SELECT 'chat_line', COALESCE(MAX(id), 0) + 1 FROM chat_messages;

-- A mute or a ban, of an ID or of an address (netaddr_limit_key: an IPv4
-- address, or the /64 of an IPv6 one). until NULL: for good. Lifting one
-- (unban, unmute) sets lifted_at; the row stays for the record.
CREATE TABLE sanctions (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        ENUM('mute', 'ban') NOT NULL,
  github_id   VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  address     VARCHAR(64)  CHARACTER SET ascii NULL,
  reason      VARCHAR(500) NOT NULL DEFAULT '',
  created_by  VARCHAR(64)  NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  until       DATETIME     NULL,
  lifted_at   DATETIME     NULL,
  KEY sanctions_by_id (github_id, kind),
  KEY sanctions_by_address (address, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What visitors report: a chat line (its text as it was) or a visitor.
CREATE TABLE reports (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reporter    VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  target      VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  line_id     BIGINT UNSIGNED NULL,
  line_text   VARCHAR(200) NULL,
  reason      VARCHAR(500) NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  handled_at  DATETIME     NULL,
  handled_by  VARCHAR(64)  NULL,
  KEY reports_open (handled_at, id),
  KEY reports_by_reporter (reporter, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every operator action: who, what, to whom, when and why. actor is an
-- operator's GitHub ID, or "shell:<user>" for masakarictl.
CREATE TABLE moderation_log (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  actor       VARCHAR(64)  NOT NULL,
  action      VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  target      VARCHAR(80)  NOT NULL DEFAULT '',
  detail      VARCHAR(500) NOT NULL DEFAULT '',
  reason      VARCHAR(500) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY moderation_log_by_time (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What the hall daemons must act on, in order: each polls for rows newer
-- than the last it saw. release: the hold with secret_hash (NULL: any) of
-- github_id ended (an ID changed, taken back, signed out); kick and ban close
-- every socket of the ID, ban_address every socket from the address (and
-- refuses it until unban_address);
-- mute/unmute; chat_delete removes line_id; announce shows message.
CREATE TABLE hall_events (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('release', 'kick', 'ban', 'ban_address', 'unban_address', 'mute',
                    'unmute', 'chat_delete', 'announce') NOT NULL,
  github_id    VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  secret_hash  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NULL,
  address      VARCHAR(64)  CHARACTER SET ascii NULL,
  line_id      BIGINT UNSIGNED NULL,
  until        DATETIME     NULL,
  message      VARCHAR(500) NULL,
  actor        VARCHAR(64)  NULL,
  created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY hall_events_by_time (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One-time operator links: only the SHA-256 of the token is kept.
CREATE TABLE operator_links (
  token_hash  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  github_id   VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at  DATETIME     NOT NULL,
  used_at     DATETIME     NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
