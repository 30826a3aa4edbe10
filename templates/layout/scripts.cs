<?cs # scripts.cs — a page's script: Page.Script, an ES module in static/js, and
     every module it imports (Page.Modules.N), preloaded so they arrive together
     instead of one import level at a time. t4003 checks each page's list
     against the imports. ?><?cs
each:m = Page.Modules ?><link rel="modulepreload" href="<?cs var:Site.Static ?>/js/<?cs var:m ?>">
<?cs /each ?><?cs if:Page.Script ?><script type="module" src="<?cs var:Site.Static ?>/js/<?cs var:Page.Script ?>"></script>
<?cs /if ?>
