"""GET /api/v1/jobs/{id}: status, the six steps, versions; derived from state that only moves forward.

The status is the workflow's forward-only job status; each step's state comes from its create-only claim (running,
then done). So neither can be seen to go back. A FAILED job marks the step that was running (or, if none, the next
one) failed; the others keep what they were. A check group recorded on the job as failed for good
(`group_failures`, after the workflow's retries) is failed, whatever the job's status: the report ran without it.
"""

from __future__ import annotations

from typing import Any, Literal

from labeliq.api.versions import version_view
from labeliq.models import Job, JobStatus
from labeliq.workspace.records import JobRecord, VersionRecord

StepState = Literal["pending", "running", "done", "failed"]
STEP_NAMES = ("extract", "identity", "content", "tables", "assemble", "render")


def _claim_step(name: str) -> str:
    if name in ("identity", "content", "tables"):
        return f"group:{name}"
    return name


def step_states(job: Job | None, claims: dict[str, dict[str, Any]]) -> dict[str, StepState]:
    states: dict[str, StepState] = {}
    for name in STEP_NAMES:
        if name == "render":
            found = [c for step, c in claims.items() if step.startswith("render:")]
            claim = found[0] if found else None
        else:
            claim = claims.get(_claim_step(name))
        if claim is None:
            states[name] = "pending"
        else:
            states[name] = "done" if claim.get("state") == "done" else "running"
    if job is not None and job.status == JobStatus.DONE:
        states = dict.fromkeys(STEP_NAMES, "done")
        claims = {}  # a DONE job's claims are all finished, but a group recorded as failed stays failed
    if job is not None:
        for group in job.group_failures:  # failed for good after the workflow's retries: never left "running"
            claim = claims.get(_claim_step(group))
            if group in states and (claim is None or claim.get("state") != "done"):
                states[group] = "failed"
    if job is not None and job.status == JobStatus.FAILED:
        running = [n for n in STEP_NAMES if states[n] == "running"]
        for name in running:
            states[name] = "failed"
        if not running:
            pending = [n for n in STEP_NAMES if states[n] == "pending"]
            if pending:
                states[pending[0]] = "failed"
    return states


def job_view(
    record: JobRecord, job: Job | None, claims: dict[str, dict[str, Any]], versions: list[VersionRecord]
) -> dict[str, Any]:
    if record.upload_error:
        status, error = JobStatus.FAILED, record.upload_error
    elif job is None:
        status, error = JobStatus.QUEUED, None
    else:
        status, error = job.status, job.error
    view: dict[str, Any] = {
        "job_id": record.job_id,
        "project_id": record.project_id,
        "status": status.value,
        "steps": step_states(job, claims),
        "versions": [version_view(record.job_id, v) for v in versions],
        "created_at": record.created_at.isoformat(),
        "updated_at": (job.updated_at if job is not None else record.created_at).isoformat(),
        "created_by": record.created_by,
        "panels": [p.name for p in record.panels],
        "mode": record.mode,
        "report_language": record.report_language,
        "signed_off": record.signed_off.model_dump(mode="json") if record.signed_off else None,
    }
    ready = [v for v in versions if v.state == "ready" and v.summary is not None]
    if ready:
        summary = ready[-1].summary
        assert summary is not None
        view["verdict"] = summary.verdict.value
        view["failing_rules"] = summary.failing_rules
    if job is not None and job.group_failures:
        view["group_failures"] = [
            {"group": group, "error": failure.error, "at": failure.at.isoformat()}
            for group, failure in sorted(job.group_failures.items())
        ]
    if error:
        view["error"] = error
    return view
