#!/usr/bin/env bash
# Bad input: each gets ERROR_MESSAGE or a close, never reaches others, never
# stops the daemon (through nginx at $BASE/ws; the cases are in js/bad-input.test.mjs).
exec "$(dirname "$0")/node-test.sh" bad-input
