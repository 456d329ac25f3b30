"""The cloud steps run in this process against the emulators: the same judge as the CLI, the same findings, a
transient LLM fault retried without paying twice, and a group that left nothing shown as could-not-run."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest

from devstack.stack import LocalStack
from labeliq import cli
from labeliq.cloud import steps
from labeliq.cloud.blobs import BlobStore, report_object
from labeliq.cloud.contracts import AssembleRequest, AssembleResponse, ExtractRequest, GroupRequest
from labeliq.cloud.errors import StepInProgress, TransientError
from labeliq.cloud.settings import CloudSettings
from labeliq.cloud.state import FirestoreLlmCache, JobStore
from labeliq.models import GROUPS, Group, Report, Verdict
from tests.cloud.helpers import new_id, sample
from tests.llm.conftest import FakeGemini, _handler

pytestmark = pytest.mark.emulator

LEASE_S = 1.0  # short, so a retry after a failed attempt takes the step over quickly


@pytest.fixture
def rt(stack: LocalStack) -> steps.Runtime:
    from labeliq.cloud.clients import firestore_client, storage_client

    config = stack.config
    settings = CloudSettings(
        project_id=config.project,
        input_bucket=config.input_bucket,
        output_bucket=config.output_bucket,
        step_lease_s=LEASE_S,
        claim_wait_s=0.0,
        llm_cache_collection=f"llm_cache_{new_id('t')}",  # a cache of its own: no test answers from another
    )
    db = firestore_client(config.project, local=True)
    return steps.Runtime(
        settings=settings,
        jobs=JobStore(db, lease_s=LEASE_S),
        blobs=BlobStore(
            storage_client(config.project, local=True),
            input_bucket=config.input_bucket,
            output_bucket=config.output_bucket,
        ),
        llm_cache=FirestoreLlmCache(db, settings.llm_cache_collection),
    )


@pytest.fixture
def fake_gemini() -> Iterator[FakeGemini]:
    fake = FakeGemini()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABELIQ_LLM_ENABLED", raising=False)


def _live(monkeypatch: pytest.MonkeyPatch, fake: FakeGemini) -> None:
    monkeypatch.setenv("LABELIQ_LLM_ENABLED", "true")
    monkeypatch.setenv("LABELIQ_LLM_API_KEY", "test-key-not-a-secret")
    monkeypatch.setenv("LABELIQ_LLM_BASE_URL", fake.url)
    monkeypatch.setenv("LABELIQ_LLM_MAX_RETRIES", "0")


def _label_with_open_questions() -> tuple[dict[str, bytes], dict[str, Any]]:
    """The granola sample with a coined name: known food words would settle the LLM's identity questions by rule."""
    panels, context = sample("granola-compliant")
    front = panels["front.txt"].decode("utf-8")
    for known, coined in (
        ("Oat & Honey Granola Bars", "Oat & Honey Crunchlets"),
        ("Barres granola à l'avoine et au miel", "Croquinettes à l'avoine et au miel"),
    ):
        assert known in front, f"the granola sample's front no longer reads {known!r}"
        front = front.replace(known, coined)
    return {**panels, "front.txt": front.encode("utf-8")}, context


def _upload(stack: LocalStack, rt: steps.Runtime) -> str:
    job_id = new_id("steps")
    panels, context = _label_with_open_questions()
    stack.client.upload_job(job_id, panels, context)
    steps.extract(ExtractRequest(job_id=job_id, execution_id=new_id("x")), rt)
    return job_id


def _group(rt: steps.Runtime, job_id: str, group: Group) -> None:
    steps.run_agent_group(GroupRequest(job_id=job_id, execution_id=new_id("x"), group=group), rt)


def _group_retried(rt: steps.Runtime, job_id: str, group: Group) -> None:
    """As the workflow does: retry while the step answers 503 because the failed attempt's lease still runs."""
    deadline = time.monotonic() + 10 * LEASE_S
    while True:
        try:
            _group(rt, job_id, group)
            return
        except StepInProgress:
            if time.monotonic() > deadline:
                raise
            time.sleep(LEASE_S / 4)


def _assemble(rt: steps.Runtime, job_id: str) -> Report:
    answer = steps.assemble_report(AssembleRequest(job_id=job_id, execution_id=new_id("x")), rt)
    assert isinstance(answer, AssembleResponse)
    return Report.model_validate_json(rt.blobs.read_output(report_object(job_id, answer.version), "the report"))


def _findings(report: Report) -> dict[str, Any]:
    return {
        name: {"error": r.error, "findings": [f.model_dump(mode="json") for f in r.findings]}
        for name, r in report.results.items()
    }


def _cli_report(tmp_path: Path) -> Report:
    panels, context = _label_with_open_questions()
    folder = tmp_path / "in"
    folder.mkdir()
    for file_name, data in panels.items():
        (folder / file_name).write_bytes(data)
    (folder / "context.json").write_text(json.dumps(context), encoding="utf-8")
    out = tmp_path / "out"
    args = ["check", "--context", str(folder / "context.json"), "--out", str(out)]
    assert cli.main([*args, *(str(folder / n) for n in panels)]) == 0
    return Report.model_validate_json((out / "report.json").read_text(encoding="utf-8"))


def test_the_cli_and_the_cloud_steps_give_the_same_findings(
    stack: LocalStack, rt: steps.Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _offline(monkeypatch)
    job_id = _upload(stack, rt)
    for group in GROUPS:
        _group(rt, job_id, group)
    cloud = _assemble(rt, job_id)
    local = _cli_report(tmp_path)
    assert _findings(cloud) == _findings(local)
    assert cloud.summary.counts == local.summary.counts
    assert cloud.summary.checker_errors == local.summary.checker_errors
    open_questions = [
        f for r in cloud.results.values() for f in r.findings if f.source == "llm" and f.verdict == Verdict.NEEDS_REVIEW
    ]
    assert open_questions, "offline, the LLM's questions must be reported as needs_review"


def test_a_transient_llm_fault_is_retried_and_a_repeat_spends_nothing(
    stack: LocalStack, rt: steps.Runtime, fake_gemini: FakeGemini, monkeypatch: pytest.MonkeyPatch
) -> None:
    _live(monkeypatch, fake_gemini)
    fake_gemini.reply((503, "error_503.json"), (200, "identity_granola_ok.json"))
    job_id = _upload(stack, rt)
    with pytest.raises(TransientError) as raised:
        _group(rt, job_id, "identity")
    assert raised.value.status == 503  # the workflow's retry predicate retries it
    assert "identity" not in rt.jobs.read_groups(job_id)  # nothing unanswered was stored
    _group_retried(rt, job_id, "identity")
    stored = rt.jobs.read_groups(job_id)["identity"]
    assert stored.llm_usage.calls == 1 and stored.llm_usage.cached_calls == 0
    assert len(fake_gemini.requests) == 2
    llm = [f for r in stored.results.values() for f in r.findings if f.source == "llm"]
    assert llm and all("could not answer" not in f.message for f in llm)

    again = _upload(stack, rt)  # the same label and questions: answered from the Firestore cache
    _group(rt, again, "identity")
    repeat = rt.jobs.read_groups(again)["identity"]
    assert repeat.llm_usage.cached_calls == 1 and repeat.llm_usage.calls == 0
    assert len(fake_gemini.requests) == 2
    assert _findings_of(repeat.results) == _findings_of(stored.results)


def test_a_rate_limit_is_a_429_fault(
    stack: LocalStack, rt: steps.Runtime, fake_gemini: FakeGemini, monkeypatch: pytest.MonkeyPatch
) -> None:
    _live(monkeypatch, fake_gemini)
    fake_gemini.reply((429, "error_429.json"))
    job_id = _upload(stack, rt)
    with pytest.raises(TransientError) as raised:
        _group(rt, job_id, "identity")
    assert raised.value.status == 429


def test_a_permanent_llm_error_leaves_the_questions_needs_review(
    stack: LocalStack, rt: steps.Runtime, fake_gemini: FakeGemini, monkeypatch: pytest.MonkeyPatch
) -> None:
    _live(monkeypatch, fake_gemini)
    fake_gemini.reply((400, "error_400.json"))
    job_id = _upload(stack, rt)
    _group(rt, job_id, "identity")
    llm = [f for r in rt.jobs.read_groups(job_id)["identity"].results.values() for f in r.findings if f.source == "llm"]
    assert llm and all(f.verdict == Verdict.NEEDS_REVIEW and "could not answer" in f.message for f in llm)


def test_a_group_with_neither_a_result_nor_an_error_makes_assemble_wait(
    stack: LocalStack, rt: steps.Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report is immutable: it is not assembled while a group has neither a result nor a final failure (the
    workflow retries the 503); once the group's error is recorded, its checkers show as could-not-run."""
    from labeliq.cloud.errors import StepInProgress

    _offline(monkeypatch)
    job_id = _upload(stack, rt)
    for group in GROUPS:
        if group != "identity":
            _group(rt, job_id, group)
    with pytest.raises(StepInProgress, match="identity"):
        _assemble(rt, job_id)
    answer = steps.assemble_report(
        AssembleRequest(job_id=job_id, execution_id=new_id("x"), group_errors={"identity": "HTTP 500 - boom"}), rt
    )
    assert isinstance(answer, AssembleResponse)
    report = Report.model_validate_json(rt.blobs.read_output(report_object(job_id, answer.version), "the report"))
    identity = [name for name, r in report.results.items() if r.group == "identity"]
    assert identity, "the identity group has built checkers"
    assert all(report.results[name].error is not None for name in identity)
    assert set(identity) <= set(report.summary.checker_errors)


def _findings_of(results: dict[str, Any]) -> dict[str, Any]:
    return {name: [f.model_dump(mode="json") for f in r.findings] for name, r in results.items()}
