"""Partial failure and hostile uploads against the emulators: assemble waits for live groups, a job where no
checker ran fails with the reason, and panel sizes are taken from object metadata before any byte is read."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from devstack.stack import LocalStack
from labeliq.cloud.clients import firestore_client
from labeliq.models import JobStatus
from tests.cloud.helpers import new_id, sample
from tests.cloud.test_contracts import job_status, post

pytestmark = pytest.mark.emulator

LEASE_S = 600.0
FAILED_GROUP = {
    "code": 503,
    "message": "HTTP server responded with error code 503",
    "body": {"error": {"message": "the platform answered 503 before the handler ran"}},
}


def _extracted(stack: LocalStack, prefix: str) -> str:
    panels, context = sample("granola-compliant")
    job_id = new_id(prefix)
    stack.client.upload_job(job_id, panels, context)
    assert post(stack, "extract", {"job_id": job_id, "execution_id": "e"}).status_code == 200
    return job_id


def test_assemble_waits_while_a_group_claim_is_held_by_a_live_owner(stack: LocalStack) -> None:
    job_id = _extracted(stack, "liveclaim")
    for group in ("content", "tables"):
        assert post(stack, "run_agent_group", {"job_id": job_id, "execution_id": "e", "group": group}).ok
    assert post(stack, "assemble_report", {"job_id": job_id}).status_code == 400  # warm: imports are not the test
    # another delivery holds the identity step, alive for a few seconds more
    claim = stack.client.job_store(lease_s=LEASE_S).claim_step(job_id, "group:identity", "another-delivery/abc")
    assert claim.outcome == "claimed"
    body = {"job_id": job_id, "execution_id": "e", "group_errors": {"identity": FAILED_GROUP}}
    # this execution's identity branch gave up waiting: not a final failure while the owner lives
    waiting = post(stack, "assemble_report", body)
    assert waiting.status_code == 503, waiting.text
    assert waiting.json()["error"]["code"] == "groups_pending"
    assert stack.client.job_store().stored_result(job_id, "assemble") is None, "no report version was fixed"
    # the owner dies: its lease lapses, and a retry of the branch takes the step over and stores the result
    step = firestore_client(stack.config.project, local=True).collection("jobs").document(job_id).collection("steps")
    step.document("group:identity").update({"lease_until": 0.0})
    assert post(stack, "run_agent_group", {"job_id": job_id, "execution_id": "e2", "group": "identity"}).ok
    answer = post(stack, "assemble_report", body)
    assert answer.status_code == 200, answer.text
    blob = stack.client.storage_client().bucket(stack.config.output_bucket).blob(f"reports/{job_id}/v1.json")
    report = json.loads(blob.download_as_bytes())
    assert report["summary"]["checker_errors"] == [], "the identity result, not the branch's error, is reported"


def test_a_job_where_no_checker_could_run_ends_failed_with_the_reason(stack: LocalStack) -> None:
    job_id = _extracted(stack, "allfail")
    errors = dict.fromkeys(("identity", "content", "tables"), FAILED_GROUP)
    answer = post(stack, "assemble_report", {"job_id": job_id, "execution_id": "e", "group_errors": errors})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["code"] == "no_checker_ran"
    status, error = job_status(stack, job_id)
    assert status == JobStatus.FAILED
    assert error is not None and "no checker could run" in error and "before the handler ran" in error
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and set(job.group_failures) == {"identity", "content", "tables"}, "a lasting record"
    objects = [b.name for b in stack.client.storage_client().list_blobs(stack.config.output_bucket)]
    assert f"reports/{job_id}/v1.json" not in objects


def test_a_group_that_failed_for_good_is_recorded_on_the_job_with_its_reason_and_time(stack: LocalStack) -> None:
    job_id = _extracted(stack, "onefail")
    for group in ("identity", "content"):
        assert post(stack, "run_agent_group", {"job_id": job_id, "execution_id": "e", "group": group}).ok
    before = dt.datetime.now(dt.UTC)
    body = {"job_id": job_id, "execution_id": "e", "group_errors": {"tables": FAILED_GROUP}}
    assert post(stack, "assemble_report", body).status_code == 200
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and list(job.group_failures) == ["tables"]
    failure = job.group_failures["tables"]
    assert failure.error == "the platform answered 503 before the handler ran"
    assert before - dt.timedelta(seconds=5) <= failure.at <= dt.datetime.now(dt.UTC)
    # a repeated assemble (a retried or duplicate delivery) keeps the first record
    assert post(stack, "assemble_report", body | {"execution_id": "e2"}).status_code == 200
    again = stack.client.job_store().get_job(job_id)
    assert again is not None and again.group_failures == job.group_failures


def test_an_oversized_panel_is_refused_from_its_metadata(stack: LocalStack) -> None:
    panels, context = sample("granola-compliant")
    job_id = new_id("bigpanel")
    panels["front.txt"] = b"Ingredients: oats. " * 60_000  # 1.1 MB, over the 1 MB text panel limit
    stack.client.upload_job(job_id, panels, context)
    answer = post(stack, "extract", {"job_id": job_id, "execution_id": "e"})
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]["message"]
    assert "front.txt is 1,140,000 bytes; the limit is 1,000,000" in message, message
    status, _ = job_status(stack, job_id)
    assert status == JobStatus.FAILED


def test_an_owner_whose_lease_was_taken_over_gives_its_work_up_instead_of_racing(stack: LocalStack) -> None:
    from labeliq.cloud.errors import ClaimLost

    job_id = _extracted(stack, "lostlease")
    store = stack.client.job_store(lease_s=600.0)
    assert store.claim_step(job_id, "group:tables", "slow-owner/1").outcome == "claimed"
    firestore_client(stack.config.project, local=True).collection("jobs").document(job_id).collection("steps").document(
        "group:tables"
    ).update({"lease_until": 0.0})  # starved: its lease lapsed mid-work
    assert store.claim_step(job_id, "group:tables", "successor/2").outcome == "taken_over"
    with pytest.raises(ClaimLost):
        store.complete_step(job_id, "group:tables", "slow-owner/1", {"job_id": job_id})
    stored, _ = store.complete_step(job_id, "group:tables", "successor/2", {"by": "successor"})
    assert stored == {"by": "successor"}


def test_a_starved_group_step_whose_claim_was_taken_over_stores_nothing(
    stack: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 16.1: work holding the GIL starved the renewal thread; the owner's lease lapsed, a second delivery took
    # the step over, and both went on to store the group. Now the starved owner checks its claim between checkers
    # and before storing, finds the successor there, and gives its work up.
    import labeliq.pipeline
    from labeliq.cloud.blobs import BlobStore
    from labeliq.cloud.contracts import GroupRequest
    from labeliq.cloud.errors import ClaimLost
    from labeliq.cloud.settings import CloudSettings
    from labeliq.cloud.state import FirestoreLlmCache, JobStore
    from labeliq.cloud.steps import Runtime, run_agent_group

    job_id = _extracted(stack, "starved")
    db = firestore_client(stack.config.project, local=True)
    now = [1000.0]
    jobs = JobStore(db, lease_s=60.0, clock=lambda: now[0])
    rt = Runtime(
        settings=CloudSettings(
            project_id=stack.config.project,
            input_bucket=stack.config.input_bucket,
            output_bucket=stack.config.output_bucket,
        ),
        jobs=jobs,
        blobs=BlobStore(
            stack.client.storage_client(),
            input_bucket=stack.config.input_bucket,
            output_bucket=stack.config.output_bucket,
        ),
        llm_cache=FirestoreLlmCache(db),
    )
    real_run_group = labeliq.pipeline.run_group
    taken_over: list[str] = []

    def starved_run_group(*args: Any, **kwargs: Any) -> Any:
        now[0] += 61.0  # the GIL was held past the lease: no renewal ran
        taken_over.append(jobs.claim_step(job_id, "group:tables", "successor/2").outcome)
        return real_run_group(*args, **kwargs)

    monkeypatch.setattr(labeliq.pipeline, "run_group", starved_run_group)
    with pytest.raises(ClaimLost):
        run_agent_group(GroupRequest(job_id=job_id, execution_id="starved", group="tables"), rt)
    assert taken_over == ["taken_over"]
    assert "tables" not in jobs.read_groups(job_id), "the starved owner stored nothing"
    assert jobs.list_steps(job_id)["group:tables"]["owner"] == "successor/2"
