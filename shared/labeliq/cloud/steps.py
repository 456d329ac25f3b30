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
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from labeliq.cloud.blobs import BlobStore, docx_object, facts_object, object_digest, report_object
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
from labeliq.cloud.parallel import Prefetched, in_parallel
from labeliq.cloud.settings import CloudSettings
from labeliq.cloud.state import FirestoreLlmCache, JobStore, StepStart, StepView
from labeliq.config import Settings
from labeliq.heartbeat import beat
from labeliq.intake import (
    IntakeError,
    IntakeLimits,
    PanelKind,
    check_job_pixels,
    check_panel_names,
    check_size,
    check_unique,
    image_photos,
    text_panel,
)
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
    from labeliq.llm import LlmError
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
    from labeliq.cloud.clients import firestore_client, storage_on_first_use
    from labeliq.cloud.settings import load_cloud_settings

    settings = load_cloud_settings()
    db = firestore_client(settings.project_id, local=settings.local_emulators)
    return Runtime(
        settings=settings,
        jobs=JobStore(db, lease_s=settings.step_lease_s),
        blobs=BlobStore(
            storage_on_first_use(settings.project_id, local=settings.local_emulators),
            input_bucket=settings.input_bucket,
            output_bucket=settings.output_bucket,
        ),
        llm_cache=FirestoreLlmCache(db, settings.llm_cache_collection),
    )


def new_owner(execution_id: str) -> str:
    """One owner per call: a retry of the same execution is a new owner, so a dead call's lease can expire."""
    return f"{execution_id}/{uuid.uuid4().hex[:12]}"


def _begin(
    rt: Runtime,
    job_id: str,
    step: str,
    owner: str,
    *,
    advance_to: JobStatus | None = None,
    assign_version: bool = False,
    view: StepView | None = None,
) -> StepStart:
    """Claim the step (moving the job on in the same commit); for a live claim held elsewhere, wait a little for
    its result, then answer 503."""
    start = rt.jobs.begin_step(job_id, step, owner, advance_to=advance_to, assign_version=assign_version, view=view)
    if start.claim.outcome != "in_progress":
        return start
    result = rt.jobs.wait_for_step(job_id, step, rt.settings.claim_wait_s)
    if result is not None:
        return replace(start, claim=start.claim.model_copy(update={"outcome": "done", "result": result}))
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


def inputs_digest(manifest: JobManifest, objects: Mapping[str, Any]) -> str:
    """What the job is made of: the manifest's panels and context and each panel object's size and MD5 (from
    metadata, BlobStore.panel_objects), so a reused job id with another label is told apart from a repeated
    delivery of the same one."""
    parts = {
        "panels": manifest.panels,
        "context": manifest.context.model_dump(mode="json"),
        "objects": [object_digest(objects.get(name)) for name in manifest.panels],
    }
    if manifest.mode != "check":  # only then: the digests of check jobs stay what they were
        parts["mode"] = manifest.mode
    if manifest.report_language != "en":  # likewise
        parts["report_language"] = manifest.report_language
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def extract(request: ExtractRequest, rt: Runtime) -> ExtractResponse:
    job_id = request.job_id
    listed = rt.blobs.job_objects(job_id)  # the manifest's and the panels' metadata in one round trip
    manifest = rt.blobs.read_manifest(job_id, listed)
    objects = rt.blobs.panel_objects(job_id, manifest.panels, listed)  # the digest, then the capped reads
    digest = inputs_digest(manifest, objects)
    owner = new_owner(request.execution_id)
    early = _prefetch_text_panels(rt, manifest, objects)
    # A new job and its claim are one commit; a job or claim that is there already takes the usual way.
    start = rt.jobs.create_job_claimed(manifest, digest, "extract", owner, status=JobStatus.EXTRACTING)
    if start is None:
        seen = rt.jobs.ensure_job_seen(manifest, digest)
        _refuse_if_failed(job_id, seen.job.status, seen.job.error)
        # The claim is assumed absent (a create finds out), and the job's move to EXTRACTING is committed with it.
        assumed = StepView(job=seen, step=None, step_time=None)
        start = _begin(rt, job_id, "extract", owner, advance_to=JobStatus.EXTRACTING, view=assumed)
    if start.claim.outcome == "done" and start.claim.result is not None:
        return ExtractResponse.model_validate(start.claim.result)

    with rt.jobs.lease_kept(job_id, "extract", owner) as lease:
        facts = extract_facts(rt, manifest, objects, early)
        lease.check()  # a starved owner whose step was taken over stores nothing
        written = rt.blobs.write_once(
            facts_object(job_id), facts.model_dump_json().encode(), content_type="application/json"
        )
    response = ExtractResponse(job_id=job_id, facts_uri=written.uri)
    finished = rt.jobs.finish_step(start, response.model_dump(mode="json"), advance_to=JobStatus.EXTRACTED)
    if finished.job is not None:
        _refuse_if_failed(job_id, finished.job.status, finished.job.error)
    logger.info(
        "extracted %d panels", len(manifest.panels), extra={"event": "extracted", "object_created": written.created}
    )
    return ExtractResponse.model_validate(finished.result)


# A recheck's corrected LabelFacts (labeliq.api): a JSON document of a label's facts, far below this.
MAX_RECHECK_FACTS_BYTES = 20_000_000


def _prefetch_text_panels(
    rt: Runtime, manifest: JobManifest, objects: Mapping[str, Any]
) -> dict[str, Prefetched[bytes]]:
    """The job's text panels, read while the job and its claim are written (capped as read_inputs caps them).

    Text panels only: they are small, so a repeated delivery that finds the step done wastes little; photos are
    read after the claim, as before. Panel names intake refuses are not read early: read_inputs says why."""
    if manifest.facts is not None:  # a recheck reads its corrected facts, not panels
        return {}
    limits = IntakeLimits.from_settings(_limits())
    try:
        kinds = check_panel_names(manifest.panels, limits)
    except IntakeError:
        return {}
    return {
        name: Prefetched(
            functools.partial(
                rt.blobs.read_panel, manifest.job_id, name, max_bytes=limits.max_bytes(kind), blob=objects.get(name)
            )
        )
        for name, kind in zip(manifest.panels, kinds, strict=True)
        if kind == "text"
    }


def extract_facts(
    rt: Runtime,
    manifest: JobManifest,
    objects: Mapping[str, Any] | None = None,
    early: Mapping[str, Prefetched[bytes]] | None = None,
) -> LabelFacts:
    """The facts of the manifest's panels, taken in by labeliq.intake exactly as `labeliq check` takes them in
    (`objects`: the panels' metadata when read already; `early`: panels whose reads were started already)."""
    if manifest.facts is not None:  # a recheck: the reviewer-corrected facts, checked as they are
        try:
            data = rt.blobs.read_panel(manifest.job_id, manifest.facts, max_bytes=MAX_RECHECK_FACTS_BYTES)
            return LabelFacts.model_validate_json(data)
        except ValueError as exc:
            raise PermanentError(
                f"the facts {manifest.facts} are not valid LabelFacts: {exc}", code="bad_facts"
            ) from None
    panels, photos = read_inputs(rt, manifest, objects, early)
    if manifest.mode == "relabel":
        from labeliq.cloud.relabel_step import propose_and_store

        return propose_and_store(rt, manifest, panels, photos)
    return _parse(panels, photos)


def read_inputs(
    rt: Runtime,
    manifest: JobManifest,
    objects: Mapping[str, Any] | None = None,
    early: Mapping[str, Prefetched[bytes]] | None = None,
) -> tuple[list[Panel], list[PhotoPanel]]:
    """The text panels and the photos of the manifest, taken in by labeliq.intake as `labeliq check` takes them.

    The panels are read at once (each capped at its kind's limit, from the metadata in `objects` when given);
    a panel in `early` was being read already, and its read is taken."""
    limits = IntakeLimits.from_settings(_limits())
    kinds = check_panel_names(manifest.panels, limits)
    known = objects or {}
    started = early or {}

    def read(item: tuple[str, PanelKind]) -> bytes:
        name, kind = item
        if name in started:
            return started[name].get()
        return rt.blobs.read_panel(manifest.job_id, name, max_bytes=limits.max_bytes(kind), blob=known.get(name))

    items = list(zip(manifest.panels, kinds, strict=True))
    panels: list[Panel] = []
    photos: list[PhotoPanel] = []
    images: dict[str, bytes] = {}
    for (name, kind), data in zip(items, in_parallel(read, items), strict=True):
        beat()
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


def _facts_bytes(rt: Runtime, job_id: str) -> bytes:
    return rt.blobs.read_output(facts_object(job_id), "the extracted facts")


def _prefetch_facts(rt: Runtime, job_id: str) -> Prefetched[bytes]:
    """The extracted facts, read while the step reads and writes its claim (they are written once, before
    extract's claim is done, so what is read early is what would be read after the claim)."""
    return Prefetched(functools.partial(_facts_bytes, rt, job_id), now=rt.blobs.client_made)


def run_agent_group(request: GroupRequest, rt: Runtime) -> GroupResponse:
    job_id, group = request.job_id, request.group
    step = f"group:{group}"
    owner = new_owner(request.execution_id)
    facts_data = _prefetch_facts(rt, job_id)
    start = _begin(rt, job_id, step, owner, advance_to=JobStatus.CHECKING)  # the job and the claim in one read
    if start.claim.outcome == "done" and start.claim.result is not None:
        return GroupResponse.model_validate(start.claim.result)

    from labeliq.llm import LlmError  # a replayed step (answered above) imports neither
    from labeliq.pipeline import run_group

    with rt.jobs.lease_kept(job_id, step, owner) as lease:
        facts = LabelFacts.model_validate_json(facts_data.get())
        try:
            result = run_group(group, facts, start.job.job.context, job_id, _judge(rt), raise_llm_errors=True)
        except LlmError as exc:
            raise llm_fault(exc) from exc
        lease.check()  # a starved owner whose step was taken over stores nothing
    response = GroupResponse(job_id=job_id, group=group, result_uri=group_uri(job_id, group))
    # The group's result document (create-only) and the done claim are one commit.
    finished = rt.jobs.finish_step(start, response.model_dump(mode="json"), group=result)
    checkers = len((finished.group or result).results)
    logger.info(
        "group %s: %d checkers", group, checkers, extra={"event": "group_done", "group": group, "checkers": checkers}
    )
    return GroupResponse.model_validate(finished.result)


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


def _require_settled_groups(
    rt: Runtime, job_id: str, request: AssembleRequest, stored: Mapping[str, GroupResult]
) -> None:
    """Every group has a stored result or a final failure; otherwise answer 503 so the workflow retries assemble.

    A report is immutable once written, so it must not be assembled while a group is still being run: a live claim
    on a group's step (another delivery of the same upload working on it) means its result is on its way, even
    when this execution's branch gave up waiting for it. A group error counts as final only when no one holds the
    group's step; a group with neither a result nor an error is not settled either. `stored` is the groups'
    results as read with the job.
    """
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


def _record_final_group_failures(
    rt: Runtime, job_id: str, request: AssembleRequest, stored: Mapping[str, GroupResult]
) -> bool:
    """Once every group is settled, a group with an error and no result failed for good: record it on the job
    (which group, the reason, when) before anything else, so the job page and GET /jobs/{id} can say which checks
    could not run even when the report is never written (no checker ran: the job then ends FAILED). `stored`: the
    groups' results as read with the job. True when something was recorded (the job document changed)."""
    _require_settled_groups(rt, job_id, request, stored)
    failed: dict[str, str] = {
        group: reason_text(error)
        for group, error in request.group_errors.items()
        if group not in stored and not _group_step_done(rt, job_id, group)
    }
    if failed:
        rt.jobs.record_group_failures(job_id, failed)
    return bool(failed)


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
    if request.failure is not None:
        return record_failure(request, rt)
    job_id = request.job_id
    facts_data = _prefetch_facts(rt, job_id)
    read = rt.jobs.read_step(job_id, "assemble", groups=True)  # the job, the claim and the groups: one read
    _refuse_if_failed(job_id, read.job.job.status, read.job.job.error)
    view: StepView | None = read
    if (read.step is None or read.step["state"] != "done") and _record_final_group_failures(
        rt, job_id, request, read.groups
    ):
        view = None  # the job document changed: the claim reads it (and the groups, in the lease) again
    owner = new_owner(request.execution_id)
    start = _begin(rt, job_id, "assemble", owner, assign_version=True, view=view)
    if start.claim.outcome == "done" and start.claim.result is not None:
        return AssembleResponse.model_validate(start.claim.result)
    if start.claim.version is None:
        raise NotFoundError(f"the assemble claim of job {job_id} has no report version", code="broken_claim")
    version = start.claim.version
    job = start.job.job
    from labeliq.report import build_report, report_json  # a replayed step (answered above) does not need it

    with rt.jobs.lease_kept(job_id, "assemble", owner) as lease:
        facts = LabelFacts.model_validate_json(facts_data.get())
        # Groups are create-only: when all three were stored at the read above they are what is stored now. A
        # missing one is read again here, in case its late owner stored it since.
        stored_groups = start.groups if len(start.groups) == len(GROUPS) else rt.jobs.read_groups(job_id)
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
    finished = rt.jobs.finish_step(
        start, response.model_dump(mode="json"), advance_to=JobStatus.ASSEMBLED, report_version=version
    )
    if finished.job is not None:
        _refuse_if_failed(job_id, finished.job.status, finished.job.error)
    logger.info(
        "report v%d: %s",
        version,
        report.summary.verdict.value,
        extra={"event": "assembled", "version": version, "object_created": written.created},
    )
    return AssembleResponse.model_validate(finished.result)


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
    step = f"render:v{version}"
    owner = new_owner(request.execution_id)
    # The report is written once, before assemble's claim is done: read while the claim is read and written.
    report_data = Prefetched(
        functools.partial(rt.blobs.read_output, report_object(job_id, version), "the report"),
        now=rt.blobs.client_made,
    )
    start = _begin(rt, job_id, step, owner)  # the job and the claim in one read
    if start.claim.outcome == "done" and start.claim.result is not None:
        return RenderResponse.model_validate(start.claim.result)
    job = start.job.job

    with rt.jobs.lease_kept(job_id, step, owner) as lease:
        report = Report.model_validate_json(report_data.get())
        docx = _render(report, _panel_images(rt, job_id, report), job.report_language)
        lease.check()
        written = rt.blobs.write_once(docx_object(job_id, version), docx, content_type=DOCX_CONTENT_TYPE)
    response = RenderResponse(job_id=job_id, version=version, docx_uri=written.uri)
    finished = rt.jobs.finish_step(start, response.model_dump(mode="json"), advance_to=JobStatus.DONE)
    if finished.job is not None:
        _refuse_if_failed(job_id, finished.job.status, finished.job.error)
    logger.info("rendered v%d", version, extra={"event": "rendered", "object_created": written.created})
    return RenderResponse.model_validate(finished.result)
