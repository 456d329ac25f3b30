"""The IAP assertion check, against the local issuer's real keys (served on 127.0.0.1): every claim is verified."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from devstack.identity_issuer import LocalIssuer
from labeliq.api.identity import CERTS_TTL_S, Identity, PublicKeys, VerifiedAssertions, verify_assertion
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


# -- assertions remembered once verified (labeliq.api.identity.VerifiedAssertions) ------------------------------


def _verify_remembering(issuer: LocalIssuer, token: str, verified: VerifiedAssertions, audience: str = AUDIENCE) -> str:
    keys = PublicKeys(issuer.certs_url)
    return verify_assertion(
        token, keys=keys, audience=audience, issuer=issuer.issuer, clock_skew_s=0, verified=verified
    ).email


def test_a_remembered_assertion_is_refused_once_it_expires(issuer: LocalIssuer) -> None:
    verified = VerifiedAssertions()
    issued = time.time() - 60
    token = issuer.sign("ana@example.com", AUDIENCE, 61, issued_at=issued)  # exp: the next whole second
    assert _verify_remembering(issuer, token, verified) == "ana@example.com"
    assert _verify_remembering(issuer, token, verified) == "ana@example.com"  # from memory
    expires = int(issued) + 61
    time.sleep(max(0.0, expires + 1.05 - time.time()))  # google-auth counts whole seconds: exp itself still passes
    with pytest.raises(ApiError) as refused:
        _verify_remembering(issuer, token, verified)
    assert refused.value.status == 401 and "expired" in refused.value.detail


def test_a_remembered_assertion_counts_for_its_own_audience_and_exact_text_only(issuer: LocalIssuer) -> None:
    verified = VerifiedAssertions()
    token = issuer.sign("ana@example.com", AUDIENCE, 60)
    assert _verify_remembering(issuer, token, verified) == "ana@example.com"
    impostor = LocalIssuer()
    impostor.key_id, impostor.issuer = issuer.key_id, issuer.issuer
    header, payload, signature = token.split(".")
    altered = f"{header}.{payload}.{signature[:-4]}{'AAAA' if signature[-4:] != 'AAAA' else 'BBBB'}"
    refusals = {
        "another audience": lambda: _verify_remembering(issuer, token, verified, "/projects/2/services/other"),
        "signature": lambda: _verify_remembering(issuer, impostor.sign("ana@example.com", AUDIENCE, 60), verified),
        "altered": lambda: _verify_remembering(issuer, altered, verified),
    }
    for case, call in refusals.items():
        with pytest.raises(ApiError) as refused:
            call()
        assert refused.value.status == 401, case
        if case != "altered":
            assert case in refused.value.detail


def test_the_memory_of_verified_assertions_is_bounded_and_ends_at_the_earliest_limit() -> None:
    now = [1000.0]
    verified = VerifiedAssertions(max_entries=2, clock=lambda: now[0])
    ana = Identity(email="ana@example.com", subject="a")
    for token in ("t1", "t2", "t3"):
        verified.remember(token, AUDIENCE, "iss", ana, expires_at=now[0] + 10_000)
    assert verified.get("t1", AUDIENCE, "iss") is None  # the oldest was dropped
    assert verified.get("t3", AUDIENCE, "iss") == ana
    assert verified.get("t3", AUDIENCE, "another-issuer") is None
    now[0] += CERTS_TTL_S  # past the keys' refresh, though not the token's expiry: verified again in full
    assert verified.get("t3", AUDIENCE, "iss") is None
