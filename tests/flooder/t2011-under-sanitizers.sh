#!/usr/bin/env bash
# The flooder's main paths again (t2006: every error kind, cancelled transfers;
# t2008: release, then a full run and its report; t2013: a lease that cannot be
# renewed, a release that waits for the database, then a lost fence; t2014: the
# own HTTP client on every shape of answer), run by its AddressSanitizer and
# UndefinedBehaviorSanitizer build: a report (a leak at exit included) makes
# the flooder exit non-zero, which fails the test it runs in.
. "$(dirname "$0")/../lib.sh"

t "the sanitizer build"
# make test builds the sanitizer unit tests into the same build-san/ meanwhile:
# one make at a time in it.
mkdir -p "$ROOT/var"
check "builds" flock "$ROOT/var/build-san.lock" make -C "$ROOT" -s SAN=1 bin-san/masakari-flooder
export FLOODER_UNDER_TEST=$ROOT/bin-san/masakari-flooder
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

for name in dead-targets sigterm database-away-mid-job plain-http; do
	t "$name under ASan and UBSan"
	check "passes" bash "$(dirname "$0")"/t20[0-9][0-9]-$name.sh
done
done_testing
