-- 0137-catalog-scoring-version-15.sql — the subjects of five more weaknesses
-- and phrasings in a reviewer's words, for scoring version 15 (lib/score.c):
-- a phrasing that names its weakness's subject speaks for a hit only when
-- the critique names that subject too, and (version 13) says a word of the
-- fault besides. A remark about how a heading names the legacy server's HP,
-- about a log_line() timestamp or about a generated file under static/
-- names a weakness's thing while faulting something else; one about the
-- very nginx that serves the hall says a shared host and not the database.
-- docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

-- What is measured and whose HP it should be, not that it is the host's
-- CPU: HP was marked by sql/0133; the host and the target are said by
-- every remark about the HP's wording ("the legacy server's HP").
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-is-host-cpu');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'host'),
  (@w, 'target');

-- The database by its name: MariaDB is the database that shares the web's
-- host (sql/0133 marked the word database only, and MariaDB stands for
-- mysql in the catalog's words, so its phrasings named no subject).
SET @w = (SELECT id FROM weaknesses WHERE slug = 'database-on-web-host');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'MariaDB');

-- The log and its lines, not that they only go to standard error.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'logs-on-stderr');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'log'),
  (@w, 'line'),
  (@w, 'ログ');

-- The static files, not that no CDN serves them.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-cdn');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'static files'),
  (@w, '静的ファイル');

-- The load generator and what it floods, not that it runs on the host it
-- attacks.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'flooder-on-target-host');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'flooder'),
  (@w, 'load generator'),
  (@w, 'フラッダー'),
  (@w, '負荷生成ツール');

-- The machine, not that there is only one of it.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'machine'),
  (@w, 'VPS'),
  (@w, 'computer');

-- Unicode normalisation, not that it is done by hand.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-normalisation');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'normalization'),
  (@w, 'NFKC'),
  (@w, 'Unicode'),
  (@w, '正規化');

-- Phrasings in a reviewer's words, for what the thirteenth set's aimed
-- critiques said and the catalog had no words for.

-- The target behind the nginx that serves the hall: the better the critics
-- play, the slower the game.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'target-is-the-app-itself');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '攻撃対象が会場と同じnginx、同じホストに載っていて、当てるほど会場が重くなる'),
  (@w, 'en', 'the thing being load-tested sits behind the same nginx that serves the hall, so the better the critics play, the slower the game gets');

-- Letters compared, not ideas; words the synonym list lacks miss.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '意味ではなく文字を比べているので、同義語リストにない言い方は外れる'),
  (@w, 'en', 'the scorer compares letters, not ideas: words its synonym list lacks miss, and character similarity is not comprehension');

-- Throttling, the rate limit in other words, and the NAT a venue shares.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'rate-limit-per-ip');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'IPごとのスロットリングでは、会場のNATの後ろの全員が一つの枠を分け合う'),
  (@w, 'en', 'throttling by IP address makes everyone behind the venue''s NAT share one budget');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'throttling');

-- The work the flooder waits for, not that it asks for it on a timer:
-- "flooder/queue.c keeps asking MariaDB for work" names the flooder in a
-- file name only.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '空のときも毎秒何度も仕事はないかと聞き続け、通知されることがない'),
  (@w, 'en', 'it keeps asking for work several times a second even when there is none, and is never notified');
INSERT INTO weakness_subject_words (weakness_id, text) VALUES
  (@w, 'work');

-- One box: when it reboots nothing is left, and there is no second node.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'その1台が再起動すれば何も残らず、2台目のノードもない'),
  (@w, 'en', 'when the one box reboots nothing is left: one kernel panic and it all vanishes, and there is no second node');
