"""The Word report as printed: LibreOffice converts it to PDF, poppler reads the pages back as text, images and PNG.

The samples are checked by the real parser and checkers; LibreOffice runs once for the whole module (it is slow)
on every document at once. Skipped where LibreOffice or poppler is not installed (.ci/run installs both); the
structure tests in test_docx.py run everywhere. With LABELIQ_SCREENSHOTS_DIR set (make screenshots), page 1 of the
crackers report is saved there as PNG (docs/screenshots/report-docx-crackers-page1.png).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from labeliq.config import load_settings
from labeliq.docx_report import render_docx
from labeliq.docx_rules import RuleGroup, effective, layout
from labeliq.intake import read_context_file
from labeliq.label_files import load_panels, parse_panels
from labeliq.models import BoundingBox, LabelFacts, Panel, Provenance, Report, Verdict, iter_models
from labeliq.pipeline import check_label

SOFFICE, PDFTOTEXT, PDFIMAGES, PDFTOPPM = (shutil.which(t) for t in ("soffice", "pdftotext", "pdfimages", "pdftoppm"))
pytestmark = pytest.mark.skipif(
    None in (SOFFICE, PDFTOTEXT, PDFIMAGES, PDFTOPPM),
    reason="needs LibreOffice (soffice) and poppler (pdftotext, pdfimages, pdftoppm): .ci/run installs them",
)
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LINE_PX, MARGIN_PX = 30, 24
RULE_CHARS_ON_ONE_LINE = 12  # labeliq.docx_findings.RULE_ID_FITS: a longer id may wrap at its dots


def _sample_report(name: str, photo: bool = False) -> tuple[Report, dict[str, bytes]]:
    folder = SAMPLES / name
    panels = load_panels(sorted(folder.glob("*.txt")), load_settings())
    images: dict[str, bytes] = {}
    if photo:
        panels, images = _as_photos(panels)
    facts = parse_panels(panels)
    if photo:
        facts = _boxed(facts)
    report = check_label(facts, read_context_file(folder / "context.json"), f"pages-{name}")
    return _with_fixes(report), images


def _with_fixes(report: Report) -> Report:
    """Every fail with a fix and every question with its question, as the checkers write them (issue 15); kept
    where a checker already wrote one."""
    for result in report.results.values():
        for finding in result.findings:
            if finding.verdict == Verdict.FAIL and not finding.fix:
                finding.fix = f"Change the label so that rule {finding.rule} holds: {finding.citation}."
            if finding.verdict == Verdict.NEEDS_REVIEW and not finding.question:
                finding.question = f"Does the package meet rule {finding.rule}?"
    return report


def _as_photos(panels: list[Panel]) -> tuple[list[Panel], dict[str, bytes]]:
    """Each text panel printed as a photo (one line of type per text line), as the OCR would have read it."""
    font = ImageFont.load_default(size=20)
    out, images = [], {}
    for panel in panels:
        lines = panel.text.splitlines()
        width = 1100
        height = 2 * MARGIN_PX + LINE_PX * max(1, len(lines))
        image = Image.new("RGB", (width, height), (250, 246, 232))
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(lines):
            draw.text((MARGIN_PX, MARGIN_PX + index * LINE_PX), line, fill=(20, 20, 20), font=font)
        path = f"{panel.name}.jpg"
        encoded = _jpeg(image)
        images[panel.name] = encoded
        out.append(panel.model_copy(update={"image_uri": path, "width_px": width, "height_px": height}))
    return out, images


def _jpeg(image: Image.Image) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _boxed(facts: LabelFacts) -> LabelFacts:
    """Each fact with the box of its lines on the panel's photo (what photo_facts does from the OCR boxes)."""
    boxed = facts.model_copy(deep=True)
    for model in iter_models(boxed):
        source = getattr(model, "source", None)
        if isinstance(source, Provenance) and source.line_start is not None:
            end = source.line_end if source.line_end is not None else source.line_start
            top = MARGIN_PX + source.line_start * LINE_PX - 3
            source.bbox = BoundingBox(x0=MARGIN_PX - 4, y0=top, x1=900, y1=MARGIN_PX + (end + 1) * LINE_PX)
    return boxed


@dataclass(frozen=True)
class Printed:
    report: Report
    pages: list[str]  # the text of each page
    images: int  # pictures in the PDF
    png: Path  # page 1


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("pages")
    crackers, _ = _sample_report("crackers-date-allergen-faults")
    soup, _ = _sample_report("soup-nutrition-faults")
    photo, images = _sample_report("crackers-date-allergen-faults", photo=True)
    jobs = {
        "crackers": (crackers, render_docx(crackers)),
        "crackers-fr": (crackers, render_docx(crackers, language="fr")),
        "soup": (soup, render_docx(soup)),
        "photo": (photo, render_docx(photo, panel_images=images)),
    }
    for name, (_, data) in jobs.items():
        (folder / f"{name}.docx").write_bytes(data)
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"  # never share a running soffice's profile
    subprocess.run(
        [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(folder / f"{name}.docx") for name in jobs],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out: dict[str, Printed] = {}
    for name, (report, _) in jobs.items():
        pdf = folder / f"{name}.pdf"
        text = _run(PDFTOTEXT, "-layout", str(pdf), "-")
        listed = _run(PDFIMAGES, "-list", str(pdf)).splitlines()[2:]  # two header lines
        _run(PDFTOPPM, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(folder / name))
        out[name] = Printed(report, text.split("\f")[:-1], len(listed), folder / f"{name}.png")
    screenshots = os.environ.get("LABELIQ_SCREENSHOTS_DIR")
    if screenshots:
        for name in ("crackers",):
            shutil.copy(out[name].png, Path(screenshots) / f"report-docx-{name}-page1.png")
    return out


def _run(tool: str | None, *args: str) -> str:
    return subprocess.run([str(tool), *args], check=True, capture_output=True, timeout=60).stdout.decode()


@pytest.mark.parametrize("name", ["crackers", "crackers-fr", "soup", "photo"])
def test_a_sample_report_fits_in_five_pages_with_everything_in_it(printed: dict[str, Printed], name: str) -> None:
    job = printed[name]
    assert len(job.pages) <= 5, f"{name}: {len(job.pages)} pages"
    text = "\n".join(job.pages)
    placed = layout(job.report)
    for group in _one_line([*placed.open_items, *placed.package_checks, *placed.settled]):
        assert re.search(rf"(?m)(^|\s){_rule_pattern(group.rule)}", text), f"{name}: rule {group.rule} missing"
    with Image.open(job.png) as page:
        darkest = page.convert("L").getextrema()[0]
        assert isinstance(darkest, int) and darkest < 100  # page 1 has ink on it


def test_page_one_gives_the_verdict_and_starts_on_what_to_fix(printed: dict[str, Printed]) -> None:
    first = printed["crackers"].pages[0]
    assert "Overall verdict: FAIL" in first and "What to fix and what to confirm" in first
    assert "Not signed off" in first
    french = printed["crackers-fr"].pages[0]
    assert "Verdict global : NON CONFORME" in french and "À corriger et à confirmer" in french


def _rule_pattern(rule: str) -> str:
    return re.escape(rule) + r"(?=\s|$)"


def _one_line(groups: list[RuleGroup]) -> list[RuleGroup]:
    """The rules whose id prints on one line (a longer one, "10.E2.saturated_plus_trans", may wrap at its dots and
    is checked on the document's structure in test_docx.py); most ids are short."""
    short = [g for g in groups if len(g.rule) <= RULE_CHARS_ON_ONE_LINE]
    assert len(short) >= 0.6 * len(groups)
    return short


@pytest.mark.parametrize("name", ["crackers", "soup"])
def test_no_rule_is_printed_under_two_verdicts(printed: dict[str, Printed], name: str) -> None:
    job = printed[name]
    text = "\n".join(job.pages)
    settled = text.split("Rules that passed or do not apply", 1)[1]
    placed = layout(job.report)
    assert placed.open_items, "the sample has rules to act on"
    acted_on = text.split("Rules that passed or do not apply", 1)[0]
    for group in [*placed.open_items, *placed.package_checks]:
        assert len(re.findall(rf"(?m)^[\s☐]*#{group.number}\b", acted_on)) == 1, f"{group.rule}: one marker"
    for group in _one_line([*placed.open_items, *placed.package_checks]):
        shown = _rule_pattern(group.rule)
        assert not re.search(rf"(?m)^\s*{shown}", settled), f"{group.rule} is listed as settled too"
        assert len(re.findall(rf"(?m)^[\s☐]*{shown}", acted_on)) == 1, f"{group.rule}: one row"
    for group in _one_line(placed.settled):
        shown = _rule_pattern(group.rule)
        assert len(re.findall(rf"(?m)^\s*{shown}\s+(PASS|N/A)\b", settled)) == 1, group.rule


@pytest.mark.parametrize("name", ["crackers", "soup", "crackers-fr"])
def test_every_fail_is_printed_with_its_fix(printed: dict[str, Printed], name: str) -> None:
    job = printed[name]
    french = name.endswith("-fr")
    fails = {
        (f.rule, f.fr.message if french and f.fr and f.fr.message else f.message, f.fix)
        for r in job.report.results.values()
        for f in r.findings
        if effective(f) == Verdict.FAIL
    }
    assert fails and all(fix for _, _, fix in fails)
    label = "Correction :" if french else "Fix:"
    assert "\n".join(job.pages).count(label) == len(fails)  # a fail worded twice alike is printed once


def test_a_photo_report_prints_the_panels_and_a_crop_per_located_open_item(printed: dict[str, Printed]) -> None:
    job = printed["photo"]
    located = {
        (f.evidence, f.panel)
        for group in layout(job.report).numbered()
        for f in group.open_findings
        if f.location is not None
    }
    assert located, "the photo job has located items"
    panels = len(job.report.label_facts.panels)
    assert job.images >= panels + len(located)
    assert printed["crackers"].images == 0  # a text job has no pictures
