"""Jobs: upload (validated before anything is stored), progress, report versions, panels.

An upload is checked whole (panels sniffed, sized and decoded, context keys, panel count) before a byte is stored;
then the panels are written create-only to IN and the manifest last, so the upload trigger starts the workflow.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from labeliq.api.call import Call, Reply
from labeliq.api.job_view import job_view
from labeliq.api.versions import DOCX_CONTENT_TYPE, docx_for_download, pick_version, version_view, versions_of
from labeliq.cloud.parallel import all_at_once
from labeliq.cloud.state import job_of
from labeliq.docx_text import REPORT_LANGUAGES, ReportLanguage
from labeliq.logging_setup import log_context
from labeliq.models import Job, JobManifest, JobMode, JobStatus, ProductContext
from labeliq.workspace.errors import ApiError, not_found
from labeliq.workspace.records import ROLE_RANK, JobRecord, PanelRecord, ProjectRecord, Role, VersionRecord
from labeliq.workspace.uploads import UploadedPanel

logger = logging.getLogger(__name__)

# The API's names for the job modes the user chooses (never guessed) -> the manifest's (labeliq.models.JobMode).
MODES: dict[str, JobMode] = {"standard": "check", "relabel": "relabel"}


@dataclass(frozen=True)
class Chosen:
    """What the user chose for the job, never guessed: its mode (the API's name) and the Word report's language."""

    mode: str
    report_language: ReportLanguage


def chosen_language(raw: str | None) -> ReportLanguage:
    """The `report_language` form part: en (the default) or fr; anything else is refused by name (422)."""
    for language in REPORT_LANGUAGES:
        if (raw or "en") == language:
            return language
    raise ApiError(422, "bad_report_language", f"report_language {raw!r} is not one of {', '.join(REPORT_LANGUAGES)}")


def require_job(call: Call, job_id: str, min_role: Role = "viewer") -> JobRecord:
    """The job's record if the caller is a member of its project (404 otherwise, 403 when the role is too low)."""
    record = call.rt.records.get(job_id)
    if record is None:
        raise not_found(f"job {job_id}")
    authorize(call, record, call.rt.projects.get(record.project_id), min_role)
    return record


def authorize(call: Call, record: JobRecord, project: ProjectRecord | None, min_role: Role) -> None:
    """404 unless the caller is a member of the job's project (a deleted one counts as gone), 403 when the role is
    too low; then the job is this call's for its log lines."""
    role = project.role_of(call.user.email) if project is not None and not project.deleting else None
    if role is None:
        raise not_found(f"job {record.job_id}")
    call.job_id = record.job_id
    if ROLE_RANK[role] < ROLE_RANK[min_role]:
        raise ApiError(403, "forbidden", f"your role in project {record.project_id} is {role}; this needs {min_role}")


@dataclass(frozen=True)
class JobRead:
    """What the job reads need: the record, the workflow's job, its versions (as stored) and, when asked for and
    the job is not DONE (a DONE job shows every step done), its step claims."""

    record: JobRecord
    job: Job | None
    versions: list[VersionRecord]
    claims: dict[str, dict[str, Any]]


def read_job(call: Call, job_id: str, min_role: Role = "viewer", *, claims: bool = False) -> JobRead:
    """A job as a GET route reads it, in two round trips instead of one per document: the record and the job in
    one get_all; then at once the project, the versions and the claims. The caller's membership and role are
    checked (authorize) before anything read is used or returned."""
    rt = call.rt
    ref = rt.records.ref(job_id)
    if ref is None:
        raise not_found(f"job {job_id}")
    found = {snapshot.reference.path: snapshot for snapshot in rt.db.get_all([ref, rt.jobs.job_ref(job_id)])}
    record_snapshot = found[ref.path]
    if not record_snapshot.exists:
        raise not_found(f"job {job_id}")
    record = JobRecord.model_validate(record_snapshot.to_dict())
    job = job_of(found[rt.jobs.job_ref(job_id).path])
    want_claims = claims and job is not None and job.status != JobStatus.DONE
    project, versions, steps = all_at_once(
        lambda: rt.projects.get(record.project_id),
        lambda: rt.records.versions(job_id),
        lambda: rt.jobs.list_steps(job_id) if want_claims else {},
    )
    authorize(call, record, project, min_role)
    return JobRead(record, job, versions, steps)


def load_job_view(call: Call, record: JobRecord) -> dict[str, Any]:
    job = call.rt.jobs.get_job(record.job_id)
    claims = call.rt.jobs.list_steps(record.job_id) if job is not None else {}
    versions = versions_of(call.rt, record, job)
    return job_view(record, job, claims, versions)


def get_job(call: Call) -> Reply:
    read = read_job(call, call.params["job_id"], claims=True)
    versions = versions_of(call.rt, read.record, read.job, read.versions)
    return Reply(200, job_view(read.record, read.job, read.claims, versions))


def list_versions(call: Call) -> Reply:
    read = read_job(call, call.params["job_id"])
    record, versions = read.record, versions_of(call.rt, read.record, read.job, read.versions)
    return Reply(200, {"job_id": record.job_id, "versions": [version_view(record.job_id, v) for v in versions]})


def get_version(call: Call) -> Reply:
    read = read_job(call, call.params["job_id"])
    record, versions = read.record, versions_of(call.rt, read.record, read.job, read.versions)
    wanted = int(call.params["n"])
    for version in versions:
        if version.n == wanted:
            return Reply(200, version_view(record.job_id, version))
    raise ApiError(404, "not_found", f"job {record.job_id} has no version {wanted}")


def get_report(call: Call) -> Reply:
    read = read_job(call, call.params["job_id"])
    record, versions = read.record, versions_of(call.rt, read.record, read.job, read.versions)
    version = pick_version(versions, call.query_int("version"), record.job_id)
    data = call.rt.blobs.read_report(record.job_id, version.n)
    if data is None:
        raise ApiError(404, "not_found", f"version {version.n} of job {record.job_id} has no report")
    return Reply(200, data, {"X-Report-Version": str(version.n)})


def get_report_docx(call: Call) -> Reply:
    read = read_job(call, call.params["job_id"])
    record, versions = read.record, versions_of(call.rt, read.record, read.job, read.versions)
    version = pick_version(versions, call.query_int("version"), record.job_id)
    language = report_language(call)
    data = docx_for_download(call.rt, record, version.n, language)
    if data is None:
        raise ApiError(404, "not_found", f"version {version.n} of job {record.job_id} has no Word report")
    shown = language or record.report_language
    suffix = f"-{shown}" if shown != "en" else ""
    headers = {
        "Content-Disposition": f'attachment; filename="{record.job_id}-v{version.n}{suffix}.docx"',
        "X-Report-Version": str(version.n),
    }
    return Reply(200, data, headers, content_type=DOCX_CONTENT_TYPE)


def report_language(call: Call) -> ReportLanguage | None:
    """?language=en|fr: the Word report's language (None: not asked, English)."""
    raw = call.request.args.get("language")
    if raw is None or raw == "":
        return None
    if raw not in REPORT_LANGUAGES:
        raise ApiError(400, "bad_query", f"language must be one of {', '.join(REPORT_LANGUAGES)}, got {raw!r}")
    language: ReportLanguage = raw  # narrowed by the check above
    return language


def get_panel(call: Call) -> Reply:
    record = require_job(call, call.params["job_id"])
    name = call.params["name"]
    wanted = [p for p in record.panels if p.name == name or p.name.rsplit(".", 1)[0] == name]
    if not wanted:
        raise ApiError(404, "not_found", f"job {record.job_id} has no panel {name}")
    panel = wanted[0]
    data = call.rt.blobs.read_input(record.job_id, panel.name)
    if data is None:
        raise ApiError(404, "not_found", f"the panel {panel.name} of job {record.job_id} is not stored")
    headers = {"Content-Disposition": f'inline; filename="{panel.name}"', "X-Content-Type-Options": "nosniff"}
    return Reply(200, data, headers, content_type=panel.content_type)


def require_translation() -> None:
    """A relabel job needs a configured translator: refused now (422), before anything is stored, rather than
    failing in extract or waiting on nothing. The API reads the same LABELIQ_TRANSLATOR* settings as extract."""
    from labeliq.relabel.translate import TranslatorSettingsError, translator_from_env

    try:
        translator_from_env()
    except TranslatorSettingsError as exc:
        raise ApiError(
            422, "translation_not_configured", f"relabel mode cannot run here: its translation is not configured: {exc}"
        ) from None


def _job_failed(call: Call, job_id: str) -> bool:
    record = call.rt.records.get(job_id)
    if record is None or record.upload_error:
        return True
    job = call.rt.jobs.get_job(job_id)
    return job is not None and job.status == JobStatus.FAILED


def create_job(call: Call) -> Reply:
    from labeliq.workspace.uploads import dedup_key, parse_context, read_part, validate_panels

    rt = call.rt
    retry_after = rt.rate_limiter.take(call.user.email)
    if retry_after is not None:
        raise ApiError(
            429,
            "rate_limited",
            f"at most {rt.settings.api_jobs_per_minute} jobs a minute per user; retry in {retry_after} s",
            headers={"Retry-After": str(retry_after)},
        )
    request = call.request
    if not (request.mimetype or "").startswith("multipart/form-data"):
        raise ApiError(
            400, "not_multipart", "POST /api/v1/jobs takes multipart/form-data (panels, context, project_id)"
        )
    project_id = request.form.get("project_id", "")
    if not project_id:
        raise ApiError(400, "no_project", "the upload names no project_id")
    rt.projects.require(project_id, call.user.email, "reviewer")
    mode = request.form.get("mode") or "standard"
    if mode not in MODES:
        raise ApiError(422, "bad_mode", f"mode {mode!r} is not one of {', '.join(MODES)}")
    if mode == "relabel":
        require_translation()
    language = chosen_language(request.form.get("report_language"))
    parts = {"project_id", "context", "mode", "report_language"}
    unknown = sorted(set(request.form) - parts) + sorted(set(request.files) - {"panels"})
    if unknown:
        raise ApiError(
            400,
            "unknown_part",
            f"unknown form part {', '.join(unknown)}: expected panels, context, project_id, mode, report_language",
        )
    files = [(f.filename, read_part(f.stream, rt.limits)) for f in request.files.getlist("panels")]
    panels = validate_panels(files, rt.limits)
    context = parse_context(request.form.get("context"))
    key = dedup_key(project_id, panels, context, mode, language)

    job_id = f"job-{uuid.uuid4().hex[:16]}"
    existing = rt.records.claim_upload(
        key, job_id, within_s=rt.settings.api_dedup_hours * 3600, is_failed=lambda other: _job_failed(call, other)
    )
    if existing is not None:
        call.job_id = existing
        logger.info("same upload as job %s", existing, extra={"event": "upload_deduplicated"})
        record = rt.records.get(existing)
        status = load_job_view(call, record)["status"] if record is not None else JobStatus.QUEUED.value
        return Reply(200, {"job_id": existing, "status": status, "project_id": project_id, "deduplicated": True})

    call.job_id = job_id
    with log_context(job_id=job_id):
        return _store_upload(call, job_id, project_id, panels, context, Chosen(mode, language), key)


def _store_upload(
    call: Call,
    job_id: str,
    project_id: str,
    panels: list[UploadedPanel],
    context: ProductContext,
    chosen: Chosen,
    key: str,
) -> Reply:
    """The job's record, then its panels (create-only), then the manifest last: its upload starts the workflow."""
    rt = call.rt
    mode = chosen.mode
    record = JobRecord(
        job_id=job_id,
        project_id=project_id,
        created_by=call.user.email,
        created_at=dt.datetime.now(dt.UTC),
        panels=[
            PanelRecord(name=p.name, content_type=p.content_type, sha256=p.sha256, size=len(p.data)) for p in panels
        ],
        context=context,
        mode=mode,
        report_language=chosen.report_language,
        dedup_key=key,
    )
    rt.records.create(record)
    manifest = JobManifest(
        job_id=job_id,
        panels=[p.name for p in panels],
        context=context,
        mode=MODES[mode],
        report_language=chosen.report_language,
    )
    try:
        for panel in panels:
            rt.blobs.put_input_once(job_id, panel.name, panel.data, panel.content_type)
        rt.blobs.put_manifest_once(job_id, json.dumps(manifest.model_dump(mode="json", exclude_none=True)).encode())
    except Exception as exc:
        reason = f"the upload could not be stored: {type(exc).__name__}: {exc}"
        rt.records.record_upload_error(job_id, reason)
        rt.records.forget_upload(key, job_id)
        rt.jobs.fail(job_id, reason)
        raise
    logger.info(
        "job %s uploaded: %d panels, mode %s", job_id, len(panels), mode, extra={"event": "job_uploaded", "mode": mode}
    )
    return Reply(202, {"job_id": job_id, "status": JobStatus.QUEUED.value, "project_id": project_id})
