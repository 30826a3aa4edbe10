#!/usr/bin/env bash
# Who may open the hall: Origin allowlist, the masakari subprotocol, a valid GitHub ID
# or none (a spectator), the /ws path; through nginx and directly (cases in
# js/handshake.test.mjs).
exec "$(dirname "$0")/node-test.sh" handshake
