#!/usr/bin/env bash
# The hall's memory of IDs (for a database that is slow or away) never gives
# back an ID whose hold was let go: the identity thread reads the holds let go
# every second and the hall forgets them (cases in
# js/released-memory.test.mjs).
exec "$(dirname "$0")/node-test.sh" released-memory
