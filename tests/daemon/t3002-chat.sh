#!/usr/bin/env bash
# Chat: broadcast, stored in MariaDB, last 50 on join, 200-character limit (through
# nginx at $BASE/ws; the cases are in js/chat.test.mjs).
exec "$(dirname "$0")/node-test.sh" chat
