"""A label given as files on disk, end to end: take its panels in, read its facts, write its report files.

`labeliq check`, `python -m labeliq.samples_run`, the evaluation and the benchmarks all go through here, so they
read a label exactly alike; the panel rules themselves are labeliq.intake's, shared with the cloud.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from labeliq.intake import (
    IntakeLimits,
    check_panel_files,
    check_unique,
    image_photos,
    read_panel_file,
    text_panel,
)
from labeliq.models import LabelFacts, Panel, Report, Verdict

if TYPE_CHECKING:
    from labeliq.config import Settings
    from labeliq.docx_text import ReportLanguage
    from labeliq.extraction.images import PhotoPanel

LOG_NAME = "labeliq.log"


@dataclass(frozen=True)
class LabelInputs:
    """A label's panels as given: text panels as they are, photo panels with the OCR boxes behind their text."""

    text_panels: list[Panel]
    photos: list[PhotoPanel]

    @property
    def panels(self) -> list[Panel]:
        return [*self.text_panels, *(photo.panel for photo in self.photos)]


def load_inputs(paths: Sequence[Path], settings: Settings) -> LabelInputs:
    """Every panel file, checked (names, types, sizes) before any is read; raises labeliq.intake.IntakeError."""
    limits = IntakeLimits.from_settings(settings)
    kinds = check_panel_files(list(paths), limits)
    text_panels: list[Panel] = []
    photos: list[PhotoPanel] = []
    for path, kind in zip(paths, kinds, strict=True):
        data = read_panel_file(path, kind, limits)
        if kind == "text":
            text_panels.append(text_panel(str(path), data))
        else:
            photos.extend(image_photos(path.name, data, limits, where=str(path)))
    check_unique([p.name for p in text_panels] + [photo.panel.name for photo in photos], are_stems=True)
    return LabelInputs(text_panels, photos)


def load_panels(paths: Sequence[Path], settings: Settings) -> list[Panel]:
    """The panels alone (text panels first), for callers that parse them as plain text."""
    return load_inputs(paths, settings).panels


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


def panel_images(paths: Sequence[Path], inputs: LabelInputs) -> dict[str, bytes]:
    """Panel name -> the image it was read from, for the report's thumbnails and crops: a photo's bytes (a panel
    split from a wide photo shares the photo; its boxes are in the photo's pixels), a PDF panel's page rendered as
    the OCR read it. The files already passed intake, so their sizes are bounded."""
    from labeliq.docx_images import picture_bytes

    by_name = {path.name: path for path in paths}
    sources = {p.panel.name: p.panel.image_uri for p in inputs.photos if p.panel.image_uri in by_name}
    files = {name: by_name[name].read_bytes() for name in sorted(set(sources.values()))}
    return picture_bytes(sources, files)


def write_report_files(
    report: Report,
    out_dir: Path,
    max_evidence_chars: int,
    *,
    language: ReportLanguage = "en",
    images: Mapping[str, bytes] | None = None,
) -> tuple[Path, Path]:
    from labeliq.docx_report import render_docx
    from labeliq.report import report_json

    # Render both before writing either, so a rendering failure never leaves a new JSON beside an old DOCX.
    json_bytes = report_json(report).encode("utf-8")
    docx_bytes = render_docx(report, max_evidence_chars, language=language, panel_images=images)
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
    return "\n".join(lines)


def new_job_id(now: dt.datetime | None = None) -> str:
    moment = now or dt.datetime.now(dt.UTC)
    return f"cli-{moment:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
