<?cs # hp_chart.cs — the HP history as SVG drawn on the server (cgi-bin/masakari/hp_chart.c):
     no script, and presentation only through classes in masakari.css. The
     last ten minutes unless the page names the window's ends and caption
     (Chart.Left, Chart.Right, Chart.Caption, Chart.CaptionEmpty). ?>
<figure class="hp-chart">
<svg class="hp-svg" viewBox="0 0 600 200" role="img" aria-labelledby="hp-chart-caption">
  <rect class="plot" x="40" y="10" width="550" height="160"/>
  <line class="grid" x1="40" y1="<?cs var:Chart.MidY ?>" x2="590" y2="<?cs var:Chart.MidY ?>"/>
  <line class="danger" x1="40" y1="<?cs var:Chart.DangerY ?>" x2="590" y2="<?cs var:Chart.DangerY ?>"/>
  <text class="tick" x="34" y="14" text-anchor="end">100</text>
  <text class="tick" x="34" y="<?cs var:Chart.MidY ?>" text-anchor="end" dominant-baseline="middle">50</text>
  <text class="tick danger-label" x="34" y="<?cs var:Chart.DangerY ?>" text-anchor="end" dominant-baseline="middle">20</text>
  <text class="tick" x="34" y="174" text-anchor="end">0</text>
  <?cs if:?Chart.Left ?>
  <text class="tick" x="40" y="190"><?cs var:Chart.Left ?></text>
  <text class="tick" x="590" y="190" text-anchor="end"><?cs var:Chart.Right ?></text>
  <?cs else ?>
  <text class="tick" x="40" y="190"><?cs var:Text.Masakari.Chart.TenMinutes ?></text>
  <text class="tick" x="315" y="190" text-anchor="middle"><?cs var:Text.Masakari.Chart.FiveMinutes ?></text>
  <text class="tick" x="590" y="190" text-anchor="end"><?cs var:Text.Masakari.Chart.Now ?></text>
  <?cs /if ?>
  <?cs if:Chart.Samples > 0 ?>
  <?cs each:seg = Chart.Segments ?><polyline class="hp-trace" points="<?cs var:seg.Points ?>"/>
  <?cs /each ?><circle class="hp-now" cx="<?cs var:Chart.LastX ?>" cy="<?cs var:Chart.LastY ?>" r="4"/>
  <?cs else ?>
  <text class="chart-empty" x="315" y="95" text-anchor="middle"><?cs var:Text.Masakari.Chart.Empty ?></text>
  <?cs /if ?>
</svg>
<figcaption id="hp-chart-caption"><?cs if:?Chart.Caption ?><?cs var:Chart.Caption ?><?cs elif:Chart.Samples > 0 ?><?cs var:fill3(Text.Masakari.Chart.Caption, Chart.Samples, Chart.LastHp, Chart.MinHp) ?><?cs else ?><?cs var:Text.Masakari.Chart.CaptionEmpty ?><?cs /if ?></figcaption>
</figure>
