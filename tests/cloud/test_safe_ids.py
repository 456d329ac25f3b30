"""The ids the HTTP shell logs and records failures under are matched whole (issue 16.10)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from labeliq.cloud.contracts import ExtractRequest
from labeliq.cloud.http import _safe_ids


@pytest.mark.parametrize("job_id", ["x\n", "job-1\n", "../etc", "a/b", "", "x" * 65])
def test_an_unsafe_job_id_is_never_used(job_id: str) -> None:
    # `re.match` with `$` took 'x\n' as safe: `$` matches before a final newline.
    assert _safe_ids({"job_id": job_id, "execution_id": "e"}) == (None, "e")


def test_a_safe_job_id_is_used() -> None:
    assert _safe_ids({"job_id": "granola-20261124", "execution_id": "e"}) == ("granola-20261124", "e")


def test_the_request_model_refuses_a_trailing_newline_too() -> None:
    with pytest.raises(ValidationError):
        ExtractRequest.model_validate({"job_id": "x\n", "execution_id": "e"})
