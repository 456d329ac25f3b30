"""JobStore and the LLM cache against the Firestore emulator: forward-only status, claims, leases, versions."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from devstack.stack import LocalStack
from labeliq.cloud.errors import JobAlreadyFailed, NotFoundError
from labeliq.cloud.state import Claim, FirestoreLlmCache, JobStore
from labeliq.models import JobManifest, JobStatus
from tests.cloud.helpers import new_id

pytestmark = pytest.mark.emulator


def store(stack: LocalStack, lease_s: float = 30.0) -> JobStore:
    from labeliq.cloud.clients import firestore_client

    return JobStore(firestore_client(stack.config.project, local=True), lease_s=lease_s)


def new_job(jobs: JobStore) -> str:
    job_id = new_id("state")
    jobs.ensure_job(JobManifest(job_id=job_id, panels=["front.txt"]))
    return job_id


def test_ensure_job_creates_once_and_returns_the_stored_job(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    jobs.advance(job_id, JobStatus.EXTRACTING)
    again = jobs.ensure_job(JobManifest(job_id=job_id, panels=["other.txt"]))
    assert again.status == JobStatus.EXTRACTING
    assert again.panels == ["front.txt"]


def test_a_backwards_move_is_refused_and_writes_nothing(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    checking = jobs.advance(job_id, JobStatus.CHECKING)
    back = jobs.advance(job_id, JobStatus.EXTRACTING)
    assert back.status == JobStatus.CHECKING
    assert back.updated_at == checking.updated_at
    assert jobs.advance(job_id, JobStatus.DONE).status == JobStatus.DONE
    assert jobs.fail(job_id, "late failure").status == JobStatus.DONE  # DONE is terminal


def test_failed_is_terminal_and_keeps_the_first_reason(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    assert jobs.fail(job_id, "extract failed: the manifest is invalid").status == JobStatus.FAILED
    assert jobs.fail(job_id, "assemble failed: something else").error == "extract failed: the manifest is invalid"
    with pytest.raises(JobAlreadyFailed, match="manifest is invalid"):
        jobs.advance(job_id, JobStatus.CHECKING)


def test_failing_an_unknown_job_leaves_a_pollable_failed_job(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_id("unknown")
    jobs.fail(job_id, "extract failed: no manifest")
    job = jobs.get_job(job_id)
    assert job is not None and job.status == JobStatus.FAILED and job.error == "extract failed: no manifest"


def test_advance_of_an_unknown_job_is_not_found(stack: LocalStack) -> None:
    with pytest.raises(NotFoundError):
        store(stack).advance(new_id("missing"), JobStatus.CHECKING)


def test_parallel_transitions_to_the_same_status_all_succeed_without_contention(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    jobs.advance(job_id, JobStatus.EXTRACTED)
    started = time.perf_counter()
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: jobs.advance(job_id, JobStatus.CHECKING), range(6)))
    assert {r.status for r in results} == {JobStatus.CHECKING}
    assert time.perf_counter() - started < 4.0  # a lock-taking transaction backs off from 1 s per conflict


def test_a_claim_is_granted_once_and_a_finished_step_returns_its_result(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    first = jobs.claim_step(job_id, "extract", "exec-1/a")
    second = jobs.claim_step(job_id, "extract", "exec-2/b")
    assert first.outcome == "claimed" and second.outcome == "in_progress" and second.owner == "exec-1/a"
    stored, job = jobs.complete_step(job_id, "extract", "exec-1/a", {"uri": "gs://x"}, advance_to=JobStatus.EXTRACTED)
    assert stored == {"uri": "gs://x"} and job is not None and job.status == JobStatus.EXTRACTED
    third = jobs.claim_step(job_id, "extract", "exec-3/c")
    assert third.outcome == "done" and third.result == {"uri": "gs://x"}
    # A late finisher does not replace the stored result.
    late, _ = jobs.complete_step(job_id, "extract", "exec-2/b", {"uri": "gs://other"})
    assert late == {"uri": "gs://x"}


def test_an_expired_claim_is_taken_over_and_keeps_its_report_version(stack: LocalStack) -> None:
    jobs = store(stack, lease_s=0.5)
    job_id = new_job(jobs)
    first = jobs.claim_step(job_id, "assemble", "dead/owner", assign_version=True)
    assert first.outcome == "claimed" and first.version == 1
    assert jobs.claim_step(job_id, "assemble", "live/owner").outcome == "in_progress"
    time.sleep(0.7)
    takeover = jobs.claim_step(job_id, "assemble", "live/owner", assign_version=True)
    assert takeover.outcome == "taken_over" and takeover.version == 1
    steps = jobs.list_steps(job_id)
    assert steps["assemble"]["owner"] == "live/owner" and steps["assemble"]["attempts"] == 2


def test_concurrent_claims_pick_exactly_one_owner_and_one_version(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    with ThreadPoolExecutor(3) as pool:
        claims = list(pool.map(lambda i: jobs.claim_step(job_id, "assemble", f"e{i}/o", assign_version=True), range(3)))
    assert sorted(c.outcome for c in claims) == ["claimed", "in_progress", "in_progress"]
    assert {c.version for c in claims} == {1}


def test_the_next_assemble_gets_the_next_version(stack: LocalStack) -> None:
    jobs = store(stack)
    job_id = new_job(jobs)
    claim = jobs.claim_step(job_id, "assemble", "e/o", assign_version=True)
    jobs.complete_step(job_id, "assemble", "e/o", {}, advance_to=JobStatus.ASSEMBLED, report_version=claim.version)
    job = jobs.get_job(job_id)
    assert job is not None and job.report_version == 1
    again = jobs.claim_step(job_id, "assemble:edit-1", "e/p", assign_version=True)
    assert again.version == 2


def test_llm_cache_round_trip(stack: LocalStack) -> None:
    from labeliq.cloud.clients import firestore_client

    cache = FirestoreLlmCache(firestore_client(stack.config.project, local=True), "llm_cache_test")
    key = f"gemini|{new_id()}|prompt/with/slashes"
    assert cache.get(key) is None
    cache.put(key, '{"verdict": "pass"}')
    assert cache.get(key) == '{"verdict": "pass"}'
    assert cache.get(key + "x") is None


def test_a_live_owner_keeps_its_lease_past_its_length_and_loses_it_once_gone(stack: LocalStack) -> None:
    jobs = store(stack, lease_s=0.9)
    job_id = new_job(jobs)
    assert jobs.claim_step(job_id, "extract", "live/owner").outcome == "claimed"
    with jobs.lease_kept(job_id, "extract", "live/owner"):
        time.sleep(2.0)  # more than twice the lease: only the renewals keep it
        assert jobs.claim_step(job_id, "extract", "other/owner").outcome == "in_progress"
    time.sleep(1.2)
    assert jobs.claim_step(job_id, "extract", "other/owner").outcome == "taken_over"
    assert jobs.renew_lease(job_id, "extract", "live/owner") is None  # the old owner cannot take it back


def test_twenty_simultaneous_claims_give_one_owner_and_no_contention_failure(stack: LocalStack) -> None:
    # Issue 16.3: read-then-create claim transactions deadlocked each other on the emulator's locks (minutes of
    # "Transaction lock timeout", then 503s). A claim is now a create and a takeover a compare-and-set: exactly
    # one of the callers wins at once and every other one reads the winner's claim.
    jobs = store(stack)
    job_id = new_job(jobs)
    barrier = threading.Barrier(20)

    def claim(i: int) -> Claim:
        barrier.wait()
        return jobs.claim_step(job_id, "group:tables", f"delivery-{i}/o")

    started = time.perf_counter()
    with ThreadPoolExecutor(20) as pool:
        claims = list(pool.map(claim, range(20)))
    winners = [c for c in claims if c.outcome == "claimed"]
    assert len(winners) == 1
    assert all(c.outcome == "in_progress" and c.owner == winners[0].owner for c in claims if c is not winners[0])
    assert time.perf_counter() - started < 20.0  # one create and one read each; the old way took minutes
    step = jobs.list_steps(job_id)["group:tables"]
    assert step["owner"] == winners[0].owner and step["attempts"] == 1


def test_simultaneous_takeovers_of_an_expired_claim_give_one_new_owner(stack: LocalStack) -> None:
    jobs = store(stack, lease_s=0.3)
    job_id = new_job(jobs)
    assert jobs.claim_step(job_id, "extract", "dead/owner").outcome == "claimed"
    time.sleep(0.5)
    barrier = threading.Barrier(10)

    def claim(i: int) -> Claim:
        barrier.wait()
        return store(stack, lease_s=30.0).claim_step(job_id, "extract", f"retry-{i}/o")

    with ThreadPoolExecutor(10) as pool:
        claims = list(pool.map(claim, range(10)))
    assert sorted(c.outcome for c in claims) == ["in_progress"] * 9 + ["taken_over"]
    step = jobs.list_steps(job_id)["extract"]
    assert step["attempts"] == 2 and step["taken_over_from"] == "dead/owner"


def hold_the_gil(seconds: float) -> float:
    """One C call that never releases the GIL for about `seconds` (a lease thread cannot run meanwhile)."""
    sample = 200_000
    started = time.perf_counter()
    sum(range(sample))
    per_item = max((time.perf_counter() - started) / sample, 1e-9)
    started = time.perf_counter()
    sum(range(int(seconds / per_item)))
    return time.perf_counter() - started


def test_work_that_holds_the_gil_keeps_its_lease_by_renewing_between_chunks(stack: LocalStack) -> None:
    # Issue 16.1: a regex holding the GIL starved the renewal thread; a live owner's claim expired and a second
    # delivery took the step over. Between bounded chunks the step now renews itself (labeliq.heartbeat).
    from labeliq.heartbeat import beat

    jobs = store(stack, lease_s=2.0)
    job_id = new_job(jobs)
    assert jobs.claim_step(job_id, "group:content", "live/owner").outcome == "claimed"
    held = 0.0
    with jobs.lease_kept(job_id, "group:content", "live/owner"):
        while held < 5.0:  # well past two lease lengths, in chunks the thread may never get to renew between
            held += hold_the_gil(0.5)
            beat()
            assert jobs.claim_step(job_id, "group:content", "successor/o").outcome == "in_progress"
    assert jobs.list_steps(job_id)["group:content"]["owner"] == "live/owner"


def test_an_owner_that_could_not_renew_in_time_gives_its_work_up(stack: LocalStack) -> None:
    from labeliq.cloud.errors import ClaimLost

    now = [1000.0]
    jobs = JobStore(_db(stack), lease_s=60.0, clock=lambda: now[0])
    job_id = new_job(jobs)
    assert jobs.claim_step(job_id, "group:identity", "starved/owner").outcome == "claimed"
    with pytest.raises(ClaimLost), jobs.lease_kept(job_id, "group:identity", "starved/owner") as lease:
        now[0] += 61.0  # starved past its lease: no renewal ran
        assert jobs.claim_step(job_id, "group:identity", "successor/o").outcome == "taken_over"
        lease.check()  # before storing anything: the claim is the successor's now
        pytest.fail("the starved owner went on")
    assert jobs.list_steps(job_id)["group:identity"]["owner"] == "successor/o"


def test_an_owner_whose_lease_lapsed_but_was_not_taken_over_renews_and_goes_on(stack: LocalStack) -> None:
    now = [1000.0]
    jobs = JobStore(_db(stack), lease_s=60.0, clock=lambda: now[0])
    job_id = new_job(jobs)
    assert jobs.claim_step(job_id, "group:identity", "slow/owner").outcome == "claimed"
    with jobs.lease_kept(job_id, "group:identity", "slow/owner") as lease:
        now[0] += 61.0
        lease.check()  # nobody took it over: the compare-and-set renewal keeps it
        assert jobs.claim_step(job_id, "group:identity", "successor/o").outcome == "in_progress"


def _db(stack: LocalStack) -> Any:
    from labeliq.cloud.clients import firestore_client

    return firestore_client(stack.config.project, local=True)
