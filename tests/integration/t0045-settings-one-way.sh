#!/usr/bin/env bash
# Every setting is read through struct settings (lib/settings.h): only
# lib/settings.c reads the configuration's values, with lib/config.c's
# getters, so the table's default and range are the ones in force and
# `masakarictl doctor` tells the truth. A getter called anywhere else fails
# here, and so do the two values whose copies once drifted from the table.
. "$(dirname "$0")/../lib.sh"
tag=one$RANDOM$RANDOM

# getter_calls DIR: each call of a config_* value getter in the C code under
# DIR, as file:line:text, outside lib/settings.c and lib/config.c (and the
# tests, whose tests/unit/test_config.c checks the getters themselves).
getter_calls() {
	(cd "$1" && find . \( -path ./tests -o -path ./build -o -path './build-*' -o -path ./var \
		-o -path ./bin -o -path './bin-*' -o -path ./.git -o -name node_modules \) -prune -o \
		\( -name '*.c' -o -name '*.h' \) -type f -print | sed 's|^\./||' |
		grep -vx -e 'lib/settings\.c' -e 'lib/config\.[ch]' | sort |
		xargs -r grep -nHE '\bconfig_(int|str|double)[[:space:]]*\(') || true
}

t "no config_int, config_str or config_double outside lib/settings.c and lib/config.c"
expect_eq "getters called elsewhere" "" "$(getter_calls "$ROOT")"
check "web_request carries the settings, not the raw configuration" \
	sh -c '! grep -nE "HDF \*config;" "$1/lib/web.h"' sh "$ROOT"

t "the check finds a getter planted in a program, and passes lib/settings.c"
mkdir -p "$TMP/tree/flooder" "$TMP/tree/lib" "$TMP/tree/tests/unit"
printf 'long n = config_int(cfg, "Flooder.PollMs", 250, 10, 250);\n' >"$TMP/tree/flooder/x.c"
printf 'v = config_str(cfg, s->name, s->def_str);\n' >"$TMP/tree/lib/settings.c"
printf 'config_double(cfg, "a", 0, 0, 1);\n' >"$TMP/tree/tests/unit/test_config.c"
expect_eq "only the planted one" "flooder/x.c:1:long n = config_int(cfg, \"Flooder.PollMs\", 250, 10, 250);" \
	"$(getter_calls "$TMP/tree")"

t "Retention.ChatDays = 5000 passes doctor, and the flooder keeps chat that young"
# The flooder's retention once had its own range (at most 3650 days) and
# quietly used 30 days instead of a value doctor accepted.
cp "$MASAKARI_CONFIG" "$TMP/days.hdf"
printf 'Retention.ChatDays = 5000\nIdentity.HoldDays = 0\n' >>"$TMP/days.hdf"
MASAKARI_CONFIG=$TMP/days.hdf "$ROOT/bin/masakarictl" doctor >"$TMP/doctor" 2>&1
check "doctor takes ChatDays 5000" sh -c '! grep -F "Retention.ChatDays" "$1" | grep -q FAIL' sh "$TMP/doctor"
check "doctor refuses HoldDays 0 with its range" \
	grep -qF 'FAIL config: Identity.HoldDays = "0" must be a whole number from 1 to 3650' "$TMP/doctor"
# The stack's scheduled flooder prunes chat by the stack's own setting (30
# days), and once did so between the lines going in and the count: the
# host's flooder slot is taken from it first, so that only the run below,
# with 5000 days, decides what stays.
. "$ROOT/tests/flooder/flooder.sh"
flooder_take_slot
# Ten lines 4000 days old, then fifty of today: the old ones are not among
# the newest 50 the hall keeps whatever their age.
chat_lines "$tag-old" 10 "4000 DAY"
chat_lines "$tag-new" 50 "0 DAY"
# An identity last used 40 days ago: past the hold the table says (30 days,
# what the site and the hall use when HoldDays is out of range), so it goes
# too; the flooder's own copy once took 0 as "keep for ever".
sql "INSERT INTO identities (github_id, secret_hash, claimed_at, last_seen)
     VALUES ('$tag', SHA2('$tag', 256), NOW() - INTERVAL 50 DAY, NOW() - INTERVAL 40 DAY)"
if MASAKARI_CONFIG=$TMP/days.hdf "$ROOT/bin/masakari-flooder" -s 1 >"$TMP/flooder.log" 2>&1; then
	pass
else
	fail "the flooder failed: $(tail -3 "$TMP/flooder.log")"
fi
expect_eq "4000-day-old lines kept" 10 \
	"$(sql "SELECT COUNT(*) FROM chat_messages WHERE github_id = '$tag-old'")"
expect_eq "the lapsed identity is pruned by the table's default hold" 0 \
	"$(sql "SELECT COUNT(*) FROM identities WHERE github_id = '$tag'")"

sql "DELETE FROM chat_messages WHERE github_id LIKE '$tag-%'; DELETE FROM identities WHERE github_id = '$tag'"
done_testing
