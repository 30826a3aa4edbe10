#!/usr/bin/python3
"""ws_probe.py — joins the hall over WebSocket the way a browser does and checks
that the daemon answers: the masakari subprotocol is agreed, and after a move the
daemon's position update lists this visitor where it moved.

    ws_probe.py URL ORIGIN USER [CAFILE]   e.g. ws://127.0.0.1:8080/ws http://localhost:8080 octocat

A wss:// URL is checked against the certificates in CAFILE (the system's when
none is given).

Exits 0 when every check passes, 1 with the reason on stderr otherwise. Uses
Debian's python3-websockets, a real client (handshake, masking, framing)."""
import asyncio
import json
import ssl
import sys

import websockets


async def probe(url, origin, user, cafile=None):
    tls = ssl.create_default_context(cafile=cafile) if url.startswith("wss:") else None
    async with websockets.connect(f"{url}?user={user}", subprotocols=["masakari"],
                                  origin=origin, open_timeout=10, ssl=tls) as ws:
        if ws.subprotocol != "masakari":
            return f"subprotocol is {ws.subprotocol!r}, not 'masakari'"
        await ws.send(json.dumps({"action": "UPDATE_CHARACTER_POS", "pos_x": 321.5, "pos_y": 654}))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        seen = []
        while loop.time() < deadline:
            try:
                frame = await asyncio.wait_for(ws.recv(), deadline - loop.time())
            except asyncio.TimeoutError:
                break
            msg = json.loads(frame)
            seen.append(msg.get("action"))
            if msg.get("action") != "UPDATE_CHARACTER_POS":
                continue
            for c in msg.get("characters", []):
                if c.get("user_id") == user and c.get("pos_x") == 321.5 and c.get("pos_y") == 654:
                    return None
        return f"no position update placing {user} at (321.5, 654) within 10 s; got {seen}"


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        problem = asyncio.run(probe(*sys.argv[1:]))
    except (OSError, websockets.exceptions.WebSocketException, asyncio.TimeoutError) as e:
        problem = f"{type(e).__name__}: {e}"
    if problem:
        print(f"ws_probe: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
