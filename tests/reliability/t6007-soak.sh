#!/usr/bin/env bash
# One minute of the soak (bench/soak/run.sh; docs/RELIABILITY.md has the
# ten-minute figures): 500 hall visitors, 50 pages a second and throws at full
# power together, and nothing grows, fails or is lost. 50, not the soak's 200:
# the game's two workers do not serve 200 uncached pages a second on this
# two-core machine beside everything else (docs/RELIABILITY.md).
# timeout: 240
. "$(dirname "$0")/../lib.sh"

t "a minute of the whole load: memory bounded, no 5xx, every chat message and throw stored"
# On a stack of its own, whose hall takes 500 visitors from one address.
env -u BASE "$ROOT/bench/soak/run.sh" 60 500 50 | tee "$TMP/soak.txt"
check "the soak passed" grep -q '^soak: passed$' "$TMP/soak.txt"
check "it measured every part" grep -q '^| mariadb ' "$TMP/soak.txt"

done_testing
