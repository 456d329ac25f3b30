"""Findings in the Word report: a checker's compact table of what needs action, its folded passes, the appendix.

A specialist acts on failures and open questions; passes and not-applicable findings are folded into one line
per checker and kept whole in a landscape appendix, so nothing the Report carries is dropped from the document.
"""

from __future__ import annotations

from collections import Counter

from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Pt

from labeliq.checks.common.evidence import excerpt
from labeliq.docx_tables import (
    FAIL_RED,
    VERDICT_FILLS,
    VERDICT_LABELS,
    W_P,
    add_line,
    add_run,
    grid,
    heading,
    put,
    shade,
    small,
)
from labeliq.finding_location import location_text
from labeliq.models import VERDICT_SEVERITY, CheckResult, Finding, Report, Verdict
from labeliq.report import rule_sort_key

# Widths in cm adding up to the text width (17.5 portrait, 23.9 landscape): the message gets the room.
FINDING_COLUMNS = ("Rule · verdict", "What is wrong", "Evidence", "Citation")
FINDING_WIDTHS_CM = (3.0, 7.7, 3.9, 2.9)  # rule ids run to "10.B.saturated_plus_trans"
DETAIL_COLUMNS = ("Rule", "Checker", "Verdict", "What was found · citation", "Evidence")
DETAIL_WIDTHS_CM = (2.3, 3.0, 1.7, 10.1, 6.8)
DETAIL_EVIDENCE_CHARS = 90  # passes quote whole lists again and again; report.json keeps every quote in full
DETAIL_FONT = Pt(8)
OPEN_VERDICTS = (Verdict.FAIL, Verdict.NEEDS_REVIEW)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence_lines(finding: Finding, limit: int) -> list[str]:
    """Evidence, then where it is (panel, box on the photo): what a reviewer needs to find it on the label."""
    # quoted around the words that matter (labeliq.checks.common.evidence), never a prefix that cuts them off
    lines = [excerpt(finding.evidence, finding.highlight, limit).text] if finding.evidence else []
    where = location_text(finding) or (f"[panel {finding.panel}]" if finding.panel else "")
    return lines + ([where] if where else [])


def _rule_list(findings: list[Finding]) -> str:
    """Rule ids in rule order, a rule judged several times (e.g. once per statement) shown once with its count."""
    counts = Counter(f.rule for f in findings)
    return ", ".join(
        rule if counts[rule] == 1 else f"{rule} (×{counts[rule]})" for rule in sorted(counts, key=rule_sort_key)
    )


def _findings_table(doc: DocumentType, findings: list[Finding], max_evidence: int) -> None:
    ordered = sorted(findings, key=lambda f: (-VERDICT_SEVERITY[f.verdict], rule_sort_key(f.rule)))
    _, rows = grid(doc, FINDING_COLUMNS, len(ordered), FINDING_WIDTHS_CM)
    for finding, row in zip(ordered, rows, strict=True):
        put(row[0], finding.rule, bold=True)
        failing = finding.verdict == Verdict.FAIL
        add_line(row[0], VERDICT_LABELS[finding.verdict], bold=failing, color=FAIL_RED if failing else None)
        shade(row[0], VERDICT_FILLS[finding.verdict])
        put(row[1], finding.message + (" (LLM judge)" if finding.source == "llm" else ""))
        lines = evidence_lines(finding, max_evidence)
        put(row[2], lines[0] if lines else "")
        for line in lines[1:]:
            add_line(row[2], line, italic=True)
        put(row[3], finding.citation)


def checker_section(doc: DocumentType, result: CheckResult, max_evidence: int) -> None:
    title = heading(doc, f"{result.checker}: ", 2)
    title.add_run(VERDICT_LABELS[result.verdict])
    if result.error:
        doc.add_paragraph(f"This check could not run: {result.error}")
    if not result.findings:
        doc.add_paragraph("This checker returned no finding.")
        return
    open_findings = [f for f in result.findings if f.verdict in OPEN_VERDICTS]
    if open_findings:
        _findings_table(doc, open_findings, max_evidence)
    for verdict, label in ((Verdict.PASS, "Passed: "), (Verdict.NOT_APPLICABLE, "Not applicable: ")):
        folded = [f for f in result.findings if f.verdict == verdict]
        if folded:
            small(doc, label, _rule_list(folded) + " (details in the appendix).")


def _landscape_section(doc: DocumentType) -> None:
    """The appendix is a dense five-column record: across the page its long messages take half the lines."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def appendix(doc: DocumentType, report: Report, max_evidence: int) -> None:
    """Every pass and not-applicable finding in full: folded to one line in the body, but still part of the record."""
    settled = [
        (result.checker, finding)
        for result in report.results.values()
        for finding in sorted(result.findings, key=lambda f: (rule_sort_key(f.rule), -VERDICT_SEVERITY[f.verdict]))
        if finding.verdict not in OPEN_VERDICTS
    ]
    if not settled:
        return
    limit = min(max_evidence, DETAIL_EVIDENCE_CHARS)
    _landscape_section(doc)
    heading(doc, "Appendix: passed and not-applicable findings", 1)
    small(
        doc,
        "",
        f"Every finding folded into a 'Passed' or 'Not applicable' line above, in full except that evidence is "
        f"shortened to {limit} characters (report.json keeps it whole).",
    )
    _, rows = grid(doc, DETAIL_COLUMNS, len(settled), DETAIL_WIDTHS_CM)
    for (checker, finding), row in zip(settled, rows, strict=True):
        put(row[0], finding.rule, size=DETAIL_FONT)
        put(row[1], checker, size=DETAIL_FONT)
        put(row[2], VERDICT_LABELS[finding.verdict], size=DETAIL_FONT)
        shade(row[2], VERDICT_FILLS[finding.verdict])
        put(row[3], finding.message + (" (LLM judge) " if finding.source == "llm" else " "), size=DETAIL_FONT)
        add_run(row[3]._tc.find(W_P), finding.citation, italic=True, size=DETAIL_FONT)
        put(row[4], " ".join(evidence_lines(finding, limit)), size=DETAIL_FONT)
