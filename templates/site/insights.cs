<?cs # insights.cs — "/operators/insights": the team's numbers (cgi-bin/site/insights.c).
     The charts are SVG drawn here from the geometry the program sets, as the
     HP chart is: no script; each has a table of the same numbers beside it. ?><?cs
set:Page.Title = Text.Site.Insights.Title ?><?cs set:Page.BodyClass = "insights-page" ?><?cs
# An hourly chart's heading, frame, axes and scale; its bars follow. ?><?cs
def:hour_chart_start(name, title, max) ?><h2 id="<?cs var:name ?>-heading"><?cs var:title ?></h2>
<figure class="insights-chart">
<svg viewBox="0 0 600 200" role="img" aria-labelledby="<?cs var:name ?>-heading <?cs var:name ?>-caption">
  <line class="axis" x1="40" y1="160" x2="590" y2="160"/>
  <line class="axis" x1="40" y1="10" x2="40" y2="160"/>
  <text class="tick" x="34" y="16" text-anchor="end"><?cs var:max ?></text>
  <text class="tick" x="34" y="160" text-anchor="end">0</text>
  <?cs /def ?><?cs
# An hour's label under its bars, on the hours that carry one. ?><?cs
def:hour_label(h) ?><?cs if:h.Tick ?><text class="tick" x="<?cs var:h.X ?>" y="178"><?cs var:h.Label ?></text><?cs /if ?><?cs /def ?><?cs
include:"layout/head.cs" ?>
<h1><?cs var:Text.Site.Insights.Title ?></h1>
<p><?cs var:Text.Site.Insights.Lead ?></p>
<p><a class="button" href="/operators/insights.csv" download><?cs var:Text.Site.Insights.Csv ?></a></p>
<ul class="insights-summary">
  <li class="insights-peak"><?cs if:Insights.Peak > 0 ?><?cs var:fill(Text.Site.Insights.Peak, number(Insights.Peak)) ?> <?cs var:fill(Text.Site.Insights.PeakAt, datetime(Insights.PeakAt)) ?><?cs else ?><?cs var:Text.Site.Insights.NoPeak ?><?cs /if ?></li>
  <li class="insights-longest"><?cs if:Insights.Longest ?><?cs var:fill(Text.Site.Insights.Longest, Insights.Longest) ?><?cs else ?><?cs var:Text.Site.Insights.NoLongest ?><?cs /if ?></li>
</ul>

<?cs call:hour_chart_start("hours", Text.Site.Insights.Hours, Insights.HoursMax) ?><?cs each:h = Insights.Hours ?><rect class="bar-visitors" x="<?cs var:h.X ?>" y="<?cs var:h.VY ?>" width="<?cs var:h.W ?>" height="<?cs var:h.VH ?>"/><rect class="bar-unique" x="<?cs var:h.X2 ?>" y="<?cs var:h.UY ?>" width="<?cs var:h.W ?>" height="<?cs var:h.UH ?>"/><?cs call:hour_label(h) ?>
  <?cs /each ?>
</svg>
<figcaption id="hours-caption"><span class="legend-visitors">■ <?cs var:Text.Site.Insights.Visitors ?></span> · <span class="legend-unique">■ <?cs var:Text.Site.Insights.Unique ?></span> — <?cs var:fill(Text.Site.Insights.HoursCaption, Insights.HoursMax) ?></figcaption>
</figure>

<?cs call:hour_chart_start("throws", Text.Site.Insights.ThrowsTitle, Insights.ThrowsMax) ?><?cs each:h = Insights.Hours ?><rect class="bar-throws" x="<?cs var:h.X ?>" y="<?cs var:h.TY ?>" width="<?cs var:h.TW ?>" height="<?cs var:h.TH ?>"/><?cs call:hour_label(h) ?>
  <?cs /each ?>
</svg>
<figcaption id="throws-caption"><?cs var:fill(Text.Site.Insights.ThrowsCaption, Insights.ThrowsMax) ?></figcaption>
</figure>

<table class="insights-table insights-hours">
  <caption><?cs var:Text.Site.Insights.Hours ?></caption>
  <thead><tr><th scope="col"><?cs var:Text.Site.Insights.Hour ?></th><th scope="col"><?cs var:Text.Site.Insights.Visitors ?></th><th scope="col"><?cs var:Text.Site.Insights.Unique ?></th><th scope="col"><?cs var:Text.Site.Insights.Throws ?></th></tr></thead>
  <tbody>
  <?cs each:h = Insights.Hours ?><tr><th scope="row"><?cs var:h.Hour ?></th><td><?cs var:h.Visitors ?></td><td><?cs var:h.Unique ?></td><td><?cs var:h.Throws ?></td></tr>
  <?cs /each ?></tbody>
</table>

<h2 id="exhibits-heading"><?cs var:Text.Site.Insights.Exhibits ?></h2>
<figure class="insights-chart">
<svg viewBox="0 0 600 <?cs var:Insights.ExhibitsHeight ?>" role="img" aria-labelledby="exhibits-heading exhibits-caption">
  <?cs each:e = Insights.Exhibits ?><text class="row-label" x="10" y="<?cs var:e.Y ?>"><?cs var:e.Title ?></text><rect class="bar-likes" x="10" y="<?cs var:e.BarY ?>" width="<?cs var:e.LikesW ?>" height="5"/><rect class="bar-visits" x="10" y="<?cs var:e.BarY2 ?>" width="<?cs var:e.VisitsW ?>" height="5"/><rect class="bar-minutes" x="10" y="<?cs var:e.BarY3 ?>" width="<?cs var:e.MinutesW ?>" height="5"/>
  <?cs /each ?>
</svg>
<figcaption id="exhibits-caption"><span class="legend-likes">■ <?cs var:Text.Site.Insights.Likes ?></span> · <span class="legend-visits">■ <?cs var:Text.Site.Insights.Visits ?></span> · <span class="legend-minutes">■ <?cs var:Text.Site.Insights.Minutes ?></span> — <?cs var:fill(Text.Site.Insights.ExhibitsCaption, Insights.NearPx) ?></figcaption>
</figure>
<table class="insights-table insights-exhibits">
  <caption><?cs var:Text.Site.Insights.Exhibits ?></caption>
  <thead><tr><th scope="col"><?cs var:Text.Site.Insights.Work ?></th><th scope="col"><?cs var:Text.Site.Insights.Likes ?></th><th scope="col"><?cs var:Text.Site.Insights.Visits ?></th><th scope="col"><?cs var:Text.Site.Insights.Minutes ?></th><th scope="col"><?cs var:Text.Site.Insights.Notes ?></th><th scope="col"><?cs var:Text.Site.Insights.TeamCol ?></th></tr></thead>
  <tbody>
  <?cs each:e = Insights.Exhibits ?><tr data-slug="<?cs var:e.Slug ?>"><th scope="row"><a href="/exhibits/<?cs var:url_escape(e.Slug) ?>"><?cs var:e.Title ?></a></th><td class="likes"><?cs var:e.Likes ?></td><td class="visits"><?cs var:e.Visits ?></td><td class="minutes"><?cs var:e.Minutes ?></td><td class="notes"><?cs var:e.Notes ?></td><td class="text team"><?cs var:e.Team ?></td></tr>
  <?cs /each ?></tbody>
</table>

<h2 id="teams"><?cs var:Text.Site.Insights.Teams ?></h2>
<p><?cs var:Text.Site.Insights.TeamsLead ?></p>
<form method="post" action="/operators/insights/team" class="team-form">
  <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
  <label><?cs var:Text.Site.Insights.TeamWork ?>
    <select name="slug"><?cs each:e = Insights.Exhibits ?><option value="<?cs var:e.Slug ?>"><?cs var:e.Title ?></option><?cs /each ?></select></label>
  <label><?cs var:Text.Site.Insights.TeamId ?>
    <input type="text" name="github_id" required maxlength="39" autocomplete="off" spellcheck="false"></label>
  <button type="submit"><?cs var:Text.Site.Insights.TeamAdd ?></button>
</form>
<?cs include:"layout/foot.cs" ?>
