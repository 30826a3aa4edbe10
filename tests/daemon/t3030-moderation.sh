#!/usr/bin/env bash
# An identity follows every open socket (Change ID, a GitHub sign-in taking
# the ID back), and the operators' acts (kick, ban, mute, deleted lines,
# announcements, address bans, the word filter, the operator mark) reach two
# daemons within a second (cases in js/moderation.test.mjs).
exec "$(dirname "$0")/node-test.sh" moderation
