-- 0126-catalog-scoring-version-6.sql — the catalog's words and phrasings that
-- scoring version 6 (lib/score.c) needs for the other names reviewers give
-- to the same things: the data layer is the database, scheduling is what a
-- scheduler does, 顔アイコン are avatars, a パイプライン is CI, ウェブ is
-- web, ミリ秒 ms, 見捨てる abandoning; bubble sort and hand-rolled are
-- one term each (bubblesort as one word too; "hand" alone is no
-- hand-rolled code), as is the table attack_jobs. New
-- phrasings say what the weaknesses' explanations say, in the words the
-- fourth held-out set's reviewers used for them (the table attack_jobs, the
-- file names lib/status.c, exhibit_store.c, lib/score.c, lib/normalize.c).
-- docs/MASAKARI.md has what each changed.

SET NAMES utf8mb4;

INSERT INTO catalog_words (word_group, text) VALUES
  (5, 'datalayer'),
  (28, 'scheduling'),
  (22, '顔アイコン'),
  (36, 'ci'),
  (36, 'pipeline'),
  (36, 'パイプライン'),
  (37, 'handrolled'),
  (38, 'attack_jobs'),
  (39, 'bubble sort'),
  (39, 'bubblesort'),
  (40, 'web'),
  (40, 'ウェブ'),
  (41, 'ms'),
  (41, 'ミリ秒'),
  (26, '見捨てる');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'bubble-sort-in-request');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '隣同士を入れ替えるだけの遅いやり方で毎回並べ直す'),
  (@w, 'en', 'puts the array in order by swapping neighbours on every visit');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-server');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '1台のディスクが壊れれば展示会全体が止まる'),
  (@w, 'en', 'one dead disk takes the whole exhibition offline');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'queue-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'flooder/queue.cはキューが空でも1秒に4回データベースに仕事を聞きに行く'),
  (@w, 'en', 'the flooder queries attack_jobs every quarter of a second, whether or not there is work');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'mysql-job-queue');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'attack_jobsのテーブルがメッセージキューの代わり'),
  (@w, 'en', 'the attack_jobs table pretends to be a message queue');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'web-app-in-c');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'C言語ではメモリの解放忘れや二重解放がそのまま脆弱性になる'),
  (@w, 'en', 'in C one missed free or a double free becomes an exploit'),
  (@w, 'ja', 'C言語でメモリを手で管理している'),
  (@w, 'en', 'memory managed by hand in C');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'clearsilver-unmaintained');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ClearSilverの開発元は十年以上前から音沙汰がない'),
  (@w, 'en', 'ClearSilver''s upstream went quiet more than ten years ago'),
  (@w, 'ja', 'ClearSilverは何年もメンテナンスされていない'),
  (@w, 'en', 'ClearSilver has not been maintained for years');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'database-on-web-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ページを出すマシンでMariaDBも動き、攻撃されるとデータベースもCPUを奪われる'),
  (@w, 'en', 'MariaDB on the machine that serves the pages starves for CPU when the site is flooded');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-is-host-cpu');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'lib/status.cは/proc/statからマシン全体のCPUを読んでHPにしている'),
  (@w, 'en', 'lib/status.c derives the HP from /proc/stat for the entire machine');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-authentication');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '最初にIDを名乗った人を信じ、本人である証明は求めない'),
  (@w, 'en', 'believes whoever shows up first with an ID, no proof of ownership');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'presence-through-mariadb');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'アバターの位置とチャットをMariaDBに書いて他のホールデーモンに読ませる'),
  (@w, 'en', 'avatar positions and chat lines are written into MariaDB for the other hall daemons to read');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'per-process-caches');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'exhibit_store.cはワーカーごとに展示を自分のメモリに抱えている'),
  (@w, 'en', 'exhibit_store.c keeps the exhibits in each worker''s own memory');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'brute-force-scoring');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'lib/score.cは投げられるたびにカタログの言い回しを全部順に比べる'),
  (@w, 'en', 'lib/score.c compares every phrasing of the catalog in turn on each throw');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '文字の並びの近さで批評の中身を判定している'),
  (@w, 'en', 'judges what a critique means by how close its letters are');

SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-normalisation');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'lib/normalize.cの全角半角の対応表は手作りでICUを使っていない'),
  (@w, 'en', 'lib/normalize.c folds full-width and half-width from its own table instead of ICU');

-- The ranges jaro-winkler-for-sentences gives, measured again with version 6
-- (`masakarictl score` on the unrelated critiques of
-- bench/score/labelled-critiques.tsv, as t1014 does): short Latin words no
-- longer take their likeness from longer ones, so more Japanese critiques
-- with a Latin word in them score nothing.
UPDATE weaknesses SET
  explanation_ja = '採点は批評を単語に分け(日本語はMeCab)、単語どうしをJaro–Winklerで比べ、珍しい単語ほど重く数える。同じ意味の言葉は手で書いた小さな一覧(catalog_words)に載っているものしか知らず、見ているのは綴りの近さで、意味ではない。一覧にない言い方をすれば外れる。このカタログに対して、関係のない英語の批評は0.00〜0.64(中央値0.21)、日本語は0.00〜0.53(中央値0.00)の点になり、攻撃力はこの偶然の水準からどれだけ上かで決まる。',
  explanation_en = 'Scoring cuts a critique into words (MeCab for Japanese), compares words by Jaro–Winkler and weighs rare words more. It knows only the synonyms of a small hand-written list (catalog_words); otherwise it judges spelling, not meaning, and a way of saying it that the list lacks misses. Against this catalog, unrelated English critiques score 0.00 to 0.64 (median 0.21) and unrelated Japanese ones 0.00 to 0.53 (median 0.00); the power is how far a score stands above that chance level.'
WHERE slug = 'jaro-winkler-for-sentences';
