#!/usr/bin/env bash
# t4040-proximity-call.sh — two visitors in Debian's chromium with fake
# microphones walk together, join with the microphone, hear each other over
# WebRTC, and walk apart: on one hall daemon, with a slow relay, then on two
# (the cases are in call.test.mjs).
exec "$(dirname "$0")/browser-test.sh" call 180000
