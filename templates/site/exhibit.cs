<?cs # exhibit.cs — "/exhibits/<slug>": one work. Unknown facts are left out;
     each text is in the visitor's language where it exists, else in Japanese,
     marked so (layout/localized.cs). ?><?cs
set:Page.Title = Exhibit.Title ?><?cs set:Page.BodyClass = "exhibit-page" ?><?cs
include:"layout/localized.cs" ?><?cs include:"layout/head.cs" ?>
<article class="exhibit">
  <img class="exhibit-image" src="<?cs var:Site.Static ?>/<?cs var:Exhibit.Image ?>" alt="<?cs var:Exhibit.Title ?>" width="640" height="400">
  <h1 class="exhibit-heading" lang="<?cs var:Exhibit.TitleLang ?>"><?cs var:Exhibit.Title ?></h1>
  <?cs if:Exhibit.Summary ?><p class="exhibit-summary" lang="<?cs call:lang_of(Exhibit.Summary, Exhibit.SummaryEn) ?>"><?cs call:text_of(Exhibit.Summary, Exhibit.SummaryEn) ?></p><?cs /if ?>
  <?cs if:Exhibit.Description ?><div class="exhibit-description" lang="<?cs call:lang_of(Exhibit.Description, Exhibit.DescriptionEn) ?>"><p><?cs call:text_of(Exhibit.Description, Exhibit.DescriptionEn) ?></p></div><?cs /if ?>
  <?cs if:!Exhibit.Summary && !Exhibit.Description ?><p class="exhibit-unknown"><?cs var:Text.Site.Exhibit.Unknown ?></p><?cs /if ?>
  <dl class="exhibit-facts">
    <?cs if:Exhibit.Event ?><dt><?cs var:Text.Site.Exhibit.Event ?></dt><dd lang="<?cs call:lang_of(Exhibit.Event, Exhibit.EventEn) ?>"><?cs call:text_of(Exhibit.Event, Exhibit.EventEn) ?></dd><?cs /if ?>
    <?cs if:Exhibit.Team ?><dt><?cs var:Text.Site.Exhibit.Team ?></dt><dd lang="<?cs call:lang_of(Exhibit.Team, Exhibit.TeamEn) ?>"><?cs call:text_of(Exhibit.Team, Exhibit.TeamEn) ?></dd><?cs /if ?>
    <?cs if:subcount(Exhibit.Stack) > 0 ?><dt><?cs var:Text.Site.Exhibit.Stack ?></dt><dd><ul class="exhibit-stack"><?cs each:s = Exhibit.Stack ?><li lang="<?cs call:lang_of(s, s.En) ?>"><?cs call:text_of(s, s.En) ?></li><?cs /each ?></ul></dd><?cs /if ?>
    <?cs if:subcount(Exhibit.Links) > 0 ?><dt><?cs var:Text.Site.Exhibit.Links ?></dt><dd><ul class="exhibit-links"><?cs each:l = Exhibit.Links ?><li><a href="<?cs var:l.Url ?>" rel="noopener" lang="<?cs call:lang_of(l.Label, l.LabelEn) ?>"><?cs call:text_of(l.Label, l.LabelEn) ?></a></li><?cs /each ?></ul></dd><?cs /if ?>
  </dl>
  <p class="exhibit-go"><a class="button" href="/exhibits/<?cs var:url_escape(Exhibit.Slug) ?>/go"><?cs var:Text.Site.Exhibit.Go ?></a></p>
</article>
<?cs include:"layout/foot.cs" ?>
