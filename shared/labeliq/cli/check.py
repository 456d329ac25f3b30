"""`labeliq check INPUT... [--mode check|relabel] [--context FILE] [--out DIR] [--report-language en|fr]
[--fail-on VERDICT]`: check a label in this process (relabel mode: propose and check a Canadian sticker for a
foreign label, labeliq.relabel); photos given as panels are drawn into the Word report."""

from __future__ import annotations

import argparse
import logging
import sys
import types
import typing
from pathlib import Path

from pydantic import BaseModel

from labeliq.cli.exits import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, BadInput
from labeliq.config import Settings
from labeliq.docx_text import REPORT_LANGUAGES
from labeliq.intake import IMAGE_SUFFIXES, IMAGE_TYPES, TEXT_SUFFIXES, read_context_file
from labeliq.label_files import (
    LabelInputs,
    format_summary,
    load_inputs,
    new_job_id,
    panel_images,
    parse_inputs,
    write_report_files,
)
from labeliq.logging_setup import log_context
from labeliq.models import VERDICT_SEVERITY, ProductContext, Quantity, Verdict
from labeliq.pipeline import GroupJudge

if typing.TYPE_CHECKING:
    from labeliq.models import Report
    from labeliq.relabel.translate import Translator

DEFAULT_OUT = Path("labeliq-out")

logger = logging.getLogger("labeliq.cli")


def judge_from_env() -> GroupJudge:
    """The LLM judge as configured (labeliq.judge.judge_from_env): offline unless LABELIQ_LLM_ENABLED is set, so
    the questions only an LLM could settle are reported as needs_review instead of vanishing."""
    from labeliq.judge import LlmSettingsError
    from labeliq.judge import judge_from_env as configured_judge

    try:
        return configured_judge()
    except LlmSettingsError as exc:
        raise BadInput(str(exc)) from None


def relabel_translator() -> Translator:
    """Relabel mode's translator (labeliq.relabel.translate); unconfigured translation is bad input (exit 2)."""
    from labeliq.relabel.translate import TranslatorSettingsError, translator_from_env

    try:
        return translator_from_env()
    except TranslatorSettingsError as exc:
        raise BadInput(f"relabel mode: {exc}") from None


def relabel_job(
    inputs: LabelInputs, context: ProductContext, job_id: str, translator: Translator, judge: GroupJudge
) -> Report:
    """The sticker proposed for a foreign label, checked by our checkers; an unreadable label is bad input."""
    from labeliq.relabel.job import relabel_report
    from labeliq.relabel.vocabulary import UnreadableLabel

    try:
        return relabel_report(inputs.panels, context, job_id, translator, judge, inputs.photos)
    except UnreadableLabel as exc:
        raise BadInput(f"relabel mode: {exc}") from None


def _type_name(annotation: object) -> str:
    if annotation is Quantity:
        units = ", ".join(typing.get_args(Quantity.model_fields["unit"].annotation))
        return f'{{"value": number, "unit": {units}}}'
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):  # e.g. relabel's canadian_dealer
        fields = annotation.model_fields.items()
        return "{" + ", ".join(f'"{name}": {_type_name(field.annotation)}' for name, field in fields) + "}"
    if typing.get_origin(annotation) is list:  # e.g. cautionary_statements
        (item,) = typing.get_args(annotation)
        return f"[{_type_name(item)}, ...]"
    if typing.get_origin(annotation) is dict:
        key, value = typing.get_args(annotation)
        return f"{{{_type_name(key)}: {_type_name(value)}}}"
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return " or ".join(_type_name(a) for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is typing.Literal:
        return "one of " + ", ".join(str(v) for v in typing.get_args(annotation))
    names = {str: "text", int: "whole number", float: "number", bool: "true/false"}
    if annotation in names:
        return names[annotation]
    return getattr(annotation, "__name__", str(annotation)).replace("date", "YYYY-MM-DD")


def help_epilog() -> str:
    """The context keys, the panel types and the exit codes, as `labeliq check --help` shows them."""
    keys = "\n".join(f"  {name}: {_type_name(field.annotation)}" for name, field in ProductContext.model_fields.items())
    return (
        "panels:\n"
        f"  text: {' '.join(TEXT_SUFFIXES)} (UTF-8); images: {' '.join(IMAGE_SUFFIXES)} ({IMAGE_TYPES}, checked by\n"
        "  content, not by extension). A panel's role comes from its name: front* is the principal display\n"
        "  panel, bottom* the bottom; each panel needs its own name (case does not count).\n"
        "context file (--context): a JSON object; every key is optional (what the label cannot tell):\n"
        f"{keys}\n"
        "exit codes:\n"
        f"  {EXIT_OK}  the check ran (whatever the verdicts); report.json and report.docx are in --out\n"
        f"  {EXIT_INTERNAL}  internal error (details in the log), or --fail-on found a finding at or above it\n"
        f"  {EXIT_BAD_INPUT}  bad input: the message names the file and the problem\n"
        "verdicts: pass, fail, needs_review (a person must look: the label does not settle it, or a question\n"
        "only an LLM could answer was asked with no LLM configured), not_applicable."
    )


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from labeliq.pipeline import check_label

    out_dir: Path = args.out
    translator = relabel_translator() if args.mode == "relabel" else None  # refused before any work when unset
    context: ProductContext = read_context_file(args.context)
    inputs = load_inputs(args.inputs, settings)
    judge = judge_from_env()
    job_id = new_job_id()
    with log_context(job_id=job_id):
        panels = inputs.panels
        logger.info("checking %d panel(s)", len(panels), extra={"panels": [p.name for p in panels]})
        if translator is not None:
            report = relabel_job(inputs, context, job_id, translator, judge)
        else:
            report = check_label(parse_inputs(inputs), context, job_id, judge)
        json_path, docx_path = write_report_files(
            report,
            out_dir,
            settings.max_evidence_chars,
            language=args.report_language,
            images=panel_images(args.inputs, inputs),
        )
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


def add_check(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a label's panels and write report.json and report.docx",
        description="Check a label given as panel text files or images; write report.json and report.docx.",
        epilog=help_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="a panel: .txt or an image")
    parser.add_argument("--context", type=Path, metavar="FILE.json", help="what the label cannot tell (keys below)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="default: ./labeliq-out")
    parser.add_argument(
        "--mode",
        choices=["check", "relabel"],
        default="check",
        help="check: judge the label; relabel: propose a Canadian sticker for a foreign label (default: check)",
    )
    parser.add_argument(
        "--report-language",
        choices=list(REPORT_LANGUAGES),
        default="en",
        help="the language of report.docx's headings and texts: en or fr (default: en); report.json is the same",
    )
    parser.add_argument(
        "--fail-on",
        choices=[Verdict.FAIL.value, Verdict.NEEDS_REVIEW.value],
        default=None,
        help="exit 1 when any finding is this verdict or worse",
    )
    parser.set_defaults(command=cmd_check, log_dir=lambda args: args.out)
