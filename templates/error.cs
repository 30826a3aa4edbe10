<?cs # error.cs — every error page: the status, what happened, what to do. ?><?cs
set:Page.Title = Error.Status + " " + Error.Reason ?><?cs
include:"layout/head.cs" ?>
<section class="error">
  <h1><?cs var:Error.Status ?> <?cs var:Error.Reason ?></h1>
  <p class="error-message"><?cs var:Error.Message ?></p>
  <p><a href="/"><?cs var:Text.Common.BackToHall ?></a></p>
</section>
<?cs include:"layout/foot.cs" ?>
