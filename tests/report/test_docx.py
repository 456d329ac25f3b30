"""The Word report read back as a person would: verdict first, one row per rule to act on, the checklist, settled rules.

Rendered-page checks (page counts, what a printed page shows) are in test_docx_pages.py.
"""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from PIL import Image

from labeliq.checks.common.advice import rule_title_fr
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.rules_index import rule_for
from labeliq.docx_findings import ACTION_WIDTHS_CM, SETTLED_WIDTHS_CM, excerpt
from labeliq.docx_images import photo_sources, picture_bytes
from labeliq.docx_report import VERDICT_FILLS, render_docx, write_docx
from labeliq.docx_text import ENGLISH, FRENCH, human_value
from labeliq.models import (
    BoundingBox,
    Finding,
    FindingReview,
    FindingText,
    LabelFacts,
    Panel,
    ProductContext,
    Provenance,
    Quantity,
    Report,
    TextFact,
    Verdict,
)
from labeliq.pipeline import check_label
from labeliq.workspace.records import SignOff
from tests.report.conftest import Installer

JU = "The date '27 JU 28' uses 'JU', which is not a CFIA month code (June is JN, July is JL)."
JU_FIX = "Write the month as JN (June) or JL (July)."
STORAGE = "Whether storage instructions are needed depends on the product. A person must confirm it."
STORAGE_Q = "Does the product need refrigeration?"
INGREDIENTS = (
    "Ingredients: Enriched wheat flour, Canola oil, Cheddar cheese (milk, bacterial culture, salt, calcium chloride, "
    "microbial enzyme), Dried onion (sulphur dioxide), Salt, Yeast, Barley malt extract, Paprika extract."
)
SULPHITES = "sulphur dioxide"


def _dates(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    ju = failed(rule_for("6.5"), JU, "CFIA ILT, date markings", "Best before / Meilleur avant 27 JU 28", "side")
    storage = review(rule_for("6.2"), STORAGE, "FDR B.01.007(1.1)")
    return [
        passed(rule_for("6.1"), "Best before / Meilleur avant is shown in both languages.", "FDR B.01.007(1.1)"),
        ju.model_copy(
            update={"fix": JU_FIX, "fr": FindingText(message="« JU » n'est pas un code de mois.", fix="Écrivez JN.")}
        ),
        storage.model_copy(update={"question": STORAGE_Q}),
        passed(
            rule_for("6.3"), "The date is grouped with its words.", "FDR B.01.007(4)(a)", "Best before 27 JU 28", "side"
        ),
    ]


def _allergens(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    start = INGREDIENTS.index(SULPHITES)
    sulphites = failed(
        rule_for("9.5"),
        "'sulphur dioxide' is not followed by 'sulphites'.",
        "FDR B.01.010.2(6)",
        INGREDIENTS,
        "side",
    )
    return [
        failed(
            rule_for("9.4"), "'Tree nuts' is a generic name.", "FDR B.01.010.1(6)", "May contain: Tree nuts.", "side"
        ).model_copy(update={"fix": "Name each nut."}),
        passed(rule_for("9.4"), "Every entry of 'Contains' is a prescribed name.", "FDR B.01.010.1(6)"),
        passed(rule_for("9.4"), "Every entry of 'Contient' is a prescribed name.", "FDR B.01.010.1(6)"),
        sulphites.model_copy(
            update={"fix": "Add (sulphites) after sulphur dioxide.", "highlight": (start, start + len(SULPHITES))}
        ),
        not_applicable(rule_for("9.8"), "No gluten-free claim.", "FDR B.24.018"),
        review(rule_for("5.15"), "Check that the list is set apart by a border.", "FDR B.01.008.2(2)", "", "side"),
    ]


def _raises(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    raise ValueError("unparseable table")


def _facts() -> LabelFacts:
    return LabelFacts(
        panels=[
            Panel(name="front", is_principal_display=True, text="Cheddar Crackers\nCraquelins au cheddar"),
            Panel(name="side", text=INGREDIENTS, image_uri="side.jpg", width_px=1000, height_px=600),
        ],
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
    context = ProductContext(
        category="crackers",
        date=dt.date(2026, 11, 24),
        reference_amount=Quantity(value=20.0, unit="g"),
        imported=False,
        durable_life_days=180,
    )
    return check_label(_facts(), context, "job-docx")


def _open(report: Report, **options: object) -> Document:
    return docx.Document(io.BytesIO(render_docx(report, **options)))  # type: ignore[arg-type]


def _table_after(doc: Document, header: tuple[str, ...]) -> Table:
    (found,) = [t for t in doc.tables if tuple(c.text for c in t.rows[0].cells) == header]
    return found


def _fill(cell: _Cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _all_text(doc: Document) -> str:
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(_texts(doc) + cells)


def _action_rows(doc: Document) -> list[list[str]]:
    table = _table_after(doc, ENGLISH.action_columns)
    return [[c.text for c in r.cells] for r in table.rows[1:]]


def test_page_one_names_the_product_date_and_verdict_and_counts_each_rule_once(report: Report) -> None:
    doc = _open(report)
    assert doc.paragraphs[0].text == "Label compliance report: Cheddar Crackers / Craquelins au cheddar"
    assert "Judged on 2026-11-24" in doc.paragraphs[1].text
    assert doc.paragraphs[2].text.startswith("Overall verdict: FAIL")
    assert "Not signed off" in doc.paragraphs[2].text
    cells = doc.tables[0].rows[0].cells
    # rules: 6.5, 9.4, 9.5 fail; 6.2 and the crashed checker's 10 need review; 6.1, 6.3 pass; 9.8 n/a; 5.15 package
    assert [c.text for c in cells] == ["FAIL: 3", "NEEDS REVIEW: 2", "PASS: 2", "N/A: 1", "☐ 1"]
    assert [_fill(c) for c in cells[:4]] == [
        VERDICT_FILLS[Verdict.FAIL],
        VERDICT_FILLS[Verdict.NEEDS_REVIEW],
        VERDICT_FILLS[Verdict.PASS],
        VERDICT_FILLS[Verdict.NOT_APPLICABLE],
    ]


def test_each_rule_to_act_on_is_one_numbered_row_fails_first_with_its_fix_or_question(report: Report) -> None:
    rows = _action_rows(_open(report))
    assert [r[0].split("\n")[:3] for r in rows] == [
        ["#1", "6.5", "FAIL"],
        ["#2", "9.4", "FAIL"],
        ["#3", "9.5", "FAIL"],
        ["#4", "6.2", "NEEDS REVIEW"],
        ["#5", "10", "NEEDS REVIEW"],
    ]
    ju = rows[0][1].split("\n")
    assert JU in ju and f"Fix: {JU_FIX}" in ju
    assert ju[0] == rule_for("6.5").title  # the rule's own words head its row
    assert f"To confirm: {STORAGE_Q}" in rows[3][1].split("\n")
    assert rows[0][2] == "Best before / Meilleur avant 27 JU 28\n[side]\nCFIA ILT, date markings"


def test_a_rule_judged_several_times_shows_under_one_verdict_only(report: Report) -> None:
    doc = _open(report)
    tree_nuts = _action_rows(doc)[1][1].split("\n")
    assert "Fix: Name each nut." in tree_nuts
    assert "Also: PASS: Every entry of 'Contains' is a prescribed name." in tree_nuts
    assert "Also: PASS: Every entry of 'Contient' is a prescribed name." in tree_nuts
    settled_rules = [
        row.cells[0].text
        for table in doc.tables
        if len(table.columns) == len(SETTLED_WIDTHS_CM) and table.rows[0].cells[1].text in ("PASS", "N/A")
        for row in table.rows
    ]
    assert sorted(settled_rules) == ["6.1", "6.3", "9.8"]  # 9.4 fails: it is never listed as passed


def test_evidence_is_quoted_around_the_words_that_matter_and_they_are_highlighted(report: Report) -> None:
    doc = _open(report)
    cell = _table_after(doc, ENGLISH.action_columns).rows[3].cells[2]
    highlighted = [
        r.text
        for p in cell.paragraphs
        for r in p.runs
        if r._r.rPr is not None and r._r.rPr.find(qn("w:highlight")) is not None
    ]
    assert highlighted == [SULPHITES]
    assert SULPHITES in cell.text


def test_excerpt_cuts_both_sides_with_ellipses_and_keeps_the_span_whole() -> None:
    start = INGREDIENTS.index(SULPHITES)
    finding = Finding(
        rule="9.5",
        verdict=Verdict.FAIL,
        message="m",
        citation="c",
        evidence=INGREDIENTS,
        highlight=(start, start + len(SULPHITES)),
    )
    before, span, after = excerpt(finding, 60)
    assert span == SULPHITES
    assert before.startswith("…") and after.endswith("…")
    assert len(before) + len(span) + len(after) <= 60
    start_only = excerpt(finding.model_copy(update={"highlight": None}), 30)
    assert start_only[0].startswith("Ingredients:") and start_only[0].endswith("…") and start_only[1:] == ("", "")
    assert len(start_only[0]) <= 30
    out_of_range = finding.model_copy(update={"highlight": (5, 9999)})
    assert excerpt(out_of_range, 30)[1] == ""  # a span past the evidence is ignored, never an IndexError


def test_package_checks_are_their_own_checklist_with_tick_boxes(report: Report) -> None:
    doc = _open(report)
    checklist = _table_after(doc, ENGLISH.package_columns)
    (row,) = checklist.rows[1:]
    assert [c.text for c in row.cells][:2] == ["☐", "#6\n5.15\nallergens gluten"]
    border = next(f for r in report.results.values() for f in r.findings if f.rule == "5.15")
    assert border.question  # the report gives each question (labeliq.checks.common.advice)
    assert row.cells[2].text == f"{border.question} [side]"
    assert ENGLISH.package_checklist in _texts(doc)


def test_settled_rules_are_one_compact_table_per_checker_with_every_finding(report: Report) -> None:
    doc = _open(report)
    paragraphs = _texts(doc)
    assert "date marking" in paragraphs and "allergens gluten" in paragraphs
    text = _all_text(doc)
    assert "Best before / Meilleur avant is shown in both languages.  FDR B.01.007(1.1)" in text
    assert "No gluten-free claim.  FDR B.24.018" in text
    widths = [t for t in doc.tables if len(t.columns) == 3 and t.rows[0].cells[1].text in ("PASS", "N/A")]
    assert widths and all(t._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed" for t in widths)
    assert sum(SETTLED_WIDTHS_CM) == pytest.approx(17.5) and sum(ACTION_WIDTHS_CM) == pytest.approx(17.5)
    assert {t.style.name if t.style else None for t in doc.tables} == {"Table Grid"}  # every table is ruled


def test_no_appendix_no_page_break_and_no_landscape_page(report: Report) -> None:
    doc = _open(report)
    assert len(doc.sections) == 1
    assert not any(br.get(qn("w:type")) == "page" for br in doc.element.body.iter(qn("w:br")))


def test_context_values_are_written_for_people(report: Report) -> None:
    cells = [c.text for row in _table_after_context(_open(report)).rows for c in row.cells]
    assert "reference amount" in cells and "20 g" in cells and "20.0 g" not in cells
    assert "imported" in cells and "no" in cells and "False" not in cells
    assert human_value(True, "fr") == "oui" and human_value({"value": 2.5, "unit": "mL"}, "fr") == "2,5 mL"


def _table_after_context(doc: Document) -> Table:
    return next(t for t in doc.tables if t.rows[0].cells[0].text in ("category", "catégorie"))


def test_a_checker_that_could_not_run_says_so_on_page_one_and_in_its_place(report: Report) -> None:
    paragraphs = _texts(_open(report))
    warning = next(p for p in paragraphs if p.startswith("Incomplete:"))
    assert "nutrition_facts" in warning and paragraphs.index(warning) < 6
    assert "nutrition facts: This check could not run: ValueError: unparseable table" in paragraphs


def test_closing_section_lists_what_was_not_checked_and_pending_llm_questions(report: Report) -> None:
    pending = report.model_copy(deep=True)
    question = Finding(
        rule="1.5",
        verdict=Verdict.NEEDS_REVIEW,
        message="Does the common name state the true nature of the food?",
        citation="FDR B.01.006.1",
        source="llm",
    )
    pending.results["date_marking"].findings.append(question)
    doc = _open(pending)
    paragraphs = _texts(doc)
    closing = paragraphs[paragraphs.index("What was not checked") + 1 :]
    assert any(p.startswith("No LLM judge answered: 1 question(s)") for p in closing)
    assert "Questions pending for the LLM judge or a reviewer: 1.5 (date marking)" in closing
    assert "LLM judge" not in _action_rows(doc)[3][1]  # no jargon on the question itself when no LLM answered


def test_reviewer_decisions_show_beside_the_machine_verdict(report: Report) -> None:
    reviewed = report.model_copy(deep=True)
    at = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
    storage = reviewed.results["date_marking"].findings[2]
    storage.review = FindingReview(
        verdict=Verdict.PASS, action="override", reason="refrigeration is not needed", reviewer="ana@maker.ca", at=at
    )
    doc = _open(reviewed)
    rows = _action_rows(doc)
    assert all("6.2" not in r[0] for r in rows)  # decided: no longer an open item
    text = _all_text(doc)
    assert "Machine verdict: NEEDS REVIEW · Reviewer's verdict: PASS (overridden) by ana@maker.ca, 2026-11-25" in text
    assert "Reason: refrigeration is not needed" in text
    ju = reviewed.results["date_marking"].findings[1]
    ju.review = FindingReview(verdict=Verdict.FAIL, action="accept", reviewer="ana@maker.ca", at=at)
    rows = _action_rows(_open(reviewed))
    assert (
        "Machine verdict: FAIL · Reviewer's verdict: FAIL (accepted) by ana@maker.ca, 2026-11-25 09:30 UTC"
        in (rows[0][1])
    )


def test_a_signed_off_report_says_by_whom_and_when_on_page_one(report: Report) -> None:
    signed = SignOff(by="lead@maker.ca", at=dt.datetime(2026, 11, 26, 14, 5, tzinfo=dt.UTC), version=2)
    doc = _open(report, signed_off=signed)
    assert "Signed off by lead@maker.ca on 2026-11-26 14:05 UTC (version 2)." in doc.paragraphs[2].text


def test_a_french_report_has_french_headings_and_the_findings_french_words(report: Report) -> None:
    doc = _open(report, language="fr")
    paragraphs = _texts(doc)
    assert doc.paragraphs[0].text.startswith("Rapport de conformité de l'étiquette : Cheddar Crackers")
    assert doc.paragraphs[2].text.startswith("Verdict global : NON CONFORME")
    for heading in (FRENCH.action_items, FRENCH.package_checklist, FRENCH.passes, FRENCH.not_checked):
        assert heading in paragraphs
    table = _table_after(doc, FRENCH.action_columns)
    ju = table.rows[1].cells[1].text.split("\n")
    assert "« JU » n'est pas un code de mois." in ju and "Correction : Écrivez JN." in ju
    assert ju[0] == rule_title_fr("6.5") and ju[0]  # the rule's French title heads its row
    tree_nuts = next(f for r in report.results.values() for f in r.findings if f.rule == "9.4" and f.fix)
    assert tree_nuts.fr is not None and tree_nuts.fr.message  # written when the report was assembled
    assert tree_nuts.fr.message in table.rows[2].cells[1].text.split("\n")
    untranslated = report.model_copy(deep=True)
    untranslated.results["allergens_gluten"].findings[0].fr = None
    table = _table_after(_open(untranslated, language="fr"), FRENCH.action_columns)
    assert "(EN) 'Tree nuts' is a generic name." in table.rows[2].cells[1].text.split("\n")
    assert FRENCH.english_note in _texts(_open(untranslated, language="fr"))  # the mark is explained once
    english = set(_texts(_open(report)))
    assert not ({ENGLISH.action_items, ENGLISH.passes, ENGLISH.not_checked} & set(paragraphs))
    assert english != set(paragraphs)


def _photo(width: int = 1000, height: int = 600) -> bytes:
    image = Image.new("RGB", (width, height), (240, 236, 220))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_photo_job_shows_panel_thumbnails_and_a_crop_per_located_item(report: Report) -> None:
    located = report.model_copy(deep=True)
    findings = located.results["allergens_gluten"].findings
    findings[0].location = BoundingBox(x0=100, y0=400, x1=500, y1=440)  # 9.4 fail
    findings[3].location = BoundingBox(x0=80, y0=120, x1=900, y1=300)  # 9.5 fail
    data = render_docx(located, panel_images={"side": _photo()})
    doc = docx.Document(io.BytesIO(data))
    pictures = doc.inline_shapes
    assert len(pictures) == 3  # the side panel's thumbnail and two crops (the front panel has no photo)
    media = [p for p in doc.part.package.parts if p.partname.startswith("/word/media/")]
    assert all(p.content_type == "image/jpeg" and len(p.blob) < 60_000 for p in media)
    rows = _table_after(doc, ENGLISH.action_columns).rows
    assert rows[2].cells[2]._tc.xpath(".//pic:pic") and rows[3].cells[2]._tc.xpath(".//pic:pic")
    assert "[side, x 100–500, y 400–440]" in rows[2].cells[2].text
    assert len(data) < 200_000


def _pdf(*colours: tuple[int, int, int], width: int = 1000, height: int = 600) -> bytes:
    """A PDF of one page per colour, each rendering to width x height pixels at the OCR's resolution."""
    from labeliq.extraction.image_intake import PDF_RENDER_DPI

    pages = [Image.new("RGB", (width, height), colour) for colour in colours]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=PDF_RENDER_DPI)
    return out.getvalue()


def test_a_pdf_panel_is_drawn_from_its_page_as_the_ocr_read_it() -> None:
    data = _pdf((240, 236, 220), (200, 30, 30))
    sources = {"side": "side.pdf", "side-p2": "side.pdf", "side-p2-2": "side.pdf", "back": "back.jpg"}
    images = picture_bytes(sources, {"side.pdf": data, "back.jpg": _photo()})
    assert images["back"] == _photo(), "a photo is passed as it is"
    first, second = (Image.open(io.BytesIO(images[n])) for n in ("side", "side-p2"))
    assert first.size == second.size == (1000, 600), "the page in the pixels its boxes are in"
    assert first.getpixel((500, 300))[0] > 230 and second.getpixel((500, 300))[1] < 80, "each panel its own page"
    assert images["side-p2-2"] == images["side-p2"], "a panel split from a page is drawn from that page"
    assert picture_bytes({"side": "side.pdf"}, {"side.pdf": b"%PDF-1.7 broken"}) == {}, "words only, no crash"


def test_a_pdf_job_gets_thumbnails_and_crops_like_a_photo_job(report: Report) -> None:
    located = report.model_copy(deep=True)
    located.label_facts.panels[1].image_uri = "side.pdf"
    findings = located.results["allergens_gluten"].findings
    findings[0].location = BoundingBox(x0=100, y0=400, x1=500, y1=440)  # 9.4 fail
    images = picture_bytes(photo_sources(located.label_facts), {"side.pdf": _pdf((240, 236, 220))})
    doc = docx.Document(io.BytesIO(render_docx(located, panel_images=images)))
    assert len(doc.inline_shapes) == 2  # the side page's thumbnail and the crop of the located fail
    rows = _table_after(doc, ENGLISH.action_columns).rows
    assert rows[2].cells[2]._tc.xpath(".//pic:pic")


def test_pictures_are_left_out_quietly_for_an_image_that_cannot_be_decoded(report: Report) -> None:
    located = report.model_copy(deep=True)
    located.results["allergens_gluten"].findings[0].location = BoundingBox(x0=1, y0=1, x1=5, y1=5)
    doc = docx.Document(io.BytesIO(render_docx(located, panel_images={"side": b"not an image"})))
    assert len(doc.inline_shapes) == 0
    assert "[side, x 1–5, y 1–5]" in _all_text(doc)  # still said in words


def test_write_docx_writes_to_a_stream(report: Report) -> None:
    stream = io.BytesIO()
    write_docx(report, stream)
    assert stream.getvalue()[:2] == b"PK"  # a DOCX is a zip


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


def test_a_french_report_marks_each_part_left_in_english(report: Report) -> None:
    partly = report.model_copy(deep=True)
    ju = partly.results["date_marking"].findings[1]
    ju.fr = FindingText(message="", fix="Écrivez JN ou JL.")  # the checker gave the French of its fix only
    storage = partly.results["date_marking"].findings[2]
    storage.fr = FindingText(message="Les instructions d'entreposage dépendent du produit.")  # no French question
    rows = [[c.text for c in r.cells] for r in _table_after(_open(partly, language="fr"), FRENCH.action_columns).rows]
    ju_lines = rows[1][1].split("\n")
    assert f"(EN) {JU}" in ju_lines and "Correction : Écrivez JN ou JL." in ju_lines
    storage_lines = next(r for r in rows if "6.2" in r[0])[1].split("\n")
    assert "Les instructions d'entreposage dépendent du produit." in storage_lines
    assert f"À confirmer : (EN) {STORAGE_Q}" in storage_lines
