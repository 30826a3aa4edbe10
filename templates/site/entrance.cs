<?cs # entrance.cs — "/" without an ID: the GitHub ID form. ?><?cs
set:Page.Title = "入口" ?><?cs set:Page.BodyClass = "entrance" ?><?cs
include:"layout/head.cs" ?>
<section class="entrance-card">
  <h1>masakari exhibition</h1>
  <p>GitHub の ID を入れて展示会場に入ろう。あなたのアイコンが会場を歩き回ります。</p>
  <form method="post" action="/" class="entrance-form">
    <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
    <label for="github_id">GitHub ID</label>
    <input id="github_id" name="github_id" type="text" maxlength="39" autocomplete="username"
      autofocus required pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
      value="<?cs var:Form.GithubId ?>"<?cs if:Form.Problem ?> aria-invalid="true" aria-describedby="github_id_problem"<?cs /if ?>>
    <?cs if:Form.Problem ?><p class="form-problem" id="github_id_problem" role="alert"><?cs var:Form.Problem ?></p><?cs /if ?>
    <button type="submit">入場する</button>
  </form>
  <p class="hint">英数字とハイフン（連続・先頭・末尾は不可）、39 文字まで。</p>
</section>
<?cs set:Page.Script = "entrance.js" ?><?cs set:Page.Modules.0 = "storage.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
