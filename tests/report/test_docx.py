"""The Word report read back as a person would: summary first, compact checker tables, passes folded, appendix."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.rules_index import rule_for
from labeliq.docx_findings import DETAIL_COLUMNS, DETAIL_WIDTHS_CM, FINDING_COLUMNS, FINDING_WIDTHS_CM
from labeliq.docx_report import (
    FAILING_COLUMNS,
    FAILING_WIDTHS_CM,
    REASON_CHARS,
    REVIEW_COLUMNS,
    VERDICT_FILLS,
    render_docx,
    write_docx,
)
from labeliq.models import (
    BoundingBox,
    Finding,
    LabelFacts,
    Panel,
    ProductContext,
    Provenance,
    Report,
    TextFact,
    Verdict,
)
from labeliq.pipeline import check_label
from tests.report.conftest import Installer

JU = "The date '27 JU 28' uses 'JU', which is not a CFIA month code (June is JN, July is JL)."
STORAGE = "Whether storage instructions are needed depends on the product. A person must confirm it."


def _dates(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        passed(rule_for("6.1"), "Best before / Meilleur avant is shown in both languages.", "FDR B.01.007(1.1)"),
        failed(rule_for("6.5"), JU, "CFIA ILT, date markings", "Best before / Meilleur avant 27 JU 28", "side"),
        review(rule_for("6.2"), STORAGE, "FDR B.01.007(1.1)"),
        passed(
            rule_for("6.3"), "The date is grouped with its words.", "FDR B.01.007(4)(a)", "Best before 27 JU 28", "side"
        ),
    ]


def _allergens(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        failed(
            rule_for("9.3"), "Milk (cheddar cheese) is missing from 'Contains'.", "FDR B.01.010.1(8)", "Contains: Wheat"
        ),
        not_applicable(rule_for("9.8"), "No gluten-free claim.", "FDR B.24.018"),
        review(rule_for("9.6"), "Whether barley malt is a gluten source here needs a look.", "FDR B.01.010.1(1)"),
    ]


def _raises(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    raise ValueError("unparseable table")


def _facts() -> LabelFacts:
    return LabelFacts(
        panels=[Panel(name="front", is_principal_display=True, text="Cheddar Crackers\nCraquelins au cheddar")],
        common_names=[
            TextFact(text="Cheddar Crackers", language="en", source=Provenance(panel="front")),
            TextFact(text="Craquelins au cheddar", language="fr", source=Provenance(panel="front")),
        ],
    )


@pytest.fixture
def report(fake_checkers: Installer) -> Report:
    fake_checkers(
        {
            "date_marking": ("content", _dates),
            "allergens_gluten": ("content", _allergens),
            "nutrition_facts": ("tables", _raises),
        }
    )
    return check_label(_facts(), ProductContext(category="crackers", date=dt.date(2026, 11, 24)), "job-docx")


def _open(report: Report, max_evidence_chars: int | None = None) -> Document:
    data = render_docx(report) if max_evidence_chars is None else render_docx(report, max_evidence_chars)
    return docx.Document(io.BytesIO(data))


def _tables_with_header(doc: Document, header: tuple[str, ...]) -> list[Table]:
    return [t for t in doc.tables if tuple(c.text for c in t.rows[0].cells) == header]


def _fill(cell: _Cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_title_names_the_product_and_the_judged_date(report: Report) -> None:
    doc = _open(report)
    assert doc.paragraphs[0].text == "Label compliance report: Cheddar Crackers / Craquelins au cheddar"
    assert "Judged on 2026-11-24" in doc.paragraphs[1].text
    assert "Overall verdict: FAIL" in _texts(doc)


def test_counts_row_matches_the_summary_and_is_shaded(report: Report) -> None:
    counts = _open(report).tables[0]
    cells = counts.rows[0].cells
    assert [c.text for c in cells] == ["FAIL: 2", "NEEDS REVIEW: 3", "PASS: 2", "N/A: 1"]
    assert [_fill(c) for c in cells] == [
        VERDICT_FILLS[Verdict.FAIL],
        VERDICT_FILLS[Verdict.NEEDS_REVIEW],
        VERDICT_FILLS[Verdict.PASS],
        VERDICT_FILLS[Verdict.NOT_APPLICABLE],
    ]


def test_summary_lists_each_failure_with_message_evidence_and_citation(report: Report) -> None:
    doc = _open(report)
    (failing,) = _tables_with_header(doc, FAILING_COLUMNS)
    assert doc.tables[1]._tbl is failing._tbl  # straight after the counts: the summary comes first
    rows = [[c.text for c in r.cells] for r in failing.rows[1:]]
    assert [r[0] for r in rows] == ["6.5\ndate_marking", "9.3\nallergens_gluten"]
    assert rows[0][1] == JU
    assert rows[0][2] == "Best before / Meilleur avant 27 JU 28 [panel side]\nCFIA ILT, date markings"
    assert rows[1][1:] == ["Milk (cheddar cheese) is missing from 'Contains'.", "Contains: Wheat\nFDR B.01.010.1(8)"]
    assert _fill(failing.rows[1].cells[0]) == VERDICT_FILLS[Verdict.FAIL]


def test_summary_groups_needs_review_by_checker_with_a_one_line_reason(report: Report) -> None:
    (pending,) = _tables_with_header(_open(report), REVIEW_COLUMNS)
    rows = [[c.text for c in r.cells] for r in pending.rows[1:]]
    assert rows[:2] == [
        ["date_marking", "6.2", "Whether storage instructions are needed depends on the product."],
        ["allergens_gluten", "9.6", "Whether barley malt is a gluten source here needs a look."],
    ]
    crashed = rows[2]
    assert crashed[:2] == ["nutrition_facts", "10"]
    assert crashed[2].startswith("The nutrition_facts check could not run") and crashed[2].endswith("…")
    assert all(len(reason) <= REASON_CHARS + 1 for _, _, reason in rows)


def test_needs_review_names_a_checker_once_for_its_group_of_rules(report: Report) -> None:
    more = report.model_copy(deep=True)
    more.results["date_marking"].findings.append(
        review(rule_for("6.8"), "Is the date on the bottom? Say where.", "FDR B.01.007")
    )
    (pending,) = _tables_with_header(_open(more), REVIEW_COLUMNS)
    rows = [[c.text for c in r.cells] for r in pending.rows[1:3]]
    assert rows == [
        ["date_marking", "6.2", "Whether storage instructions are needed depends on the product."],
        ["", "6.8", "Is the date on the bottom?"],
    ]


# A finding that quotes nothing says where the label was read (labeliq.checks.common.advice.absence_evidence).
WHOLE_LABEL = "No single passage to quote: judged from the whole label (panels read: front) and the product context."
NOT_FOUND = "Looked for on every panel read (front): not found."


def test_checker_table_holds_only_what_needs_action_with_shaded_verdicts(report: Report) -> None:
    doc = _open(report)
    dates = _tables_with_header(doc, FINDING_COLUMNS)[0]
    rows = [[c.text for c in r.cells] for r in dates.rows[1:]]
    assert rows == [
        ["6.5\nFAIL", JU, "Best before / Meilleur avant 27 JU 28\n[panel side]", "CFIA ILT, date markings"],
        ["6.2\nNEEDS REVIEW", STORAGE, WHOLE_LABEL, "FDR B.01.007(1.1)"],
    ]
    assert _fill(dates.rows[1].cells[0]) == VERDICT_FILLS[Verdict.FAIL]
    assert _fill(dates.rows[2].cells[0]) == VERDICT_FILLS[Verdict.NEEDS_REVIEW]
    assert {t.style.name if t.style else None for t in doc.tables} == {"Table Grid"}  # every table is ruled


def test_passes_and_not_applicable_fold_into_one_line_naming_their_rules(report: Report) -> None:
    paragraphs = _texts(_open(report))
    dates = paragraphs.index("date_marking: FAIL")
    allergens = paragraphs.index("allergens_gluten: FAIL")
    assert paragraphs[dates + 1 : allergens] == ["Passed: 6.1, 6.3 (details in the appendix)."]
    assert "Not applicable: 9.8 (details in the appendix)." in paragraphs[allergens:]


def test_appendix_keeps_every_folded_finding_in_full_on_a_landscape_page(report: Report) -> None:
    doc = _open(report)
    (appendix,) = _tables_with_header(doc, DETAIL_COLUMNS)
    rows = [[c.text for c in r.cells] for r in appendix.rows[1:]]
    assert rows == [
        [
            "6.1",
            "date_marking",
            "PASS",
            "Best before / Meilleur avant is shown in both languages. FDR B.01.007(1.1)",
            "No single passage to quote: judged from the whole label (panels read: front) and the…",
        ],
        [
            "6.3",
            "date_marking",
            "PASS",
            "The date is grouped with its words. FDR B.01.007(4)(a)",
            "Best before 27 JU 28 [panel side]",
        ],
        ["9.8", "allergens_gluten", "N/A", "No gluten-free claim. FDR B.24.018", NOT_FOUND],
    ]
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_tables_have_fixed_widths_small_type_and_repeated_headers(report: Report) -> None:
    doc = _open(report)
    for header, widths in (
        (FAILING_COLUMNS, FAILING_WIDTHS_CM),
        (FINDING_COLUMNS, FINDING_WIDTHS_CM),
        (DETAIL_COLUMNS, DETAIL_WIDTHS_CM),
    ):
        table = _tables_with_header(doc, header)[0]
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert table.autofit is False
        for row in table.rows:
            assert [c.width for c in row.cells] == [pytest.approx(Cm(w), abs=Cm(0.01)) for w in widths]  # twips
        header_row = table.rows[0]._tr.trPr
        assert header_row is not None and header_row.find(qn("w:tblHeader")) is not None  # repeats on each page
    message = _tables_with_header(doc, FINDING_COLUMNS)[0].rows[1].cells[1]
    assert {r.font.size for p in message.paragraphs for r in p.runs} == {Pt(9)}
    assert sum(FINDING_WIDTHS_CM) == pytest.approx(17.5)
    assert FINDING_WIDTHS_CM[1] == max(FINDING_WIDTHS_CM)  # the message gets the room


def test_a_checker_that_could_not_run_says_so(report: Report) -> None:
    assert "This check could not run: ValueError: unparseable table" in _texts(_open(report))


def test_closing_section_lists_what_was_not_checked(report: Report) -> None:
    paragraphs = _texts(_open(report))
    closing = paragraphs[paragraphs.index("What was not checked") + 1 :]
    assert any("could not run" in p and "nutrition_facts" in p for p in closing)
    assert any(p.startswith("No LLM judge answered: 0 question(s)") for p in closing)


def test_closing_section_names_the_questions_left_for_the_llm_or_a_reviewer(report: Report) -> None:
    pending = report.model_copy(deep=True)
    question = Finding(
        rule="1.5",
        verdict=Verdict.NEEDS_REVIEW,
        message="Does the common name state the true nature of the food? (no LLM is configured)",
        citation="FDR B.01.006.1",
        source="llm",
    )
    pending.results["date_marking"].findings.append(question)
    paragraphs = _texts(_open(pending))
    assert any(p.startswith("No LLM judge answered: 1 question(s)") for p in paragraphs)
    assert "Questions pending for the LLM judge or a reviewer: 1.5 (date_marking)" in paragraphs
    table = _tables_with_header(_open(pending), FINDING_COLUMNS)[0]
    assert any(r.cells[1].text == question.message + " (LLM judge)" for r in table.rows)


def test_long_evidence_is_clipped(report: Report) -> None:
    long = report.model_copy(deep=True)
    long.results["date_marking"].findings[1].evidence = "x" * 5000
    long.results["date_marking"].findings[1].highlight = None  # no words to quote around: the start is kept
    table = _tables_with_header(_open(long, max_evidence_chars=100), FINDING_COLUMNS)[0]
    assert table.rows[1].cells[2].text.split("\n")[0] == "x" * 99 + "…"


def test_write_docx_writes_to_a_stream(report: Report) -> None:
    stream = io.BytesIO()
    write_docx(report, stream)
    assert stream.getvalue()[:2] == b"PK"  # a DOCX is a zip


def test_a_located_finding_shows_its_box_on_the_photo_with_the_evidence(report: Report) -> None:
    located = report.model_copy(deep=True)
    fail = located.results["date_marking"].findings[1]
    fail.location = BoundingBox(x0=120, y0=610, x1=840, y1=700)
    doc = _open(located)
    (failing,) = _tables_with_header(doc, FAILING_COLUMNS)
    assert (
        failing.rows[1].cells[2].text.startswith("Best before / Meilleur avant 27 JU 28 [side, x 120–840, y 610–700]")
    )
    dates = _tables_with_header(doc, FINDING_COLUMNS)[0]
    assert dates.rows[1].cells[2].text == "Best before / Meilleur avant 27 JU 28\n[side, x 120–840, y 610–700]"


def test_page_one_says_the_report_is_incomplete_when_checkers_could_not_run(report: Report) -> None:
    paragraphs = _texts(_open(report))
    first_page = paragraphs[: paragraphs.index("Product context")] if "Product context" in paragraphs else paragraphs
    warning = [p for p in first_page if p.startswith("Incomplete:")]
    assert warning and "nutrition_facts" in warning[0] and "could not run" in warning[0]
    assert paragraphs.index(warning[0]) < 5, "the warning sits under the overall verdict, on page 1"


def test_page_one_says_what_text_was_left_out(report: Report) -> None:
    cut = report.model_copy(
        update={
            "label_facts": report.label_facts.model_copy(update={"limits": ["panel back holds 900000 characters"]}),
            "llm_usage": report.llm_usage.model_copy(update={"prompt_cuts": ["ingredient list 1: 6,000 of 100,000"]}),
        }
    )
    paragraphs = _texts(_open(cut))
    assert "Not read: panel back holds 900000 characters." in paragraphs[:8]
    assert any(p.startswith("Shown to the LLM only in part: ingredient list 1") for p in paragraphs[:8])
