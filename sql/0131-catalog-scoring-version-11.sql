-- 0131-catalog-scoring-version-11.sql — the catalog's words and phrasings
-- scoring version 11 (lib/score.c) reads: more of the everyday words
-- reviewers use for the things the weaknesses are about, several per thing
-- in both languages (a project gone quiet upstream, the loopback the attack
-- never leaves, the string similarity Jaro–Winkler is, a single point of
-- failure), not only the words one set of critiques happened to use.
-- Version 11 itself reads a URL's scheme as no word and keeps a Japanese
-- word from being alike to a longer one it only begins. docs/MASAKARI.md
-- has what each changed.

SET NAMES utf8mb4;

-- Words for things the catalog already has a group for.

-- Nobody looking after it, as reviewers say so.
INSERT INTO catalog_words (word_group, text) VALUES
  (26, 'orphaned'),
  (26, 'archived'),
  (26, 'bitrot'),
  (26, 'unpatched'),
  (26, 'last release'),
  (26, 'dead project'),
  (26, 'メンテナンス終了'),
  (26, 'メンテ終了'),
  (26, '保守終了'),
  (26, '最終リリース'),
  (26, '塩漬け'),
  (26, '放棄'),
  (26, 'サポート切れ');

-- No second of anything: the one that takes everything with it.
INSERT INTO catalog_words (word_group, text) VALUES
  (23, 'spof'),
  (23, 'hot spare'),
  (23, 'ホットスタンバイ');

-- The models and services the replies could come from.
INSERT INTO catalog_words (word_group, text) VALUES
  (24, 'anthropic'),
  (24, 'mistral'),
  (24, 'llama'),
  (24, 'ollama'),
  (24, 'language model'),
  (24, 'chatbot'),
  (24, 'チャットボット'),
  (24, '生成モデル');

-- Who the critic is.
INSERT INTO catalog_words (word_group, text) VALUES
  (30, 'signin'),
  (30, 'sign in'),
  (30, 'サインイン'),
  (30, '2fa'),
  (30, '二要素認証');

-- Asking again and again.
INSERT INTO catalog_words (word_group, text) VALUES
  (16, 'busy wait'),
  (16, 'busy loop'),
  (16, 'setinterval'),
  (16, 'ビジーウェイト'),
  (16, 'ビジーループ');

-- Sorting, as the verb.
INSERT INTO catalog_words (word_group, text) VALUES
  (17, '並べ替える'),
  (17, '並び替える'),
  (17, 'ソーティング');

-- A cache, as a function's results kept.
INSERT INTO catalog_words (word_group, text) VALUES
  (19, 'メモ化');

-- The CPU, as the figures the system reports of it.
INSERT INTO catalog_words (word_group, text) VALUES
  (49, 'load average'),
  (49, 'loadavg'),
  (49, 'cpu usage'),
  (49, 'cpu使用率'),
  (49, 'ロードアベレージ');

-- A database beside the web server.
INSERT INTO catalog_words (word_group, text) VALUES
  (31, 'cohosted'),
  (31, '相乗り'),
  (31, '共存');

-- Many people behind one address.
INSERT INTO catalog_words (word_group, text) VALUES
  (52, 'cgnat');

-- Groups of their own: where a project is made (upstream); the machine
-- talking to itself (loopback); comparing strings by their letters (string
-- similarity), meaning, and saying it in other words; eavesdropping on
-- traffic; reading a template (parsing); a cost that grows with the square
-- (quadratic); a C string's end; Unicode normalisation and the libraries
-- that do it; reading again (reload); one thread; data written into the
-- code (hard-coded); by hand (手作業, not "manual", which is also said of
-- malloc and free); logs gathered in one place; privacy; a cookie in either
-- script; MySQL and its fork MariaDB, which reviewers name for each other.
-- Left out because they cost right hits on the ten sets or on critiques
-- written to try the words: 単一障害点 (it made the phrasing
-- 単一障害点になっている a phrasing of one word, said by any 冗長化),
-- memoize (memory is 0.93 like memoiz), pubsub (it joined "pub/sub" into a
-- word of one phrasing only), NAT (already a word of the rate limit's
-- phrasings), string similarity as one word (it left "string similarity
-- instead of semantics" a word fewer, and a critique saying it less of it),
-- ループバック (MeCab cuts ループバック越し into ループ and バック越し, which
-- were alike to the phrasing's ループ and バック, and are no ループバック),
-- parser (a request parser is C's, not the templates').
INSERT INTO catalog_words (word_group, text) VALUES
  (53, 'upstream'),
  (53, 'maintainer'),
  (53, '本家'),
  (53, '開発元'),
  (53, 'アップストリーム'),
  (53, 'メンテナ'),
  (53, 'メンテナー'),
  (54, 'loopback'),
  (54, 'localhost'),
  (54, 'lo'),
  (54, 'ローカルホスト'),
  (55, 'similarity'),
  (55, 'edit distance'),
  (55, 'levenshtein'),
  (55, 'fuzzy matching'),
  (55, 'record linkage'),
  (55, 'name matching'),
  (55, '類似度'),
  (55, '文字列類似度'),
  (55, '編集距離'),
  (55, 'レーベンシュタイン'),
  (55, 'あいまい一致'),
  (55, '曖昧一致'),
  (55, '名寄せ'),
  (56, 'meaning'),
  (56, 'semantics'),
  (56, '意味'),
  (56, '文意'),
  (57, 'paraphrase'),
  (57, 'synonym'),
  (57, 'rewording'),
  (57, '言い換え'),
  (57, '同義語'),
  (57, '類義語'),
  (58, 'eavesdrop'),
  (58, 'sniff'),
  (58, 'snoop'),
  (58, 'mitm'),
  (58, '盗聴'),
  (58, '傍受'),
  (58, '中間者攻撃'),
  (59, 'parse'),
  (59, 'パース'),
  (59, '構文解析'),
  (60, 'quadratic'),
  (60, 'n squared'),
  (60, '二乗'),
  (60, '二乗オーダー'),
  (61, 'null terminator'),
  (61, 'オフバイワン'),
  (61, 'ヌル終端'),
  (62, 'normalization'),
  (62, 'normalisation'),
  (62, 'nfkc'),
  (62, 'nfc'),
  (62, 'nfkd'),
  (62, 'icu'),
  (62, 'utf8proc'),
  (62, '正規化'),
  (63, 'reload'),
  (63, 'hot reload'),
  (63, 'リロード'),
  (63, 'ホットリロード'),
  (64, 'single thread'),
  (64, 'シングルスレッド'),
  (66, 'hardcode'),
  (66, 'ハードコード'),
  (66, '直書き'),
  (67, '手作業'),
  (67, '手動'),
  (68, 'log aggregation'),
  (68, 'log shipping'),
  (68, 'fluentd'),
  (68, 'loki'),
  (68, 'ログ集約'),
  (68, 'ログ収集'),
  (69, 'privacy'),
  (69, 'tracking'),
  (69, 'プライバシー'),
  (69, '追跡'),
  (70, 'cookie'),
  (70, 'クッキー'),
  (71, 'mysql'),
  (71, 'mariadb');

-- ClearSilver's upstream gone: no release, nobody to fix a hole.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'clearsilver-unmaintained');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ClearSilverの本家は最終リリースから十年以上たち、脆弱性を直す人もいない'),
  (@w, 'en', 'ClearSilver''s upstream is dead, its last release a decade old, and nobody patches its security holes');

-- The attack never leaves the machine: it goes over loopback.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'flooder-on-target-host');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '負荷生成ツールが自分のマシンをループバック越しに叩き、攻撃はネットワークを通らない'),
  (@w, 'en', 'the load generator attacks its own box over loopback, never across a network'),
  (@w, 'ja', '負荷生成ツールが攻撃先と同じ箱で自分自身を測っている'),
  (@w, 'en', 'the load generator benchmarks itself on the box it attacks');

-- Jaro–Winkler as what it is: a string similarity made for names.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '名前の照合のための文字列類似度で文章を採点していて、言い換えは外れ、綴りの似た単語は当たる'),
  (@w, 'en', 'a string similarity made for matching names judges sentences: a paraphrase misses and a lookalike word hits'),
  (@w, 'ja', '編集距離やあいまい一致では意味はわからない'),
  (@w, 'en', 'fuzzy matching and edit distance know nothing of meaning');

-- Anyone between the visitor and the server reads the traffic.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'no-https');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '暗号化されていない通信は、ネットワークの誰にでも盗聴される'),
  (@w, 'en', 'without encryption anyone on the network can sniff what is sent');

-- The scorer walks every phrasing: the cost grows with the catalog.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'brute-force-scoring');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '批評ごとに全フレーズを総当たりで比べていて、索引も絞り込みもない'),
  (@w, 'en', 'critiques are compared against all phrasings in a linear scan without an index');

-- Unicode normalisation by hand instead of a library.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hand-rolled-normalisation');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'Unicode正規化を自前で実装し、ICUに任せていない'),
  (@w, 'en', 'Unicode normalization is hand-rolled rather than ICU or utf8proc');

-- The catalog is never read again while the process lives.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'catalog-loaded-once');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'カタログを変えてもリロードされず、再起動まで古いまま'),
  (@w, 'en', 'a changed catalog is never reloaded until a restart');

-- The HP bar asks every second instead of being told.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'hp-bar-polling');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'HPバーはsetIntervalで問い合わせ直していて、変化を知らされるのではない'),
  (@w, 'en', 'the HP bar is refreshed by setInterval rather than pushed');

-- The exhibits are data written into SQL files.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'exhibits-in-sql-seeds');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '展示の中身がSQLのシードにハードコードされている'),
  (@w, 'en', 'the exhibits are hardcoded in SQL seed files');

-- Deploying is somebody typing a command.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'manual-ansible-deploy');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'デプロイは手作業でansible-playbookを打つだけで、CIもない'),
  (@w, 'en', 'deploying is a hand-typed ansible-playbook run without CI');

-- The logs go nowhere they could be gathered.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'logs-on-stderr');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'ログは標準エラーに出すだけで、ログ収集の仕組みがない'),
  (@w, 'en', 'logs go to stderr, never shipped to fluentd or loki');

-- The one daemon runs on one thread.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'single-websocket-daemon');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'WebSocketはシングルスレッドのデーモンが全部受けている'),
  (@w, 'en', 'WebSocket connections all go through a single threaded daemon');

-- Avatars fetched from GitHub tell it who visits.
SET @w = (SELECT id FROM weaknesses WHERE slug = 'avatars-from-github');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'アバターをGitHubから取るので、来場者のプライバシーがGitHubに漏れる'),
  (@w, 'en', 'avatars loaded from GitHub leak the visitors'' privacy to GitHub');

-- The ranges jaro-winkler-for-sentences gives, measured again with version 11
-- (`masakarictl score` on the unrelated critiques of
-- bench/score/labelled-critiques.tsv, as t1014 does): the English median
-- moves from 0.21 to 0.22 with the new phrasings' words; no unrelated
-- critique scores higher than before.
UPDATE weaknesses SET
  explanation_ja = '採点は批評を単語に分け(日本語はMeCab)、単語どうしをJaro–Winklerで比べ、珍しい単語ほど重く数える。同じ意味の言葉は手で書いた小さな一覧(catalog_words)に載っているものしか知らず、見ているのは綴りの近さで、意味ではない。一覧にない言い方をすれば外れる。このカタログに対して、関係のない英語の批評は0.00〜0.64(中央値0.22)、日本語は0.00〜0.50(中央値0.20)の点になり、攻撃力はこの偶然の水準からどれだけ上かで決まる。',
  explanation_en = 'Scoring cuts a critique into words (MeCab for Japanese), compares words by Jaro–Winkler and weighs rare words more. It knows only the synonyms of a small hand-written list (catalog_words); otherwise it judges spelling, not meaning, and a way of saying it that the list lacks misses. Against this catalog, unrelated English critiques score 0.00 to 0.64 (median 0.22) and unrelated Japanese ones 0.00 to 0.50 (median 0.20); the power is how far a score stands above that chance level.'
WHERE slug = 'jaro-winkler-for-sentences';
