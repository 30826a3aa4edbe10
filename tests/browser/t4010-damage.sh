#!/usr/bin/env bash
# t4010-damage.sh — the damage a critic watches on a throw's page, in a real
# browser against this run's stack (the cases are in damage.test.mjs).
exec "$(dirname "$0")/browser-test.sh" damage 180000
