#!/usr/bin/env bash
# One settings table (lib/settings.h): `masakarictl settings` prints it, the
# example configuration etc/masakari.hdf.in has every setting with the
# table's line of doc as its comment, the ansible template sets only keys the
# table knows, and `masakarictl doctor` reports every setting and refuses a
# bad value with its range.
. "$(dirname "$0")/../lib.sh"

ctl=$ROOT/bin/masakarictl

# Each key of an HDF file, with the comment lines just above it:
#   NAME <tab> kind (key | section | looped) <tab> comments joined by " | "
# A key written by a template loop ({{ … }} = …) marks its section "looped".
hdf_entries() {
	awk '
		/^[[:space:]]*\{%/ { next }
		/^[[:space:]]*#/ { c = $0; sub(/^[[:space:]]*#[[:space:]]?/, "", c); doc = doc (doc == "" ? "" : " | ") c; next }
		/^[[:space:]]*$/ { doc = ""; next }
		/^[[:space:]]*\}/ { n--; doc = ""; next }
		{
			p = ""; for (i = 1; i <= n; i++) p = p path[i] "."
		}
		/\{[[:space:]]*$/ && !/\{\{/ {
			k = $0; sub(/[[:space:]]*\{[[:space:]]*$/, "", k); gsub(/^[[:space:]]+/, "", k)
			path[++n] = k; printf "%s%s\tsection\t%s\n", p, k, doc; doc = ""; next
		}
		/=/ {
			k = $0; sub(/[[:space:]]*=.*/, "", k); gsub(/^[[:space:]]+/, "", k)
			if (k ~ /\{\{/) { printf "%s\tlooped\t\n", substr(p, 1, length(p) - 1) }
			else printf "%s%s\tkey\t%s\n", p, k, doc
			doc = ""
		}' "$1"
}

"$ctl" settings >"$TMP/table"
cut -f1 "$TMP/table" >"$TMP/names"
# LIST settings: their children are values, not settings.
awk -F'\t' '$2 == "list" { print $1 }' "$TMP/table" >"$TMP/lists"

t "masakarictl settings prints the table: name, type, default, range, doc"
check "exit 0" sh -c "\"\$1\" settings >/dev/null" sh "$ctl"
check "dozens of settings" test "$(wc -l <"$TMP/names")" -ge 40
check "names are unique" test -z "$(sort "$TMP/names" | uniq -d)"
check "every row has five columns and a doc" \
	awk -F'\t' 'NF != 5 || $5 == "" { bad = 1 } END { exit bad }' "$TMP/table"
check "every number has a range" \
	awk -F'\t' '($2 == "int" || $2 == "number") && $4 !~ /^[-0-9.e+]+-[-0-9.e+]+$/ { bad = 1 } END { exit bad }' "$TMP/table"
expect_eq "Flooder.PollMs" "Flooder.PollMs	int	250	10-250" \
	"$(grep -P '^Flooder\.PollMs\t' "$TMP/table" | cut -f1-4)"

in_list() { # NAME: it is a LIST setting or one of its values
	local l
	while read -r l; do
		[ "$1" = "$l" ] || [ "${1#"$l".}" != "$1" ] && return 0
	done <"$TMP/lists"
	return 1
}

t "etc/masakari.hdf.in has every setting of the table, each with its doc as a comment"
hdf_entries "$ROOT/etc/masakari.hdf.in" >"$TMP/example"
while IFS= read -r row; do
	name=$(cut -f1 <<<"$row")
	doc=$(cut -f5 <<<"$row")
	line=$(awk -F'\t' -v n="$name" '$1 == n' "$TMP/example")
	if [ -z "$line" ]; then
		fail "$name is not in etc/masakari.hdf.in"
		continue
	fi
	comments=$(cut -f3 <<<"$line")
	case " | $comments | " in
	*" | $doc. | "*) pass ;;
	*) fail "$name: the comment above it is not the table's doc \"$doc.\" (got \"$comments\")" ;;
	esac
done <"$TMP/table"

t "etc/masakari.hdf.in has no key the table does not know"
while IFS=$'\t' read -r name kind _; do
	[ "$kind" = key ] || continue
	in_list "$name" && continue
	check "$name is in the table" grep -qxF -- "$name" "$TMP/names"
done <"$TMP/example"

t "the ansible template sets only keys the table knows, lists and loops included"
hdf_entries "$ROOT/ansible/roles/app/templates/masakari.hdf.j2" >"$TMP/template"
check "the template has keys" test "$(grep -c $'\tkey\t' "$TMP/template")" -ge 30
while IFS=$'\t' read -r name kind _; do
	case $kind in
	key) in_list "$name" || check "$name is in the table" grep -qxF -- "$name" "$TMP/names" ;;
	# A loop writes the children of a section: some setting lives under it.
	looped) in_list "$name" || check "$name (a loop) holds settings" grep -q "^$name\." "$TMP/names" ;;
	esac
done <"$TMP/template"

t "the test's reader fails a key the table does not know and a wrong comment"
printf 'Flooder {\n  # Not the doc.\n  PollMs = 250\n  Bogus = 1\n}\n' >"$TMP/bad.hdf"
hdf_entries "$TMP/bad.hdf" >"$TMP/bad"
expect_eq "the comment is read" "Not the doc." "$(awk -F'\t' '$1 == "Flooder.PollMs" { print $3 }' "$TMP/bad")"
check "Flooder.Bogus is not in the table" sh -c "! grep -qxF Flooder.Bogus '$TMP/names'"

t "doctor reports every setting of the table"
"$ctl" doctor >"$TMP/doctor" 2>&1
while read -r name; do
	check "doctor names $name" grep -qF "config: $name = " "$TMP/doctor"
done <"$TMP/names"
check "the database password is not shown" grep -qF "config: DB.Password = (set, not shown)" "$TMP/doctor"
check "no password in the output" sh -c "! grep -qF \"\$(cat '$STACK_VAR/db-password' 2>/dev/null || echo no-such-password)\" '$TMP/doctor'"

t "doctor refuses hostile values with the setting's range"
sed -e 's|^\(  PollMs = \).*|\1999999999999999999999|' \
	-e 's|^\(  WordThreshold = \).*|\1nan|' \
	-e "s|^\(  IntervalMs = \).*|\11000'; DROP TABLE throws; --|" \
	-e 's|^\(  ConnectTimeout = \).*|\1２|' \
	"$MASAKARI_CONFIG" >"$TMP/hostile.hdf"
MASAKARI_CONFIG=$TMP/hostile.hdf "$ctl" doctor >"$TMP/out" 2>&1
check "non-zero exit" test $? -ne 0
check "an overflowing integer" grep -qF 'FAIL config: Flooder.PollMs = "999999999999999999999" must be a whole number from 10 to 250' "$TMP/out"
check "NaN" grep -qF 'FAIL config: Masakari.WordThreshold = "nan" must be a number from 0 to 1' "$TMP/out"
check "SQL in a number" grep -qF "FAIL config: Status.IntervalMs = \"1000'; DROP TABLE throws; --\" must be a whole number from 100 to 60000" "$TMP/out"
check "a full-width digit" grep -qF 'FAIL config: DB.ConnectTimeout = "２" must be a whole number from 1 to 60' "$TMP/out"
check "the database is still there" sql "SELECT COUNT(*) FROM throws" >/dev/null

done_testing
