#!/usr/bin/env bash
# The hall daemon caps the connections of one client address — at most
# Halld.SpectatorsPerAddress (50) without an identity, within
# Halld.MaxPerAddress (400) in all — whose address is nginx's X-Real-IP header
# when the connection comes from nginx (a trusted proxy, loopback) and the
# connection's own otherwise: a client talking to the daemon directly cannot
# choose the address it is counted under, and through nginx a client's own
# X-Real-IP is replaced. These floods are spectators (no identity cookie), so
# the spectators' cap is the one they meet. Floods are bounded (at most 80
# connections, a few seconds each).
. "$(dirname "$0")/../lib.sh"

HALLD_PORT=$(awk '/^Halld \{/ { h = 1 } h && $1 == "Port" { print $3; exit }' "$MASAKARI_CONFIG")
PORT=${BASE##*:}
WS_HOLD=$ROOT/tests/tools/ws_hold.py
count_of() { awk -v s="$1" '$1 == s {print $2}' "$2" | grep . || echo 0; }
# hold FROM COUNT OUT [ws_hold args…]: COUNT upgrades straight to the daemon from FROM.
hold() {
	local from=$1 count=$2 out=$3
	shift 3
	python3 "$WS_HOLD" 127.0.0.1 "$HALLD_PORT" --from "$from" --count "$count" \
		--origin "http://localhost:$PORT" "$@" >"$out"
}
# one WHAT EXPECTED FROM X-REAL-IP: a single upgrade straight to the daemon
# from FROM, sending X-Real-IP, is answered EXPECTED ("101 1": let in).
one() {
	hold "$3" 1 "$TMP/one" --header "X-Real-IP: $4"
	expect_eq "$1" "$2" "$(cat "$TMP/one")"
}

t "the daemon's defaults: 400 per address, 50 of them spectators, X-Real-IP trusted from loopback"
check "Halld.MaxPerAddress = 400" grep -qE '^\s*MaxPerAddress = 400$' "$MASAKARI_CONFIG"
check "Halld.SpectatorsPerAddress = 50" grep -qE '^\s*SpectatorsPerAddress = 50$' "$MASAKARI_CONFIG"

t "from nginx's address, X-Real-IP is the client: 50 spectators of one client are let in, no more"
hold 127.0.0.1 80 "$TMP/a" --hold 4 --header "X-Real-IP: 198.51.100.7" &
holder=$!
sleep 2
t "meanwhile another client behind the same nginx joins"
one "the other client" "101 1" 127.0.0.1 198.51.100.8
t "meanwhile a client that talks to the daemon directly cannot claim the full address's name, nor a fresh one"
# Not from a trusted proxy: its own address (127.18.0.2) counts, whatever it says.
one "counted under its own address, so let in" "101 1" 127.18.0.2 198.51.100.7
wait "$holder"
t "the flood of one client"
expect_eq "accepted" 50 "$(count_of 101 "$TMP/a")"
expect_eq "refused with 429" 30 "$(count_of 429 "$TMP/a")"

t "a direct client is capped by its own address, whatever X-Real-IP it sends"
hold 127.18.0.3 70 "$TMP/d" --hold 1 --header "X-Real-IP: 203.0.113.77"
expect_eq "accepted" 50 "$(count_of 101 "$TMP/d")"
expect_eq "refused" 20 "$(count_of 429 "$TMP/d")"

t "through nginx, a client's own X-Real-IP is replaced by its address"
# 198.51.100.9 is full of direct-from-proxy connections; a client behind nginx
# naming it is counted under its own address instead, and let in.
hold 127.0.0.1 50 "$TMP/e" --hold 4 --header "X-Real-IP: 198.51.100.9" &
holder=$!
sleep 2
python3 "$WS_HOLD" 127.0.0.1 "$PORT" --from 127.18.0.4 --count 1 \
	--header "X-Real-IP: 198.51.100.9" >"$TMP/f"
expect_eq "let in" "101 1" "$(cat "$TMP/f")"
wait "$holder"
expect_eq "the 50 of 198.51.100.9" 50 "$(count_of 101 "$TMP/e")"

t "a proxy that sends something other than an address is refused"
one "400" "400 1" 127.0.0.1 "not-an-address' OR 1=1"

t "once the connections are closed, the address is let in again"
one "let in" "101 1" 127.0.0.1 198.51.100.7

done_testing
