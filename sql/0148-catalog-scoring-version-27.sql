-- 0148-catalog-scoring-version-27.sql — what cron as the scheduler is about,
-- for scoring version 27 (lib/score.c): the flooder it starts and the
-- minute it starts it at. Its fault is that nothing resident or supervised
-- runs the flooder (no worker, no supervisor, a dead run waits for the next
-- minute); a remark on the name of the ansible variable
-- masakari_flooder_cron_minute ("it holds a cron field, not a minute"),
-- made on four of the six blind sets from the forty-seventh, says the
-- flooder, cron and the minute, and no fault of cron. docs/MASAKARI.md has
-- what it changed.

SET NAMES utf8mb4;

SET @w = (SELECT id FROM weaknesses WHERE slug = 'cron-job-scheduler');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'minute'),
  (@w, 'flooder');
