<?cs # ranking.cs — "/masakari/ranking": the sharpest critics, the weaknesses
     found and who found each first; the unfound ones only as a count. ?><?cs
set:Page.Title = Text.Masakari.Ranking.Title ?><?cs set:Page.BodyClass = "masakari-page ranking-page" ?><?cs
set:Page.Styles.0 = "masakari.css" ?><?cs include:"layout/localized.cs" ?><?cs
include:"layout/head.cs" ?>
<h1><?cs var:Text.Masakari.Ranking.Title ?></h1>
<p><a href="/masakari"><?cs var:Text.Masakari.Ranking.Throw ?></a></p>

<section aria-labelledby="critics-heading">
  <h2 id="critics-heading"><?cs var:Text.Masakari.Ranking.CriticsHeading ?></h2>
  <p class="hint"><?cs var:Text.Masakari.Ranking.CriticsHint ?></p>
  <?cs if:subcount(Critics) > 0 ?>
  <table class="ranking">
    <thead><tr><th><?cs var:Text.Masakari.Ranking.Rank ?></th><th><?cs var:Text.Masakari.Ranking.Critic ?></th><th><?cs var:Text.Masakari.Ranking.Damage ?></th><th><?cs var:Text.Masakari.Ranking.Throws ?></th><th><?cs var:Text.Masakari.Ranking.Hits ?></th><th><?cs var:Text.Masakari.Ranking.FirstFinds ?></th><th><?cs var:Text.Masakari.Ranking.Sent ?></th><th><?cs var:Text.Masakari.Ranking.Scoring ?></th></tr></thead>
    <tbody>
    <?cs each:c = Critics ?>
      <tr><td><?cs var:name(c) + 1 ?></td><td>@<?cs var:c.GithubId ?><?cs if:c.Verified == "1" ?> <span class="verified" title="<?cs var:Text.Site.Login.VerifiedTitle ?>"><?cs var:Text.Site.Login.Verified ?></span><?cs /if ?></td><td class="damage"><?cs var:c.Damage ?></td><td><?cs var:c.Throws ?></td><td><?cs var:c.Hits ?></td><td><?cs var:c.FirstFinds ?></td><td><?cs var:number(c.Sent) ?></td><td class="scoring"><?cs var:c.Scoring ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Masakari.Ranking.CriticsEmpty ?></p>
  <?cs /if ?>
</section>

<section aria-labelledby="found-heading">
  <h2 id="found-heading"><?cs var:fill(Text.Masakari.Ranking.FoundHeading, Ranking.FoundCount) ?></h2>
  <?cs if:subcount(Found) > 0 ?>
  <ol class="found">
    <?cs each:w = Found ?>
    <li><strong lang="<?cs call:lang_of(w.TitleJa, w.TitleEn) ?>"><?cs call:text_of(w.TitleJa, w.TitleEn) ?></strong>
      <br><?cs var:fill3(Text.Masakari.Ranking.FoundBy, w.FoundBy, datetime(w.FoundAt), w.Hits) ?><?cs var:fill(Text.Masakari.Ranking.FoundScoring, w.ScoringVersion) ?>
      <p class="explanation" lang="<?cs call:lang_of(w.ExplanationJa, w.ExplanationEn) ?>"><?cs call:text_of(w.ExplanationJa, w.ExplanationEn) ?></p></li>
    <?cs /each ?>
  </ol>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Masakari.Ranking.FoundEmpty ?></p>
  <?cs /if ?>
  <p class="unfound"><?cs var:Text.Masakari.Ranking.Unfound ?> <strong id="unfound-count"><?cs var:Ranking.UnfoundCount ?></strong></p>
</section>
<?cs include:"layout/foot.cs" ?>
