"""A job's report versions as the API shows them: the machine's (recorded when first seen DONE), reviews, rechecks.

A recheck version is produced by a workflow run on the corrected facts (job {job_id}-r{n}); when that run is
found DONE its report becomes version n of this job (create-only, with the corrections named on its findings), and
when it is found FAILED the version is marked failed with the run's reason. Earlier versions are never touched.
"""

from __future__ import annotations

import logging

from labeliq.api.runtime import ApiRuntime
from labeliq.cloud.blobs import docx_object, report_object
from labeliq.docx_text import ReportLanguage
from labeliq.models import Job, JobStatus, Report
from labeliq.workspace.errors import ApiError
from labeliq.workspace.records import JobRecord, SignOff, VersionRecord

logger = logging.getLogger(__name__)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def machine_version(job: Job | None) -> int:
    """The workflow's report version once the job is DONE (its DOCX exists then), else 0."""
    if job is None or job.status != JobStatus.DONE:
        return 0
    return job.report_version or 0


def render_docx_bytes(
    rt: ApiRuntime,
    report: Report,
    *,
    language: ReportLanguage = "en",
    signed_off: SignOff | None = None,
    images: dict[str, bytes] | None = None,
) -> bytes:
    from labeliq.docx_report import render_docx
    from labeliq.workspace.summaries import rendering_view

    return render_docx(
        rendering_view(report),
        rt.limits.max_evidence_chars,
        language=language,
        panel_images=images,
        signed_off=signed_off,
    )


def panel_images(rt: ApiRuntime, job_id: str, report: Report) -> dict[str, bytes]:
    """The uploaded photos and PDFs the report's panels were read from, by panel name (a PDF panel as its page),
    for the Word report's pictures."""
    from labeliq.docx_images import photo_sources, picture_bytes

    sources = photo_sources(report.label_facts)
    files: dict[str, bytes] = {}
    for source in sorted(set(sources.values())):
        data = rt.blobs.read_input(job_id, source)
        if data is not None:
            files[source] = data
    return picture_bytes(sources, files)


def docx_for_download(rt: ApiRuntime, record: JobRecord, version: int, language: ReportLanguage | None) -> bytes | None:
    """The version's Word file: the stored one as the workflow or the review wrote it (in the language chosen when
    the job was created), or, for another language asked at download, a signed-off version or a photo job, one
    rendered now from the stored report.json (the stored file is never rewritten: a version is created once)."""
    signed = record.signed_off if record.signed_off is not None and record.signed_off.version == version else None
    photos = any(p.content_type.startswith("image/") or p.content_type == "application/pdf" for p in record.panels)
    wanted = language or record.report_language
    if wanted == record.report_language and signed is None and not photos:
        return rt.blobs.read_docx(record.job_id, version)
    report = read_report(rt, record.job_id, version)
    images = panel_images(rt, record.job_id, report) if photos else None
    return render_docx_bytes(rt, report, language=wanted, signed_off=signed, images=images)


def write_version(rt: ApiRuntime, report: Report, language: ReportLanguage = "en") -> None:
    """report.json then its DOCX (in the job's report language) for version report.version, each created once."""
    from labeliq.report import report_json

    rt.blobs.write_output_once(
        report_object(report.job_id, report.version), report_json(report).encode(), "application/json"
    )
    rt.blobs.write_output_once(
        docx_object(report.job_id, report.version), render_docx_bytes(rt, report, language=language), DOCX_CONTENT_TYPE
    )


def read_report(rt: ApiRuntime, job_id: str, version: int) -> Report:
    data = rt.blobs.read_report(job_id, version)
    if data is None:
        raise ApiError(404, "not_found", f"version {version} of job {job_id} has no report")
    return Report.model_validate_json(data)


def _finish_recheck(rt: ApiRuntime, job_id: str, version: VersionRecord) -> None:
    from labeliq.workspace.corrections import recheck_report

    assert version.recheck_job is not None
    run = rt.jobs.get_job(version.recheck_job)
    if run is None or run.status not in (JobStatus.DONE, JobStatus.FAILED):
        return
    if run.status == JobStatus.FAILED:
        rt.records.fail_version(job_id, version.n, f"the recheck run {version.recheck_job} failed: {run.error}")
        return
    checked = read_report(rt, version.recheck_job, run.report_version or 1)
    report = recheck_report(
        checked,
        version.corrections,
        job_id=job_id,
        version=version.n,
        base_version=version.base_version or 1,
        by=version.created_by,
    )
    record = rt.records.get(job_id)
    write_version(rt, report, record.report_language if record is not None else "en")
    rt.records.finish_version(job_id, version.n, report.summary)
    logger.info("recheck v%d ready", version.n, extra={"event": "recheck_ready", "version": version.n})


def versions_of(
    rt: ApiRuntime, record: JobRecord, job: Job | None, listed: list[VersionRecord] | None = None
) -> list[VersionRecord]:
    """Every version of the job, bringing the machine's and any finished recheck up to date first (`listed`: the
    version documents as just read, when the caller read them with other things)."""
    versions = {v.n: v for v in (listed if listed is not None else rt.records.versions(record.job_id))}
    machine = machine_version(job)
    if machine and machine not in versions and job is not None:
        report = read_report(rt, record.job_id, machine)
        rt.records.ensure_machine_version(record.job_id, machine, report.summary, job.updated_at)
        versions = {v.n: v for v in rt.records.versions(record.job_id)}
    changed = False
    for version in versions.values():
        if version.kind == "recheck" and version.state == "running" and version.recheck_job:
            _finish_recheck(rt, record.job_id, version)
            changed = True
    if changed:
        versions = {v.n: v for v in rt.records.versions(record.job_id)}
    return [versions[n] for n in sorted(versions)]


def latest_ready(versions: list[VersionRecord]) -> VersionRecord | None:
    ready = [v for v in versions if v.state == "ready"]
    return ready[-1] if ready else None


def pick_version(versions: list[VersionRecord], wanted: int | None, job_id: str) -> VersionRecord:
    if wanted is None:
        latest = latest_ready(versions)
        if latest is None:
            raise ApiError(409, "no_report", f"job {job_id} has no report yet: poll GET /api/v1/jobs/{job_id}")
        return latest
    for version in versions:
        if version.n == wanted:
            if version.state != "ready":
                raise ApiError(409, "version_not_ready", f"version {wanted} of job {job_id} is {version.state}")
            return version
    raise ApiError(404, "not_found", f"job {job_id} has no version {wanted}")


def version_view(job_id: str, version: VersionRecord) -> dict[str, object]:
    base = f"/api/v1/jobs/{job_id}"
    view: dict[str, object] = {
        "n": version.n,
        "kind": version.kind,
        "created_by": version.created_by,
        "created_at": version.created_at.isoformat(),
        "base_version": version.base_version,
        "summary": version.summary.model_dump(mode="json") if version.summary else None,
        "state": version.state,
    }
    if version.error:
        view["error"] = version.error
    if version.corrections:
        view["corrections"] = [c.model_dump(mode="json") for c in version.corrections]
    if version.state == "ready":
        view["report_url"] = f"{base}/report?version={version.n}"
        view["docx_url"] = f"{base}/report.docx?version={version.n}"
    return view
