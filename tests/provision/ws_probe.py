#!/usr/bin/python3
"""ws_probe.py — joins the hall over WebSocket the way a browser does and checks
that the daemon answers: the masakari subprotocol is agreed, and after a move the
daemon's position update lists this visitor where it moved. It first enters
at the same server's entrance (/, with ORIGIN's host as Host) as USER, as a browser would, for the identity cookie
that the hall knows it by (?user= chooses nobody).

    ws_probe.py URL ORIGIN USER [CAFILE]   e.g. ws://127.0.0.1:8080/ws http://localhost:8080 octocat

A wss:// URL is checked against the certificates in CAFILE (the system's when
none is given).

Exits 0 when every check passes, 1 with the reason on stderr otherwise. Uses
Debian's python3-websockets, a real client (handshake, masking, framing)."""
import asyncio
import http.cookiejar
import inspect
import json
import re
import ssl
import sys
import urllib.parse
import urllib.request

import websockets
import websockets.exceptions


def enter(url, origin, user, cafile=None):
    """Claims user at the entrance of the server at url (ws:// or wss://), named
    as origin names it (its Host); the Cookie header of that browser."""
    ws = urllib.parse.urlsplit(url)
    base = ("https" if ws.scheme == "wss" else "http") + "://" + ws.netloc
    host = {"Host": urllib.parse.urlsplit(origin).netloc}
    jar = http.cookiejar.CookieJar()
    tls = ssl.create_default_context(cafile=cafile) if base.startswith("https:") else None
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar),
                                         urllib.request.HTTPSHandler(context=tls))
    page = opener.open(urllib.request.Request(base + "/", headers=host), timeout=10).read().decode()
    m = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    if not m:
        raise OSError("the entrance has no CSRF token")
    form = urllib.parse.urlencode({"github_id": user, "csrf_token": m.group(1)}).encode()
    opener.open(urllib.request.Request(base + "/", data=form, headers=host), timeout=10).read()
    cookies = [f"{c.name}={c.value}" for c in jar if c.name.endswith("identity")]
    if not cookies:
        raise OSError(f"entering as {user} gave no identity cookie")
    return "; ".join(cookies)


async def probe(url, origin, user, cafile=None):
    cookie = enter(url, origin, user, cafile)
    tls = ssl.create_default_context(cafile=cafile) if url.startswith("wss:") else None
    # The keyword for extra headers is named differently across versions.
    params = inspect.signature(websockets.connect).parameters
    headers = {"additional_headers" if "additional_headers" in params else "extra_headers":
               {"Cookie": cookie}}
    async with websockets.connect(url, subprotocols=["masakari"], origin=origin,
                                  open_timeout=10, ssl=tls, **headers) as ws:
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
