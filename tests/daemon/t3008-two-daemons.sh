#!/usr/bin/env bash
# Two daemons on one database share presence and chat, and a dead daemon's visitors
# leave (cases in js/two-daemons.test.mjs).
exec "$(dirname "$0")/node-test.sh" two-daemons
