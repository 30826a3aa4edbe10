#!/usr/bin/env bash
# The loop never waits for MariaDB: a database that never answers leaves the hall
# working and the daemon stoppable (cases in js/database-away.test.mjs).
exec "$(dirname "$0")/node-test.sh" database-away
