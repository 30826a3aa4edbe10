<?cs # random.cs — "/legacy/random": the sorted numbers. ?><?cs
set:Page.Title = "ランダム" ?><?cs include:"legacy/head.cs" ?>
<h1>ソート結果</h1>
<p><?cs var:Legacy.Count ?> 個の数をバブルソートしました（<?cs var:Legacy.Rounds ?> 回、CPU <?cs var:Legacy.CpuMs ?> ms）。</p>
<pre id="sorted" class="sorted"><?cs var:Legacy.Sorted ?></pre>
<?cs include:"legacy/foot.cs" ?>
