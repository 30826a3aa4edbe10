-- 0024-catalog-workers-and-templates.sql — the weakness catalog, kept honest:
-- the FastCGI programs now fork and supervise their own workers, and pages that
-- depend only on the cookies are kept rendered; the two entries that described
-- the old behaviour say what is still true. Slugs stay, since throws and the
-- ranking refer to the rows.

SET NAMES utf8mb4;

UPDATE weaknesses SET
  explanation_ja = 'FastCGIプログラムは起動時に決まった数(Web.Workers: レガシーのターゲットに4つ、ほかは2つずつ)のワーカーを fork し、それぞれ一度に1リクエストしか扱わない。非同期I/Oもスレッドもなく、遅いリクエストがワーカーを丸ごと塞ぐ。nginx との接続も使い回さず、リクエストごとに accept と close をする。',
  explanation_en = 'Each FastCGI program forks a fixed number of workers at start-up (Web.Workers: four for the legacy target, two for each of the others), each handling one request at a time. No async I/O, no threads: one slow request blocks a whole worker. Connections from nginx are not kept either: every request is an accept and a close.'
WHERE slug = 'cgi-era-process-model';

UPDATE weaknesses SET
  explanation_ja = 'lib/web.c の web_render は描画のたびにテンプレートファイルを読み込んで解析し直す(cs_parse_file)。解析済みテンプレートは持たない。描画結果を覚えておくのは WEB_CACHED の印がついたページ(入口・ホール・作品ページ)だけで、レガシーのターゲットとまさかりのページは毎回解析される。',
  explanation_en = 'web_render in lib/web.c reads and parses the template files again every time it renders (cs_parse_file); nothing keeps a parsed template. Only pages marked WEB_CACHED (the entrance, the hall, the exhibit pages) are kept, as rendered output: the legacy target and the game''s pages are parsed anew on every request.'
WHERE slug = 'templates-parsed-per-request';
