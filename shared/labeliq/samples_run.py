"""`python -m labeliq.samples_run`: check every sample label in one process and say where the reports are.

The quick path behind `make run`: the same loading, pipeline and rendering as `labeliq check`, once per folder
of samples/, so a newcomer sees the whole tool work in a couple of seconds.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from labeliq.config import ConfigError, Settings, load_settings
from labeliq.intake import IMAGE_SUFFIXES, IntakeError, read_context_file
from labeliq.judge import LlmSettingsError, judge_from_env
from labeliq.label_files import LOG_NAME, load_inputs, new_job_id, panel_images, parse_inputs, write_report_files
from labeliq.logging_setup import configure_logging, log_context
from labeliq.models import Report, Verdict
from labeliq.pipeline import check_label

logger = logging.getLogger("labeliq.samples_run")


@dataclass(frozen=True)
class SampleOutcome:
    name: str
    report: Report | None
    problem: str | None = None


def sample_inputs(folder: Path) -> list[Path]:
    """The panel files of one sample: its text panels, or its images when it has no text."""
    texts = sorted(folder.glob("*.txt"))
    if texts:
        return texts
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)


def check_sample(folder: Path, out_dir: Path, settings: Settings) -> SampleOutcome:
    context_file = folder / "context.json"
    try:
        context = read_context_file(context_file if context_file.exists() else None)
        inputs = load_inputs(sample_inputs(folder), settings)
        judge = judge_from_env()
    except (IntakeError, LlmSettingsError) as exc:
        return SampleOutcome(folder.name, None, str(exc))
    if not inputs.panels:
        return SampleOutcome(folder.name, None, "no panel files")
    job_id = new_job_id()
    with log_context(job_id=job_id):
        report = check_label(parse_inputs(inputs), context, job_id, judge)
        sample_out = out_dir / folder.name
        sample_out.mkdir(parents=True, exist_ok=True)
        images = panel_images(sample_inputs(folder), inputs)
        write_report_files(report, sample_out, settings.max_evidence_chars, images=images)
        logger.info("sample %s checked", folder.name, extra={"verdict": report.summary.verdict.value})
    return SampleOutcome(folder.name, report)


def format_table(outcomes: Sequence[SampleOutcome]) -> str:
    headers = ("sample", "overall", "fail", "review", "pass", "n/a", "failing rules")
    rows: list[tuple[str, ...]] = []
    for outcome in outcomes:
        if outcome.report is None:
            rows.append((outcome.name, "refused", "", "", "", "", outcome.problem or ""))
            continue
        summary = outcome.report.summary
        counts = summary.counts
        rows.append(
            (
                outcome.name,
                summary.verdict.value,
                str(counts.get(Verdict.FAIL, 0)),
                str(counts.get(Verdict.NEEDS_REVIEW, 0)),
                str(counts.get(Verdict.PASS, 0)),
                str(counts.get(Verdict.NOT_APPLICABLE, 0)),
                ", ".join(summary.failing_rules) or "none",
            )
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m labeliq.samples_run", description=__doc__)
    parser.add_argument("--samples", type=Path, default=Path("samples"))
    parser.add_argument("--out", type=Path, default=Path("labeliq-out"))
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"samples_run: configuration error: {exc}", file=sys.stderr)
        return 2
    folders = sorted(p for p in args.samples.iterdir() if p.is_dir()) if args.samples.is_dir() else []
    if not folders:
        print(f"samples_run: no sample folders in {args.samples}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / LOG_NAME).open("a", encoding="utf-8") as log_stream:
        handler = configure_logging(settings.log_level, log_stream)
        try:
            outcomes = [check_sample(folder, args.out, settings) for folder in folders]
        except Exception as exc:  # the one-line message here, the traceback in the log
            logger.exception("samples run failed")
            print(f"samples_run: internal error: {type(exc).__name__}: {exc} (details in {args.out / LOG_NAME})")
            return 1
        finally:
            logging.getLogger().removeHandler(handler)
    print(format_table(outcomes))
    print(f"\nreports: {args.out}/<sample>/report.json and report.docx")
    for outcome in outcomes:
        if outcome.report is not None:
            print(f"  {args.out / outcome.name / 'report.docx'}")
    return 0 if all(o.report is not None for o in outcomes) else 2


if __name__ == "__main__":
    sys.exit(main())
