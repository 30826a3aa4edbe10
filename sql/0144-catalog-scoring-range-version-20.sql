-- 0144-catalog-scoring-range-version-20.sql — the weakness catalog, kept
-- honest: jaro-winkler-for-sentences states how unrelated critiques score
-- against this catalog (`masakarictl score` on the unrelated critiques of
-- bench/score/labelled-critiques.tsv, as t1014 does). With version 20 a
-- phrasing that names its weakness's subject scores nothing when the
-- critique does not name that subject: the English median moves from 0.21
-- to 0.20, and more than half of the Japanese ones score nothing at all
-- (median 0.00).

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = '採点は批評を単語に分け(日本語はMeCab)、単語どうしをJaro–Winklerで比べ、珍しい単語ほど重く数える。同じ意味の言葉は手で書いた小さな一覧(catalog_words)に載っているものしか知らず、見ているのは綴りの近さで、意味ではない。一覧にない言い方をすれば外れる。このカタログに対して、関係のない英語の批評は0.00〜0.64(中央値0.20)、日本語は0.00〜0.50(中央値0.00)の点になり、攻撃力はこの偶然の水準からどれだけ上かで決まる。',
  explanation_en = 'Scoring cuts a critique into words (MeCab for Japanese), compares words by Jaro–Winkler and weighs rare words more. It knows only the synonyms of a small hand-written list (catalog_words); otherwise it judges spelling, not meaning, and a way of saying it that the list lacks misses. Against this catalog, unrelated English critiques score 0.00 to 0.64 (median 0.20) and unrelated Japanese ones 0.00 to 0.50 (median 0.00); the power is how far a score stands above that chance level.'
WHERE slug = 'jaro-winkler-for-sentences';
