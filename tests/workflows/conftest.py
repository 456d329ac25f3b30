from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.workflows.fake_functions import FakeFunctions


@pytest.fixture
def functions() -> Iterator[FakeFunctions]:
    fake = FakeFunctions()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def logs() -> list[dict[str, Any]]:
    return []
