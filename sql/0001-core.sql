-- 0001-core.sql — exhibits and visitors. utf8mb4 throughout, binary collation
-- so Japanese titles compare and round-trip byte-exact.

CREATE TABLE exhibits (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug        VARCHAR(64)  NOT NULL,
  position    INT          NOT NULL,           -- order in lists and in the hall
  title       VARCHAR(200) NOT NULL,
  site_url    VARCHAR(500) NOT NULL,           -- where /exhibits/<slug>/go sends visitors
  image       VARCHAR(200) NOT NULL,           -- path under static/
  summary     TEXT         NULL,               -- NULL: unknown, the page leaves it out
  description TEXT         NULL,
  event       VARCHAR(200) NULL,
  team        VARCHAR(500) NULL,
  hall_x      INT          NOT NULL,           -- where it stands in the 2500x2500 hall
  hall_y      INT          NOT NULL,
  visits      BIGINT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY exhibits_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE exhibit_stack (
  exhibit_id INT UNSIGNED NOT NULL,
  position   INT          NOT NULL,
  name       VARCHAR(200) NOT NULL,
  PRIMARY KEY (exhibit_id, position),
  FOREIGN KEY (exhibit_id) REFERENCES exhibits (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE exhibit_links (
  exhibit_id INT UNSIGNED NOT NULL,
  position   INT          NOT NULL,
  label      VARCHAR(200) NOT NULL,
  url        VARCHAR(500) NOT NULL,
  PRIMARY KEY (exhibit_id, position),
  FOREIGN KEY (exhibit_id) REFERENCES exhibits (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE visitors (
  github_id   VARCHAR(39) NOT NULL PRIMARY KEY,
  first_seen  DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_seen   DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  entries     INT UNSIGNED NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
