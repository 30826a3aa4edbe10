#!/usr/bin/env bash
# leaks.sh — the daemon and flooder suites, and one integration file for the
# FastCGI programs, with every masakari program of the test stack run under
# valgrind (memcheck, --leak-check=full). Fails when any process of theirs
# had a memory error or definitely lost memory; the reports are kept.
#   tests/leaks.sh [PATTERN...]     default: t30 (daemon) t20 (flooder) t0002
# The programs run through wrappers in a bin/ of this run's own, which the
# stack (STACK_BIN), the daemon tests' extra daemons and the flooder tests use.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
patterns=("$@")
[ ${#patterns[@]} -gt 0 ] || patterns=(t30 t20 t0002)

make -s programs >/dev/null || exit 1
mkdir -p var
out=$(mktemp -d "$ROOT/var/leaks.XXXXXX")
mkdir -p "$out/bin/tests" "$out/reports"
# 97: the exit status valgrind gives a program that had an error or a leak.
for prog in bin/masakari-halld bin/masakari-flooder bin/*.fcgi; do
	cat >"$out/bin/$(basename "$prog")" <<SH
#!/bin/sh
exec valgrind --quiet --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \\
	--error-exitcode=97 --log-file="$out/reports/%p.\$(basename "\$0").log" "$ROOT/$prog" "\$@"
SH
	chmod +x "$out/bin/$(basename "$prog")"
done
# Not wrapped: the command-line tool and the tests' own helpers.
ln -s "$ROOT/bin/masakarictl" "$out/bin/masakarictl"
for helper in bin/tests/*; do ln -s "$ROOT/$helper" "$out/bin/tests/"; done

failed=()
for p in "${patterns[@]}"; do
	STACK_BIN=$out/bin tests/run.sh "$p" || failed+=("$p")
done

# A report holds lines only when valgrind found something (--quiet).
bad=0
for r in "$out"/reports/*.log; do
	[ -s "$r" ] || continue
	if grep -qE 'definitely lost|Invalid|uninitialised|Mismatched|overlap' "$r"; then
		echo "valgrind: $(basename "$r"):"
		grep -E 'definitely lost|Invalid|uninitialised|Mismatched|overlap|^==[0-9]+==    (at|by) ' "$r" | head -20
		bad=$((bad + 1))
	fi
done
echo "valgrind: $(ls "$out"/reports | wc -l) processes checked, $bad with errors or definite leaks"
if [ $bad -gt 0 ] || [ ${#failed[@]} -gt 0 ]; then
	[ ${#failed[@]} -gt 0 ] && echo "FAILED under valgrind: ${failed[*]}"
	echo "(reports in $out/reports)"
	exit 1
fi
rm -rf "$out"
