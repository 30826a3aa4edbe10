#!/usr/bin/env bash
# Rate limits: positions 20/s, chat 1/s burst 5, persistent abuse closed (through nginx
# at $BASE/ws; the cases are in js/limits.test.mjs).
exec "$(dirname "$0")/node-test.sh" limits
