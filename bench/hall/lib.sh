# bench/hall/lib.sh — what bench/hall/run.sh and bench/hall/proximity.sh
# share over bench/lib.sh: the one server under test at a time, the stack
# with a migrated MariaDB, and the IDs the load client's visitors hold.
#   . "$(dirname "$0")/lib.sh"
#   hall_bench_stack       # bench_stack, MariaDB started and migrated
#   server_pid=$!          # after starting a server; stop_server stops it
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

server_pid=
stop_server() {
	[ -n "$server_pid" ] || return 0
	kill "$server_pid" 2>/dev/null || true
	wait "$server_pid" 2>/dev/null || true
	server_pid=
}
bench_cleanup() { stop_server; }

hall_bench_stack() {
	bench_stack
	stack_start_mariadb >/dev/null
	bin/masakarictl migrate >/dev/null
}

# The load client's visitors hold their IDs (bench-0 …): each one's secret is
# the SHA-256 of "bench-hall:" and the ID (bench/hall/loadclient.c), stored
# hashed again as the entrance would.
hold_ids() { # COUNT
	stack_mysql masakari -e "INSERT INTO identities (github_id, secret_hash)
		WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < $1 - 1)
		SELECT CONCAT('bench-', i), SHA2(SHA2(CONCAT('bench-hall:bench-', i), 256), 256) FROM s
		ON DUPLICATE KEY UPDATE secret_hash = VALUES(secret_hash), last_seen = NOW()"
}
