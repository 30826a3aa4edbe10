#!/usr/bin/env bash
# bench/score — how long scoring one critique against the whole weakness catalog
# takes (normalisation and Jaro–Winkler against every phrasing, as a throw
# does), with the catalog read from sql/ and no database; then how miss rules
# sort the labelled critiques in bench/score/labelled-critiques.tsv. Prints the
# Markdown tables of docs/BENCHMARKS.md and docs/MASAKARI.md.
#   bench/score/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s bin/bench-score
bin/bench-score sql "${1:-20000}" bench/score/labelled-critiques.tsv bench/score/held-out-critiques.tsv
echo
echo "($(nproc) cores, $(date -u +%F))"
