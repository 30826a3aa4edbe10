#!/usr/bin/env bash
# An IPv6 client is counted by its /64, by nginx's limits and by the hall
# daemon's caps: a subscriber may use any address of its /64, so counting by
# full address would hand one person 2^64 fresh budgets. In a network
# namespace of this test's own (unshare -n: no address is added to the
# machine's loopback), sixty addresses of one /64 and one of another are put
# on the namespace's loopback; an nginx and a hall daemon of the stack's
# configuration run there, on the stack's database and programs (unix
# sockets), nginx also on [::1], with the page limit made small (1/s, burst
# 20) so that a few requests show it.
# timeout: 120
. "$(dirname "$0")/../lib.sh"

if ! unshare -n true 2>/dev/null; then
	fail "network namespaces cannot be made here (unshare -n needs root)"
	done_testing
fi
NS=$TMP/ns
mkdir -p "$NS/nginx" "$NS/log"
PORT=${BASE##*:}
HALLD_PORT=$(awk '/^Halld \{/ { h = 1 } h && $1 == "Port" { print $3; exit }' "$MASAKARI_CONFIG")
# The stack's nginx, with its own pid, logs and temporary files, listening on
# [::1] as well, and its page limit made small.
sed -e "s|$STACK_VAR/nginx/|$NS/nginx/|g" -e "s|$STACK_VAR/run/nginx.pid|$NS/nginx.pid|" \
	-e "s|$STACK_VAR/log/nginx-|$NS/log/nginx-|g" \
	-e "s|^\(\s*\)listen 127.0.0.1:$PORT;|&\n\1listen [::1]:$PORT;|" \
	-e "s|zone=masakari_page_rate:10m rate=[0-9]*r/s|zone=masakari_page_rate:10m rate=1r/s|" \
	-e "s|zone=masakari_page_rate burst=[0-9]*|zone=masakari_page_rate burst=20|" \
	"$STACK_VAR/nginx/nginx.conf" >"$NS/nginx.conf"
cp "$MASAKARI_CONFIG" "$NS/masakari.hdf"
printf 'Halld.DaemonId = t6012\nHalld.StatusSampleSeconds = 0\n' >>"$NS/masakari.hdf"

one64=$(for i in $(seq 60); do printf '2001:db8:64:1::%x,' "$i"; done)
one64=${one64%,}
export NS PORT HALLD_PORT one64 ROOT
unshare -n bash -s >"$NS/out" 2>"$NS/err" <<'SCRIPT'
set -u
ip link set lo up
for a in ${one64//,/ } 2001:db8:64:2::1; do ip -6 addr add "$a/128" dev lo nodad; done
MASAKARI_CONFIG=$NS/masakari.hdf "$ROOT/bin/masakari-halld" >"$NS/log/halld.log" 2>&1 &
halld=$!
# The stack's nginx stays in the foreground (daemon off).
nginx -p "$NS/nginx" -c "$NS/nginx.conf" -e "$NS/log/nginx-error.log" 2>>"$NS/log/nginx-error.log" &
nginx=$!
for _ in $(seq 50); do
	(exec 3<>"/dev/tcp/127.0.0.1/$HALLD_PORT") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
	sleep 0.1
done
# Pages: five from each of ten addresses of the /64, fifty in all.
for a in $(echo "${one64//,/ }" | tr ' ' '\n' | head -10); do
	for _ in 1 2 3 4 5; do
		curl -s -g -o /dev/null -w '%{http_code}\n' --interface "$a" "http://[::1]:$PORT/legacy/"
	done
done | sort | uniq -c | awk '{ print "pages", $2, $1 }'
curl -s -g -o /dev/null -w 'other64 %{http_code}\n' --interface 2001:db8:64:2::1 "http://[::1]:$PORT/legacy/"
# The hall: sixty spectators, one from each address of the /64, through nginx.
python3 "$ROOT/tests/tools/ws_hold.py" ::1 "$PORT" --from "$one64" --count 60 --hold 2 \
	--origin "http://localhost:$PORT" | awk '{ print "hall", $1, $2 }' &
holder=$!
sleep 1
python3 "$ROOT/tests/tools/ws_hold.py" ::1 "$PORT" --from 2001:db8:64:2::1 --count 1 \
	--origin "http://localhost:$PORT" | awk '{ print "hall-other64", $1, $2 }'
wait "$holder"
kill "$nginx" "$halld" 2>/dev/null
wait "$nginx" "$halld" 2>/dev/null
SCRIPT
value() { awk -v a="$1" -v b="$2" '$1 == a && $2 == b { print $3 }' "$NS/out" | grep . || echo 0; }

t "nginx counts the pages of one /64 together"
check "some of the fifty were let through ($(value pages 200))" test "$(value pages 200)" -ge 20
check "past the burst of 20 they are refused ($(value pages 429))" test "$(value pages 429)" -ge 20
expect_eq "another /64 is not affected" "other64 200" "$(grep '^other64' "$NS/out")"

t "the hall daemon counts the spectators of one /64 together, through nginx's X-Real-IP"
expect_eq "fifty let in" 50 "$(value hall 101)"
expect_eq "ten refused" 10 "$(value hall 429)"
expect_eq "another /64 is let in" "hall-other64 101 1" "$(grep '^hall-other64' "$NS/out")"
[ -s "$NS/err" ] && echo "# $(head -5 "$NS/err")"

done_testing
