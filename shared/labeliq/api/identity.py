"""Who is calling: the signed assertion Identity-Aware Proxy adds (x-goog-iap-jwt-assertion), verified every time.

The assertion is an ES256 JWT: its signature is checked against the issuer's public keys (fetched from the key URL,
cached, refetched when a new key id appears), then its issuer, audience, issue and expiry times. Nothing else is
trusted: not an email header, not a query parameter. Locally the stack's own issuer plays IAP through the same
settings; there is no setting or code path that skips this.

An assertion that verified is remembered by its exact text (VerifiedAssertions) until its own expiry, and never
longer than the issuer's keys are trusted without a refetch: a page polling with the same assertion pays for
the signature check once. Any other text (a forged, altered or re-signed token) is verified in full, and an
assertion for another audience or issuer is never found under this one's.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from labeliq.workspace.errors import ApiError

ASSERTION_HEADER = "x-goog-iap-jwt-assertion"
ALGORITHM = "ES256"
CERTS_TTL_S = 600.0
VERIFIED_MAX_ENTRIES = 4096
CERTS_MIN_REFRESH_S = 30.0
FETCH_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Identity:
    email: str
    subject: str


def unauthenticated(detail: str) -> ApiError:
    return ApiError(401, "unauthenticated", detail)


class PublicKeys:
    """The issuer's public keys (key id -> PEM), as IAP serves them at its key URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._keys: dict[str, str] = {}
        self._fetched_at = 0.0
        self._lock = threading.Lock()

    def _fetch(self) -> dict[str, str]:
        try:
            with urllib.request.urlopen(self.url, timeout=FETCH_TIMEOUT_S) as response:
                data = json.loads(response.read())
        except (urllib.error.URLError, TimeoutError, json.JSONDecodeError) as exc:
            raise ApiError(
                503, "keys_unavailable", f"the identity keys at {self.url} could not be read: {exc}"
            ) from exc
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ApiError(503, "keys_unavailable", f"the identity keys at {self.url} are not a map of key id to PEM")
        return {str(k): v for k, v in data.items()}

    def get(self, key_id: str | None) -> Mapping[str, str]:
        with self._lock:
            age = time.monotonic() - self._fetched_at
            stale = age > CERTS_TTL_S
            unknown = key_id is not None and key_id not in self._keys and age > CERTS_MIN_REFRESH_S
            if not self._keys or stale or unknown:
                self._keys = self._fetch()
                self._fetched_at = time.monotonic()
            return dict(self._keys)


class VerifiedAssertions:
    """Assertions that verified, by their exact text, audience and issuer, each with its identity and the time it
    stops counting: its `exp` (without the clock skew verification allows, so never later than a full check would
    accept it) or CERTS_TTL_S after it was verified, whichever is first (a key the issuer withdrew stops being
    trusted at the same refresh as without this memory). Bounded: the oldest entries are dropped first."""

    def __init__(self, max_entries: int = VERIFIED_MAX_ENTRIES, clock: Callable[[], float] = time.time) -> None:
        self._entries: OrderedDict[tuple[str, str, str], tuple[Identity, float]] = OrderedDict()
        self._max_entries = max_entries
        self._clock = clock
        self._lock = threading.Lock()

    def get(self, token: str, audience: str, issuer: str) -> Identity | None:
        key = (token, audience, issuer)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            identity, until = entry
            if self._clock() >= until:
                del self._entries[key]
                return None
            return identity

    def remember(self, token: str, audience: str, issuer: str, identity: Identity, expires_at: float) -> None:
        until = min(expires_at, self._clock() + CERTS_TTL_S)
        with self._lock:
            self._entries[(token, audience, issuer)] = (identity, until)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)


def verify_assertion(
    token: str | None,
    *,
    keys: PublicKeys,
    audience: str,
    issuer: str,
    clock_skew_s: int = 30,
    verified: VerifiedAssertions | None = None,
) -> Identity:
    """The identity in a valid assertion; 401 naming the problem for anything else. With `verified`, an
    assertion of exactly this text that verified for this audience and issuer, and has not expired since, is
    taken from there; a newly verified one is added to it."""
    from google.auth import exceptions, jwt

    if not token:
        raise unauthenticated(f"no {ASSERTION_HEADER} header: the API is reached through Identity-Aware Proxy")
    if verified is not None and (known := verified.get(token, audience, issuer)) is not None:
        return known
    try:
        header = jwt.decode_header(token)  # type: ignore[no-untyped-call]
    except (ValueError, exceptions.GoogleAuthError):
        raise unauthenticated("the identity assertion is not a JWT") from None
    if header.get("alg") != ALGORITHM:
        raise unauthenticated(f"the identity assertion is signed with {header.get('alg')!r}; {ALGORITHM} is required")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise unauthenticated("the identity assertion names no key id")
    certs = keys.get(kid)
    if kid not in certs:
        raise unauthenticated(f"the identity assertion's key {kid!r} is not one of the issuer's keys")
    try:
        claims = jwt.decode(  # type: ignore[no-untyped-call]
            token, certs=certs, audience=audience, clock_skew_in_seconds=clock_skew_s
        )
    except (ValueError, exceptions.GoogleAuthError) as exc:
        text = str(exc)
        if "expired" in text:
            raise unauthenticated("the identity assertion has expired") from None
        if "audience" in text:
            raise unauthenticated("the identity assertion is for another audience") from None
        if "signature" in text:
            raise unauthenticated("the identity assertion's signature does not verify") from None
        raise unauthenticated(f"the identity assertion is not valid: {text}") from None
    if claims.get("iss") != issuer:
        raise unauthenticated(f"the identity assertion comes from issuer {claims.get('iss')!r}, not {issuer!r}")
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise unauthenticated("the identity assertion carries no email")
    identity = Identity(email=email.strip().lower(), subject=str(claims.get("sub", "")))
    expires_at = claims.get("exp")
    if verified is not None and isinstance(expires_at, int | float):
        verified.remember(token, audience, issuer, identity, float(expires_at))
    return identity
