<?cs # hall.cs — "/" with an ID: the exhibition hall. ?><?cs
set:Page.Title = "展示会場" ?><?cs set:Page.BodyClass = "hall-page" ?><?cs
include:"layout/head.cs" ?>
<section class="hall-intro">
  <h1>ようこそ、@<?cs var:Page.GithubId ?> さん</h1>
  <p>ハッカソンで暴れ回った私たちの過去作品の展示会場です。作品をクリックすると紹介ページが開きます。</p>
  <p class="hall-actions"><a href="/?change=1">ID を変える</a> · <a href="/masakari">まさかりを投げる</a></p>
</section>
<div id="hall" class="hall" data-user="<?cs var:Page.GithubId ?>">
<?cs include:"site/exhibit_cards.cs" ?>
</div>
<?cs include:"layout/foot.cs" ?>
