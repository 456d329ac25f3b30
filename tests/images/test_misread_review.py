"""A fail read off a photo that may be the OCR's mistake is a question with the spot to look at (issue 11, item 5).

The photo is the granola sample's table as a fake OCR engine reads it (tests/images/fakes.TextEngine), so each case
controls exactly what was read and how surely; the same text given as a text panel keeps its fails.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.ocr_result import OcrPage
from labeliq.extraction.photo_facts import facts_from_photos
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Finding, Panel, ProductContext
from tests.images.fakes import TextEngine, page_from_text
from tests.images.test_photo_facts import blank_png

REPO = Path(__file__).resolve().parents[2]
TABLE = "\n".join((REPO / "samples" / "granola-compliant" / "back.txt").read_text(encoding="utf-8").splitlines()[:20])
FRONT = Panel(name="front", text="Oat Granola Bars\nBarres granola à l'avoine\n210 g", is_principal_display=True)
CTX = ProductContext(date=dt.date(2026, 11, 24))


class _Engine(TextEngine):
    """Reads the prepared text; a line holding one of `low`'s substrings is read with that confidence."""

    def __init__(self, texts: dict[str, str], low: dict[str, float]) -> None:
        super().__init__(texts)
        self.low = low

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        return page_from_text(panel, self.texts[panel], width=image.width, low_confidence=self.low)


def _photo(text: str, low: dict[str, float] | None = None) -> list[Finding]:
    engine = _Engine({"back": text}, low or {})
    facts = facts_from_photos([("back.png", blank_png())], engine=engine, text_panels=[FRONT])
    return nutrition_facts.check(facts, CTX)


def _text(text: str) -> list[Finding]:
    return nutrition_facts.check(parse_label([FRONT, Panel(name="back", text=text)]), CTX)


def _by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_compliant_table_from_a_photo_has_no_fail_and_no_misread() -> None:
    findings = _photo(TABLE)
    assert [f.rule for f in findings if f.verdict.value == "fail"] == []
    assert not any("Possible misread" in f.message for f in findings)


def test_a_misread_digit_that_breaks_every_relation_is_a_question_with_its_place() -> None:
    """ "3.5 g" read as "35 g": fat's %DV (5 %) and the energy (150 Calories) both disagree with it."""
    misread = TABLE.replace("Fat / Lipides 5 g                     7 %", "Fat / Lipides 35 g                    7 %")
    photo = _photo(misread)
    for rule in ("10.E2.fat", "10.E5"):
        [finding] = _by_rule(photo, rule)
        assert finding.verdict.value == "needs_review" and finding.message.startswith("Possible misread")
        assert finding.location is not None and finding.question
    assert {f.verdict.value for f in _by_rule(_text(misread), "10.E2.fat")} == {"fail"}  # typed text: a fail


def test_a_single_wrong_percent_read_surely_stays_a_fail() -> None:
    """Sodium 95 mg is 4 % of 2300 mg; "9 %" breaks only that relation, and the OCR was sure: a label error."""
    wrong = TABLE.replace("Sodium 95 mg                          4 %", "Sodium 95 mg                          9 %")
    [finding] = _by_rule(_photo(wrong), "10.E1.sodium")
    assert finding.verdict.value == "fail"


def test_a_fail_on_a_row_read_with_low_confidence_is_a_question() -> None:
    wrong = TABLE.replace("Sodium 95 mg                          4 %", "Sodium 95 mg                          9 %")
    [finding] = _by_rule(_photo(wrong, low={"Sodium": 0.55}), "10.E1.sodium")
    assert finding.verdict.value == "needs_review" and "low confidence (0.55)" in finding.message
    assert finding.location is not None


def test_a_percent_left_on_its_own_line_is_not_a_missing_percent() -> None:
    """Sodium's %DV laid out on a line of its own below the next row: "%DV missing" would be the OCR's error.
    (A %DV right below its own row is joined back to it, as in the narrow format.)"""
    split = TABLE.replace("Sodium 95 mg                          4 %\n", "Sodium 95 mg\n").replace(
        "Potassium 125 mg                      4 %\n", "Potassium 125 mg                      4 %\n          4 %\n"
    )
    [finding] = _by_rule(_photo(split), "10.D.sodium")
    assert finding.verdict.value == "needs_review" and '"4 %"' in finding.message


def test_text_panels_never_turn_fails_into_questions() -> None:
    wrong = TABLE.replace("Sodium 95 mg                          4 %", "Sodium 95 mg                          9 %")
    assert {f.verdict.value for f in _by_rule(_text(wrong), "10.E1.sodium")} == {"fail"}
