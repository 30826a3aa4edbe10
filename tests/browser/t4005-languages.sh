#!/usr/bin/env bash
# t4005-languages.sh — the hall and the game walked once in Japanese and once
# in English in a real browser, finding nothing in the other language (the
# cases are in languages.test.mjs).
exec "$(dirname "$0")/browser-test.sh" languages 300000
