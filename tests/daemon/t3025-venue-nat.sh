#!/usr/bin/env bash
# A venue behind one NAT: one address, one abuser, fifty honest visitors
# (cases in js/venue-nat.test.mjs). The abuser posts junk throws, opens 200
# hall sockets and holds several IDs with many tabs each, chatting and
# throwing; the fifty behind the same address still enter, join the hall,
# chat and throw (docs/ARCHITECTURE.md, "Limits per address").
exec "$(dirname "$0")/node-test.sh" venue-nat
