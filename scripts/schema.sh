#!/usr/bin/env bash
# schema.sh — `make schema`: writes sql/schema.sql, the schema as the
# migrations leave it. Starts a MariaDB of its own on an empty datadir under
# var/, applies every migration with `masakarictl migrate`, writes what
# `masakarictl schema` prints, and stops and removes that database again.
#   scripts/schema.sh [OUT]    (default sql/schema.sql; - for stdout)
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/stack.sh

out=${1:-sql/schema.sql}
mkdir -p var
var=$(mktemp -d "$PWD/var/schema.XXXXXX")
trap 'stack_stop; rm -rf "$var"' EXIT
trap 'exit 130' INT TERM HUP
stack_init "$var" "$(stack_free_port)" || exit 1
stack_start_mariadb || exit 1
if ! "$STACK_BIN/masakarictl" migrate >"$var/log/migrate.log" 2>&1; then
	stack_log "migrations failed:"
	tail -5 "$var/log/migrate.log" >&2
	exit 1
fi
if [ "$out" = - ]; then
	"$STACK_BIN/masakarictl" schema
else
	"$STACK_BIN/masakarictl" schema >"$out.new" && mv "$out.new" "$out" || { rm -f "$out.new"; exit 1; }
	stack_log "wrote $out"
fi
