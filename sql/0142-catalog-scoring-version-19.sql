-- 0142-catalog-scoring-version-19.sql — reviewers' words for scoring
-- version 19 (lib/score.c), from the nineteenth and twentieth sets: the
-- server by its slang name, the target that shares the exhibition's nginx
-- and host, a log module that only prints, a catalog kept from the first
-- throw on; and the subjects of two more weaknesses, so that a remark
-- about the crontab's comments or the bubble sort's types names them
-- without saying their fault. docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

-- 鯖 is how Japanese reviewers write サーバー.
INSERT INTO catalog_words (word_group, text) VALUES
  (1, '鯖');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'target-is-the-app-itself');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'the endpoint attacked on purpose sits behind the same nginx on the same host as the hall, so every good hit slows the exhibition for every visitor'),
  (@w, 'ja', '攻撃対象が本体と同じnginx、同じ鯖にいて、当たるほど展示会場もまさかりのページも遅くなる自爆設計');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'logs-on-stderr');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'the log module is fprintf to stderr: no JSON, no fields, nothing shipped anywhere central'),
  (@w, 'ja', 'ログは標準エラーにfprintfするだけで、JSONもフィールドもなく、どこにも集めない');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'the catalog is loaded on the first throw and kept for good, so a migration that adds a weakness counts only after a restart'),
  (@w, 'ja', 'カタログは最初の投擲で読み込んだきりで、弱点を足すマイグレーションは再起動するまで効かない');

-- The flooder's scheduler by name, not that nothing supervises it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'cron-job-scheduler');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'cron'),
  (@w, 'flock');
