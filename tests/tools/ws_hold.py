#!/usr/bin/env python3
"""ws_hold.py — opens many WebSocket upgrades from one source address and holds them.

A flood as one address would send it, for the limit tests: COUNT connections to
HOST:PORT/ws bound to --from ADDRESS (or to each of a comma-separated list of
addresses in turn, as one IPv6 /64 would), each sending the upgrade request (with any
extra --header lines), all kept open until every one has its answer and then
--hold seconds more. Prints how many got each status ("101 200", "429 20", one
line per status; "000" for no answer) and exits. Bounded: every socket has a
timeout, and the whole run ends by --deadline seconds.
"""
import argparse
import base64
import os
import socket
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("--from", dest="source", default="127.0.0.1")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--hold", type=float, default=1.0)
    ap.add_argument("--path", default="/ws")
    ap.add_argument("--origin", default=None)
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--deadline", type=float, default=30.0)
    ap.add_argument("--one-at-a-time", action="store_true",
                    help="close each connection once answered, before the next")
    a = ap.parse_args()
    if a.count > 2000:
        sys.exit("ws_hold.py: at most 2000 connections")
    end = time.monotonic() + a.deadline
    origin = a.origin or "http://localhost:%d" % a.port
    socks = []
    counts = {}
    sources = a.source.split(",")
    for i in range(a.count):
        source = sources[i % len(sources)]
        s = socket.socket(socket.AF_INET6 if ":" in source else socket.AF_INET)
        s.settimeout(max(0.1, end - time.monotonic()))
        try:
            s.bind((source, 0))
            s.connect((a.host, a.port))
            key = base64.b64encode(os.urandom(16)).decode()
            req = (
                "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
                "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: masakari\r\n"
                "Origin: %s\r\n" % (a.path, "[%s]" % a.host if ":" in a.host else a.host, a.port, key, origin)
            )
            for h in a.header:
                req += h + "\r\n"
            s.sendall((req + "\r\n").encode())
        except OSError:
            s.close()
            s = None
        if a.one_at_a_time:
            status = answer(s, end)
            counts[status] = counts.get(status, 0) + 1
            if s is not None:
                s.close()
        else:
            socks.append(s)
    for s in socks:
        status = answer(s, end)
        counts[status] = counts.get(status, 0) + 1
    time.sleep(max(0.0, min(a.hold, end - time.monotonic())))
    for s in socks:
        if s is not None:
            s.close()
    for status in sorted(counts):
        print(status, counts[status])


def answer(s, end):
    """The status of the answer to the upgrade on s, or "000"."""
    status = "000"
    if s is None:
        return status
    try:
        s.settimeout(max(0.1, end - time.monotonic()))
        head = b""
        while b"\r\n" not in head and len(head) < 4096:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
        parts = head.split(b" ", 2)
        if len(parts) >= 2 and parts[0].startswith(b"HTTP/1."):
            status = parts[1].decode("ascii", "replace")
    except OSError:
        pass
    return status


if __name__ == "__main__":
    main()
