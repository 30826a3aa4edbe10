#!/usr/bin/env bash
# Emotes in the hall (REACT): seen by everyone connected, refused when
# unknown, from a spectator, while muted or in a flood; and the visitor
# samples the insights page reads (cases in js/react.test.mjs).
exec "$(dirname "$0")/node-test.sh" react
