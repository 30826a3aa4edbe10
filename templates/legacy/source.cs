<?cs # source.cs — "/legacy/source": the legacy target's own code. ?><?cs
set:Page.Title = Text.Legacy.Source.Title ?><?cs include:"legacy/head.cs" ?>
<h1><?cs var:Text.Legacy.Source.Heading ?></h1>
<ul class="files">
<?cs each:f = Source.Files ?><li><a href="/legacy/source?file=<?cs var:url_escape(f) ?>"><?cs var:f ?></a></li>
<?cs /each ?></ul>
<?cs if:Source.Name ?>
<h2><?cs var:Source.Name ?></h2>
<pre class="source"><?cs var:Source.Text ?></pre>
<?cs /if ?>
<?cs include:"legacy/foot.cs" ?>
