"""The real upload trigger, locally: fake-gcs-server notifications -> the Pub/Sub emulator -> a push to this adapter
-> the CloudEvent Eventarc sends -> the workflow on the local runner.

fake-gcs-server publishes an OBJECT_FINALIZE message for every object written to the IN bucket (flags -event.*,
with PUBSUB_EMULATOR_HOST); the emulator's push subscription posts it here; the adapter answers 204 at once (as
Eventarc acknowledges once it has started an execution) and runs the workflow in a thread. Every upload fires,
panels included (the workflow's route step ignores them), delivery order is not guaranteed and a message may come
twice, as in the cloud: the functions' claims make that harmless.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from devstack.http_handler import PromptHandler
from devstack.processes import ManagedProcess, free_port, http_ready, wait_until

if TYPE_CHECKING:
    from devstack.stack_client import StackClient

logger = logging.getLogger(__name__)

TOPIC = "labeliq-uploads"
SUBSCRIPTION = "labeliq-uploads-to-workflow"
PUBSUB_START_TIMEOUT_S = 60.0


class PubSubEmulator:
    def __init__(self, log_dir: Path, project: str) -> None:
        self.project = project
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        self.process = ManagedProcess(
            name="pubsub-emulator",
            argv=["gcloud", "beta", "emulators", "pubsub", "start", f"--host-port={self.host}",
                  f"--project={project}", "--quiet"],
            log_path=log_dir / "pubsub-emulator.log",
            env=dict(os.environ),
        )  # fmt: skip

    def start_wait(self) -> None:
        wait_until(lambda: http_ready(f"http://{self.host}/", lambda s: s == 200), self.process, PUBSUB_START_TIMEOUT_S)

    def _put(self, path: str, body: dict[str, Any]) -> None:
        request = urllib.request.Request(
            f"http://{self.host}/v1/projects/{self.project}/{path}",
            data=json.dumps(body).encode(),
            method="PUT",
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            if exc.code != 409:
                raise

    def create_push_subscription(self, push_url: str) -> None:
        self._put(f"topics/{TOPIC}", {})
        self._put(
            f"subscriptions/{SUBSCRIPTION}",
            {
                "topic": f"projects/{self.project}/topics/{TOPIC}",
                "pushConfig": {"pushEndpoint": push_url},
                "ackDeadlineSeconds": 30,
            },
        )


def storage_event_args(project: str, bucket: str) -> list[str]:
    """fake-gcs-server's flags to publish finalize notifications of one bucket to the topic."""
    return [
        "-event.pubsub-project-id", project, "-event.pubsub-topic", TOPIC,
        "-event.bucket", bucket, "-event.list", "finalize",
    ]  # fmt: skip


def cloud_event(message: dict[str, Any]) -> dict[str, Any] | None:
    """The CloudEvent Eventarc builds from a storage notification (None when it is not an object finalize)."""
    from devstack.stack_client import finalized_event

    attributes = message.get("attributes") or {}
    if attributes.get("eventType") != "OBJECT_FINALIZE":
        return None
    data = json.loads(base64.b64decode(message.get("data") or b"e30=")) if message.get("data") else {}
    bucket = data.get("bucket") or attributes.get("bucketId")
    name = data.get("name") or attributes.get("objectId")
    if not bucket or not name:
        return None
    event = finalized_event(
        bucket, name, int(data.get("generation") or 0), int(data.get("size") or 0), data.get("contentType") or ""
    )
    event["id"] = str(message.get("messageId") or event["id"])
    return event


class PushAdapter:
    """Receives the push subscription's POSTs and starts one workflow run per finalized object."""

    def __init__(self, client: StackClient | None, host: str = "127.0.0.1") -> None:
        self.client = client
        self.runs: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer((host, 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://{host}:{self._server.server_address[1]}/push"

    def _run(self, event: dict[str, Any]) -> None:
        from devstack.workflow_runner import WorkflowError

        if self.client is None:
            logger.warning("upload event before the stack was ready: %s", event["subject"], extra={"event": "early"})
            return
        try:
            result = self.client.run_workflow(event)
        except WorkflowError as exc:  # the job is FAILED with its reason; the stack carries on
            logger.warning("workflow for %s ended in error: %s", event["subject"], exc, extra={"event": "wf_error"})
            return
        logger.info("workflow for %s: %s", event["subject"], result, extra={"event": "wf_done"})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        adapter = self

        class Handler(PromptHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    envelope = json.loads(self.rfile.read(length) or b"{}")
                    event = cloud_event(envelope.get("message") or {})
                except (json.JSONDecodeError, ValueError, AttributeError) as exc:
                    logger.warning("bad push message: %s", exc, extra={"event": "bad_push"})
                    event = None
                if event is not None:
                    thread = threading.Thread(target=adapter._run, args=(event,), name="workflow", daemon=True)
                    with adapter._lock:
                        adapter.runs.append(thread)
                    thread.start()
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler

    def start(self) -> PushAdapter:
        threading.Thread(target=self._server.serve_forever, name="push-adapter", daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
