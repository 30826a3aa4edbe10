#!/usr/bin/env bash
# Bubbles: PROXIMITY as visitors walk together and apart, the nearest five,
# an exhibit's booth, busy; RTC_SIGNAL and near chat reach current peers
# only, on one daemon and across two (cases in js/proximity.test.mjs).
exec "$(dirname "$0")/node-test.sh" proximity
