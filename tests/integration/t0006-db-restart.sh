#!/usr/bin/env bash
# The FastCGI programs survive a MariaDB restart without being restarted.
. "$(dirname "$0")/../lib.sh"

# The supervisors and their workers.
fcgi_pids() {
	for f in site api; do
		sup=$(cat "$STACK_VAR/run/$f.pid")
		echo "$sup"
		pgrep -P "$sup"
	done | sort | tr '\n' ' '
}
pids_before=$(fcgi_pids)

t "before the outage /go works"
get /exhibits/kisei/go
expect_status 302

stack_stop_mariadb

t "during the outage a database page is a 503 saying the database is unavailable"
get /exhibits/kisei/go -H "Accept-Language: en"
expect_status 503
expect_body "The database is unavailable"
expect_header Content-Type "text/html"
start_session
post / -b "$JAR" --data "github_id=during-outage&csrf_token=$CSRF"
expect_status 503

t "during the outage pages that need no database still work"
get /legacy/random
expect_status 200
get /api/status
expect_status 200

STACK_USER=$(id -un)
mariadbd --no-defaults --datadir="$STACK_VAR/mysql" --socket="$STACK_VAR/run/mysqld.sock" \
	--pid-file="$STACK_VAR/run/mysqld.pid" --skip-networking --user="$STACK_USER" \
	--character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
	--innodb-buffer-pool-size=64M --log-error="$STACK_VAR/log/mysqld.log" &
echo "mariadb $!" >>"$STACK_VAR/pids"
stack_wait_for MariaDB 60 mariadb-admin --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "$STACK_USER" ping

t "the first request after the restart works"
get /exhibits/kisei/go
expect_status 302
post / -b "$JAR" -c "$JAR" --data "github_id=after-outage&csrf_token=$CSRF"
expect_status 303

t "no FastCGI program was restarted"
expect_eq "pids" "$pids_before" "$(fcgi_pids)"
for pid in $pids_before; do check "pid $pid alive" kill -0 "$pid"; done

done_testing
