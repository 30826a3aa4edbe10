<?cs # front.cs — "/legacy/": the legacy target's front page. ?><?cs
set:Page.Title = Text.Legacy.Front.Title ?><?cs include:"legacy/head.cs" ?>
<h1 class="shout"><?cs var:Text.Legacy.Front.Shout ?></h1>
<p><?cs var:Text.Legacy.Front.Lead ?></p>
<h2><?cs var:Text.Legacy.Front.Ingredients ?></h2>
<ul>
<li><?cs var:Text.Legacy.Front.Language ?></li>
<li><?cs var:Text.Legacy.Front.Web ?></li>
<li><?cs var:Text.Legacy.Front.Templates ?></li>
<li><?cs var:Text.Legacy.Front.Database ?></li>
<li><?cs var:Text.Legacy.Front.Flooder ?></li>
<li><?cs var:Text.Legacy.Front.Server ?></li>
</ul>
<h2><?cs var:Text.Legacy.Front.Speciality ?></h2>
<p><a href="/legacy/random">/legacy/random</a> <?cs var:Text.Legacy.Front.Random ?></p>
<h2><?cs var:Text.Legacy.Front.SourceHeading ?></h2>
<p><a href="/legacy/source"><?cs var:Text.Legacy.Front.ReadSource ?></a><?cs if:Legacy.RepositoryUrl ?> / <a href="<?cs var:Legacy.RepositoryUrl ?>"><?cs var:Text.Legacy.Front.Repository ?></a><?cs /if ?></p>
<p><a href="/masakari"><?cs var:Text.Legacy.Front.Throw ?></a></p>
<?cs include:"legacy/foot.cs" ?>
