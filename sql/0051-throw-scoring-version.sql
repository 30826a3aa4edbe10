-- 0051-throw-scoring-version.sql — which way of scoring scored each throw.
-- Version 1 compared the whole critique with each whole phrasing by
-- Jaro–Winkler, version 2 compares words (docs/MASAKARI.md). Throws stored
-- before this keep their score and power as they were, marked version 1; new
-- throws store the version that scored them.

ALTER TABLE throws
  ADD COLUMN scoring_version TINYINT UNSIGNED NOT NULL DEFAULT 1 AFTER power;
