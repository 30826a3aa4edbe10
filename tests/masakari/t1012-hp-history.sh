#!/usr/bin/env bash
# The HP history on /masakari: the last ten minutes of status_samples drawn
# as SVG on the server, broken where samples are missing, nothing older.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/masakari.sh"

# HP = 100 - CPU; the plot maps HP 0..100 to y 170..10, so CPU 87.5 (HP 12.5)
# is y 150.0 and CPU 62.5 (HP 37.5) is y 110.0 — values no real sample hits
# nine times in a row.
insert_samples() { # first-age last-age step cpu: samples every step seconds, ages counted back from now
	sql "SET time_zone = '+00:00';
	     INSERT INTO status_samples (host, at, cpuutilization, disk_read_bytes, disk_write_bytes, network_in, network_out)
	     SELECT 'test-$RUN', NOW() - INTERVAL seq SECOND, $4, 0, 0, 0, 0
	     FROM seq_${2}_to_${1}_step_${3}
	     ON DUPLICATE KEY UPDATE cpuutilization = VALUES(cpuutilization)"
}

t "samples from ten minutes back are drawn, with a break where they stop"
# Make room in the past: the hall daemon only ever adds samples for "now".
sql "SET time_zone = '+00:00'; DELETE FROM status_samples WHERE at BETWEEN NOW() - INTERVAL 700 SECOND AND NOW() - INTERVAL 300 SECOND"
insert_samples 585 545 5 87.5
insert_samples 400 360 5 87.5
insert_samples 700 650 10 62.5
get /masakari
expect_status 200
grep -o '<polyline class="hp-trace" points="[^"]*"/>' "$TMP/body" >"$TMP/lines"
runs=$(grep -c '\( [0-9.]*,150\.0\)\{8\}' "$TMP/lines")
check "two separate lines of nine samples at HP 12.5 (got $runs)" test "$runs" -ge 2
check "no line joins across the gap" bash -c "! grep -q '\\([0-9.]*,150\\.0 \\)\\{9,\\}[0-9.]*,150\\.0' '$TMP/lines'"

t "samples older than ten minutes are not drawn"
expect_no_body ',110.0'

t "the first of the old-enough samples is at the left edge, ten minutes back"
first_x=$(grep -o '[0-9.]*,150\.0' "$TMP/lines" | head -1 | cut -d, -f1)
check "x of the 585 s old sample is near 53.8 (got $first_x)" \
	awk -v x="$first_x" 'BEGIN { exit !(x > 50 && x < 57) }'

t "the caption counts the samples and names the lowest HP"
check "sample count" grep -q '直近 10 分のサンプル [0-9]* 件: いまの HP [0-9]*、最低 [0-9]*。' "$TMP/body"
lowest=$(grep -o '最低 [0-9]*' "$TMP/body" | grep -o '[0-9]*')
check "the lowest is at most our 12.5 (got $lowest)" test "${lowest:-99}" -le 13

t "the danger line marks HP 20"
expect_body '<line class="danger" x1="40" y1="138.0" x2="590" y2="138.0"/>'

t "the HP the page opens with is the attack target's, as its hall daemon last recorded it"
# A sample newer than any the stack's daemon wrote, from another host: the
# target of a cluster, seen from a web host that is not it.
sql "SET time_zone = '+00:00';
     INSERT INTO status_samples (host, at, cpuutilization, disk_read_bytes, disk_write_bytes, network_in, network_out)
     VALUES ('target-$RUN', NOW() + INTERVAL 5 SECOND, 73, 0, 0, 0, 0)"
get /masakari
expect_status 200
expect_body "data-host=\"target-$RUN\""
expect_body 'id="hp-value">27<'
sql "DELETE FROM status_samples WHERE host = 'target-$RUN'"

t "with no fresh sample the page opens with this host's own HP"
sql "SET time_zone = '+00:00'; DELETE FROM status_samples WHERE at >= NOW() - INTERVAL 60 SECOND"
get /masakari
expect_body "data-host=\"$(hostname)\""
expect_no_body "target-$RUN"

done_testing
