#!/usr/bin/env bash
# t4004-sound.sh — the masakari page's sounds in a real browser: silent before
# the first interaction, the mute toggle remembered, reduced motion respected
# (the cases are in sound.test.mjs).
exec "$(dirname "$0")/browser-test.sh" sound 120000
