"""`make bench`: how long `labeliq check` takes on the samples, and how much memory it needs.

Two numbers per sample, because they answer different questions: the subprocess time (process start and
imports included) is what a user waits for; the in-process time (parse + checks + report + DOCX) is what the
cloud functions pay per job once warm. Medians of several runs; peak memory from the child's own high-water mark
(VmHWM) and from tracemalloc in-process. Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from labeliq.config import load_settings
from labeliq.docx_report import render_docx
from labeliq.intake import read_context_file
from labeliq.judge import build_judge
from labeliq.label_files import load_panels, parse_panels
from labeliq.logging_setup import configure_logging
from labeliq.pipeline import check_label
from labeliq.report import report_json

REPO = Path(__file__).resolve().parents[2]
errors: set[str] = set()  # checkers that could not run: their time is missing from the numbers


# ru_maxrss of a forked child starts at the parent's RSS (Linux copies the high-water mark into the child and
# keeps it across exec), so the child reports its own VmHWM, which belongs to the post-exec address space.
_CHILD = """
import atexit, os, runpy, sys
def _hwm():
    with open("/proc/self/status") as status, open(os.environ["BENCH_HWM_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(_hwm)
sys.argv = ["labeliq"] + sys.argv[1:]
runpy.run_module("labeliq.cli", run_name="__main__")
"""


def run_subprocess(sample: Path, out: Path) -> tuple[float, int]:
    """Wall time of one `labeliq check` process (start to exit) and its peak RSS in KiB."""
    hwm_file = out.parent / f".{sample.name}.hwm"
    command = [sys.executable, "-c", _CHILD, "check", "--out", str(out)]
    if (sample / "context.json").exists():
        command += ["--context", str(sample / "context.json")]
    command += [str(p) for p in sorted(sample.glob("*.txt"))]
    environment = {**os.environ, "BENCH_HWM_FILE": str(hwm_file)}
    started = time.perf_counter()
    done = subprocess.run(command, env=environment, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"labeliq check failed on {sample.name}: {done.stderr.decode()[-500:]}")
    return elapsed, int(hwm_file.read_text())


def in_process(sample: Path) -> Callable[[], None]:
    settings = load_settings()
    context_file = sample / "context.json"
    context = read_context_file(context_file if context_file.exists() else None)
    panels = load_panels(sorted(sample.glob("*.txt")), settings)

    def once() -> None:
        report = check_label(parse_panels(panels), context, "bench", build_judge(None))  # offline, as the CLI
        report_json(report)
        render_docx(report)
        if report.summary.checker_errors:
            errors.add(f"{sample.name}: {', '.join(report.summary.checker_errors)}")

    return once


def median_seconds(function: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_traced_kib(function: Callable[[], None]) -> float:
    tracemalloc.start()
    try:
        function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.bench_check", description=__doc__)
    parser.add_argument("--samples", type=Path, default=REPO / "samples")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    samples = sorted(p for p in args.samples.iterdir() if p.is_dir() and any(p.glob("*.txt")))
    print(f"labeliq check on {len(samples)} samples; median of {args.runs} runs; {os.cpu_count()} CPUs\n")
    header = f"{'sample':<32} {'process s':>9} {'peak RSS MiB':>12} {'in-process ms':>13} {'traced peak MiB':>15}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="labeliq-bench-") as tmp, open(os.devnull, "w") as quiet:
        configure_logging("CRITICAL", quiet)  # a checker's traceback belongs in a log, not in the table
        for sample in samples:
            measured = [run_subprocess(sample, Path(tmp) / sample.name) for _ in range(args.runs)]
            process_s = statistics.median(t for t, _ in measured)
            rss_mib = max(r for _, r in measured) / 1024  # VmHWM is in KiB
            once = in_process(sample)
            once()  # warm: lexicons and lazy imports load once per process, as in a warm function
            check_ms = median_seconds(once, args.runs) * 1000
            traced_mib = peak_traced_kib(once) / 1024
            print(f"{sample.name:<32} {process_s:>9.2f} {rss_mib:>12.1f} {check_ms:>13.1f} {traced_mib:>15.2f}")
    print(
        "\nprocess s: `labeliq check` as a subprocess, process start and imports included; "
        "in-process ms: parse + checks + report.json + DOCX, warm; "
        "peak RSS: the child's resident high-water mark (VmHWM); "
        "traced peak: Python allocations during one in-process check."
    )
    if errors:
        print("\nchecker(s) that could not run, so not timed: " + "; ".join(sorted(errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
