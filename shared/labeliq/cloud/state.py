"""Job state in Firestore: forward-only status, create-only step claims with a lease, one document per group.

Layout (see ../shared/docs/architecture.md):
  jobs/{job_id}                  the Job: status only moves forward, in a transaction
  jobs/{job_id}/steps/{step}     a claim per step: running (owner, lease) or done (result)
  jobs/{job_id}/groups/{group}   a GroupResult, written once by the group's branch
  {llm_cache}/{sha256(key)}      cached LLM answers

Every write that must happen once is a create or a transaction that re-reads what it changes, so a second
delivery of the same event, or a retry of a call whose answer was lost, finds the first one's result.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from labeliq.cloud.errors import ClaimLost, JobAlreadyFailed, JobConflict, NotFoundError, TransientError
from labeliq.heartbeat import beating
from labeliq.models import GROUPS, GroupFailure, GroupResult, Job, JobManifest, JobStatus, can_transition

logger = logging.getLogger(__name__)

T = TypeVar("T")

JOBS = "jobs"
STEPS = "steps"
GROUPS_COLLECTION = "groups"
TRANSACTION_ATTEMPTS = 8
# Firestore refuses documents over 1 MiB; an answer that large is not worth caching.
MAX_CACHED_VALUE_BYTES = 900_000


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Claim(BaseModel):
    """What claiming a step gave: the right to run it, its stored result, or "someone else is on it"."""

    outcome: Literal["claimed", "taken_over", "done", "in_progress"]
    step: str
    owner: str  # the owner now holding (or having finished) the step
    version: int | None = None  # report version chosen when the claim was created (assemble)
    result: dict[str, Any] | None = None  # the stored result when done
    lease_until: float | None = None

    @property
    def mine(self) -> bool:
        return self.outcome in ("claimed", "taken_over")


@dataclass(frozen=True)
class SeenJob:
    """The job document as this caller last read or wrote it, with its update time: the version a
    compare-and-set write of it must still find."""

    job: Job
    update_time: Any


@dataclass(frozen=True)
class StepView:
    """The job, one step's claim and (for assemble) the stored group results, read in one round trip.

    `step` is None when the claim document is absent, or assumed absent by a caller that has just created the job:
    a create-only claim finds out either way.
    """

    job: SeenJob
    step: dict[str, Any] | None
    step_time: Any
    groups: dict[str, GroupResult] = field(default_factory=dict)


@dataclass(frozen=True)
class StepStart:
    """What beginning a step gave: its claim, and the versions of the claim and of the job this owner wrote or saw,
    which its completion's compare-and-set writes must still find (a renewal or a takeover in between is re-read)."""

    job_id: str
    claim: Claim
    job: SeenJob
    step_time: Any
    groups: dict[str, GroupResult] = field(default_factory=dict)


@dataclass(frozen=True)
class Finished:
    """A completed step: the result that is stored (the first finisher's), the job as it stands, and the group
    result that is stored when the step wrote one."""

    result: dict[str, Any]
    job: Job | None
    group: GroupResult | None = None


def _job_from(snapshot: Any) -> Job:
    return Job.model_validate(snapshot.to_dict())


def job_of(snapshot: Any) -> Job | None:
    """The job in a snapshot of its document, None when there is none."""
    return _job_from(snapshot) if snapshot.exists else None


def _job_data(job: Job) -> dict[str, Any]:
    return job.model_dump(mode="json")


def _new_job(manifest: JobManifest, inputs_digest: str | None, now: dt.datetime) -> Job:
    """The job a manifest starts, QUEUED."""
    return Job(
        job_id=manifest.job_id,
        panels=manifest.panels,
        context=manifest.context,
        created_at=now,
        updated_at=now,
        inputs_digest=inputs_digest,
        mode=manifest.mode,
        report_language=manifest.report_language,
    )


def _claim_data(owner: str, lease_until: float, version: int | None) -> dict[str, Any]:
    """A new claim document: running under `owner` until `lease_until` (and fixing the report version)."""
    now = utcnow()
    return {
        "state": "running",
        "owner": owner,
        "lease_until": lease_until,
        "attempts": 1,
        "version": version,
        "result": None,
        "created_at": now,
        "updated_at": now,
    }


def _claim_of(step: str, data: dict[str, Any], now: float) -> Claim:
    """A claim document held by someone: done with its result, or in progress under its owner's lease."""
    if data["state"] == "done":
        return Claim(outcome="done", step=step, owner=data["owner"], version=data.get("version"), result=data["result"])
    return Claim(
        outcome="in_progress",
        step=step,
        owner=data["owner"],
        version=data.get("version"),
        lease_until=data["lease_until"],
    )


def _moved(job: Job, target: JobStatus, report_version: int | None = None) -> Job | None:
    """The job moved forward to target (and to report_version), or None when that writes nothing: the status is
    reached or passed already, or the job is terminal (a FAILED job stays FAILED; the caller is told by the job)."""
    if job.status in (JobStatus.DONE, JobStatus.FAILED) or not can_transition(job.status, target):
        return None
    if job.status == target and report_version in (None, job.report_version):
        return None
    moved = job.advanced(target, utcnow())
    return moved.model_copy(update={"report_version": report_version}) if report_version is not None else moved


class Lease:
    """An owner's hold on a step's claim: renewed by lease_kept's thread, and checked between chunks of work."""

    def __init__(self, store: JobStore, job_id: str, step: str, owner: str, *, renewed_at: float) -> None:
        self._store = store
        self.job_id, self.step, self.owner = job_id, step, owner
        self.renewed_at = renewed_at
        self.lost = False

    def renew(self) -> bool:
        """One renewal now; False (and lost from then on) when the claim is no longer this owner's."""
        if self.lost:
            return False
        if self._store.renew_lease(self.job_id, self.step, self.owner) is None:
            self.lost = True
            return False
        self.renewed_at = self._store.clock()
        return True

    def check(self) -> None:
        """At a chunk boundary or before storing anything: renew when a renewal is due (the thread may have been
        starved), and raise ClaimLost when the claim was taken over, so this owner gives its work up."""
        due = self._store.clock() - self.renewed_at >= self._store.lease_s / 3
        if self.lost or (due and not self.renew()):
            logger.warning(
                "step %s: the claim was taken over; giving the work up",
                self.step,
                extra={"event": "claim_lost", "step": self.step},
            )
            raise ClaimLost(
                f"step {self.step} of job {self.job_id} was taken over after its lease lapsed; this delivery gives its "
                "work up (retry later)"
            )


class JobStore:
    """The only code that reads or writes job state; `client` is a google.cloud.firestore.Client."""

    def __init__(self, client: Any, *, lease_s: float, clock: Callable[[], float] = time.time) -> None:
        self._db = client
        self._lease_s = lease_s
        self._clock = clock

    @property
    def lease_s(self) -> float:
        return self._lease_s

    def clock(self) -> float:
        return self._clock()

    # -- references ---------------------------------------------------------------------------------

    def _job_ref(self, job_id: str) -> Any:
        return self._db.collection(JOBS).document(job_id)

    def job_ref(self, job_id: str) -> Any:
        """The job's document, for a caller that reads it with others in one get_all."""
        return self._job_ref(job_id)

    def _step_ref(self, job_id: str, step: str) -> Any:
        return self._job_ref(job_id).collection(STEPS).document(step)

    def _group_ref(self, job_id: str, group: str) -> Any:
        return self._job_ref(job_id).collection(GROUPS_COLLECTION).document(group)

    # -- transactions -------------------------------------------------------------------------------

    def _transact(self, what: str, job_id: str, body: Callable[[Any], T]) -> T:
        """Run body(transaction) with the client's retry on contention; exhausted retries are transient."""
        from google.cloud import firestore

        attempts = 0

        def counted(transaction: Any) -> T:
            nonlocal attempts
            attempts += 1
            return body(transaction)

        try:
            result: T = firestore.transactional(counted)(self._db.transaction(max_attempts=TRANSACTION_ATTEMPTS))
        except ValueError as exc:
            if type(exc.__cause__).__name__ != "Aborted":
                raise
            logger.warning(
                "transaction %s failed after %d attempts",
                what,
                attempts,
                extra={"event": "transaction_failed", "transaction": what, "attempts": attempts},
            )
            raise TransientError(f"Firestore contention on {what} of job {job_id}; retry later") from exc
        if attempts > 1:
            logger.info(
                "transaction %s committed after %d attempts",
                what,
                attempts,
                extra={"event": "transaction_retried", "transaction": what, "attempts": attempts},
            )
        return result

    # -- jobs ---------------------------------------------------------------------------------------

    def get_job(self, job_id: str) -> Job | None:
        return job_of(self._job_ref(job_id).get())

    def require_job(self, job_id: str) -> Job:
        job = self.get_job(job_id)
        if job is None:
            raise NotFoundError(f"job {job_id} is unknown: its manifest was never extracted", code="unknown_job")
        if job.status == JobStatus.FAILED:
            raise JobAlreadyFailed(f"job {job_id} has already failed: {job.error}")
        return job

    def ensure_job(self, manifest: JobManifest, inputs_digest: str | None = None) -> Job:
        """Create the job as QUEUED from its manifest, or return it as it stands (a create is atomic).

        Job ids are create-once: an existing job whose inputs differ from these (another label under a reused id)
        is refused with JobConflict, naming the existing job, and left untouched; the same inputs find it.
        """
        return self.ensure_job_seen(manifest, inputs_digest).job

    def ensure_job_seen(self, manifest: JobManifest, inputs_digest: str | None = None) -> SeenJob:
        """ensure_job, with the document's update time (from the create's answer, or from the read of the job that
        was there): extract's claim then moves the job on with a compare-and-set and no read of its own."""
        from google.api_core.exceptions import AlreadyExists

        job = _new_job(manifest, inputs_digest, utcnow())
        try:
            written = self._job_ref(manifest.job_id).create(_job_data(job))
        except AlreadyExists:
            snapshot = self._job_ref(manifest.job_id).get()
            if not snapshot.exists:  # deleted between the two calls: only a reset does that
                raise TransientError(f"job {manifest.job_id} vanished while being created") from None
            existing = _job_from(snapshot)
            if inputs_digest and existing.inputs_digest and existing.inputs_digest != inputs_digest:
                raise JobConflict(
                    f"job {existing.job_id} already exists (created {existing.created_at:%Y-%m-%d %H:%M:%S} UTC, "
                    f"status {existing.status.value}, panels {', '.join(existing.panels)}) with other panels or "
                    "context; job ids are used once: upload the new label under a new job id"
                ) from None
            return SeenJob(existing, snapshot.update_time)
        return SeenJob(job, written.update_time)

    def create_job_claimed(
        self, manifest: JobManifest, inputs_digest: str | None, step: str, owner: str, *, status: JobStatus
    ) -> StepStart | None:
        """The first delivery of a job: create the job, already moved on to `status`, and the step's claim for
        `owner`, in one commit (create-only, both), instead of the job's create and then the claim's.

        None when the job or the claim exists already (a repeated delivery, a retried call, a reused id): the batch
        is all or nothing, so nothing is written, and the caller takes the usual way (ensure_job_seen, which refuses
        a reused id with other inputs, then begin_step), which reads what is there. The job is stored as the
        create and the move would leave it, so nothing but the two documents' update times tells the ways apart.
        """
        from google.api_core.exceptions import AlreadyExists

        now = utcnow()
        job = _new_job(manifest, inputs_digest, now).advanced(status, now)
        lease_until = self._clock() + self._lease_s
        batch = self._db.batch()
        batch.create(self._job_ref(manifest.job_id), _job_data(job))
        batch.create(self._step_ref(manifest.job_id, step), _claim_data(owner, lease_until, None))
        try:
            written = batch.commit()
        except AlreadyExists:
            return None
        claim = Claim(outcome="claimed", step=step, owner=owner, lease_until=lease_until)
        return StepStart(manifest.job_id, claim, SeenJob(job, written[0].update_time), written[1].update_time)

    def advance(self, job_id: str, target: JobStatus, *, report_version: int | None = None) -> Job:
        """Move the job forward to `target`; a status already reached or passed is left as it is.

        A backwards move is refused without a write, so a poller never sees a status flicker; a FAILED job
        stays FAILED and the step asking for progress is told so. The write is a compare-and-set on the
        document's update time, not a lock-taking transaction: the three parallel branches all ask for CHECKING
        at once, and on Firestore's pessimistic transactions that cost them 3-4 s of lock back-off here. A
        precondition write never waits: the loser re-reads, finds CHECKING, and writes nothing. The guarantee
        is the same, since the write applies only to the version that was checked.
        """

        def change(job: Job) -> tuple[Job, dict[str, Any]] | None:
            if not self._needs_write(job, target, report_version):
                return None
            updated = job.advanced(target, utcnow())
            if report_version is not None:
                updated = updated.model_copy(update={"report_version": report_version})
            return updated, _job_data(updated)

        return self._update_job(job_id, f"moving to {target.value}", change)[0]

    def _update_job(
        self, job_id: str, what: str, change: Callable[[Job], tuple[Job, dict[str, Any]] | None]
    ) -> tuple[Job, bool]:
        """Apply `change` to the job as a compare-and-set on the document's update time: read, compute, write only
        if nobody wrote in between, else read again. `change` returns None when nothing needs writing, or the new
        job and the fields to write. Returns the job as it now stands and whether this call wrote it."""
        from google.api_core.exceptions import FailedPrecondition

        ref = self._job_ref(job_id)
        for attempt in range(1, TRANSACTION_ATTEMPTS + 1):
            snapshot = ref.get()
            if not snapshot.exists:
                raise NotFoundError(f"job {job_id} is unknown", code="unknown_job")
            job = _job_from(snapshot)
            planned = change(job)
            if planned is None:
                return job, False
            updated, data = planned
            try:
                ref.update(data, option=self._db.write_option(last_update_time=snapshot.update_time))
            except FailedPrecondition:
                logger.info(
                    "job changed while %s; re-reading", what, extra={"event": "status_write_raced", "attempt": attempt}
                )
                continue
            return updated, True
        logger.warning("job write (%s) kept racing", what, extra={"event": "transaction_failed", "attempts": attempt})
        raise TransientError(f"job {job_id} kept changing while {what}; retry later")

    @staticmethod
    def _needs_write(job: Job, target: JobStatus, report_version: int | None) -> bool:
        if job.status == JobStatus.FAILED and target != JobStatus.FAILED:
            raise JobAlreadyFailed(f"job {job.job_id} has already failed: {job.error}")
        if not can_transition(job.status, target):
            return False  # already past the target: refused, nothing written
        if job.status == target:
            return report_version is not None and job.report_version != report_version
        return True

    def fail(self, job_id: str, reason: str) -> Job:
        """Record the job as FAILED with a reason; the first reason stays, a DONE job stays DONE."""

        def body(transaction: Any) -> Job:
            snapshot = self._job_ref(job_id).get(transaction=transaction)
            now = utcnow()
            if not snapshot.exists:
                # A job that failed before its manifest could be read still gets a status a person can poll.
                job = Job(job_id=job_id, status=JobStatus.FAILED, created_at=now, updated_at=now, error=reason)
                transaction.create(self._job_ref(job_id), _job_data(job))
                return job
            job = _job_from(snapshot)
            if not can_transition(job.status, JobStatus.FAILED) or job.status == JobStatus.FAILED:
                return job
            failed = job.advanced(JobStatus.FAILED, now, error=reason)
            transaction.set(self._job_ref(job_id), _job_data(failed))
            return failed

        job = self._transact("fail", job_id, body)
        if job.status == JobStatus.FAILED:
            logger.warning("job %s is FAILED: %s", job_id, job.error, extra={"event": "job_failed"})
        return job

    def record_group_failures(self, job_id: str, errors: Mapping[str, str]) -> Job:
        """Record each group's final failure on the job (`group_failures`), with when; a group already recorded
        keeps its first reason. The status is not touched (the report still runs on the other groups). A
        compare-and-set on the document's update time, as `advance` is, so no status write is lost."""
        recorded: dict[str, GroupFailure] = {}

        def change(job: Job) -> tuple[Job, dict[str, Any]] | None:
            recorded.clear()
            recorded.update(
                {g: GroupFailure(error=e, at=utcnow()) for g, e in errors.items() if g not in job.group_failures}
            )
            if not recorded:
                return None
            updated = job.model_copy(update={"group_failures": {**job.group_failures, **recorded}})
            return updated, {"group_failures": _job_data(updated)["group_failures"]}

        job, wrote = self._update_job(job_id, "recording its group failures", change)
        for group, failure in recorded.items() if wrote else ():
            logger.error(
                "the %s group failed for good: %s",
                group,
                failure.error,
                extra={"event": "group_failed", "group": group},
            )
        return job

    # -- step claims ----------------------------------------------------------------------------------

    def claim_step(self, job_id: str, step: str, owner: str, *, assign_version: bool = False) -> Claim:
        """Claim a step for `owner`: create-only, or take over a claim whose lease expired (see begin_step)."""
        return self.begin_step(job_id, step, owner, assign_version=assign_version).claim

    def read_step(self, job_id: str, step: str, *, groups: bool = False) -> StepView:
        """The job, the step's claim and, with groups, the stored group results: one round trip (get_all)."""
        job_ref, step_ref = self._job_ref(job_id), self._step_ref(job_id, step)
        refs = [job_ref, step_ref] + ([self._group_ref(job_id, g) for g in GROUPS] if groups else [])
        found = {snapshot.reference.path: snapshot for snapshot in self._db.get_all(refs)}
        job_snapshot, step_snapshot = found[job_ref.path], found[step_ref.path]
        if not job_snapshot.exists:
            raise NotFoundError(f"job {job_id} is unknown: its manifest was never extracted", code="unknown_job")
        stored_groups: dict[str, GroupResult] = {
            group: _group_from(snapshot.to_dict())
            for group in (GROUPS if groups else ())
            if (snapshot := found[self._group_ref(job_id, group).path]).exists
        }
        return StepView(
            job=SeenJob(_job_from(job_snapshot), job_snapshot.update_time),
            step=step_snapshot.to_dict() if step_snapshot.exists else None,
            step_time=step_snapshot.update_time if step_snapshot.exists else None,
            groups=stored_groups,
        )

    def begin_step(
        self,
        job_id: str,
        step: str,
        owner: str,
        *,
        advance_to: JobStatus | None = None,
        assign_version: bool = False,
        view: StepView | None = None,
    ) -> StepStart:
        """Claim a step for `owner` and, in the same atomic commit, move the job forward to `advance_to`.

        No lock-taking transaction: the claim is a create (exactly one of any number of simultaneous callers
        succeeds, the others get AlreadyExists) and a takeover is a compare-and-set on the claim's update time;
        the job's move is a compare-and-set on the job's update time, committed with the claim or not at all.
        A caller that loses any of these races re-reads and finds the winner's claim (in progress, or done with
        its result), so a crowded delivery never fails on contention. (On the emulator's pessimistic
        transactions, twenty simultaneous read-then-create transactions on one document deadlocked each other
        into lock timeouts for minutes.) `view` is what the caller has just read or written (read_step, or
        ensure_job_seen with the claim assumed absent): the first attempt starts from it instead of a read.
        A FAILED job is refused with JobAlreadyFailed and nothing is written.

        With assign_version the claim also fixes the report version this step writes (the job's current version
        + 1). Only the completion of a claimed assemble step moves the job's version, and that step's claim is
        created once, so the job read with the claim picks the version every delivery will use.
        """
        from google.api_core.exceptions import AlreadyExists, FailedPrecondition

        step_ref = self._step_ref(job_id, step)
        for _ in range(TRANSACTION_ATTEMPTS):
            seen = view if view is not None else self.read_step(job_id, step)
            view = None
            job = seen.job.job
            if job.status == JobStatus.FAILED:
                raise JobAlreadyFailed(f"job {job_id} has already failed: {job.error}")
            data = seen.step
            held = data is not None and data["state"] != "done" and data["lease_until"] > self._clock()
            if data is not None and (data["state"] == "done" or (held and data["owner"] != owner)):
                return StepStart(job_id, _claim_of(step, data, self._clock()), seen.job, seen.step_time, seen.groups)
            lease_until = self._clock() + self._lease_s
            batch = self._db.batch()
            if data is None:
                version = (job.report_version or 0) + 1 if assign_version else None
                batch.create(step_ref, _claim_data(owner, lease_until, version))
                claim = Claim(outcome="claimed", step=step, owner=owner, version=version, lease_until=lease_until)
            else:
                batch.update(
                    step_ref,
                    {
                        "owner": owner,
                        "lease_until": lease_until,
                        "attempts": data.get("attempts", 1) + 1,
                        "taken_over_from": data["owner"],
                        "updated_at": utcnow(),
                    },
                    option=self._db.write_option(last_update_time=seen.step_time),
                )
                claim = Claim(
                    outcome="taken_over", step=step, owner=owner, version=data.get("version"), lease_until=lease_until
                )
            moved = _moved(job, advance_to) if advance_to is not None else None
            if moved is not None:
                batch.update(
                    self._job_ref(job_id),
                    _job_data(moved),
                    option=self._db.write_option(last_update_time=seen.job.update_time),
                )
            try:
                written = batch.commit()
            except (AlreadyExists, FailedPrecondition) as exc:
                logger.info(
                    "claim %s lost a race (%s); following the winner",
                    step,
                    type(exc).__name__,
                    extra={"event": "claim_raced"},
                )
                continue
            if claim.outcome == "taken_over":
                logger.warning(
                    "step %s: expired claim taken over", step, extra={"event": "claim_taken_over", "step": step}
                )
            job_seen = SeenJob(moved, written[1].update_time) if moved is not None else seen.job
            return StepStart(job_id, claim, job_seen, written[0].update_time, seen.groups)
        # Every lost race means another caller's write went through; this many in a row is a storm: retry later.
        raise TransientError(f"the claim of step {step} of job {job_id} kept changing; retry later")

    def step_state(self, job_id: str, step: str) -> Claim | None:
        """The step's claim as it stands (done with its result, or in progress under its owner); None if unclaimed
        or if its owner's lease has expired (nobody is working on it)."""
        snapshot = self._step_ref(job_id, step).get()
        if not snapshot.exists:
            return None
        data = snapshot.to_dict()
        if data["state"] != "done" and data["lease_until"] <= self._clock():
            return None
        return _claim_of(step, data, self._clock())

    def renew_lease(self, job_id: str, step: str, owner: str) -> float | None:
        """Push the lease of a running claim forward; the new end of the lease, or None when the claim is no longer
        this owner's (taken over, or done). A compare-and-set, like the takeover it must never race."""
        from google.api_core.exceptions import FailedPrecondition

        step_ref = self._step_ref(job_id, step)
        for _ in range(TRANSACTION_ATTEMPTS):
            snapshot = step_ref.get()
            if not snapshot.exists:
                return None
            data = snapshot.to_dict()
            if data["state"] != "running" or data["owner"] != owner:
                return None
            lease_until = self._clock() + self._lease_s
            try:
                step_ref.update(
                    {"lease_until": lease_until, "updated_at": utcnow()},
                    option=self._db.write_option(last_update_time=snapshot.update_time),
                )
            except FailedPrecondition:
                continue  # the other renewer of this owner (thread or checkpoint) wrote first, or a takeover did
            return lease_until
        raise TransientError(f"the lease of step {step} of job {job_id} kept changing; retry later")

    @contextmanager
    def lease_kept(self, job_id: str, step: str, owner: str) -> Iterator[Lease]:
        """Keep the claim's lease while the block runs, and give the work up once it cannot be kept.

        A thread renews it every third of its length. Work that holds the GIL (a long C call) can starve that
        thread, so the block also calls `lease.check()` between bounded chunks of work and before it stores
        anything: that renews inline when a renewal is due, and raises ClaimLost when the claim is no longer
        this owner's (its lease lapsed and a successor took the step over). A starved owner thus never races its
        successor: it stops before writing, and the workflow's retry finds the successor's result.
        """
        lease = Lease(self, job_id, step, owner, renewed_at=self._clock())
        stop = threading.Event()
        context = contextvars.copy_context()  # the renewer's log lines keep the job's ids

        def renew() -> None:
            while not stop.wait(self._lease_s / 3):
                try:
                    if not lease.renew():
                        return
                except Exception:  # a missed renewal risks a takeover, which check() then turns into a give-up
                    logger.warning("could not renew the lease of %s", step, exc_info=True, extra={"event": "lease"})

        renewer = threading.Thread(target=context.run, args=(renew,), name=f"lease-{step}", daemon=True)
        renewer.start()
        try:
            with beating(lease.check):
                yield lease
        finally:
            stop.set()
            renewer.join(timeout=5)

    def stored_result(self, job_id: str, step: str) -> dict[str, Any] | None:
        snapshot = self._step_ref(job_id, step).get()
        if not snapshot.exists:
            return None
        data = snapshot.to_dict()
        return data["result"] if data["state"] == "done" else None

    def wait_for_step(
        self, job_id: str, step: str, timeout_s: float, first_poll_s: float = 0.02, max_poll_s: float = 0.25
    ) -> dict[str, Any] | None:
        """The step's result once its owner finishes, or None after timeout_s (the caller answers 503).

        Polls with a short doubling back-off (20 ms, 40 ms, ... at most 250 ms): a duplicate delivery that arrives
        as the owner finishes answers at once, and a long wait costs few reads."""
        deadline = time.monotonic() + timeout_s
        poll_s = first_poll_s
        while True:
            result = self.stored_result(job_id, step)
            left = deadline - time.monotonic()
            if result is not None or left <= 0:
                return result
            time.sleep(min(poll_s, left))  # a sync function: this blocks one request thread, by design
            poll_s = min(poll_s * 2, max_poll_s)

    def complete_step(
        self,
        job_id: str,
        step: str,
        owner: str,
        result: dict[str, Any],
        *,
        advance_to: JobStatus | None = None,
        report_version: int | None = None,
    ) -> tuple[dict[str, Any], Job | None]:
        """Mark the step done with its result and, in the same commit, move the job forward (see finish_step),
        starting from a fresh read of the claim and the job."""
        view = self.read_step(job_id, step)
        claim = Claim(outcome="claimed", step=step, owner=owner)
        start = StepStart(job_id, claim, view.job, view.step_time)
        if view.step is not None and view.step["state"] == "done":
            return view.step["result"], view.job.job if advance_to is not None else None
        if view.step is None or view.step["owner"] != owner:
            raise ClaimLost(f"step {step} of job {job_id} was taken over by another delivery; retry later")
        finished = self.finish_step(start, result, advance_to=advance_to, report_version=report_version)
        return finished.result, finished.job if advance_to is not None else None

    def finish_step(
        self,
        start: StepStart,
        result: dict[str, Any],
        *,
        advance_to: JobStatus | None = None,
        report_version: int | None = None,
        group: GroupResult | None = None,
    ) -> Finished:
        """Mark the claimed step done with its result, move the job forward and create the group's result
        document, all in one atomic commit; the first finisher wins.

        The claim is written only if it is still the version this owner wrote (compare-and-set on its update
        time) and the job only if it is still the version this owner saw: no read before the write in the usual
        case. When either changed (a lease renewal, another step moving the job, a successor taking the step
        over) both are read again: a claim that is done already keeps its result, which is returned (both owners
        wrote the same create-only objects, so nothing differs but the claim's owner); a claim taken over by
        another owner raises ClaimLost (the workflow retries and finds the successor's result); otherwise the
        commit is tried again from what was read. A group result that is stored already is kept, not replaced.
        """
        from google.api_core.exceptions import AlreadyExists, FailedPrecondition

        job_id, step, owner = start.job_id, start.claim.step, start.claim.owner
        step_ref, job_ref = self._step_ref(job_id, step), self._job_ref(job_id)
        seen_job, step_time = start.job, start.step_time
        stored_group: GroupResult | None = None
        for _ in range(TRANSACTION_ATTEMPTS):
            batch = self._db.batch()
            now = utcnow()
            batch.update(
                step_ref,
                {"state": "done", "owner": owner, "result": result, "completed_at": now, "updated_at": now},
                option=self._db.write_option(last_update_time=step_time),
            )
            moved = _moved(seen_job.job, advance_to, report_version) if advance_to is not None else None
            if moved is not None:
                batch.update(
                    job_ref, _job_data(moved), option=self._db.write_option(last_update_time=seen_job.update_time)
                )
            if group is not None:
                batch.create(self._group_ref(job_id, group.group), _group_data(group))
            try:
                batch.commit()
            except AlreadyExists:  # the group's result: another owner of this step stored it first; it stays
                stored_group = self._stored_group(job_id, group.group) if group is not None else None
                logger.info("group result already stored; keeping it", extra={"event": "group_exists"})
                group = None
                continue
            except FailedPrecondition:
                view = self.read_step(job_id, step)
                if view.step is not None and view.step["state"] == "done":
                    return Finished(view.step["result"], view.job.job, stored_group)
                if view.step is None or view.step["owner"] != owner:
                    # Our lease lapsed and a successor took the step over: give the step up rather than race it.
                    raise ClaimLost(
                        f"step {step} of job {job_id} was taken over by another delivery; retry later"
                    ) from None
                seen_job, step_time = view.job, view.step_time
                continue
            return Finished(result, moved or seen_job.job, group or stored_group)
        raise TransientError(f"the completion of step {step} of job {job_id} kept racing; retry later")

    # -- group results --------------------------------------------------------------------------------

    def write_group(self, result: GroupResult) -> GroupResult:
        """Create the group's document once; a second writer gets the stored one back."""
        from google.api_core.exceptions import AlreadyExists

        ref = self._group_ref(result.job_id, result.group)
        try:
            ref.create(_group_data(result))
        except AlreadyExists:
            stored = ref.get()
            logger.info("group %s already stored; keeping it", result.group, extra={"event": "group_exists"})
            return _group_from(stored.to_dict())
        return result

    def _stored_group(self, job_id: str, group: str) -> GroupResult | None:
        snapshot = self._group_ref(job_id, group).get()
        return _group_from(snapshot.to_dict()) if snapshot.exists else None

    def read_groups(self, job_id: str) -> dict[str, GroupResult]:
        """The stored results of the job's groups, read in one round trip."""
        refs = [self._group_ref(job_id, group) for group in GROUPS]
        found = {snapshot.id: snapshot for snapshot in self._db.get_all(refs) if snapshot.exists}
        return {group: _group_from(found[group].to_dict()) for group in GROUPS if group in found}

    def list_steps(self, job_id: str) -> dict[str, dict[str, Any]]:
        """Every step document of a job (for tests and the stack's summary)."""
        return {doc.id: doc.to_dict() for doc in self._job_ref(job_id).collection(STEPS).stream()}


# A group's result is kept as one JSON string, not as nested Firestore maps: encoding and decoding a few hundred
# findings as protobuf values took most of a group step's time on the emulator (about 0.3 s a write, 0.5 s a read).
_RESULT_JSON = "result_json"


def _group_data(result: GroupResult) -> dict[str, Any]:
    return {"job_id": result.job_id, "group": result.group, _RESULT_JSON: result.model_dump_json()}


def _group_from(data: dict[str, Any]) -> GroupResult:
    """A stored group result; documents written before results were kept as JSON are read as maps."""
    if _RESULT_JSON in data:
        return GroupResult.model_validate_json(data[_RESULT_JSON])
    return GroupResult.model_validate(data)


class FirestoreLlmCache:
    """LLM answers keyed by the caller's cache key (a hash of model, prompt and schema), so a retry spends nothing.

    Implements the `get(key) -> str | None; put(key, value) -> None` cache protocol of labeliq.llm.
    """

    def __init__(self, client: Any, collection: str = "llm_cache") -> None:
        self._db = client
        self._collection = collection

    def _ref(self, key: str) -> Any:
        # Keys may hold characters a document id cannot ('/'); a digest is always a valid id.
        return self._db.collection(self._collection).document(hashlib.sha256(key.encode()).hexdigest())

    def get(self, key: str) -> str | None:
        snapshot = self._ref(key).get()
        if not snapshot.exists:
            return None
        value = snapshot.to_dict().get("value")
        return value if isinstance(value, str) else None

    def put(self, key: str, value: str) -> None:
        if len(value.encode()) > MAX_CACHED_VALUE_BYTES:
            logger.info("LLM answer of %d characters not cached: too large for one document", len(value))
            return
        self._ref(key).set({"value": value, "created_at": utcnow()})
