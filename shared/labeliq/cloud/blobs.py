"""Cloud Storage I/O of a job: uploads read from IN, results written once to OUT.

  IN   incoming/{job_id}/job.json          the manifest (written last by the uploader: it is the trigger)
  IN   incoming/{job_id}/{panel}           the panels it names
  OUT  facts/{job_id}.json                 extracted LabelFacts
  OUT  reports/{job_id}/v{n}.json|.docx    each report version, never overwritten

Every OUT write is create-only (if_generation_match=0): a second writer's 412 means the object is already there,
so the stored bytes are read back and returned as if just written. A report is never silently replaced.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from labeliq.cloud.errors import NotFoundError, PermanentError
from labeliq.models import JobManifest

logger = logging.getLogger(__name__)

MANIFEST_NAME = "job.json"
MAX_MANIFEST_BYTES = 64_000


def incoming_prefix(job_id: str) -> str:
    return f"incoming/{job_id}/"


def manifest_object(job_id: str) -> str:
    return f"{incoming_prefix(job_id)}{MANIFEST_NAME}"


def facts_object(job_id: str) -> str:
    return f"facts/{job_id}.json"


def report_object(job_id: str, version: int) -> str:
    return f"reports/{job_id}/v{version}.json"


def docx_object(job_id: str, version: int) -> str:
    return f"reports/{job_id}/v{version}.docx"


def gs_uri(bucket: str, name: str) -> str:
    return f"gs://{bucket}/{name}"


def check_panel_name(name: str) -> str:
    """A panel is a plain file name inside the job's folder: no path tricks, not the manifest itself."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise PermanentError(
            f"panel name {name!r} is not a plain file name inside the job's folder", code="invalid_manifest"
        )
    if name == MANIFEST_NAME:
        raise PermanentError("the manifest cannot list itself as a panel", code="invalid_manifest")
    return name


def describe_validation(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "document"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


@dataclass(frozen=True)
class Written:
    """An OUT object after a create-only write: its URI, its bytes, and whether this call created it."""

    uri: str
    data: bytes
    created: bool


class BlobStore:
    """`client` is a google.cloud.storage.Client; the bucket names come from the settings."""

    def __init__(self, client: Any, *, input_bucket: str, output_bucket: str) -> None:
        self._client = client
        self.input_bucket = input_bucket
        self.output_bucket = output_bucket

    def _blob(self, bucket: str, name: str) -> Any:
        return self._client.bucket(bucket).blob(name)

    def _download(self, bucket: str, name: str, what: str) -> bytes:
        from google.api_core.exceptions import NotFound

        try:
            data: bytes = self._blob(bucket, name).download_as_bytes()
        except NotFound:
            raise NotFoundError(f"{what} {gs_uri(bucket, name)} does not exist") from None
        return data

    # -- IN ----------------------------------------------------------------------------------------------

    def read_manifest(self, job_id: str) -> JobManifest:
        """The job's manifest, validated; its job_id must be the folder it sits in."""
        name = manifest_object(job_id)
        where = gs_uri(self.input_bucket, name)
        data = self._read_capped(self.input_bucket, name, "the manifest", MAX_MANIFEST_BYTES, code="invalid_manifest")
        try:
            raw = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PermanentError(f"the manifest {where} is not valid JSON: {exc}", code="invalid_manifest") from None
        try:
            manifest = JobManifest.model_validate(raw)
        except ValidationError as exc:
            raise PermanentError(
                f"the manifest {where} is invalid: {describe_validation(exc)}", code="invalid_manifest"
            ) from None
        if manifest.job_id != job_id:
            raise PermanentError(
                f"the manifest {where} names job {manifest.job_id!r} but sits in the folder of job {job_id!r}",
                code="invalid_manifest",
            )
        for panel in manifest.panels:
            check_panel_name(panel)
        return manifest

    def read_panel(self, job_id: str, panel: str, *, max_bytes: int) -> bytes:
        name = incoming_prefix(job_id) + check_panel_name(panel)
        return self._read_capped(self.input_bucket, name, f"panel {panel}", max_bytes, code="bad_panel")

    def panel_digest(self, job_id: str, panel: str) -> str:
        """The panel object's size and MD5 from its metadata (nothing is downloaded), or "missing"."""
        blob = self._client.bucket(self.input_bucket).get_blob(incoming_prefix(job_id) + check_panel_name(panel))
        return "missing" if blob is None else f"{blob.size}:{blob.md5_hash or blob.crc32c}"

    def _read_capped(self, bucket: str, name: str, what: str, max_bytes: int, *, code: str) -> bytes:
        """The object's bytes, refused from its metadata when over max_bytes, and read with that cap (an object
        replaced by a larger one between the two calls is refused too, never read whole into memory)."""
        from google.api_core.exceptions import NotFound

        where = gs_uri(bucket, name)
        blob = self._client.bucket(bucket).get_blob(name)
        if blob is None:
            raise NotFoundError(f"{what} {where} does not exist")
        if blob.size is not None and blob.size > max_bytes:
            raise PermanentError(f"{what} is {blob.size:,} bytes; the limit is {max_bytes:,}", code=code)
        if blob.size == 0:
            return b""
        try:
            data: bytes = blob.download_as_bytes(start=0, end=max_bytes)  # end is inclusive: max_bytes + 1 at most
        except NotFound:
            raise NotFoundError(f"{what} {where} does not exist") from None
        if len(data) > max_bytes:
            raise PermanentError(f"{what} is over {max_bytes:,} bytes, the limit", code=code)
        return data

    # -- OUT ---------------------------------------------------------------------------------------------

    def write_once(self, name: str, data: bytes, content_type: str) -> Written:
        """Create OUT/name with these bytes, or, if it exists already, return what is stored."""
        from google.api_core.exceptions import PreconditionFailed

        blob = self._blob(self.output_bucket, name)
        uri = gs_uri(self.output_bucket, name)
        try:
            blob.upload_from_string(data, content_type=content_type, if_generation_match=0)
        except PreconditionFailed:
            stored = self._download(self.output_bucket, name, "the stored object")
            logger.info("%s already exists; keeping the stored object", uri, extra={"event": "object_exists"})
            return Written(uri=uri, data=stored, created=False)
        return Written(uri=uri, data=data, created=True)

    def read_output(self, name: str, what: str) -> bytes:
        return self._download(self.output_bucket, name, what)

    def output_uri(self, name: str) -> str:
        return gs_uri(self.output_bucket, name)

    def list_output(self, prefix: str) -> list[str]:
        return [blob.name for blob in self._client.list_blobs(self.output_bucket, prefix=prefix)]
