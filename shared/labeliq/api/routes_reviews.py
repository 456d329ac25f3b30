"""Reviewer actions: decisions (a new review version), sign-off (the lock), fact corrections (a recheck run).

Each checks the base version first and validates everything before a version number is handed out, so a bad
request never burns a version; a write that fails after that marks its version failed (the base stays latest).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import TYPE_CHECKING

from labeliq.api.call import Call, Reply
from labeliq.api.routes_jobs import require_job
from labeliq.api.versions import machine_version, read_report, version_view, versions_of, write_version
from labeliq.models import JobManifest
from labeliq.workspace.errors import ApiError, conflict, invalid
from labeliq.workspace.records import JobRecord, VersionRecord

if TYPE_CHECKING:
    from labeliq.pipeline import GroupJudge

logger = logging.getLogger(__name__)

RECHECK_FACTS = "facts.json"


def _base(call: Call, record: JobRecord, base_version: int) -> tuple[int, list[VersionRecord]]:
    job = call.rt.jobs.get_job(record.job_id)
    versions = versions_of(call.rt, record, job)
    machine = machine_version(job)
    if not machine:
        raise conflict("no_report", f"job {record.job_id} has no report yet: decide once it is DONE")
    if record.signed_off is not None:
        raise conflict(
            "signed_off",
            f"job {record.job_id} was signed off by {record.signed_off.by} at version {record.signed_off.version}; "
            "it takes no more changes",
        )
    known = {v.n: v for v in versions}
    if base_version not in known:
        raise ApiError(404, "not_found", f"job {record.job_id} has no version {base_version}")
    fresh = call.rt.records.get(record.job_id) or record
    latest = max(fresh.latest_version, machine)
    if base_version != latest:  # checked again, atomically, when the version number is handed out
        raise conflict(
            "stale_base_version",
            f"base_version {base_version} is not the latest version of job {record.job_id} ({latest}): "
            "someone else changed it; reload the latest version and decide again",
        )
    return machine, versions


def _release_on_failure(call: Call, job_id: str, version: VersionRecord, exc: BaseException) -> None:
    logger.error("version %d could not be written: %s", version.n, exc, extra={"event": "version_failed"})
    call.rt.records.fail_version(job_id, version.n, f"{type(exc).__name__}: {exc}")


def _sticker_judge(call: Call) -> GroupJudge:
    """The judge the groups use (labeliq.judge, the same LLM settings and Firestore cache), for the re-check of an
    edited sticker; offline (LABELIQ_LLM_ENABLED unset) its open questions stay needs_review, as in the groups."""
    from labeliq.cloud.state import FirestoreLlmCache
    from labeliq.judge import LlmSettingsError, judge_from_env

    try:
        return judge_from_env(FirestoreLlmCache(call.rt.db, call.rt.cloud.llm_cache_collection))
    except LlmSettingsError as exc:
        raise ApiError(
            503, "llm_settings", f"the edited sticker cannot be checked again: the deployment's {exc}"
        ) from None


def post_decisions(call: Call) -> Reply:
    from labeliq.workspace.decisions import DecisionsRequest, apply_decisions

    record = require_job(call, call.params["job_id"], "reviewer")
    body = call.json_body(DecisionsRequest)
    machine, _ = _base(call, record, body.base_version)
    base = read_report(call.rt, record.job_id, body.base_version)
    now = dt.datetime.now(dt.UTC)
    judge = _sticker_judge(call) if any(d.action == "edit" for d in body.sticker) else None
    # made (and validated) before a version number is handed out; an edited sticker is checked again here
    report = apply_decisions(base, body, reviewer=call.user.email, at=now, version=body.base_version + 1, judge=judge)
    version = call.rt.records.reserve_version(
        record.job_id, base_version=body.base_version, machine_version=machine, kind="review", by=call.user.email
    )
    try:
        report = report.model_copy(update={"version": version.n})
        write_version(call.rt, report, record.report_language)
        done = call.rt.records.finish_version(record.job_id, version.n, report.summary)
    except Exception as exc:
        _release_on_failure(call, record.job_id, version, exc)
        raise
    logger.info("review v%d by %s", version.n, call.user.email, extra={"event": "review_version", "version": version.n})
    return Reply(201, version_view(record.job_id, done))


def post_sign_off(call: Call) -> Reply:
    record = require_job(call, call.params["job_id"], "reviewer")
    job = call.rt.jobs.get_job(record.job_id)
    versions_of(call.rt, record, job)  # finish any recheck first: the lock is on the latest version
    signed = call.rt.records.sign_off(record.job_id, by=call.user.email, machine_version=machine_version(job))
    logger.info("signed off at v%d", signed.version, extra={"event": "signed_off", "version": signed.version})
    return Reply(200, {"job_id": record.job_id, "signed_off": signed.model_dump(mode="json")})


def post_facts(call: Call) -> Reply:
    from labeliq.workspace.corrections import FactsRequest, apply_corrections

    rt = call.rt
    record = require_job(call, call.params["job_id"], "reviewer")
    body = call.json_body(FactsRequest)
    machine, _ = _base(call, record, body.base_version)
    base = read_report(rt, record.job_id, body.base_version)
    if base.relabel is not None:
        raise invalid(
            f"job {record.job_id} is a relabel job: its facts are the proposed sticker's, made from the foreign "
            "label; change the sticker through the sticker decisions (approve or edit a field) instead",
            code="relabel_facts",
        )
    corrected, applied = apply_corrections(
        base.label_facts, body.corrections, by=call.user.email, at=dt.datetime.now(dt.UTC)
    )
    version = rt.records.reserve_version(
        record.job_id,
        base_version=body.base_version,
        machine_version=machine,
        kind="recheck",
        by=call.user.email,
        recheck_job=lambda n: f"{record.job_id}-r{n}",
        corrections=applied,
    )
    assert version.recheck_job is not None
    run = version.recheck_job
    try:
        rt.blobs.put_input_once(run, RECHECK_FACTS, corrected.model_dump_json().encode(), "application/json")
        manifest = JobManifest(job_id=run, panels=[RECHECK_FACTS], context=base.context, facts=RECHECK_FACTS)
        rt.blobs.put_manifest_once(run, json.dumps(manifest.model_dump(mode="json", exclude_none=True)).encode())
    except Exception as exc:
        _release_on_failure(call, record.job_id, version, exc)
        raise
    logger.info("recheck v%d started as %s", version.n, run, extra={"event": "recheck_started", "run": run})
    return Reply(202, version_view(record.job_id, version) | {"recheck_job": run})
