#!/usr/bin/env python3
"""fake_github.py — a real local HTTP server that plays GitHub's OAuth app
flow for the sign-in tests, or misbehaves on purpose. No test reaches
github.com.

    fake_github.py --port N [--mode M] [--login ID] [--user-id N] [--delay-ms N] [--log FILE]

Endpoints, as GitHub's:
  GET  /login/oauth/authorize?client_id&redirect_uri&state
       the visitor "agrees": 302 to redirect_uri?code=…&state=… (mode denied:
       ?error=access_denied&state=…)
  POST /login/oauth/access_token  client_id, client_secret, code, redirect_uri
       {"access_token","token_type":"bearer","scope":""}; a wrong secret or
       code: {"error":"bad_verification_code"}
  GET  /api/user  (Authorization: Bearer <token>)  {"login": --login,
       "id": --user-id (GitHub's numeric id, which a rename keeps), …}

Modes: ok, denied, 500 (the token endpoint answers 500), slow (it answers
after --delay-ms, 10 s by default), garbage (a 200 that is not JSON),
refused (bad_verification_code whatever the code), user-500 (the user
endpoint answers 500), user-garbage (a login that is not a GitHub ID).
Each request is appended to --log as one JSON line {"method","path","query",
"form","authorization"}. Listens on 127.0.0.1 only; SIGTERM stops it."""
import argparse
import json
import signal
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CLIENT_ID = "test-client-id"
CLIENT_SECRET = "test-client-secret"

args = None


def log(entry):
    if args.log:
        with open(args.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def answer(self, status, body, ctype="application/json", location=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        log({"method": "GET", "path": url.path, "query": {k: v[0] for k, v in query.items()},
             "authorization": self.headers.get("Authorization")})
        if url.path == "/login/oauth/authorize":
            back = query.get("redirect_uri", [""])[0]
            state = query.get("state", [""])[0]
            if query.get("client_id", [""])[0] != CLIENT_ID or not back:
                return self.answer(404, '{"message":"Not Found"}')
            if args.mode == "denied":
                extra = {"error": "access_denied", "state": state}
            else:
                extra = {"code": "code-" + args.login, "state": state}
            sep = "&" if "?" in back else "?"
            return self.answer(302, "", "text/html", back + sep + urllib.parse.urlencode(extra))
        if url.path == "/api/user":
            if args.mode == "user-500":
                return self.answer(500, '{"message":"Server Error"}')
            if self.headers.get("Authorization") != "Bearer tok-" + args.login:
                return self.answer(401, '{"message":"Bad credentials"}')
            if args.mode == "user-garbage":
                return self.answer(200, json.dumps({"login": "<script>alert(1)</script>"}))
            return self.answer(200, json.dumps({"login": args.login, "id": args.user_id, "type": "User"}))
        return self.answer(404, '{"message":"Not Found"}')

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode(errors="replace")).items()}
        log({"method": "POST", "path": url.path, "form": {k: v for k, v in form.items() if k != "client_secret"},
             "secret_ok": form.get("client_secret") == CLIENT_SECRET})
        if url.path != "/login/oauth/access_token":
            return self.answer(404, '{"message":"Not Found"}')
        if args.mode == "500":
            return self.answer(500, '{"message":"Server Error"}')
        if args.mode == "slow":
            time.sleep(args.delay_ms / 1000)
        if args.mode == "garbage":
            return self.answer(200, "<html><body>Whoa there!</body></html>", "text/html")
        if (args.mode == "refused" or form.get("client_id") != CLIENT_ID
                or form.get("client_secret") != CLIENT_SECRET or form.get("code") != "code-" + args.login):
            return self.answer(200, json.dumps({"error": "bad_verification_code",
                                                "error_description": "The code passed is incorrect or expired."}))
        return self.answer(200, json.dumps({"access_token": "tok-" + args.login, "token_type": "bearer", "scope": ""}))


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--mode", default="ok")
    p.add_argument("--login", default="octocat")
    p.add_argument("--user-id", type=int, default=1)
    p.add_argument("--delay-ms", type=int, default=10000)
    p.add_argument("--log")
    args = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    main()
