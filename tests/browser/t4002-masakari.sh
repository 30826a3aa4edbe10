#!/usr/bin/env bash
# t4002-masakari.sh — the masakari game in a real browser against this run's
# stack (the cases are in masakari.test.mjs).
exec "$(dirname "$0")/browser-test.sh" masakari 180000
