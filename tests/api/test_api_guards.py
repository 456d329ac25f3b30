"""What the API refuses: assertions that are forged, expired, for another audience or issuer (401); uploads that are
bad in any way (refused before anything is stored); too many uploads (429 with Retry-After); requests too large."""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import requests

from devstack.identity_issuer import LocalIssuer
from devstack.stack import LocalStack
from devstack.workspace_stack import API_AUDIENCE
from tests.api.client import ApiClient, sample
from tests.api.conftest import JOBS_PER_MINUTE

pytestmark = pytest.mark.emulator
MakeClient = Callable[[str], ApiClient]


def _direct(api_stack: LocalStack, assertion: str | None) -> requests.Response:
    """A request straight to the api function, past the proxy, carrying this assertion."""
    assert api_stack.workspace.api_server is not None
    headers = {"x-goog-iap-jwt-assertion": assertion} if assertion is not None else {}
    return requests.get(f"{api_stack.workspace.api_server.url}api/v1/projects", headers=headers, timeout=30)


def test_a_valid_assertion_is_accepted(api_stack: LocalStack) -> None:
    issuer = api_stack.workspace.issuer
    assert issuer is not None
    response = _direct(api_stack, issuer.sign("valid@example.com", API_AUDIENCE, 300))
    assert response.status_code == 200, response.text


def _forged(api_stack: LocalStack) -> str:
    impostor = LocalIssuer()  # another key pair, claiming the real issuer and its key id
    real = api_stack.workspace.issuer
    assert real is not None
    impostor.issuer, impostor.key_id = real.issuer, real.key_id
    return impostor.sign("mallory@example.com", API_AUDIENCE, 300)


def _bad_assertions(api_stack: LocalStack) -> dict[str, str | None]:
    issuer = api_stack.workspace.issuer
    assert issuer is not None
    valid = issuer.sign("eve@example.com", API_AUDIENCE, 300)
    head, payload, signature = valid.split(".")
    other_issuer = LocalIssuer()
    other_issuer.key_id = issuer.key_id
    return {
        "missing": None,
        "garbage": "not-a-jwt",
        "forged": _forged(api_stack),
        "expired": issuer.sign("eve@example.com", API_AUDIENCE, 60, issued_at=time.time() - 3600),
        "wrong-audience": issuer.sign("eve@example.com", "/projects/other/services/x", 300),
        "tampered": f"{head}.{payload[:-4]}AAAA.{signature}",
        "user-token-not-assertion": issuer.user_token("eve@example.com"),
        "unsigned": f"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.",
        "other-issuer-key": other_issuer.sign("eve@example.com", API_AUDIENCE, 300),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "garbage",
        "forged",
        "expired",
        "wrong-audience",
        "tampered",
        "user-token-not-assertion",
        "unsigned",
        "other-issuer-key",
    ],
)
def test_a_bad_assertion_gets_401(api_stack: LocalStack, case: str) -> None:
    response = _direct(api_stack, _bad_assertions(api_stack)[case])
    assert response.status_code == 401, response.text
    body = response.json()
    assert (
        body["error"] == "unauthenticated" and body["detail"] and body["request_id"] == response.headers["X-Request-Id"]
    )


def test_the_proxy_refuses_without_a_user_and_drops_a_client_assertion(api_stack: LocalStack) -> None:
    api_url = api_stack.client.api_url
    assert api_url is not None and api_stack.workspace.issuer is not None
    assert requests.get(f"{api_url}/api/v1/projects", timeout=30).status_code == 401
    bad = requests.get(f"{api_url}/api/v1/projects", headers={"Authorization": "Bearer nope"}, timeout=30)
    assert bad.status_code == 401
    smuggled = api_stack.workspace.issuer.sign("eve@example.com", API_AUDIENCE, 300)
    sneaky = requests.get(f"{api_url}/api/v1/projects", headers={"x-goog-iap-jwt-assertion": smuggled}, timeout=30)
    assert sneaky.status_code == 401
    page = requests.get(f"{api_url}/projects/x", timeout=30, allow_redirects=False)
    assert page.status_code == 302 and page.headers["Location"].startswith("/_auth/login")


def test_the_sign_in_page_sets_a_session(api_stack: LocalStack) -> None:
    api_url = api_stack.client.api_url
    session = requests.Session()
    login = session.get(f"{api_url}/_auth/login", timeout=30)
    assert '<label for="email">Email</label>' in login.text and "Sign in</button>" in login.text
    signed = session.post(
        f"{api_url}/_auth/login", data={"email": "Browser@Example.com", "next": "/api/v1/projects"}, timeout=30
    )
    assert signed.status_code == 200 and signed.json() == {"projects": []}


# -- uploads ------------------------------------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


FRONT = sample()[0]["front.txt"]
BAD_UPLOADS: list[Any] = [
    pytest.param({}, None, 400, "no panel", id="no-panels"),
    pytest.param({"front.txt": _png(20, 20)}, None, 422, "front.txt", id="text-named-image"),
    pytest.param({"front.jpg": FRONT}, None, 422, "front.jpg", id="image-named-text"),
    pytest.param({"front.png": _png(20, 20)[:60]}, None, 422, "front.png", id="truncated-png"),
    pytest.param({"front.jpg": _png(20, 20)}, None, 422, "named as jpeg but the content is png", id="png-named-jpg"),
    pytest.param({"front.txt": b"Granola\x00bar"}, None, 422, "NUL", id="nul-in-text"),
    pytest.param({"front.txt": "Céréales".encode("latin-1")}, None, 422, "not UTF-8", id="latin-1-text"),
    pytest.param({"front.txt": b""}, None, 422, "empty", id="empty-panel"),
    pytest.param({"front.gif": b"GIF89a...."}, None, 422, "unsupported", id="gif"),
    pytest.param({"front.txt": FRONT, "Front.txt": FRONT}, None, 400, "already used", id="two-fronts"),
    pytest.param({f"p{i}.txt": FRONT for i in range(5)}, None, 413, "at most 4", id="too-many-panels"),
    pytest.param({"front.png": _png(2000, 2000)}, None, 422, "pixels", id="over-pixel-limit"),
    pytest.param({"front.txt": FRONT}, {"colour": "red"}, 422, "colour", id="unknown-context-key"),
    pytest.param({"front.txt": FRONT}, "{not json", 422, "not valid JSON", id="context-not-json"),
    pytest.param({"front.txt": FRONT}, {"durable_life_days": -3}, 422, "durable_life_days", id="bad-context-value"),
    pytest.param({"job.json": FRONT}, None, 400, "job.json", id="manifest-as-panel"),
]


@pytest.mark.parametrize(("panels", "context", "status", "names"), BAD_UPLOADS)
def test_a_bad_upload_is_refused_before_anything_is_stored(
    api_stack: LocalStack, as_user: MakeClient, panels: dict[str, bytes], context: Any, status: int, names: str
) -> None:
    client = as_user(f"uploader-{uuid.uuid4().hex[:8]}@example.com")
    project_id = client.project()
    storage = api_stack.client.storage_client()
    before = {b.name for b in storage.list_blobs(api_stack.config.input_bucket)}
    response = client.upload(project_id, panels, context)
    assert response.status_code == status, response.text
    assert names in response.json()["detail"], response.json()
    assert {b.name for b in storage.list_blobs(api_stack.config.input_bucket)} == before
    assert client.get(f"/api/v1/projects/{project_id}/jobs").json()["jobs"] == []


def test_a_request_over_the_size_limit_is_refused_from_its_length(as_user: MakeClient) -> None:
    client = as_user(f"big-{uuid.uuid4().hex[:8]}@example.com")
    project_id = client.project()
    response = client.upload(project_id, {"front.txt": b"a" * 3_100_000})
    assert response.status_code == 413 and "limit" in response.json()["detail"]


def test_job_creation_is_rate_limited_per_user(as_user: MakeClient) -> None:
    client = as_user(f"busy-{uuid.uuid4().hex[:8]}@example.com")
    project_id = client.project()
    for _ in range(JOBS_PER_MINUTE):
        assert client.upload(project_id, {"front.gif": b"GIF89a"}).status_code == 422
    limited = client.upload(project_id, {"front.gif": b"GIF89a"})
    assert limited.status_code == 429, limited.text
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.json()["error"] == "rate_limited"
    other = as_user(f"calm-{uuid.uuid4().hex[:8]}@example.com")
    assert other.upload(other.project(), {"front.gif": b"GIF89a"}).status_code == 422  # the limit is per user


def test_every_answer_has_a_request_id_and_errors_are_json(as_user: MakeClient) -> None:
    client = as_user(f"ids-{uuid.uuid4().hex[:8]}@example.com")
    ids = set()
    for response in (
        client.get("/api/v1/projects"),
        client.get("/api/v1/nothing"),
        client.get("/api/v1/jobs/j-1"),
        client.request("PUT", "/api/v1/projects"),
    ):
        ids.add(response.headers["X-Request-Id"])
        if response.status_code >= 400:
            assert set(response.json()) == {"error", "detail", "request_id"}
    assert len(ids) == 4
