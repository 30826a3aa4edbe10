-- 0123-exhibit-responses.sql — what visitors answer to the works: likes, the
-- guestbook and its team's replies; who the team of each work is; and the
-- hall's samples the team's numbers (/operators/insights) are drawn from
-- (docs/EXHIBITS.md, Likes and Guestbook; docs/HALL.md, Insights).

-- One like per identity per work; an undo deletes the row.
CREATE TABLE exhibit_likes (
  exhibit_id  INT UNSIGNED NOT NULL,
  github_id   VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (exhibit_id, github_id),
  KEY exhibit_likes_by_time (created_at),
  CONSTRAINT exhibit_likes_exhibit FOREIGN KEY (exhibit_id) REFERENCES exhibits (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The GitHub IDs that answer a work's guestbook as its team. exhibits.team is
-- the members' names as the sources give them, not GitHub IDs, so nothing is
-- seeded here: an operator adds members (the insights page, or masakarictl
-- team-add), and added_by says who.
CREATE TABLE exhibit_team (
  exhibit_id  INT UNSIGNED NOT NULL,
  github_id   VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  added_by    VARCHAR(64)  NOT NULL,
  added_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (exhibit_id, github_id),
  CONSTRAINT exhibit_team_exhibit FOREIGN KEY (exhibit_id) REFERENCES exhibits (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The guestbook: a visitor's note or question (reply_to NULL), or an answer
-- to one (reply_to its id). by_team: written by the work's team or an
-- operator, marked so. An operator's deletion sets deleted_at; the row stays
-- for the moderation log's sake and is shown to nobody.
CREATE TABLE exhibit_notes (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  exhibit_id  INT UNSIGNED NOT NULL,
  reply_to    BIGINT UNSIGNED NULL,
  github_id   VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  body        VARCHAR(500) NOT NULL,
  by_team     TINYINT(1)   NOT NULL DEFAULT 0,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  deleted_at  DATETIME     NULL,
  deleted_by  VARCHAR(64)  NULL,
  KEY exhibit_notes_by_exhibit (exhibit_id, id),
  KEY exhibit_notes_by_writer (github_id, created_at),
  CONSTRAINT exhibit_notes_exhibit FOREIGN KEY (exhibit_id) REFERENCES exhibits (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each hall daemon's visitors, sampled every Halld.InsightsSampleSeconds:
-- how many were in the hall, and where each stood. Peak concurrent visitors
-- add up the daemons' counts of one sample time; the exhibit people stood
-- longest at counts the positions near each stand.
CREATE TABLE hall_samples (
  at          DATETIME     NOT NULL,
  daemon_id   VARCHAR(128) NOT NULL,
  visitors    INT UNSIGNED NOT NULL,
  PRIMARY KEY (at, daemon_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE hall_sample_positions (
  at          DATETIME     NOT NULL,
  daemon_id   VARCHAR(128) NOT NULL,
  github_id   VARCHAR(39)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  x           DOUBLE       NOT NULL,
  y           DOUBLE       NOT NULL,
  PRIMARY KEY (at, daemon_id, github_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
