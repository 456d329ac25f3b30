"""Cloud Storage I/O of a job: uploads read from IN, results written once to OUT.

  IN   incoming/{job_id}/job.json          the manifest (written last by the uploader: it is the trigger)
  IN   incoming/{job_id}/{panel}           the panels it names
  OUT  facts/{job_id}.json                 extracted LabelFacts
  OUT  reports/{job_id}/v{n}.json|.docx    each report version, never overwritten

Every OUT write is create-only (if_generation_match=0): a second writer's 412 means the object is already there,
so the stored bytes are read back and returned as if just written. A report is never silently replaced.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from labeliq.cloud.errors import NotFoundError, PermanentError
from labeliq.cloud.parallel import in_parallel
from labeliq.intake import MANIFEST_NAME, IntakeError, check_panel_name, load_json_object
from labeliq.models import JobManifest

logger = logging.getLogger(__name__)

MAX_MANIFEST_BYTES = 64_000
# More objects than a job's folder holds (at most 200 panels and the manifest): a fuller folder is not listed, its
# objects are read one by one as before (JobObjects).
JOB_LISTING_CAP = 256


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


def object_digest(blob: Any) -> str:
    """An object's size and MD5 from its metadata (nothing is downloaded), or "missing"."""
    return "missing" if blob is None else f"{blob.size}:{blob.md5_hash or blob.crc32c}"


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

    @property
    def client_made(self) -> bool:
        """False while the client is made on first use and no one used it yet (clients.OnFirstUse): a cold
        process. A step then reads its input after its claim instead of early, so a replayed step, answered from
        its claim, never imports Storage's library (about 0.1 s of a cold start)."""
        return bool(getattr(self._client, "made", True))

    def _blob(self, bucket: str, name: str) -> Any:
        return self._client.bucket(bucket).blob(name)

    def _download(self, bucket: str, name: str, what: str) -> bytes:
        from google.api_core.exceptions import NotFound

        try:
            data: bytes = self._blob(bucket, name).download_as_bytes()
        except NotFound:
            raise NotFoundError(f"{what} {gs_uri(bucket, name)} does not exist") from None
        return data

    def _download_capped(self, bucket: str, name: str, what: str, limit: int, blob: Any = None) -> bytes:
        """The object's bytes, its size read from its metadata first and the read capped at `limit`.

        A 2 GB upload is refused from its metadata, never downloaded; the read asks for at most limit+1 bytes of
        the generation just measured, so an object replaced in between cannot slip past the limit either. `blob`
        is the object's metadata when the caller has read it already (panel_objects), else it is read here.
        """
        from google.api_core.exceptions import NotFound

        uri = gs_uri(bucket, name)
        if blob is None:
            blob = self._client.bucket(bucket).get_blob(name)
        if blob is None:
            raise NotFoundError(f"{what} {uri} does not exist")
        size = int(blob.size or 0)
        if size > limit:
            raise IntakeError(f"{what} {uri} is {size:,} bytes; the limit is {limit:,} bytes")
        if size == 0:
            return b""
        try:
            data: bytes = blob.download_as_bytes(start=0, end=limit, if_generation_match=blob.generation)
        except NotFound:
            raise NotFoundError(f"{what} {uri} does not exist") from None
        if len(data) > limit:
            raise IntakeError(f"{what} {uri} is larger than the limit of {limit:,} bytes")
        return data

    # -- IN ----------------------------------------------------------------------------------------------

    def job_objects(self, job_id: str) -> Mapping[str, Any] | None:
        """The metadata of the objects in the job's incoming folder, by their name in it, from one listing.

        extract takes the manifest's and the panels' metadata from it instead of a request for the manifest's and
        then one for each panel's (two round trips in a row fewer); a name missing from it is still asked for on
        its own. None when the folder holds more objects than a job can (JOB_LISTING_CAP)."""
        prefix = incoming_prefix(job_id)
        listed = list(self._client.list_blobs(self.input_bucket, prefix=prefix, max_results=JOB_LISTING_CAP))
        if len(listed) >= JOB_LISTING_CAP:
            return None
        return {blob.name[len(prefix) :]: blob for blob in listed}

    def read_manifest(self, job_id: str, listed: Mapping[str, Any] | None = None) -> JobManifest:
        """The job's manifest, validated; its job_id must be the folder it sits in (`listed`: job_objects)."""
        name = manifest_object(job_id)
        where = gs_uri(self.input_bucket, name)
        blob = (listed or {}).get(MANIFEST_NAME)
        try:
            data = self._download_capped(self.input_bucket, name, "the manifest", MAX_MANIFEST_BYTES, blob)
            raw = load_json_object(data.decode("utf-8"), f"the manifest {where}", "manifest", code="invalid_manifest")
        except UnicodeDecodeError as exc:
            raise PermanentError(f"the manifest {where} is not valid JSON: {exc}", code="invalid_manifest") from None
        except IntakeError as exc:
            raise PermanentError(str(exc), code="invalid_manifest") from None
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

    def panel_objects(
        self, job_id: str, panels: Sequence[str], listed: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Each panel object's metadata (size, MD5, generation; None when it is missing), read once and at once
        for all panels: the job's inputs digest and the capped reads of the panels both use it. A panel in
        `listed` (job_objects) is taken from there; any other is asked for."""
        bucket = self._client.bucket(self.input_bucket)
        names = [check_panel_name(panel) for panel in panels]
        known = listed or {}
        asked = [name for name in names if name not in known]
        answers = in_parallel(bucket.get_blob, [incoming_prefix(job_id) + name for name in asked])
        found = {**dict(zip(asked, answers, strict=True)), **known}
        return {panel: found[name] for panel, name in zip(panels, names, strict=True)}

    def panel_digest(self, job_id: str, panel: str) -> str:
        """The panel object's size and MD5 from its metadata (nothing is downloaded), or "missing"."""
        return object_digest(self.panel_objects(job_id, [panel])[panel])

    def read_panel(self, job_id: str, panel: str, max_bytes: int, blob: Any = None) -> bytes:
        """A panel's bytes, refused from its metadata when it is over `max_bytes` (intake's limit for its kind);
        `blob` is its metadata from panel_objects, when read already."""
        return self._download_capped(
            self.input_bucket, incoming_prefix(job_id) + check_panel_name(panel), "the panel", max_bytes, blob
        )

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
