#!/usr/bin/env bash
# bench/score — how long scoring one critique against the whole weakness catalog
# takes (cutting into words, then Jaro–Winkler against the catalog's words, as
# a throw does), with the catalog read from sql/ and no database; then how the
# scoring sorts the labelled critiques (bench/score/labelled-critiques.tsv, the
# set it was tuned on) and the held-out ones (held-out-critiques.tsv,
# fresh-held-out-critiques.tsv, third-held-out-critiques.tsv,
# fourth-held-out-critiques.tsv, fifth-held-out-critiques.tsv,
# sixth-held-out-critiques.tsv, seventh-held-out-critiques.tsv,
# eighth-held-out-critiques.tsv, ninth-held-out-critiques.tsv,
# tenth-held-out-critiques.tsv, eleventh-held-out-critiques.tsv,
# twelfth-held-out-critiques.tsv, thirteenth-held-out-critiques.tsv,
# fourteenth-held-out-critiques.tsv, fifteenth-held-out-critiques.tsv,
# sixteenth-held-out-critiques.tsv, seventeenth-held-out-critiques.tsv,
# eighteenth-held-out-critiques.tsv, nineteenth-held-out-critiques.tsv,
# twentieth-held-out-critiques.tsv, twenty-first-held-out-critiques.tsv,
# twenty-second-held-out-critiques.tsv, twenty-third-held-out-critiques.tsv,
# twenty-fourth-held-out-critiques.tsv, twenty-fifth-held-out-critiques.tsv,
# twenty-sixth-held-out-critiques.tsv, twenty-seventh-held-out-critiques.tsv,
# twenty-eighth-held-out-critiques.tsv, twenty-ninth-held-out-critiques.tsv,
# thirtieth-held-out-critiques.tsv, thirty-first-held-out-critiques.tsv,
# thirty-second-held-out-critiques.tsv, thirty-third-held-out-critiques.tsv,
# thirty-fourth-held-out-critiques.tsv, thirty-fifth-held-out-critiques.tsv,
# thirty-sixth-held-out-critiques.tsv, thirty-seventh-held-out-critiques.tsv,
# thirty-eighth-held-out-critiques.tsv, thirty-ninth-held-out-critiques.tsv,
# fortieth-held-out-critiques.tsv, forty-first-held-out-critiques.tsv,
# forty-second-held-out-critiques.tsv, forty-third-held-out-critiques.tsv,
# forty-fourth-held-out-critiques.tsv, forty-fifth-held-out-critiques.tsv,
# forty-sixth-held-out-critiques.tsv, forty-seventh-held-out-critiques.tsv,
# forty-eighth-held-out-critiques.tsv, forty-ninth-held-out-critiques.tsv,
# fiftieth-held-out-critiques.tsv, fifty-first-held-out-critiques.tsv,
# fifty-second-held-out-critiques.tsv, fifty-third-held-out-critiques.tsv,
# fifty-fourth-held-out-critiques.tsv, fifty-fifth-held-out-critiques.tsv,
# fifty-sixth-held-out-critiques.tsv, fifty-seventh-held-out-critiques.tsv,
# fifty-eighth-held-out-critiques.tsv, fifty-ninth-held-out-critiques.tsv and
# sixtieth-held-out-critiques.tsv). Prints the
# Markdown tables of docs/BENCHMARKS.md and docs/MASAKARI.md.
#   bench/score/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s bin/bench-score
bin/bench-score sql "${1:-20000}" bench/score/labelled-critiques.tsv bench/score/held-out-critiques.tsv \
	bench/score/fresh-held-out-critiques.tsv bench/score/third-held-out-critiques.tsv \
	bench/score/fourth-held-out-critiques.tsv bench/score/fifth-held-out-critiques.tsv \
	bench/score/sixth-held-out-critiques.tsv bench/score/seventh-held-out-critiques.tsv \
	bench/score/eighth-held-out-critiques.tsv bench/score/ninth-held-out-critiques.tsv \
	bench/score/tenth-held-out-critiques.tsv bench/score/eleventh-held-out-critiques.tsv \
	bench/score/twelfth-held-out-critiques.tsv bench/score/thirteenth-held-out-critiques.tsv \
	bench/score/fourteenth-held-out-critiques.tsv bench/score/fifteenth-held-out-critiques.tsv \
	bench/score/sixteenth-held-out-critiques.tsv bench/score/seventeenth-held-out-critiques.tsv \
	bench/score/eighteenth-held-out-critiques.tsv bench/score/nineteenth-held-out-critiques.tsv \
	bench/score/twentieth-held-out-critiques.tsv bench/score/twenty-first-held-out-critiques.tsv \
	bench/score/twenty-second-held-out-critiques.tsv bench/score/twenty-third-held-out-critiques.tsv \
	bench/score/twenty-fourth-held-out-critiques.tsv bench/score/twenty-fifth-held-out-critiques.tsv \
	bench/score/twenty-sixth-held-out-critiques.tsv bench/score/twenty-seventh-held-out-critiques.tsv \
	bench/score/twenty-eighth-held-out-critiques.tsv bench/score/twenty-ninth-held-out-critiques.tsv \
	bench/score/thirtieth-held-out-critiques.tsv bench/score/thirty-first-held-out-critiques.tsv \
	bench/score/thirty-second-held-out-critiques.tsv bench/score/thirty-third-held-out-critiques.tsv \
	bench/score/thirty-fourth-held-out-critiques.tsv bench/score/thirty-fifth-held-out-critiques.tsv \
	bench/score/thirty-sixth-held-out-critiques.tsv bench/score/thirty-seventh-held-out-critiques.tsv \
	bench/score/thirty-eighth-held-out-critiques.tsv bench/score/thirty-ninth-held-out-critiques.tsv \
	bench/score/fortieth-held-out-critiques.tsv bench/score/forty-first-held-out-critiques.tsv \
	bench/score/forty-second-held-out-critiques.tsv bench/score/forty-third-held-out-critiques.tsv \
	bench/score/forty-fourth-held-out-critiques.tsv bench/score/forty-fifth-held-out-critiques.tsv \
	bench/score/forty-sixth-held-out-critiques.tsv bench/score/forty-seventh-held-out-critiques.tsv \
	bench/score/forty-eighth-held-out-critiques.tsv bench/score/forty-ninth-held-out-critiques.tsv \
	bench/score/fiftieth-held-out-critiques.tsv bench/score/fifty-first-held-out-critiques.tsv \
	bench/score/fifty-second-held-out-critiques.tsv bench/score/fifty-third-held-out-critiques.tsv \
	bench/score/fifty-fourth-held-out-critiques.tsv bench/score/fifty-fifth-held-out-critiques.tsv \
	bench/score/fifty-sixth-held-out-critiques.tsv bench/score/fifty-seventh-held-out-critiques.tsv \
	bench/score/fifty-eighth-held-out-critiques.tsv bench/score/fifty-ninth-held-out-critiques.tsv \
	bench/score/sixtieth-held-out-critiques.tsv
echo
echo "($(nproc) cores, $(date -u +%F))"
