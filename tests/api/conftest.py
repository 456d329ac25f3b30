"""The API tests run on the session's `api_stack` (tests/conftest.py), which the browser tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devstack.stack import LocalStack
from tests.api.client import ApiClient
from tests.conftest import API_ENV, JOBS_PER_MINUTE

__all__ = ["API_ENV", "JOBS_PER_MINUTE"]


@pytest.fixture(scope="session")
def as_user(api_stack: LocalStack) -> Iterator[object]:
    """as_user(email) -> an ApiClient sending that user's token to the proxy, as a script would."""
    issuer = api_stack.workspace.issuer
    assert issuer is not None and api_stack.client.api_url is not None
    api_url = api_stack.client.api_url

    def make(email: str) -> ApiClient:
        return ApiClient(api_url, issuer.user_token(email))

    yield make
