# mypy: disallow-untyped-calls=False
"""Which faults the workflow retries (503/429) and which fail the job at once (4xx): pure, no emulator."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from google.api_core import exceptions as gexc

from labeliq.cloud.contracts import AssembleRequest, reason_text
from labeliq.cloud.errors import InvalidRequest, NotFoundError, PermanentError, StepInProgress, TransientError, classify
from labeliq.cloud.http import handle


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        pytest.param(gexc.Aborted("contention"), 503, id="firestore-aborted"),
        pytest.param(gexc.ServiceUnavailable("down"), 503, id="firestore-unavailable"),
        pytest.param(gexc.DeadlineExceeded("slow"), 503, id="firestore-deadline"),
        pytest.param(gexc.InternalServerError("storage 500"), 503, id="storage-500"),
        pytest.param(gexc.BadGateway("storage 502"), 503, id="storage-502"),
        pytest.param(gexc.GatewayTimeout("storage 504"), 503, id="storage-504"),
        pytest.param(gexc.TooManyRequests("storage 429"), 429, id="storage-429"),
        pytest.param(gexc.ResourceExhausted("quota"), 429, id="quota"),
        pytest.param(requests.ConnectionError("reset"), 503, id="connection-reset"),
        pytest.param(requests.ReadTimeout("read timeout"), 503, id="read-timeout"),
        pytest.param(TimeoutError("timed out"), 503, id="timeout"),
        pytest.param(StepInProgress("held"), 503, id="claim-held"),
        pytest.param(NotFoundError("no job"), 404, id="unknown-job"),
        pytest.param(PermanentError("bad image"), 422, id="bad-image"),
        pytest.param(KeyError("bug"), 500, id="a-bug-is-not-retried"),
    ],
)
def test_classify_maps_client_errors_to_the_status_the_workflow_retries_on(exc: BaseException, status: int) -> None:
    assert classify(exc).status == status


def test_classify_follows_the_cause_chain() -> None:
    try:
        try:
            raise gexc.Aborted("too much contention")
        except gexc.Aborted as inner:
            raise ValueError("Failed to commit transaction in 5 attempts.") from inner
    except ValueError as outer:
        assert isinstance(classify(outer), TransientError)


def _fail(_: Any) -> Any:
    raise PermanentError("the manifest is invalid: panels: Field required", code="invalid_manifest")


def _transient(_: Any) -> Any:
    raise gexc.ServiceUnavailable("firestore down")


def test_handle_records_a_permanent_fault_on_the_job_and_answers_422() -> None:
    recorded: list[tuple[str, str]] = []
    body, status, _ = handle(
        {"job_id": "job-1", "execution_id": "e"},
        AssembleRequest,
        _fail,
        step_name="extract",
        fail_job=lambda job_id, reason: recorded.append((job_id, reason)),
    )
    assert status == 422
    assert body == {"error": {"code": "invalid_manifest", "message": "the manifest is invalid: panels: Field required"}}
    assert recorded == [("job-1", "extract failed: the manifest is invalid: panels: Field required")]


def test_handle_answers_503_for_a_transient_fault_and_records_nothing() -> None:
    recorded: list[tuple[str, str]] = []
    body, status, headers = handle(
        {"job_id": "job-1", "execution_id": "e"},
        AssembleRequest,
        _transient,
        step_name="extract",
        fail_job=lambda job_id, reason: recorded.append((job_id, reason)),
    )
    assert status == 503 and "Retry-After" in headers
    assert body["error"]["code"] == "unavailable"
    assert recorded == []


def test_handle_records_nothing_for_a_malformed_request() -> None:
    recorded: list[tuple[str, str]] = []
    _, status, _ = handle(
        {"job_id": "job-1", "execution_id": "e", "group_errors": {"nutrition": "x"}},
        AssembleRequest,
        _fail,
        step_name="assemble_report",
        fail_job=lambda job_id, reason: recorded.append((job_id, reason)),
    )
    assert status == 400 and recorded == []
    assert isinstance(InvalidRequest("x"), PermanentError) and not InvalidRequest.fails_job


@pytest.mark.parametrize(
    ("caught", "expected"),
    [
        ("plain words", "plain words"),
        (
            {
                "code": 422,
                "message": "HTTP server responded with error code 422",
                "body": {"error": {"message": "bad"}},
            },
            "bad",
        ),
        (
            {"code": 503, "message": "HTTP server responded with error code 503"},
            "HTTP server responded with error code 503 (HTTP 503)",
        ),
        ({"tags": ["ConnectionError"]}, '{"tags": ["ConnectionError"]}'),
    ],
)
def test_reason_text_keeps_the_functions_own_message(caught: Any, expected: str) -> None:
    assert reason_text(caught) == expected
