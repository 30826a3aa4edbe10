#!/usr/bin/env bash
# Joining the hall: full snapshot then deltas, one avatar per ID, LEAVE, clamping
# (through nginx at $BASE/ws; the cases are in js/join.test.mjs).
exec "$(dirname "$0")/node-test.sh" join
