"""The Word report read back as a person would: title, counts, failures first, findings, what was not checked."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from labeliq.checks._finding import failed, not_applicable, passed, review
from labeliq.docx_report import VERDICT_FILLS, render_docx, write_docx
from labeliq.models import Finding, LabelFacts, Panel, ProductContext, Provenance, Report, TextFact, Verdict
from labeliq.pipeline import check_label
from tests.report.conftest import Installer

JU = "The date '27 JU 28' uses 'JU', which is not a CFIA month code (June is JN, July is JL)."


def _dates(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        passed("6.1", "Best before / Meilleur avant is shown in both languages.", "FDR B.01.007(1.1)"),
        failed("6.5", JU, "CFIA ILT, date markings", "Best before / Meilleur avant 27 JU 28", "side"),
        review("6.2", "Whether storage instructions are needed depends on the product.", "FDR B.01.007(1.1)"),
    ]


def _allergens(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        failed("9.3", "Milk (cheddar cheese) is missing from 'Contains'.", "FDR B.01.010.1(8)", "Contains: Wheat"),
        not_applicable("9.8", "No gluten-free claim.", "FDR B.24.018"),
    ]


def _raises(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    raise ValueError("unparseable table")


@pytest.fixture
def report(fake_checkers: Installer) -> Report:
    fake_checkers(
        {
            "date_marking": ("content", _dates),
            "allergens_gluten": ("content", _allergens),
            "nutrition_facts": ("tables", _raises),
            "net_quantity": ("identity", None),
        }
    )
    facts = LabelFacts(
        panels=[Panel(name="front", is_principal_display=True, text="Cheddar Crackers\nCraquelins au cheddar")],
        common_names=[
            TextFact(text="Cheddar Crackers", language="en", source=Provenance(panel="front")),
            TextFact(text="Craquelins au cheddar", language="fr", source=Provenance(panel="front")),
        ],
    )
    return check_label(facts, ProductContext(category="crackers", date=dt.date(2026, 11, 24)), "job-docx")


def _open(report: Report) -> Document:
    return docx.Document(io.BytesIO(render_docx(report)))


def _table_with_header(doc: Document, first: str) -> list[Table]:
    return [t for t in doc.tables if t.rows[0].cells[0].text == first]


def _fill(cell: _Cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def test_title_names_the_product_and_the_judged_date(report: Report) -> None:
    doc = _open(report)
    assert doc.paragraphs[0].text == "Label compliance report: Cheddar Crackers / Craquelins au cheddar"
    assert "Judged on 2026-11-24" in doc.paragraphs[1].text
    assert any(p.text == "Overall verdict: FAIL" for p in doc.paragraphs)


def test_counts_table_matches_the_summary(report: Report) -> None:
    counts = _table_with_header(_open(report), "Verdict")[0]
    rows = {r.cells[0].text: r.cells[1].text for r in counts.rows[1:]}
    assert rows == {"FAIL": "2", "NEEDS REVIEW": "2", "PASS": "1", "N/A": "1"}


def test_failing_rules_come_first_with_their_messages(report: Report) -> None:
    doc = _open(report)
    failing = _table_with_header(doc, "Rule")[0]  # the first Rule table is the summary's
    assert [c.text for c in failing.rows[0].cells] == ["Rule", "Checker", "What is wrong"]
    assert [(r.cells[0].text, r.cells[1].text) for r in failing.rows[1:]] == [
        ("6.5", "date_marking"),
        ("9.3", "allergens_gluten"),
    ]
    assert failing.rows[1].cells[2].text == JU


def test_checker_sections_hold_a_findings_table_with_shaded_verdicts(report: Report) -> None:
    doc = _open(report)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings.index("Content checks") < headings.index("date_marking: FAIL") < headings.index("Tables checks")
    tables = [t for t in _table_with_header(doc, "Rule") if len(t.columns) == 5]
    dates = tables[0]
    assert [c.text for c in dates.rows[0].cells] == ["Rule", "Verdict", "Message", "Evidence", "Citation"]
    first = dates.rows[1].cells  # failures first inside a checker
    assert [first[0].text, first[1].text, first[2].text, first[4].text] == [
        "6.5",
        "FAIL",
        JU,
        "CFIA ILT, date markings",
    ]
    assert first[3].text == "Best before / Meilleur avant 27 JU 28\n[side]"
    assert _fill(first[1]) == VERDICT_FILLS[Verdict.FAIL]
    assert _fill(dates.rows[3].cells[1]) == VERDICT_FILLS[Verdict.PASS]
    assert {t.style.name for t in doc.tables} == {"Table Grid"}  # every table is ruled


def test_a_checker_that_could_not_run_says_so(report: Report) -> None:
    text = "\n".join(p.text for p in _open(report).paragraphs)
    assert "This check could not run: ValueError: unparseable table" in text


def test_closing_section_lists_what_was_not_checked(report: Report) -> None:
    paragraphs = [p.text for p in _open(report).paragraphs]
    closing = paragraphs[paragraphs.index("What was not checked") + 1 :]
    assert any("not built yet" in p and "net_quantity" in p for p in closing)
    assert any("could not run" in p and "nutrition_facts" in p for p in closing)
    assert any(p.startswith("No LLM judge answered: 0 question(s)") for p in closing)


def test_closing_section_lists_the_questions_left_for_the_llm_or_a_reviewer(report: Report) -> None:
    pending = report.model_copy(deep=True)
    question = Finding(
        rule="1.5",
        verdict=Verdict.NEEDS_REVIEW,
        message="Does the common name state the true nature of the food? (no LLM is configured)",
        citation="FDR B.01.006.1",
        source="llm",
    )
    pending.results["date_marking"].findings.append(question)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_docx(pending))).paragraphs]
    assert any(p.startswith("No LLM judge answered: 1 question(s)") for p in paragraphs)
    heading = paragraphs.index("Questions pending for the LLM judge or a reviewer")
    assert paragraphs[heading + 1] == f"1.5 (date_marking): {question.message}"


def test_long_evidence_is_clipped(report: Report) -> None:
    long = report.model_copy(deep=True)
    long.results["date_marking"].findings[1].evidence = "x" * 5000
    doc = docx.Document(io.BytesIO(render_docx(long, max_evidence_chars=100)))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells if c.text.startswith("xxx")]
    assert cells and all(len(c.split("\n")[0]) == 100 for c in cells)


def test_write_docx_writes_to_a_stream(report: Report) -> None:
    stream = io.BytesIO()
    write_docx(report, stream)
    assert stream.getvalue()[:2] == b"PK"  # a DOCX is a zip
