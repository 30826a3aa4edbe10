#!/usr/bin/env bash
# t4030-responses.sh — likes, the guestbook and its team's answers, reactions
# in the hall and the insights page in a real browser, in both languages
# (the cases are in responses.test.mjs).
exec "$(dirname "$0")/browser-test.sh" responses 300000
