<?cs # entrance.cs — "/" without an ID: the GitHub ID form. ?><?cs
set:Page.Title = Text.Site.Entrance.Title ?><?cs set:Page.BodyClass = "entrance" ?><?cs
include:"layout/head.cs" ?>
<section class="entrance-card">
  <h1>masakari exhibition</h1>
  <p><?cs var:Text.Site.Entrance.Lead ?></p>
  <form method="post" action="/" class="entrance-form">
    <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
    <label for="github_id"><?cs var:Text.Site.Entrance.Label ?></label>
    <input id="github_id" name="github_id" type="text" maxlength="39" autocomplete="username"
      autofocus required pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
      value="<?cs var:Form.GithubId ?>"<?cs if:Form.Problem ?> aria-invalid="true" aria-describedby="github_id_problem"<?cs /if ?>>
    <?cs if:Form.Problem ?><p class="form-problem" id="github_id_problem" role="alert"><?cs var:Form.Problem ?></p><?cs /if ?>
    <?cs if:Form.HowBack ?><p class="form-hint" id="github_id_back"><?cs var:Form.HowBack ?></p><?cs /if ?>
    <button type="submit"><?cs var:Text.Site.Entrance.Submit ?></button>
  </form>
  <p class="hint"><?cs var:Text.Site.Entrance.Hint ?></p>
  <?cs if:Form.SignIn ?><form method="post" action="/login/github" class="sign-in">
    <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
    <button type="submit" id="sign-in-github"><?cs var:Text.Site.Login.SignIn ?></button> <?cs var:Text.Site.Login.SignInHint ?>
  </form><?cs /if ?>
</section>
<?cs set:Page.Script = "entrance.js" ?><?cs set:Page.Modules.0 = "storage.js" ?><?cs
include:"layout/scripts.cs" ?><?cs include:"layout/foot.cs" ?>
