-- 0122-catalog-scoring-version-3.sql — the weakness catalog, kept honest:
-- scoring version 3 knows a few synonyms and terms (catalog_words,
-- sql/0120-catalog-words.sql), so jaro-winkler-for-sentences no longer says
-- there is no thesaurus, but that there is a small one written by hand, and
-- gives the ranges measured with `masakarictl score` on the unrelated
-- critiques of bench/score/labelled-critiques.tsv (68 English, 67 Japanese),
-- as docs/MASAKARI.md states them. Slugs stay.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = '採点は批評を単語に分け(日本語はMeCab)、単語どうしをJaro–Winklerで比べ、珍しい単語ほど重く数える。同じ意味の言葉は手で書いた小さな一覧(catalog_words)に載っているものしか知らず、見ているのは綴りの近さで、意味ではない。一覧にない言い方をすれば外れる。このカタログに対して、関係のない英語の批評は0.00〜0.67(中央値0.24)、日本語は0.00〜0.53(中央値0.20)の点になり、攻撃力はこの偶然の水準からどれだけ上かで決まる。',
  explanation_en = 'Scoring cuts a critique into words (MeCab for Japanese), compares words by Jaro–Winkler and weighs rare words more. It knows only the synonyms of a small hand-written list (catalog_words); otherwise it judges spelling, not meaning, and a way of saying it that the list lacks misses. Against this catalog, unrelated English critiques score 0.00 to 0.67 (median 0.24) and unrelated Japanese ones 0.00 to 0.53 (median 0.20); the power is how far a score stands above that chance level.'
WHERE slug = 'jaro-winkler-for-sentences';
