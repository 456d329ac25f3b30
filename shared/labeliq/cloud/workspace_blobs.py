"""The API's Storage access: panels and manifests written create-only to IN, versions read from and written to OUT.

  IN   incoming/{job_id}/{panel}, then incoming/{job_id}/job.json last (its upload starts the workflow)
  OUT  reports/{job_id}/v{n}.json|.docx       every version, create-only: a version is never rewritten
Deleting a project deletes these prefixes for each of its jobs (and of their recheck runs).

A report version's JSON is kept in memory after its first read (ImmutableObjects): it is created once and never
rewritten, so a page that polls it reads Storage once per instance. Who may read it is checked on every request
before this is asked, as before.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from labeliq.cloud.blobs import docx_object, facts_object, incoming_prefix, manifest_object, report_object
from labeliq.workspace.errors import ApiError

REPORT_MEMORY_BYTES = 32_000_000


class ImmutableObjects:
    """Bytes of objects that are never rewritten, by name, the least recently used dropped past max_bytes."""

    def __init__(self, max_bytes: int = REPORT_MEMORY_BYTES) -> None:
        self._objects: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._max_bytes = max_bytes
        self._lock = threading.Lock()

    def get(self, name: str) -> bytes | None:
        with self._lock:
            data = self._objects.get(name)
            if data is not None:
                self._objects.move_to_end(name)
            return data

    def keep(self, name: str, data: bytes) -> None:
        if len(data) > self._max_bytes // 4:
            return
        with self._lock:
            if name in self._objects:
                return
            self._objects[name] = data
            self._size += len(data)
            while self._size > self._max_bytes:
                _, dropped = self._objects.popitem(last=False)
                self._size -= len(dropped)

    def forget_prefix(self, prefix: str) -> None:
        with self._lock:
            for name in [n for n in self._objects if n.startswith(prefix)]:
                self._size -= len(self._objects.pop(name))


class WorkspaceBlobs:
    def __init__(self, client: Any, *, input_bucket: str, output_bucket: str) -> None:
        self._client = client
        self.input_bucket = input_bucket
        self.output_bucket = output_bucket
        self._reports = ImmutableObjects()

    def _blob(self, bucket: str, name: str) -> Any:
        return self._client.bucket(bucket).blob(name)

    def put_input_once(self, job_id: str, name: str, data: bytes, content_type: str) -> None:
        from google.api_core.exceptions import PreconditionFailed

        try:
            self._blob(self.input_bucket, incoming_prefix(job_id) + name).upload_from_string(
                data, content_type=content_type, if_generation_match=0
            )
        except PreconditionFailed:
            raise ApiError(409, "already_uploaded", f"job {job_id} already has a file {name}") from None

    def put_manifest_once(self, job_id: str, data: bytes) -> None:
        from google.api_core.exceptions import PreconditionFailed

        try:
            self._blob(self.input_bucket, manifest_object(job_id)).upload_from_string(
                data, content_type="application/json", if_generation_match=0
            )
        except PreconditionFailed:
            raise ApiError(409, "already_uploaded", f"job {job_id} already has its manifest") from None

    def read_input(self, job_id: str, name: str) -> bytes | None:
        return self._read(self.input_bucket, incoming_prefix(job_id) + name)

    def _read(self, bucket: str, name: str) -> bytes | None:
        from google.api_core.exceptions import NotFound

        try:
            data: bytes = self._blob(bucket, name).download_as_bytes()
        except NotFound:
            return None
        return data

    def read_report(self, job_id: str, version: int) -> bytes | None:
        name = report_object(job_id, version)
        data = self._reports.get(name)
        if data is None:
            data = self._read(self.output_bucket, name)
            if data is not None:
                self._reports.keep(name, data)
        return data

    def read_docx(self, job_id: str, version: int) -> bytes | None:
        return self._read(self.output_bucket, docx_object(job_id, version))

    def write_output_once(self, name: str, data: bytes, content_type: str) -> bytes:
        """Create OUT/name; if it exists, the stored bytes (a version is written once, by whoever got there)."""
        from google.api_core.exceptions import PreconditionFailed

        try:
            self._blob(self.output_bucket, name).upload_from_string(
                data, content_type=content_type, if_generation_match=0
            )
        except PreconditionFailed:
            stored = self._read(self.output_bucket, name)
            if stored is None:
                raise ApiError(503, "storage_race", f"{name} was being written; retry") from None
            return stored
        return data

    def delete_job_objects(self, job_id: str) -> int:
        """Delete every object of a job in both buckets; the count deleted."""
        from google.api_core.exceptions import NotFound

        self._reports.forget_prefix(f"reports/{job_id}/")
        count = 0
        targets = [(self.input_bucket, incoming_prefix(job_id)), (self.output_bucket, f"reports/{job_id}/")]
        for bucket, prefix in targets:
            for blob in self._client.list_blobs(bucket, prefix=prefix):
                try:
                    blob.delete()
                    count += 1
                except NotFound:
                    continue
        from labeliq.cloud.relabel_step import proposal_object

        for name in (facts_object(job_id), proposal_object(job_id)):
            try:
                self._blob(self.output_bucket, name).delete()
                count += 1
            except NotFound:
                continue
        return count
