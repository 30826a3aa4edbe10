#!/usr/bin/env bash
# The hall-wide chat budget on top of the per-connection one (through nginx at
# $BASE/ws; the cases are in js/chat-budget.test.mjs).
exec "$(dirname "$0")/node-test.sh" chat-budget
