"""`make bench` (serverless part): what the orchestration costs, and how many jobs a minute the local stack does.

For each sample: the end-to-end time of one job through the local stack (upload, the workflow YAML on the local
runner, four functions over HTTP, Firestore and Storage emulators, report and DOCX download) against the same
job through `labeliq check` in one process (parse, checks, report, DOCX; imports already warm), and their ratio,
which is the price of the choreography. Then jobs per minute with 10 jobs started at once. Medians of warm
runs: the first job through a fresh stack also pays each function's imports, and that number is printed apart.
Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from devstack.stack import LocalStack, StackConfig, run_job, sample_job, sample_panel_files
from labeliq.cli import main as cli_main

REPO = Path(__file__).resolve().parents[2]


def check_in_process(sample: Path, out: Path) -> float:
    panels = sample_panel_files(sample)  # as the stack job takes them
    argv = ["check", *map(str, panels), "--out", str(out)]
    if (sample / "context.json").exists():
        argv += ["--context", str(sample / "context.json")]
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # its summary would interleave with the table
        code = cli_main(argv)
    elapsed = time.perf_counter() - started
    if code != 0:
        raise RuntimeError(f"labeliq check failed on {sample.name} (exit {code})")
    return elapsed


def stack_job(stack: LocalStack, sample: Path, out: Path) -> float:
    panels, context = sample_job(sample)
    outcome = run_job(stack.client, sample.name, panels, context, out)
    if not isinstance(outcome.result, dict) or outcome.result.get("status") != "DONE":
        raise RuntimeError(f"{sample.name}: the workflow ended with {outcome.result!r}")
    return outcome.seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=REPO / "samples")
    parser.add_argument("--runs", type=int, default=3, help="warm runs per sample (median)")
    parser.add_argument("--concurrent", type=int, default=10, help="jobs started at once for the throughput")
    args = parser.parse_args(argv)
    samples = sorted(p for p in args.samples.iterdir() if p.is_dir())
    logging.disable(logging.INFO)  # the CLI's and the clients' log lines would drown the table

    with tempfile.TemporaryDirectory(prefix="labeliq-bench-") as tmp:
        work = Path(tmp)
        print("starting the local stack...", flush=True)
        started = time.perf_counter()
        with LocalStack(StackConfig(log_dir=work / "logs")) as stack:
            print(f"stack ready in {time.perf_counter() - started:.1f} s", flush=True)
            cold = stack_job(stack, samples[0], work / "cold")
            print(f"first job through a fresh stack (function imports included): {cold:.2f} s\n", flush=True)

            print(f"{'sample':34} {'stack s':>8} {'check s':>8} {'ratio':>7}")
            stack_all: list[float] = []
            check_all: list[float] = []
            for sample in samples:
                check_in_process(sample, work / "warm-check")  # warm the in-process imports too
                in_stack = statistics.median(stack_job(stack, sample, work / "s") for _ in range(args.runs))
                in_process = statistics.median(check_in_process(sample, work / f"c{i}") for i in range(args.runs))
                stack_all.append(in_stack)
                check_all.append(in_process)
                print(f"{sample.name:34} {in_stack:8.2f} {in_process:8.2f} {in_stack / in_process:6.1f}x", flush=True)
            total_stack, total_check = statistics.median(stack_all), statistics.median(check_all)
            print(f"{'median':34} {total_stack:8.2f} {total_check:8.2f} {total_stack / total_check:6.1f}x\n")

            picks = [samples[i % len(samples)] for i in range(args.concurrent)]
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrent) as pool:
                list(pool.map(lambda s: stack_job(stack, s, work / "concurrent" / s.name), picks))
            wall = time.perf_counter() - started
            print(
                f"{args.concurrent} concurrent jobs: {wall:.1f} s wall, {args.concurrent / wall * 60:.0f} jobs/minute",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
