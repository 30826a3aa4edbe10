-- 0145-catalog-scoring-version-21.sql — the subjects of two weaknesses, for
-- scoring version 21 (lib/score.c): what the bubble sort sorts, and the
-- event loop of the one WebSocket daemon. A remark on the calibration's
-- magic number ("times 15 sorts … a magic number") names the sort and
-- the numbers and no fault of sorting on every request; one on halld's
-- file layout ("the event-loop side and the DB-worker side") names the
-- event loop and no fault of there being one daemon. docs/MASAKARI.md has
-- what each changed.

SET NAMES utf8mb4;

SET @w = (SELECT id FROM weaknesses WHERE slug = 'bubble-sort-in-request');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'sort'),
  (@w, 'numbers');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-websocket-daemon');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'event'),
  (@w, 'loop');
