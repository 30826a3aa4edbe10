#!/usr/bin/env bash
# bench/pages — how fast the FastCGI pages are next to nginx serving the same
# bytes as a static file, measured side by side in one run (the machine is
# shared and noisy, so only the ratios mean anything).
#
# For the hall page (as a visitor who claimed an ID at the entrance, with the
# identity cookie it handed out) and an exhibit page it runs wrk against: the
# page as visitors get it (nginx's cache in front of the program), the program
# itself ("Pragma: no-cache" bypasses nginx's cache; the program's own cache
# still answers), and a static copy of the same bytes. Rounds alternate so
# drift hits every variant alike.
#
# It checks that it measured what it names, and fails (exit 1, no ratio)
# otherwise: before the runs, each variant answers 200 with the page named
# (the hall of that visitor, not the entrance; the exhibit); during the runs,
# nginx logs every request's status, cache status and path to a log of the
# bench's own, and each run must have only 200s, only the cache status its
# variant means (HIT as served, BYPASS for the program, none for the static
# file; a few MISS/EXPIRED as the cache entry renews), only its own path,
# and no socket error or non-2xx answer in wrk's count.
#   bench/pages/run.sh [seconds-per-run] [rounds]
. "$(dirname "$0")/../lib.sh"
secs=${1:-5}
rounds=${2:-3}
conns=16

bench_cleanup() { rm -rf static/bench; }
bench_stack
# Every request's status, cache status and path, for the checks above.
sed -i "s|^\(\s*\)access_log \(.*\);|\1log_format bench '\$status \$upstream_cache_status \$request_uri';\n\1access_log $var/log/bench.log bench;|" \
	"$var/nginx/nginx.conf"
grep -q "log/bench.log bench" "$var/nginx/nginx.conf" || { echo "bench/pages: could not set nginx's log" >&2; exit 1; }
stack_start
base=http://127.0.0.1:$port

# A visitor as a browser becomes one: the entrance's form with its CSRF token,
# then the identity cookie it hands out. The hall is "/" with that cookie.
jar=$var/jar
curl -fsS -c "$jar" -b "$jar" -o "$var/entrance.html" "$base/"
csrf=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' "$var/entrance.html" | grep -o '[0-9a-f]\{32\}')
code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
	--data "github_id=octocat&csrf_token=$csrf" "$base/")
[ "$code" = 303 ] || { echo "bench/pages: claiming an ID at the entrance answered $code, not 303" >&2; exit 1; }
cookie="Cookie: $(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", n++ ? "; " : "", $6, $7 }' "$jar")"

mkdir -p static/bench
curl -fsS -H "$cookie" "$base/" >static/bench/hall.html
curl -fsS "$base/exhibits/meguru-cosmos" >static/bench/exhibit.html

# What each variant asks for: URL, then its headers.
declare -A url hdr expect_cache
url[hall_page]=$base/ hdr[hall_page]=$cookie expect_cache[hall_page]=HIT
url[hall_program]=$base/ hdr[hall_program]="$cookie|Pragma: no-cache" expect_cache[hall_program]=BYPASS
url[hall_static]=$base/static/bench/hall.html hdr[hall_static]= expect_cache[hall_static]=-
url[exhibit_page]=$base/exhibits/meguru-cosmos hdr[exhibit_page]= expect_cache[exhibit_page]=HIT
url[exhibit_program]=$base/exhibits/meguru-cosmos hdr[exhibit_program]="Pragma: no-cache" expect_cache[exhibit_program]=BYPASS
url[exhibit_static]=$base/static/bench/exhibit.html hdr[exhibit_static]= expect_cache[exhibit_static]=-
variants=(hall_page hall_program hall_static exhibit_page exhibit_program exhibit_static)

headers_of() { # variant → curl/wrk -H arguments, one a line
	local h
	IFS='|' read -ra h <<<"${hdr[$1]}"
	for x in "${h[@]}"; do [ -n "$x" ] && printf '%s\n' -H "$x"; done
}

bad=()
failed() { echo "bench/pages: FAILED: $*" >&2; bad+=("$1"); }

# Before any run: each variant answers 200 with the page it names, and the
# cached ones come from nginx's cache once it has them.
for v in "${variants[@]}"; do
	mapfile -t h < <(headers_of "$v")
	for _ in 1 2; do
		curl -sS -o "$var/check.html" -D "$var/check.headers" "${h[@]}" "${url[$v]}" || true
	done
	code=$(awk 'NR == 1 { print $2 }' "$var/check.headers")
	xcache=$(awk -F': *' 'tolower($1) == "x-cache" { sub(/\r$/, "", $2); print $2 }' "$var/check.headers")
	[ "$code" = 200 ] || failed "$v" "answered $code"
	[ "${xcache:--}" = "${expect_cache[$v]}" ] || failed "$v" "X-Cache is '${xcache:--}', not ${expect_cache[$v]}"
	case "$v" in
	hall_*) grep -q 'id="hall" class="hall" data-user="octocat"' "$var/check.html" ||
		failed "$v" "is not the hall of the visitor octocat (the entrance?)" ;;
	exhibit_*) cmp -s "$var/check.html" static/bench/exhibit.html ||
		failed "$v" "is not the exhibit page" ;;
	esac
	[ "$v" = hall_program ] || [ "$v" = exhibit_program ] ||
		cmp -s "$var/check.html" "static/bench/${v%%_*}.html" || failed "$v" "differs from its static copy"
done
if [ ${#bad[@]} -gt 0 ]; then
	echo "bench/pages: FAILED before measuring: ${bad[*]}" >&2
	exit 1
fi

# rps VARIANT — one wrk run; sets rate to its requests/s, and checks the run:
# wrk's own count of errors, and nginx's log of every request it made.
# nginx logs a request when it ends: the last ones of a run are written after
# wrk has printed. The log is read once it has stopped growing.
log_quiet() {
	local a b
	a=$(wc -l <"$var/log/bench.log")
	while sleep 0.3; do
		b=$(wc -l <"$var/log/bench.log")
		[ "$a" = "$b" ] && break
		a=$b
	done
}

rps() {
	local v=$1 out from n wanted other
	mapfile -t h < <(headers_of "$v")
	log_quiet
	from=$(($(wc -l <"$var/log/bench.log") + 1))
	out=$(wrk -t1 -c$conns -d"${secs}s" "${h[@]}" "${url[$v]}")
	if grep -qE 'Socket errors|Non-2xx' <<<"$out"; then
		failed "$v" "wrk: $(grep -E 'Socket errors|Non-2xx' <<<"$out" | tr -s ' ' | tr '\n' ' ')"
	fi
	wanted="200 ${expect_cache[$v]} ${url[$v]#"$base"}"
	log_quiet
	read -r n other < <(tail -n +"$from" "$var/log/bench.log" | awk -v want="$wanted" \
		-v renew="^200 (MISS|EXPIRED|UPDATING) " '
		$0 == want { n++; next }
		want ~ /^200 HIT / && $0 ~ renew { renewed++; next }
		{ other++; if (!first) first = $0 }
		END { if (renewed > 5) { other += renewed; first = first " (" renewed " cache misses)" }
		      printf "%d %d %s\n", n, other, first }')
	[ "${n:-0}" -gt 0 ] || failed "$v" "nginx logged no request of the run"
	[ "${other%% *}" = 0 ] || failed "$v" "$other requests not '$wanted' in nginx's log, the first: ${other#* }"
	rate=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
	[ -n "$rate" ] || { failed "$v" "wrk printed no rate"; rate=0; }
}

declare -A sum
for v in "${variants[@]}"; do sum[$v]=0; done
for r in $(seq "$rounds"); do
	for v in "${variants[@]}"; do
		rps "$v"
		sum[$v]=$(echo "${sum[$v]} + $rate" | bc)
	done
	echo "round $r done" >&2
done
avg() { echo "scale=0; ${sum[$1]} / $rounds" | bc; }
ratio() { [ ${#bad[@]} -eq 0 ] && echo "scale=2; ${sum[$1]} / ${sum[$2]}" | bc || echo "–"; }
printf '| page | as served (req/s) | program only (req/s) | static copy (req/s) | served / static | program / static |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: |\n'
for p in hall exhibit; do
	printf '| %s | %s | %s | %s | %s | %s |\n' "$p" "$(avg ${p}_page)" "$(avg ${p}_program)" \
		"$(avg ${p}_static)" "$(ratio ${p}_page ${p}_static)" "$(ratio ${p}_program ${p}_static)"
done
echo
echo "wrk -t1 -c$conns, ${secs}s per run, $rounds alternating rounds, $(nproc) cores, $(date -u +%F)," \
	"load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
if [ ${#bad[@]} -gt 0 ]; then
	echo "bench/pages: FAILED: ${bad[*]} did not measure what they name (above); no ratio printed" >&2
	exit 1
fi
