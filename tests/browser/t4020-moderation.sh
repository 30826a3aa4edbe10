#!/usr/bin/env bash
# t4020-moderation.sh — a moderated event in real browsers: an operator, a
# visitor and a troll on a second hall daemon; report, delete, mute, kick,
# ban, unban and announce, with screenshots in both languages (the cases
# are in moderation.test.mjs).
exec "$(dirname "$0")/browser-test.sh" moderation 240000
