"""What each function does, between parsing its request and answering: claim, work, persist, advance.

Each step is idempotent under at-least-once delivery by construction:
  1. claim the step (create-only, with a lease); a finished claim returns its stored result, a live one
     makes this delivery wait briefly and then answer 503 so the workflow retries later;
  2. do the pure work (parse, check, assemble, render) with labeliq code;
  3. write the result create-only (a second writer reads the first one's back);
  4. mark the claim done and move the job forward in one transaction.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labeliq.cloud.blobs import BlobStore, docx_object, facts_object, report_object
from labeliq.cloud.contracts import (
    AssembleRequest,
    AssembleResponse,
    ExtractRequest,
    ExtractResponse,
    FailureResponse,
    GroupRequest,
    GroupResponse,
    RenderRequest,
    RenderResponse,
    reason_text,
)
from labeliq.cloud.errors import NotFoundError, PermanentError, StepError, StepInProgress, TransientError
from labeliq.cloud.settings import CloudSettings
from labeliq.cloud.state import Claim, FirestoreLlmCache, JobStore
from labeliq.config import Settings
from labeliq.heartbeat import beat
from labeliq.intake import (
    IntakeError,
    IntakeLimits,
    check_job_pixels,
    check_panel_names,
    check_size,
    check_unique,
    image_photos,
    text_panel,
)
from labeliq.llm import LlmError
from labeliq.models import (
    GROUPS,
    Group,
    GroupResult,
    JobManifest,
    JobStatus,
    LabelFacts,
    Panel,
    Report,
    ReportLanguage,
)

if TYPE_CHECKING:
    from labeliq.extraction.images import PhotoPanel
    from labeliq.pipeline import GroupJudge

logger = logging.getLogger(__name__)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Runtime:
    """The stores a step works with; built once per process from the settings."""

    settings: CloudSettings
    jobs: JobStore
    blobs: BlobStore
    llm_cache: FirestoreLlmCache


@functools.cache
def runtime() -> Runtime:
    """The process's Runtime, created on the first request (not at import: see labeliq.cloud.clients)."""
    from labeliq.cloud.clients import firestore_client, storage_client
    from labeliq.cloud.settings import load_cloud_settings

    settings = load_cloud_settings()
    db = firestore_client(settings.project_id, local=settings.local_emulators)
    return Runtime(
        settings=settings,
        jobs=JobStore(db, lease_s=settings.step_lease_s),
        blobs=BlobStore(
            storage_client(settings.project_id, local=settings.local_emulators),
            input_bucket=settings.input_bucket,
            output_bucket=settings.output_bucket,
        ),
        llm_cache=FirestoreLlmCache(db, settings.llm_cache_collection),
    )


def new_owner(execution_id: str) -> str:
    """One owner per call: a retry of the same execution is a new owner, so a dead call's lease can expire."""
    return f"{execution_id}/{uuid.uuid4().hex[:12]}"


def _claim_or_stored(rt: Runtime, job_id: str, step: str, owner: str, *, assign_version: bool = False) -> Claim:
    """Claim the step; for a live claim held elsewhere, wait a little for its result, then answer 503."""
    claim = rt.jobs.claim_step(job_id, step, owner, assign_version=assign_version)
    if claim.outcome != "in_progress":
        return claim
    result = rt.jobs.wait_for_step(job_id, step, rt.settings.claim_wait_s)
    if result is not None:
        return claim.model_copy(update={"outcome": "done", "result": result})
    raise StepInProgress(f"step {step} of job {job_id} is being run by another delivery; retry later")


def _refuse_if_failed(job_id: str, status: JobStatus | None, error: str | None) -> None:
    if status == JobStatus.FAILED:
        from labeliq.cloud.errors import JobAlreadyFailed

        raise JobAlreadyFailed(f"job {job_id} has already failed: {error}")


# -- extract ---------------------------------------------------------------------------------------------


def _parse(panels: list[Panel], photos: list[PhotoPanel]) -> LabelFacts:
    """The facts of the text panels and the photos; a fact read from a photo carries its box and OCR confidence."""
    if photos:
        from labeliq.extraction.photo_facts import facts_from_panels

        return facts_from_panels(photos, panels)
    from labeliq.extraction.text_parser import parse_label

    facts: LabelFacts = parse_label(panels)
    return facts


def inputs_digest(rt: Runtime, manifest: JobManifest) -> str:
    """What the job is made of: the manifest's panels and context and each panel object's size and MD5 (from
    metadata), so a reused job id with another label is told apart from a repeated delivery of the same one."""
    parts = {
        "panels": manifest.panels,
        "context": manifest.context.model_dump(mode="json"),
        "objects": [rt.blobs.panel_digest(manifest.job_id, name) for name in manifest.panels],
    }
    if manifest.mode != "check":  # only then: the digests of check jobs stay what they were
        parts["mode"] = manifest.mode
    if manifest.report_language != "en":  # likewise
        parts["report_language"] = manifest.report_language
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def extract(request: ExtractRequest, rt: Runtime) -> ExtractResponse:
    job_id = request.job_id
    manifest = rt.blobs.read_manifest(job_id)
    job = rt.jobs.ensure_job(manifest, inputs_digest(rt, manifest))
    _refuse_if_failed(job_id, job.status, job.error)
    owner = new_owner(request.execution_id)
    claim = _claim_or_stored(rt, job_id, "extract", owner)
    if claim.outcome == "done" and claim.result is not None:
        return ExtractResponse.model_validate(claim.result)

    with rt.jobs.lease_kept(job_id, "extract", owner) as lease:
        rt.jobs.advance(job_id, JobStatus.EXTRACTING)
        facts = extract_facts(rt, manifest)
        lease.check()  # a starved owner whose step was taken over stores nothing
        written = rt.blobs.write_once(
            facts_object(job_id), facts.model_dump_json().encode(), content_type="application/json"
        )
    response = ExtractResponse(job_id=job_id, facts_uri=written.uri)
    stored, job_after = rt.jobs.complete_step(
        job_id, "extract", owner, response.model_dump(mode="json"), advance_to=JobStatus.EXTRACTED
    )
    if job_after is not None:
        _refuse_if_failed(job_id, job_after.status, job_after.error)
    logger.info(
        "extracted %d panels", len(manifest.panels), extra={"event": "extracted", "object_created": written.created}
    )
    return ExtractResponse.model_validate(stored)


# A recheck's corrected LabelFacts (labeliq.api): a JSON document of a label's facts, far below this.
MAX_RECHECK_FACTS_BYTES = 20_000_000


def extract_facts(rt: Runtime, manifest: JobManifest) -> LabelFacts:
    """The facts of the manifest's panels, taken in by labeliq.intake exactly as `labeliq check` takes them in."""
    if manifest.facts is not None:  # a recheck: the reviewer-corrected facts, checked as they are
        try:
            data = rt.blobs.read_panel(manifest.job_id, manifest.facts, max_bytes=MAX_RECHECK_FACTS_BYTES)
            return LabelFacts.model_validate_json(data)
        except ValueError as exc:
            raise PermanentError(
                f"the facts {manifest.facts} are not valid LabelFacts: {exc}", code="bad_facts"
            ) from None
    panels, photos = read_inputs(rt, manifest)
    if manifest.mode == "relabel":
        from labeliq.cloud.relabel_step import propose_and_store

        return propose_and_store(rt, manifest, panels, photos)
    return _parse(panels, photos)


def read_inputs(rt: Runtime, manifest: JobManifest) -> tuple[list[Panel], list[PhotoPanel]]:
    """The text panels and the photos of the manifest, taken in by labeliq.intake as `labeliq check` takes them."""
    limits = IntakeLimits.from_settings(_limits())
    kinds = check_panel_names(manifest.panels, limits)
    panels: list[Panel] = []
    photos: list[PhotoPanel] = []
    images: dict[str, bytes] = {}
    for name, kind in zip(manifest.panels, kinds, strict=True):
        beat()
        data = rt.blobs.read_panel(manifest.job_id, name, max_bytes=limits.max_bytes(kind))
        check_size(name, kind, len(data), limits)
        if kind == "text":
            panels.append(text_panel(name, data))
        else:
            images[name] = data
    check_job_pixels(images, limits)  # from the headers, before any photo is decoded
    for name, data in images.items():
        beat()
        photos.extend(image_photos(name, data, limits))
    # A PDF gives a panel per page (front, front-p2) and a wide photo several: their names must not collide either.
    check_unique([p.name for p in panels] + [photo.panel.name for photo in photos], are_stems=True)
    return panels, photos


@functools.cache
def _limits() -> Settings:
    from labeliq.config import load_settings

    return load_settings()


# -- run_agent_group ------------------------------------------------------------------------------------------


def group_uri(job_id: str, group: str) -> str:
    return f"firestore://jobs/{job_id}/groups/{group}"


def _judge(rt: Runtime) -> GroupJudge:
    """The same judge as the CLI (labeliq.judge), answering through the Firestore cache so a retried step spends
    nothing, and raising a transient LLM fault so the workflow retries instead of storing unanswered questions.
    Offline (LABELIQ_LLM_ENABLED unset) it files each open question as needs_review, as the CLI does."""
    from labeliq.judge import LlmSettingsError, judge_from_env

    try:
        return judge_from_env(rt.llm_cache, raise_transient=True)
    except LlmSettingsError as exc:
        raise PermanentError(f"the deployment's {exc}", code="llm_settings") from None


def llm_fault(exc: LlmError) -> StepError:
    """A transient LLM error as the retryable fault the workflow expects (429 stays a rate limit)."""
    from labeliq.judge import is_transient_llm_error

    if not is_transient_llm_error(exc):
        return StepError(f"the LLM judge failed: {exc}", code="llm_error")
    if getattr(exc.__cause__, "code", None) == 429:
        return TransientError(f"the LLM is rate limited: {exc}", code="llm_rate_limited", status=429)
    return TransientError(f"the LLM is unavailable: {exc}", code="llm_unavailable")


def _read_facts(rt: Runtime, job_id: str) -> LabelFacts:
    data = rt.blobs.read_output(facts_object(job_id), "the extracted facts")
    return LabelFacts.model_validate_json(data)


def run_agent_group(request: GroupRequest, rt: Runtime) -> GroupResponse:
    from labeliq.pipeline import run_group

    job_id, group = request.job_id, request.group
    job = rt.jobs.require_job(job_id)
    step = f"group:{group}"
    owner = new_owner(request.execution_id)
    claim = _claim_or_stored(rt, job_id, step, owner)
    if claim.outcome == "done" and claim.result is not None:
        return GroupResponse.model_validate(claim.result)

    with rt.jobs.lease_kept(job_id, step, owner) as lease:
        rt.jobs.advance(job_id, JobStatus.CHECKING)
        facts = _read_facts(rt, job_id)
        try:
            result = run_group(group, facts, job.context, job_id, _judge(rt), raise_llm_errors=True)
        except LlmError as exc:
            raise llm_fault(exc) from exc
        lease.check()  # a starved owner whose step was taken over stores nothing
        stored_group = rt.jobs.write_group(result)
    response = GroupResponse(job_id=job_id, group=group, result_uri=group_uri(job_id, group))
    stored, _ = rt.jobs.complete_step(job_id, step, owner, response.model_dump(mode="json"))
    logger.info(
        "group %s: %d checkers",
        group,
        len(stored_group.results),
        extra={"event": "group_done", "group": group, "checkers": len(stored_group.results)},
    )
    return GroupResponse.model_validate(stored)


# -- assemble_report ------------------------------------------------------------------------------------------


def failed_group(job_id: str, group: Group, reason: str) -> GroupResult:
    """A group whose branch failed: every registered checker of it reported as could-not-run, with the reason."""
    from labeliq.checks.registry import CHECKERS
    from labeliq.report import could_not_run

    results = {
        spec.name: could_not_run(spec.name, group, f"the {group} group failed: {reason}")
        for spec in CHECKERS
        if spec.group == group
    }
    return GroupResult(job_id=job_id, group=group, results=results)


def _require_settled_groups(rt: Runtime, job_id: str, request: AssembleRequest) -> dict[str, GroupResult]:
    """Every group has a stored result or a final failure; otherwise answer 503 so the workflow retries assemble.

    A report is immutable once written, so it must not be assembled while a group is still being run: a live claim
    on a group's step (another delivery of the same upload working on it) means its result is on its way, even
    when this execution's branch gave up waiting for it. A group error counts as final only when no one holds the
    group's step; a group with neither a result nor an error is not settled either.
    """
    stored = rt.jobs.read_groups(job_id)
    unsettled: list[str] = []
    for group in GROUPS:
        if group in stored:
            continue
        state = rt.jobs.step_state(job_id, f"group:{group}")
        if state is not None and state.outcome == "done":
            continue  # its result document is being read back: done claims are written after it
        if state is not None or group not in request.group_errors:
            unsettled.append(group)
    if unsettled:
        raise StepInProgress(
            f"job {job_id}: the {', '.join(unsettled)} group(s) have no result yet and are still being run; "
            "assemble waits for them (retry later)",
            code="groups_pending",
        )
    return stored


def _record_final_group_failures(rt: Runtime, job_id: str, request: AssembleRequest) -> None:
    """Once every group is settled, a group with an error and no result failed for good: record it on the job
    (which group, the reason, when) before anything else, so the job page and GET /jobs/{id} can say which checks
    could not run even when the report is never written (no checker ran: the job then ends FAILED)."""
    stored = _require_settled_groups(rt, job_id, request)
    failed: dict[str, str] = {
        group: reason_text(error)
        for group, error in request.group_errors.items()
        if group not in stored and not _group_step_done(rt, job_id, group)
    }
    if failed:
        rt.jobs.record_group_failures(job_id, failed)


def _group_step_done(rt: Runtime, job_id: str, group: str) -> bool:
    state = rt.jobs.step_state(job_id, f"group:{group}")
    return state is not None and state.outcome == "done"


def _refuse_if_nothing_ran(job_id: str, report: Report) -> None:
    """A report where no checker could run judges nothing: the job fails with the reasons instead."""
    ran = [r for r in report.results.values() if r.error is None]
    if report.results and not ran:
        reasons = sorted({r.error or "" for r in report.results.values()})
        raise PermanentError(f"no checker could run on job {job_id}: {'; '.join(reasons)[:800]}", code="no_checker_ran")


def record_failure(request: AssembleRequest, rt: Runtime) -> FailureResponse:
    assert request.failure is not None
    job = rt.jobs.fail(request.job_id, request.failure.describe())
    return FailureResponse(job_id=request.job_id, status=job.status)


def assemble_report(request: AssembleRequest, rt: Runtime) -> AssembleResponse | FailureResponse:
    from labeliq.report import build_report, report_json

    if request.failure is not None:
        return record_failure(request, rt)
    job_id = request.job_id
    job = rt.jobs.require_job(job_id)
    if rt.jobs.stored_result(job_id, "assemble") is None:
        _record_final_group_failures(rt, job_id, request)
    owner = new_owner(request.execution_id)
    claim = _claim_or_stored(rt, job_id, "assemble", owner, assign_version=True)
    if claim.outcome == "done" and claim.result is not None:
        return AssembleResponse.model_validate(claim.result)
    if claim.version is None:
        raise NotFoundError(f"the assemble claim of job {job_id} has no report version", code="broken_claim")
    version = claim.version

    with rt.jobs.lease_kept(job_id, "assemble", owner) as lease:
        facts = _read_facts(rt, job_id)
        stored_groups = rt.jobs.read_groups(job_id)
        groups: list[GroupResult] = []
        for group in GROUPS:
            if group in stored_groups:
                groups.append(stored_groups[group])  # a branch that wrote its result, then lost its answer, counts
            elif group in request.group_errors:
                groups.append(failed_group(job_id, group, reason_text(request.group_errors[group])))
        # The registry (not the stored results) says which checkers the report must hold: a group with neither a
        # result nor an error shows its checkers as could-not-run.
        report = build_report(job_id, facts, job.context, groups, version=version)
        _refuse_if_nothing_ran(job_id, report)
        if job.mode == "relabel":
            from labeliq.cloud.relabel_step import finish_stored

            report = finish_stored(rt, job_id, report)
        lease.check()
        written = rt.blobs.write_once(
            report_object(job_id, version), report_json(report).encode(), content_type="application/json"
        )
    response = AssembleResponse(job_id=job_id, version=version, report_uri=written.uri)
    stored, job_after = rt.jobs.complete_step(
        job_id,
        "assemble",
        owner,
        response.model_dump(mode="json"),
        advance_to=JobStatus.ASSEMBLED,
        report_version=version,
    )
    if job_after is not None:
        _refuse_if_failed(job_id, job_after.status, job_after.error)
    logger.info(
        "report v%d: %s",
        version,
        report.summary.verdict.value,
        extra={"event": "assembled", "version": version, "object_created": written.created},
    )
    return AssembleResponse.model_validate(stored)


# -- render_docx ----------------------------------------------------------------------------------------------


def _render(report: Report, images: dict[str, bytes], language: ReportLanguage) -> bytes:
    from labeliq.docx_report import render_docx as render

    return render(report, _limits().max_evidence_chars, panel_images=images, language=language)


def _panel_images(rt: Runtime, job_id: str, report: Report) -> dict[str, bytes]:
    """The job's uploaded photos and PDFs its panels were read from (a PDF panel as its page), for the report's
    thumbnails and crops. A recheck run has only the corrected facts in its folder: its report has no photo."""
    from labeliq.docx_images import photo_sources, picture_bytes

    limit = IntakeLimits.from_settings(_limits()).max_bytes("image")
    sources = photo_sources(report.label_facts)
    files: dict[str, bytes] = {}
    for source in sorted(set(sources.values())):
        try:
            files[source] = rt.blobs.read_panel(job_id, source, max_bytes=limit)
        except (NotFoundError, IntakeError):
            continue
    return picture_bytes(sources, files)


def render_docx(request: RenderRequest, rt: Runtime) -> RenderResponse:
    job_id, version = request.job_id, request.version
    job = rt.jobs.require_job(job_id)
    step = f"render:v{version}"
    owner = new_owner(request.execution_id)
    claim = _claim_or_stored(rt, job_id, step, owner)
    if claim.outcome == "done" and claim.result is not None:
        return RenderResponse.model_validate(claim.result)

    with rt.jobs.lease_kept(job_id, step, owner) as lease:
        report = Report.model_validate_json(rt.blobs.read_output(report_object(job_id, version), "the report"))
        docx = _render(report, _panel_images(rt, job_id, report), job.report_language)
        lease.check()
        written = rt.blobs.write_once(docx_object(job_id, version), docx, content_type=DOCX_CONTENT_TYPE)
    response = RenderResponse(job_id=job_id, version=version, docx_uri=written.uri)
    stored, job_after = rt.jobs.complete_step(
        job_id, step, owner, response.model_dump(mode="json"), advance_to=JobStatus.DONE
    )
    if job_after is not None:
        _refuse_if_failed(job_id, job_after.status, job_after.error)
    logger.info("rendered v%d", version, extra={"event": "rendered", "object_created": written.created})
    return RenderResponse.model_validate(stored)
