-- 0022-catalog-masakari-game.sql — the weakness catalog, kept honest as the
-- masakari game itself was built: three weaknesses of the game's own code, and
-- the Jaro–Winkler entry reworded with what was measured once the catalog was
-- complete (docs/MASAKARI.md has the numbers).

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = 'Jaro–Winklerは名前のような短い文字列のための尺度で、意味は見ない。このカタログに対して、関係のない英語の批評は0.6〜0.75、日本語は0.5前後の類似度になる。長く丁寧な批評ほど点が低く、「no」の2文字が「no CDN」に0.84を取る。外れの判定(言語ごとのしきい値と最低限の長さ)で弱点には当たらないが、攻撃力は類似度のまま決まる。',
  explanation_en = 'Jaro–Winkler was made for short strings such as names and knows nothing of meaning. Against this catalog, unrelated English critiques score 0.6 to 0.75 and unrelated Japanese ones about 0.5; a long, careful critique scores lower than a short one, and the two letters "no" score 0.84 against "no CDN". The miss rule (a threshold per language, and a minimum length) keeps such throws off the weaknesses, but the attack power follows the score all the same.'
WHERE slug = 'jaro-winkler-for-sentences';
SET @w = (SELECT id FROM weaknesses WHERE slug = 'jaro-winkler-for-sentences');
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', '短い批評ほど点が高い'),
  (@w, 'ja', '長い批評ほど損をする'),
  (@w, 'en', 'short critiques score higher than long ones'),
  (@w, 'en', 'a two-letter critique gets high power');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'hp-bar-polling',
  'HPバーは毎秒ポーリング',
  'The HP bar polls every second',
  '/masakari を開いているブラウザは、HPバーのために毎秒 /api/status を呼ぶ(static/js/masakari.js)。まさかりのページも攻撃の間は毎秒 /api/throws/<id> を呼ぶ。見ている人が100人いれば毎秒100リクエストで、攻撃がなくても api.fcgi の2つのワーカーが忙しくなる。',
  'Every browser with /masakari open calls /api/status once a second for the HP bar (static/js/masakari.js), and a throw''s page calls /api/throws/<id> once a second while its attack runs. A hundred viewers make a hundred requests a second to the two api.fcgi workers, attack or no attack.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'HPバーのために毎秒ポーリング'),
  (@w, 'ja', 'ステータスAPIを毎秒叩いている'),
  (@w, 'ja', 'WebSocketで送ればいいのにポーリング'),
  (@w, 'en', 'polling the status API every second'),
  (@w, 'en', 'the HP bar polls instead of using the WebSocket'),
  (@w, 'en', 'every viewer adds a request per second');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'rate-limit-per-ip',
  'レート制限がIPアドレス単位',
  'A rate limit per IP address',
  'まさかりは同じGitHub IDからも同じIPアドレスからも3秒に1本まで(throw_limits テーブル)。会場のように大勢が1つのNATの内側にいれば全員で3秒に1本を分け合う。一方でIDは名乗るだけなので、IDごとの制限は別のIDを名乗れば抜けられる。',
  'A throw is allowed once every 3 seconds per GitHub ID and per IP address (the throw_limits table). A whole venue behind one NAT shares a single 3-second slot, while the per-ID limit is dodged by claiming another ID, since IDs are never verified.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'IPアドレスでレート制限している'),
  (@w, 'ja', 'NATの内側の全員が巻き添えになる'),
  (@w, 'ja', 'IDを変えればレート制限を抜けられる'),
  (@w, 'en', 'rate limiting by IP address'),
  (@w, 'en', 'everyone behind one NAT shares the limit'),
  (@w, 'en', 'change your ID to dodge the rate limit');

INSERT INTO weaknesses (slug, title_ja, title_en, explanation_ja, explanation_en) VALUES (
  'catalog-loaded-once',
  '弱点カタログは一度読んだきり',
  'The catalog is read once per process',
  'masakari.fcgi は弱点カタログを最初のまさかりのときに一度だけメモリへ読み込み、二度と読み直さない(cgi-bin/masakari/catalog.c)。マイグレーションで弱点を足しても、プロセスを再起動するまで採点には効かない。',
  'masakari.fcgi loads the weakness catalog into memory at its first throw and never reads it again (cgi-bin/masakari/catalog.c). A weakness added by a migration does not count until the processes are restarted.');
SET @w = LAST_INSERT_ID();
INSERT INTO weakness_phrasings (weakness_id, lang, text) VALUES
  (@w, 'ja', 'カタログを再読み込みしない'),
  (@w, 'ja', '弱点を足したら再起動が必要'),
  (@w, 'ja', '起動時に一度読んだきり'),
  (@w, 'en', 'the catalog is never reloaded'),
  (@w, 'en', 'adding a weakness needs a restart'),
  (@w, 'en', 'loaded once and cached forever');
