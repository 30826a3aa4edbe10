-- 0042-catalog-strings-and-scores.sql — the weakness catalog, kept honest: the
-- CSP is no longer built in a csp[768] buffer (it is a string literal in
-- security_headers, lib/web.c), so hand-rolled-c-strings names the buffers
-- lib/web.c still has; and jaro-winkler-for-sentences states the ranges
-- measured with `masakarictl score` on the unrelated critiques of
-- bench/score/labelled-critiques.tsv (42 English, 29 Japanese), as
-- docs/MASAKARI.md does. Slugs stay, since throws and the ranking refer to the
-- rows.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = 'Cookie、ルーティング、ページキャッシュのキーは snprintf と固定長バッファと strtok_r で扱っている(lib/web.c の Set-Cookie 行の line[512]、ルートを照らし合わせる scratch[4096] と scratch[1024] など)。長すぎる値は切り詰められるか黙って弾かれ、境界の誤りはそのままメモリ破壊になりうる。',
  explanation_en = 'Cookies, routing and the page cache''s keys are handled with snprintf, fixed-size buffers and strtok_r (line[512] for a Set-Cookie line, scratch[4096] and scratch[1024] for matching routes, in lib/web.c, among others). Values that are too long are cut short or quietly refused, and any off-by-one is a memory-safety bug.'
WHERE slug = 'hand-rolled-c-strings';

UPDATE weaknesses SET
  explanation_ja = 'Jaro–Winklerは名前のような短い文字列のための尺度で、意味は見ない。このカタログに対して、関係のない英語の批評は0.56〜0.84(中央値0.69)、日本語は0.43〜0.80(中央値0.55)の類似度になる。長く丁寧な批評ほど点が低く、「no」の2文字が「no CDN」に0.84を取る。外れの判定(言語ごとのしきい値と最低限の長さ)で弱点には当たらないが、攻撃力は類似度のまま決まる。',
  explanation_en = 'Jaro–Winkler was made for short strings such as names and knows nothing of meaning. Against this catalog, unrelated English critiques score 0.56 to 0.84 (median 0.69) and unrelated Japanese ones 0.43 to 0.80 (median 0.55); a long, careful critique scores lower than a short one, and the two letters "no" score 0.84 against "no CDN". The miss rule (a threshold per language, and a minimum length) keeps such throws off the weaknesses, but the attack power follows the score all the same.'
WHERE slug = 'jaro-winkler-for-sentences';
