"""Where a warm job's time goes through the local stack: a timeline of one job, then each step's round trips.

Part one runs warm jobs through a LocalStack exactly as `make bench` does (upload, the workflow on the local
runner, four function processes) and records, against the job's start: the upload, every HTTP call the workflow
makes (from the runner's side) and the time each function says it spent answering (its `answered` log line), so
the gaps are the runner's own work and HTTP/framework overhead. Part two runs the same four steps in this process
against the same emulators with each Firestore RPC and Storage request timed and counted, which splits a step's
time into round trips and compute; it also times the emulators' cheapest round trip (the floor per trip).
Not a test: it prints tables. `python -m tests.bench.stack_timeline [--runs N]`.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from devstack.stack import LocalStack, StackConfig, sample_job
from devstack.stack_client import StackClient, new_job_id
from devstack.wf_http import HttpResponse, UrllibHttpClient

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "granola-compliant"


@dataclass
class Span:
    what: str
    start: float
    end: float
    thread: str = ""

    @property
    def ms(self) -> float:
        return (self.end - self.start) * 1e3


@dataclass
class RecordingHttp(UrllibHttpClient):
    """The runner's transport, recording each call's span against `origin`."""

    spans: list[Span] = field(default_factory=list)
    origin: float = 0.0

    def __post_init__(self) -> None:
        super().__init__()

    def request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None, timeout_s: float
    ) -> HttpResponse:
        started = time.perf_counter()
        try:
            return super().request(method, url, headers, body, timeout_s)
        finally:
            group = json.loads(body).get("group", "") if body else ""
            self.spans.append(Span(f"{url.rsplit(':', 1)[-1]} {group}".strip(), started, time.perf_counter()))


def _function_durations(log_dir: Path, job_id: str) -> dict[str, list[int]]:
    """Each function's `answered` duration_ms for this job, from its log file."""
    found: dict[str, list[int]] = defaultdict(list)
    for path in log_dir.glob("*.log"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if job_id not in line or '"answered"' not in line:
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            found[path.stem].append(int(record.get("duration_ms", -1)))
    return found


def _cpu_by_process(stack: LocalStack) -> dict[str, float]:
    """CPU seconds used so far by each process group the stack started."""
    from tests.bench.bench_goals import _group_cpu_seconds

    groups = {name: server.process.pid for name, server in stack.functions.items()}
    groups["firestore emulator"] = stack.firestore.process.pid
    groups["storage emulator"] = stack.storage.process.pid
    return {name: _group_cpu_seconds(pid) for name, pid in groups.items()}


def timeline(stack: LocalStack, runs: int, warmup: int) -> None:
    from devstack.workflow_runner import run_workflow

    client = stack.client
    panels, context = sample_job(SAMPLE)
    ports = {url.rsplit(":", 1)[-1].strip("/"): name for name, url in client.function_urls.items()}
    text = (REPO / "workflows" / "label_compliance.yaml").read_text(encoding="utf-8")
    totals: list[float] = []
    for run in range(runs + warmup):
        job_id = new_job_id(SAMPLE.name)
        http = RecordingHttp()
        cpu_before = _cpu_by_process(stack)
        cpu_before["runner (this process)"] = time.process_time()  # scanning /proc costs this process CPU too
        started = time.perf_counter()
        http.origin = started
        event = client.upload_job(job_id, panels, context)
        uploaded = time.perf_counter()
        result = run_workflow(text, event, client.workflow_env(), http=http, log_sink=lambda record: None)
        done = time.perf_counter()
        runner_cpu = time.process_time()
        cpu_after = _cpu_by_process(stack)
        cpu_after["runner (this process)"] = runner_cpu
        assert result["status"] == "DONE", result
        if run < warmup:
            continue
        totals.append(done - started)
        time.sleep(0.3)  # the functions' log lines are flushed
        durations = _function_durations(stack.config.log_dir, job_id)
        print(f"\njob {job_id}: {(done - started) * 1e3:.0f} ms (upload {(uploaded - started) * 1e3:.0f} ms)")
        seen: dict[str, int] = defaultdict(int)
        inside: dict[int, int] = {}
        for span in sorted(http.spans, key=lambda s: s.end):  # a function logs its answers in the order they end
            name = ports.get(span.what.partition(" ")[0].strip("/"), span.what)
            served = durations.get(name, [])
            inside[id(span)] = served[seen[name]] if seen[name] < len(served) else -1
            seen[name] += 1
        for span in sorted(http.spans, key=lambda s: s.start):
            port, _, group = span.what.partition(" ")
            name = ports.get(port.strip("/"), port)
            print(
                f"  {(span.start - started) * 1e3:6.0f} -> {(span.end - started) * 1e3:6.0f} ms  "
                f"{name:<15} {group:<8} {span.ms:5.0f} ms on the wire, {inside[id(span)]:4d} ms in the function"
            )
        print(
            "  CPU used during the job (ms): "
            + ", ".join(f"{name} {(cpu_after[name] - cpu_before[name]) * 1e3:.0f}" for name in cpu_after)
        )
    print(f"\nmedian warm job: {statistics.median(totals) * 1e3:.0f} ms over {len(totals)} runs")


# -- part two: the steps in this process, round trips timed ---------------------------------------------------


@dataclass
class Trips:
    count: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.count[kind] += 1
            self.seconds[kind] += seconds

    def reset(self) -> None:
        self.count.clear()
        self.seconds.clear()


def _timed(trips: Trips, kind: str, function: Callable[..., Any], stream: bool = False) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        result = function(*args, **kwargs)
        if stream:
            result = list(result)
        trips.add(kind, time.perf_counter() - started)
        return iter(result) if stream else result

    return call


@contextmanager
def counted(rt: Any, trips: Trips) -> Iterator[None]:
    api = rt.jobs._db._firestore_api
    originals = {name: getattr(api, name) for name in ("commit", "batch_get_documents", "run_query", "get_document")}
    api.commit = _timed(trips, "firestore commit", originals["commit"])
    api.batch_get_documents = _timed(trips, "firestore get", originals["batch_get_documents"], stream=True)
    api.run_query = _timed(trips, "firestore query", originals["run_query"], stream=True)
    http = rt.blobs._client._http
    original_request = http.request
    http.request = _timed(trips, "storage request", original_request)
    try:
        yield
    finally:
        for name, fn in originals.items():
            setattr(api, name, fn)
        http.request = original_request


Row = tuple[float, float, dict[str, int], dict[str, float]]


def _step_calls(steps: Any, rt: Any, job_id: str, execution: str) -> Iterator[tuple[str, Callable[[], Any]]]:
    """The four steps of one job in the workflow's order (the groups one after the other)."""
    from labeliq.cloud.contracts import AssembleRequest, ExtractRequest, GroupRequest, RenderRequest
    from labeliq.models import GROUPS

    yield "extract", lambda: steps.extract(ExtractRequest(job_id=job_id, execution_id=execution), rt)
    for group in GROUPS:
        yield (
            f"group {group}",
            functools.partial(
                steps.run_agent_group, GroupRequest(job_id=job_id, execution_id=execution, group=group), rt
            ),
        )
    assemble = AssembleRequest(job_id=job_id, execution_id=execution)
    version: list[int] = []
    yield "assemble", lambda: version.append(steps.assemble_report(assemble, rt).version)
    yield (
        "render",
        lambda: steps.render_docx(RenderRequest(job_id=job_id, execution_id=execution, version=version[0]), rt),
    )


def steps_in_process(client: StackClient, runs: int) -> None:
    os.environ.update(client.client_env())
    os.environ["LABELIQ_LOCAL_EMULATORS"] = "true"
    from labeliq.cloud import steps

    rt = steps.runtime()
    blobs = type(rt.blobs)(
        client.storage_client(), input_bucket=client.input_bucket, output_bucket=client.output_bucket
    )
    rt = replace(rt, blobs=blobs)  # the Storage client itself, not made on first use: its session is timed
    panels, context = sample_job(SAMPLE)
    trips = Trips()
    rows: dict[str, list[Row]] = defaultdict(list)
    for run in range(runs + 1):
        job_id = new_job_id(SAMPLE.name)
        client.upload_job(job_id, panels, context)
        for name, call in _step_calls(steps, rt, job_id, f"timeline-{run}"):
            trips.reset()
            with counted(rt, trips):
                started, cpu = time.perf_counter(), time.thread_time()
                call()
                wall, cpu = time.perf_counter() - started, time.thread_time() - cpu
            if run:  # the first job warms this process
                rows[name].append((wall, cpu, dict(trips.count), dict(trips.seconds)))
    print(f"\nthe steps in one process against the emulators, median of {runs} (ms; trips: count and time)")
    for name, samples in rows.items():
        wall = statistics.median(s[0] for s in samples) * 1e3
        cpu = statistics.median(s[1] for s in samples) * 1e3
        kinds = sorted({k for s in samples for k in s[2]})
        io = statistics.median(sum(s[3].values()) for s in samples) * 1e3
        parts = ", ".join(
            f"{k} {samples[-1][2].get(k, 0)}x {statistics.median(s[3].get(k, 0.0) for s in samples) * 1e3:.0f}"
            for k in kinds
        )
        print(f"  {name:<16} wall {wall:5.0f}  cpu {cpu:5.0f}  round trips {io:5.0f}  ({parts})")
    floor(rt)


def floor(rt: Any) -> None:
    """The cheapest round trip of each emulator: a get of a missing document, a metadata read of a missing object."""
    ref = rt.jobs._db.collection("timeline").document("absent")
    bucket = rt.blobs._client.bucket(rt.settings.input_bucket)
    fs, gcs, commit = [], [], []
    for i in range(30):
        started = time.perf_counter()
        ref.get()
        fs.append(time.perf_counter() - started)
        started = time.perf_counter()
        bucket.get_blob("absent/object")
        gcs.append(time.perf_counter() - started)
        started = time.perf_counter()
        rt.jobs._db.collection("timeline").document(f"w{i}").set({"n": i})
        commit.append(time.perf_counter() - started)
    print(
        "emulator floor (median of 30): Firestore get "
        f"{statistics.median(fs) * 1e3:.1f} ms, Firestore write {statistics.median(commit) * 1e3:.1f} ms, "
        f"Storage metadata read {statistics.median(gcs) * 1e3:.1f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="jobs run first and not shown")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the function processes")
    args = parser.parse_args(argv)
    logging.disable(logging.INFO)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="labeliq-timeline-") as tmp:
        config = StackConfig(
            log_dir=Path(tmp) / "logs",
            project="labeliq-timeline",
            extra_function_env=dict(item.split("=", 1) for item in args.env),
        )
        with LocalStack(config) as stack:
            timeline(stack, args.runs, args.warmup)
            steps_in_process(stack.client, args.runs)
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
