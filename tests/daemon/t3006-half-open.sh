#!/usr/bin/env bash
# A client that stops answering pings is hung up on and leaves the hall (its own daemon
# with short ping settings; cases in js/half-open.test.mjs).
exec "$(dirname "$0")/node-test.sh" half-open
