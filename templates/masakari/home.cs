<?cs # home.cs — "/masakari": the HP bar, the server's latest words, the form
     beside the framed legacy target, the HP history and the recent throws. ?><?cs
set:Page.Title = "まさかり" ?><?cs set:Page.BodyClass = "masakari-page" ?><?cs
set:Page.Styles.0 = "masakari.css" ?><?cs include:"layout/head.cs" ?>
<section class="masakari-intro">
  <h1>まさかりを投げてレガシーなサービスを倒そう</h1>
  <p><a href="/legacy/">レガシーなサービス</a>とその<a href="/legacy/source">ソースコード</a>を読んで、鋭い指摘（まさかり）を投げよう。既知の弱点に近いほど攻撃力が上がり、サーバーにダメージを与えられます。</p>
  <p class="masakari-links"><a href="/masakari/ranking">ランキング</a></p>
</section>

<section class="hp" aria-labelledby="hp-heading">
  <h2 id="hp-heading">レガシーサーバーの HP</h2>
  <p class="hp-line"><meter id="hp-meter" class="hp-meter" min="0" max="100" low="20" high="50" optimum="100" value="<?cs if:?Page.Hp ?><?cs var:Page.Hp ?><?cs else ?>100<?cs /if ?>"></meter>
  <span class="hp-value"><span id="hp-value"><?cs if:?Page.Hp ?><?cs var:Page.Hp ?><?cs else ?>?<?cs /if ?></span> / 100</span></p>
  <p class="hint">HP = 100 − この機械の CPU 使用率（%）。毎秒更新。</p>
  <p id="defeated" class="defeated" role="status" hidden>撃破！ レガシーサーバーの HP が 20 を切った — DEFEATED</p>
</section>

<div class="arena">
  <section class="throw-panel" aria-labelledby="throw-heading">
    <h2 id="throw-heading">まさかりを投げる</h2>
    <form method="post" action="/masakari/throw" id="throw-form" class="throw-form">
      <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
      <label for="github_id">GitHub ID</label>
      <input id="github_id" name="github_id" type="text" maxlength="39" autocomplete="username" required
        pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}" value="<?cs var:Form.GithubId ?>">
      <label for="critique">まさかり（指摘）</label>
      <textarea id="critique" name="critique" rows="5" maxlength="500" required
        placeholder="例: リクエストのたびにバブルソートしている"><?cs var:Form.Critique ?></textarea>
      <p class="form-problem" id="throw-problem" role="alert"<?cs if:!Form.Problem ?> hidden<?cs /if ?>><?cs var:Form.Problem ?><?cs if:Form.EarlierThrow ?> <a id="earlier-throw" href="/masakari/throws/<?cs var:Form.EarlierThrow ?>">Your earlier throw: #<?cs var:Form.EarlierThrow ?></a><?cs /if ?></p>
      <button type="submit" id="throw-button">投げる</button>
      <p class="hint">1〜500 文字、日本語でも英語でも。<?cs if:Masakari.IntervalSeconds > 0 ?><?cs var:Masakari.IntervalSeconds ?> 秒に 1 本まで。<?cs /if ?>攻撃は <?cs var:Masakari.DurationSeconds ?> 秒間、最大で毎秒 100 リクエスト。同じ弱点を同じ人がまた突くと、威力はそのたびに半分。</p>
    </form>

    <section class="latest-words" aria-labelledby="words-heading">
      <h2 id="words-heading">サーバーからのありがたいお言葉</h2>
      <?cs if:Latest.Reply ?>
      <blockquote class="server-words"><p>「<?cs var:Latest.Reply ?>」</p></blockquote>
      <p class="words-context">— <a href="/masakari/throws/<?cs var:Latest.Id ?>">@<?cs var:Latest.GithubId ?> のまさかり</a>への返事</p>
      <?cs else ?>
      <p class="empty">まだ誰もまさかりを投げていない。サーバーは黙っている。</p>
      <?cs /if ?>
    </section>
  </section>

  <section class="target" aria-labelledby="target-heading">
    <h2 id="target-heading">攻撃対象: <a href="/legacy/">/legacy/</a></h2>
    <div class="target-frame" id="target-frame">
      <iframe src="/legacy/" title="攻撃対象のレガシーなサービス"></iframe>
      <img class="cracks" id="cracks" src="<?cs var:Site.Static ?>/img/masakari/cracks.svg" alt="">
      <img class="axe" id="axe" src="<?cs var:Site.Static ?>/img/masakari/axe.svg" alt="">
    </div>
    <p id="landed" class="landed" role="status" hidden></p>
  </section>
</div>

<section class="hp-history" aria-labelledby="history-heading">
  <h2 id="history-heading">HP の推移（直近 10 分）</h2>
  <?cs include:"masakari/hp_chart.cs" ?>
</section>

<section class="recent" aria-labelledby="recent-heading">
  <h2 id="recent-heading">最近のまさかり</h2>
  <?cs if:subcount(Recent) > 0 ?>
  <table class="throws">
    <thead><tr><th>#</th><th>投げた人</th><th>まさかり</th><th>スコア</th><th>命中した弱点</th><th>威力</th><th>攻撃</th></tr></thead>
    <tbody>
    <?cs each:t = Recent ?>
      <tr>
        <td><a href="/masakari/throws/<?cs var:t.Id ?>"><?cs var:t.Id ?></a></td>
        <td>@<?cs var:t.GithubId ?></td>
        <td class="critique-cell"><?cs var:t.Critique ?></td>
        <td><?cs var:t.Score ?></td>
        <td><?cs if:t.Weakness ?><?cs var:t.Weakness ?><?cs else ?><span class="miss">外れ</span><?cs /if ?></td>
        <td><?cs var:t.Power ?></td>
        <td><?cs include:"masakari/status.cs" ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty">まだ一本も投げられていない。最初の一本をどうぞ。</p>
  <?cs /if ?>
</section>
<?cs set:Page.Script = "masakari.js" ?><?cs set:Page.Modules.0 = "dom.js" ?><?cs
set:Page.Modules.1 = "hall-connection.js" ?><?cs set:Page.Modules.2 = "sound.js" ?><?cs
set:Page.Modules.3 = "storage.js" ?><?cs set:Page.Modules.4 = "text-catalog.js" ?><?cs
set:Page.Modules.5 = "text.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
