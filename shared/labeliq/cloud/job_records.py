"""A job's place in the workspace (workspace_jobs/{id}): its project, its uploader, its report versions, sign-off.

The workflow's own state (jobs/{id}, its steps and groups) stays in labeliq.cloud.state; this adds what the API
needs beside it. Version numbers are handed out in a transaction that also checks the reviewer's base version is
still the latest and the job is not signed off, so two reviewers can never both write "the next version".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from labeliq.cloud.transactions import run_transaction
from labeliq.models import FactCorrection, Summary, VersionKind
from labeliq.workspace.errors import ApiError, conflict
from labeliq.workspace.records import JobRecord, SignOff, VersionRecord

WORKSPACE_JOBS = "workspace_jobs"
VERSIONS = "versions"
DEDUP = "upload_dedup"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class JobRecordStore:
    def __init__(self, client: Any) -> None:
        self._db = client

    def _ref(self, job_id: str) -> Any:
        return self._db.collection(WORKSPACE_JOBS).document(job_id)

    def ref(self, job_id: str) -> Any:
        """The record's document, for a caller that reads it with others in one get_all (None for an id that
        cannot name one)."""
        if not job_id or "/" in job_id or len(job_id) > 100:
            return None
        return self._ref(job_id)

    def _version_ref(self, job_id: str, n: int) -> Any:
        return self._ref(job_id).collection(VERSIONS).document(f"v{n:04d}")

    # -- records -------------------------------------------------------------------------------------------

    def create(self, record: JobRecord) -> None:
        self._ref(record.job_id).create(record.model_dump(mode="json"))

    def get(self, job_id: str) -> JobRecord | None:
        ref = self.ref(job_id)
        if ref is None:
            return None
        snapshot = ref.get()
        return JobRecord.model_validate(snapshot.to_dict()) if snapshot.exists else None

    def list_for_project(self, project_id: str) -> list[JobRecord]:
        from google.cloud.firestore_v1.base_query import FieldFilter

        query = self._db.collection(WORKSPACE_JOBS).where(filter=FieldFilter("project_id", "==", project_id))
        return sorted((JobRecord.model_validate(d.to_dict()) for d in query.stream()), key=lambda r: r.created_at)

    def record_upload_error(self, job_id: str, reason: str) -> None:
        self._ref(job_id).update({"upload_error": reason})

    def delete(self, job_id: str) -> None:
        for doc in self._ref(job_id).collection(VERSIONS).stream():
            doc.reference.delete()
        self._ref(job_id).delete()

    # -- dedup ---------------------------------------------------------------------------------------------

    def claim_upload(self, key: str, job_id: str, *, within_s: float, is_failed: Any) -> str | None:
        """Register job_id for this upload key; or the job a same upload started within `within_s` (not failed)."""
        ref = self._db.collection(DEDUP).document(key)

        def body(transaction: Any) -> str | None:
            snapshot = ref.get(transaction=transaction)
            now = utcnow()
            if snapshot.exists:
                data = snapshot.to_dict()
                age = (now - data["created_at"]).total_seconds()
                if age < within_s and not is_failed(data["job_id"]):
                    existing: str = data["job_id"]
                    return existing
            transaction.set(ref, {"job_id": job_id, "created_at": now})
            return None

        return run_transaction(self._db, "an upload", body)

    def forget_upload(self, key: str, job_id: str) -> None:
        ref = self._db.collection(DEDUP).document(key)
        snapshot = ref.get()
        if snapshot.exists and snapshot.to_dict().get("job_id") == job_id:
            ref.delete()

    # -- versions ------------------------------------------------------------------------------------------

    def versions(self, job_id: str) -> list[VersionRecord]:
        docs = self._ref(job_id).collection(VERSIONS).stream()
        return sorted((VersionRecord.model_validate(d.to_dict()) for d in docs), key=lambda v: v.n)

    def ensure_machine_version(self, job_id: str, n: int, summary: Summary, created_at: dt.datetime) -> None:
        """Record the workflow's report version n (create-only: a second reader finds it there)."""
        from google.api_core.exceptions import AlreadyExists

        record = VersionRecord(n=n, kind="machine", created_by="labeliq", created_at=created_at, summary=summary)
        try:
            self._version_ref(job_id, n).create(record.model_dump(mode="json"))
        except AlreadyExists:
            return

    def reserve_version(
        self,
        job_id: str,
        *,
        base_version: int,
        machine_version: int,
        kind: VersionKind,
        by: str,
        recheck_job: Any = None,
        corrections: list[FactCorrection] | None = None,
    ) -> VersionRecord:
        """Hand out the next version number, if base_version is the latest and the job is not signed off."""

        def body(transaction: Any) -> VersionRecord:
            snapshot = self._ref(job_id).get(transaction=transaction)
            record = JobRecord.model_validate(snapshot.to_dict())
            if record.signed_off is not None:
                raise conflict(
                    "signed_off",
                    f"job {job_id} was signed off by {record.signed_off.by} at version {record.signed_off.version}; "
                    "it takes no more changes",
                )
            latest = max(record.latest_version, machine_version)
            if base_version != latest:
                raise conflict(
                    "stale_base_version",
                    f"base_version {base_version} is not the latest version of job {job_id} ({latest}): "
                    "someone else changed it; reload the latest version and decide again",
                )
            if base_version > machine_version:
                base = self._version_ref(job_id, base_version).get(transaction=transaction)
                if base.exists and base.to_dict().get("state") != "ready":
                    raise conflict("version_not_ready", f"version {base_version} of job {job_id} is still running")
            n = max(record.version_count, machine_version) + 1
            version = VersionRecord(
                n=n,
                kind=kind,
                created_by=by,
                created_at=utcnow(),
                base_version=base_version,
                state="running",
                recheck_job=recheck_job(n) if callable(recheck_job) else None,
                corrections=corrections or [],
            )
            transaction.create(self._version_ref(job_id, n), version.model_dump(mode="json"))
            transaction.update(self._ref(job_id), {"version_count": n, "latest_version": n})
            return version

        return run_transaction(self._db, f"the versions of job {job_id}", body)

    def finish_version(self, job_id: str, n: int, summary: Summary) -> VersionRecord:
        ref = self._version_ref(job_id, n)
        ref.update({"state": "ready", "summary": summary.model_dump(mode="json")})
        return VersionRecord.model_validate(ref.get().to_dict())

    def fail_version(self, job_id: str, n: int, reason: str) -> None:
        """Mark version n failed; the latest version falls back to its base, so reviewers can carry on."""

        def body(transaction: Any) -> None:
            job_snapshot = self._ref(job_id).get(transaction=transaction)
            version_snapshot = self._version_ref(job_id, n).get(transaction=transaction)
            if not version_snapshot.exists:
                return
            version = VersionRecord.model_validate(version_snapshot.to_dict())
            if version.state != "running":
                return
            transaction.update(self._version_ref(job_id, n), {"state": "failed", "error": reason})
            record = JobRecord.model_validate(job_snapshot.to_dict())
            if record.latest_version == n:
                transaction.update(self._ref(job_id), {"latest_version": version.base_version or 0})

        run_transaction(self._db, f"the versions of job {job_id}", body)

    # -- sign-off ------------------------------------------------------------------------------------------

    def sign_off(self, job_id: str, *, by: str, machine_version: int) -> SignOff:
        def body(transaction: Any) -> SignOff:
            snapshot = self._ref(job_id).get(transaction=transaction)
            record = JobRecord.model_validate(snapshot.to_dict())
            if record.signed_off is not None:
                raise conflict(
                    "signed_off",
                    f"job {job_id} was already signed off by {record.signed_off.by} "
                    f"at version {record.signed_off.version}",
                )
            latest = max(record.latest_version, machine_version)
            if latest < 1:
                raise conflict("no_report", f"job {job_id} has no report yet to sign off")
            if latest > machine_version:
                version = self._version_ref(job_id, latest).get(transaction=transaction)
                if version.exists and version.to_dict().get("state") != "ready":
                    raise conflict("version_not_ready", f"version {latest} of job {job_id} is still running")
            signed = SignOff(by=by, at=utcnow(), version=latest)
            transaction.update(self._ref(job_id), {"signed_off": signed.model_dump(mode="json")})
            return signed

        return run_transaction(self._db, f"the sign-off of job {job_id}", body)


def require_record(store: JobRecordStore, job_id: str) -> JobRecord:
    record = store.get(job_id)
    if record is None:
        raise ApiError(404, "not_found", f"job {job_id} does not exist or you are not a member of its project")
    return record
