"""Talking to a running local stack: upload a job, run the workflow on it, download what it produced.

The stack that `make run` or `python -m devstack.stack --serve` starts writes its addresses to
labeliq-out/stack/stack.json; `labeliq submit` reads them back, so a second terminal can send jobs to it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import socket
import threading
import urllib.parse
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from devstack.function_servers import repo_root, url_env_name
from labeliq.cloud.blobs import manifest_object
from labeliq.cloud.parallel import in_parallel

if TYPE_CHECKING:
    from devstack.wf_stdlib import LogSink
    from labeliq.cloud.state import JobStore

WORKFLOW = "workflows/label_compliance.yaml"


class StackFileError(ValueError):
    """stack.json is not what a running stack writes (unreadable, not JSON, keys missing)."""


class JobExistsError(ValueError):
    """A create-only upload under a job id whose stored panels, context or manifest differ: job ids are used once."""


DEFAULT_STACK_FILE = Path("labeliq-out/stack/stack.json")


def finalized_event(bucket: str, name: str, generation: int, size: int, content_type: str) -> dict[str, Any]:
    """The CloudEvent Eventarc hands a workflow for an object finalized in a bucket."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return {
        "specversion": "1.0",
        "type": "google.cloud.storage.object.v1.finalized",
        "source": f"//storage.googleapis.com/projects/_/buckets/{bucket}",
        "subject": f"objects/{name}",
        "id": uuid.uuid4().hex,
        "time": now,
        "datacontenttype": "application/json",
        "data": {
            "kind": "storage#object",
            "id": f"{bucket}/{name}/{generation}",
            "bucket": bucket,
            "name": name,
            "generation": str(generation),
            "metageneration": "1",
            "contentType": content_type,
            "size": str(size),
            "storageClass": "STANDARD",
            "timeCreated": now,
            "updated": now,
        },
    }


@dataclass
class StackClient:
    """The addresses of a running stack and what a user does with them."""

    project: str
    input_bucket: str
    output_bucket: str
    firestore_host: str
    storage_url: str
    function_urls: dict[str, str]
    log_dir: Path
    api_url: str | None = None  # the local IAP proxy in front of the API: what users and scripts use
    issuer_url: str | None = None  # the local identity issuer (`labeliq dev-token` asks it for a token)
    _log_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    # -- persistence --------------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        data = {
            "project": self.project,
            "input_bucket": self.input_bucket,
            "output_bucket": self.output_bucket,
            "firestore_host": self.firestore_host,
            "storage_url": self.storage_url,
            "function_urls": self.function_urls,
            "log_dir": str(self.log_dir),
            "api_url": self.api_url,
            "issuer_url": self.issuer_url,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> StackClient:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data["log_dir"] = Path(data["log_dir"])
            return cls(**data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StackFileError(f"not a stack file written by a running stack ({type(exc).__name__}: {exc})") from None

    def unreachable(self, timeout_s: float = 2.0) -> str | None:
        """The first address of the stack nothing listens at (a stack.json left by a stopped stack), else None.

        A connection attempt per address: refused at once when nothing listens, so a left-over file is found in
        milliseconds instead of after a workflow's minute of retries.
        """
        addresses = [self.storage_url, f"http://{self.firestore_host}", *self.function_urls.values()]
        for address in addresses:
            parts = urllib.parse.urlsplit(address)
            try:
                with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=timeout_s):
                    pass
            except OSError:
                return address
        return None

    # -- environment ----------------------------------------------------------------------------------------

    def client_env(self) -> dict[str, str]:
        """What a process needs to reach the emulators with the google-cloud clients and labeliq.cloud."""
        return {
            "FIRESTORE_EMULATOR_HOST": self.firestore_host,
            "STORAGE_EMULATOR_HOST": self.storage_url,
            "GOOGLE_CLOUD_PROJECT": self.project,
            "LABELIQ_PROJECT_ID": self.project,
            "LABELIQ_INPUT_BUCKET": self.input_bucket,
            "LABELIQ_OUTPUT_BUCKET": self.output_bucket,
        }

    def activate(self) -> None:
        """Point this process's google-cloud clients at the emulators (they read these variables)."""
        os.environ.update(self.client_env())

    def workflow_env(self) -> dict[str, str]:
        """What the workflow reads with sys.get_env: one URL per function."""
        env = {url_env_name(name): url for name, url in self.function_urls.items()}
        env["GOOGLE_CLOUD_PROJECT_ID"] = self.project
        return env

    def storage_client(self) -> Any:
        from labeliq.cloud.clients import storage_client

        return storage_client(self.project, local=True)

    def job_store(self, lease_s: float = 600.0) -> JobStore:
        from labeliq.cloud.clients import firestore_client
        from labeliq.cloud.state import JobStore

        return JobStore(firestore_client(self.project, local=True), lease_s=lease_s)

    # -- jobs -----------------------------------------------------------------------------------------------

    def upload_job(
        self,
        job_id: str,
        panels: Mapping[str, bytes],
        context: Mapping[str, Any] | None = None,
        mode: str = "check",
    ) -> dict[str, Any]:
        """Upload the panels, then the manifest (last: it is the trigger); return the finalized event.

        `mode` is the manifest's (`check` or `relabel`), chosen by the caller as the API's user chooses it."""
        bucket = self.storage_client().bucket(self.input_bucket)

        def upload(item: tuple[str, bytes]) -> None:
            bucket.blob(f"incoming/{job_id}/{item[0]}").upload_from_string(item[1])

        in_parallel(upload, list(panels.items()))  # the panels at once; the manifest only once they are all stored
        manifest: dict[str, Any] = {"job_id": job_id, "panels": list(panels), "context": dict(context or {})}
        if mode != "check":
            manifest["mode"] = mode
        return self.upload_manifest(job_id, json.dumps(manifest, ensure_ascii=False).encode())

    def upload_job_once(
        self,
        job_id: str,
        panels: Mapping[str, bytes],
        context: Mapping[str, Any] | None = None,
        mode: str = "check",
        report_language: str = "en",
    ) -> dict[str, Any]:
        """Upload a job create-only (if_generation_match=0), as the API does: nothing stored is ever replaced.

        An id already used for these same panels, context and mode returns the stored manifest's event, so the
        workflow finds the existing result; an id used for anything else is refused with JobExistsError naming the
        job, before any object is written when its manifest is there, and with nothing overwritten in any case.
        `mode` (`check` or `relabel`) and `report_language` (`en` or `fr`) are the manifest's, as the API writes
        them from the user's choices.
        """
        from google.api_core.exceptions import PreconditionFailed

        bucket = self.storage_client().bucket(self.input_bucket)
        fields: dict[str, Any] = {"job_id": job_id, "panels": list(panels), "context": dict(context or {})}
        if mode != "check":  # as upload_job and the API write it: a check job's manifest has no mode key
            fields["mode"] = mode
        if report_language != "en":  # likewise
            fields["report_language"] = report_language
        manifest = json.dumps(fields, ensure_ascii=False).encode()
        stored_manifest = bucket.get_blob(manifest_object(job_id))
        if stored_manifest is not None:
            self._same_job(job_id, bucket, stored_manifest, manifest, panels)
            return self._event(manifest_object(job_id), stored_manifest)
        for name, data in panels.items():
            blob = bucket.blob(f"incoming/{job_id}/{name}")
            try:
                blob.upload_from_string(data, if_generation_match=0)
            except PreconditionFailed:  # left by an earlier, interrupted upload of this id: the same bytes only
                self._same_object(job_id, bucket, name, data)
        blob = bucket.blob(manifest_object(job_id))
        try:
            blob.upload_from_string(manifest, content_type="application/json", if_generation_match=0)
        except PreconditionFailed:  # another upload of this id finished first
            stored_manifest = bucket.get_blob(manifest_object(job_id))
            self._same_job(job_id, bucket, stored_manifest, manifest, panels)
            return self._event(manifest_object(job_id), stored_manifest)
        return self._event(manifest_object(job_id), blob)

    def _same_job(
        self, job_id: str, bucket: Any, stored_manifest: Any, manifest: bytes, panels: Mapping[str, bytes]
    ) -> None:
        stored = json.loads(stored_manifest.download_as_bytes())
        given = json.loads(manifest)
        same_inputs = stored.get("panels") == given["panels"] and (stored.get("context") or {}) == given["context"]
        same_choices = all(
            stored.get(k, d) == given.get(k, d) for k, d in (("mode", "check"), ("report_language", "en"))
        )
        if not same_inputs or not same_choices:
            raise JobExistsError(
                f"job {job_id} already exists (created {stored_manifest.time_created:%Y-%m-%d %H:%M:%S} UTC, panels "
                f"{', '.join(map(str, stored.get('panels') or []))}, mode {stored.get('mode', 'check')}) with other "
                "panels, context or mode; job ids are used once: send this label under a new job id (or leave "
                "--job-id out)"
            )
        for name, data in panels.items():
            self._same_object(job_id, bucket, name, data)

    @staticmethod
    def _same_object(job_id: str, bucket: Any, name: str, data: bytes) -> None:
        stored = bucket.get_blob(f"incoming/{job_id}/{name}")
        digest = base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()
        if stored is None or stored.md5_hash != digest:
            raise JobExistsError(
                f"job {job_id} already exists with another {name}; job ids are used once: send this label under a "
                "new job id (or leave --job-id out)"
            )

    def _event(self, name: str, blob: Any) -> dict[str, Any]:
        return finalized_event(self.input_bucket, name, int(blob.generation), int(blob.size), "application/json")

    def upload_manifest(self, job_id: str, data: bytes, name: str | None = None) -> dict[str, Any]:
        name = name or manifest_object(job_id)
        blob = self.storage_client().bucket(self.input_bucket).blob(name)
        blob.upload_from_string(data, content_type="application/json")
        return finalized_event(self.input_bucket, name, int(blob.generation), len(data), "application/json")

    def run_workflow(
        self, argument: Mapping[str, Any], source: Path | None = None, log_sink: LogSink | None = None
    ) -> Any:
        """Run the workflow YAML on the local runner (devstack.workflow_runner) against the functions.

        Its sys.log lines go to LOG_DIR/workflow.log, one JSON object per line, as Cloud Logging would keep them.
        """
        from devstack.workflow_runner import run_workflow

        text = (source or repo_root() / WORKFLOW).read_text(encoding="utf-8")
        return run_workflow(text, dict(argument), self.workflow_env(), log_sink=log_sink or self._workflow_log)

    def _workflow_log(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        with self._log_lock:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            with (self.log_dir / "workflow.log").open("a", encoding="utf-8") as stream:
                stream.write(line)

    def download(self, uri: str, dest: Path) -> Path:
        bucket, _, name = uri.removeprefix("gs://").partition("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        self.storage_client().bucket(bucket).blob(name).download_to_filename(str(dest))
        return dest

    def download_outputs(self, result: Any, dest_dir: Path) -> list[Path]:
        """The report and the DOCX a finished run names, as DEST/report.json and DEST/report.docx."""
        files: list[Path] = []
        if isinstance(result, dict):
            for key, filename in (("report_uri", "report.json"), ("docx_uri", "report.docx")):
                uri = result.get(key)
                if isinstance(uri, str) and uri.startswith("gs://"):
                    files.append(self.download(uri, dest_dir / filename))
        return files


def new_job_id(prefix: str) -> str:
    """A job id from a readable prefix (letters, digits, '-', '_') and a random suffix."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in prefix)[:40].strip("-_") or "job"
    return f"{safe}-{uuid.uuid4().hex[:8]}"
