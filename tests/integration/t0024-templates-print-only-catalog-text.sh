#!/usr/bin/env bash
# Templates print no text of their own: every word a person reads comes from
# the catalogs in lang/ (or from the data), and every catalog key a template
# names exists in both languages.
. "$(dirname "$0")/../lib.sh"

t "no template prints words that are in no catalog"
python3 "$ROOT/tests/integration/stray_text.py" "$ROOT" >"$TMP/stray"
if [ -s "$TMP/stray" ]; then fail "text in no catalog: $(head -5 "$TMP/stray" | tr '\n' '|')"; else pass; fi

t "every catalog key a template names is in both languages"
grep -rhoE 'Text\.[A-Za-z0-9.]+' "$ROOT/templates" | sed 's/\.$//' | sort -u >"$TMP/keys"
check "templates use the catalogs" test -s "$TMP/keys"
for l in ja en; do
	python3 - "$ROOT/lang/$l" "$TMP/keys" <<'PY' >"$TMP/missing-$l"
import glob, re, sys
have = set()
for path in glob.glob(sys.argv[1] + "/*.hdf"):
    stack = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line == "}":
            stack.pop()
            continue
        m = re.match(r"([A-Za-z0-9_.]+)\s*\{$", line)
        if m:
            stack.append(m.group(1))
            continue
        m = re.match(r"([A-Za-z0-9_.]+)\s*=", line)
        if m:
            have.add(".".join(stack + [m.group(1)]))
for key in open(sys.argv[2]).read().split():
    if key not in have:
        print(key)
PY
	if [ -s "$TMP/missing-$l" ]; then fail "keys missing in $l: $(head -5 "$TMP/missing-$l" | tr '\n' ' ')"; else pass; fi
done

t "masakarictl doctor checks the catalogs, and names a key missing from one language"
"$ROOT/bin/masakarictl" doctor >"$TMP/doctor" 2>&1
check "catalogs reported as agreeing" grep -q "catalogs: .* have the same keys" "$TMP/doctor"
cp -r "$ROOT/lang" "$TMP/lang"
sed -i '/^ *Footer = /d' "$TMP/lang/en/common.hdf"
sed "s|Lang = .*|Lang = $TMP/lang|" "$MASAKARI_CONFIG" >"$TMP/badlang.hdf"
doctor_fails "$TMP/badlang.hdf" "doctor says the catalogs differ" "catalogs: .* differ"

t "the check finds a stray word when there is one"
mkdir -p "$TMP/probe/templates" "$TMP/probe/lang"
printf '<p>Hello <?cs var:Text.Common.Footer ?></p>\n' >"$TMP/probe/templates/probe.cs"
python3 "$ROOT/tests/integration/stray_text.py" "$TMP/probe" >"$TMP/probe-out"
expect_eq "the probe's stray word" "templates/probe.cs: Hello" "$(cat "$TMP/probe-out")"

done_testing
