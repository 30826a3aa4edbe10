<?cs # random.cs — "/legacy/random": the sorted numbers. ?><?cs
set:Page.Title = Text.Legacy.Random.Title ?><?cs include:"legacy/head.cs" ?>
<h1><?cs var:Text.Legacy.Random.Heading ?></h1>
<p><?cs var:fill3(Text.Legacy.Random.Summary, Legacy.Count, Legacy.Rounds, Legacy.CpuMs) ?></p>
<pre id="sorted" class="sorted"><?cs var:Legacy.Sorted ?></pre>
<?cs include:"legacy/foot.cs" ?>
