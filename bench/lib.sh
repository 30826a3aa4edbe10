# bench/lib.sh — the preamble every bench/*/run.sh shares: strict mode, the
# repository root, what the stack needs installed and built, and a private
# stack under var/bench.XXXXXX with one EXIT trap.
#   . "$(dirname "$0")/../lib.sh"
#   bench_stack            # sets $var and $port, initialises the stack
#   stack_start            # (or stack_start_mariadb: the parts it needs)
# A bench with more to clean up defines bench_cleanup before it exits.
#
# The trap runs without -e: stack_stop's kill of a process already gone must
# not end it before MariaDB is stopped and $var removed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

scripts/deps.sh test >/dev/null
make -s programs >/dev/null
. scripts/stack.sh

bench_cleanup() { :; }

bench_stack() {
	mkdir -p var
	var=$(mktemp -d "$ROOT/var/bench.XXXXXX")
	port=$(stack_free_port)
	stack_init "$var" "$port"
	trap 'set +e; bench_cleanup; stack_stop; [ -n "${keep:-}" ] || rm -rf "$var"' EXIT
}
