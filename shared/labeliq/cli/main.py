"""`labeliq`: the command line, a thin shell over the pure pipeline.

Exit codes are a contract other tools rely on: 0 the check ran (whatever the verdicts), 2 bad input (the
message names the file and the problem), 1 an internal error (one line here, the traceback in the log), and
with `--fail-on fail` also 1 when a finding fails. A subcommand is one `cmd_<name>(args, settings) -> int` and
one `_add_<name>(subparsers)` registered in SUBCOMMANDS (`submit` lives in cli_submit.py, beside the local stack);
it sets the defaults `command` and `log_dir` (the folder for labeliq.log, or None for stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import logging
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pydantic import ValidationError

from labeliq.config import ConfigError, Settings, load_settings
from labeliq.logging_setup import configure_logging, log_context
from labeliq.models import (
    VERDICT_SEVERITY,
    LabelFacts,
    Panel,
    ProductContext,
    Report,
    Verdict,
)
from labeliq.pipeline import GroupJudge

if TYPE_CHECKING:
    from labeliq.extraction.images import PhotoPanel
    from labeliq.llm import LlmClient

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

TEXT_SUFFIXES = (".txt",)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".pdf")
DEFAULT_OUT = Path("labeliq-out")
LOG_NAME = "labeliq.log"

logger = logging.getLogger("labeliq.cli")

Command = Callable[[argparse.Namespace, Settings], int]


class BadInput(ValueError):
    """The user's input is wrong; the message names the file and the problem (exit 2)."""


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def _panel_roles(stem: str) -> dict[str, object]:
    lowered = stem.lower()
    return {
        "name": stem,
        "is_principal_display": lowered.startswith("front"),
        "is_bottom": lowered.startswith("bottom"),
    }


def make_panel(stem: str, text: str) -> Panel:
    """A text panel named by its file stem: `front*` is the principal display panel, `bottom*` the bottom."""
    return Panel(name=stem, text=text).model_copy(update=_panel_roles(stem))


def panel_from_text(path: Path, max_bytes: int) -> Panel:
    size = path.stat().st_size
    if size > max_bytes:
        raise BadInput(f"{path}: {size} bytes is larger than the {max_bytes}-byte limit for a text panel")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise BadInput(f"{path}: contains NUL bytes; a .txt panel must be plain text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: is not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise BadInput(f"{path}: is empty")
    return make_panel(path.stem, text)


def _missing_ocr(path: Path, exc: ModuleNotFoundError) -> BadInput:
    if exc.name == "labeliq.extraction.images":
        return BadInput(
            f"{path}: image panels are not supported by this build (no image extraction yet); "
            "give the panel's text as a .txt file instead"
        )
    return BadInput(
        f"{path}: reading images needs the package '{exc.name}', which is not installed; "
        "install the OCR extra (pip install -e 'shared[ocr]') or give the panel's text as a .txt file"
    )


def photos_from_image(path: Path, settings: Settings) -> list[PhotoPanel]:
    """Delegate to image extraction (issue 5); a PDF may give several panels. Refuse clearly when it is absent.

    The photo panels keep the OCR boxes of every text line, so the facts (and the findings) read from them can say
    where on the photo they are.
    """
    try:
        images = importlib.import_module("labeliq.extraction.images")
        from labeliq.extraction.image_intake import ImageLimits, ImageRejected
    except ModuleNotFoundError as exc:
        raise _missing_ocr(path, exc) from None
    limits = ImageLimits(max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels)
    try:
        extracted: list[PhotoPanel] = images.read_photo_panels(path.name, path.read_bytes(), limits=limits)
    except ModuleNotFoundError as exc:
        raise _missing_ocr(path, exc) from None
    except ImageRejected as exc:
        raise BadInput(f"{path}: {exc.reason}") from None
    except (ValueError, OSError) as exc:
        raise BadInput(f"{path}: {exc}") from None
    return extracted


@dataclass(frozen=True)
class LabelInputs:
    """A label's panels as given: text panels as they are, photo panels with the OCR boxes behind their text."""

    text_panels: list[Panel]
    photos: list[PhotoPanel]

    @property
    def panels(self) -> list[Panel]:
        return [*self.text_panels, *(photo.panel for photo in self.photos)]


def load_inputs(paths: Sequence[Path], settings: Settings) -> LabelInputs:
    if len(paths) > settings.max_panels:
        raise BadInput(f"{len(paths)} panels given; at most {settings.max_panels} (LABELIQ_MAX_PANELS)")
    seen: dict[str, Path] = {}
    text_panels: list[Panel] = []
    photos: list[PhotoPanel] = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES + IMAGE_SUFFIXES:
            allowed = " ".join(TEXT_SUFFIXES + IMAGE_SUFFIXES)
            raise BadInput(f"{path}: unsupported file type '{path.suffix or '(none)'}'; expected one of {allowed}")
        if not path.exists():
            raise BadInput(f"{path}: no such file")
        if not path.is_file():
            raise BadInput(f"{path}: is not a file")
        if path.stat().st_size == 0:
            raise BadInput(f"{path}: is empty")
        key = path.stem.casefold()
        if key in seen:
            raise BadInput(
                f"{path}: panel name '{path.stem}' is also given by {seen[key]}; each panel needs its own name"
            )
        seen[key] = path
        if suffix in TEXT_SUFFIXES:
            text_panels.append(panel_from_text(path, settings.max_text_panel_bytes))
        else:
            photos.extend(photos_from_image(path, settings))
    return LabelInputs(text_panels, photos)


def load_panels(paths: Sequence[Path], settings: Settings) -> list[Panel]:
    """The panels alone (text panels first), for callers that parse them as plain text."""
    return load_inputs(paths, settings).panels


def _context_error(path: Path, error: ValidationError) -> str:
    allowed = ", ".join(ProductContext.model_fields)
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"unknown key '{where}' (allowed: {allowed})")
        elif item["loc"] and item["loc"][0] == "date":
            problems.append(f"'{where}': {item['msg']} (expected YYYY-MM-DD)")
        else:
            problems.append(f"'{where}': {item['msg']}")
    return f"{path}: invalid context: " + "; ".join(problems)


def load_context(path: Path | None) -> ProductContext:
    if path is None:
        return ProductContext()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInput(f"{path}: no such context file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot read the context file: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict):
        raise BadInput(f"{path}: the context must be a JSON object, got {type(data).__name__}")
    try:
        return ProductContext.model_validate(data)
    except ValidationError as exc:
        raise BadInput(_context_error(path, exc)) from None


def parse_panels(panels: list[Panel]) -> LabelFacts:
    from labeliq.extraction.text_parser import parse_label  # the parser is the heaviest import; load on use

    facts: LabelFacts = parse_label(panels)
    return facts


def parse_inputs(inputs: LabelInputs) -> LabelFacts:
    """The label's facts; a fact read from a photo carries its box and OCR confidence (photo_facts)."""
    if not inputs.photos:
        return parse_panels(inputs.text_panels)
    from labeliq.extraction.photo_facts import facts_from_panels

    return facts_from_panels(inputs.photos, inputs.text_panels)


def llm_judge(client: LlmClient | None) -> GroupJudge:
    """The judge bound to a client (labeliq.judge.build_judge); with None it files each question as needs_review."""
    from labeliq.judge import build_judge

    return build_judge(client)


def judge_from_env() -> GroupJudge:
    """The LLM judge as configured (labeliq.judge.judge_from_env): offline unless LABELIQ_LLM_ENABLED is set, so
    the questions only an LLM could settle are reported as needs_review instead of vanishing."""
    from labeliq.judge import LlmSettingsError
    from labeliq.judge import judge_from_env as configured_judge

    try:
        return configured_judge()
    except LlmSettingsError as exc:
        raise BadInput(str(exc)) from None


# ---------------------------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------------------------


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a failure leaves the previous file whole."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
        temp = Path(handle.name)
        try:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            # Temporary files are private (0600); the report keeps the mode of the file it replaces.
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        except BaseException:
            handle.close()
            temp.unlink(missing_ok=True)
            raise
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_report_files(report: Report, out_dir: Path, max_evidence_chars: int) -> tuple[Path, Path]:
    from labeliq.docx_report import render_docx
    from labeliq.report import report_json

    # Render both before writing either, so a rendering failure never leaves a new JSON beside an old DOCX.
    json_bytes = report_json(report).encode("utf-8")
    docx_bytes = render_docx(report, max_evidence_chars)
    json_path, docx_path = out_dir / "report.json", out_dir / "report.docx"
    write_atomically(json_path, json_bytes)
    write_atomically(docx_path, docx_bytes)
    return json_path, docx_path


def format_summary(report: Report) -> str:
    summary = report.summary
    counts = ", ".join(f"{v.value} {summary.counts.get(v, 0)}" for v in Verdict)
    lines = [
        f"{report.product} (judged {report.judged_on.isoformat()})",
        f"overall: {summary.verdict.value}; findings: {counts}",
        "failing rules: " + (", ".join(summary.failing_rules) or "none"),
    ]
    if summary.checker_errors:
        lines.append("could not run: " + ", ".join(summary.checker_errors))
    if summary.not_built:
        lines.append("not built: " + ", ".join(summary.not_built))
    return "\n".join(lines)


def new_job_id(now: dt.datetime | None = None) -> str:
    moment = now or dt.datetime.now(dt.UTC)
    return f"cli-{moment:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"


# ---------------------------------------------------------------------------------------------
# Subcommands
# ---------------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from labeliq.pipeline import check_label

    out_dir: Path = args.out
    context = load_context(args.context)
    inputs = load_inputs(args.inputs, settings)
    judge = judge_from_env()
    job_id = new_job_id()
    with log_context(job_id=job_id):
        panels = inputs.panels
        logger.info("checking %d panel(s)", len(panels), extra={"panels": [p.name for p in panels]})
        facts = parse_inputs(inputs)
        report = check_label(facts, context, job_id, judge)
        json_path, docx_path = write_report_files(report, out_dir, settings.max_evidence_chars)
        logger.info("report written", extra={"report": str(json_path), "verdict": report.summary.verdict.value})
    print(format_summary(report))
    print(f"report: {json_path}\n        {docx_path}")
    if args.fail_on is not None:
        threshold = VERDICT_SEVERITY[Verdict(args.fail_on)]
        hits = sum(n for v, n in report.summary.counts.items() if VERDICT_SEVERITY[v] >= threshold)
        if hits:
            print(f"labeliq: --fail-on {args.fail_on}: {hits} finding(s) at or above it", file=sys.stderr)
            return EXIT_INTERNAL
    return EXIT_OK


def _add_check(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a label's panels and write report.json and report.docx",
        description="Check a label given as panel text files (or images, when image extraction is installed).",
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="a panel: .txt or an image")
    parser.add_argument("--context", type=Path, metavar="FILE.json", help="what the label cannot tell")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="default: ./labeliq-out")
    parser.add_argument(
        "--fail-on",
        choices=[Verdict.FAIL.value, Verdict.NEEDS_REVIEW.value],
        default=None,
        help="exit 1 when any finding is this verdict or worse",
    )
    parser.set_defaults(command=cmd_check, log_dir=lambda args: args.out)


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    from labeliq.report import report_schema_json

    text = report_schema_json()
    if args.check is not None:
        current = args.check.read_text(encoding="utf-8") if args.check.exists() else ""
        if current != text:
            print(f"{args.check} is out of date: run `labeliq schema --out {args.check}`", file=sys.stderr)
            return EXIT_INTERNAL
        return EXIT_OK
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.out, text.encode("utf-8"))
        print(f"schema written to {args.out}")
    return EXIT_OK


def _add_schema(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("schema", help="print or write the JSON Schema of report.json")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, metavar="FILE", help="write the schema to FILE instead of stdout")
    target.add_argument("--check", type=Path, metavar="FILE", help="exit 1 if FILE differs from the current schema")
    parser.set_defaults(command=cmd_schema, log_dir=lambda args: None)


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [_add_check, _add_schema]
SUBCOMMANDS.append(importlib.import_module("labeliq.cli_submit").add_submit)  # `labeliq submit`: the local stack


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="labeliq", description="Check Canadian food labels against the SFCR and FDR.")
    subparsers = parser.add_subparsers(dest="subcommand", required=True, metavar="COMMAND")
    for register in SUBCOMMANDS:
        register(subparsers)
    return parser


@contextmanager
def _logging_to(log_dir: Path | None, level: str) -> Iterator[Path | None]:
    """JSON log lines go to DIR/labeliq.log, so the terminal shows only the summary and one-line errors."""
    if log_dir is None:
        configure_logging(level, sys.stderr)
        yield None
        return
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        stream: IO[str] = (log_dir / LOG_NAME).open("a", encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{log_dir}: cannot write to the output folder: {exc.strerror or exc}") from None
    handler = configure_logging(level, stream)
    try:
        yield log_dir / LOG_NAME
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        stream.close()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"labeliq: configuration error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    args = build_parser().parse_args(argv)
    command: Command = args.command
    log_path: Path | None = None
    try:
        with _logging_to(args.log_dir(args), settings.log_level) as log_path:
            try:
                return command(args, settings)
            except BadInput as exc:
                logger.warning("bad input: %s", exc)
                print(f"labeliq: error: {exc}", file=sys.stderr)
                return EXIT_BAD_INPUT
            except Exception as exc:  # the CLI's last line: the traceback goes to the log
                logger.exception("internal error")
                where = f" (details in {log_path})" if log_path else ""
                print(f"labeliq: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
                return EXIT_INTERNAL
    except BadInput as exc:  # the output folder itself is unusable
        print(f"labeliq: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
