#!/usr/bin/env bash
# deps.sh — installs the Debian packages that building, running and testing need.
#   scripts/deps.sh         what `make run` needs
#   scripts/deps.sh test    and what `make test` needs (browser, load tools)
# Runs apt-get only when something is missing; as root or through sudo.
set -euo pipefail

run_pkgs=(build-essential pkg-config clearsilver-dev libfcgi-dev libmariadb-dev
	libcurl4-openssl-dev libwebsockets-dev libwebsockets-evlib-ev libev-dev libjansson-dev
	libcmocka-dev zlib1g-dev libssl-dev
	# Scoring splits Japanese critiques into words with MeCab and its IPA dictionary.
	libmecab-dev mecab-ipadic-utf8
	mariadb-server mariadb-client nginx-light spawn-fcgi curl cron util-linux procps
	ca-certificates)
# fonts-noto-cjk: the browser tests' screenshots show Japanese, not empty boxes.
test_pkgs=(jq bc wrk chromium nodejs fonts-noto-cjk libxml2-utils psmisc iproute2 debootstrap
	systemd-container ansible ansible-lint rsync python3-websockets vagrant vagrant-libvirt
	# The reliability tests: fuzz targets (clang's libFuzzer and sanitizers),
	# leak checks, a flooder whose wall clock jumps.
	clang libclang-rt-14-dev valgrind faketime libfaketime)

pkgs=("${run_pkgs[@]}")
[ "${1:-}" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm comes with Debian's nodejs only as its own package; a node already on the
# PATH (from elsewhere) is fine.
if [ "${1:-}" = test ] && ! command -v npm >/dev/null 2>&1; then
	missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
