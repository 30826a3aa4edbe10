#!/usr/bin/env bash
# run.sh — builds the libFuzzer targets (clang, ASan, UBSan) and runs each for
# SECONDS, two at a time, starting from its corpus in tests/fuzz/<target>/.
# Fails when a target crashes, leaks, trips a sanitizer or breaks one of its
# properties; the input that did it is kept under the run's directory and the
# command to replay it is printed.
#   tests/fuzz/run.sh SECONDS [TARGET...]     (`make test`: 30; `make fuzz`: 300)
#   FUZZ_MERGE=1 tests/fuzz/run.sh ...         also adds to tests/fuzz/<target>/
#                                              the inputs that reached new code
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	for f in tests/fuzz/fuzz_*.c; do
		t=${f#tests/fuzz/fuzz_}
		targets+=("${t%.c}")
	done
fi

make -s FUZZ=1 fuzz-targets >/dev/null || exit 1
mkdir -p var
out=$(mktemp -d "$ROOT/var/fuzz.XXXXXX")

# One target: new inputs go to a scratch directory first, so the checked-in
# corpus changes only through a merge. The programs' own log lines would flood
# the output: stderr is closed (-close_fd_mask=2) and the sanitizers and
# libFuzzer report on a copy of it, into the target's log.
fuzz_one() {
	local t=$1 dir=$out/$1 bin=$ROOT/bin-fuzz/fuzz/fuzz_$1
	local suppress=$ROOT/tests/fuzz/$1.lsan
	mkdir -p "$dir/new" "$ROOT/tests/fuzz/$t"
	(
		cd "$dir" || exit 1
		[ -f "$suppress" ] && export LSAN_OPTIONS=suppressions=$suppress
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
		"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
			-close_fd_mask=2 -print_final_stats=1 -artifact_prefix="$dir/" \
			"$dir/new" "$ROOT/tests/fuzz/$t" >"$dir/log" 2>&1
	)
	local rc=$?
	local runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
	local files=$(ls "$ROOT/tests/fuzz/$t" | wc -l)
	if [ $rc -ne 0 ]; then
		echo "FAIL fuzz_$t (exit $rc):"
		grep -E 'ERROR|SUMMARY|property failed|runtime error|#[0-9]+ 0x' "$dir/log" | head -20
		for a in "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*; do
			[ -e "$a" ] && echo "  replay: bin-fuzz/fuzz/fuzz_$t $a"
		done
		return 1
	fi
	if [ "${FUZZ_MERGE:-}" = 1 ]; then
		"$bin" -merge=1 -close_fd_mask=2 "$ROOT/tests/fuzz/$t" "$dir/new" >>"$dir/log" 2>&1
		files=$(ls "$ROOT/tests/fuzz/$t" | wc -l)
	fi
	echo "ok   fuzz_$t: ${runs:-?} executions in ${seconds} s, corpus $files files"
}

# Two at a time: the machine has two cores.
failed=0
pids=()
names=()
for t in "${targets[@]}"; do
	fuzz_one "$t" >"$out/$t.summary" 2>&1 &
	pids+=($!)
	names+=("$t")
	if [ ${#pids[@]} -eq 2 ]; then
		wait "${pids[0]}" || failed=1
		cat "$out/${names[0]}.summary"
		pids=("${pids[1]}")
		names=("${names[1]}")
	fi
done
for i in "${!pids[@]}"; do
	wait "${pids[$i]}" || failed=1
	cat "$out/${names[$i]}.summary"
done
if [ $failed -ne 0 ]; then
	echo "fuzzing found a problem; the inputs and logs are in $out"
	exit 1
fi
rm -rf "$out"
