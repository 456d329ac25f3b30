"""Render a Report as a Word document a regulatory specialist reads top to bottom.

Order of reading: what the product is and when it was judged, how it fared (failures first, with what is
wrong), then every checker's findings, then what the tool did not check. Pure: a Report in, bytes out.
"""

from __future__ import annotations

import io
from typing import IO

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from labeliq.models import GROUPS, VERDICT_SEVERITY, CheckResult, Finding, Report, Verdict
from labeliq.report import rule_sort_key

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.FAIL: "FAIL",
    Verdict.NEEDS_REVIEW: "NEEDS REVIEW",
    Verdict.PASS: "PASS",
    Verdict.NOT_APPLICABLE: "N/A",
}
# Cell fills: red, amber, green, grey; light enough that black text stays readable when printed.
VERDICT_FILLS: dict[Verdict, str] = {
    Verdict.FAIL: "F4C7C3",
    Verdict.NEEDS_REVIEW: "FCE8B2",
    Verdict.PASS: "B7E1CD",
    Verdict.NOT_APPLICABLE: "E0E0E0",
}
VERDICT_ORDER: tuple[Verdict, ...] = (Verdict.FAIL, Verdict.NEEDS_REVIEW, Verdict.PASS, Verdict.NOT_APPLICABLE)
GROUP_TITLES = {"identity": "Identity", "content": "Content", "tables": "Tables"}
FINDING_COLUMNS = ("Rule", "Verdict", "Message", "Evidence", "Citation")
FINDING_WIDTHS_CM = (2.2, 2.3, 6.0, 3.5, 2.5)  # 16.5 cm: a Letter or A4 page inside default margins

DEFAULT_MAX_EVIDENCE_CHARS = 600
_GRID_STYLE_ID = "TableGrid"  # the style id of "Table Grid" in python-docx's default template


def _shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _styled(doc: DocumentType, text: str, style_id: str) -> Paragraph:
    """A paragraph with a style set by id: python-docx resolves style names by walking the styles part each time."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _heading(doc: DocumentType, text: str, level: int) -> Paragraph:
    return _styled(doc, text, "Title" if level == 0 else f"Heading{level}")


def _bullet(doc: DocumentType, text: str) -> Paragraph:
    return _styled(doc, text, "ListBullet")


def _grid(
    doc: DocumentType, titles: tuple[str, ...], body_rows: int, widths_cm: tuple[float, ...]
) -> tuple[Table, list[list[_Cell]]]:
    """A gridded table with its header filled, and the cells of its body rows.

    Sized up front: python-docx's add_row and style-by-name lookups are linear in the document, which made a
    hundred-finding report take half a second to render. Column widths are fixed so the message gets the room.
    """
    table = doc.add_table(rows=1 + body_rows, cols=len(titles))
    table._tbl.tblPr.style = _GRID_STYLE_ID
    table.autofit = False
    widths = [Cm(w) for w in widths_cm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    rows = [row.cells for row in table.rows]
    for cells in rows:
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width  # Word reads the cell's width, LibreOffice the grid's: set both
    _header_row(rows[0], titles)
    return table, rows[1:]


def _header_row(cells: list[_Cell], titles: tuple[str, ...]) -> None:
    for cell, title in zip(cells, titles, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        _shade(cell, "D9D9D9")


def _verdict_cell(cell: _Cell, verdict: Verdict) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(VERDICT_LABELS[verdict])
    run.bold = verdict in (Verdict.FAIL, Verdict.NEEDS_REVIEW)
    if verdict == Verdict.FAIL:
        run.font.color.rgb = RGBColor(0x9C, 0x00, 0x06)
    _shade(cell, VERDICT_FILLS[verdict])


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _by_severity(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -VERDICT_SEVERITY[f.verdict])


def _title(doc: DocumentType, report: Report) -> None:
    _heading(doc, f"Label compliance report: {report.product}", 0)
    meta = doc.add_paragraph()
    meta.add_run("Judged on ").bold = False
    meta.add_run(report.judged_on.isoformat()).bold = True
    meta.add_run(
        f" · job {report.job_id} · report version {report.version} · generated "
        f"{report.generated_at.strftime('%Y-%m-%d %H:%M UTC')} · schema {report.schema_version}"
    )
    overall = doc.add_paragraph()
    overall.add_run("Overall verdict: ")
    run = overall.add_run(VERDICT_LABELS[report.summary.verdict])
    run.bold = True
    run.font.size = Pt(14)
    if report.summary.verdict == Verdict.FAIL:
        run.font.color.rgb = RGBColor(0x9C, 0x00, 0x06)


def _summary(doc: DocumentType, report: Report, failing: list[tuple[CheckResult, Finding]]) -> None:
    _heading(doc, "Summary", 1)
    _, count_rows = _grid(doc, ("Verdict", "Findings"), len(VERDICT_ORDER), (4.0, 3.0))
    for verdict, row in zip(VERDICT_ORDER, count_rows, strict=True):
        _verdict_cell(row[0], verdict)
        row[1].text = str(report.summary.counts.get(verdict, 0))

    _heading(doc, "Failing rules", 2)
    if not failing:
        doc.add_paragraph("No rule failed.")
    else:
        _, rows = _grid(doc, ("Rule", "Checker", "What is wrong"), len(failing), (2.2, 3.2, 11.1))
        for (result, finding), row in zip(failing, rows, strict=True):
            row[0].text = finding.rule
            _shade(row[0], VERDICT_FILLS[Verdict.FAIL])
            row[1].text = result.checker
            row[2].text = finding.message
    if report.summary.needs_review_rules:
        _heading(doc, "Rules that need a person's review", 2)
        doc.add_paragraph(", ".join(report.summary.needs_review_rules))


def _findings_table(doc: DocumentType, result: CheckResult, max_evidence: int) -> None:
    if not result.findings:
        doc.add_paragraph("This checker returned no finding.")
        return
    _, rows = _grid(doc, FINDING_COLUMNS, len(result.findings), FINDING_WIDTHS_CM)
    for finding, row in zip(_by_severity(result.findings), rows, strict=True):
        row[0].text = finding.rule
        _verdict_cell(row[1], finding.verdict)
        row[2].text = finding.message + (" (LLM judge)" if finding.source == "llm" else "")
        evidence = _clip(finding.evidence, max_evidence)
        row[3].text = f"{evidence}\n[{finding.panel}]" if finding.panel and evidence else evidence
        row[4].text = finding.citation


def _checker_sections(doc: DocumentType, report: Report, max_evidence: int) -> None:
    for group in GROUPS:
        results = [r for r in report.results.values() if r.group == group]
        _heading(doc, f"{GROUP_TITLES[group]} checks", 1)
        if not results:
            doc.add_paragraph("No checker of this group ran.")
            continue
        for result in results:
            heading = _heading(doc, f"{result.checker}: ", 2)
            heading.add_run(VERDICT_LABELS[result.verdict])
            if result.error:
                doc.add_paragraph(f"This check could not run: {result.error}")
            _findings_table(doc, result, max_evidence)


def _not_checked(doc: DocumentType, report: Report) -> None:
    _heading(doc, "What was not checked", 1)
    summary = report.summary
    items: list[str] = []
    if summary.not_built:
        items.append("Checkers not built yet, so their rules were not judged: " + ", ".join(summary.not_built) + ".")
    if summary.checker_errors:
        items.append("Checkers that could not run (see their sections): " + ", ".join(summary.checker_errors) + ".")
    open_questions = summary.counts.get(Verdict.NEEDS_REVIEW, 0)
    pending = [
        (result.checker, finding)
        for result in report.results.values()
        for finding in result.findings
        if finding.source == "llm" and finding.verdict == Verdict.NEEDS_REVIEW
    ]
    usage = report.llm_usage
    if usage.calls == 0 and usage.cached_calls == 0:
        items.append(
            f"No LLM judge answered: {len(pending)} question(s) that need judgement rather than a rule are left for "
            f"a person (listed below); {open_questions} findings in all need a person's review."
        )
    else:
        items.append(
            f"An LLM judge answered open questions ({usage.calls} calls, {usage.cached_calls} from cache, "
            f"{usage.prompt_tokens} prompt and {usage.output_tokens} output tokens); {len(pending)} question(s) "
            f"remain open (listed below); {open_questions} findings in all need a person's review."
        )
    items.append(
        "Only the label text was read: type sizes, colours, layout and placement were not measured unless a "
        "finding says so."
    )
    for item in items:
        _bullet(doc, item)
    if pending:
        _heading(doc, "Questions pending for the LLM judge or a reviewer", 2)
        for checker, finding in sorted(pending, key=lambda pair: rule_sort_key(pair[1].rule)):
            _bullet(doc, f"{finding.rule} ({checker}): {finding.message}")


def _context(doc: DocumentType, report: Report) -> None:
    given = report.context.model_dump(mode="json", exclude_none=True)
    _heading(doc, "Product context given", 2)
    if not given:
        doc.add_paragraph("None: rules that depend on the product context say what is missing.")
        return
    _, rows = _grid(doc, ("Key", "Value"), len(given), (5.5, 11.0))
    for (key, value), row in zip(given.items(), rows, strict=True):
        row[0].text = key
        row[1].text = " ".join(f"{v}" for v in value.values()) if isinstance(value, dict) else str(value)


def build_document(report: Report, max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS) -> DocumentType:
    doc = Document()
    failing = sorted(
        (
            (result, finding)
            for result in report.results.values()
            for finding in result.findings
            if finding.verdict == Verdict.FAIL
        ),
        key=lambda pair: rule_sort_key(pair[1].rule),
    )
    _title(doc, report)
    _summary(doc, report, failing)
    _context(doc, report)
    _checker_sections(doc, report, max_evidence_chars)
    _not_checked(doc, report)
    return doc


def write_docx(report: Report, stream: IO[bytes], max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS) -> None:
    build_document(report, max_evidence_chars).save(stream)


def render_docx(report: Report, max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS) -> bytes:
    buffer = io.BytesIO()
    write_docx(report, buffer, max_evidence_chars)
    return buffer.getvalue()
