#!/usr/bin/env python3
# stray_text.py ROOT — prints each piece of text that a template under
# ROOT/templates prints itself instead of taking from a catalog (t0024).
import glob, html.parser, os, re, sys
root = sys.argv[1]
# Words that read the same in every language: the site's name, units, protocol names.
SAME = re.compile(r"^(ja|en)$|masakari exhibition|HTTP|UTC|HP|ms|p50|p90|p99|/legacy/\w*|#|@|·|–|—|/|\(|\)|,|:|\d+|\s+")
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for k, v in attrs:
            if k in ("title", "alt", "placeholder", "aria-label") and v:
                self.out.append(v)
    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)
for path in sorted(glob.glob(os.path.join(root, "templates", "**", "*.cs"), recursive=True)):
    text = open(path, encoding="utf-8").read()
    # What ClearSilver runs is not text: each <?cs … ?> becomes a marker.
    text = re.sub(r"<\?cs.*?\?>", "\x00", text, flags=re.S)
    p = P()
    p.feed(text)
    for fragment in p.out:
        for piece in fragment.split("\x00"):
            rest = SAME.sub("", piece.strip())
            if re.search(r"[A-Za-z]{2,}|[\u3040-\u30ff\u3400-\u9fff]", rest):
                print("%s: %s" % (os.path.relpath(path, root), piece.strip()))
