"""Projects: create, list the caller's, read, change, delete with everything in them (or 409 saying why not)."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import Field, field_validator

from labeliq.api.call import Call, Reply
from labeliq.cloud.job_cleanup import delete_job_documents
from labeliq.models import JobStatus, Strict, Verdict
from labeliq.workspace.errors import ApiError, conflict
from labeliq.workspace.records import EMAIL_PATTERN, ProjectRecord, Role

logger = logging.getLogger(__name__)


class ProjectCreate(Strict):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    tags: list[str] = Field(default_factory=list, max_length=50)


class ProjectPatch(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=4000)
    tags: list[str] | None = Field(default=None, max_length=50)
    members: dict[str, Role] | None = None  # the whole member list, email -> role (owners only)

    @field_validator("members")
    @classmethod
    def _emails(cls, value: dict[str, Role] | None) -> dict[str, Role] | None:
        import re

        if value is None:
            return None
        lowered = {email.strip().lower(): role for email, role in value.items()}
        bad = [e for e in lowered if not re.match(EMAIL_PATTERN, e)]
        if bad:
            raise ValueError(f"not an email address: {', '.join(bad)}")
        if "owner" not in lowered.values():
            raise ValueError("a project needs at least one owner")
        return lowered


def project_view(record: ProjectRecord, email: str) -> dict[str, Any]:
    return {
        "id": record.id,
        "name": record.name,
        "description": record.description,
        "tags": record.tags,
        "members": record.members,
        "role": record.role_of(email),
        "created_by": record.created_by,
        "created_at": record.created_at.isoformat(),
        "updated_at": record.updated_at.isoformat(),
    }


def create_project(call: Call) -> Reply:
    body = call.json_body(ProjectCreate)
    record = call.rt.projects.create(
        name=body.name, description=body.description, tags=body.tags, owner=call.user.email
    )
    logger.info("project %s created", record.id, extra={"event": "project_created", "project_id": record.id})
    return Reply(201, project_view(record, call.user.email))


def list_projects(call: Call) -> Reply:
    records = call.rt.projects.list_for(call.user.email)
    return Reply(200, {"projects": [project_view(r, call.user.email) for r in records]})


def get_project(call: Call) -> Reply:
    record, _ = call.rt.projects.require(call.params["project_id"], call.user.email)
    return Reply(200, project_view(record, call.user.email))


def patch_project(call: Call) -> Reply:
    project_id = call.params["project_id"]
    record, role = call.rt.projects.require(project_id, call.user.email, "reviewer")
    body = call.json_body(ProjectPatch)
    changes = body.model_dump(exclude_none=True)
    if "members" in changes and role != "owner":
        raise ApiError(403, "forbidden", f"only an owner of project {project_id} can change its members")
    if not changes:
        return Reply(200, project_view(record, call.user.email))
    updated = call.rt.projects.update(project_id, changes)
    return Reply(200, project_view(updated, call.user.email))


def list_project_jobs(call: Call) -> Reply:
    from labeliq.api.routes_jobs import load_job_view

    project_id = call.params["project_id"]
    call.rt.projects.require(project_id, call.user.email)
    status = call.request.args.get("status")
    verdict = call.request.args.get("verdict")
    rule = call.request.args.get("rule")
    if status and status not in {s.value for s in JobStatus}:
        raise ApiError(400, "bad_query", f"status must be one of {', '.join(s.value for s in JobStatus)}")
    if verdict and verdict not in {v.value for v in Verdict}:
        raise ApiError(400, "bad_query", f"verdict must be one of {', '.join(v.value for v in Verdict)}")
    views = []
    for record in call.rt.records.list_for_project(project_id):
        view = load_job_view(call, record)
        if status and view["status"] != status:
            continue
        if verdict and view.get("verdict") != verdict:
            continue
        if rule and rule not in view.get("failing_rules", []):
            continue
        views.append(view)
    return Reply(200, {"jobs": views})


def delete_project(call: Call) -> Reply:
    """Delete the project, its jobs, their documents and objects; refuse (409) while any job or recheck runs."""
    project_id = call.params["project_id"]
    call.rt.projects.require(project_id, call.user.email, "owner")
    rt = call.rt
    rt.projects.set_deleting(project_id, True)  # no job can be added from here on
    records = rt.records.list_for_project(project_id)
    running: list[str] = []
    for record in records:
        job = rt.jobs.get_job(record.job_id)
        if record.upload_error is None and (job is None or job.status not in (JobStatus.DONE, JobStatus.FAILED)):
            running.append(f"{record.job_id} ({job.status.value if job else 'QUEUED'})")
        for version in rt.records.versions(record.job_id):
            if version.state == "running" and version.recheck_job:
                run = rt.jobs.get_job(version.recheck_job)
                if run is None or run.status not in (JobStatus.DONE, JobStatus.FAILED):
                    running.append(f"{record.job_id} (recheck v{version.n} running)")
    if running:
        rt.projects.set_deleting(project_id, False)
        raise conflict(
            "jobs_running",
            f"project {project_id} still has running jobs: {', '.join(running)}; delete it once they finish",
        )
    objects = 0
    for record in records:
        rechecks = [v.recheck_job for v in rt.records.versions(record.job_id) if v.recheck_job]
        for job_id in [record.job_id, *rechecks]:
            objects += rt.blobs.delete_job_objects(job_id)
            delete_job_documents(rt.db, job_id)
        rt.records.forget_upload(record.dedup_key, record.job_id)
        rt.records.delete(record.job_id)
    rt.projects.delete(project_id)
    logger.info(
        "project %s deleted",
        project_id,
        extra={"event": "project_deleted", "project_id": project_id, "jobs": len(records), "objects": objects},
    )
    return Reply(200, {"id": project_id, "deleted": True, "jobs": len(records), "objects": objects})
