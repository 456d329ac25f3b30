"""The round trips a warm job makes (issue 13: a job through the stack near its in-process time): each step's
Firestore reads and commits are counted against the emulators, so a change that adds one to a step shows here;
a new job and its extract claim are one commit, and a step's input read started early fails where it used to."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from devstack.stack import LocalStack
from labeliq.cloud import steps
from labeliq.cloud.blobs import BlobStore
from labeliq.cloud.contracts import AssembleRequest, ExtractRequest, GroupRequest, RenderRequest
from labeliq.cloud.errors import NotFoundError
from labeliq.cloud.parallel import Prefetched
from labeliq.cloud.settings import CloudSettings
from labeliq.cloud.state import FirestoreLlmCache, JobStore
from labeliq.models import GROUPS, JobManifest, JobStatus
from tests.cloud.helpers import new_id, sample

pytestmark = pytest.mark.emulator


@pytest.fixture
def rt(stack: LocalStack) -> steps.Runtime:
    from labeliq.cloud.clients import firestore_client, storage_client

    config = stack.config
    settings = CloudSettings(
        project_id=config.project,
        input_bucket=config.input_bucket,
        output_bucket=config.output_bucket,
        step_lease_s=30.0,
        claim_wait_s=0.0,
    )
    db = firestore_client(config.project, local=True)
    return steps.Runtime(
        settings=settings,
        jobs=JobStore(db, lease_s=30.0),
        blobs=BlobStore(
            storage_client(config.project, local=True),
            input_bucket=config.input_bucket,
            output_bucket=config.output_bucket,
        ),
        llm_cache=FirestoreLlmCache(db, settings.llm_cache_collection),
    )


@contextmanager
def firestore_calls(rt: steps.Runtime) -> Iterator[Counter[str]]:
    """Count the Firestore RPCs made through this runtime's client while the block runs (commits and reads)."""
    api = rt.jobs._db._firestore_api
    counts: Counter[str] = Counter()
    lock = threading.Lock()
    originals = {name: getattr(api, name) for name in ("commit", "batch_get_documents", "get_document", "run_query")}

    def counted(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with lock:
                counts[name] += 1
            return call(*args, **kwargs)

        return wrapper

    for name, call in originals.items():
        setattr(api, name, counted(name, call))
    try:
        yield counts
    finally:
        for name, call in originals.items():
            setattr(api, name, call)


@contextmanager
def storage_requests(rt: steps.Runtime) -> Iterator[list[str]]:
    """The Storage requests made through this runtime's client session while the block runs (method and path)."""
    session = rt.blobs._client._http
    made: list[str] = []
    original = session.request

    def counted(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        made.append(f"{method} {url.split('?')[0]}")
        return original(method, url, *args, **kwargs)

    session.request = counted
    try:
        yield made
    finally:
        session.request = original


def test_a_warm_job_makes_the_fewest_firestore_round_trips(stack: LocalStack, rt: steps.Runtime) -> None:
    job_id = new_id("trips")
    panels, context = sample("granola-compliant")
    stack.client.upload_job(job_id, panels, context)
    execution = new_id("x")
    steps.extract(ExtractRequest(job_id=job_id, execution_id=execution), rt)  # imports and first-use tables
    job_id = new_id("trips")
    stack.client.upload_job(job_id, panels, context)

    with firestore_calls(rt) as extract, storage_requests(rt) as storage:
        steps.extract(ExtractRequest(job_id=job_id, execution_id=execution), rt)
    # The job and the claim in one commit (no read: both are created), then the completion.
    assert extract == {"commit": 2}
    # One listing for the manifest's and the panels' metadata, the manifest, the two panels, the facts written.
    assert len(storage) == 5, storage
    assert sum(1 for request in storage if request.endswith("/o") and request.startswith("GET")) == 1, storage
    for group in GROUPS:
        with firestore_calls(rt) as checked:
            steps.run_agent_group(GroupRequest(job_id=job_id, execution_id=execution, group=group), rt)
        # The job and the claim in one read; the claim and the move to CHECKING; the result and the done claim.
        assert checked == {"batch_get_documents": 1, "commit": 2}, group
    with firestore_calls(rt) as assembled:
        version = steps.assemble_report(AssembleRequest(job_id=job_id, execution_id=execution), rt).version
    assert assembled == {"batch_get_documents": 1, "commit": 2}
    with firestore_calls(rt) as rendered:
        steps.render_docx(RenderRequest(job_id=job_id, execution_id=execution, version=version), rt)
    assert rendered == {"batch_get_documents": 1, "commit": 2}
    assert rt.jobs.get_job(job_id).status == JobStatus.DONE  # type: ignore[union-attr]


def test_a_repeated_extract_finds_the_first_result_through_the_usual_way(stack: LocalStack, rt: steps.Runtime) -> None:
    job_id = new_id("trips")
    panels, context = sample("granola-compliant")
    stack.client.upload_job(job_id, panels, context)
    first = steps.extract(ExtractRequest(job_id=job_id, execution_id=new_id("x")), rt)
    job = rt.jobs.get_job(job_id)
    again = steps.extract(ExtractRequest(job_id=job_id, execution_id=new_id("x")), rt)
    assert again == first
    assert rt.jobs.get_job(job_id) == job  # nothing rewritten
    assert rt.jobs.list_steps(job_id)["extract"]["owner"] != ""


def test_a_new_job_and_its_claim_are_created_together_or_not_at_all(rt: steps.Runtime) -> None:
    jobs = rt.jobs
    manifest = JobManifest(job_id=new_id("together"), panels=["front.txt"])
    start = jobs.create_job_claimed(manifest, "digest-1", "extract", "owner-1", status=JobStatus.EXTRACTING)
    assert start is not None and start.claim.outcome == "claimed" and start.claim.owner == "owner-1"
    stored = jobs.get_job(manifest.job_id)
    assert stored is not None and stored.status == JobStatus.EXTRACTING and stored.inputs_digest == "digest-1"
    assert start.job.job == stored
    # A second delivery: nothing is written (the claim keeps its owner, the job its digest); the caller is told.
    assert jobs.create_job_claimed(manifest, "digest-2", "extract", "owner-2", status=JobStatus.EXTRACTING) is None
    assert jobs.get_job(manifest.job_id) == stored
    assert jobs.list_steps(manifest.job_id)["extract"]["owner"] == "owner-1"
    # A job created the usual way (QUEUED): the batch is all or nothing, so no claim appears beside it.
    other = JobManifest(job_id=new_id("together"), panels=["front.txt"])
    jobs.ensure_job(other, "digest-3")
    assert jobs.create_job_claimed(other, "digest-3", "extract", "owner-3", status=JobStatus.EXTRACTING) is None
    assert jobs.list_steps(other.job_id) == {}
    assert jobs.get_job(other.job_id).status == JobStatus.QUEUED  # type: ignore[union-attr]


def test_a_render_whose_report_is_missing_fails_after_its_claim_as_before(stack: LocalStack, rt: steps.Runtime) -> None:
    job_id = new_id("trips")
    rt.jobs.ensure_job(JobManifest(job_id=job_id, panels=["front.txt"]))
    with pytest.raises(NotFoundError, match="the report"):
        steps.render_docx(RenderRequest(job_id=job_id, execution_id="x", version=1), rt)
    assert rt.jobs.list_steps(job_id)["render:v1"]["state"] == "running"  # claimed first, then the read failed


def test_a_prefetched_read_gives_its_answer_and_a_failed_one_is_read_again_where_it_is_taken() -> None:
    assert Prefetched(lambda: 42).get() == 42
    calls: list[str] = []

    def flaky() -> str:
        calls.append(threading.current_thread().name)
        if len(calls) == 1:
            raise NotFoundError("not yet")
        return "there now"

    early = Prefetched(flaky)
    assert early.get() == "there now"
    assert calls[1] == threading.current_thread().name  # the second read is the caller's own

    def missing() -> str:
        raise NotFoundError("the facts gs://x/y do not exist")

    with pytest.raises(NotFoundError, match="do not exist"):
        Prefetched(missing).get()


def test_the_local_storage_session_does_not_read_proxy_settings_per_request(monkeypatch: pytest.MonkeyPatch) -> None:
    from labeliq.cloud.clients import storage_client

    monkeypatch.setenv("STORAGE_EMULATOR_HOST", "http://127.0.0.1:9")
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9")
    client = storage_client.__wrapped__("labeliq-test", local=True)
    assert client._http.trust_env is False


def test_a_folder_fuller_than_a_job_is_read_object_by_object(
    stack: LocalStack, rt: steps.Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labeliq.cloud import blobs

    job_id = new_id("trips")
    panels, context = sample("granola-compliant")
    stack.client.upload_job(job_id, panels, context)
    monkeypatch.setattr(blobs, "JOB_LISTING_CAP", 3)  # the two panels and the manifest fill it
    assert rt.blobs.job_objects(job_id) is None
    with storage_requests(rt) as storage:
        steps.extract(ExtractRequest(job_id=job_id, execution_id=new_id("x")), rt)
    assert len(storage) == 8, storage  # the listing, the manifest's metadata and bytes, two panels' of each, facts
    monkeypatch.setattr(blobs, "JOB_LISTING_CAP", 256)
    listed = rt.blobs.job_objects(job_id)
    assert listed is not None and sorted(listed) == ["back.txt", "front.txt", "job.json"]
    assert rt.blobs.panel_objects(job_id, ["front.txt", "side.txt"], listed)["side.txt"] is None  # asked, missing
