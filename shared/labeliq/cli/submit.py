"""`labeliq submit PANEL... [--context FILE] [--mode check|relabel] [--report-language en|fr]`: send one job to a
running local stack and fetch its report (mode and report language go in the job's manifest, as the API writes
the user's choices).

The stack is the one `make serve` (`python -m devstack.stack --serve`) keeps up; its addresses are in
labeliq-out/stack/stack.json. The panels are uploaded as they are (the extract function reads them, as in the
cloud), then the manifest, and the workflow runs on that upload's event. `labeliq check` stays the in-process path.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from labeliq.cli.exits import EXIT_FAILED, EXIT_OK, BadInput
from labeliq.config import Settings
from labeliq.docx_text import REPORT_LANGUAGES
from labeliq.intake import (
    IMAGE_SUFFIXES,
    TEXT_SUFFIXES,
    IntakeLimits,
    check_image,
    check_panel_files,
    check_panel_name,
    read_context_file,
    read_panel_file,
    text_panel,
)
from labeliq.models import JOB_ID_PATTERN

if TYPE_CHECKING:
    from devstack.stack_client import StackClient

DEFAULT_STACK_FILE = Path("labeliq-out/stack/stack.json")
JOB_ID = re.compile(JOB_ID_PATTERN)
START_ONE = "start one with `make serve` (python -m devstack.stack --serve) and keep it open"


def _panel_files(paths: list[Path], settings: Settings) -> dict[str, bytes]:
    """The panels as `labeliq check` takes them in (names, types, sizes, content), before anything is uploaded."""
    limits = IntakeLimits.from_settings(settings)
    kinds = check_panel_files(paths, limits)
    panels: dict[str, bytes] = {}
    for path, kind in zip(paths, kinds, strict=True):
        check_panel_name(path.name)
        data = read_panel_file(path, kind, limits)
        if kind == "text":
            text_panel(str(path), data)
        else:
            check_image(path.name, data, limits, where=str(path))
        panels[path.name] = data
    return panels


def _job_id(given: str | None, first_panel: Path) -> str:
    from devstack.stack_client import new_job_id

    job_id = given or new_job_id(first_panel.stem)
    # fullmatch: `$` would also match before a final newline, and 'x\n' would pass.
    if JOB_ID.fullmatch(job_id) is None:
        raise BadInput(
            f"--job-id {job_id!r}: letters, digits, '-' and '_' only, at most 64, starting with a letter or digit"
        )
    return job_id


def _upload(
    client: StackClient, job_id: str, panels: dict[str, bytes], context: dict[str, Any], args: argparse.Namespace
) -> dict[str, Any]:
    """Create-only: a job id already used for another label is refused (exit 2) and nothing stored changes."""
    from devstack.stack_client import JobExistsError

    try:
        return client.upload_job_once(job_id, panels, context, mode=args.mode, report_language=args.report_language)
    except JobExistsError as exc:
        raise BadInput(f"--job-id {job_id}: {exc}") from None


def _stack_client(stack_file: Path) -> StackClient:
    """The running stack that stack_file names; a left-over file of a stopped stack is refused at once."""
    from devstack.stack_client import StackClient, StackFileError

    if not stack_file.exists():
        raise BadInput(f"no local stack is running ({stack_file} not found); {START_ONE}")
    try:
        client = StackClient.load(stack_file)
    except StackFileError as exc:
        raise BadInput(f"{stack_file}: {exc}; {START_ONE}") from None
    silent = client.unreachable(timeout_s=2.0)
    if silent:
        raise BadInput(
            f"no local stack is running: nothing answers at {silent} ({stack_file} is left from a stack that has "
            f"stopped); {START_ONE}"
        )
    return client


def cmd_submit(args: argparse.Namespace, settings: Settings) -> int:
    try:
        from devstack.workflow_runner import WorkflowError
    except ModuleNotFoundError:
        raise BadInput(
            "labeliq submit needs the development stack: pip install -e devstack (make .venv/.installed does)"
        ) from None

    if all(path.is_dir() for path in args.panels):  # a label folder, or a folder of label folders
        return _submit_folders(args, _stack_client(args.stack), settings)
    context = read_context_file(args.context)
    panels = _panel_files(args.panels, settings)
    job_id = _job_id(args.job_id, args.panels[0])
    client = _stack_client(args.stack)
    client.activate()
    event = _upload(client, job_id, panels, context.model_dump(mode="json", exclude_none=True), args)
    print(f"job {job_id}: uploaded {len(panels)} panel(s) and the manifest; running the workflow...", flush=True)
    try:
        result = client.run_workflow(event)
    except WorkflowError as exc:
        error = exc.error
        message = error.get("message") if isinstance(error, dict) else error
        if isinstance(error, dict) and "JobExists" in (error.get("tags") or []):
            raise BadInput(f"--job-id {job_id}: {message}") from None  # the workflow's 409 job_exists
        print(f"job {job_id}: FAILED: {message}")
        return EXIT_FAILED
    out_dir: Path = args.out / job_id
    files = client.download_outputs(result, out_dir)
    status = result.get("status") if isinstance(result, dict) else result
    print(f"job {job_id}: {status}")
    for path in files:
        print(f"    {path}")
    not_run = _checkers_not_run(files)
    if not_run:
        # A report some checkers are missing from is not a verdict on the whole label: say so, and exit non-zero.
        names = ", ".join(not_run)
        print(f"job {job_id}: {len(not_run)} checker(s) could not run, so the report is incomplete: {names}")
    return EXIT_OK if files and status == "DONE" and not not_run else EXIT_FAILED


def _checkers_not_run(files: list[Path]) -> list[str]:
    """The checkers the downloaded report.json lists as could-not-run (summary.checker_errors)."""
    from labeliq.models import Report

    report = next((path for path in files if path.name == "report.json"), None)
    if report is None:
        return []
    return list(Report.model_validate_json(report.read_bytes()).summary.checker_errors)


def _submit_folders(args: argparse.Namespace, client: StackClient, settings: Settings) -> int:
    from labeliq.submit_batch import BatchInputError, stack_runner, submit_folders

    client.activate()
    try:
        outcomes = submit_folders(
            args.panels,
            stack_runner(client, args.out, mode=args.mode, report_language=args.report_language),
            suffixes=TEXT_SUFFIXES + IMAGE_SUFFIXES,
            limits=IntakeLimits.from_settings(settings),
            workers=args.workers,
            out=sys.stdout,
        )
    except BatchInputError as exc:
        raise BadInput(str(exc)) from None
    return EXIT_OK if all(outcome.ok for outcome in outcomes) else EXIT_FAILED


def add_submit(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "submit",
        help="send a label's panels to the running local serverless stack and download its report",
        description="Upload panels and a manifest to the local stack, run the workflow, download the report.",
    )
    parser.add_argument(
        "panels", nargs="+", type=Path, metavar="PANEL", help="a panel (.txt or an image), or label folders"
    )
    parser.add_argument("--context", type=Path, metavar="FILE.json", help="what the label cannot tell")
    parser.add_argument(
        "--stack", type=Path, default=DEFAULT_STACK_FILE, metavar="FILE", help=f"default: {DEFAULT_STACK_FILE}"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("labeliq-out/submit"), metavar="DIR", help="reports go to DIR/JOB_ID/"
    )
    parser.add_argument(
        "--mode",
        choices=["check", "relabel"],
        default="check",
        help="check: judge the label; relabel: propose a Canadian sticker for a foreign label (default: check); "
        "sent in the job's manifest as the API's mode is",
    )
    parser.add_argument(
        "--report-language",
        choices=list(REPORT_LANGUAGES),
        default="en",
        help="the language of the report.docx the workflow writes: en or fr (default: en); stored with the job",
    )
    parser.add_argument("--job-id", default=None, help="default: the first panel's name and a random suffix")
    parser.add_argument("--workers", type=int, default=4, help="labels run at once when given folders (default 4)")
    parser.set_defaults(command=cmd_submit, log_dir=lambda args: args.out)
