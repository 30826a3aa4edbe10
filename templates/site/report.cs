<?cs # report.cs — after "POST /report": the report is in the operators' queue. ?><?cs
set:Page.Title = Text.Site.Report.Title ?><?cs set:Page.BodyClass = "report-page" ?><?cs
include:"layout/head.cs" ?>
<section class="report-thanks" role="status">
  <h1><?cs var:Text.Site.Report.Heading ?></h1>
  <p><?cs var:fill(Text.Site.Report.Thanks, Report.Target) ?></p>
  <p><a href="/"><?cs var:Text.Common.BackToHall ?></a></p>
</section>
<?cs include:"layout/foot.cs" ?>
