#!/usr/bin/env bash
# The masakari room: ACTION_SEND_STATUS every second and ACTION_RECV_MASAKARI when a
# throw lands, to subscribers only (through nginx; cases in js/masakari-room.test.mjs).
exec "$(dirname "$0")/node-test.sh" masakari-room
