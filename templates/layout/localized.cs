<?cs # localized.cs — a text stored in both languages (an exhibit's summary, a
     weakness's title), shown in the visitor's: the English where the page is
     English and one exists, else the Japanese; lang_of says which, for a lang
     attribute, so a Japanese fallback on an English page is marked as such. ?><?cs
def:lang_of(ja, en) ?><?cs if:Page.Lang == "en" && en ?>en<?cs else ?>ja<?cs /if ?><?cs /def ?><?cs
def:text_of(ja, en) ?><?cs if:Page.Lang == "en" && en ?><?cs var:en ?><?cs else ?><?cs var:ja ?><?cs /if ?><?cs /def ?>
