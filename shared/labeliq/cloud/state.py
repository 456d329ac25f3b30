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
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from labeliq.cloud.errors import ClaimLost, JobAlreadyFailed, JobConflict, NotFoundError, TransientError
from labeliq.models import GROUPS, GroupResult, Job, JobManifest, JobStatus, can_transition

logger = logging.getLogger(__name__)

T = TypeVar("T")

JOBS = "jobs"
STEPS = "steps"
GROUPS_COLLECTION = "groups"
TRANSACTION_ATTEMPTS = 8
CLAIM_ROUNDS = 4  # contention rounds of a claim before answering 503
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


def _job_from(snapshot: Any) -> Job:
    return Job.model_validate(snapshot.to_dict())


def _job_data(job: Job) -> dict[str, Any]:
    return job.model_dump(mode="json")


class JobStore:
    """The only code that reads or writes job state; `client` is a google.cloud.firestore.Client."""

    def __init__(self, client: Any, *, lease_s: float, clock: Callable[[], float] = time.time) -> None:
        self._db = client
        self._lease_s = lease_s
        self._clock = clock

    # -- references ---------------------------------------------------------------------------------

    def _job_ref(self, job_id: str) -> Any:
        return self._db.collection(JOBS).document(job_id)

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
        snapshot = self._job_ref(job_id).get()
        return _job_from(snapshot) if snapshot.exists else None

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
        from google.api_core.exceptions import AlreadyExists

        now = utcnow()
        job = Job(
            job_id=manifest.job_id,
            panels=manifest.panels,
            context=manifest.context,
            created_at=now,
            updated_at=now,
            inputs_digest=inputs_digest,
            mode=manifest.mode,
        )
        try:
            self._job_ref(manifest.job_id).create(_job_data(job))
        except AlreadyExists:
            existing = self.get_job(manifest.job_id)
            if existing is None:  # deleted between the two calls: only a reset does that
                raise TransientError(f"job {manifest.job_id} vanished while being created") from None
            if inputs_digest and existing.inputs_digest and existing.inputs_digest != inputs_digest:
                raise JobConflict(
                    f"job {existing.job_id} already exists (created {existing.created_at:%Y-%m-%d %H:%M:%S} UTC, "
                    f"status {existing.status.value}, panels {', '.join(existing.panels)}) with other panels or "
                    "context; job ids are used once: upload the new label under a new job id"
                ) from None
            return existing
        return job

    def advance(self, job_id: str, target: JobStatus, *, report_version: int | None = None) -> Job:
        """Move the job forward to `target`; a status already reached or passed is left as it is.

        A backwards move is refused without a write, so a poller never sees a status flicker; a FAILED job
        stays FAILED and the step asking for progress is told so. The write is a compare-and-set on the
        document's update time, not a lock-taking transaction: the three parallel branches all ask for CHECKING
        at once, and on Firestore's pessimistic transactions that cost them 3-4 s of lock back-off here. A
        precondition write never waits: the loser re-reads, finds CHECKING, and writes nothing. The guarantee
        is the same, since the write applies only to the version that was checked.
        """
        from google.api_core.exceptions import FailedPrecondition

        ref = self._job_ref(job_id)
        for attempt in range(1, TRANSACTION_ATTEMPTS + 1):
            snapshot = ref.get()
            if not snapshot.exists:
                raise NotFoundError(f"job {job_id} is unknown", code="unknown_job")
            job = _job_from(snapshot)
            if not self._needs_write(job, target, report_version):
                return job
            updated = job.advanced(target, utcnow())
            if report_version is not None:
                updated = updated.model_copy(update={"report_version": report_version})
            try:
                ref.update(_job_data(updated), option=self._db.write_option(last_update_time=snapshot.update_time))
            except FailedPrecondition:
                logger.info(
                    "job changed while moving to %s; re-reading",
                    target.value,
                    extra={"event": "status_write_raced", "attempt": attempt},
                )
                continue
            return updated
        logger.warning(
            "status write to %s kept racing", target.value, extra={"event": "transaction_failed", "attempts": attempt}
        )
        raise TransientError(f"job {job_id} kept changing while moving to {target.value}; retry later")

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

    # -- step claims ----------------------------------------------------------------------------------

    def claim_step(self, job_id: str, step: str, owner: str, *, assign_version: bool = False) -> Claim:
        """Claim a step for `owner`: create-only, or take over a claim whose lease expired.

        With assign_version the claim also fixes the report version this step writes (the job's current
        version + 1), inside the same transaction, so two deliveries can never pick two versions.
        """

        def body(transaction: Any) -> Claim:
            step_ref = self._step_ref(job_id, step)
            snapshot = step_ref.get(transaction=transaction)
            now = self._clock()
            lease_until = now + self._lease_s
            if snapshot.exists:
                data = snapshot.to_dict()
                if data["state"] == "done":
                    return Claim(
                        outcome="done",
                        step=step,
                        owner=data["owner"],
                        version=data.get("version"),
                        result=data["result"],
                    )
                if data["lease_until"] > now and data["owner"] != owner:
                    return Claim(
                        outcome="in_progress",
                        step=step,
                        owner=data["owner"],
                        version=data.get("version"),
                        lease_until=data["lease_until"],
                    )
                transaction.update(
                    step_ref,
                    {
                        "owner": owner,
                        "lease_until": lease_until,
                        "attempts": data.get("attempts", 1) + 1,
                        "taken_over_from": data["owner"],
                        "updated_at": utcnow(),
                    },
                )
                return Claim(
                    outcome="taken_over", step=step, owner=owner, version=data.get("version"), lease_until=lease_until
                )
            version: int | None = None
            if assign_version:
                job_snapshot = self._job_ref(job_id).get(transaction=transaction)
                if not job_snapshot.exists:
                    raise NotFoundError(f"job {job_id} is unknown", code="unknown_job")
                version = (_job_from(job_snapshot).report_version or 0) + 1
            transaction.create(
                step_ref,
                {
                    "state": "running",
                    "owner": owner,
                    "lease_until": lease_until,
                    "attempts": 1,
                    "version": version,
                    "result": None,
                    "created_at": utcnow(),
                    "updated_at": utcnow(),
                },
            )
            return Claim(outcome="claimed", step=step, owner=owner, version=version, lease_until=lease_until)

        claim = self._claim_with_backoff(job_id, step, body)
        if claim.outcome == "taken_over":
            logger.warning("step %s: expired claim taken over", step, extra={"event": "claim_taken_over", "step": step})
        return claim

    def _claim_with_backoff(self, job_id: str, step: str, body: Callable[[Any], Claim]) -> Claim:
        """Run the claim transaction; after losing a contention race (many deliveries at once), back off with
        jitter and read the winner's claim, or try again while no one has won, so a crowded delivery waits for
        the winner's result instead of failing."""
        for attempt in range(1, CLAIM_ROUNDS + 1):
            try:
                return self._transact(f"claim {step}", job_id, body)
            except TransientError:
                if attempt == CLAIM_ROUNDS:
                    raise
            time.sleep(random.uniform(0.1, 0.5) * attempt)  # a sync function: this blocks one request thread
            seen = self.step_state(job_id, step)
            if seen is not None:
                logger.info("claim %s lost a race; following the winner", step, extra={"event": "claim_raced"})
                return seen
        raise AssertionError("unreachable")

    def step_state(self, job_id: str, step: str) -> Claim | None:
        """The step's claim as it stands (done with its result, or in progress under its owner); None if unclaimed
        or if its owner's lease has expired (nobody is working on it)."""
        snapshot = self._step_ref(job_id, step).get()
        if not snapshot.exists:
            return None
        data = snapshot.to_dict()
        if data["state"] == "done":
            return Claim(
                outcome="done", step=step, owner=data["owner"], version=data.get("version"), result=data["result"]
            )
        if data["lease_until"] <= self._clock():
            return None
        return Claim(
            outcome="in_progress",
            step=step,
            owner=data["owner"],
            version=data.get("version"),
            lease_until=data["lease_until"],
        )

    def renew_lease(self, job_id: str, step: str, owner: str) -> bool:
        """Push the lease of a running claim forward; False when the claim is no longer this owner's."""

        def body(transaction: Any) -> bool:
            step_ref = self._step_ref(job_id, step)
            snapshot = step_ref.get(transaction=transaction)
            if not snapshot.exists:
                return False
            data = snapshot.to_dict()
            if data["state"] != "running" or data["owner"] != owner:
                return False
            transaction.update(step_ref, {"lease_until": self._clock() + self._lease_s, "updated_at": utcnow()})
            return True

        return self._transact(f"renew {step}", job_id, body)

    @contextmanager
    def lease_kept(self, job_id: str, step: str, owner: str) -> Iterator[None]:
        """Renew the claim's lease every third of its length while the block runs.

        So the lease can be short (a dead owner's step is taken over within the workflow's retries) and still
        never expire under a live owner doing a long step (OCR of many photos).
        """
        stop = threading.Event()
        context = contextvars.copy_context()  # the renewer's log lines keep the job's ids

        def renew() -> None:
            while not stop.wait(self._lease_s / 3):
                try:
                    if not self.renew_lease(job_id, step, owner):
                        return
                except Exception:  # a missed renewal risks a takeover, never a wrong result
                    logger.warning("could not renew the lease of %s", step, exc_info=True, extra={"event": "lease"})

        renewer = threading.Thread(target=context.run, args=(renew,), name=f"lease-{step}", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            stop.set()
            renewer.join(timeout=5)

    def stored_result(self, job_id: str, step: str) -> dict[str, Any] | None:
        snapshot = self._step_ref(job_id, step).get()
        if not snapshot.exists:
            return None
        data = snapshot.to_dict()
        return data["result"] if data["state"] == "done" else None

    def wait_for_step(self, job_id: str, step: str, timeout_s: float, poll_s: float = 0.25) -> dict[str, Any] | None:
        """The step's result once its owner finishes, or None after timeout_s (the caller answers 503)."""
        deadline = time.monotonic() + timeout_s
        while True:
            result = self.stored_result(job_id, step)
            if result is not None or time.monotonic() >= deadline:
                return result
            time.sleep(poll_s)  # a sync function: this blocks one request thread, by design

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
        """Mark the step done with its result and, in the same transaction, move the job forward.

        If another owner finished first its result is kept and returned (first finisher wins; both wrote the
        same create-only objects, so nothing differs but the claim's owner).
        """

        def body(transaction: Any) -> tuple[dict[str, Any], Job | None]:
            step_ref = self._step_ref(job_id, step)
            snapshot = step_ref.get(transaction=transaction)
            job_snapshot = self._job_ref(job_id).get(transaction=transaction) if advance_to is not None else None
            if snapshot.exists and snapshot.to_dict()["state"] == "done":
                stored: dict[str, Any] = snapshot.to_dict()["result"]
                return stored, _job_from(job_snapshot) if job_snapshot is not None and job_snapshot.exists else None
            if snapshot.exists and snapshot.to_dict()["owner"] != owner:
                # Our lease lapsed and a successor took the step over: give the step up rather than race it
                # (the workflow retries and finds the successor's result).
                raise ClaimLost(f"step {step} of job {job_id} was taken over by another delivery; retry later")
            transaction.set(
                step_ref,
                {"state": "done", "owner": owner, "result": result, "completed_at": utcnow(), "updated_at": utcnow()},
                merge=True,
            )
            job: Job | None = None
            if job_snapshot is not None and job_snapshot.exists and advance_to is not None:
                job = _job_from(job_snapshot)
                if can_transition(job.status, advance_to) and job.status != advance_to:
                    job = job.advanced(advance_to, utcnow())
                    if report_version is not None:
                        job = job.model_copy(update={"report_version": report_version})
                    transaction.set(self._job_ref(job_id), _job_data(job))
            return result, job

        return self._transact(f"complete {step}", job_id, body)

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
