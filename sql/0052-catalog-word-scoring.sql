-- 0052-catalog-word-scoring.sql — the weakness catalog, kept honest: scoring
-- version 2 compares words, not whole strings (lib/score.c, lib/tokenize.c),
-- so jaro-winkler-for-sentences says what is still true of it, with the
-- ranges measured with `masakarictl score` on the unrelated critiques of
-- bench/score/labelled-critiques.tsv (62 English, 61 Japanese), as
-- docs/MASAKARI.md states them; and brute-force-scoring says that every
-- catalog word is still visited. Slugs stay, since throws and the ranking
-- refer to the rows.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  title_ja = '採点は文字の似かたしか見ない',
  title_en = 'Scoring sees spelling, not meaning',
  explanation_ja = '採点は批評を単語に分け(日本語はMeCab)、単語どうしをJaro–Winklerで比べ、珍しい単語ほど重く数える。それでも見ているのは綴りの近さで、意味ではない。同じことを別の言葉で言えば外れ、言い換えの辞書もない。このカタログに対して、関係のない英語の批評は0.00〜0.52(中央値0.27)、日本語は0.00〜0.60(中央値0.17)の点になり、攻撃力はこの偶然の水準からどれだけ上かで決まる。',
  explanation_en = 'Scoring cuts a critique into words (MeCab for Japanese), compares words by Jaro–Winkler and weighs rare words more, but it still judges spelling, not meaning: say the same thing in other words and it misses, and there is no thesaurus. Against this catalog, unrelated English critiques score 0.00 to 0.52 (median 0.27) and unrelated Japanese ones 0.00 to 0.60 (median 0.17); the power is how far a score stands above that chance level.'
WHERE slug = 'jaro-winkler-for-sentences';

UPDATE weaknesses SET
  explanation_ja = 'まさかり1本ごとに、批評の単語をカタログの全単語とJaro–Winklerで比べ、全弱点の全フレーズを1つずつ調べる(lib/score.c)。似ているはずのない単語は上限で省く(word_bound)が、索引はなく、カタログが増えるほど線形に遅くなる。',
  explanation_en = 'Every throw compares each word of the critique with every word of the catalog by Jaro–Winkler and then visits every phrasing of every weakness (lib/score.c). Words a bound shows cannot be alike are skipped (word_bound), but there is no index: scoring slows down linearly as the catalog grows.'
WHERE slug = 'brute-force-scoring';
