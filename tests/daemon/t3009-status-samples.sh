#!/usr/bin/env bash
# Host status samples for the HP history: recorded every few seconds, pruned after a
# day (cases in js/status-samples.test.mjs).
exec "$(dirname "$0")/node-test.sh" status-samples
