<?cs # throw.cs — "/masakari/throws/<id>": one throw, its attack and the server's reply.
     static/js/throw.js keeps the progress current while the attack runs, and
     shows the reply when it arrives (the flooder's repliers fetch it). ?><?cs
set:Page.Title = fill(Text.Masakari.Throw.Title, Throw.Id) ?><?cs set:Page.BodyClass = "masakari-page throw-page" ?><?cs
set:Page.Styles.0 = "masakari.css" ?><?cs include:"layout/localized.cs" ?><?cs
include:"layout/head.cs" ?>
<article class="throw-result" id="throw" data-throw-id="<?cs var:Throw.Id ?>" data-status="<?cs var:Throw.Status ?>"<?cs
  # The status words, once, from status.cs: static/js/throw.js shows them live. ?><?cs
  set:t.Status = "queued" ?> data-status-word-queued="<?cs include:"masakari/status.cs" ?>"<?cs
  set:t.Status = "running" ?> data-status-word-running="<?cs include:"masakari/status.cs" ?>"<?cs
  set:t.Status = "done" ?> data-status-word-done="<?cs include:"masakari/status.cs" ?>"<?cs
  set:t.Status = "failed" ?> data-status-word-failed="<?cs include:"masakari/status.cs" ?>">
  <h1><?cs var:fill(Text.Masakari.Throw.Title, Throw.Id) ?></h1>
  <blockquote class="critique"><p><?cs var:Throw.Critique ?></p></blockquote>
  <p class="critique-by"><?cs var:fill2(Text.Masakari.Throw.By, Throw.GithubId, datetime(Throw.CreatedAt)) ?><?cs if:Throw.Verified ?> <span class="verified" title="<?cs var:Text.Site.Login.VerifiedTitle ?>"><?cs var:Text.Site.Login.Verified ?></span><?cs /if ?></p>

  <dl class="score-card">
    <dt><?cs var:Text.Masakari.Throw.Score ?></dt>
    <dd class="score"><?cs var:Throw.Score ?></dd>
    <dt><?cs var:Text.Masakari.Throw.Hit ?></dt>
    <dd class="hit"><?cs if:Throw.Weakness.Slug ?><strong class="weakness-title" lang="<?cs call:lang_of(Throw.Weakness.TitleJa, Throw.Weakness.TitleEn) ?>"><?cs call:text_of(Throw.Weakness.TitleJa, Throw.Weakness.TitleEn) ?></strong><?cs else ?><span class="miss"><?cs var:Text.Masakari.Throw.Miss ?></span> <?cs var:Text.Masakari.Throw.MissDetail ?><?cs /if ?></dd>
    <dt><?cs var:Text.Masakari.Throw.Power ?></dt>
    <dd class="power"><span id="power"><?cs var:Throw.Power ?></span> <?cs var:fill(Text.Masakari.Throw.PowerLine, Throw.DurationSeconds) ?><?cs if:Throw.RepeatHits > 0 ?>
      <span class="halved"><?cs var:fill2(Text.Masakari.Throw.Halved, Throw.RepeatHits + 1, Throw.RepeatHits) ?></span><?cs /if ?></dd>
  </dl>
  <?cs if:Throw.Weakness.Slug ?>
  <section class="weakness-explanation">
    <h2><?cs var:Text.Masakari.Throw.Found ?></h2>
    <p lang="<?cs call:lang_of(Throw.Weakness.ExplanationJa, Throw.Weakness.ExplanationEn) ?>"><?cs call:text_of(Throw.Weakness.ExplanationJa, Throw.Weakness.ExplanationEn) ?></p>
  </section>
  <?cs /if ?>

  <section class="reply" aria-labelledby="reply-heading">
    <h2 id="reply-heading"><?cs var:Text.Masakari.Throw.ReplyHeading ?></h2>
    <?cs if:Throw.Reply ?>
    <blockquote class="server-words"><p id="reply"><?cs var:fill(Text.Common.Quote, Throw.Reply) ?></p></blockquote>
    <p class="reply-source" data-source="<?cs var:Throw.ReplySource ?>"><?cs
      if:Throw.ReplySource == "llm" ?><?cs var:Text.Masakari.Throw.ReplyLlm ?><?cs
      elif:Throw.ReplySource == "cache" ?><?cs var:Text.Masakari.Throw.ReplyCache ?><?cs
      else ?><?cs var:Text.Masakari.Throw.ReplyCanned ?><?cs /if ?></p>
    <?cs else ?>
    <p class="empty" id="reply-pending"><?cs var:Text.Masakari.Throw.ReplyEmpty ?></p>
    <?cs /if ?>
  </section>

  <section class="attack" aria-labelledby="attack-heading">
    <h2 id="attack-heading"><?cs var:Text.Masakari.Throw.AttackHeading ?></h2>
    <section class="hp throw-hp" id="throw-hp" aria-labelledby="hp-heading">
      <h3 id="hp-heading"><?cs var:Text.Masakari.Throw.HpHeading ?></h3>
      <p class="hp-line"><meter id="hp-meter" class="hp-meter" min="0" max="100" low="20" high="50" optimum="100" value="<?cs if:?Page.Hp ?><?cs var:Page.Hp ?><?cs else ?>100<?cs /if ?>"></meter>
      <span class="hp-value"><span id="hp-value"><?cs if:?Page.Hp ?><?cs var:Page.Hp ?><?cs else ?>?<?cs /if ?></span> / 100</span>
      <span class="hp-fall" id="hp-fall" data-fall-text="<?cs var:Text.Masakari.Throw.HpFall ?>" hidden></span></p>
      <p class="hint"><?cs var:Text.Masakari.Throw.HpHint ?></p>
      <?cs if:Throw.StartedAt ?><?cs
        set:Chart.Left = Text.Masakari.Throw.ChartStart ?><?cs
        if:Throw.Status == "done" || Throw.Status == "failed" ?><?cs set:Chart.Right = Text.Masakari.Throw.ChartEnd ?><?cs
        else ?><?cs set:Chart.Right = Text.Masakari.Throw.ChartNow ?><?cs /if ?><?cs
        if:Chart.Samples > 0 ?><?cs set:Chart.Caption = fill3(Text.Masakari.Throw.ChartCaption, Chart.Samples, Chart.LastHp, Chart.MinHp) ?><?cs
        else ?><?cs set:Chart.Caption = Text.Masakari.Throw.ChartCaptionEmpty ?><?cs /if ?><?cs
        include:"masakari/hp_chart.cs" ?><?cs /if ?>
    </section>
    <p><?cs var:Text.Masakari.Throw.State ?> <strong id="attack-status" class="status-<?cs var:Throw.Status ?>"><?cs set:t.Status = Throw.Status ?><?cs include:"masakari/status.cs" ?></strong></p>
    <p class="progress-line"><progress id="attack-progress" max="<?cs var:Throw.Total ?>" value="<?cs var:Throw.Sent ?>"></progress>
      <?cs var:Text.Masakari.Throw.Sent ?> <span id="attack-sent"><?cs var:Throw.Sent ?></span> / <span id="attack-total"><?cs var:Throw.Total ?></span> <?cs var:Text.Masakari.Throw.Requests ?>
      <?cs if:Throw.Status == "done" || Throw.Status == "failed" ?><?cs var:Text.Masakari.Throw.Average ?><?cs else ?><?cs var:Text.Masakari.Throw.Current ?><?cs /if ?> <span id="attack-rate"><?cs if:?Throw.Rate ?><?cs var:Throw.Rate ?><?cs else ?>–<?cs /if ?></span> <?cs var:Text.Masakari.Throw.PerSecond ?></p>
    <?cs if:Throw.Status == "done" || Throw.Status == "failed" ?>
    <section class="report" id="attack-report">
      <h3><?cs var:Text.Masakari.Throw.Report ?></h3>
      <?cs if:Throw.FailureReason ?><p class="form-problem"><?cs var:Text.Masakari.Throw.FailureReason ?> <?cs var:Throw.FailureReason ?></p><?cs /if ?>
      <table class="report-table">
        <tr><th><?cs var:Text.Masakari.Throw.ReportSent ?></th><td id="report-sent"><?cs var:number(Throw.Sent) ?></td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.ReportOk ?></th><td id="report-ok"><?cs var:number(Throw.Ok) ?></td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.ReportErrors ?></th><td id="report-errors"><?cs var:number(Throw.Errors) ?> (<?cs var:Text.Masakari.Throw.ErrorsConnect ?> <?cs var:Throw.ErrorsConnect ?>, <?cs var:Text.Masakari.Throw.ErrorsTimeout ?> <?cs var:Throw.ErrorsTimeout ?>, HTTP <?cs var:Throw.ErrorsHttp ?><?cs
          set:other = Throw.Errors - Throw.ErrorsConnect - Throw.ErrorsTimeout - Throw.ErrorsHttp ?><?cs
          if:other > 0 ?>, <?cs var:Text.Masakari.Throw.ErrorsOther ?> <?cs var:other ?><?cs /if ?>)</td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.Codes ?></th><td id="report-codes"><?cs if:subcount(Throw.Codes) > 0 ?><?cs each:c = Throw.Codes ?><span class="code"><?cs var:c.Code ?>: <?cs var:c.Count ?></span> <?cs /each ?><?cs else ?>–<?cs /if ?></td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.Latency ?></th><td id="report-latency"><?cs if:?Throw.P50 ?><?cs var:Throw.P50 ?><?cs else ?>–<?cs /if ?> / <?cs if:?Throw.P90 ?><?cs var:Throw.P90 ?><?cs else ?>–<?cs /if ?> / <?cs if:?Throw.P99 ?><?cs var:Throw.P99 ?><?cs else ?>–<?cs /if ?> / <?cs if:?Throw.Max ?><?cs var:Throw.Max ?><?cs else ?>–<?cs /if ?> ms</td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.Requested ?></th><td id="report-requested"><?cs var:Throw.Power ?> <?cs var:Text.Masakari.Throw.PerSecond ?></td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.Achieved ?></th><td id="report-achieved"><?cs if:?Throw.Rate ?><?cs var:Throw.Rate ?><?cs else ?>–<?cs /if ?> <?cs var:Text.Masakari.Throw.PerSecond ?></td></tr>
        <tr><th><?cs var:Text.Masakari.Throw.Dropped ?></th><td id="report-dropped"><?cs var:fill2(Text.Masakari.Throw.DroppedLine, number(Throw.Dropped), number(Throw.Total)) ?></td></tr>
        <?cs if:Chart.Samples > 0 ?><tr><th><?cs var:Text.Masakari.Throw.HpDuring ?></th><td id="report-hp"><?cs var:fill2(Text.Masakari.Throw.HpDuringLine, Chart.MinHp, Chart.LastHp) ?></td></tr><?cs /if ?>
        <?cs if:Throw.StartedAt ?><tr><th><?cs var:Text.Masakari.Throw.StartFinish ?></th><td><?cs var:datetime(Throw.StartedAt) ?> / <?cs if:?Throw.FinishedAt ?><?cs var:datetime(Throw.FinishedAt) ?><?cs else ?>–<?cs /if ?> UTC</td></tr><?cs /if ?>
      </table>
    </section>
    <?cs else ?>
    <p class="hint" id="attack-hint"><?cs var:Text.Masakari.Throw.Waiting ?></p>
    <?cs /if ?>
  </section>
  <p class="throw-nav"><a href="/masakari"><?cs var:Text.Masakari.Throw.Again ?></a> · <a href="/masakari/ranking"><?cs var:Text.Masakari.Throw.Ranking ?></a></p>
</article>
<?cs set:Page.Script = "throw.js" ?><?cs set:Page.Modules.0 = "dom.js" ?><?cs
set:Page.Modules.1 = "status-words.js" ?><?cs set:Page.Modules.2 = "text-catalog.js" ?><?cs
set:Page.Modules.3 = "text.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
