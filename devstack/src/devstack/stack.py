"""`make run`: the serverless suite on this machine, end to end, then everything it started stopped.

Starts the Firestore emulator, the Storage emulator (fake-gcs-server) and the four functions under
functions-framework; uploads each sample as a job (panels first, the manifest last, as the uploader does);
runs workflows/label_compliance.yaml on the local runner with the CloudEvent Eventarc would send; downloads each
report and DOCX to labeliq-out/stack/<sample>/. Every child runs in its own process group and is stopped by
that group's id, in a finally block that also runs on Ctrl-C and SIGTERM. With --serve it stays up (and writes
its addresses to stack.json) so `labeliq submit` can send jobs from another terminal.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

from devstack.emulators import FirestoreEmulator, StorageEmulator
from devstack.function_servers import FUNCTION_NAMES, FunctionServer
from devstack.processes import StackError
from devstack.stack_client import StackClient, new_job_id
from devstack.workspace_stack import WorkspaceParts
from labeliq.intake import IMAGE_SUFFIXES, TEXT_SUFFIXES

PANEL_SUFFIXES = TEXT_SUFFIXES + IMAGE_SUFFIXES

logger = logging.getLogger(__name__)


class _Stoppable(Protocol):
    name: str

    def stop(self, timeout_s: float = ..., sig: int = ...) -> None: ...


@dataclass(frozen=True)
class StackConfig:
    project: str = "labeliq-local"
    input_bucket: str = "labeliq-in"
    output_bucket: str = "labeliq-out"
    log_dir: Path = Path("labeliq-out/stack/logs")
    # Short leases locally so a killed function's claim is taken over within a workflow's retries.
    step_lease_s: float = 20.0
    claim_wait_s: float = 5.0
    extra_function_env: Mapping[str, str] = field(default_factory=dict)
    function_sources: Mapping[str, Path] = field(default_factory=dict)
    # The jobs API behind the local IAP proxy and issuer (devstack.workspace_stack), and the real upload
    # trigger (fake-gcs-server notifications -> Pub/Sub emulator -> push -> workflow).
    api: bool = False
    upload_trigger: bool = False
    api_env: Mapping[str, str] = field(default_factory=dict)


class LocalStack:
    """The emulators and the four function servers; a context manager that always stops what it started."""

    def __init__(self, config: StackConfig | None = None) -> None:
        self.config = config or StackConfig()
        self.firestore = FirestoreEmulator(self.config.log_dir)
        self.workspace = WorkspaceParts(
            self.config.project,
            self.config.input_bucket,
            self.config.log_dir,
            api=self.config.api,
            upload_trigger=self.config.upload_trigger,
        )
        self.storage = StorageEmulator(self.config.log_dir, **self.workspace.storage_options())
        self.functions: dict[str, FunctionServer] = {}
        self._started: list[_Stoppable] = []
        self._client: StackClient | None = None

    @property
    def client(self) -> StackClient:
        if self._client is None:
            raise StackError("the stack is not started")
        return self._client

    def function_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "FIRESTORE_EMULATOR_HOST": self.firestore.host,
                "STORAGE_EMULATOR_HOST": self.storage.url,
                "LABELIQ_LOCAL_EMULATORS": "true",  # the functions may use the emulators above (cloud.clients)
                "GOOGLE_CLOUD_PROJECT": self.config.project,
                "LABELIQ_PROJECT_ID": self.config.project,
                "LABELIQ_INPUT_BUCKET": self.config.input_bucket,
                "LABELIQ_OUTPUT_BUCKET": self.config.output_bucket,
                "LABELIQ_STEP_LEASE_S": str(self.config.step_lease_s),
                "LABELIQ_CLAIM_WAIT_S": str(self.config.claim_wait_s),
                "PYTHONUNBUFFERED": "1",
                "THREADS": "8",  # gunicorn threads per function: parallel branches and duplicate deliveries
            }
        )
        env.update(self.config.extra_function_env)
        return env

    def start(self) -> LocalStack:
        self.firestore.check_prerequisites()  # before anything starts: one clear line, not a traceback
        try:
            # Both emulators boot at once; the Firestore one (Java) is the slow one.
            self._started.append(self.firestore.process.start())
            self._started.extend(self.workspace.start_before_storage())
            self._started.append(self.storage.process.start())
            self.firestore.start_wait()
            self.storage.start_wait()
            for bucket in (self.config.input_bucket, self.config.output_bucket):
                self.storage.create_bucket(bucket, self.config.project)
            env = self.function_env()
            for name in FUNCTION_NAMES:
                source = self.config.function_sources.get(name)
                server = FunctionServer(name, self.config.log_dir, env, source=source).start()
                self.functions[name] = server
                self._started.append(server.process)
            self._started.extend(self.workspace.start_api(env, self.config.api_env))
            for server in self.functions.values():
                server.wait_ready()
            self._client = StackClient(
                project=self.config.project,
                input_bucket=self.config.input_bucket,
                output_bucket=self.config.output_bucket,
                firestore_host=self.firestore.host,
                storage_url=self.storage.url,
                function_urls={name: server.url for name, server in self.functions.items()},
                log_dir=self.config.log_dir,
            )
            self._client.activate()  # this process's own clients (upload, download, status)
            self.workspace.finish_start(self._client)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop every process this stack started, newest first; one failure does not stop the others.

        A second Ctrl-C (or SIGTERM) while stopping is held back until the end: interrupting the stop itself
        is what would leave an emulator running.
        """
        errors: list[str] = []
        with signals_deferred():
            while self._started:
                process = self._started.pop()
                try:
                    process.stop()
                except (OSError, RuntimeError) as exc:
                    errors.append(f"{process.name}: {exc}")
        if errors:
            logger.error("could not stop cleanly: %s", "; ".join(errors))

    def __enter__(self) -> LocalStack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def check_alive(self) -> None:
        for process in (self.firestore.process, self.storage.process, *(s.process for s in self.functions.values())):
            process.check_alive()

    def reset(self) -> None:
        """Forget every document (objects stay; tests use a fresh job id each)."""
        self.firestore.reset(self.config.project)


# -- samples ------------------------------------------------------------------------------------------------------


def sample_panel_files(sample_dir: Path) -> list[Path]:
    """A sample folder's panels: its text and image files (a NOTES.md or context.json beside them is not a panel)."""
    return [p for p in sorted(sample_dir.iterdir()) if p.is_file() and p.suffix.lower() in PANEL_SUFFIXES]


def sample_job(sample_dir: Path) -> tuple[dict[str, bytes], dict[str, Any]]:
    """A sample folder's panels and its context, as a job uploads them."""
    context_path = sample_dir / "context.json"
    context = json.loads(context_path.read_text(encoding="utf-8")) if context_path.exists() else {}
    panels = {p.name: p.read_bytes() for p in sample_panel_files(sample_dir)}
    return panels, context


@dataclass
class JobOutcome:
    name: str
    job_id: str
    result: Any
    seconds: float
    files: list[Path] = field(default_factory=list)

    def line(self) -> str:
        status = self.result.get("status") if isinstance(self.result, dict) else self.result
        return f"  {self.name}: {status} in {self.seconds:.1f} s (job {self.job_id})"


VERDICT_LEGEND = (
    "verdicts: pass; fail (the label breaks the rule cited); needs_review (a person must look: the text alone\n"
    "cannot settle the rule, or only an LLM could and none is configured; each such finding says why);\n"
    "not_applicable (the rule does not apply to this product)"
)


def finished_lines(out: Path) -> list[str]:
    """What `make run` says once every sample has run: where the reports are and what the verdicts mean."""
    return [f"reports are in {out}/<sample>/ (report.json, report.docx)", VERDICT_LEGEND]


def report_verdict_line(files: list[Path]) -> str:
    """What a user wants first from a finished job: the overall verdict and the rules that fail."""
    report_file = next((path for path in files if path.name == "report.json"), None)
    if report_file is None:
        return ""
    summary = json.loads(report_file.read_text(encoding="utf-8"))["summary"]
    failing = ", ".join(summary["failing_rules"]) or "none"
    return f"verdict: {summary['verdict']}; failing rules: {failing}"


def run_job(
    client: StackClient, name: str, panels: Mapping[str, bytes], context: Mapping[str, Any], out_dir: Path
) -> JobOutcome:
    """Upload one job, run the workflow on its upload event, download the report and the DOCX to out_dir."""
    job_id = new_job_id(name)
    started = time.perf_counter()
    event = client.upload_job(job_id, panels, context)
    result = client.run_workflow(event)
    outcome = JobOutcome(name, job_id, result, time.perf_counter() - started)
    outcome.files = client.download_outputs(result, out_dir)
    return outcome


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP unwind as KeyboardInterrupt, so the finally blocks stop every child process.

    SIGINT is set explicitly too: a shell starts background jobs with SIGINT ignored, and Python keeps that.
    """

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = {sig: signal.signal(sig, interrupt) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold the stop signals while the block runs, then deliver the first one that came (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[signal.Signals] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        pending.append(signal.Signals(signum))

    previous = {sig: signal.signal(sig, remember) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if pending and callable(previous[pending[0]]):
            raise KeyboardInterrupt(f"signal {pending[0]}")


def _run_samples(client: StackClient, samples: list[Path], out: Path) -> int:
    failures = 0
    for sample in samples:
        panels, context = sample_job(sample)
        try:
            outcome = run_job(client, sample.name, panels, context, out / sample.name)
        except StackError:
            raise
        except Exception as exc:  # one sample's failure is reported; the others still run
            failures += 1
            logger.exception("sample %s failed", sample.name)
            print(f"  {sample.name}: FAILED: {type(exc).__name__}: {exc}", flush=True)
            continue
        print(outcome.line(), flush=True)
        verdict = report_verdict_line(outcome.files)
        if verdict:
            print(f"      {verdict}", flush=True)
        for path in outcome.files:
            print(f"      {path}", flush=True)
        failures += 0 if outcome.files else 1
    return failures


def _serve(stack: LocalStack, stack_file: Path) -> None:
    stack.client.save(stack_file)
    print(f"serving; addresses in {stack_file}. Send jobs with: labeliq submit PANEL... [--context FILE]")
    if stack.client.api_url:
        print(f"the API and the page: {stack.client.api_url}/  (API under {stack.client.api_url}/api/v1)")
        print("  in a browser: sign in with any email (a local user; it becomes the owner of the projects it makes)")
        print(
            f"  from a script: TOKEN=$(.venv/bin/labeliq dev-token --user you@example.com); curl -H "
            f'"Authorization: Bearer $TOKEN" {stack.client.api_url}/api/v1/projects'
        )
    print("Ctrl-C stops everything.", flush=True)
    try:
        while True:
            stack.check_alive()
            time.sleep(1.0)
    finally:
        stack_file.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.stack", description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=Path("samples"), help="a folder of sample folders")
    parser.add_argument("--out", type=Path, default=Path("labeliq-out/stack"), help="where reports are downloaded")
    parser.add_argument("--serve", action="store_true", help="stay up after the samples, for `labeliq submit`")
    parser.add_argument("--no-samples", action="store_true", help="do not run the samples")
    args = parser.parse_args(argv)

    from labeliq.logging_setup import configure_logging

    args.out.mkdir(parents=True, exist_ok=True)
    log_dir = args.out / "logs"
    log_stream = (args.out / "stack.log").open("a", encoding="utf-8")
    configure_logging("INFO", log_stream)
    samples = [] if args.no_samples else sorted(p for p in args.samples.iterdir() if p.is_dir())
    failures = 0
    try:
        with stop_on_signals():
            parts = (
                "Firestore, Storage and Pub/Sub emulators, five functions"
                if args.serve
                else "Firestore and Storage emulators, four functions"
            )
            print(f"starting the local stack ({parts})...", flush=True)
            started = time.perf_counter()
            config = StackConfig(log_dir=log_dir, api=args.serve, upload_trigger=args.serve)
            with LocalStack(config) as stack:
                print(f"stack ready in {time.perf_counter() - started:.1f} s; logs in {log_dir}/", flush=True)
                failures = _run_samples(stack.client, samples, args.out)
                if args.serve:
                    _serve(stack, args.out / "stack.json")
                print("stopping the local stack...", flush=True)
    except KeyboardInterrupt:
        print("\ninterrupted: every process the stack started has been stopped", file=sys.stderr)
        # A workflow interrupted mid-run leaves runner threads retrying calls to the stopped functions (with
        # back-off up to a minute); they hold no resources worth waiting for, so leave now.
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)
    except StackError as exc:
        print(f"the local stack failed: {exc}", file=sys.stderr)
        return 1
    finally:
        log_stream.close()
    if samples:
        print("\n".join(finished_lines(args.out)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
