"""The IAP assertion check, against the local issuer's real keys (served on 127.0.0.1): every claim is verified."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from devstack.identity_issuer import LocalIssuer
from labeliq.api.identity import PublicKeys, verify_assertion
from labeliq.workspace.errors import ApiError

AUDIENCE = "/projects/1/locations/r/services/api"


@pytest.fixture(scope="module")
def issuer() -> Iterator[LocalIssuer]:
    running = LocalIssuer().start()
    yield running
    running.stop()


def _verify(issuer: LocalIssuer, token: str | None) -> str:
    keys = PublicKeys(issuer.certs_url)
    return verify_assertion(token, keys=keys, audience=AUDIENCE, issuer=issuer.issuer).email


def test_a_valid_assertion_names_the_user(issuer: LocalIssuer) -> None:
    assert _verify(issuer, issuer.sign("Ana@Example.com", AUDIENCE, 60)) == "ana@example.com"


@pytest.mark.parametrize(
    ("case", "detail"),
    [
        ("missing", "no x-goog-iap-jwt-assertion"),
        ("expired", "expired"),
        ("audience", "another audience"),
        ("issuer", "issuer"),
        ("forged", "signature"),
        ("not-a-jwt", "not a JWT"),
    ],
)
def test_a_bad_assertion_is_refused_with_the_reason(issuer: LocalIssuer, case: str, detail: str) -> None:
    impostor = LocalIssuer()
    impostor.key_id = issuer.key_id
    impostor.issuer = issuer.issuer
    stranger = LocalIssuer()
    stranger.key_id = issuer.key_id
    tokens = {
        "missing": None,
        "expired": issuer.sign("a@example.com", AUDIENCE, 60, issued_at=time.time() - 7200),
        "audience": issuer.sign("a@example.com", "/projects/2/services/other", 60),
        "forged": impostor.sign("a@example.com", AUDIENCE, 60),
        "not-a-jwt": "abc",
    }
    if case == "issuer":
        # A genuine signature from this key, but a token claiming another issuer.
        original = issuer.issuer
        issuer.issuer = "https://cloud.google.com/iap-not"
        tokens["issuer"] = issuer.sign("a@example.com", AUDIENCE, 60)
        issuer.issuer = original
    with pytest.raises(ApiError) as refused:
        _verify(issuer, tokens[case])
    assert refused.value.status == 401 and detail in refused.value.detail
