"""`make bench`: every figure of issue 13's goals, each with its goal beside it, measured side by side in one run.

The machine is shared, so absolute times move with its load: each figure that has a natural baseline is given as
a ratio to that baseline measured in the same run (the import floor, in-process time), CPU time is printed beside
wall time, and the load average is printed with the results. Sections that need something absent (Tesseract, the
API function) say so and are skipped. Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from labeliq.intake import TEXT_SUFFIXES, IntakeLimits

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
PRICES = Path(__file__).with_name("cloud_prices.json")
FLOOR = "import pydantic, docx"


def text_samples() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_dir() and any(p.glob("*.txt")))


def photo_samples() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_dir() and not any(p.glob("*.txt")))


def row(name: str, measured: str, goal: str, ok: bool | None, cpu_ok: bool | None = None) -> None:
    verdict = {True: "ok", False: "MISSED", None: "-"}[ok]
    if ok is False and cpu_ok:
        verdict += " (met in CPU time: the machine is loaded)"
    print(f"  {name:<52} {measured:>28}   goal {goal:<18} {verdict}", flush=True)


def load_text() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} CPUs"


def timed(function: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of function over runs (after one warm-up call)."""
    function()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


# -- text label, in process ------------------------------------------------------------------------------------


def _panels(sample: Path) -> list[Any]:
    from labeliq.models import Panel

    return [Panel(name=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(sample.glob("*.txt"))]


def _context(sample: Path) -> Any:
    from labeliq.models import ProductContext

    path = sample / "context.json"
    return ProductContext.model_validate_json(path.read_text(encoding="utf-8")) if path.exists() else ProductContext()


def check_once(panels: list[Any], context: Any) -> Any:
    from labeliq.extraction.text_parser import parse_label
    from labeliq.pipeline import check_label
    from labeliq.report import report_json

    report = check_label(parse_label(panels), context, "bench")
    report_json(report)
    return report


def text_in_process(runs: int) -> dict[str, float]:
    from labeliq.docx_report import render_docx

    checks, docx = [], []
    for sample in text_samples():
        panels, context = _panels(sample), _context(sample)
        report = check_once(panels, context)
        checks.append(timed(lambda p=panels, c=context: check_once(p, c), runs))  # type: ignore[misc]
        docx.append(timed(lambda r=report: render_docx(r), runs))  # type: ignore[misc]
    figures = {
        "checks_wall": statistics.median(w for w, _ in checks),
        "checks_cpu": statistics.median(c for _, c in checks),
        "docx_wall": statistics.median(w for w, _ in docx),
        "docx_cpu": statistics.median(c for _, c in docx),
    }
    print(f"\nText label in process (median over {len(checks)} samples, {runs} runs each; {load_text()})")
    for key, label, goal in (("checks", "parse + checks + report.json", 0.060), ("docx", "DOCX", 0.150)):
        wall, cpu = figures[f"{key}_wall"], figures[f"{key}_cpu"]
        measured = f"{wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)"
        row(label, measured, f"<= {goal * 1000:.0f} ms", wall <= goal, cpu <= goal)
    return figures


# -- processes ---------------------------------------------------------------------------------------------------

_CHILD = """
import atexit, os, runpy, sys
def _hwm():
    if "BENCH_HWM_FILE" not in os.environ:  # peak memory not asked for this run
        return
    with open("/proc/self/status") as status, open(os.environ["BENCH_HWM_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(_hwm)
sys.argv = ["labeliq"] + sys.argv[1:]
runpy.run_module("labeliq.cli", run_name="__main__", alter_sys=True)
"""


def run_process(argv: list[str], hwm_file: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in KiB (0 when not asked) of one child process."""
    env = {**os.environ, "LABELIQ_LOG_LEVEL": "ERROR"}
    if hwm_file is not None:
        env["BENCH_HWM_FILE"] = str(hwm_file)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        command = "labeliq check" if argv[1:2] == ["-c"] and argv[2] == _CHILD else " ".join(argv[:3])
        raise RuntimeError(f"{command} exited {done.returncode}: {done.stderr.decode()[-300:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, int(hwm_file.read_text()) if hwm_file is not None else 0


def check_argv(sample: Path, out: Path) -> list[str]:
    argv = [sys.executable, "-c", _CHILD, "check", "--out", str(out)]
    if (sample / "context.json").exists():
        argv += ["--context", str(sample / "context.json")]
    from devstack.stack import sample_panel_files

    return argv + [str(p) for p in sample_panel_files(sample)]


def process_vs_floor(runs: int, work: Path) -> None:
    samples = text_samples()
    floor, check = [], []
    for i in range(runs):  # interleaved, so a burst of load hits both alike
        floor.append(run_process([sys.executable, "-c", FLOOR]))
        sample = samples[i % len(samples)]
        check.append(run_process(check_argv(sample, work / "process" / sample.name)))
    floor_wall, check_wall = statistics.median(f[0] for f in floor), statistics.median(c[0] for c in check)
    floor_cpu, check_cpu = statistics.median(f[1] for f in floor), statistics.median(c[1] for c in check)
    print(f"\nText label as a process (`labeliq check`, median of {runs}, interleaved with the floor; {load_text()})")
    row(f"import floor (python -c '{FLOOR}')", f"{floor_wall:.2f} s (CPU {floor_cpu:.2f} s)", "baseline", None)
    row("labeliq check, process start to exit", f"{check_wall:.2f} s (CPU {check_cpu:.2f} s)", "", None)
    ratio, cpu_ratio = check_wall / floor_wall, check_cpu / floor_cpu
    row("ratio to the floor", f"{ratio:.1f}x (CPU {cpu_ratio:.1f}x)", "<= 2.0x", ratio <= 2.0, cpu_ratio <= 2.0)


# -- photo label -------------------------------------------------------------------------------------------------


def photo_labels(runs: int, work: Path) -> None:
    samples = photo_samples()
    if not samples:
        print("\nPhoto label: no photo sample in samples/; skipped")
        return
    measured = []
    for i in range(runs):
        sample = samples[i % len(samples)]
        hwm = work / f"{sample.name}.hwm"
        measured.append(run_process(check_argv(sample, work / "photo" / sample.name), hwm))
    wall, cpu = statistics.median(m[0] for m in measured), statistics.median(m[1] for m in measured)
    rss_mib = max(m[2] for m in measured) / 1024
    print(f"\nPhoto label ({', '.join(s.name for s in samples)}; median of {runs}; {load_text()})")
    row("labeliq check as a process", f"{wall:.2f} s (CPU {cpu:.2f} s)", "<= 2.5 s", wall <= 2.5)
    row("peak RSS of that process", f"{rss_mib:.0f} MiB", "<= 250 MB", rss_mib * 1.048576 <= 250)
    engines_side_by_side(samples)


def _warm_per_panel(engine: Any, samples: list[Path]) -> tuple[float, float]:
    from labeliq.extraction.images import read_photo_panels

    images = [(p.name, p.read_bytes()) for s in samples for p in sorted(s.iterdir()) if p.suffix.lower() == ".jpg"]
    read_photo_panels(images[0][0], images[0][1], engine)  # the model loads once per instance
    walls, cpus = [], []
    for name, data in images:
        wall, cpu = time.perf_counter(), _cpu_with_children()
        read_photo_panels(name, data, engine)
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu_with_children() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _cpu_with_children() -> float:
    """CPU seconds of this process and of the child processes it waited for (Tesseract runs as one)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def photo_sample_accuracy(engine: Any, samples: list[Path]) -> tuple[int, int]:
    """Fields read from the photo samples that equal the same field parsed from the text sample they were
    photographed from (tests/images/make_fixtures.py says which): exact, whitespace folded, nothing else forgiven."""
    from labeliq.extraction.images import read_photo_panels
    from labeliq.extraction.text_parser import parse_label
    from tests.bench.bench_extract import compare, field_values, text_facts
    from tests.images.make_fixtures import PHOTO_SAMPLES

    oks: list[bool] = []
    for sample in samples:
        photos = [p for p in sorted(sample.iterdir()) if p.suffix.lower() == ".jpg"]
        panels = [item.panel for p in photos for item in read_photo_panels(p.name, p.read_bytes(), engine)]
        truth = field_values(text_facts(SAMPLES / PHOTO_SAMPLES[sample.name]))
        oks += list(compare(truth, field_values(parse_label(panels))).values())
    return sum(oks), len(oks)


def _render_accuracy(engine: Any, samples: int = 5) -> tuple[int, int]:
    """Exact fields read from clean renders of the text samples (tests/bench/bench_extract.py's measure)."""
    from tests.bench.bench_extract import compare, field_values, photo_facts, text_facts

    oks: list[bool] = []
    for sample in text_samples()[:samples]:
        truth = field_values(text_facts(sample))
        read = field_values(photo_facts(sample, 0, False, engine, []))
        oks += list(compare(truth, read).values())
    return sum(oks), len(oks)


TESSERACT_PACKAGES = "tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra"


def engines_side_by_side(samples: list[Path]) -> None:
    from labeliq.extraction.ocr_rapid import RapidOcrEngine

    engines: list[tuple[str, Callable[[], Any]]] = [
        ("labeliq's RapidOCR pipeline", lambda: RapidOcrEngine()),
        ("RapidOCR default pipeline", _rapidocr_as_shipped),
    ]
    if shutil.which("tesseract"):
        from tests.bench.tesseract_engine import TesseractEngine

        engines.append(("Tesseract 5 (eng+fra, 1 thread)", TesseractEngine))
    print(
        "  side by side, warm, per panel of the photo samples; fields exact on those photos (against the text they"
        " were photographed from) and on clean renders of 5 text samples"
    )
    for name, make in engines:
        engine = make()
        wall, cpu = _warm_per_panel(engine, samples)
        photo_ok, photo_all = photo_sample_accuracy(engine, samples)
        render_ok, render_all = _render_accuracy(engine)
        goal_ok = wall <= 0.6 and photo_ok == photo_all if name.startswith("labeliq") else None
        fields = f"fields {photo_ok}/{photo_all} photos, {render_ok}/{render_all} renders"
        measured = f"{wall:.2f} s/panel (CPU {cpu:.2f}), {fields}"
        row(name, measured, "<= 0.6 s/panel", goal_ok)
    if not shutil.which("tesseract"):
        print(
            "  Tesseract: SKIPPED, the tesseract binary is not on PATH "
            f"(apt-get install {TESSERACT_PACKAGES}; .ci/run installs them)"
        )


def _rapidocr_as_shipped() -> Any:
    """RapidOCR's default pipeline (its own configuration: angle classifier on, its detector size and threads),
    through the same reading code so only the OCR parameters differ."""
    from labeliq.extraction.ocr_rapid import RapidOcrEngine

    engine = RapidOcrEngine()
    engine.params = {"Global.log_level": "warning"}
    return engine


# -- cold starts and the local stack -----------------------------------------------------------------------------


def _post(url: str, body: dict[str, Any]) -> int:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _maps_hold(pid: int | None, name: str) -> bool:
    if pid is None:
        return False
    try:
        return name in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def _group_cpu_seconds(pgid: int | None) -> float:
    """CPU seconds (user + system) used so far by every process of a process group (a function: gunicorn's
    master and its worker); the load of the machine does not inflate it as it does wall time."""
    if pgid is None:
        return 0.0
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def cold_starts(stack: Any, job_id: str) -> None:
    from devstack.processes import http_ready

    bodies: dict[str, dict[str, Any]] = {
        "extract": {},
        "run_agent_group": {"group": "identity"},
        "assemble_report": {},
        "render_docx": {"version": 1},
    }
    print(
        f"\nCold start of each function: process start to the first 200 (a replayed step of a done job; {load_text()})"
    )
    for name, extra in bodies.items():
        server = stack.functions[name]
        server.process.stop()
        started = time.perf_counter()
        server.start()
        while not http_ready(server.url):
            server.process.check_alive()
            time.sleep(0.02)
        listening = time.perf_counter() - started
        status = _post(server.url, {"job_id": job_id, "execution_id": "bench-cold-start", **extra})
        first = time.perf_counter() - started
        cpu = _group_cpu_seconds(server.process.pid)
        ocr = _maps_hold(server.process.pid, "onnxruntime")
        row(
            f"{name} (listening after {listening:.2f} s; OCR loaded: {'yes' if ocr else 'no'})",
            f"{first:.2f} s (CPU {cpu:.2f} s, HTTP {status})",
            "<= 1.0 s",
            first <= 1.0 and status == 200,
            cpu <= 1.0 and status == 200,
        )


def stack_vs_process(stack: Any, runs: int, work: Path) -> float:
    from devstack.stack import run_job, sample_job

    sample = SAMPLES / "granola-compliant"
    panels, context = sample_job(sample)
    run_job(stack.client, sample.name, panels, context, work / "warm")
    in_stack = statistics.median(
        run_job(stack.client, sample.name, panels, context, work / f"s{i}").seconds for i in range(runs)
    )
    from labeliq.docx_report import render_docx

    text_panels, text_context = _panels(sample), _context(sample)
    in_process, _ = timed(lambda: render_docx(check_once(text_panels, text_context)), runs)
    print(f"\nA warm job through the local stack against the same job in process ({sample.name}; {load_text()})")
    row("stack job (upload, workflow, 4 functions, download)", f"{in_stack:.2f} s", "", None)
    row("in process (parse, checks, report, DOCX)", f"{in_process:.2f} s", "", None)
    row("ratio", f"{in_stack / in_process:.1f}x", "<= 1.3x", in_stack / in_process <= 1.3)
    return in_stack


def api_reads(work: Path, calls: int) -> None:
    """p95 of the reads a page polls, through the local IAP proxy with a signed assertion, on a stack of its own
    (the API needs the upload trigger, which the other stack sections leave off so each job runs once)."""
    if not (REPO / "functions" / "api").exists():
        print("\nAPI GET /jobs/{id} and report reads p95: no API function on this branch (functions/api); skipped")
        return
    from devstack.stack import LocalStack, StackConfig
    from tests.api.client import ApiClient, sample
    from tests.bench.bench_api import percentile, timed

    config = StackConfig(log_dir=work / "api-logs", project="labeliq-bench-api", api=True, upload_trigger=True)
    with LocalStack(config) as stack:
        issuer, api_url = stack.workspace.issuer, stack.client.api_url
        assert issuer is not None and api_url is not None, "the stack started without its API"
        client = ApiClient(api_url, issuer.user_token("bench-reader@example.com"))
        panels, context = sample("granola-compliant")
        text_panels = {name: data for name, data in panels.items() if name.endswith(TEXT_SUFFIXES)}
        created = client.upload(client.project("bench"), text_panels, context)
        assert created.status_code == 202, created.text
        job_id = created.json()["job_id"]
        client.wait_done(job_id, timeout_s=900)
        print(f"\nAPI reads through the local IAP proxy, signed assertions, {calls} calls each ({load_text()})")
        for label, path in (
            ("GET /jobs/{id}", f"/api/v1/jobs/{job_id}"),
            ("GET report", f"/api/v1/jobs/{job_id}/report"),
        ):
            times = timed(client, path, calls)
            p95 = percentile(times, 0.95)
            measured = f"p95 {p95:.0f} ms (p50 {statistics.median(times):.0f})"
            row(label, measured, "<= 50 ms", p95 <= 50)


def batch_through_stack(stack: Any, labels: int, work: Path) -> None:
    from labeliq.submit_batch import stack_runner, submit_folders

    batch = work / "batch"
    samples = text_samples()
    for i in range(labels):  # the panels and the context only: a sample's NOTES.md is not a panel
        folder = batch / f"label-{i:03d}"
        folder.mkdir(parents=True)
        for path in samples[i % len(samples)].iterdir():
            if path.suffix in TEXT_SUFFIXES or path.name == "context.json":
                shutil.copy(path, folder / path.name)
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        outcomes = submit_folders(
            [batch],
            stack_runner(stack.client, work / "batch-out"),
            suffixes=TEXT_SUFFIXES,
            limits=IntakeLimits(),
            workers=8,
            out=quiet,
            progress_stream=sys.stdout,
        )
    seconds = time.perf_counter() - started
    failed = [o for o in outcomes if not o.ok]
    rate = len(outcomes) / seconds * 60
    print(f"\n{labels} text labels through the local stack with `labeliq submit FOLDER` (8 at a time; {load_text()})")
    row("labels per minute", f"{rate:.0f} ({seconds:.0f} s)", ">= 100 /min", rate >= 100 and not failed)
    row("labels that failed", f"{len(failed)}", "0", not failed)
    for outcome in failed[:5]:
        print(f"    {outcome.line()}")


# -- scale -------------------------------------------------------------------------------------------------------


def scale(runs: int) -> None:
    samples = text_samples()
    jobs = [(_panels(s), _context(s)) for s in samples]

    def labels(n: int) -> Callable[[], None]:
        return lambda: [check_once(*jobs[i % len(jobs)]) for i in range(n)]  # type: ignore[func-returns-value]

    print(f"\nScale in process: time against the number of labels and of panels per label ({load_text()})")
    singles = [timed(lambda job=job: check_once(*job), runs)[0] for job in jobs]  # type: ignore[misc]
    for n in (10, 100):
        linear = sum(singles[i % len(jobs)] for i in range(n))  # n labels at each one's own time alone
        wall, _ = timed(labels(n), 1)
        row(
            f"{n} labels vs {n} x one label",
            f"{wall / linear:.2f}x ({wall:.1f} s)",
            "<= 1.2x (linear)",
            wall / linear <= 1.2,
        )
    pool = [panel for panels, _ in jobs for panel in panels]
    from labeliq.models import Panel, ProductContext

    def panels(k: int) -> list[Any]:
        return [Panel(name=f"panel{i}", text=pool[i % len(pool)].text) for i in range(k)]

    alone = [timed(lambda p=panel: check_once([p], ProductContext()), runs)[0] for panel in panels(12)]  # type: ignore[misc]
    for k in (2, 6, 12):
        chosen = panels(k)
        wall, _ = timed(lambda c=chosen: check_once(c, ProductContext()), runs)  # type: ignore[misc]
        linear = sum(alone[:k])
        row(
            f"{k} panels in one label vs each panel alone",
            f"{wall / linear:.2f}x",
            "<= 1.2x (linear)",
            wall / linear <= 1.2,
        )


# -- cost --------------------------------------------------------------------------------------------------------


def cost(function_seconds_per_label: float) -> None:
    data = json.loads(PRICES.read_text(encoding="utf-8"))
    price = {key: value["usd"] for key, value in data["prices"].items()}
    per = data["per_label"]
    lines = {
        "function GiB-seconds": function_seconds_per_label * per["function_memory_gib"] * price["function_gib_second"],
        "function vCPU-seconds": function_seconds_per_label * per["function_vcpu"] * price["function_vcpu_second"],
        "function invocations": per["invocations"] * price["function_invocation"],
        "Workflows steps": per["workflow_steps"] * price["workflows_internal_step"],
        "Firestore reads and writes": per["firestore_reads"] * price["firestore_read"]
        + per["firestore_writes"] * price["firestore_write"],
        "Storage operations": per["storage_class_a_ops"] * price["storage_class_a_op"]
        + per["storage_class_b_ops"] * price["storage_class_b_op"],
    }
    text_total = sum(lines.values()) * 1000
    photo_pages = 2 * price["documentai_ocr_page"] * 1000
    llm = per["llm_calls_when_enabled"] * (
        per["llm_input_tokens_per_call"] * price["llm_input_token"]
        + per["llm_output_tokens_per_call"] * price["llm_output_token"]
    )
    unconfirmed = sorted(key for key, value in data["prices"].items() if not value.get("confirmed"))
    print(f"\nEstimated cloud cost per 1,000 labels (prices of {data['date']}, {PRICES.name}; before free tiers)")
    for name, usd in lines.items():
        row(name, f"${usd * 1000:.4f}", "", None)
    row("text labels, total", f"${text_total:.3f}", "printed", None)
    row("+ Document AI OCR, two-panel photo labels", f"${photo_pages:.2f}", "", None)
    row("+ LLM judge when enabled (3 calls a label)", f"${llm * 1000:.2f}", "", None)
    print(
        f"  function seconds per label: {function_seconds_per_label:.2f} s, a warm job's wall time through the local "
        "stack here (an upper bound: it includes the workflow's and the emulators' time)"
    )
    print(f"  prices not confirmed on their page in this lookup (check before budgeting): {', '.join(unconfirmed)}")


def section(run: Callable[[], None]) -> None:
    """One figure that cannot be measured (a tool missing, a step that failed) is said, and the others go on."""
    try:
        run()
    except Exception as exc:  # noqa: BLE001 - printed as the section's result; the bench goes on
        print(f"  NOT MEASURED: {type(exc).__name__}: {str(exc)[:300]}", flush=True)


SECTIONS = ["text", "process", "scale", "photo", "stack", "cold", "batch", "api", "cost"]


@contextmanager
def local_stack(work: Path) -> Iterator[Any]:
    from devstack.stack import LocalStack, StackConfig

    with LocalStack(StackConfig(log_dir=work / "logs")) as stack:
        yield stack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=200, help="labels for the local-stack throughput run")
    parser.add_argument("--no-stack", action="store_true", help="skip what needs the emulators")
    parser.add_argument("--no-photo", action="store_true", help="skip the OCR sections")
    parser.add_argument("--photo-only", action="store_true", help="the photo label section only (--only photo)")
    parser.add_argument("--api-calls", type=int, default=100, help="GETs per API read timed for its p95")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=SECTIONS,
        help="measure these sections only (default: all); e.g. --only stack cold api",
    )
    args = parser.parse_args(argv)
    only = {"photo"} if args.photo_only else set(args.only)
    import logging

    logging.disable(logging.WARNING)
    print(f"issue 13 goals; {load_text()}")
    with tempfile.TemporaryDirectory(prefix="labeliq-bench-") as tmp:
        work = Path(tmp)
        stack_seconds: float | None = None
        if "text" in only:
            text = text_in_process(args.runs)
            stack_seconds = text["checks_wall"] + text["docx_wall"]
        if "process" in only:
            section(lambda: process_vs_floor(args.runs, work))
        if "scale" in only:
            section(lambda: scale(args.runs))
        if not args.no_photo and "photo" in only:
            section(lambda: photo_labels(args.runs, work))
        if not args.no_stack and only & {"stack", "cold", "batch"}:
            with local_stack(work) as stack:
                stack_seconds = stack_vs_process(stack, args.runs, work)  # also the warm job the cold starts replay
                job_id = json.loads((work / "warm" / "report.json").read_text(encoding="utf-8"))["job_id"]
                if "cold" in only:
                    section(lambda: cold_starts(stack, job_id))
                if "batch" in only:
                    section(lambda: batch_through_stack(stack, args.batch, work))
        if not args.no_stack and "api" in only:
            section(lambda: api_reads(work, args.api_calls))
        if "cost" in only and stack_seconds is not None:
            cost(stack_seconds)
    print(f"\nend of run; {load_text()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
