#!/usr/bin/env bash
# Why bench/hall once found nothing listening on the port it had started a
# daemon on: the port was free of listeners but was the local end of a client
# connection in TIME_WAIT, which a server cannot bind. stack_free_port now
# picks ports outside the kernel's range for outgoing connections, used by no
# socket, and the daemon says plainly that it cannot listen.
# timeout: 120
. "$(dirname "$0")/../lib.sh"

# A client connection closed from the client side: its local port stays in
# TIME_WAIT for a minute. Prints that port.
time_wait_port() {
	python3 -c '
import socket
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
c = socket.socket(); c.connect(l.getsockname()); s, _ = l.accept()
print(c.getsockname()[1]); c.close(); s.close(); l.close()'
}

t "a daemon asked to listen on a client's TIME_WAIT port exits saying it cannot listen"
port=$(time_wait_port)
check "the port is in TIME_WAIT" test -n "$(ss -Htan "( sport = :$port )" | grep TIME-WAIT)"
{ cat "$MASAKARI_CONFIG"; echo "Halld.Port = $port"; } >"$TMP/halld.hdf"
MASAKARI_CONFIG=$TMP/halld.hdf timeout 10 "$ROOT/bin/masakari-halld" >"$TMP/halld.log" 2>&1
rc=$?
check "it exits with 1 (got $rc)" [ "$rc" = 1 ]
check "its log says it cannot listen on that port" grep -q "cannot listen on 127.0.0.1:$port" "$TMP/halld.log"
check "and does not blame libev" sh -c "! grep -q libev '$TMP/halld.log'"

t "stack_free_port never gives a port in the outgoing-connection range or one any socket uses"
read -r low high </proc/sys/net/ipv4/ip_local_port_range
for i in $(seq 20); do time_wait_port >/dev/null; done
bad=0
for i in $(seq 100); do
	p=$(stack_free_port)
	if [ "$p" -ge "$low" ] || [ -n "$(ss -Htan "( sport = :$p )")" ]; then
		bad=$((bad + 1))
		echo "  port $p: $(ss -Htan "( sport = :$p )" | head -1)"
	fi
done
expect_eq "ports that could not be bound" 0 "$bad"

t "a daemon started on a port stack_free_port gave listens"
port=$(stack_free_port)
{ cat "$MASAKARI_CONFIG"; echo "Halld.Port = $port"; echo "Halld.DaemonId = t6002"; } >"$TMP/halld.hdf"
MASAKARI_CONFIG=$TMP/halld.hdf "$ROOT/bin/masakari-halld" >"$TMP/halld2.log" 2>&1 &
pid=$!
for _ in $(seq 50); do stack_port_busy "$port" && break; sleep 0.1; done
check "it listens on $port" stack_port_busy "$port"
kill "$pid"
wait "$pid"

done_testing
