-- 0043-catalog-scoring-bound.sql — the weakness catalog, kept honest: scoring
-- now skips the matching for a phrasing that a bound shows cannot beat the best
-- score so far (jw_similarity_prepared_over in lib/jw.c), so
-- brute-force-scoring no longer says "no pruning"; it still visits every
-- phrasing of every weakness, with no index, so it is still linear in the
-- catalog.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = 'まさかり1本ごとに、全弱点の全フレーズを1つずつ調べる(lib/score.c)。勝てないと分かったフレーズは照合を省く(lib/jw.c の上限による枝刈り)が、索引はなく、どのフレーズも必ず訪ねるので、カタログが増えるほど線形に遅くなる。',
  explanation_en = 'Every throw visits every phrasing of every weakness in turn (lib/score.c). A phrasing a bound shows cannot win is not matched (the pruning in lib/jw.c), but there is no index and every phrasing is still visited: scoring slows down linearly as the catalog grows.'
WHERE slug = 'brute-force-scoring';
