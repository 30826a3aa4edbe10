<?cs # front.cs — "/legacy/": the legacy target's front page. ?><?cs
set:Page.Title = "トップ" ?><?cs include:"legacy/head.cs" ?>
<h1 class="shout">おら、マサカリを投げやがれ！</h1>
<p>ここは由緒正しいレガシーなサービスです。コードを端から端まで読んで、鋭いまさかり（コードレビューの指摘）を投げてください。鋭いほど、このサーバーに重い負荷がかかります。</p>
<h2>このサービスの材料</h2>
<ul>
<li>言語: C (gnu11)。文字列は手で扱います</li>
<li>Web: nginx + FastCGI（spawn-fcgi で事前に fork したワーカー）</li>
<li>テンプレート: ClearSilver 0.10.5（リクエストごとにテンプレートを読み直します）</li>
<li>データベース: MariaDB 1 台（ジョブキューも兼務）</li>
<li>負荷ツール: cron で毎分起動する C 製フラッダー（libcurl）</li>
<li>サーバー: この 1 台だけ。冗長化なし</li>
</ul>
<h2>名物</h2>
<p><a href="/legacy/random">/legacy/random</a> — 512 個の数をシャッフルして、リクエストのたびにバブルソートします。</p>
<h2>ソースコード</h2>
<p><a href="/legacy/source">このサービスのソースを読む</a><?cs if:Legacy.RepositoryUrl ?> / <a href="<?cs var:Legacy.RepositoryUrl ?>">リポジトリ</a><?cs /if ?></p>
<p><a href="/masakari">まさかりを投げに行く &raquo;</a></p>
<?cs include:"legacy/foot.cs" ?>
