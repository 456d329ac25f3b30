"""`labeliq submit PANEL... [--context FILE]`: send one job to a running local stack and fetch its report.

The stack is the one `python -m devstack.stack --serve` keeps up; its addresses are in
labeliq-out/stack/stack.json. The panels are uploaded as they are (the extract function reads them, as in the
cloud), then the manifest, and the workflow runs on that upload's event. `labeliq check` stays the in-process path.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from labeliq.config import Settings

DEFAULT_STACK_FILE = Path("labeliq-out/stack/stack.json")
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _panel_files(paths: list[Path]) -> dict[str, bytes]:
    from labeliq.cli import IMAGE_SUFFIXES, TEXT_SUFFIXES, BadInput

    panels: dict[str, bytes] = {}
    stems: dict[str, Path] = {}
    for path in paths:
        if path.suffix.lower() not in TEXT_SUFFIXES + IMAGE_SUFFIXES:
            allowed = " ".join(TEXT_SUFFIXES + IMAGE_SUFFIXES)
            raise BadInput(f"{path}: unsupported file type '{path.suffix or '(none)'}'; expected one of {allowed}")
        if not path.is_file():
            raise BadInput(f"{path}: no such file")
        key = path.stem.casefold()
        if key in stems or path.name == "job.json":
            raise BadInput(f"{path}: panel name '{path.stem}' is already used; each panel needs its own name")
        stems[key] = path
        panels[path.name] = path.read_bytes()
    return panels


def cmd_submit(args: argparse.Namespace, settings: Settings) -> int:
    from devstack.stack_client import StackClient, new_job_id
    from devstack.workflow_runner import WorkflowError
    from labeliq.cli import BadInput, load_context
    from labeliq.models import JOB_ID_PATTERN

    stack_file: Path = args.stack
    if not stack_file.exists():
        raise BadInput(
            f"no local stack is running ({stack_file} not found); start one with "
            "`python -m devstack.stack --serve` and keep it open"
        )
    if len(args.panels) > settings.max_panels:
        raise BadInput(f"{len(args.panels)} panels given; at most {settings.max_panels} (LABELIQ_MAX_PANELS)")
    context = load_context(args.context)
    panels = _panel_files(args.panels)
    client = StackClient.load(stack_file)
    client.activate()
    job_id = args.job_id or new_job_id(args.panels[0].stem)
    if not re.match(JOB_ID_PATTERN, job_id):
        raise BadInput(
            f"--job-id {job_id!r}: letters, digits, '-' and '_' only, at most 64, starting with a letter or digit"
        )
    event = client.upload_job(job_id, panels, context.model_dump(mode="json", exclude_none=True))
    print(f"job {job_id}: uploaded {len(panels)} panel(s) and the manifest; running the workflow...", flush=True)
    try:
        result = client.run_workflow(event)
    except WorkflowError as exc:
        error = exc.error
        message = error.get("message") if isinstance(error, dict) else error
        print(f"job {job_id}: FAILED: {message}")
        return EXIT_FAILED
    out_dir: Path = args.out / job_id
    files = client.download_outputs(result, out_dir)
    status = result.get("status") if isinstance(result, dict) else result
    print(f"job {job_id}: {status}")
    for path in files:
        print(f"    {path}")
    return EXIT_OK if files else EXIT_FAILED


def add_submit(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "submit",
        help="send a label's panels to the running local serverless stack and download its report",
        description="Upload panels and a manifest to the local stack, run the workflow, download the report.",
    )
    parser.add_argument("panels", nargs="+", type=Path, metavar="PANEL", help="a panel: .txt or an image")
    parser.add_argument("--context", type=Path, metavar="FILE.json", help="what the label cannot tell")
    parser.add_argument(
        "--stack", type=Path, default=DEFAULT_STACK_FILE, metavar="FILE", help=f"default: {DEFAULT_STACK_FILE}"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("labeliq-out/submit"), metavar="DIR", help="reports go to DIR/JOB_ID/"
    )
    parser.add_argument("--job-id", default=None, help="default: the first panel's name and a random suffix")
    parser.set_defaults(command=cmd_submit, log_dir=lambda args: args.out)
