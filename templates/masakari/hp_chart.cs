<?cs # hp_chart.cs — the HP history as SVG drawn on the server (cgi-bin/masakari/hp_chart.c):
     no script, and presentation only through classes in masakari.css. ?>
<figure class="hp-chart">
<svg class="hp-svg" viewBox="0 0 600 200" role="img" aria-labelledby="hp-chart-caption">
  <rect class="plot" x="40" y="10" width="550" height="160"/>
  <line class="grid" x1="40" y1="<?cs var:Chart.MidY ?>" x2="590" y2="<?cs var:Chart.MidY ?>"/>
  <line class="danger" x1="40" y1="<?cs var:Chart.DangerY ?>" x2="590" y2="<?cs var:Chart.DangerY ?>"/>
  <text class="tick" x="34" y="14" text-anchor="end">100</text>
  <text class="tick" x="34" y="<?cs var:Chart.MidY ?>" text-anchor="end" dominant-baseline="middle">50</text>
  <text class="tick danger-label" x="34" y="<?cs var:Chart.DangerY ?>" text-anchor="end" dominant-baseline="middle">20</text>
  <text class="tick" x="34" y="174" text-anchor="end">0</text>
  <text class="tick" x="40" y="190">10 分前</text>
  <text class="tick" x="315" y="190" text-anchor="middle">5 分前</text>
  <text class="tick" x="590" y="190" text-anchor="end">いま</text>
  <?cs if:Chart.Samples > 0 ?>
  <?cs each:seg = Chart.Segments ?><polyline class="hp-trace" points="<?cs var:seg.Points ?>"/>
  <?cs /each ?><circle class="hp-now" cx="<?cs var:Chart.LastX ?>" cy="<?cs var:Chart.LastY ?>" r="4"/>
  <?cs else ?>
  <text class="chart-empty" x="315" y="95" text-anchor="middle">直近 10 分のサンプルがありません</text>
  <?cs /if ?>
</svg>
<figcaption id="hp-chart-caption"><?cs if:Chart.Samples > 0 ?>直近 10 分のサンプル <?cs var:Chart.Samples ?> 件: いまの HP <?cs var:Chart.LastHp ?>、最低 <?cs var:Chart.MinHp ?>。途切れている所はサンプルがない時間。<?cs else ?>直近 10 分の HP のサンプルがまだありません。ホールのデーモンが動いていれば 5 秒ごとに記録します。<?cs /if ?></figcaption>
</figure>
