#!/usr/bin/env bash
# t4001-hall.sh — the exhibition hall in a real browser: two visitors in
# Debian's chromium against this run's stack (the cases are in hall.test.mjs).
exec "$(dirname "$0")/browser-test.sh" hall 120000
