<?cs # ranking.cs — "/masakari/ranking": the sharpest critics, the weaknesses
     found and who found each first; the unfound ones only as a count. ?><?cs
set:Page.Title = "まさかりランキング" ?><?cs set:Page.BodyClass = "masakari-page ranking-page" ?><?cs
set:Page.Styles.0 = "masakari.css" ?><?cs include:"layout/head.cs" ?>
<h1>まさかりランキング</h1>
<p><a href="/masakari">まさかりを投げに行く</a></p>

<section aria-labelledby="critics-heading">
  <h2 id="critics-heading">鋭い批評家</h2>
  <p class="hint">ダメージ = 投げたまさかりの攻撃力（リクエスト/秒）の合計。同じ弱点を突き直すと攻撃力は半分になる。採点方式: v1 は文全体の文字の類似度、v2 は単語ごとの比較（<span lang="en">scoring version: v1 whole strings, v2 word by word</span>）。投げたときの方式の点数のまま数える。</p>
  <?cs if:subcount(Critics) > 0 ?>
  <table class="ranking">
    <thead><tr><th>順位</th><th>批評家</th><th>ダメージ</th><th>投げた数</th><th>命中した弱点</th><th>第一発見</th><th>送ったリクエスト</th><th>採点方式</th></tr></thead>
    <tbody>
    <?cs each:c = Critics ?>
      <tr><td><?cs var:name(c) + 1 ?></td><td>@<?cs var:c.GithubId ?></td><td class="damage"><?cs var:c.Damage ?></td><td><?cs var:c.Throws ?></td><td><?cs var:c.Hits ?></td><td><?cs var:c.FirstFinds ?></td><td><?cs var:c.Sent ?></td><td class="scoring"><?cs var:c.Scoring ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty">まだ誰も投げていない。</p>
  <?cs /if ?>
</section>

<section aria-labelledby="found-heading">
  <h2 id="found-heading">見つかった弱点（<?cs var:Ranking.FoundCount ?>）</h2>
  <?cs if:subcount(Found) > 0 ?>
  <ol class="found">
    <?cs each:w = Found ?>
    <li><strong><?cs var:w.TitleJa ?></strong> <span lang="en">(<?cs var:w.TitleEn ?>)</span>
      <br>第一発見: @<?cs var:w.FoundBy ?>（<?cs var:w.FoundAt ?> UTC）、命中 <?cs var:w.Hits ?> 回、採点方式 v<?cs var:w.ScoringVersion ?>
      <p class="explanation"><?cs var:w.ExplanationJa ?></p></li>
    <?cs /each ?>
  </ol>
  <?cs else ?>
  <p class="empty">まだどの弱点も見つかっていない。</p>
  <?cs /if ?>
  <p class="unfound">まだ誰も見つけていない弱点: <strong id="unfound-count"><?cs var:Ranking.UnfoundCount ?></strong> 個</p>
</section>
<?cs include:"layout/foot.cs" ?>
