"""The local stack's identity issuer: it plays IAP's keys, so the API verifies local users exactly as in the cloud.

A P-256 key pair is made at start and lives only in this process. The public key is served as IAP serves its own
(GET /public_key: {key id: PEM}); the API is pointed at it through LABELIQ_IAP_CERTS_URL and LABELIQ_IAP_ISSUER, the
same settings it has in the cloud. POST /token {"email"} gives a user's token for the local proxy (what
`labeliq dev-token --user EMAIL` prints); only the proxy turns such a token into the API's signed assertion.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from devstack.http_handler import PromptHandler

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
USER_TOKEN_AUDIENCE = "labeliq-local-proxy"
USER_TOKEN_LIFETIME_S = 3600
ASSERTION_LIFETIME_S = 600


class LocalIssuer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        self._key = ec.generate_private_key(ec.SECP256R1())
        self.key_id = uuid.uuid4().hex[:16]
        self.public_pem = (
            self._key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        self._server = ThreadingHTTPServer((host, port), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://{host}:{self._server.server_address[1]}"
        self.issuer = self.url  # the `iss` of every token (IAP's is https://cloud.google.com/iap)
        self.certs_url = f"{self.url}/public_key"
        self._thread: threading.Thread | None = None

    def sign(self, email: str, audience: str, lifetime_s: int, *, issued_at: float | None = None) -> str:
        from google.auth import crypt, jwt

        now = int(issued_at if issued_at is not None else time.time())
        signer = crypt.ES256Signer(self._key, key_id=self.key_id)
        payload = {
            "iss": self.issuer,
            "aud": audience,
            "sub": f"local:{email}",
            "email": email,
            "iat": now,
            "exp": now + lifetime_s,
        }
        token: bytes = jwt.encode(signer, payload)  # type: ignore[no-untyped-call]
        return token.decode()

    def user_token(self, email: str) -> str:
        return self.sign(email, USER_TOKEN_AUDIENCE, USER_TOKEN_LIFETIME_S)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        issuer = self

        class Handler(PromptHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path == "/public_key":
                    self._json(200, {issuer.key_id: issuer.public_pem})
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self) -> None:
                if self.path != "/token":
                    self._json(404, {"error": "not_found"})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(min(length, 10_000)) or b"{}")
                except json.JSONDecodeError:
                    body = {}
                email = str(body.get("email", "")).strip().lower() if isinstance(body, dict) else ""
                if not EMAIL.match(email):
                    self._json(400, {"error": "bad_email", "detail": 'POST /token {"email": "user@example.com"}'})
                    return
                self._json(200, {"token": issuer.user_token(email), "email": email})

        return Handler

    def start(self) -> LocalIssuer:
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-issuer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
