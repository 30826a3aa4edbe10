<?cs # lang_switch.cs — the language switch in every page's header: each
     language named in itself, the current one marked (lib/web.c sets the links). ?><nav class="lang-switch" aria-label="<?cs var:Text.Common.Switch.Label ?>"><?cs
  if:Page.Lang == "ja" ?><span aria-current="true" lang="ja"><?cs var:Text.Common.Switch.Ja ?></span><?cs
  else ?><a href="<?cs var:Page.LangSwitch.ja ?>" hreflang="ja" lang="ja" id="lang-ja"><?cs var:Text.Common.Switch.Ja ?></a><?cs /if ?>
  <?cs if:Page.Lang == "en" ?><span aria-current="true" lang="en"><?cs var:Text.Common.Switch.En ?></span><?cs
  else ?><a href="<?cs var:Page.LangSwitch.en ?>" hreflang="en" lang="en" id="lang-en"><?cs var:Text.Common.Switch.En ?></a><?cs /if ?></nav>
