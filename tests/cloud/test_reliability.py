"""The workflow YAML on the local runner against the emulators: at-least-once delivery must not matter.

Each test runs the real workflows/label_compliance.yaml with the CloudEvent Eventarc sends, against the four
functions under functions-framework (through tests/cloud/faulty_main.py, which injects faults only for job ids
that ask for one) and the Firestore and Storage emulators.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from devstack.stack import LocalStack
from devstack.workflow_runner import WorkflowError
from labeliq.models import JOB_STATUS_ORDER, JobManifest, JobStatus
from tests.cloud.helpers import group_docs, in_objects, log_events, new_id, out_objects, sample

pytestmark = pytest.mark.emulator


def expected_outputs(job_id: str) -> list[str]:
    return [f"facts/{job_id}.json", f"reports/{job_id}/v1.docx", f"reports/{job_id}/v1.json"]


def duplicate_work(stack: LocalStack, job_id: str) -> list[dict[str, Any]]:
    """Log lines proving a step's work was done twice (a create-only write that met an existing object)."""
    return [e for e in log_events(stack, job_id) if e.get("event") in ("object_exists", "group_exists")]


def upload_sample(stack: LocalStack, job_id: str, name: str = "granola-compliant") -> dict[str, Any]:
    panels, context = sample(name)
    return stack.client.upload_job(job_id, panels, context)


def test_one_upload_runs_to_done(stack: LocalStack) -> None:
    job_id = new_id("single")
    result = stack.client.run_workflow(upload_sample(stack, job_id))
    out = stack.config.output_bucket
    assert result == {
        "job_id": job_id,
        "status": "DONE",
        "report_uri": f"gs://{out}/reports/{job_id}/v1.json",
        "docx_uri": f"gs://{out}/reports/{job_id}/v1.docx",
    }
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.DONE and job.report_version == 1


def test_a_panel_upload_event_is_ignored(stack: LocalStack) -> None:
    job_id = new_id("panelevent")
    event = upload_sample(stack, job_id)
    event["data"]["name"] = f"incoming/{job_id}/front.txt"
    event["subject"] = f"objects/incoming/{job_id}/front.txt"
    result = stack.client.run_workflow(event)
    assert result["status"] == "IGNORED"
    assert stack.client.job_store().get_job(job_id) is None


def test_the_same_event_delivered_three_times_at_once_gives_one_of_everything(stack: LocalStack) -> None:
    job_id = new_id("dup")
    event = upload_sample(stack, job_id)
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: stack.client.run_workflow(dict(event)), range(3)))
    assert all(r == results[0] for r in results)
    assert results[0]["status"] == "DONE"
    assert out_objects(stack, job_id) == expected_outputs(job_id)
    assert group_docs(stack, job_id) == ["content", "identity", "tables"]
    steps = stack.client.job_store().list_steps(job_id)
    assert sorted(steps) == ["assemble", "extract", "group:content", "group:identity", "group:tables", "render:v1"]
    assert {s["state"] for s in steps.values()} == {"done"}
    assert all(s["attempts"] == 1 for s in steps.values()), "no claim was taken over: each step ran once"
    assert duplicate_work(stack, job_id) == []


@pytest.mark.parametrize("fault", ["f503before", "f503after"])
def test_a_transient_fault_is_retried_and_the_job_completes_without_duplicate_writes(
    stack: LocalStack, fault: str
) -> None:
    job_id = new_id(f"x-{fault}")
    result = stack.client.run_workflow(upload_sample(stack, job_id))
    assert result["status"] == "DONE"
    injected = [e for e in log_events(stack) if e.get("event") == "fault_injected" and e.get("job_id") == job_id]
    # One injected 503 per call site: extract, three groups, assemble, render.
    assert len(injected) == 6, injected
    assert out_objects(stack, job_id) == expected_outputs(job_id)
    assert group_docs(stack, job_id) == ["content", "identity", "tables"]
    assert duplicate_work(stack, job_id) == []  # the retry found the stored result, it did not redo the work
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.DONE and job.report_version == 1


def test_a_function_killed_mid_call_is_retried_after_a_restart_with_no_duplicate_writes(stack: LocalStack) -> None:
    job_id = new_id("x-hang")
    event = upload_sample(stack, job_id)
    render = stack.functions["render_docx"]
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = stack.client.run_workflow(event)
        except Exception as exc:  # noqa: BLE001 - the assertion below reports it
            outcome["error"] = exc

    runner = threading.Thread(target=run)
    runner.start()
    deadline = time.monotonic() + 60
    while not [e for e in log_events(stack) if e.get("event") == "fault_injected" and e.get("job_id") == job_id]:
        assert time.monotonic() < deadline, "render_docx never received the call"
        time.sleep(0.1)
    render.process.kill()  # the whole process group, mid-call: the workflow sees the connection break
    render.restart()
    runner.join(timeout=120)
    assert "error" not in outcome, outcome
    assert outcome["result"]["status"] == "DONE"
    assert out_objects(stack, job_id) == expected_outputs(job_id)
    assert duplicate_work(stack, job_id) == []


def test_ten_jobs_at_once_all_reach_done_with_zero_transaction_failures(stack: LocalStack) -> None:
    names = ["granola-compliant", "soup-nutrition-faults", "crackers-date-allergen-faults"]
    jobs = [(new_id("ten"), names[i % 3]) for i in range(10)]
    events = [upload_sample(stack, job_id, name) for job_id, name in jobs]
    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(stack.client.run_workflow, events))
    assert [r["status"] for r in results] == ["DONE"] * 10
    store = stack.client.job_store()
    for job_id, _ in jobs:
        job = store.get_job(job_id)
        assert job is not None and job.status == JobStatus.DONE
        assert out_objects(stack, job_id) == expected_outputs(job_id)
    ids = {job_id for job_id, _ in jobs}
    failures = [e for e in log_events(stack) if e.get("job_id") in ids and e.get("event") == "transaction_failed"]
    transient = [e for e in log_events(stack) if e.get("job_id") in ids and e.get("event") == "transient"]
    assert failures == [] and transient == []


def job_ids(stack: LocalStack) -> list[str]:
    from labeliq.cloud.clients import firestore_client

    return [doc.id for doc in firestore_client(stack.config.project, local=True).collection("jobs").list_documents()]


def run_expecting_failure(stack: LocalStack, argument: dict[str, Any]) -> dict[str, Any]:
    with pytest.raises(WorkflowError) as caught:
        stack.client.run_workflow(argument)
    error: dict[str, Any] = caught.value.error
    return error


def test_permanent_faults_fail_their_own_job_with_a_reason_and_leave_the_others_alone(stack: LocalStack) -> None:
    good_id, image_id, manifest_id = new_id("good"), new_id("badimage"), new_id("badmanifest")
    good_event = upload_sample(stack, good_id)
    panels, context = sample()
    panels["front.jpg"] = b"\xff\xd8\xff\xe0 this is not really a JPEG"
    image_event = stack.client.upload_job(image_id, panels, context)
    manifest_event = stack.client.upload_manifest(
        manifest_id, b'{"job_id": "' + manifest_id.encode() + b'", "panels": ['
    )

    with ThreadPoolExecutor(3) as pool:
        good = pool.submit(stack.client.run_workflow, good_event)
        bad_image = pool.submit(run_expecting_failure, stack, image_event)
        bad_manifest = pool.submit(run_expecting_failure, stack, manifest_event)
        assert good.result()["status"] == "DONE"
        image_error, manifest_error = bad_image.result(), bad_manifest.result()

    store = stack.client.job_store()
    image_job, manifest_job = store.get_job(image_id), store.get_job(manifest_id)
    assert image_job is not None and image_job.status == JobStatus.FAILED
    assert image_job.error is not None and "front.jpg" in image_job.error
    assert "JobFailed" in image_error["tags"] and "front.jpg" in image_error["message"]
    assert manifest_job is not None and manifest_job.status == JobStatus.FAILED
    assert manifest_job.error is not None and "not valid JSON" in manifest_job.error
    assert "not valid JSON" in manifest_error["message"]
    # Nothing stored is lost: the uploads stay for a person to inspect, the good job's outputs are whole.
    assert in_objects(stack, image_id) == sorted(f"incoming/{image_id}/{n}" for n in [*panels, "job.json"])
    assert in_objects(stack, manifest_id) == [f"incoming/{manifest_id}/job.json"]
    assert out_objects(stack, good_id) == expected_outputs(good_id)
    assert out_objects(stack, image_id) == [] and out_objects(stack, manifest_id) == []


@pytest.mark.parametrize("job_id", ["../etc", "..", "a/../../b"])
def test_a_job_id_with_a_path_in_it_fails_with_a_reason_and_touches_nothing(stack: LocalStack, job_id: str) -> None:
    error = run_expecting_failure(stack, {"job_id": job_id})
    assert "JobFailed" in error["tags"]
    assert "is not a valid job id" in error["message"]
    assert [j for j in job_ids(stack) if ".." in j] == []


def test_an_uploaded_manifest_under_a_dot_dot_folder_fails_with_a_reason(stack: LocalStack) -> None:
    event = stack.client.upload_manifest(
        "unused", b'{"job_id": "x", "panels": ["front.txt"]}', name="incoming/../job.json"
    )
    error = run_expecting_failure(stack, event)
    assert "is not a valid job id" in error["message"]
    assert [j for j in job_ids(stack) if ".." in j] == []


def test_status_read_while_a_job_runs_never_goes_backwards(stack: LocalStack) -> None:
    job_id = new_id("poll")
    event = upload_sample(stack, job_id, "crackers-date-allergen-faults")
    store = stack.client.job_store()
    seen: list[JobStatus] = []
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            job = store.get_job(job_id)
            if job is not None and (not seen or seen[-1] != job.status):
                seen.append(job.status)
            time.sleep(0.02)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        with ThreadPoolExecutor(2) as pool:  # two deliveries at once make backwards writes possible if allowed
            results = list(pool.map(lambda _: stack.client.run_workflow(dict(event)), range(2)))
    finally:
        done.set()
        poller.join()
    final = store.get_job(job_id)
    assert final is not None and final.status == JobStatus.DONE
    if not seen or seen[-1] != JobStatus.DONE:
        seen.append(JobStatus.DONE)
    orders = [JOB_STATUS_ORDER[s] for s in seen]
    assert orders == sorted(orders), seen
    assert len(seen) >= 3, f"the poller saw too few states to mean anything: {seen}"
    assert all(r["status"] == "DONE" for r in results)


def test_a_step_whose_owner_died_mid_work_is_taken_over_once_its_lease_expires(stack: LocalStack) -> None:
    job_id = new_id("deadowner")
    event = upload_sample(stack, job_id)
    store = stack.client.job_store(lease_s=stack.config.step_lease_s)
    manifest_job = store.ensure_job(JobManifest(job_id=job_id, panels=["back.txt", "front.txt"]))
    assert manifest_job.status == JobStatus.QUEUED
    # What a function killed in the middle of extract leaves behind: a running claim nobody renews.
    store.claim_step(job_id, "extract", "dead-execution/owner")
    result = stack.client.run_workflow(event)
    assert result["status"] == "DONE"
    extract = store.list_steps(job_id)["extract"]
    assert extract["taken_over_from"] == "dead-execution/owner" and extract["attempts"] == 2
    assert out_objects(stack, job_id) == expected_outputs(job_id)


def test_twenty_deliveries_of_one_upload_at_once_give_one_complete_report(stack: LocalStack) -> None:
    """Crowded duplicate delivery: claim races are lost to one winner whose result the others wait for, and
    assemble waits for every group.

    At 20 copies of one event the claim transactions used to fail with contention (503s), and assemble ran while a
    group's claim was still held by a live owner, locking in an immutable v1 with that group's checkers as
    could-not-run.
    """
    job_id = new_id("crowd")
    event = upload_sample(stack, job_id)

    def deliver(_: int) -> dict[str, Any]:
        try:
            return stack.client.run_workflow(dict(event))
        except WorkflowError as exc:
            return {"status": "ERROR", "error": str(exc)}

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(deliver, range(20)))
    done = [r for r in results if r.get("status") == "DONE"]
    assert len(done) == 20, [r for r in results if r.get("status") != "DONE"][:3]
    assert all(r == done[0] for r in done)
    assert out_objects(stack, job_id) == expected_outputs(job_id)
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.DONE and job.report_version == 1
    blob = stack.client.storage_client().bucket(stack.config.output_bucket).blob(f"reports/{job_id}/v1.json")
    report = json.loads(blob.download_as_bytes())
    assert report["summary"]["checker_errors"] == [], "every group's checkers ran in the one report"
    assert all(r["error"] is None for r in report["results"].values())
    # Claims are creates and compare-and-sets: losing a race is a read of the winner's claim, never a failure.
    assert [e for e in log_events(stack, job_id) if e.get("event") == "transaction_failed"] == []
    steps = stack.client.job_store().list_steps(job_id)
    assert {s["state"] for s in steps.values()} == {"done"}


def test_a_reused_job_id_with_other_panels_is_refused_and_the_existing_job_stays_intact(stack: LocalStack) -> None:
    job_id = new_id("reuse")
    first = stack.client.run_workflow(upload_sample(stack, job_id))
    assert first["status"] == "DONE"
    report_before = (
        stack.client.storage_client()
        .bucket(stack.config.output_bucket)
        .blob(f"reports/{job_id}/v1.json")
        .download_as_bytes()
    )

    # the same label again under the same id: finds the existing result
    assert stack.client.run_workflow(upload_sample(stack, job_id)) == first

    # another label under the same id: refused, naming the existing job; the job is neither failed nor re-run
    with pytest.raises(WorkflowError) as caught:
        stack.client.run_workflow(upload_sample(stack, job_id, "soup-nutrition-faults"))
    assert f"job {job_id} already exists" in str(caught.value)
    assert "new job id" in str(caught.value)
    job = stack.client.job_store().get_job(job_id)
    assert job is not None and job.status == JobStatus.DONE and job.error is None and job.report_version == 1
    assert out_objects(stack, job_id) == expected_outputs(job_id)
    report_after = (
        stack.client.storage_client()
        .bucket(stack.config.output_bucket)
        .blob(f"reports/{job_id}/v1.json")
        .download_as_bytes()
    )
    assert report_after == report_before
