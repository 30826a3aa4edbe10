<?cs # home.cs — "/masakari": the HP bar, the server's latest words, the form
     beside the framed legacy target, the HP history and the recent throws. ?><?cs
set:Page.Title = Text.Masakari.Home.Title ?><?cs set:Page.BodyClass = "masakari-page" ?><?cs
set:Page.Styles.0 = "masakari.css" ?><?cs
include:"layout/localized.cs" ?><?cs include:"layout/head.cs" ?>
<?cs if:Announce.Message ?><section class="announcement" id="announcement" role="status">
  <strong><?cs var:Text.Masakari.Home.Announcement ?></strong> <span class="announcement-text"><?cs var:Announce.Message ?></span>
  <span class="announcement-from">— <?cs if:Announce.From ?><span class="whoami">@<?cs var:Announce.From ?></span> <span class="operator-badge" title="<?cs var:Text.Common.Moderation.OperatorTitle ?>"><?cs var:Text.Common.Moderation.Operator ?></span><?cs else ?><?cs var:Text.Common.Moderation.Staff ?><?cs /if ?></span>
</section><?cs /if ?>
<section class="masakari-intro">
  <h1><?cs var:Text.Masakari.Home.Heading ?></h1>
  <p><?cs var:Text.Masakari.Home.Intro ?></p>
  <p class="masakari-links"><a href="/legacy/"><?cs var:Text.Masakari.Home.IntroService ?></a> · <a href="/legacy/source"><?cs var:Text.Masakari.Home.IntroSource ?></a> · <a href="/masakari/ranking"><?cs var:Text.Masakari.Home.Ranking ?></a></p>
</section>

<section class="hp" aria-labelledby="hp-heading"<?cs if:?Page.HpHost ?> data-host="<?cs var:Page.HpHost ?>"<?cs /if ?>>
  <h2 id="hp-heading"><?cs var:Text.Masakari.Home.HpHeading ?></h2>
  <p class="hp-line"><meter id="hp-meter" class="hp-meter" min="0" max="100" low="20" high="50" optimum="100" value="<?cs if:?Page.Hp ?><?cs var:Page.Hp ?><?cs else ?>100<?cs /if ?>"></meter>
  <span class="hp-value"><span id="hp-value"><?cs if:?Page.Hp ?><?cs var:Page.Hp ?><?cs else ?>?<?cs /if ?></span> / 100</span></p>
  <p class="hint"><?cs var:Text.Masakari.Home.HpHint ?></p>
  <p id="defeated" class="defeated" role="status" hidden><?cs var:Text.Masakari.Home.Defeated ?></p>
</section>

<div class="arena">
  <section class="throw-panel" aria-labelledby="throw-heading">
    <h2 id="throw-heading"><?cs var:Text.Masakari.Home.ThrowHeading ?></h2>
    <form method="post" action="/masakari/throw" id="throw-form" class="throw-form">
      <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
      <label for="github_id"><?cs var:Text.Masakari.Home.GithubId ?></label>
      <input id="github_id" name="github_id" type="text" maxlength="39" autocomplete="username" required
        pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}" value="<?cs var:Page.GithubId ?>"<?cs if:Page.GithubId ?> readonly<?cs /if ?>>
      <?cs if:!Page.GithubId ?><p class="form-hint" id="throw-enter-first"><?cs var:Text.Masakari.Home.EnterFirst ?> <a href="/"><?cs var:Text.Masakari.Home.Entrance ?></a></p><?cs /if ?>
      <label for="critique"><?cs var:Text.Masakari.Home.Critique ?></label>
      <textarea id="critique" name="critique" rows="5" maxlength="500" required
        placeholder="<?cs var:Text.Masakari.Home.Placeholder ?>"><?cs var:Form.Critique ?></textarea>
      <p class="form-problem" id="throw-problem" role="alert"<?cs if:!Form.Problem ?> hidden<?cs /if ?>><?cs var:Form.Problem ?><?cs if:Form.EarlierThrow ?> <a id="earlier-throw" href="/masakari/throws/<?cs var:Form.EarlierThrow ?>"><?cs var:fill(Text.Masakari.Home.EarlierThrow, Form.EarlierThrow) ?></a><?cs /if ?></p>
      <button type="submit" id="throw-button"><?cs var:Text.Masakari.Home.Submit ?></button>
      <p class="hint"><?cs var:Text.Masakari.Home.HintLength ?><?cs if:Masakari.IntervalSeconds > 0 ?> <?cs var:fill(Text.Masakari.Home.HintInterval, Masakari.IntervalSeconds) ?><?cs /if ?> <?cs var:fill(Text.Masakari.Home.HintAttack, Masakari.DurationSeconds) ?></p>
    </form>

    <section class="latest-words" aria-labelledby="words-heading">
      <h2 id="words-heading"><?cs var:Text.Masakari.Home.WordsHeading ?></h2>
      <?cs if:Latest.Reply ?>
      <blockquote class="server-words" id="latest-words"<?cs if:Latest.Lang ?> lang="<?cs var:Latest.Lang ?>"<?cs /if ?>><p><?cs var:fill(Text.Common.Quote, Latest.Reply) ?></p></blockquote>
      <p class="words-context">— <a href="/masakari/throws/<?cs var:Latest.Id ?>"><?cs var:fill(Text.Masakari.Home.WordsContext, Latest.GithubId) ?></a><?cs var:Text.Masakari.Home.WordsContextAfter ?></p>
      <?cs else ?>
      <p class="empty"><?cs var:Text.Masakari.Home.WordsEmpty ?></p>
      <?cs /if ?>
    </section>
  </section>

  <section class="target" aria-labelledby="target-heading">
    <h2 id="target-heading"><?cs var:Text.Masakari.Home.TargetHeading ?> <a href="/legacy/">/legacy/</a></h2>
    <div class="target-frame" id="target-frame">
      <iframe src="/legacy/" title="<?cs var:Text.Masakari.Home.TargetFrame ?>"></iframe>
      <img class="cracks" id="cracks" src="<?cs var:Site.Static ?>/img/masakari/cracks.svg" alt="">
      <img class="axe" id="axe" src="<?cs var:Site.Static ?>/img/masakari/axe.svg" alt="">
    </div>
    <p id="landed" class="landed" role="status" hidden></p>
  </section>
</div>

<section class="hp-history" aria-labelledby="history-heading">
  <h2 id="history-heading"><?cs var:Text.Masakari.Home.HistoryHeading ?></h2>
  <?cs include:"masakari/hp_chart.cs" ?>
</section>

<section class="recent" aria-labelledby="recent-heading">
  <h2 id="recent-heading"><?cs var:Text.Masakari.Home.RecentHeading ?></h2>
  <?cs if:subcount(Recent) > 0 ?>
  <table class="throws">
    <thead><tr><th>#</th><th><?cs var:Text.Masakari.Home.Thrower ?></th><th><?cs var:Text.Masakari.Home.CritiqueColumn ?></th><th><?cs var:Text.Masakari.Home.Score ?></th><th><?cs var:Text.Masakari.Home.Weakness ?></th><th><?cs var:Text.Masakari.Home.Power ?></th><th><?cs var:Text.Masakari.Home.Attack ?></th></tr></thead>
    <tbody>
    <?cs each:t = Recent ?>
      <tr>
        <td><a href="/masakari/throws/<?cs var:t.Id ?>"><?cs var:t.Id ?></a></td>
        <td>@<?cs var:t.GithubId ?></td>
        <td class="critique-cell"><?cs var:t.Critique ?></td>
        <td><?cs var:t.Score ?></td>
        <td><?cs if:t.Weakness ?><?cs call:text_of(t.Weakness, t.WeaknessEn) ?><?cs else ?><span class="miss"><?cs var:Text.Masakari.Home.Miss ?></span><?cs /if ?></td>
        <td><?cs var:t.Power ?></td>
        <td><?cs include:"masakari/status.cs" ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Masakari.Home.RecentEmpty ?></p>
  <?cs /if ?>
</section>
<?cs set:Page.Script = "masakari.js" ?><?cs set:Page.Modules.0 = "dom.js" ?><?cs
set:Page.Modules.1 = "hall-connection.js" ?><?cs set:Page.Modules.2 = "sound.js" ?><?cs
set:Page.Modules.3 = "storage.js" ?><?cs set:Page.Modules.4 = "text-catalog.js" ?><?cs
set:Page.Modules.5 = "text.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
