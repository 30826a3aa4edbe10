<?cs # throw.cs — "/masakari/throws/<id>": one throw, its attack and the server's reply.
     static/js/throw.js keeps the progress current while the attack runs, and
     shows the reply when it arrives (the flooder's repliers fetch it). ?><?cs
set:Page.Title = "まさかり #" + Throw.Id ?><?cs set:Page.BodyClass = "masakari-page throw-page" ?><?cs
set:Page.Styles.0 = "masakari.css" ?><?cs include:"layout/head.cs" ?>
<article class="throw-result" id="throw" data-throw-id="<?cs var:Throw.Id ?>" data-status="<?cs var:Throw.Status ?>"<?cs
  # The status words, once, from status.cs: static/js/throw.js shows them live. ?><?cs
  set:t.Status = "queued" ?> data-status-word-queued="<?cs include:"masakari/status.cs" ?>"<?cs
  set:t.Status = "running" ?> data-status-word-running="<?cs include:"masakari/status.cs" ?>"<?cs
  set:t.Status = "done" ?> data-status-word-done="<?cs include:"masakari/status.cs" ?>"<?cs
  set:t.Status = "failed" ?> data-status-word-failed="<?cs include:"masakari/status.cs" ?>">
  <h1>まさかり #<?cs var:Throw.Id ?></h1>
  <blockquote class="critique"><p><?cs var:Throw.Critique ?></p></blockquote>
  <p class="critique-by">— @<?cs var:Throw.GithubId ?>、<?cs var:Throw.CreatedAt ?> UTC</p>

  <dl class="score-card">
    <dt>スコア</dt>
    <dd class="score"><?cs var:Throw.Score ?></dd>
    <dt>命中</dt>
    <dd class="hit"><?cs if:Throw.Weakness.Slug ?><strong class="weakness-title"><?cs var:Throw.Weakness.TitleJa ?></strong> <span class="weakness-title-en">(<?cs var:Throw.Weakness.TitleEn ?>)</span><?cs else ?><span class="miss">外れ</span> — カタログのどの弱点にも当たらなかった<?cs /if ?></dd>
    <dt>攻撃力</dt>
    <dd class="power"><span id="power"><?cs var:Throw.Power ?></span> リクエスト/秒 × <?cs var:Throw.DurationSeconds ?> 秒<?cs if:Throw.RepeatHits > 0 ?>
      <span class="halved">（この弱点を突くのは <?cs var:Throw.RepeatHits + 1 ?> 回目なので、威力は <?cs var:Throw.RepeatHits ?> 回半分になった）</span><?cs /if ?></dd>
  </dl>
  <?cs if:Throw.Weakness.Slug ?>
  <section class="weakness-explanation">
    <h2>見つけた弱点</h2>
    <p><?cs var:Throw.Weakness.ExplanationJa ?></p>
    <p lang="en"><?cs var:Throw.Weakness.ExplanationEn ?></p>
  </section>
  <?cs /if ?>

  <section class="reply" aria-labelledby="reply-heading">
    <h2 id="reply-heading">サーバーからのありがたいお言葉</h2>
    <?cs if:Throw.Reply ?>
    <blockquote class="server-words"><p id="reply">「<?cs var:Throw.Reply ?>」</p></blockquote>
    <p class="reply-source" data-source="<?cs var:Throw.ReplySource ?>"><?cs
      if:Throw.ReplySource == "llm" ?>言語モデルの返事<?cs
      elif:Throw.ReplySource == "cache" ?>同じ指摘への以前の返事（キャッシュ）<?cs
      else ?>定型文（言語モデルの返事がなかった）<?cs /if ?></p>
    <?cs else ?>
    <p class="empty" id="reply-pending">サーバーは返事を考えている。届きしだいここに出る。</p>
    <?cs /if ?>
  </section>

  <section class="attack" aria-labelledby="attack-heading">
    <h2 id="attack-heading">攻撃</h2>
    <p>状態: <strong id="attack-status" class="status-<?cs var:Throw.Status ?>"><?cs set:t.Status = Throw.Status ?><?cs include:"masakari/status.cs" ?></strong></p>
    <p class="progress-line"><progress id="attack-progress" max="<?cs var:Throw.Total ?>" value="<?cs var:Throw.Sent ?>"></progress>
      送信 <span id="attack-sent"><?cs var:Throw.Sent ?></span> / <span id="attack-total"><?cs var:Throw.Total ?></span> リクエスト、
      <?cs if:Throw.Status == "done" || Throw.Status == "failed" ?>平均<?cs else ?>いま<?cs /if ?> <span id="attack-rate"><?cs if:?Throw.Rate ?><?cs var:Throw.Rate ?><?cs else ?>–<?cs /if ?></span> リクエスト/秒</p>
    <?cs if:Throw.Status == "done" || Throw.Status == "failed" ?>
    <section class="report" id="attack-report">
      <h3>レポート</h3>
      <?cs if:Throw.FailureReason ?><p class="form-problem">失敗の理由: <?cs var:Throw.FailureReason ?></p><?cs /if ?>
      <table class="report-table">
        <tr><th>送信</th><td id="report-sent"><?cs var:Throw.Sent ?></td></tr>
        <tr><th>成功 (2xx/3xx)</th><td id="report-ok"><?cs var:Throw.Ok ?></td></tr>
        <tr><th>エラー</th><td id="report-errors"><?cs var:Throw.Errors ?>（接続 <?cs var:Throw.ErrorsConnect ?>、タイムアウト <?cs var:Throw.ErrorsTimeout ?>、HTTP <?cs var:Throw.ErrorsHttp ?><?cs
          set:other = Throw.Errors - Throw.ErrorsConnect - Throw.ErrorsTimeout - Throw.ErrorsHttp ?><?cs
          if:other > 0 ?>、その他 <?cs var:other ?><?cs /if ?>）</td></tr>
        <tr><th>ステータスコード</th><td id="report-codes"><?cs if:subcount(Throw.Codes) > 0 ?><?cs each:c = Throw.Codes ?><span class="code"><?cs var:c.Code ?>: <?cs var:c.Count ?></span> <?cs /each ?><?cs else ?>–<?cs /if ?></td></tr>
        <tr><th>レイテンシ p50 / p90 / p99 / 最大</th><td id="report-latency"><?cs if:?Throw.P50 ?><?cs var:Throw.P50 ?><?cs else ?>–<?cs /if ?> / <?cs if:?Throw.P90 ?><?cs var:Throw.P90 ?><?cs else ?>–<?cs /if ?> / <?cs if:?Throw.P99 ?><?cs var:Throw.P99 ?><?cs else ?>–<?cs /if ?> / <?cs if:?Throw.Max ?><?cs var:Throw.Max ?><?cs else ?>–<?cs /if ?> ms</td></tr>
        <tr><th>平均の速さ</th><td><?cs if:?Throw.Rate ?><?cs var:Throw.Rate ?><?cs else ?>–<?cs /if ?> リクエスト/秒</td></tr>
        <?cs if:Throw.StartedAt ?><tr><th>開始 / 終了</th><td><?cs var:Throw.StartedAt ?> / <?cs if:?Throw.FinishedAt ?><?cs var:Throw.FinishedAt ?><?cs else ?>–<?cs /if ?> UTC</td></tr><?cs /if ?>
      </table>
    </section>
    <?cs else ?>
    <p class="hint" id="attack-hint">フラッダーがキューからこの攻撃を取り出すと始まり、終わるとここにレポートが出ます。</p>
    <?cs /if ?>
  </section>
  <p class="throw-nav"><a href="/masakari">もう一本投げる</a> · <a href="/masakari/ranking">ランキング</a></p>
</article>
<?cs set:Page.Script = "throw.js" ?><?cs set:Page.Modules.0 = "dom.js" ?><?cs
set:Page.Modules.1 = "status-words.js" ?><?cs set:Page.Modules.2 = "text-catalog.js" ?><?cs
set:Page.Modules.3 = "text.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
