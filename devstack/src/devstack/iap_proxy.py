"""The local stand-in for Identity-Aware Proxy, in front of the API function.

As IAP does, it lets nobody through without an identity and adds the signed assertion (x-goog-iap-jwt-assertion)
to every request it forwards, dropping any such header the client sent. A browser signs in on /_auth/login
(a text box labelled "Email" and a "Sign in" button: a local user is picked, no password, this is a local stack);
a script sends `Authorization: Bearer TOKEN` (from `labeliq dev-token --user EMAIL`), as IAP's programmatic access
does. Either is verified with the same code the API uses (labeliq.api.identity); the API then verifies the
assertion itself, against the local issuer's keys.
"""

from __future__ import annotations

import html
import http.client
import json
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from devstack.http_handler import PromptHandler
from devstack.identity_issuer import ASSERTION_LIFETIME_S, EMAIL, USER_TOKEN_AUDIENCE, LocalIssuer
from labeliq.api.identity import PublicKeys, VerifiedAssertions, verify_assertion
from labeliq.workspace.errors import ApiError

SESSION_COOKIE = "labeliq_local_session"
LOGIN_PATH = "/_auth/login"
LOGOUT_PATH = "/_auth/logout"
MAX_BODY_BYTES = 200_000_000
# Headers IAP sets itself; a client's own copies are dropped so they can never be mistaken for IAP's.
IAP_HEADERS = ("x-goog-iap-jwt-assertion", "x-goog-authenticated-user-email", "x-goog-authenticated-user-id")
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
    "transfer-encoding", "upgrade", "host", "content-length",
}  # fmt: skip

LOGIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - labeliq (local)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>Sign in to labeliq</h1>
<p>This is the local stack: pick the user to act as. In the cloud, Google sign-in (Identity-Aware Proxy) does this.</p>
{error}
<form method="post" action="/_auth/login">
<input type="hidden" name="next" value="{next}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required>
<button type="submit">Sign in</button>
</form>
</main></body></html>
"""


class LocalIapProxy:
    def __init__(self, issuer: LocalIssuer, api_url: str, audience: str, host: str = "127.0.0.1") -> None:
        self.issuer = issuer
        self.audience = audience
        parsed = urllib.parse.urlsplit(api_url)
        self._api_host = parsed.hostname or "127.0.0.1"
        self._api_port = parsed.port or 80
        self._keys = PublicKeys(issuer.certs_url)
        self._verified = VerifiedAssertions()
        self._assertions: dict[str, tuple[str, float]] = {}  # email -> (assertion, when to sign a new one)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer((host, 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://{host}:{self._server.server_address[1]}"
        self._thread: threading.Thread | None = None

    def user_of(self, token: str | None) -> str:
        identity = verify_assertion(
            token,
            keys=self._keys,
            audience=USER_TOKEN_AUDIENCE,
            issuer=self.issuer.issuer,
            verified=self._verified,
        )
        return identity.email

    def assertion_for(self, email: str) -> str:
        """The signed assertion the API gets for this user: one is used for half its lifetime, then a new one is
        signed, so the API's memory of verified assertions (labeliq.api.identity) serves a polling page."""
        now = time.time()
        with self._lock:
            held = self._assertions.get(email)
            if held is None or now >= held[1]:
                held = (self.issuer.sign(email, self.audience, ASSERTION_LIFETIME_S), now + ASSERTION_LIFETIME_S / 2)
                self._assertions[email] = held
            return held[0]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(PromptHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _cookie(self) -> str | None:
                for part in (self.headers.get("Cookie") or "").split(";"):
                    name, _, value = part.strip().partition("=")
                    if name == SESSION_COOKIE and value:
                        return value
                return None

            def _credential(self) -> str | None:
                auth = self.headers.get("Authorization") or ""
                if auth.lower().startswith("bearer "):
                    return auth[7:].strip()
                return self._cookie()

            def _login_page(self, status: int = 200, error: str = "", next_path: str = "/") -> None:
                note = f'<p role="alert">{html.escape(error)}</p>' if error else ""
                body = LOGIN_PAGE.format(error=note, next=html.escape(next_path, quote=True)).encode()
                self._send(status, body, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"})

            def _read_body(self) -> bytes:
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY_BYTES:
                    raise ApiError(413, "request_too_large", f"the request body is {length:,} bytes")
                return self.rfile.read(length) if length else b""

            def _login(self) -> None:
                form = urllib.parse.parse_qs(self._read_body().decode("utf-8", "replace"))
                email = (form.get("email") or [""])[0].strip().lower()
                next_path = (form.get("next") or ["/"])[0]
                if not next_path.startswith("/") or next_path.startswith("//"):
                    next_path = "/"
                if not EMAIL.match(email):
                    self._login_page(400, "Enter an email address such as reviewer@example.com.", next_path)
                    return
                cookie = f"{SESSION_COOKIE}={proxy.issuer.user_token(email)}; Path=/; HttpOnly; SameSite=Lax"
                self._send(303, b"", {"Location": next_path, "Set-Cookie": cookie})

            def _unauthenticated(self, detail: str) -> None:
                if self.path.startswith("/api/"):
                    request_id = uuid.uuid4().hex  # refused before the API: the proxy names the request itself
                    body = json.dumps({"error": "unauthenticated", "detail": detail, "request_id": request_id}).encode()
                    self._send(401, body, {"Content-Type": "application/json", "X-Request-Id": request_id})
                else:
                    target = urllib.parse.quote(self.path, safe="")
                    self._send(302, b"", {"Location": f"{LOGIN_PATH}?next={target}"})

            def _forward(self, email: str, body: bytes) -> None:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                headers = {k: v for k, v in headers.items() if k.lower() not in (*IAP_HEADERS, "authorization")}
                headers["x-goog-iap-jwt-assertion"] = proxy.assertion_for(email)
                headers["Content-Length"] = str(len(body))
                connection = http.client.HTTPConnection(proxy._api_host, proxy._api_port, timeout=300)
                try:
                    connection.request(self.command, self.path, body=body, headers=headers)
                    response = connection.getresponse()
                    data = response.read()
                    out = {k: v for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP}
                finally:
                    connection.close()
                self._send(response.status, data, out)

            def _handle(self) -> None:
                path = urllib.parse.urlsplit(self.path).path
                if path == LOGIN_PATH and self.command == "GET":
                    query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                    self._login_page(next_path=(query.get("next") or ["/"])[0])
                    return
                if path == LOGIN_PATH and self.command == "POST":
                    self._login()
                    return
                if path == LOGOUT_PATH:
                    expired = f"{SESSION_COOKIE}=; Path=/; Max-Age=0"
                    self._send(303, b"", {"Location": LOGIN_PATH, "Set-Cookie": expired})
                    return
                try:
                    body = self._read_body()
                    email = proxy.user_of(self._credential())
                except ApiError as exc:
                    if exc.status == 413:
                        self._send(413, json.dumps({"error": exc.code, "detail": exc.detail}).encode(), {})
                    else:
                        self._unauthenticated(exc.detail)
                    return
                try:
                    self._forward(email, body)
                except OSError as exc:
                    detail = json.dumps({"error": "bad_gateway", "detail": f"the API is unreachable: {exc}"})
                    self._send(502, detail.encode(), {"Content-Type": "application/json"})

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        return Handler

    def start(self) -> LocalIapProxy:
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-iap-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
