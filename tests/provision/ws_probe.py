#!/usr/bin/python3
"""ws_probe.py — joins the hall over WebSocket the way a browser does and checks
that the daemon answers: the masakari subprotocol is agreed, and after a move the
daemon's position update lists this visitor where it moved. It first enters
at the same server's entrance (/, with ORIGIN's host as Host) as USER, as a browser would, for the identity cookie
that the hall knows it by (?user= chooses nobody).

    ws_probe.py URL ORIGIN USER [CAFILE]   e.g. ws://127.0.0.1:8080/ws http://localhost:8080 octocat
    ws_probe.py --pair URL1 URL2 ORIGIN USER1 USER2

With --pair, USER1 enters and joins at URL1 and USER2 at URL2 (two web hosts of
one hall): each must see the other where they moved, and each hear the other's
chat line.

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


def connect(url, origin, cookie, cafile=None):
    tls = ssl.create_default_context(cafile=cafile) if url.startswith("wss:") else None
    # The keyword for extra headers is named differently across versions.
    params = inspect.signature(websockets.connect).parameters
    headers = {"additional_headers" if "additional_headers" in params else "extra_headers":
               {"Cookie": cookie}}
    return websockets.connect(url, subprotocols=["masakari"], origin=origin,
                              open_timeout=10, ssl=tls, **headers)


async def wait_for(ws, pred, what, seconds=15):
    """The first frame from ws that pred accepts; raises TimeoutError naming what."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    seen = []
    while loop.time() < deadline:
        try:
            frame = await asyncio.wait_for(ws.recv(), deadline - loop.time())
        except asyncio.TimeoutError:
            break
        msg = json.loads(frame)
        seen.append(msg.get("action"))
        if pred(msg):
            return msg
    raise asyncio.TimeoutError(f"no {what} within {seconds} s; got {seen[-20:]}")


def sighting(user, x, y):
    return lambda m: m.get("action") == "UPDATE_CHARACTER_POS" and any(
        c.get("user_id") == user and c.get("pos_x") == x and c.get("pos_y") == y
        for c in m.get("characters", []))


def chat_line(user, text):
    return lambda m: (m.get("action") == "ACTION_CHAT_MESSAGE" and m.get("user_id") == user
                      and m.get("message") == text)


async def pair(url1, url2, origin, user1, user2):
    cookie1 = enter(url1, origin, user1)
    cookie2 = enter(url2, origin, user2)
    async with connect(url1, origin, cookie1) as ws1, connect(url2, origin, cookie2) as ws2:
        await ws1.send(json.dumps({"action": "UPDATE_CHARACTER_POS", "pos_x": 111, "pos_y": 222}))
        await ws2.send(json.dumps({"action": "UPDATE_CHARACTER_POS", "pos_x": 333, "pos_y": 444}))
        await wait_for(ws2, sighting(user1, 111, 222), f"sighting of {user1} from {url2}")
        await wait_for(ws1, sighting(user2, 333, 444), f"sighting of {user2} from {url1}")
        line1, line2 = f"hello from {user1}", f"hello from {user2}"
        await ws1.send(json.dumps({"action": "ACTION_CHAT_MESSAGE", "message": line1}))
        await wait_for(ws2, chat_line(user1, line1), f"{user1}'s chat at {url2}")
        await ws2.send(json.dumps({"action": "ACTION_CHAT_MESSAGE", "message": line2}))
        await wait_for(ws1, chat_line(user2, line2), f"{user2}'s chat at {url1}")
    return None


async def probe(url, origin, user, cafile=None):
    cookie = enter(url, origin, user, cafile)
    async with connect(url, origin, cookie, cafile) as ws:
        if ws.subprotocol != "masakari":
            return f"subprotocol is {ws.subprotocol!r}, not 'masakari'"
        await ws.send(json.dumps({"action": "UPDATE_CHARACTER_POS", "pos_x": 321.5, "pos_y": 654}))
        await wait_for(ws, sighting(user, 321.5, 654),
                       f"position update placing {user} at (321.5, 654)", seconds=10)
    return None


def main():
    is_pair = len(sys.argv) == 7 and sys.argv[1] == "--pair"
    if not is_pair and len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        problem = asyncio.run(pair(*sys.argv[2:]) if is_pair else probe(*sys.argv[1:]))
    except (OSError, websockets.exceptions.WebSocketException, asyncio.TimeoutError) as e:
        problem = f"{type(e).__name__}: {e}"
    if problem:
        print(f"ws_probe: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
