#!/usr/bin/env bash
# stack.sh — starts and stops one private masakari exhibition: MariaDB with its
# own datadir, the FastCGI programs under spawn-fcgi, the hall daemon, the
# flooder's cron loop and nginx, all under one var/ directory. Nothing outside
# that directory is touched, so two checkouts (or a test run beside `make run`)
# work side by side.
#
# Sourced by scripts/run.sh and tests/run.sh:
#   stack_init VARDIR PORT    render the configuration (ports chosen free)
#   stack_start               start every process, wait until each answers
#   stack_stop                stop every process this stack started
# Binaries come from $STACK_BIN (default bin/).

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_BIN=${STACK_BIN:-$STACK_ROOT/bin}

stack_log() { printf 'stack: %s\n' "$*" >&2; }

# A TCP port on 127.0.0.1 that no socket uses. It is taken below the kernel's
# range for outgoing connections (ip_local_port_range): a port in that range
# may be the local end of a connection, or of one in TIME_WAIT for a minute
# after a load client closed it, and a server cannot bind it then although
# nothing listens there (bench/hall once failed so, starting a daemon right
# after a thousand clients had left).
stack_free_port() {
	local p low=32768 range
	range=$(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null) && low=${range%%[[:space:]]*}
	[ "$low" -gt 11000 ] 2>/dev/null || low=32768
	for _ in $(seq 200); do
		p=$((10000 + RANDOM % (low - 10000)))
		if command -v ss >/dev/null; then
			[ -z "$(ss -Htan "( sport = :$p )" 2>/dev/null)" ] || continue
		fi
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

stack_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Limits per client address in nginx (docs/ARCHITECTURE.md, "Limits per
# address", says why these numbers); the environment may change each one.
: "${MASAKARI_LIMIT_CONN:=1024}"         # requests in progress and WebSockets open
: "${MASAKARI_LIMIT_PAGES_RATE:=100}"    # pages and API calls per second…
: "${MASAKARI_LIMIT_PAGES_BURST:=400}"   # …with this many at once above the rate
: "${MASAKARI_LIMIT_THROWS_RATE:=120}"   # throws per minute…
: "${MASAKARI_LIMIT_THROWS_BURST:=60}"
: "${MASAKARI_LIMIT_WS_CONN:=400}"      # hall connections open
: "${MASAKARI_LIMIT_WS_RATE:=10}"        # new hall connections per second…
: "${MASAKARI_LIMIT_WS_BURST:=200}"
# Addresses never limited: the flooder's, which attacks /legacy/random at up
# to Flooder.MaxTotalRate by design.
: "${MASAKARI_LIMIT_EXEMPT:=127.0.0.1}"
# The hall's visitor samples for /operators/insights: often enough locally
# that a short visit shows (servers take a minute, the setting's default).
: "${MASAKARI_INSIGHTS_SAMPLE_SECONDS:=5}"

stack_render() { # template output
	local exempt_geo="" a
	for a in $MASAKARI_LIMIT_EXEMPT; do exempt_geo="$exempt_geo$a 1; "; done
	sed -e "s|@LIMIT_CONN@|$MASAKARI_LIMIT_CONN|g" \
		-e "s|@LIMIT_PAGES_RATE@|$MASAKARI_LIMIT_PAGES_RATE|g" \
		-e "s|@LIMIT_PAGES_BURST@|$MASAKARI_LIMIT_PAGES_BURST|g" \
		-e "s|@LIMIT_THROWS_RATE@|$MASAKARI_LIMIT_THROWS_RATE|g" \
		-e "s|@LIMIT_THROWS_BURST@|$MASAKARI_LIMIT_THROWS_BURST|g" \
		-e "s|@LIMIT_WS_CONN@|$MASAKARI_LIMIT_WS_CONN|g" \
		-e "s|@LIMIT_WS_RATE@|$MASAKARI_LIMIT_WS_RATE|g" \
		-e "s|@LIMIT_WS_BURST@|$MASAKARI_LIMIT_WS_BURST|g" \
		-e "s|@LIMIT_EXEMPT@|$MASAKARI_LIMIT_EXEMPT|g" \
		-e "s|@LIMIT_EXEMPT_GEO@|$exempt_geo|g" \
		-e "s|@ROOT@|$STACK_ROOT|g" -e "s|@VAR@|$STACK_VAR|g" -e "s|@PORT@|$STACK_PORT|g" \
		-e "s|@BASE_URL@|http://localhost:$STACK_PORT|g" \
		-e "s|@HALLD_PORT@|$STACK_HALLD_PORT|g" \
		-e "s|@DB_SOCKET@|$STACK_VAR/run/mysqld.sock|g" -e "s|@DB_HOST@||g" \
		-e "s|@DB_PASSWORD@|$STACK_DB_PASSWORD|g" \
		-e "s|@DB_WEB_PASSWORD@|$STACK_DB_WEB_PASSWORD|g" \
		-e "s|@DB_HALLD_PASSWORD@|$STACK_DB_HALLD_PASSWORD|g" \
		-e "s|@DB_FLOODER_PASSWORD@|$STACK_DB_FLOODER_PASSWORD|g" \
		-e "s|@TARGET_URL@|http://127.0.0.1:$STACK_PORT/legacy/random|g" \
		-e "s|@LOG_FILE@|$STACK_VAR/log/fcgi.log|g" \
		-e "s|@INSIGHTS_SAMPLE_SECONDS@|$MASAKARI_INSIGHTS_SAMPLE_SECONDS|g" \
		-e "s|@REPOSITORY_URL@|${MASAKARI_REPOSITORY_URL:-}|g" \
		-e "s|@LLM_BASE_URL@|${MASAKARI_LLM_BASE_URL:-}|g" \
		-e "s|@LLM_MODEL@|${MASAKARI_LLM_MODEL:-gpt-4o-mini}|g" \
		-e "s|@LLM_KEY@|${MASAKARI_LLM_KEY:-}|g" \
		-e "s|@GITHUB_CLIENT_ID@|${MASAKARI_GITHUB_CLIENT_ID:-}|g" \
		-e "s|@GITHUB_CLIENT_SECRET@|${MASAKARI_GITHUB_CLIENT_SECRET:-}|g" \
		-e "s|@GITHUB_AUTHORIZE_URL@|${MASAKARI_GITHUB_AUTHORIZE_URL:-https://github.com/login/oauth/authorize}|g" \
		-e "s|@GITHUB_API_URL@|${MASAKARI_GITHUB_API_URL:-https://api.github.com}|g" \
		-e "s|@USER_LINE@|$STACK_USER_LINE|g" "$1" >"$2"
}

stack_init() {
	STACK_VAR=$(mkdir -p "$1" && cd "$1" && pwd)
	STACK_PORT=$2
	mkdir -p "$STACK_VAR"/{run,log,nginx,mysql}
	STACK_HALLD_PORT=$(stack_free_port)
	while [ "$STACK_HALLD_PORT" = "$STACK_PORT" ]; do STACK_HALLD_PORT=$(stack_free_port); done
	# The database password lives only in var/, generated on first start.
	if [ ! -s "$STACK_VAR/db-password" ]; then
		(umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$STACK_VAR/db-password")
	fi
	# Each part has an account of its own; masakarictl migrate gives it its
	# grants (sql/grants.sql).
	local part
	for part in web halld flooder; do
		if [ ! -s "$STACK_VAR/db-password-$part" ]; then
			(umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$STACK_VAR/db-password-$part")
		fi
	done
	stack_db_passwords
	STACK_USER=$(id -un)
	# As root, nginx's workers run as Debian's web server user, never as root:
	# they read static/ and reach the FastCGI sockets, which spawn-fcgi hands
	# to that user (stack_start_fcgi); nginx gives it its own temporary
	# directories. Run as anyone else, nginx cannot change user and keeps it.
	STACK_USER_LINE=""
	STACK_SOCKET_OWNER=""
	if [ "$(id -u)" -eq 0 ]; then
		STACK_USER_LINE="user www-data www-data;"
		STACK_SOCKET_OWNER=www-data
		chmod 755 "$STACK_VAR" "$STACK_VAR/run"
		if ! runuser -u www-data -- test -r "$STACK_ROOT/static/css/site.css"; then
			stack_log "run as root, nginx serves static/ as www-data, who cannot read $STACK_ROOT/static; make the checkout readable or run as its owner"
			return 1
		fi
		if ! runuser -u www-data -- test -x "$STACK_VAR/run"; then
			stack_log "run as root, nginx's workers (www-data) cannot reach the sockets in $STACK_VAR/run; make the directories above it searchable (chmod o+x)"
			return 1
		fi
	fi
	# The configuration holds the database password: for this user's eyes only.
	(umask 077; stack_render "$STACK_ROOT/etc/masakari.hdf.in" "$STACK_VAR/masakari.hdf")
	# One of the team's IDs runs the venue, when one is named
	# (MASAKARI_OPERATOR; docs/MODERATION.md): a later HDF line adds it.
	if [ -n "${MASAKARI_OPERATOR:-}" ]; then
		echo "Site.Operators.0 = $MASAKARI_OPERATOR" >>"$STACK_VAR/masakari.hdf"
	fi
	# Settings of the test stacks' own (MASAKARI_STACK_SETTINGS, HDF lines),
	# after the rest so that they win.
	if [ -n "${MASAKARI_STACK_SETTINGS:-}" ]; then
		printf '%s\n' "$MASAKARI_STACK_SETTINGS" >>"$STACK_VAR/masakari.hdf"
	fi
	chmod 600 "$STACK_VAR/masakari.hdf"
	stack_render "$STACK_ROOT/etc/nginx.conf.in" "$STACK_VAR/nginx/nginx.conf"
	export MASAKARI_CONFIG=$STACK_VAR/masakari.hdf
	# A run that was killed outright (SIGKILL, a closed pipe) left its processes
	# behind: stop them, or they would hold the port and the database's datadir.
	stack_stop
	: >"$STACK_VAR/pids"
	if stack_port_busy "$STACK_PORT"; then
		stack_log "port $STACK_PORT is already in use; choose another with PORT=…"
		return 1
	fi
}

stack_remember() { echo "$1 $2" >>"$STACK_VAR/pids"; }

# Whether PID is a live process of this stack: its command line names the
# stack's directory (MariaDB, nginx) or its environment this stack's config
# (the programs); the flooder's cron loop, a subshell, runs in the checkout.
# A PID in an old pids file may belong to someone else by now.
stack_owns() { # pid name
	local pid=$1
	[ -r "/proc/$pid/cmdline" ] || return 1
	tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "$STACK_VAR/" && return 0
	tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" |
		grep -qxF "MASAKARI_CONFIG=$STACK_VAR/masakari.hdf" && return 0
	[ "${2:-}" = flooder-cron ] && [ "$(readlink "/proc/$pid/cwd")" = "$STACK_ROOT" ]
}

stack_wait_for() { # description seconds command...
	local what=$1 secs=$2
	shift 2
	for _ in $(seq $((secs * 10))); do
		# A stop was asked for meanwhile (scripts/run.sh): no more waiting.
		[ -n "${STACK_STOPPING:-}" ] && return 1
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	stack_log "$what did not come up in ${secs}s"
	return 1
}

stack_mysql() { mariadb --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "$STACK_USER" "$@"; }

# The accounts' passwords, from the files stack_init wrote: a test that
# restarts MariaDB (stack_start_mariadb) in a shell of its own has them too.
stack_db_passwords() {
	STACK_DB_PASSWORD=$(cat "$STACK_VAR/db-password")
	STACK_DB_WEB_PASSWORD=$(cat "$STACK_VAR/db-password-web")
	STACK_DB_HALLD_PASSWORD=$(cat "$STACK_VAR/db-password-halld")
	STACK_DB_FLOODER_PASSWORD=$(cat "$STACK_VAR/db-password-flooder")
}

stack_start_mariadb() {
	stack_db_passwords || return 1
	# Its temporary tables in the stack's own directory, not the machine's
	# /tmp, where another program's clean-up once deleted one mid-query (the
	# first start's bootstrap as well: two stacks initialised at once lost one).
	mkdir -p "$STACK_VAR/tmp"
	if [ ! -d "$STACK_VAR/mysql/mysql" ]; then
		stack_log "initialising MariaDB in $STACK_VAR/mysql"
		mariadb-install-db --no-defaults --datadir="$STACK_VAR/mysql" --user="$STACK_USER" \
			--auth-root-authentication-method=socket --skip-test-db --tmpdir="$STACK_VAR/tmp" \
			>"$STACK_VAR/log/mariadb-install.log" 2>&1 || {
			stack_log "mariadb-install-db failed; see $STACK_VAR/log/mariadb-install.log"
			return 1
		}
	fi
	mariadbd --no-defaults --datadir="$STACK_VAR/mysql" --socket="$STACK_VAR/run/mysqld.sock" \
		--pid-file="$STACK_VAR/run/mysqld.pid" --skip-networking --user="$STACK_USER" \
		--tmpdir="$STACK_VAR/tmp" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
		--innodb-buffer-pool-size=64M --log-error="$STACK_VAR/log/mysqld.log" &
	stack_remember mariadb $!
	stack_wait_for MariaDB 60 mariadb-admin --no-defaults -S "$STACK_VAR/run/mysqld.sock" \
		-u "$STACK_USER" ping || return 1
	stack_mysql <<-SQL
		CREATE DATABASE IF NOT EXISTS masakari CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
		CREATE USER IF NOT EXISTS 'masakari'@'localhost' IDENTIFIED BY '$STACK_DB_PASSWORD';
		ALTER USER 'masakari'@'localhost' IDENTIFIED BY '$STACK_DB_PASSWORD';
		GRANT ALL PRIVILEGES ON masakari.* TO 'masakari'@'localhost' WITH GRANT OPTION;
		CREATE USER IF NOT EXISTS 'masakari_web'@'localhost' IDENTIFIED BY '$STACK_DB_WEB_PASSWORD';
		ALTER USER 'masakari_web'@'localhost' IDENTIFIED BY '$STACK_DB_WEB_PASSWORD';
		CREATE USER IF NOT EXISTS 'masakari_halld'@'localhost' IDENTIFIED BY '$STACK_DB_HALLD_PASSWORD';
		ALTER USER 'masakari_halld'@'localhost' IDENTIFIED BY '$STACK_DB_HALLD_PASSWORD';
		CREATE USER IF NOT EXISTS 'masakari_flooder'@'localhost' IDENTIFIED BY '$STACK_DB_FLOODER_PASSWORD';
		ALTER USER 'masakari_flooder'@'localhost' IDENTIFIED BY '$STACK_DB_FLOODER_PASSWORD';
	SQL
}


# The FastCGI programs. Each forks its own workers (Web.Workers.<name> in the
# config) and restarts one that dies; spawn-fcgi only opens the socket.
stack_fcgi_programs() {
	echo site
	echo legacy
	echo api
	[ -x "$STACK_BIN/masakari.fcgi" ] && echo masakari
	return 0
}

stack_start_fcgi() {
	local name
	while read -r name; do
		rm -f "$STACK_VAR/run/$name.sock"
		spawn-fcgi -s "$STACK_VAR/run/$name.sock" -M 0600 ${STACK_SOCKET_OWNER:+-U "$STACK_SOCKET_OWNER"} -F 1 \
			-P "$STACK_VAR/run/$name.pid" -- "$STACK_BIN/$name.fcgi" \
			>>"$STACK_VAR/log/spawn-fcgi.log" 2>&1 || {
			stack_log "spawn-fcgi could not start $name.fcgi"
			return 1
		}
		for pid in $(cat "$STACK_VAR/run/$name.pid"); do stack_remember "$name.fcgi" "$pid"; done
	done < <(stack_fcgi_programs)
}

stack_start_nginx() {
	nginx -p "$STACK_VAR/nginx" -c "$STACK_VAR/nginx/nginx.conf" -e "$STACK_VAR/log/nginx-error.log" \
		2>>"$STACK_VAR/log/nginx-error.log" &
	stack_remember nginx $!
	stack_wait_for nginx 20 curl -fsS -o /dev/null "http://127.0.0.1:$STACK_PORT/static/css/site.css"
}

# The hall daemon, once it is built.
stack_start_halld() {
	[ -x "$STACK_BIN/masakari-halld" ] || return 0
	"$STACK_BIN/masakari-halld" >>"$STACK_VAR/log/halld.log" 2>&1 &
	stack_remember halld $!
	stack_wait_for "the hall daemon" 20 bash -c "exec 3<>/dev/tcp/127.0.0.1/$STACK_HALLD_PORT"
}

# The flooder, once it is built: the same command cron runs every minute, run
# by a loop on the same schedule.
stack_start_flooder() {
	[ -x "$STACK_BIN/masakari-flooder" ] || return 0
	(
		# The shell that started the stack: should it be killed outright, the
		# loop ends within a second instead of starting flooders for nobody.
		owner=$$
		trap 'kill $(jobs -p) 2>/dev/null; exit 0' TERM INT
		while kill -0 "$owner" 2>/dev/null; do
			# cron's `flock -n LOCK masakari-flooder`, written so that the job
			# the trap stops is the flooder itself (flock(1) would not pass
			# SIGTERM on, and the flooder would outlive the stack).
			( flock -n 9 || exit 0; exec "$STACK_BIN/masakari-flooder" ) \
				9>"$STACK_VAR/run/flooder.lock" >>"$STACK_VAR/log/flooder.log" 2>&1 &
			minute=$((EPOCHSECONDS / 60))
			while [ $((EPOCHSECONDS / 60)) -eq "$minute" ] && kill -0 "$owner" 2>/dev/null; do
				sleep 1 & wait $!
			done
		done
		kill $(jobs -p) 2>/dev/null
	) &
	stack_remember flooder-cron $!
}

stack_start() {
	stack_start_mariadb || return 1
	"$STACK_BIN/masakarictl" migrate >>"$STACK_VAR/log/migrate.log" 2>&1 || {
		stack_log "migrations failed:"
		tail -5 "$STACK_VAR/log/migrate.log" >&2
		return 1
	}
	stack_start_fcgi || return 1
	stack_start_halld || return 1
	stack_start_nginx || return 1
	stack_start_flooder || return 1
}

# Safe in an EXIT trap under `set -e`: a process that is already gone is not an error.
stack_stop() {
	[ -n "${STACK_VAR:-}" ] && [ -f "$STACK_VAR/pids" ] || return 0
	local name pid
	# Reverse order: the front stops first, the database last.
	tac "$STACK_VAR/pids" | while read -r name pid; do
		if [ "$name" = mariadb ]; then
			mariadb-admin --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "$STACK_USER" \
				shutdown >/dev/null 2>&1 || { stack_owns "$pid" "$name" && kill "$pid"; } 2>/dev/null || true
		elif stack_owns "$pid" "$name"; then
			kill "$pid" 2>/dev/null || true
		fi
	done
	# Give everything a moment, then make sure.
	for _ in $(seq 100); do
		local alive=0
		while read -r name pid; do stack_owns "$pid" "$name" && alive=1 || true; done <"$STACK_VAR/pids"
		[ $alive -eq 0 ] && break
		sleep 0.1
	done
	while read -r name pid; do
		stack_owns "$pid" "$name" && kill -9 "$pid" 2>/dev/null || true
	done <"$STACK_VAR/pids"
	: >"$STACK_VAR/pids"
}

# Stops only MariaDB (tests: the database goes away under running programs).
stack_stop_mariadb() {
	mariadb-admin --no-defaults -S "$STACK_VAR/run/mysqld.sock" -u "$STACK_USER" shutdown \
		>/dev/null 2>&1
	for _ in $(seq 100); do
		[ -S "$STACK_VAR/run/mysqld.sock" ] || return 0
		sleep 0.1
	done
}
