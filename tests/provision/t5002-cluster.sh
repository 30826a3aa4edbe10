#!/usr/bin/env bash
# The production layout (ansible/inventories/production) converged on five booted
# Debian 12 containers: web1 (web, hall daemon, attack target), web2 (web), db1
# (MariaDB primary), db2 (replica, nightly dumps) and flood1 (flooder), with
# lb1, a load balancer in front of the web hosts where the example puts one, on
# a bridge inside a network namespace of this test's own, so no packet leaves the
# machine. The inventory is the production one with test secrets, and each host
# converges itself with a local connection. Then, through the real services:
# the site on both web hosts, the limits seeing each visitor's own address
# through the load balancer, a throw on web2 attacked by flood1 at web1, the
# database only over the network, a second converge that changes nothing, a
# throw on the primary read on the replica within a second, a dump restored,
# and a failover drill (stop the primary, promote the replica, re-point by
# inventory, converge) with the time of each step.
# With the cached root and packages in var/cache/provision/ this takes minutes;
# the first run on a machine builds that cache too, hence a longer limit:
# timeout: 1800
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/provision.sh"

LOGS=${STACK_VAR:-$ROOT/var}/log/t5002
mkdir -p "$LOGS"
CONTAINER_LOGS=$LOGS
NS=masakari-t5002-$$
HOSTS="db1 db2 web1 web2 flood1"
# lb1 is not in the inventory: a venue's load balancer is its own (at the
# address the example's masakari_load_balancers names), here a plain nginx.
BOOTED="$HOSTS lb1"
declare -A ADDR=([web1]=10.0.0.11 [web2]=10.0.0.12 [flood1]=10.0.0.31 [db1]=10.0.0.41 [db2]=10.0.0.42
	[lb1]=10.0.0.2)
declare -A FQDN DIR PID NSPAWN
for h in $BOOTED; do FQDN[$h]=$h.example.org; done

teardown_all() {
	local h
	for h in $BOOTED; do
		[ -n "${DIR[$h]:-}" ] || continue
		CONTAINER_DIR=${DIR[$h]} CONTAINER_NSPAWN=${NSPAWN[$h]} CONTAINER_HOSTNAME=$h container_teardown
		DIR[$h]=
	done
	ip netns del "$NS" 2>/dev/null
}
trap 'teardown_all; rm -rf "$TMP"' EXIT
trap 'exit 143' TERM INT

if [ "$(id -u)" -ne 0 ]; then
	echo "not ok - $TEST_NAME: needs root (debootstrap, overlayfs, systemd-nspawn, network namespaces)"
	exit 1
fi
if ! command -v systemd-nspawn >/dev/null || ! ip netns add "$NS-probe" 2>/dev/null; then
	echo "skip - $TEST_NAME: systemd-nspawn or network namespaces cannot run here"
	exit 0
fi
ip netns del "$NS-probe"

SOURCE=${PROVISION_SOURCE:-$ROOT}
on() { # host cmd... → runs cmd in that container
	local h=$1
	shift
	CONTAINER_PID=${PID[$h]} container_run "$@"
}
net() { ip netns exec "$NS" "$@"; }
sql() { # host statement → tab-separated rows, as root over the socket
	on "$1" mariadb -N -B -e "$2"
}
ms() { date +%s%3N; }

t "a private network: a bridge in a namespace of its own, with no route out"
ip netns add "$NS"
ip -n "$NS" link set lo up
ip -n "$NS" link add br0 type bridge stp_state 0 forward_delay 0
ip -n "$NS" addr add 10.0.0.1/24 dev br0
ip -n "$NS" link set br0 up
expect_eq "routes in the namespace" "10.0.0.0/24" "$(ip -n "$NS" route show | awk '{print $1}' | tr '\n' ' ' | sed 's/ $//')"

check "cached root" container_root_ready || { done_testing; exit 1; }

# The private network has no way to a Debian mirror: first, on this machine's
# network, one container brings the package lists and every package the roles
# install into the shared archive; the hosts get those lists (fresh, so the
# playbook's apt tasks do not update them) and install from the archive.
t "the packages the roles install are fetched into the cache before the private network"
PACKAGES="$(python3 -c 'import yaml; print(" ".join(yaml.safe_load(open("'"$SOURCE"'/ansible/roles/app/defaults/main.yml"))["masakari_build_packages"]))')
	python3-apt rsync ca-certificates mariadb-server mariadb-client python3-pymysql nginx cron"
PACKAGES=$(echo $PACKAGES)
CONTAINER_HOSTNAME=prefetch
if container_boot && container_run /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq --download-only --no-install-recommends $PACKAGES" >"$LOGS/prefetch.log" 2>&1; then
	pass
	mkdir -p "$TMP/lists"
	cp -a "$CONTAINER_DIR/root/var/lib/apt/lists/." "$TMP/lists/"
else
	fail "fetching the packages: $(tail -3 "$LOGS/prefetch.log" | tr '\n' ' ')"
fi
container_teardown
unset CONTAINER_HOSTNAME
[ -d "$TMP/lists" ] || { done_testing; exit 1; }

t "six containers boot from the cached root, each on the bridge with its own address"
started=$(date +%s)
for h in $BOOTED; do
	CONTAINER_NETNS=$NS CONTAINER_BRIDGE=br0 CONTAINER_HOSTNAME=$h
	if ! container_boot; then
		DIR[$h]=$CONTAINER_DIR NSPAWN[$h]=$CONTAINER_NSPAWN
		fail "$h did not boot"
		done_testing
		exit 1
	fi
	DIR[$h]=$CONTAINER_DIR PID[$h]=$CONTAINER_PID NSPAWN[$h]=$CONTAINER_NSPAWN
	cp -a "$TMP/lists/." "$CONTAINER_DIR/root/var/lib/apt/lists/"
	touch "$CONTAINER_DIR/root/var/lib/apt/lists"
	nsenter -t "${PID[$h]}" -n ip link set lo up
	nsenter -t "${PID[$h]}" -n ip addr add "${ADDR[$h]}/24" dev host0
	nsenter -t "${PID[$h]}" -n ip link set host0 up
	expect_eq "PID 1 on $h" systemd "$(on "$h" cat /proc/1/comm)"
done
unset CONTAINER_NETNS CONTAINER_BRIDGE CONTAINER_HOSTNAME
echo "# boot: $(($(date +%s) - started)) s"
for h in $BOOTED; do
	expect_eq "$h's host0" "UP ${ADDR[$h]}/24" \
		"$(nsenter -t "${PID[$h]}" -n ip -br -4 addr show host0 | awk '{print $2, $3}')"
done
check "no default route on web1" test -z "$(nsenter -t "${PID[web1]}" -n ip route show default)"

# The production inventory, with test secrets in its vault and a local
# connection: every host converges itself.
mkdir -p "$TMP/inv"
cp -r "$SOURCE/ansible/inventories/production/." "$TMP/inv/"
python3 - "$TMP/inv/hosts.yml" <<'EOF'
import sys, yaml
p = sys.argv[1]
inv = yaml.safe_load(open(p))
inv["all"]["vars"] = {"ansible_connection": "local"}
# One flooder host here: the production example's second is the same part again.
del inv["all"]["children"]["flooder"]["hosts"]["flood2.example.org"]
open(p, "w").write("---\n" + yaml.safe_dump(inv, sort_keys=False))
EOF
DBPW=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
REPLPW=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat >"$TMP/inv/group_vars/all/vault.yml" <<EOF
---
vault_masakari_db_password: $DBPW
vault_masakari_db_replication_password: $REPLPW
vault_masakari_llm_key: ""
EOF
# No model endpoint on a private network: canned replies; and plain HTTP on the
# private address, as no certificate is made for the example's public name.
cat >"$TMP/vars.yml" <<EOF
masakari_llm_base_url: ""
masakari_base_url: http://masakari.example.org:8080
masakari_halld_origins: [http://masakari.example.org:8080]
EOF
for h in $HOSTS; do
	rsync -a --exclude=/.git/ --exclude=/.vagrant/ --exclude=/var/ --exclude=/build/ \
		--exclude=/build-san/ --exclude=/bin/ --exclude=/bin-san/ --exclude=node_modules/ \
		"$SOURCE/" "${DIR[$h]}/root/vagrant/"
	rm -rf "${DIR[$h]}/root/root/inventory"
	cp -r "$TMP/inv" "${DIR[$h]}/root/root/inventory"
	cp "$TMP/vars.yml" "${DIR[$h]}/root/root/vars.yml"
done

converge() { # host log-name
	on "$1" /bin/sh -c 'cd /vagrant/ansible && exec ansible-playbook -i /root/inventory/hosts.yml \
		site.yml -e @/root/vars.yml --limit "$0"' "${FQDN[$1]}" >"$LOGS/$1-$2.log" 2>&1
}
converge_all() { # log-name hosts... → in parallel; fails when any fails
	local name=$1 h pids=() rc=0
	shift
	for h in "$@"; do
		converge "$h" "$name" &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p" || rc=1; done
	return $rc
}
recap() { # host log-name field
	grep -E "^${FQDN[$1]//./\\.} +:" "$LOGS/$1-$2.log" | tail -1 | grep -oE "$3=[0-9]+" | cut -d= -f2
}
show_failure() { # host log-name
	echo "--- $LOGS/$1-$2.log:"
	grep -E '^(fatal|failed):|^ERROR' "$LOGS/$1-$2.log" | cut -c1-600 | tail -5
	# A service that would not start says why in its journal.
	if grep -qE '^fatal:.*Unable to (re)?start service' "$LOGS/$1-$2.log"; then
		on "$1" journalctl -n 25 --no-pager -o cat | sed 's/^/  journal: /'
	fi
}

t "the playbook converges the databases, then the application hosts"
started=$(date +%s)
if converge_all first db1 db2; then pass
else fail "converging db1, db2"; show_failure db1 first; show_failure db2 first; done_testing; exit 1; fi
echo "# databases: $(($(date +%s) - started)) s"
started=$(date +%s)
if converge_all first web1 web2 flood1; then pass
else
	fail "converging web1, web2, flood1"
	for h in web1 web2 flood1; do show_failure "$h" first; done
	done_testing
	exit 1
fi
echo "# application hosts: $(($(date +%s) - started)) s"

t "every host runs only its parts"
expect_eq "web1" "active active active" "$(on web1 systemctl is-active nginx masakari-site.socket masakari-halld | tr '\n' ' ' | sed 's/ $//')"
expect_eq "web2 has nginx, no hall daemon" "active inactive" "$(on web2 systemctl is-active nginx masakari-halld | tr '\n' ' ' | sed 's/ $//')"
check "flood1 runs the flooder from cron" on flood1 grep -q masakari-flooder /etc/cron.d/masakari-flooder
check "flood1 has no nginx" test ! -e "${DIR[flood1]}/root/usr/sbin/nginx"
for h in web1 web2 flood1; do
	check "no MariaDB server on $h" test ! -e "${DIR[$h]}/root/usr/sbin/mariadbd"
	expect_eq "$h's configuration reaches the database at" "Host = ${ADDR[db1]}" \
		"$(on "$h" grep -oE 'Host = [0-9.]+' /etc/masakari/masakari.hdf | head -1)"
done
expect_eq "db1 listens on its address" "${ADDR[db1]}:3306" "$(nsenter -t "${PID[db1]}" -n ss -Htln 'sport = :3306' | awk '{print $4}' | head -1)"

W1=http://${ADDR[web1]}:8080 W2=http://${ADDR[web2]}:8080
HOSTHDR=(-H "Host: masakari.example.org")
t "both web hosts serve the entrance, and a visitor entered on web2 is known on web1"
JAR=$TMP/jar
net curl -sS "${HOSTHDR[@]}" -c "$JAR" -b "$JAR" -o "$TMP/form" "$W2/"
CSRF=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/form" | grep -o '[0-9a-f]\{32\}')
check "a CSRF token on web2" test -n "$CSRF"
code=$(net curl -sS "${HOSTHDR[@]}" -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code}' \
	--data-urlencode github_id=cluster-check --data "csrf_token=$CSRF" "$W2/")
expect_eq "entrance on web2" 303 "$code"
net curl -sS "${HOSTHDR[@]}" -b "$JAR" -o "$TMP/page" "$W1/"
check "web1 knows the visitor" grep -q '@cluster-check' "$TMP/page"
for w in "$W1" "$W2"; do
	expect_eq "$w/api/status" 200 "$(net curl -sS "${HOSTHDR[@]}" -o /dev/null -w '%{http_code}' "$w/api/status")"
done
if [ -x "${DIR[web1]}/root/opt/masakari/bin/masakari-halld" ]; then
	t "the hall WebSocket works through web2's nginx, proxied to web1's daemon"
	if net /usr/bin/python3 "$ROOT/tests/provision/ws_probe.py" "ws://${ADDR[web2]}:8080/ws" \
		http://masakari.example.org:8080 cluster-hall 2>"$TMP/ws.err"; then pass
	else fail "$(cat "$TMP/ws.err")"; fi
fi
if [ -x "${DIR[web1]}/root/opt/masakari/bin/masakari-halld" ]; then
	t "a visitor on web1 and a visitor on web2 see each other in the hall and chat"
	if net /usr/bin/python3 "$ROOT/tests/provision/ws_probe.py" --pair "ws://${ADDR[web1]}:8080/ws" \
		"ws://${ADDR[web2]}:8080/ws" http://masakari.example.org:8080 on-web1 on-web2 2>"$TMP/pair.err"; then pass
	else fail "$(cat "$TMP/pair.err")"; fi
	for _ in $(seq 20); do
		stored=$(sql db1 "SELECT SUM(message = 'hello from on-web1'), SUM(message = 'hello from on-web2') FROM masakari.chat_messages" | tr '\t' ' ')
		[ "$stored" = "1 1" ] && break
		sleep 0.25
	done
	expect_eq "their chat is stored once each, on the primary" "1 1" "$stored"
fi

t "through lb1, the load balancer, every limit sees each visitor's own address"
# lb1 spreads requests over both web hosts and adds the address it was reached
# from to X-Forwarded-For, as a venue's load balancer does; it is installed
# from the archive fetched above.
if on lb1 /bin/sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx' \
	>"$LOGS/lb1.log" 2>&1; then
	rm -f "${DIR[lb1]}/root/etc/nginx/sites-enabled/default"
	cat >"${DIR[lb1]}/root/etc/nginx/conf.d/lb.conf" <<'EOF'
upstream masakari_web {
	server 10.0.0.11:8080;
	server 10.0.0.12:8080;
}
map $http_upgrade $lb_connection {
	default upgrade;
	"" close;
}
server {
	listen 80 default_server;
	location / {
		proxy_pass http://masakari_web;
		proxy_http_version 1.1;
		proxy_set_header Host $http_host;
		proxy_set_header Upgrade $http_upgrade;
		proxy_set_header Connection $lb_connection;
		proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
	}
}
EOF
fi
if on lb1 systemctl restart nginx >>"$LOGS/lb1.log" 2>&1; then pass
else fail "nginx on lb1: $(tail -3 "$LOGS/lb1.log" | tr '\n' ' ')"; fi
# Two visitors, each from an address of its own on the bridge.
V1=10.0.0.101 V2=10.0.0.102
ip -n "$NS" addr add "$V1/24" dev br0
ip -n "$NS" addr add "$V2/24" dev br0
LB=http://${ADDR[lb1]}
via() { # visitor-address curl-args… → through lb1, from that address
	local from=$1
	shift
	net curl -sS --interface "$from" "${HOSTHDR[@]}" "$@"
}
logged_from() { # host mark address → its nginx log's lines after line mark from that address
	on "$1" sh -c "tail -n +$(($2 + 1)) /var/log/nginx/masakari-access.log" | grep -c "^$3 "
}
mark1=$(on web1 sh -c 'wc -l </var/log/nginx/masakari-access.log')
mark2=$(on web2 sh -c 'wc -l </var/log/nginx/masakari-access.log')
for _ in 1 2 3 4; do via "$V1" -o /dev/null "$LB/"; done
check "web1's nginx logs the visitor's own address" test "$(logged_from web1 "$mark1" "$V1")" -gt 0
check "web2's nginx logs the visitor's own address" test "$(logged_from web2 "$mark2" "$V1")" -gt 0
expect_eq "requests logged as the load balancer's" "0 0" \
	"$(logged_from web1 "$mark1" "${ADDR[lb1]}") $(logged_from web2 "$mark2" "${ADDR[lb1]}")"

# nginx's throw limit per address: junk throws (no identity, no form) from V1
# through lb1 use up V1's burst on both web hosts, and V2's is untouched.
codes=$(net bash -c 'for i in $(seq 200); do curl -sS -o /dev/null -w "%{http_code}\n" --interface "$0" \
	-H "Host: masakari.example.org" --data junk=1 "$1/masakari/throw"; done' "$V1" "$LB" | sort | uniq -c | tr -s ' ' | tr '\n' ',')
echo "# V1's 200 junk throws through lb1: $codes"
check "V1's junk throws met the limit (429)" grep -q ' 429,' <<<"$codes"
expect_eq "V2's junk throw through lb1, not limited" 403 \
	"$(via "$V2" -o /dev/null -w '%{http_code}' --data junk=1 "$LB/masakari/throw")"

# An address ban is on the visitor's address: the entrance (the web programs'
# REMOTE_ADDR) and the hall (web2's nginx tells web1's daemon, X-Real-IP)
# refuse V1 through lb1, V1's own X-Forwarded-For is no way round it, and V2
# is let in. From anywhere but lb1 the header is not believed.
enter_from() { # visitor-address github-id [curl args…] → the entrance's status for that POST
	local jar=$TMP/lbjar-$1-$2 csrf from=$1 id=$2
	shift 2
	rm -f "$jar"
	via "$from" -c "$jar" -b "$jar" -o "$TMP/lbform" "$@" "$LB/"
	csrf=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/lbform" | grep -o '[0-9a-f]\{32\}')
	via "$from" -c "$jar" -b "$jar" -o "$TMP/lbentered" -w '%{http_code}' -H "Accept-Language: en" "$@" \
		--data-urlencode "github_id=$id" --data "csrf_token=$csrf" "$LB/"
}
hall_from() { # visitor-address [curl args…] → the status of a WebSocket upgrade through lb1
	local from=$1
	shift
	# curl does not speak WebSocket; the status line of the answer is the point
	# (101, or the daemon's refusal), and it then waits for frames until --max-time.
	via "$from" -o /dev/null -w '%{http_code}' --max-time 3 --http1.1 -H "Connection: Upgrade" \
		-H "Upgrade: websocket" -H "Sec-WebSocket-Version: 13" -H "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==" \
		-H "Sec-WebSocket-Protocol: masakari" -H "Origin: http://masakari.example.org:8080" "$@" "$LB/ws" 2>/dev/null
}
expect_eq "V1 enters through lb1 before the ban" 303 "$(enter_from "$V1" lb-before)"
expect_eq "V1 opens the hall through lb1 before the ban" 101 "$(hall_from "$V1")"
check "the operator bans V1's address" on web1 /opt/masakari/bin/masakarictl ban-address "$V1" --hours 1
for i in 1 2; do   # twice: lb1 sends each to the other web host
	expect_eq "V1 refused at the entrance through lb1 ($i)" 403 "$(enter_from "$V1" "lb-v1-$i")"
	check "and told its address is banned ($i)" grep -q 'Your network address is banned' "$TMP/lbentered"
	expect_eq "V1 with a forged X-Forwarded-For, refused ($i)" 403 \
		"$(enter_from "$V1" "lb-forged-$i" -H "X-Forwarded-For: $V2")"
done
refused=
for _ in $(seq 20); do   # the daemon reads the ban within a second
	refused=$(hall_from "$V1")
	[ "$refused" = 403 ] && break
	sleep 0.5
done
expect_eq "V1's hall upgrade through lb1 and web2, refused by web1's daemon" "403 403" \
	"$refused $(hall_from "$V1")"
expect_eq "V1's hall upgrade with a forged X-Forwarded-For, refused" 403 \
	"$(hall_from "$V1" -H "X-Forwarded-For: $V2")"
for i in 1 2; do
	expect_eq "V2 enters through lb1 ($i)" 303 "$(enter_from "$V2" "lb-v2-$i")"
	expect_eq "V2 opens the hall through lb1 ($i)" 101 "$(hall_from "$V2")"
done
jar=$TMP/lbjar-direct
rm -f "$jar"
net curl -sS --interface "$V2" "${HOSTHDR[@]}" -c "$jar" -b "$jar" -o "$TMP/lbform" "$W2/"
csrf=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/lbform" | grep -o '[0-9a-f]\{32\}')
expect_eq "V2 straight to web2 claiming to be V1 in X-Forwarded-For: not believed" 303 \
	"$(net curl -sS --interface "$V2" "${HOSTHDR[@]}" -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
		-H "X-Forwarded-For: $V1" --data-urlencode github_id=lb-direct --data "csrf_token=$csrf" "$W2/")"
check "the operator lifts the ban" on web1 /opt/masakari/bin/masakarictl unban-address "$V1"

t "the HP bar comes from web1 on both web hosts"
target=$(on web1 hostname)
for w in "$W1" "$W2"; do
	expect_eq "$w/api/status measured on" "$target" \
		"$(net curl -sS "${HOSTHDR[@]}" -o /dev/null -D - "$w/api/status" | tr -d '\r' | awk 'tolower($1) == "x-status-host:" {print $2}')"
	page=$(net curl -sS "${HOSTHDR[@]}" "$w/masakari")
	expect_eq "$w/masakari opens with the HP of" "$target" \
		"$(printf '%s' "$page" | grep -o 'class="hp"[^>]*data-host="[^"]*"' | grep -o 'data-host="[^"]*"' | cut -d'"' -f2)"
done
check "web2 is another host" test "$(on web2 hostname)" != "$target"

t "the application hosts reach db1 over the network with the parts' own accounts, never the owner's"
conns=$(sql db1 "SELECT DISTINCT user, SUBSTRING_INDEX(host, ':', 1) FROM information_schema.processlist WHERE db = 'masakari'" | sort)
echo "$conns" | sed 's/^/# connected: /'
check "web1's web programs as masakari_web" grep -qE "^masakari_web	${ADDR[web1]//./\\.}\$" <<<"$conns"
check "web2's web programs as masakari_web" grep -qE "^masakari_web	${ADDR[web2]//./\\.}\$" <<<"$conns"
check "web1's hall daemon as masakari_halld" grep -qE "^masakari_halld	${ADDR[web1]//./\\.}\$" <<<"$conns"
check "nobody as the owner" bash -c "! grep -qE '^masakari	' <<<'$conns'"
check "none through a socket on db1" bash -c "! grep -qE '	localhost\$' <<<'$conns'"
on db1 mariadb -N -e "SHOW GRANTS FOR 'masakari_web'@'10.0.0.%'" >"$TMP/web-grants"
expect_eq "the web account's grants name throws" 1 "$(grep -c 'ON `masakari`.`throws`' "$TMP/web-grants")"
# An operator deletes chat lines from the web; only the hall daemons say them.
expect_eq "and never says a chat line" 0 "$(grep 'chat_messages' "$TMP/web-grants" | grep -c 'INSERT')"
expect_eq "and nothing on the whole database" 0 "$(grep -c 'ON `masakari`\.\*' "$TMP/web-grants")"

throw() { # web-base github-id → the throw's id (empty when it failed)
	local jar=$TMP/throw-jar-$2 csrf
	net curl -sS "${HOSTHDR[@]}" -c "$jar" -b "$jar" -o "$TMP/tform" "$1/masakari"
	csrf=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$TMP/tform" | grep -o '[0-9a-f]\{32\}')
	# A throw is made by the browser's identity: it enters first.
	net curl -sS "${HOSTHDR[@]}" -c "$jar" -b "$jar" -o /dev/null \
		--data-urlencode "github_id=$2" --data "csrf_token=$csrf" "$1/"
	net curl -sS "${HOSTHDR[@]}" -c "$jar" -b "$jar" -o /dev/null -D "$TMP/theaders" \
		--data-urlencode "github_id=$2" --data "csrf_token=$csrf" \
		--data-urlencode "critique=The bubble sort on /legacy/random is O(n^2) on every request." \
		"$1/masakari/throw"
	grep -i '^Location:' "$TMP/theaders" | grep -oE '/masakari/throws/[0-9]+' | grep -oE '[0-9]+$'
}

t "a throw made on web2 is stored on the primary and read on the replica within a second"
before=$(on web1 sh -c 'wc -l </var/log/nginx/masakari-access.log')
id=$(throw "$W2" cluster-thrower)
check "a throw id" test -n "$id"
t0=$(ms)
seen=
for _ in $(seq 50); do
	[ "$(sql db2 "SELECT COUNT(*) FROM masakari.throws WHERE id = ${id:-0}")" = 1 ] && { seen=$(ms); break; }
	sleep 0.02
done
check "the replica has the throw" test -n "$seen"
[ -n "$seen" ] && echo "# replica lag seen: $((seen - t0)) ms"
check "within a second" test -n "$seen" -a "$((${seen:-99999} - t0))" -le 1000
expect_eq "replica IO and SQL threads" "Yes Yes" \
	"$(on db2 mariadb -e 'SHOW SLAVE STATUS\G' | awk '/Slave_IO_Running:|Slave_SQL_Running:/ {print $2}' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the replica follows by GTID" Slave_Pos "$(on db2 mariadb -e 'SHOW SLAVE STATUS\G' | awk '/Using_Gtid:/ {print $2}')"
expect_eq "the replica refuses writes" 1 "$(sql db2 'SELECT @@read_only')"

t "a second converge changes nothing on any host"
if converge_all second $HOSTS; then pass; else fail "ansible-playbook failed"; fi
for h in $HOSTS; do
	expect_eq "changed tasks on $h" 0 "$(recap "$h" second changed)"
	[ "$(recap "$h" second changed)" = 0 ] || grep -B3 -E '^changed:' "$LOGS/$h-second.log" | grep TASK
done

t "flood1 attacks web1 for the throw made on web2, counted in web1's nginx log"
status=
for _ in $(seq 150); do
	status=$(net curl -sS "${HOSTHDR[@]}" "$W1/api/throws/${id:-0}" | jq -r .status 2>/dev/null)
	case "$status" in done | failed) break ;; esac
	sleep 1
done
expect_eq "attack status" done "$status"
sent=$(net curl -sS "${HOSTHDR[@]}" "$W1/api/throws/${id:-0}" | jq -r '.sent // 0' 2>/dev/null)
hits=$(on web1 sh -c "tail -n +$((before + 1)) /var/log/nginx/masakari-access.log" | grep -c "^${ADDR[flood1]} .*/legacy/random")
echo "# flood1 sent $sent, web1's log counts $hits from ${ADDR[flood1]}"
check "web1's log counts the attack" test "${hits:-0}" -gt 0
check "web2's log has no attack" test "$(on web2 grep -c /legacy/random /var/log/nginx/masakari-access.log)" = 0

t "the nightly dump runs on the replica and restores into a scratch database with the throws"
expect_eq "timer" active "$(on db2 systemctl is-active masakari-db-backup.timer)"
check "the dump unit runs" on db2 systemctl start masakari-db-backup.service
dump=$(on db2 sh -c 'ls -1 /var/backups/masakari/masakari-*.sql.gz | tail -1')
check "a dump file" test -n "$dump"
on db2 sh -c "zcat '$dump' | sed -e 's/^CREATE DATABASE .*masakari.*/CREATE DATABASE scratch;/' -e 's/^USE .masakari.;/USE scratch;/' >/tmp/restore.sql"
check "the dump restores into a scratch database" on db2 sh -c 'mariadb -e "SET sql_log_bin=0; SET GLOBAL read_only=0" && mariadb --init-command="SET sql_log_bin=0" </tmp/restore.sql; rc=$?; mariadb -e "SET GLOBAL read_only=1"; exit $rc'
expect_eq "the throw in the restored copy" 1 "$(sql db2 "SELECT COUNT(*) FROM scratch.throws WHERE id = ${id:-0}")"
on db2 mariadb --init-command="SET sql_log_bin=0" -e "SET GLOBAL read_only=0; DROP DATABASE scratch; SET GLOBAL read_only=1" 2>/dev/null

t "failover drill: stop the primary, promote the replica, re-point by inventory, converge"
# Throws acknowledged (a 303 with an id) before the primary stops.
acked=()
for i in 1 2 3; do
	x=$(throw "$W1" "drill-$i")
	[ -n "$x" ] && acked+=("$x")
done
expect_eq "throws acknowledged before the stop" 3 "${#acked[@]}"
drill=$(ms)
s=$(ms)
on db1 systemctl stop mariadb.service
step1=$(($(ms) - s))
s=$(ms)
# The replica has applied everything it received; then it stops following and takes writes.
for _ in $(seq 100); do
	st=$(on db2 mariadb -e 'SHOW SLAVE STATUS\G')
	[ "$(awk '/Slave_SQL_Running_State:/ {sub(/^[^:]*: /, ""); print}' <<<"$st")" = "Slave has read all relay log; waiting for more updates" ] && break
	sleep 0.1
done
on db2 mariadb -e 'STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0'
step2=$(($(ms) - s))
expect_eq "db2 takes writes" 0 "$(sql db2 'SELECT @@read_only')"
s=$(ms)
# The inventory: db2 is the database; db1 (when it comes back) would be rebuilt as its replica.
python3 - "$TMP/inv" <<'EOF'
import sys, yaml
d = sys.argv[1]
inv = yaml.safe_load(open(d + "/hosts.yml"))
db = inv["all"]["children"]["db"]["hosts"]
del db["db1.example.org"]
for k in ("masakari_db_replicate_from", "masakari_db_backup"):
    db["db2.example.org"].pop(k, None)
open(d + "/hosts.yml", "w").write("---\n" + yaml.safe_dump(inv, sort_keys=False))
p = d + "/group_vars/all/main.yml"
s = open(p).read().replace("masakari_db_host: 10.0.0.41", "masakari_db_host: 10.0.0.42") \
    .replace("masakari_db_bind_address: 10.0.0.41", "masakari_db_bind_address: 10.0.0.42")
open(p, "w").write(s)
EOF
for h in db2 web1 web2 flood1; do
	rm -rf "${DIR[$h]}/root/root/inventory"
	cp -r "$TMP/inv" "${DIR[$h]}/root/root/inventory"
done
if converge_all failover db2 web1 web2 flood1; then pass
else fail "converging after the failover"; for h in db2 web1 web2 flood1; do show_failure "$h" failover; done; fi
step3=$(($(ms) - s))
s=$(ms)
ok=
for _ in $(seq 100); do
	x=$(throw "$W2" drill-after) && [ -n "$x" ] && { ok=$x; break; }
	sleep 0.1
done
step4=$(($(ms) - s))
total=$(($(ms) - drill))
check "a throw is acknowledged after the failover" test -n "$ok"
expect_eq "web1's configuration reaches the database at" "Host = ${ADDR[db2]}" \
	"$(on web1 grep -oE 'Host = [0-9.]+' /etc/masakari/masakari.hdf | head -1)"
for x in "${acked[@]}"; do
	expect_eq "throw $x acknowledged before the stop is on the new primary" 1 \
		"$(sql db2 "SELECT COUNT(*) FROM masakari.throws WHERE id = $x")"
done
expect_eq "web1 shows it" 200 "$(net curl -sS "${HOSTHDR[@]}" -o /dev/null -w '%{http_code}' "$W1/masakari/throws/${acked[0]:-0}")"
printf '# failover: stop %d ms, promote %d ms, re-point and converge %d ms, site back %d ms, total %d ms\n' \
	"$step1" "$step2" "$step3" "$step4" "$total" | tee "$LOGS/failover.txt"

t "teardown stops every container and removes the namespace"
dirs="${DIR[*]}"
teardown_all
for d in $dirs; do
	expect_eq "mounts left under $d" "" "$(awk -v d="$d" 'index($2, d) == 1' /proc/mounts)"
done
check "the namespace is gone" bash -c "! ip netns list | grep -q '^$NS\b'"

done_testing
