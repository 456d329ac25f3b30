"""Render a Report as a Word document a regulatory specialist reads top to bottom.

Order of reading: a one-page summary (product, judged date, verdict, counts, each failure with its evidence and
citation, what needs a person's review), then per checker what went wrong with passes folded into one line, then
what the tool did not check, then an appendix with every pass and not-applicable finding in full, so no fact of
the Report is left out. Pure: a Report in, bytes out.
"""

from __future__ import annotations

import io
import re
from typing import IO

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from labeliq.docx_findings import appendix, checker_section, evidence_lines
from labeliq.docx_tables import (
    FAIL_RED,
    MARGIN_CM,
    VERDICT_FILLS,
    VERDICT_LABELS,
    add_line,
    grid,
    heading,
    put,
    shade,
    small,
    styled,
    verdict_cell,
)
from labeliq.models import GROUPS, CheckResult, Finding, Report, Verdict
from labeliq.report import rule_sort_key

__all__ = ["DEFAULT_MAX_EVIDENCE_CHARS", "VERDICT_FILLS", "VERDICT_LABELS", "build_document", "render_docx"]

VERDICT_ORDER: tuple[Verdict, ...] = (Verdict.FAIL, Verdict.NEEDS_REVIEW, Verdict.PASS, Verdict.NOT_APPLICABLE)
GROUP_TITLES = {"identity": "Identity", "content": "Content", "tables": "Tables"}
# Widths in cm, each set adding up to TEXT_WIDTH_CM (17.5): the message column gets the room.
FAILING_COLUMNS = ("Rule · checker", "What is wrong", "Evidence · citation")
FAILING_WIDTHS_CM = (3.2, 9.3, 5.0)
REVIEW_COLUMNS = ("Checker", "Rule", "Why a person must look")
REVIEW_WIDTHS_CM = (2.9, 2.4, 12.2)
CONTEXT_WIDTHS_CM = (5.5, 12.0)

DEFAULT_MAX_EVIDENCE_CHARS = 600
SUMMARY_EVIDENCE_CHARS = 90  # the summary shows the gist; the checker table holds up to max_evidence_chars
REASON_CHARS = 66  # one printed line of the 12.2 cm reason column at 9 pt (about 0.17 cm a character)
_SENTENCE_END = re.compile(r"(?<=[.?!])(?<!e\.g\.)(?<!i\.e\.)\s+(?=[A-Z(\"'])")  # not "e.g. Almonds", "B.01.010"


def _one_line(text: str, limit: int) -> str:
    """The first sentence, cut at a word so the reason stays on one printed line."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence if sentence.endswith((".", "?", "!")) else sentence + "."
    return sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _title(doc: DocumentType, report: Report) -> None:
    title = heading(doc, "", 0)
    title.add_run(f"Label compliance report: {report.product}").font.size = Pt(20)  # the default 28 pt takes 3 lines
    meta = doc.add_paragraph()
    meta.add_run("Judged on ")
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
        run.font.color.rgb = FAIL_RED
    _, (cells,) = grid(doc, None, 1, (4.375,) * 4)
    for verdict, cell in zip(VERDICT_ORDER, cells, strict=True):
        verdict_cell(cell, verdict, f"{VERDICT_LABELS[verdict]}: {report.summary.counts.get(verdict, 0)}")


def _failing(doc: DocumentType, failing: list[tuple[CheckResult, Finding]]) -> None:
    heading(doc, "Failing rules", 2)
    if not failing:
        doc.add_paragraph("No rule failed.")
        return
    _, rows = grid(doc, FAILING_COLUMNS, len(failing), FAILING_WIDTHS_CM)
    for (result, finding), row in zip(failing, rows, strict=True):
        put(row[0], finding.rule, bold=True)
        add_line(row[0], result.checker)
        shade(row[0], VERDICT_FILLS[Verdict.FAIL])
        put(row[1], finding.message)
        put(row[2], " ".join(evidence_lines(finding, SUMMARY_EVIDENCE_CHARS)) or "(no evidence quoted)")
        add_line(row[2], finding.citation, italic=True)


def _needs_review(doc: DocumentType, report: Report) -> None:
    pending = [
        (result.checker, finding)
        for result in report.results.values()
        for finding in sorted(result.findings, key=lambda f: rule_sort_key(f.rule))
        if finding.verdict == Verdict.NEEDS_REVIEW
    ]
    if not pending:
        return
    heading(doc, "Rules that need a person's review", 2)
    _, rows = grid(doc, REVIEW_COLUMNS, len(pending), REVIEW_WIDTHS_CM)
    previous = ""
    for (checker, finding), row in zip(pending, rows, strict=True):
        put(row[0], checker if checker != previous else "")
        previous = checker
        put(row[1], finding.rule)
        shade(row[1], VERDICT_FILLS[Verdict.NEEDS_REVIEW])
        put(row[2], _one_line(finding.message, REASON_CHARS))


def _checker_sections(doc: DocumentType, report: Report, max_evidence: int) -> None:
    for group in GROUPS:
        results = [r for r in report.results.values() if r.group == group]
        heading(doc, f"{GROUP_TITLES[group]} checks", 1)
        if not results:
            doc.add_paragraph("No checker of this group ran.")
        for result in results:
            checker_section(doc, result, max_evidence)


def _not_checked(doc: DocumentType, report: Report) -> None:
    heading(doc, "What was not checked", 1)
    summary = report.summary
    items: list[str] = []
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
        styled(doc, item, "ListBullet")
    if pending:
        # Their full wording is in the checker tables and the summary: here only which ones they are.
        questions = sorted(pending, key=lambda pair: rule_sort_key(pair[1].rule))
        small(
            doc,
            "Questions pending for the LLM judge or a reviewer: ",
            "; ".join(f"{f.rule} ({c})" for c, f in questions),
        )


def _context(doc: DocumentType, report: Report) -> None:
    given = report.context.model_dump(mode="json", exclude_none=True)
    heading(doc, "Product context given", 2)
    if not given:
        doc.add_paragraph("None: rules that depend on the product context say what is missing.")
        return
    _, rows = grid(doc, ("Key", "Value"), len(given), CONTEXT_WIDTHS_CM)
    for (key, value), row in zip(given.items(), rows, strict=True):
        put(row[0], key)
        put(row[1], " ".join(f"{v}" for v in value.values()) if isinstance(value, dict) else str(value))


def _page_break(doc: DocumentType) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def build_document(report: Report, max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS) -> DocumentType:
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
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
    if report.relabel is not None:
        from labeliq.relabel.docx_page import sticker_page  # relabel mode: the proposed sticker comes first

        sticker_page(doc, report.relabel)
        _page_break(doc)
    _failing(doc, failing)
    _needs_review(doc, report)
    _page_break(doc)
    _context(doc, report)
    _checker_sections(doc, report, max_evidence_chars)
    _not_checked(doc, report)
    appendix(doc, report, max_evidence_chars)
    return doc


def write_docx(report: Report, stream: IO[bytes], max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS) -> None:
    build_document(report, max_evidence_chars).save(stream)


def render_docx(report: Report, max_evidence_chars: int = DEFAULT_MAX_EVIDENCE_CHARS) -> bytes:
    buffer = io.BytesIO()
    write_docx(report, buffer, max_evidence_chars)
    return buffer.getvalue()
