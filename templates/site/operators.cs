<?cs # operators.cs — "/operators": the forms every act of the operators takes,
     the open reports, the last chat lines, the mutes and bans in force and the
     audit log (cgi-bin/site/operators.c). Every form posts to /operators with
     the CSRF token and an "action". ?><?cs
set:Page.Title = Text.Site.Operators.Title ?><?cs set:Page.BodyClass = "operators-page" ?><?cs
set:Page.Styles.0 = "operators.css" ?><?cs include:"layout/head.cs" ?><?cs
def:act_form_start(action) ?><form method="post" action="/operators" class="act-form"><input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><?cs /def ?><?cs
def:op_badge(flag) ?><?cs if:flag == 1 ?> <span class="operator-badge" title="<?cs var:Text.Common.Moderation.OperatorTitle ?>"><?cs var:Text.Common.Moderation.Operator ?></span><?cs /if ?><?cs /def ?>
<section class="operators-intro">
  <h1><?cs var:Text.Site.Operators.Heading ?></h1>
  <p><?cs var:fill(Text.Site.Operators.Lead, Page.GithubId) ?></p>
  <?cs if:Form.Problem ?><p class="form-problem" id="operators-problem" role="alert"><?cs var:Form.Problem ?></p><?cs /if ?>
  <?cs if:Form.Done ?><p class="form-done" id="operators-done" role="status"><?cs var:Form.Done ?></p><?cs /if ?>
</section>

<div class="operators-forms">
<section class="operators-box" aria-labelledby="announce-heading">
  <h2 id="announce-heading"><?cs var:Text.Site.Operators.AnnounceHeading ?></h2>
  <?cs call:act_form_start("announce") ?>
    <label for="announce-message"><?cs var:Text.Site.Operators.AnnounceLabel ?></label>
    <textarea id="announce-message" name="message" rows="2" maxlength="<?cs var:Operators.AnnounceMax ?>" required></textarea>
    <p class="hint"><?cs var:fill(Text.Site.Operators.AnnounceHint, Operators.AnnounceMinutes) ?></p>
    <button type="submit"><?cs var:Text.Site.Operators.AnnounceSubmit ?></button>
  </form>
</section>

<section class="operators-box" aria-labelledby="id-heading">
  <h2 id="id-heading"><?cs var:Text.Site.Operators.IdHeading ?></h2>
  <form method="post" action="/operators" class="act-form" id="act-on-id">
    <input type="hidden" name="csrf_token" value="<?cs var:Page.CsrfToken ?>">
    <label for="act-github-id"><?cs var:Text.Site.Operators.GithubId ?></label>
    <input id="act-github-id" name="github_id" type="text" maxlength="39" required autocomplete="off"
      pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}">
    <label for="act-action"><?cs var:Text.Site.Operators.ActionLabel ?></label>
    <select id="act-action" name="action">
      <option value="mute"><?cs var:Text.Site.Operators.Act.Mute ?></option>
      <option value="unmute"><?cs var:Text.Site.Operators.Act.Unmute ?></option>
      <option value="kick"><?cs var:Text.Site.Operators.Act.Kick ?></option>
      <option value="ban"><?cs var:Text.Site.Operators.Act.Ban ?></option>
      <option value="unban"><?cs var:Text.Site.Operators.Act.Unban ?></option>
    </select>
    <label for="act-minutes"><?cs var:Text.Site.Operators.MinutesLabel ?></label>
    <input id="act-minutes" name="minutes" type="number" min="1" max="<?cs var:Operators.MinutesMax ?>" value="10">
    <label for="act-hours"><?cs var:Text.Site.Operators.HoursLabel ?></label>
    <input id="act-hours" name="hours" type="number" min="0" max="<?cs var:Operators.HoursMax ?>">
    <label for="act-reason"><?cs var:Text.Site.Operators.ReasonLabel ?></label>
    <input id="act-reason" name="reason" type="text" maxlength="<?cs var:Operators.ReasonMax ?>">
    <p class="hint"><?cs var:Text.Site.Operators.IdHint ?></p>
    <button type="submit"><?cs var:Text.Site.Operators.IdSubmit ?></button>
  </form>
</section>

<section class="operators-box" aria-labelledby="address-heading">
  <h2 id="address-heading"><?cs var:Text.Site.Operators.AddressHeading ?></h2>
  <p class="warning" id="address-warning"><?cs var:Text.Site.Operators.AddressWarning ?></p>
  <?cs call:act_form_start("ban-address") ?>
    <label for="ban-address"><?cs var:Text.Site.Operators.AddressLabel ?></label>
    <input id="ban-address" name="address" type="text" maxlength="64" required autocomplete="off" aria-describedby="address-warning">
    <label for="ban-address-hours"><?cs var:Text.Site.Operators.HoursLabel ?></label>
    <input id="ban-address-hours" name="hours" type="number" min="0" max="<?cs var:Operators.HoursMax ?>">
    <label for="ban-address-reason"><?cs var:Text.Site.Operators.ReasonLabel ?></label>
    <input id="ban-address-reason" name="reason" type="text" maxlength="<?cs var:Operators.ReasonMax ?>">
    <button type="submit"><?cs var:Text.Site.Operators.AddressSubmit ?></button>
  </form>
  <h3><?cs var:Text.Site.Operators.UnbanAddressHeading ?></h3>
  <?cs call:act_form_start("unban-address") ?>
    <label for="unban-address"><?cs var:Text.Site.Operators.AddressLabel ?></label>
    <input id="unban-address" name="address" type="text" maxlength="64" required autocomplete="off">
    <button type="submit"><?cs var:Text.Site.Operators.Act.UnbanAddress ?></button>
  </form>
</section>

<section class="operators-box" aria-labelledby="line-heading">
  <h2 id="line-heading"><?cs var:Text.Site.Operators.LineHeading ?></h2>
  <?cs call:act_form_start("chat-delete") ?>
    <label for="line-id"><?cs var:Text.Site.Operators.LineLabel ?></label>
    <input id="line-id" name="line_id" type="number" min="1" required>
    <label for="line-reason"><?cs var:Text.Site.Operators.ReasonLabel ?></label>
    <input id="line-reason" name="reason" type="text" maxlength="<?cs var:Operators.ReasonMax ?>">
    <button type="submit"><?cs var:Text.Site.Operators.Act.ChatDelete ?></button>
  </form>
</section>
</div>

<section class="operators-list" id="reports" aria-labelledby="reports-heading">
  <h2 id="reports-heading"><?cs var:Text.Site.Operators.ReportsHeading ?></h2>
  <?cs if:subcount(Reports) > 0 ?>
  <table class="operators-table reports-table">
    <thead><tr><th>#</th><th><?cs var:Text.Site.Operators.When ?></th><th><?cs var:Text.Site.Operators.Reporter ?></th><th><?cs var:Text.Site.Operators.Target ?></th><th><?cs var:Text.Site.Operators.Line ?></th><th><?cs var:Text.Site.Operators.Reason ?></th><th><?cs var:Text.Site.Operators.Acts ?></th></tr></thead>
    <tbody>
    <?cs each:r = Reports ?>
      <tr class="report" data-report="<?cs var:r.Id ?>">
        <td><?cs var:r.Id ?></td>
        <td><?cs var:datetime(r.At) ?></td>
        <td class="whoami">@<?cs var:r.Reporter ?></td>
        <td class="whoami">@<?cs var:r.Target ?></td>
        <td class="critique-cell"><?cs if:r.LineId ?>#<?cs var:r.LineId ?> <?cs var:r.LineText ?><?cs /if ?></td>
        <td class="critique-cell"><?cs var:r.Reason ?></td>
        <td class="acts">
          <?cs if:r.LineId ?><?cs call:act_form_start("chat-delete") ?><input type="hidden" name="line_id" value="<?cs var:r.LineId ?>"><input type="hidden" name="report_id" value="<?cs var:r.Id ?>"><button type="submit"><?cs var:Text.Site.Operators.DeleteLine ?></button></form><?cs /if ?>
          <?cs call:act_form_start("mute") ?><input type="hidden" name="github_id" value="<?cs var:r.Target ?>"><input type="hidden" name="minutes" value="10"><input type="hidden" name="report_id" value="<?cs var:r.Id ?>"><button type="submit"><?cs var:Text.Site.Operators.Mute10 ?></button></form>
          <?cs call:act_form_start("ban") ?><input type="hidden" name="github_id" value="<?cs var:r.Target ?>"><input type="hidden" name="hours" value="24"><input type="hidden" name="report_id" value="<?cs var:r.Id ?>"><button type="submit"><?cs var:Text.Site.Operators.Ban24 ?></button></form>
          <?cs call:act_form_start("report-close") ?><input type="hidden" name="report_id" value="<?cs var:r.Id ?>"><button type="submit"><?cs var:Text.Site.Operators.Dismiss ?></button></form>
        </td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Site.Operators.ReportsEmpty ?></p>
  <?cs /if ?>
</section>

<section class="operators-list" id="chat" aria-labelledby="chat-heading">
  <h2 id="chat-heading"><?cs var:Text.Site.Operators.ChatHeading ?></h2>
  <?cs if:subcount(Chat) > 0 ?>
  <table class="operators-table chat-table">
    <thead><tr><th>#</th><th><?cs var:Text.Site.Operators.When ?></th><th><?cs var:Text.Site.Operators.Who ?></th><th><?cs var:Text.Site.Operators.Line ?></th><th><?cs var:Text.Site.Operators.Acts ?></th></tr></thead>
    <tbody>
    <?cs each:c = Chat ?>
      <tr class="chat-line" data-line="<?cs var:c.LineId ?>">
        <td><?cs var:c.LineId ?></td>
        <td><?cs var:datetime(c.At) ?></td>
        <td><span class="whoami">@<?cs var:c.GithubId ?></span><?cs call:op_badge(c.Operator) ?></td>
        <td class="critique-cell"><?cs var:c.Message ?></td>
        <td class="acts"><?cs if:c.LineId ?><?cs call:act_form_start("chat-delete") ?><input type="hidden" name="line_id" value="<?cs var:c.LineId ?>"><button type="submit"><?cs var:Text.Site.Operators.Delete ?></button></form><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Site.Operators.ChatEmpty ?></p>
  <?cs /if ?>
</section>

<section class="operators-list" id="sanctions" aria-labelledby="sanctions-heading">
  <h2 id="sanctions-heading"><?cs var:Text.Site.Operators.SanctionsHeading ?></h2>
  <?cs if:subcount(Sanctions) > 0 ?>
  <table class="operators-table sanctions-table">
    <thead><tr><th><?cs var:Text.Site.Operators.Kind ?></th><th><?cs var:Text.Site.Operators.Whom ?></th><th><?cs var:Text.Site.Operators.Until ?></th><th><?cs var:Text.Site.Operators.Reason ?></th><th><?cs var:Text.Site.Operators.Who ?></th><th><?cs var:Text.Site.Operators.When ?></th><th><?cs var:Text.Site.Operators.Acts ?></th></tr></thead>
    <tbody>
    <?cs each:s = Sanctions ?>
      <tr class="sanction" data-kind="<?cs var:s.Kind ?>">
        <td><?cs if:s.Kind == "ban" ?><?cs var:Text.Site.Operators.KindBan ?><?cs else ?><?cs var:Text.Site.Operators.KindMute ?><?cs /if ?></td>
        <td class="whoami"><?cs if:s.GithubId ?>@<?cs var:s.GithubId ?><?cs else ?><?cs var:s.Key ?><?cs /if ?></td>
        <td><?cs if:s.Until ?><?cs var:datetime(s.Until) ?><?cs else ?><?cs var:Text.Site.Operators.ForGood ?><?cs /if ?></td>
        <td class="critique-cell"><?cs var:s.Reason ?></td>
        <td class="whoami"><?cs var:s.By ?></td>
        <td><?cs var:datetime(s.At) ?></td>
        <td class="acts"><?cs if:s.GithubId ?><?cs if:s.Kind == "ban" ?><?cs call:act_form_start("unban") ?><?cs else ?><?cs call:act_form_start("unmute") ?><?cs /if ?><input type="hidden" name="github_id" value="<?cs var:s.GithubId ?>"><?cs else ?><?cs call:act_form_start("unban-address") ?><input type="hidden" name="address" value="<?cs var:s.Address ?>"><?cs /if ?><button type="submit"><?cs if:s.Kind == "ban" ?><?cs var:Text.Site.Operators.Act.Unban ?><?cs else ?><?cs var:Text.Site.Operators.Act.Unmute ?><?cs /if ?></button></form></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Site.Operators.SanctionsEmpty ?></p>
  <?cs /if ?>
</section>

<section class="operators-list" id="log" aria-labelledby="log-heading">
  <h2 id="log-heading"><?cs var:Text.Site.Operators.LogHeading ?></h2>
  <?cs if:subcount(Log) > 0 ?>
  <table class="operators-table log-table">
    <thead><tr><th><?cs var:Text.Site.Operators.When ?></th><th><?cs var:Text.Site.Operators.Who ?></th><th><?cs var:Text.Site.Operators.What ?></th><th><?cs var:Text.Site.Operators.Whom ?></th><th><?cs var:Text.Site.Operators.Detail ?></th><th><?cs var:Text.Site.Operators.Reason ?></th></tr></thead>
    <tbody>
    <?cs each:l = Log ?>
      <tr class="log-entry" data-action="<?cs var:l.Action ?>">
        <td><?cs var:datetime(l.At) ?></td>
        <td class="whoami"><?cs var:l.Actor ?></td>
        <td><?cs var:l.What ?></td>
        <td class="whoami"><?cs var:l.TargetText ?></td>
        <td class="critique-cell"><?cs var:l.DetailText ?></td>
        <td class="critique-cell"><?cs var:l.Reason ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty"><?cs var:Text.Site.Operators.LogEmpty ?></p>
  <?cs /if ?>
</section>
<?cs include:"layout/foot.cs" ?>
