#!/usr/bin/env bash
# t4003-browser-code.sh — the browser code as a whole (the cases are in
# code.test.mjs): each page's modulepreload list against its import graph.
exec "$(dirname "$0")/browser-test.sh" code 120000
