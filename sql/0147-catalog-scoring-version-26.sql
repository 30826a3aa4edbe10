-- 0147-catalog-scoring-version-26.sql — the catalog's phrasings for scoring
-- version 26 (lib/score.c): one server for everything as its explanation
-- says it, the exhibition and the game going down with the one machine, in
-- both languages. A critique of the topology ("single box … one kernel panic
-- takes down the exhibition and the game together. Where is node #2?")
-- scored it 0.55, below the database on the web host (0.80, MariaDB beside
-- nginx on the machine it lists) that it was credited to; with these it is
-- within reach of version 26's guess among more than two readings.
-- docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'en', 'a single box: when that one machine goes down, the exhibition and the game go down with it'),
  (@w, 'ja', '1台のマシンが落ちれば、展示会もゲームも一緒に止まる');

-- 冗長 alone is verbose as often as it is redundant ("説明文でも単位を繰り返
-- していて冗長", the text repeats the unit: wordy), and the critiques of one
-- server say 冗長化, 冗長性 or 冗長構成, each a word of the group: 冗長 is a
-- group of its own.
UPDATE catalog_words SET word_group = 79 WHERE text = '冗長';
