#!/usr/bin/env bash
# bench/score — how long scoring one critique against the whole weakness catalog
# takes (normalisation and Jaro–Winkler against every phrasing, as a throw
# does), with the catalog read from sql/ and no database. Prints the Markdown
# table of docs/BENCHMARKS.md.
#   bench/score/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s bin/bench-score
bin/bench-score sql "${1:-20000}"
echo
echo "($(nproc) cores, $(date -u +%F))"
