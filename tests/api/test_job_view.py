"""GET /api/v1/jobs/{id}'s view of a job whose check group failed for good: which group, why and when, and a
step that ends failed (never left running, so the page's progress never spins) whatever the job's status."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from labeliq.api.job_view import job_view, step_states
from labeliq.models import GroupFailure, Job, JobStatus
from labeliq.workspace.records import JobRecord

AT = dt.datetime(2026, 12, 3, 9, 0, 5, tzinfo=dt.UTC)
FAILURE = GroupFailure(error="HTTP 500 - the tables group failed", at=AT)


def _job(status: JobStatus, failures: dict[str, GroupFailure]) -> Job:
    return Job(job_id="job-1", status=status, created_at=AT, updated_at=AT, group_failures=failures)


def _claims(*done: str, running: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    claims = {step: {"state": "done"} for step in done}
    return claims | {step: {"state": "running"} for step in running}


@pytest.mark.parametrize(
    ("status", "claims", "expected"),
    [
        pytest.param(
            JobStatus.ASSEMBLED,
            _claims("extract", "group:identity", "group:content", running=("group:tables", "assemble")),
            {"tables": "failed", "content": "done", "assemble": "running"},
            id="assembling-with-a-dead-tables-claim",
        ),
        pytest.param(
            JobStatus.DONE,
            _claims("extract", "group:identity", "group:content", "assemble", "render:v1"),
            {"tables": "failed", "identity": "done", "render": "done"},
            id="done-without-the-tables-group",
        ),
    ],
)
def test_a_group_recorded_as_failed_is_a_failed_step(
    status: JobStatus, claims: dict[str, dict[str, Any]], expected: dict[str, str]
) -> None:
    states = step_states(_job(status, {"tables": FAILURE}), claims)
    assert {name: states[name] for name in expected} == expected


def test_every_group_failed_ends_failed_with_every_group_named() -> None:
    failures = dict.fromkeys(("identity", "content", "tables"), FAILURE)
    job = _job(JobStatus.FAILED, failures).model_copy(update={"error": "assemble failed: no checker could run"})
    record = JobRecord.model_validate(
        {
            "job_id": "job-1",
            "project_id": "p1",
            "created_by": "ana@example.com",
            "created_at": AT,
            "panels": [],
            "context": {},
            "dedup_key": "k",
        }
    )
    view = job_view(record, job, _claims("extract"), [])
    assert view["status"] == "FAILED" and view["error"].startswith("assemble failed")
    assert [f["group"] for f in view["group_failures"]] == ["content", "identity", "tables"]
    assert view["group_failures"][0] == {"group": "content", "error": FAILURE.error, "at": AT.isoformat()}
    assert {view["steps"][g] for g in ("identity", "content", "tables")} == {"failed"}
    assert "running" not in view["steps"].values()
