#!/usr/bin/env bash
# bench/pages — how fast the FastCGI pages are next to nginx serving the same
# bytes as a static file, measured side by side in one run (the machine is
# shared and noisy, so only the ratios mean anything).
#
# For the hall page (with a visitor cookie) and an exhibit page it runs wrk
# against: the page as visitors get it (nginx's cache in front of the program),
# the program itself ("Pragma: no-cache" bypasses nginx's cache; the program's
# own cache still answers), and a static copy of the same bytes. Rounds
# alternate so drift hits every variant alike.
#   bench/pages/run.sh [seconds-per-run] [rounds]
. "$(dirname "$0")/../lib.sh"
secs=${1:-5}
rounds=${2:-3}
conns=16

bench_cleanup() { rm -rf static/bench; }
bench_stack
stack_start
base=http://127.0.0.1:$port

mkdir -p static/bench
cookie="github_id=octocat"
curl -fsS -H "Cookie: $cookie" "$base/" >static/bench/hall.html
curl -fsS "$base/exhibits/meguru-cosmos" >static/bench/exhibit.html

rps() { # url [header]
	local args=(-t1 -c$conns -d${secs}s)
	[ $# -gt 1 ] && args+=(-H "$2")
	[ $# -gt 2 ] && args+=(-H "$3")
	wrk "${args[@]}" "$1" | awk '/Requests\/sec/ {print $2}'
}

declare -A sum
variants=(hall_page hall_program hall_static exhibit_page exhibit_program exhibit_static)
for v in "${variants[@]}"; do sum[$v]=0; done
for r in $(seq "$rounds"); do
	sum[hall_page]=$(echo "${sum[hall_page]} + $(rps "$base/" "Cookie: $cookie")" | bc)
	sum[hall_program]=$(echo "${sum[hall_program]} + $(rps "$base/" "Cookie: $cookie" "Pragma: no-cache")" | bc)
	sum[hall_static]=$(echo "${sum[hall_static]} + $(rps "$base/static/bench/hall.html")" | bc)
	sum[exhibit_page]=$(echo "${sum[exhibit_page]} + $(rps "$base/exhibits/meguru-cosmos")" | bc)
	sum[exhibit_program]=$(echo "${sum[exhibit_program]} + $(rps "$base/exhibits/meguru-cosmos" "Pragma: no-cache")" | bc)
	sum[exhibit_static]=$(echo "${sum[exhibit_static]} + $(rps "$base/static/bench/exhibit.html")" | bc)
	echo "round $r done" >&2
done
avg() { echo "scale=0; ${sum[$1]} / $rounds" | bc; }
ratio() { echo "scale=2; ${sum[$1]} / ${sum[$2]}" | bc; }
printf '| page | as served (req/s) | program only (req/s) | static copy (req/s) | served / static | program / static |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: |\n'
for p in hall exhibit; do
	printf '| %s | %s | %s | %s | %s | %s |\n' "$p" "$(avg ${p}_page)" "$(avg ${p}_program)" \
		"$(avg ${p}_static)" "$(ratio ${p}_page ${p}_static)" "$(ratio ${p}_program ${p}_static)"
done
echo
echo "wrk -t1 -c$conns, ${secs}s per run, $rounds alternating rounds, $(nproc) cores, $(date -u +%F)"
