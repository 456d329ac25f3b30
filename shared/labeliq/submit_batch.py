"""`labeliq submit FOLDER`: many labels in one command, a few at a time, with a progress bar and each verdict.

A specialist with 200 products wants to start them once and read one list at the end, not type 200 commands.
A label is a folder of panel files (and an optional context.json), as in samples/; FOLDER is either one label
or a folder of label folders. How one label is run (the local stack, later the cloud) is passed in, so this
module only finds the labels, runs them concurrently, draws the progress and reads each report's verdict.
"""

from __future__ import annotations

import json
import math
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from labeliq.intake import IntakeError, IntakeLimits, check_panel_files, read_context_file, read_panel_file

CONTEXT_FILE = "context.json"


class BatchInputError(ValueError):
    """A folder given to the batch holds no label, or a label folder holds something that is not a panel."""


@dataclass(frozen=True)
class LabelFolder:
    name: str
    path: Path
    panels: dict[str, bytes]  # file name -> bytes, uploaded as they are
    context: dict[str, Any]


@dataclass(frozen=True)
class RunResult:
    """What running one label gave: the job id, the workflow's final status and the files downloaded."""

    job_id: str
    status: str
    files: list[Path] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class LabelOutcome:
    label: str
    job_id: str
    status: str  # DONE, FAILED, or ERROR when the run itself raised
    seconds: float
    verdict: str | None = None
    failing_rules: tuple[str, ...] = ()
    error: str | None = None
    checkers_not_run: tuple[str, ...] = ()  # a report missing these is incomplete: not ok

    @property
    def ok(self) -> bool:
        return self.status == "DONE" and self.verdict is not None and not self.checkers_not_run

    def line(self) -> str:
        failing = ", ".join(self.failing_rules) or "none"
        if self.ok:
            return f"{self.label}: {self.verdict} (failing rules: {failing}) in {self.seconds:.1f} s, job {self.job_id}"
        if self.status == "DONE" and self.verdict is not None:
            return (
                f"{self.label}: {self.verdict} (failing rules: {failing}), INCOMPLETE: could not run "
                f"{', '.join(self.checkers_not_run)} (job {self.job_id})"
            )
        return f"{self.label}: {self.status}: {self.error or 'no report'} (job {self.job_id or '-'})"


def _is_panel(path: Path, suffixes: Sequence[str]) -> bool:
    return path.is_file() and path.suffix.lower() in suffixes


def find_labels(paths: Sequence[Path], suffixes: Sequence[str]) -> list[Path]:
    """Label folders: a folder holding panel files is one label; otherwise each sub-folder holding panels is."""
    labels: list[Path] = []
    for path in paths:
        if not path.is_dir():
            raise BatchInputError(f"{path}: not a folder; give a label folder or a folder of label folders")
        if any(_is_panel(p, suffixes) for p in path.iterdir()):
            labels.append(path)
            continue
        inner = sorted(p for p in path.iterdir() if p.is_dir() and any(_is_panel(q, suffixes) for q in p.iterdir()))
        if not inner:
            raise BatchInputError(f"{path}: no label folder in it (a label folder holds panel files)")
        labels.extend(inner)
    names = [p.name for p in labels]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise BatchInputError(f"two label folders share the name {duplicates[0]!r}; each label needs its own name")
    return labels


def load_label(path: Path, limits: IntakeLimits) -> LabelFolder:
    """A label folder's panels and context, taken in by labeliq.intake as `labeliq check` takes them in: names
    (unique without case, nothing invisible or direction-changing), types and sizes before any file is read, reads
    capped, the context with its size and nesting limits. Anything else in the folder is refused, by name, before
    anything runs. The panels' content (a photo's pixels, a text's encoding) is the cloud's to judge: a label it
    refuses ends FAILED with the reason while the other labels go on."""
    files = sorted(item for item in path.iterdir() if item.name != CONTEXT_FILE and not item.name.startswith("."))
    try:
        kinds = check_panel_files(files, limits)
        panels = {item.name: read_panel_file(item, kind, limits) for item, kind in zip(files, kinds, strict=True)}
        context_file = path / CONTEXT_FILE
        context = read_context_file(context_file if context_file.exists() else None)
    except IntakeError as exc:
        raise BatchInputError(f"{path.name}: {exc}") from None
    if not panels:
        raise BatchInputError(f"{path}: no panel in it")
    return LabelFolder(path.name, path, panels, context.model_dump(mode="json", exclude_none=True))


def read_verdict(files: Sequence[Path]) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """The overall verdict, failing rules and checkers that could not run of a downloaded report.json (a verdict of
    None when there is none)."""
    report = next((path for path in files if path.name == "report.json"), None)
    if report is None:
        return None, (), ()
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    return (
        str(summary["verdict"]),
        tuple(summary.get("failing_rules", ())),
        tuple(summary.get("checker_errors", ())),
    )


class Progress:
    """A one-line progress bar with counts, rate and ETA; redrawn in place on a terminal, a line per step else."""

    WIDTH = 30

    def __init__(self, total: int, stream: IO[str] | None = None, clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._lock = threading.Lock()
        self._last_step = -1

    def text(self) -> str:
        elapsed = self.clock() - self.started
        filled = self.WIDTH * self.done // max(1, self.total)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        rate = self.done / elapsed * 60 if elapsed > 0 and self.done else 0.0
        remaining = (self.total - self.done) / (self.done / elapsed) if self.done and elapsed > 0 else math.nan
        eta = "--:--" if math.isnan(remaining) else f"{int(remaining) // 60}:{int(remaining) % 60:02d}"
        return (
            f"[{bar}] {self.done}/{self.total} labels, {self.failed} failed, "
            f"{rate:.0f} labels/min, elapsed {int(elapsed) // 60}:{int(elapsed) % 60:02d}, ETA {eta}"
        )

    def advance(self, ok: bool) -> None:
        with self._lock:
            self.done += 1
            self.failed += 0 if ok else 1
            step = 10 * self.done // max(1, self.total)  # off a terminal: a line per tenth, not per label
            if self.tty:
                self.stream.write("\r" + self.text())
                if self.done == self.total:
                    self.stream.write("\n")
            elif step != self._last_step or self.done == self.total:
                self.stream.write(self.text() + "\n")
            self._last_step = step
            self.stream.flush()


def run_batch(
    labels: Sequence[LabelFolder],
    run_one: Callable[[LabelFolder], RunResult],
    *,
    workers: int = 4,
    progress: Progress | None = None,
) -> list[LabelOutcome]:
    """Every label through run_one, `workers` at a time; outcomes in the labels' order. A label that fails (or
    whose run raises) is reported as such and the others go on: one bad label does not stop a batch of 200."""
    outcomes: dict[int, LabelOutcome] = {}

    def one(label: LabelFolder) -> LabelOutcome:
        started = time.perf_counter()
        try:
            result = run_one(label)
        except Exception as exc:  # noqa: BLE001 - listed with its reason; the other labels go on
            return LabelOutcome(
                label.name, "", "ERROR", time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}"
            )
        verdict, failing, not_run = read_verdict(result.files) if result.status == "DONE" else (None, (), ())
        return LabelOutcome(
            label.name,
            result.job_id,
            result.status,
            time.perf_counter() - started,
            verdict,
            failing,
            result.error,
            not_run,
        )

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(one, label): index for index, label in enumerate(labels)}
        for future in as_completed(futures):
            outcome = future.result()
            outcomes[futures[future]] = outcome
            if progress is not None:
                progress.advance(outcome.ok)
    return [outcomes[i] for i in range(len(labels))]


def summary_lines(outcomes: Sequence[LabelOutcome], seconds: float) -> list[str]:
    """Each label's verdict, then the totals: what the user reads when the batch is over."""
    lines = [outcome.line() for outcome in outcomes]
    verdicts: dict[str, int] = {}
    for outcome in outcomes:
        key = outcome.verdict if outcome.ok and outcome.verdict else outcome.status
        verdicts[key] = verdicts.get(key, 0) + 1
    counts = ", ".join(f"{count} {key}" for key, count in sorted(verdicts.items()))
    rate = len(outcomes) / seconds * 60 if seconds > 0 else 0.0
    lines.append(f"{len(outcomes)} labels in {seconds:.1f} s ({rate:.0f} labels/min): {counts}")
    return lines


def stack_runner(
    client: Any, out_dir: Path, *, mode: str = "check", report_language: str = "en"
) -> Callable[[LabelFolder], RunResult]:
    """Run one label on a running local stack (devstack's StackClient): upload, run the workflow, download.
    `mode` (`check` or `relabel`) and `report_language` are every label's, as `labeliq submit` gives them."""
    from devstack.stack_client import new_job_id
    from devstack.workflow_runner import WorkflowError

    def run(label: LabelFolder) -> RunResult:
        job_id = new_job_id(label.name)
        event = client.upload_job_once(job_id, label.panels, label.context, mode=mode, report_language=report_language)
        try:
            result = client.run_workflow(event)
        except WorkflowError as exc:
            message = exc.error.get("message") if isinstance(exc.error, dict) else exc.error
            return RunResult(job_id, "FAILED", error=str(message))
        status = str(result.get("status") if isinstance(result, dict) else result)
        return RunResult(job_id, status, client.download_outputs(result, out_dir / job_id))

    return run


def submit_folders(
    paths: Sequence[Path],
    run_one: Callable[[LabelFolder], RunResult],
    *,
    suffixes: Sequence[str],
    limits: IntakeLimits,
    workers: int,
    out: IO[str],
    progress_stream: IO[str] | None = None,
) -> list[LabelOutcome]:
    """The whole `labeliq submit FOLDER`: every label checked for bad input first, then run, then listed."""
    labels = [load_label(path, limits) for path in find_labels(paths, suffixes)]
    print(f"{len(labels)} label(s), {min(workers, len(labels))} at a time", file=out, flush=True)
    started = time.perf_counter()
    outcomes = run_batch(labels, run_one, workers=workers, progress=Progress(len(labels), progress_stream))
    for line in summary_lines(outcomes, time.perf_counter() - started):
        print(line, file=out)
    return outcomes
