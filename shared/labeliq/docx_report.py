"""Render a Report as a Word document a regulatory specialist acts on and forwards, in English or French.

Order of reading: page 1 says the verdict, who signed it off, how many rules fail or need a look and, for photos,
the panels with a numbered marker per item; then one row per rule to act on (what is wrong, what to change or the
question to answer, the evidence and citation, a crop of the photo), the package checklist to tick, the context
given, the settled rules in one compact table per checker, and what the tool did not check. Every rule appears
once, under the one verdict it has. Pure: a Report (and the panels' image bytes) in, bytes out.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from labeliq.docx_findings import action_table, checklist_table, settled_tables
from labeliq.docx_images import PanelPictures, Picture
from labeliq.docx_rules import Layout, effective, layout, rule_title
from labeliq.docx_tables import (
    FAIL_RED,
    MARGIN_CM,
    TEXT_WIDTH_CM,
    VERDICT_FILLS,
    VERDICT_LABELS,
    grid,
    heading,
    put,
    small,
    styled,
    verdict_cell,
)
from labeliq.docx_text import ReportLanguage, human_value, words
from labeliq.models import GROUPS, BoundingBox, Report, Verdict

if TYPE_CHECKING:  # a sign-off is passed in by the API; `labeliq check` never loads the workspace records
    from labeliq.workspace.records import SignOff

__all__ = ["DEFAULT_MAX_EVIDENCE_CHARS", "VERDICT_FILLS", "VERDICT_LABELS", "build_document", "render_docx"]

COUNT_ORDER: tuple[Verdict, ...] = (Verdict.FAIL, Verdict.NEEDS_REVIEW, Verdict.PASS, Verdict.NOT_APPLICABLE)
DEFAULT_MAX_EVIDENCE_CHARS = 600
ACTION_EVIDENCE_CHARS = 160  # around the highlighted words: enough context to find them on the label
CONTEXT_WIDTHS_CM = (4.0, 4.75, 4.0, 4.75)
THUMB_MAX_H_CM = 7.0
BODY_FONT = "Calibri"  # python-docx's template names it only through the theme
VERTICAL_MARGIN_CM = 1.5  # the pages are read on screen and printed: 1.5 cm keeps a printer's margin


def _title(doc: DocumentType, report: Report, language: ReportLanguage, signed_off: SignOff | None) -> None:
    w = words(language)
    title = heading(doc, "", 0)
    title.add_run(w.title.format(product=report.product)).font.size = Pt(16)  # the default 28 pt takes 3 lines
    meta = doc.add_paragraph()
    meta.add_run(f"{w.judged_on} ")
    meta.add_run(report.judged_on.isoformat()).bold = True
    meta.add_run(
        f" · {w.job} {report.job_id} · {w.version} {report.version} · {w.generated} "
        f"{report.generated_at.strftime('%Y-%m-%d %H:%M UTC')} · schema {report.schema_version}"
    )
    for run in meta.runs:
        run.font.size = Pt(9)
    overall = doc.add_paragraph()
    overall.add_run(w.overall)
    run = overall.add_run(w.verdicts[report.summary.verdict])
    run.bold = True
    run.font.size = Pt(14)
    if report.summary.verdict == Verdict.FAIL:
        run.font.color.rgb = FAIL_RED
    sign = overall.add_run(
        "   "
        + (
            w.signed_off.format(
                by=signed_off.by, at=signed_off.at.strftime("%Y-%m-%d %H:%M UTC"), version=signed_off.version
            )
            if signed_off is not None
            else w.not_signed_off
        )
    )
    sign.bold = signed_off is not None
    sign.font.size = Pt(10)


def _counts(doc: DocumentType, report: Report, placed: Layout, language: ReportLanguage) -> None:
    """Rules (not findings) by verdict, and the package checks apart: each rule counted once, as it is shown."""
    w = words(language)
    counts = dict.fromkeys(COUNT_ORDER, 0)
    for group in placed.open_items:
        counts[group.verdict] += 1
    for group in placed.settled:
        counts[Verdict.NOT_APPLICABLE if group.verdict == Verdict.NOT_APPLICABLE else Verdict.PASS] += 1
    _, (cells,) = grid(doc, None, 1, (TEXT_WIDTH_CM / 5,) * 5)
    for verdict, cell in zip(COUNT_ORDER, cells[:4], strict=True):
        verdict_cell(cell, verdict, f"{w.verdicts[verdict]}: {counts[verdict]}")
    put(cells[4], f"☐ {len(placed.package_checks)}", bold=True)
    findings = sum(len(r.findings) for r in report.results.values())
    small(doc, "", w.counts_note.format(rules=sum(counts.values()) + len(placed.package_checks), findings=findings))


def _incomplete(doc: DocumentType, report: Report, language: ReportLanguage) -> None:
    """On page 1: what this report did not judge (checkers that could not run, text left out), so a verdict is
    never read as covering more than it does."""
    w = words(language)
    lines = []
    if report.summary.checker_errors:
        names = ", ".join(report.summary.checker_errors)
        lines.append(w.incomplete.format(n=len(report.summary.checker_errors), names=names))
    lines += [w.not_read.format(limit=limit) for limit in report.label_facts.limits[:5]]
    if report.llm_usage.prompt_cuts:
        lines.append(w.llm_cut.format(cuts="; ".join(report.llm_usage.prompt_cuts[:5])))
    for line in lines:
        run = doc.add_paragraph().add_run(line)
        run.bold = True
        run.font.color.rgb = FAIL_RED


def _thumbnails(
    doc: DocumentType, report: Report, placed: Layout, pictures: PanelPictures, language: ReportLanguage
) -> None:
    """The photographed panels side by side, each item's box numbered as in the table below."""
    markers: dict[str, list[tuple[int, BoundingBox]]] = {}
    for group in placed.numbered():
        for finding in group.open_findings:
            if finding.location is not None and finding.panel is not None:
                markers.setdefault(finding.panel, []).append((group.number, finding.location))
    shown: list[tuple[str, Picture]] = []
    for panel in report.label_facts.panels:
        picture = pictures.thumbnail(panel.name, markers.get(panel.name, []))
        if picture is not None:
            shown.append((panel.name, picture))
    if not shown:
        return
    w = words(language)
    per_row = min(3, len(shown))
    column = TEXT_WIDTH_CM / per_row
    row_count = -(-len(shown) // per_row)
    _, rows = grid(doc, None, row_count, (column,) * per_row)
    for index, (name, picture) in enumerate(shown):
        cell = rows[index // per_row][index % per_row]
        put(cell, name, bold=True)
        width = min(column - 0.4, THUMB_MAX_H_CM * picture.width_px / picture.height_px)
        cell.add_paragraph().add_run().add_picture(io.BytesIO(picture.jpeg), width=Cm(width))
    small(doc, "", w.panels_note)


def _not_checked(doc: DocumentType, report: Report, language: ReportLanguage) -> None:
    w = words(language)
    heading(doc, w.not_checked, 2)
    summary = report.summary
    pending = sorted(
        (
            (result.checker, finding)
            for result in report.results.values()
            for finding in result.findings
            if finding.source == "llm" and effective(finding) == Verdict.NEEDS_REVIEW
        ),
        key=lambda pair: pair[1].rule,
    )
    open_questions = sum(
        1 for result in report.results.values() for f in result.findings if effective(f) == Verdict.NEEDS_REVIEW
    )
    items: list[str] = []
    if summary.checker_errors:
        items.append(w.errors_line.format(names=", ".join(summary.checker_errors)))
    usage = report.llm_usage
    if usage.calls == 0 and usage.cached_calls == 0:
        items.append(w.no_llm_line.format(pending=len(pending), open=open_questions))
    else:
        items.append(
            w.llm_line.format(
                calls=usage.calls,
                cached=usage.cached_calls,
                prompt=usage.prompt_tokens,
                output=usage.output_tokens,
                pending=len(pending),
                open=open_questions,
            )
        )
    items.append(w.text_only_line)
    for item in items:
        paragraph = styled(doc, item, "ListBullet")
        paragraph.paragraph_format.space_after = Pt(0)
        for run in paragraph.runs:
            run.font.size = Pt(9)
    if pending:
        small(doc, w.pending_line, "; ".join(f"{f.rule} ({c.replace('_', ' ')})" for c, f in pending))


def _context(doc: DocumentType, report: Report, language: ReportLanguage) -> None:
    w = words(language)
    given = report.context.model_dump(mode="json", exclude_none=True)
    heading(doc, w.context, 2)
    if not given:
        small(doc, "", w.context_none)
        return
    pairs = list(given.items())
    half = -(-len(pairs) // 2)
    _, rows = grid(doc, None, half, CONTEXT_WIDTHS_CM)
    for index, (key, value) in enumerate(pairs):
        row = rows[index % half]
        offset = 0 if index < half else 2
        put(row[offset], key.replace("_", " "), bold=True)
        put(row[offset + 1], human_value(value, language))


def _has_english_only(report: Report, placed: Layout, language: ReportLanguage) -> bool:
    """Whether any text of the report will show in English, marked (EN): a finding's words or a rule's title."""
    if any(rule_title(g.rule, language)[1] for g in placed.numbered()):
        return True
    return any(
        f.fr is None or not f.fr.message or (f.fix and not f.fr.fix) or (f.question and not f.fr.question)
        for result in report.results.values()
        for f in result.findings
    )


def _page_break(doc: DocumentType) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def build_document(
    report: Report,
    max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS,
    *,
    language: ReportLanguage = "en",
    panel_images: Mapping[str, bytes] | None = None,
    signed_off: SignOff | None = None,
) -> DocumentType:
    w = words(language)
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(VERTICAL_MARGIN_CM)
    normal = doc.styles["Normal"].font  # a theme font LibreOffice cannot resolve would print in a serif
    normal.name = BODY_FONT
    placed = layout(report)
    pictures = PanelPictures(panel_images)
    llm_answered = report.llm_usage.calls + report.llm_usage.cached_calls > 0
    evidence_limit = min(max_evidence_chars, ACTION_EVIDENCE_CHARS)
    _title(doc, report, language, signed_off)
    _counts(doc, report, placed, language)
    _incomplete(doc, report, language)
    if language != "en" and _has_english_only(report, placed, language):
        small(doc, "", w.english_note)
    _thumbnails(doc, report, placed, pictures, language)
    if report.relabel is not None:
        from labeliq.relabel.docx_page import sticker_page  # relabel mode: the proposed sticker comes first

        sticker_page(doc, report.relabel)
        _page_break(doc)
    heading(doc, w.action_items, 1)
    if placed.open_items:
        action_table(doc, placed.open_items, language, pictures, evidence_limit, llm_answered)
    else:
        doc.add_paragraph(w.no_action)
    if placed.package_checks:
        heading(doc, w.package_checklist, 2)
        small(doc, "", w.package_note)
        checklist_table(doc, placed.package_checks, language, pictures)
    _context(doc, report, language)
    heading(doc, w.passes, 1)
    small(doc, "", w.passes_note)
    results = {name: report.results[name] for group in GROUPS for name, r in report.results.items() if r.group == group}
    settled_tables(doc, placed, results, language)
    _not_checked(doc, report, language)
    return doc


def write_docx(
    report: Report,
    stream: IO[bytes],
    max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS,
    *,
    language: ReportLanguage = "en",
    panel_images: Mapping[str, bytes] | None = None,
    signed_off: SignOff | None = None,
) -> None:
    build_document(
        report, max_evidence_chars, language=language, panel_images=panel_images, signed_off=signed_off
    ).save(stream)


def render_docx(
    report: Report,
    max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS,
    *,
    language: ReportLanguage = "en",
    panel_images: Mapping[str, bytes] | None = None,
    signed_off: SignOff | None = None,
) -> bytes:
    buffer = io.BytesIO()
    write_docx(report, buffer, max_evidence_chars, language=language, panel_images=panel_images, signed_off=signed_off)
    return buffer.getvalue()
