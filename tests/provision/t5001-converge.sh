#!/usr/bin/env bash
# ansible/site.yml turns a fresh Debian 12 system (systemd as PID 1, in a
# container) into the whole masakari exhibition, as Vagrant's ansible_local
# does: every service runs under systemd, the site, /api/status, the hall
# WebSocket and a masakari throw work through the installed nginx, a second
# run changes nothing, a changed setting restarts only what uses it, and with
# a certificate (made at test time) the site is HTTPS with HTTP/2, HSTS and a
# redirect from HTTP, Secure __Host- cookies and the hall over wss://.
# With the cached root and packages in var/cache/provision/ this takes minutes;
# the first run on a machine builds that cache too, hence a longer limit:
# timeout: 1800
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/provision.sh"

LOGS=${STACK_VAR:-$ROOT/var}/log/t5001
mkdir -p "$LOGS"
CONTAINER_LOGS=$LOGS
trap 'container_teardown; rm -rf "$TMP"' EXIT
trap 'exit 143' TERM INT

if [ "$(id -u)" -ne 0 ]; then
	echo "not ok - $TEST_NAME: needs root (debootstrap, overlayfs, systemd-nspawn)"
	exit 1
fi

# The tree to install: this checkout, or PROVISION_SOURCE.
SOURCE=${PROVISION_SOURCE:-$ROOT}
skip() { echo "skip - $TEST_NAME: $*"; }

t "a Debian 12 root is cached and a container boots it with systemd as PID 1"
check "cached root" container_root_ready || { done_testing; exit 1; }
if ! container_boot; then
	fail "the container did not boot"
	done_testing
	exit 1
fi
expect_eq "PID 1 in the container" systemd "$(container_run cat /proc/1/comm)"

# A copy of the tree as Vagrant's rsync folder would bring it: what this run
# built from, so the second converge sees exactly the same source.
rsync -a --exclude=/.git/ --exclude=/.vagrant/ --exclude=/var/ --exclude=/build/ \
	--exclude=/build-san/ --exclude=/bin/ --exclude=/bin-san/ --exclude=node_modules/ \
	"$SOURCE/" "$CONTAINER_DIR/root/vagrant/"

# This machine's network is shared: free ports for the site and the daemon.
PORT=$(stack_free_port)
HALLD_PORT=$(stack_free_port)
while [ "$HALLD_PORT" = "$PORT" ]; do HALLD_PORT=$(stack_free_port); done
BASE=http://127.0.0.1:$PORT
cat >"$CONTAINER_DIR/root/root/t5001-vars.yml" <<EOF
masakari_listen_address: 127.0.0.1
masakari_port: $PORT
masakari_base_url: http://localhost:$PORT
masakari_halld_port: $HALLD_PORT
masakari_halld_origins: [http://localhost:$PORT, http://127.0.0.1:$PORT]
masakari_flooder_targets: [http://127.0.0.1:$PORT/legacy/random]
EOF

converge() { # log-name [ansible-playbook arguments]
	local log=$LOGS/$1.log
	shift
	container_run ANSIBLE_CALLBACKS_ENABLED=ansible.posix.profile_tasks \
		/bin/sh -c 'cd /vagrant/ansible && exec ansible-playbook \
		-i inventories/vagrant/hosts.yml site.yml -e @/root/t5001-vars.yml "$@"' \
		converge "$@" >"$log" 2>&1
}
recap() { # log-name field → the number in the PLAY RECAP line
	grep -E '^masakari-vm +:' "$LOGS/$1.log" | tail -1 | grep -oE "$2=[0-9]+" | cut -d= -f2
}
show_failure() { # log-name
	echo "--- $LOGS/$1.log:"
	grep -E '^(fatal|failed):|^ERROR' "$LOGS/$1.log" | cut -c1-600 | tail -5
	grep -E '^[a-z0-9_./-]+:[0-9]+:[0-9]+: error' "$LOGS/$1.log" | head -5
}

t "the playbook converges the fresh system with a local connection"
started=$(date +%s)
if ! converge first; then
	fail "ansible-playbook failed"
	show_failure first
	done_testing
	exit 1
fi
pass
echo "# first converge: $(($(date +%s) - started)) s"

# The parts other work adds to the tree are checked once the tree builds them.
has() { container_run test -x "/opt/masakari/bin/$1"; }

t "every program the tree builds is installed"
expect_eq "installed programs" "$(container_run ls /opt/masakari/src/bin | grep -v '^tests$' | tr '\n' ' ')" \
	"$(container_run ls /opt/masakari/bin | tr '\n' ' ')"

t "every service is active under systemd, as the unprivileged user, restarted on failure"
units="mariadb.service nginx.service"
for p in site legacy api; do units="$units masakari-$p.socket masakari-$p.service"; done
if has masakari.fcgi; then units="$units masakari-masakari.socket masakari-masakari.service"
else skip "bin/masakari.fcgi is not in this tree yet: no masakari pages to check"; fi
if has masakari-halld; then units="$units masakari-halld.service"
else skip "bin/masakari-halld is not in this tree yet: no hall daemon to check"; fi
if has masakari-flooder; then units="$units cron.service"
else skip "bin/masakari-flooder is not in this tree yet: no flooder to check"; fi
for u in $units; do
	expect_eq "$u" active "$(container_run systemctl is-active "$u")"
	case "$u" in masakari-*.service)
		expect_eq "$u runs as" masakari "$(container_run systemctl show -p User --value "$u")"
		expect_eq "$u restarts" on-failure "$(container_run systemctl show -p Restart --value "$u")"
		;;
	esac
done
if has masakari-flooder; then
	t "cron starts the flooder every minute under flock, as the unprivileged user"
	container_run cat /etc/cron.d/masakari-flooder >"$TMP/cron"
	check "a cron.d entry for every minute as masakari" \
		grep -qE '^\* \* \* \* \* masakari .*flock -n .*/opt/masakari/bin/masakari-flooder' "$TMP/cron"
fi

t "MariaDB listens on no TCP port; the application uses its socket"
expect_eq "skip_networking" 1 "$(container_run mariadb -N -B -e 'SELECT @@skip_networking')"

t "nginx listens on loopback only, on the configured port"
expect_eq "listeners" "127.0.0.1:$PORT" "$(ss -Htln "sport = :$PORT" | awk '{print $4}' | sort -u | tr '\n' ' ' | sed 's/ $//')"

t "the installed masakarictl finds its configuration, database and templates"
if container_run /opt/masakari/bin/masakarictl doctor >"$LOGS/doctor.log" 2>&1; then pass
else fail "masakarictl doctor: $(tail -3 "$LOGS/doctor.log" | tr '\n' ' ')"; fi

t "the configuration has every key of etc/masakari.hdf.in and is readable only by the programs"
container_run cat /etc/masakari/masakari.hdf >"$TMP/installed.hdf"
missing=$(comm -23 <(hdf_keys "$SOURCE/etc/masakari.hdf.in") <(hdf_keys "$TMP/installed.hdf") | tr '\n' ' ')
expect_eq "keys missing from the installed configuration" "" "$missing"
expect_eq "configuration mode" "640 root masakari" "$(container_run stat -c '%a %U %G' /etc/masakari/masakari.hdf)"

t "the entrance is served through the installed nginx"
get /
expect_status 200
expect_body 'name="github_id"'
t "a visitor can enter: the database, its user and the migrations are in place"
start_session
post / -b "$JAR" -c "$JAR" --data-urlencode "github_id=provision-check" --data "csrf_token=$CSRF"
expect_status 303
get / -b "$JAR"
expect_body '@provision-check'

t "/api/status reports the five measurements of this host"
get /api/status
expect_status 200
expect_header Content-Type application/json
for k in cpuutilization disk_read_bytes disk_write_bytes network_in network_out; do
	expect_eq "$k is a number" number "$(jq -r ".$k | type" "$TMP/body" 2>/dev/null)"
done

t "the legacy target answers"
get /legacy/random
expect_status 200

t "static files come from disk with caching headers"
get /static/css/site.css
expect_status 200
check "Cache-Control max-age=3600" grep -qi '^Cache-Control: max-age=3600' "$TMP/headers"
check "Cache-Control public" grep -qi '^Cache-Control: public' "$TMP/headers"
expect_header X-Content-Type-Options nosniff

t "nothing but static/ and the FastCGI routes is reachable"
for path in /Makefile /.git/config /sql/0001-core.sql /templates/error.cs /etc/masakari.hdf.in \
	/src/Makefile /static/../Makefile /static/..%2fMakefile /var/masakari.hdf /ansible/site.yml; do
	get "$path"
	expect_status 404
	expect_no_body 'Password'
	expect_no_body 'CFLAGS'
done

t "an oversized request body is refused with 413"
head -c 40000 /dev/zero | tr '\0' a >"$TMP/big"
post / --data-binary @"$TMP/big"
expect_status 413
if has masakari.fcgi; then
	t "an oversized throw gets the 413 page that says what to fix"
	post /masakari/throw --data-binary @"$TMP/big"
	expect_status 413
	check "the body is static/errors/ja/413.html" cmp -s "$TMP/body" "$SOURCE/static/errors/ja/413.html"
fi

t "a FastCGI program killed outright is restarted by systemd"
pid=$(container_run systemctl show -p MainPID --value masakari-api.service)
container_run kill -KILL "$pid"
new=$pid
for _ in $(seq 100); do
	new=$(container_run systemctl show -p MainPID --value masakari-api.service)
	[ "$new" != "$pid" ] && [ "$new" != 0 ] && break
	sleep 0.2
done
check "a new main process" test "$new" != "$pid" -a "$new" != 0
stack_wait_for "/api/status after the restart" 20 curl -fsS -o /dev/null "$BASE/api/status"
get /api/status
expect_status 200

if has masakari-halld; then
	t "the hall WebSocket works through nginx's /ws proxy"
	if /usr/bin/python3 "$ROOT/tests/provision/ws_probe.py" "ws://127.0.0.1:$PORT/ws" \
		"http://localhost:$PORT" provision-hall 2>"$TMP/ws.err"; then pass
	else fail "$(cat "$TMP/ws.err")"; fi
fi

throw=
if has masakari.fcgi; then
	t "a masakari throw is scored, stored and queued through nginx"
	JAR=$TMP/throw-jar
	curl -sS -c "$JAR" -b "$JAR" -o "$TMP/form" "$BASE/masakari"
	CSRF=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/form" | grep -o '[0-9a-f]\{32\}')
	# A throw is made by the browser's identity: it enters first.
	post / -b "$JAR" -c "$JAR" --data-urlencode "github_id=provision-thrower" --data "csrf_token=$CSRF"
	expect_status 303
	post /masakari/throw -b "$JAR" -c "$JAR" --data-urlencode "github_id=provision-thrower" \
		--data-urlencode "critique=The bubble sort on /legacy/random is O(n^2) on every request." \
		--data "csrf_token=$CSRF"
	expect_status 303
	throw=$(header Location | grep -oE '/masakari/throws/[0-9]+$' | grep -oE '[0-9]+$')
	check "a throw id in the redirect" test -n "$throw"
	get "/masakari/throws/${throw:-0}"
	expect_status 200
	get "/api/throws/${throw:-0}"
	expect_status 200
	expect_eq "throw id" "${throw:-}" "$(jq -r .id "$TMP/body" 2>/dev/null)"
fi

# The flooder picks the job up on cron's next minute; the second run goes on meanwhile.
t "a second run changes nothing"
if converge second; then pass; else fail "ansible-playbook failed"; show_failure second; fi
expect_eq "changed tasks" 0 "$(recap second changed)"
expect_eq "failed tasks" 0 "$(recap second failed)"
[ "$(recap second changed)" = 0 ] || grep -B3 -E '^changed:' "$LOGS/second.log" | grep TASK

if [ -n "$throw" ] && has masakari-flooder; then
	t "cron's flooder runs the queued attack against the legacy target"
	status=
	for _ in $(seq 150); do
		get "/api/throws/$throw"
		status=$(jq -r .status "$TMP/body" 2>/dev/null)
		case "$status" in done | failed) break ;; esac
		sleep 1
	done
	expect_eq "attack status" done "$status"
	check "requests were sent" test "$(jq -r '.sent // 0' "$TMP/body")" -gt 0
fi

main_pids() { # units → their main PIDs, in order
	local u
	for u in "$@"; do container_run systemctl show -p MainPID --value "$u"; done | tr '\n' ' '
}
programs="masakari-site.service masakari-legacy.service masakari-api.service"
has masakari.fcgi && programs="$programs masakari-masakari.service"
has masakari-halld && programs="$programs masakari-halld.service"

t "a changed application setting restarts the programs that read it, and nothing else"
nginx_processes() { # the master and its workers: a reload replaces the workers
	local master
	master=$(container_run systemctl show -p MainPID --value nginx.service)
	# Only the workers: the cache loader exits by itself a minute after a start.
	echo "$master $(container_run pgrep -P "$master" -f "worker process" | sort -n | tr '\n' ' ')"
}
before_programs=$(main_pids $programs)
before_mariadb=$(main_pids mariadb.service)
before_nginx=$(nginx_processes)
if converge third -e masakari_legacy_cost_ms=11; then pass; else fail "ansible-playbook failed"; show_failure third; fi
after_programs=$(main_pids $programs)
i=0
for u in $programs; do
	i=$((i + 1))
	check "$u restarted" test "$(cut -d' ' -f$i <<<"$before_programs")" != "$(cut -d' ' -f$i <<<"$after_programs")"
done
expect_eq "MariaDB's main process" "$before_mariadb" "$(main_pids mariadb.service)"
expect_eq "nginx's processes" "$before_nginx" "$(nginx_processes)"
get /legacy/random
expect_status 200

t "with a certificate from the inventory, the site is HTTPS: HTTP/2, HSTS, a redirect from HTTP"
# A self-signed certificate made now, handed over as PEM text as a vault would.
TLS_PORT=$(stack_free_port)
while [ "$TLS_PORT" = "$PORT" ] || [ "$TLS_PORT" = "$HALLD_PORT" ]; do TLS_PORT=$(stack_free_port); done
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
	-addext subjectAltName=DNS:localhost -keyout "$TMP/tls.key" -out "$TMP/tls.crt" 2>/dev/null
{
	echo "masakari_tls_port: $TLS_PORT"
	echo "masakari_base_url: https://localhost:$TLS_PORT"
	echo "masakari_halld_origins: [https://localhost:$TLS_PORT]"
	echo "masakari_tls_certificate_pem: |"
	sed 's/^/  /' "$TMP/tls.crt"
	echo "masakari_tls_certificate_key_pem: |"
	sed 's/^/  /' "$TMP/tls.key"
} >"$CONTAINER_DIR/root/root/t5001-tls.yml"
if converge tls -e @/root/t5001-tls.yml; then pass; else fail "ansible-playbook failed"; show_failure tls; fi
check "the key is not in the run's output" bash -c "! grep -q 'PRIVATE KEY' '$LOGS/tls.log'"
expect_eq "key file mode" "600 root" "$(container_run stat -c '%a %U' /etc/nginx/masakari-tls/privkey.pem)"
HTTPS=https://localhost:$TLS_PORT
TLS=(--cacert "$TMP/tls.crt" --resolve "localhost:$TLS_PORT:127.0.0.1")
stack_wait_for "the https site" 20 curl -fsS "${TLS[@]}" -o /dev/null "$HTTPS/static/css/site.css"
t "the TLS handshake verifies against the certificate, TLS 1.2 or newer"
openssl s_client -connect "127.0.0.1:$TLS_PORT" -servername localhost -CAfile "$TMP/tls.crt" \
	-verify_return_error </dev/null >"$TMP/s_client" 2>&1
check "verified: $(grep -m1 'Verify return code' "$TMP/s_client")" grep -q 'Verify return code: 0 (ok)' "$TMP/s_client"
check "protocol TLSv1.2 or TLSv1.3" grep -qE '^New, TLSv1\.[23],' "$TMP/s_client"
t "pages come over HTTP/2 with HSTS, static files and error pages too"
BASE_PLAIN=$BASE
BASE=$HTTPS
for path in / /masakari /static/css/site.css /no-such-page /api/status; do
	expect_eq "$path over HTTP/2" 2 \
		"$(curl -sS -o /dev/null -w '%{http_version}' "${TLS[@]}" --http2 "$HTTPS$path")"
	get "$path" "${TLS[@]}"
	expect_header Strict-Transport-Security "max-age=31536000"
done
get / "${TLS[@]}"
expect_status 200
expect_body 'name="github_id"'
t "over HTTPS the cookies are Secure with the __Host- prefix"
expect_header Set-Cookie "__Host-masakari_csrf="
expect_header Set-Cookie "; Secure"
t "plain HTTP redirects to the same path on HTTPS"
BASE=$BASE_PLAIN
get "/masakari/ranking?x=1"
expect_status 301
expect_eq "Location" "$HTTPS/masakari/ranking?x=1" "$(header Location)"
get /legacy/random -H "X-Forwarded-For: 203.0.113.9"
t "the flooder's address still reaches the attack target over plain HTTP"
expect_status 200
if has masakari-halld; then
	t "the hall works over wss:// through nginx"
	if /usr/bin/python3 "$ROOT/tests/provision/ws_probe.py" "wss://localhost:$TLS_PORT/ws" \
		"$HTTPS" provision-tls "$TMP/tls.crt" 2>"$TMP/ws.err"; then pass
	else fail "$(cat "$TMP/ws.err")"; fi
fi
t "a second run with HTTPS changes nothing"
if converge tls-again -e @/root/t5001-tls.yml; then pass; else fail "ansible-playbook failed"; show_failure tls-again; fi
expect_eq "changed tasks" 0 "$(recap tls-again changed)"

t "teardown stops the container and leaves no mounts or processes"
dir=$CONTAINER_DIR
nspawn=$CONTAINER_NSPAWN
container_teardown
check "systemd-nspawn has exited" bash -c "! kill -0 $nspawn 2>/dev/null"
expect_eq "mounts left under the container directory" "" "$(awk -v d="$dir" 'index($2, d) == 1' /proc/mounts)"
expect_eq "processes left in the container" "" \
	"$(for p in /proc/[0-9]*; do r=$(readlink "$p/root" 2>/dev/null) && case "$r" in "$dir"*) echo "${p#/proc/}" ;; esac; done)"
check "the container directory is gone" test ! -e "$dir"

done_testing
