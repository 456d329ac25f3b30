"""Findings in the Word report: the items to act on (one row per rule), the package checklist, the settled rules.

A specialist acts on failures and open questions: each gets one row per rule, with what is wrong, what to change
(`fix`) or the question to answer, the evidence quoted around the words that matter, the citation and, for a
photo, a crop of the photo around it. The passing and not-applicable rules follow in one compact table per
checker, so every finding of the Report is in the document once and no rule shows under two verdicts.
"""

from __future__ import annotations

import io

from docx.document import Document as DocumentType
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from lxml import etree

from labeliq.checks.common.evidence import excerpt as quote_around
from labeliq.docx_images import PanelPictures, Picture
from labeliq.docx_rules import Layout, RuleGroup, effective, is_package_check, rule_title
from labeliq.docx_tables import (
    FAIL_RED,
    VERDICT_FILLS,
    W_P,
    add_line,
    grid,
    put,
    shade,
    small,
)
from labeliq.docx_tables import add_run as add_xml_run
from labeliq.docx_text import ReportLanguage, Words, words
from labeliq.finding_location import location_text
from labeliq.models import CheckResult, Finding, Verdict

# Widths in cm adding up to the text width (17.5): the message gets the room, the evidence room for a crop.
ACTION_WIDTHS_CM = (2.5, 9.6, 5.4)
CHECKLIST_WIDTHS_CM = (0.7, 2.5, 14.3)
SETTLED_WIDTHS_CM = (3.0, 1.4, 13.1)
CROP_MAX_W_CM, CROP_MAX_H_CM = 5.0, 3.2
CHECKLIST_CROP_MAX_H_CM = 2.0  # enough to find the spot; the checklist is read with the package in hand
TEXT = Pt(8.5)  # the action table and checklist: the report's body, kept small so a page holds several rules
SMALL = Pt(7.5)
RULE_ID_FITS = 12  # characters of a rule id that fit on one line of the rule column
GREY = RGBColor(0x59, 0x59, 0x59)


def add_run(
    paragraph: etree._Element,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt = TEXT,
    color: RGBColor | None = None,
    highlight: bool = False,
) -> None:
    """A run in the report's table type unless told otherwise (the bare XML run would take the 11 pt body)."""
    add_xml_run(paragraph, text, bold=bold, italic=italic, size=size, color=color, highlight=highlight)


def rule_id(rule: str) -> str:
    """A long id ("10.E2.saturated_plus_trans") may wrap at its dots (a zero-width space), never mid-word."""
    return rule if len(rule) <= RULE_ID_FITS else rule.replace(".", ".\u200b")


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def excerpt(finding: Finding, limit: int) -> tuple[str, str, str]:
    """(before, words that matter, after): the evidence cut around its highlighted span by the one rule the
    checkers quote by (labeliq.checks.common.evidence), ellipses where it was cut; without a span, its start."""
    quote = quote_around(finding.evidence, finding.highlight, limit)
    if quote.highlight is None:
        return _flat(quote.text), "", ""
    start, end = quote.highlight
    return _flat(quote.text[:start]), _flat(quote.text[start:end]), _flat(quote.text[end:])


def evidence_lines(finding: Finding, limit: int) -> list[str]:
    """The evidence as quoted in the report, then where it is (panel, box on the photo), as plain lines."""
    lines = ["".join(excerpt(finding, limit))] if finding.evidence else []
    where = location_text(finding) or (f"[panel {finding.panel}]" if finding.panel else "")
    return lines + ([where] if where else [])


def finding_text(finding: Finding, language: ReportLanguage) -> tuple[str, str, str, bool]:
    """(message, fix, question, message shown in English for want of French) in the report's language; a fix or
    question shown in English in a French report is marked so by its own prefix."""
    if language != "fr":
        return finding.message, finding.fix, finding.question, False
    french = finding.fr
    mark = words(language).english_only

    def part(fr_text: str, english: str) -> str:
        return fr_text or (mark + english if english else "")

    if french is None:
        return finding.message, part("", finding.fix), part("", finding.question), True
    message = french.message or finding.message
    return message, part(french.fix, finding.fix), part(french.question, finding.question), not french.message


def _paragraph(cell: _Cell) -> etree._Element:
    return etree.SubElement(cell._tc, W_P)


def _first_paragraph(cell: _Cell) -> etree._Element:
    found = cell._tc.find(W_P)
    return found if found is not None else etree.SubElement(cell._tc, W_P)


def _review_lines(cell: _Cell, finding: Finding, w: Words) -> None:
    """The reviewer's decision beside the machine's verdict: both kept, who and when and why said."""
    review = finding.review
    if review is None:
        return
    p = _paragraph(cell)
    add_run(p, w.machine_verdict, bold=True, size=SMALL)
    add_run(p, w.verdicts[finding.verdict] + " · ", size=SMALL)
    add_run(p, w.reviewer_verdict, bold=True, size=SMALL)
    add_run(
        p,
        f"{w.verdicts[review.verdict]} ({w.review_actions[review.action]}) {w.reviewer}{review.reviewer}, "
        f"{review.at.strftime('%Y-%m-%d %H:%M UTC')}",
        size=SMALL,
        color=FAIL_RED if review.verdict == Verdict.FAIL else None,
    )
    if review.reason:
        p = _paragraph(cell)
        add_run(p, w.reason, bold=True, size=SMALL)
        add_run(p, review.reason, size=SMALL)


def _add_picture(cell: _Cell, picture: Picture, max_w_cm: float, max_h_cm: float) -> None:
    width = min(max_w_cm, max_h_cm * picture.width_px / picture.height_px)
    run = cell.add_paragraph().add_run()
    run.add_picture(io.BytesIO(picture.jpeg), width=Cm(width))


def _message_cell(cell: _Cell, group: RuleGroup, language: ReportLanguage, llm_answered: bool) -> None:
    w = words(language)
    title, title_fallback = rule_title(group.rule, language)
    first = _first_paragraph(cell)
    if title:
        add_run(first, (w.english_only if title_fallback else "") + title, bold=True)
    mixed = len({effective(f) for f in group.open_findings}) > 1
    shown: set[tuple[str, ...]] = set()
    for finding in group.open_findings:
        message, fix, question, fallback = finding_text(finding, language)
        said = (effective(finding).value, message, fix, question)
        if finding.review is None and said in shown:
            continue  # the same words twice (a statement judged per panel or per list): once is enough
        shown.add(said)
        p = first if not shown - {said} and not title else _paragraph(cell)
        if is_package_check(finding):
            add_run(p, "☐ ", bold=True)
        elif mixed:
            add_run(p, w.verdicts[effective(finding)] + ": ", bold=True)
        if fallback:
            add_run(p, w.english_only, italic=True, color=GREY)
        suffix = w.llm_source if finding.source == "llm" and llm_answered else ""
        add_run(p, message + suffix)
        if fix and effective(finding) == Verdict.FAIL:
            line = _paragraph(cell)
            add_run(line, w.fix, bold=True, color=FAIL_RED)
            add_run(line, fix)
        elif question and effective(finding) == Verdict.NEEDS_REVIEW:
            line = _paragraph(cell)
            add_run(line, w.question, bold=True)
            add_run(line, question)
        _review_lines(cell, finding, w)
    for finding in group.settled_findings:
        message, _, _, fallback = finding_text(finding, language)
        p = _paragraph(cell)
        add_run(p, f"{w.also}{w.verdicts[effective(finding)]}: ", bold=True, size=SMALL, color=GREY)
        add_run(p, (w.english_only if fallback else "") + message, size=SMALL, color=GREY)
        _review_lines(cell, finding, w)


def _evidence_cell(
    cell: _Cell, group: RuleGroup, language: ReportLanguage, pictures: PanelPictures, limit: int
) -> None:
    w = words(language)
    shown: set[tuple[str, str | None]] = set()
    citations: list[str] = []
    paragraph = _first_paragraph(cell)
    for finding in group.open_findings:
        if finding.citation not in citations:
            citations.append(finding.citation)
        key = (finding.evidence, finding.panel)
        if key in shown:
            continue
        shown.add(key)
        if finding.evidence:
            before, span, after = excerpt(finding, limit)
            add_run(paragraph, before, size=SMALL)
            if span:
                add_run(paragraph, span, bold=True, size=SMALL, highlight=True)
            add_run(paragraph, after, size=SMALL)
        where = location_text(finding) or (f"[{finding.panel}]" if finding.panel else "")
        if not finding.evidence and not where:
            add_run(paragraph, w.no_evidence, italic=True, size=SMALL, color=GREY)
        elif where:
            add_line(cell, where, italic=True, size=SMALL, color=GREY)
        if finding.location is not None:
            picture = pictures.crop(finding.panel, finding.location)
            if picture is not None:
                _add_picture(cell, picture, CROP_MAX_W_CM, CROP_MAX_H_CM)
        paragraph = _paragraph(cell)
    add_run(paragraph, "; ".join(citations), italic=True, size=SMALL)


def action_table(
    doc: DocumentType,
    groups: list[RuleGroup],
    language: ReportLanguage,
    pictures: PanelPictures,
    evidence_limit: int,
    llm_answered: bool,
) -> None:
    """One row per rule to act on: marker and verdict, what is wrong and what to do, evidence and citation."""
    w = words(language)
    _, rows = grid(doc, w.action_columns, len(groups), ACTION_WIDTHS_CM)
    for group, row in zip(groups, rows, strict=True):
        verdict = group.verdict
        put(row[0], f"#{group.number}", size=TEXT, color=GREY)
        add_line(row[0], rule_id(group.rule), bold=True, size=TEXT)
        add_line(row[0], w.verdicts[verdict], bold=True, size=TEXT, color=FAIL_RED if verdict == Verdict.FAIL else None)
        add_line(row[0], group.checker.replace("_", " "), size=SMALL, color=GREY)
        shade(row[0], VERDICT_FILLS[verdict])
        _message_cell(row[1], group, language, llm_answered)
        _evidence_cell(row[2], group, language, pictures, evidence_limit)


def checklist_table(
    doc: DocumentType, groups: list[RuleGroup], language: ReportLanguage, pictures: PanelPictures
) -> None:
    """Package checks with a box to tick: what only the physical package shows (type size, colour, symbols)."""
    w = words(language)
    _, rows = grid(doc, w.package_columns, len(groups), CHECKLIST_WIDTHS_CM)
    for group, row in zip(groups, rows, strict=True):
        put(row[0], "☐", size=Pt(12))
        put(row[1], f"#{group.number}", size=TEXT, color=GREY)
        add_line(row[1], rule_id(group.rule), bold=True, size=TEXT)
        add_line(row[1], group.checker.replace("_", " "), size=SMALL, color=GREY)
        first = _first_paragraph(row[2])
        said: list[str] = []
        for finding in group.open_findings:
            message, _, question, fallback = finding_text(finding, language)
            where = f" [{finding.panel}]" if finding.panel else ""
            shown = (question or ((w.english_only if fallback else "") + message)) + where
            if shown in said and finding.location is None:
                continue  # the English and the French list asked alike: one box to tick
            p = first if not said else _paragraph(row[2])
            said.append(shown)
            add_run(p, shown)
            picture = pictures.crop(finding.panel, finding.location) if finding.location is not None else None
            if picture is not None:
                _add_picture(row[2], picture, CROP_MAX_W_CM, CHECKLIST_CROP_MAX_H_CM)
        for finding in group.settled_findings:
            message, _, _, fallback = finding_text(finding, language)
            p = _paragraph(row[2])
            add_run(p, f"{w.also}{w.verdicts[effective(finding)]}: ", bold=True, size=SMALL, color=GREY)
            add_run(p, (w.english_only if fallback else "") + message, size=SMALL, color=GREY)


def settled_tables(
    doc: DocumentType, layout: Layout, results: dict[str, CheckResult], language: ReportLanguage
) -> None:
    """The rules that passed or do not apply, one compact table per checker, one row per rule."""
    w = words(language)
    by_checker: dict[str, list[RuleGroup]] = {}
    for group in layout.settled:
        by_checker.setdefault(group.checker, []).append(group)
    for checker, result in results.items():
        groups = by_checker.get(checker, [])
        if result.error:
            small(doc, checker.replace("_", " ") + ": ", w.checker_error.format(error=result.error))
        if not groups:
            continue
        caption = small(doc, checker.replace("_", " "), "")
        caption.paragraph_format.keep_with_next = True
        _, rows = grid(doc, None, len(groups), SETTLED_WIDTHS_CM)
        for group, row in zip(groups, rows, strict=True):
            verdict = group.verdict if group.verdict in (Verdict.PASS, Verdict.NOT_APPLICABLE) else Verdict.PASS
            put(row[0], rule_id(group.rule), size=SMALL)
            put(row[1], w.verdicts[verdict], size=SMALL)
            shade(row[1], VERDICT_FILLS[verdict])
            citations = list(dict.fromkeys(f.citation for f in group.settled_findings))
            settled = group.settled_findings
            for index, finding in enumerate(settled):
                message, _, _, fallback = finding_text(finding, language)
                p = _first_paragraph(row[2]) if index == 0 else _paragraph(row[2])
                add_run(p, (w.english_only if fallback else "") + message, size=SMALL)
                if index == len(settled) - 1:
                    add_run(p, "  " + "; ".join(citations), italic=True, size=SMALL, color=GREY)
                _review_lines(row[2], finding, w)
