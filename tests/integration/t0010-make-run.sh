#!/usr/bin/env bash
# `make run` (scripts/run.sh) as a person uses it: Ctrl-C stops every process
# it started, also when its output goes through a pipe whose reader died of
# the same Ctrl-C; data stays for the next run; and a run killed outright
# leaves nothing that stops the next one from starting.
# timeout: 400
. "$(dirname "$0")/../lib.sh"

# A checkout of its own (links to this one), so that its var/ is not the one
# a developer's `make run` keeps its data in.
co=$TMP/checkout
mkdir -p "$co"
# Run as root, `make run` serves static/ with nginx workers that are not root
# (www-data): they must be able to reach the checkout, as in a real one.
chmod 755 "$TMP" "$co"
for part in bin etc lang scripts sql static templates; do ln -s "$ROOT/$part" "$co/$part"; done
trap 'STACK_VAR=$co/var stack_stop 2>/dev/null; rm -rf "$TMP"' EXIT
port=$(stack_free_port)
BASE=http://127.0.0.1:$port
STACK_VAR=$co/var
# Job control: each run is a process group of its own, as in a terminal, and
# does not start with SIGINT ignored as background jobs of a script otherwise do.
set -m

run_started() { # OUTPUT: the run says it is up, and the site answers
	for _ in $(seq 900); do
		grep -q "masakari exhibition is running" "$1" 2>/dev/null &&
			[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/exhibits/red")" = 200 ] &&
			return 0
		sleep 0.2
	done
	return 1
}
alive() { # how many of the recorded processes are still running
	local n=0 name pid
	while read -r name pid; do kill -0 "$pid" 2>/dev/null && n=$((n + 1)); done <"$TMP/pids"
	echo "$n"
}
wait_all_gone() {
	for _ in $(seq 200); do
		[ "$(alive)" = 0 ] && return 0
		sleep 0.1
	done
	return 1
}

t "make run starts MariaDB, the programs, the hall daemon, the flooder and nginx"
"$co/scripts/run.sh" "$port" 2>&1 | cat >"$TMP/out1" &
job=$!
check "the site answers on its port" run_started "$TMP/out1"
cp "$co/var/pids" "$TMP/pids"
for name in mariadb site.fcgi legacy.fcgi api.fcgi masakari.fcgi halld nginx flooder-cron; do
	check "$name was started" grep -q "^$name " "$TMP/pids"
done
get /exhibits/red/go
expect_status 302

t "the configuration, which holds the database password, is readable by its owner only"
expect_eq "mode of var/masakari.hdf" 600 "$(stat -c %a "$co/var/masakari.hdf")"
t "run as root, nginx's workers are not root"
if [ "$(id -u)" -eq 0 ]; then
	master=$(awk '$1 == "nginx" {print $2}' "$co/var/pids")
	workers=$(pgrep -P "$master" -f "nginx: worker process" | tr '\n' ' ')
	check "nginx has workers" test -n "$workers"
	for w in $workers; do expect_eq "user of worker $w" www-data "$(ps -o user= -p "$w")"; done
else
	pass
fi
t "the flooder's lock is in the run's own directory, not a world-writable one"
check "var/run/flooder.lock" test -e "$co/var/run/flooder.lock"

t "Ctrl-C stops every process it started, even with its output piped to a reader that died of it"
kill -INT -- "-$(ps -o pgid= "$job" | tr -d ' ')"
check "every process is gone within 20 s" wait_all_gone
check "the port is free again" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null"
wait "$job" 2>/dev/null

t "a second run keeps the data of the first"
"$co/scripts/run.sh" "$port" >"$TMP/out2" 2>&1 &
job=$!
check "the site answers again" run_started "$TMP/out2"
expect_eq "the visit counted in the first run" 1 "$(sql "SELECT visits FROM exhibits WHERE slug = 'red'")"
cp "$co/var/pids" "$TMP/pids"

t "a run killed with SIGKILL leaves processes, and the next run stops them and starts"
kill -9 "$job"
wait "$job" 2>/dev/null
check "its processes outlive it" bash -c "[ $(alive) -gt 0 ]"
"$co/scripts/run.sh" "$port" >"$TMP/out3" 2>&1 &
job=$!
check "the next run answers on the same port" run_started "$TMP/out3"
check "none of the old processes is left" wait_all_gone
check "it said nothing about a busy port" bash -c "! grep -q 'already in use' '$TMP/out3'"
cp "$co/var/pids" "$TMP/pids"
kill -TERM "$job"
check "kill (SIGTERM) stops it too" wait_all_gone

t "a stop asked for during start-up leaves nothing behind"
"$co/scripts/run.sh" "$port" >"$TMP/out4" 2>&1 &
job=$!
# Until nginx, the last to answer, is up: the stop comes in the middle of it.
for _ in $(seq 300); do
	grep -q "^halld " "$co/var/pids" 2>/dev/null && break
	sleep 0.05
done
kill -TERM "$job"
wait "$job" 2>/dev/null
check "it ends" bash -c "! kill -0 $job 2>/dev/null"
left=$(pgrep -f "$co/" | grep -vx "$$" | tr '\n' ' ')
expect_eq "processes of the stack still running" "" "$left"

done_testing
