#!/usr/bin/env bash
# t4031-accessibility.sh — every page, the new ones included, at zero WCAG 2
# A/AA violations by axe-core in chromium, in both languages (the cases are
# in accessibility.test.mjs).
exec "$(dirname "$0")/browser-test.sh" accessibility 300000
