"""Reading order on synthetic OCR pages: rows, columns, paragraph breaks, tilt, and what the parser makes of it."""

from __future__ import annotations

import pytest

from labeliq.extraction.layout import estimate_skew, laid_out_text, lay_out, page_text
from labeliq.extraction.ocr_result import OcrBlock, OcrPage
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel
from tests.checks.nutrition_facts import format_tables
from tests.images.fakes import keystone, ocr_line, page_from_text

SIDE_BY_SIDE = """\
Ingredients: Whole wheat flour, Water,      Ingrédients : Farine de blé entier, Eau,
Yeast, Canola oil, Sugar, Salt, Vinegar,    Levure, Huile de canola, Sucre, Sel,
Calcium propionate.                         Vinaigre, Propionate de calcium.
Contains: Wheat.                            Contient : Blé.
                                            Peut contenir : Sésame.
"""

TABLE = """\
Nutrition Facts
Valeur nutritive
Per 1 bar (35 g)
pour 1 barre (35 g)
Calories 150            % Daily Value*
                        % valeur quotidienne*
Fat / Lipides 5 g                     7 %
Saturated / saturés 1 g
+ Trans / trans 0 g                   5 %
Carbohydrate / Glucides 24 g
Sodium 95 mg                          4 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""


def _page(*lines: tuple[str, float, float]) -> OcrPage:
    ocr = [ocr_line(text, x, y) for text, x, y in lines]
    return OcrPage(
        panel="back", engine="rapidocr", width_px=1200, height_px=800, blocks=[OcrBlock(lines=ocr, bbox=ocr[0].bbox)]
    )


def test_boxes_on_one_row_are_joined_left_to_right_with_one_space_when_close() -> None:
    page = _page(("Ingredients: Oats,", 0, 0), ("Honey.", 18 * 12 + 8, 2))
    assert page_text(page) == "Ingredients: Oats, Honey."


def test_wide_gap_reaches_the_column_the_box_starts_at() -> None:
    page = _page(("Fat 5 g", 0, 0), ("7 %", 38 * 12, 1), ("Sodium 95 mg", 0, 26), ("4 %", 38 * 12, 27))
    lines = page_text(page).splitlines()
    assert [line.index("%") - 2 for line in lines] == [38, 38]


def test_a_right_column_only_row_is_indented_to_the_column() -> None:
    text = page_text(page_from_text("back", SIDE_BY_SIDE))
    last = text.splitlines()[-1]
    assert last.strip() == "Peut contenir : Sésame."
    assert len(last) - len(last.lstrip()) == SIDE_BY_SIDE.splitlines()[-1].index("Peut")


def test_a_vertical_gap_is_a_paragraph_break() -> None:
    text, sources = laid_out_text(page_from_text("back", "Store in a cool, dry place.\n\nMaple Grove Foods Inc."))
    assert text == "Store in a cool, dry place.\n\nMaple Grove Foods Inc."
    assert sources[1] is None and sources[0] is not None and sources[2] is not None


def test_each_output_line_keeps_its_boxes_in_photo_pixels() -> None:
    rows = lay_out(page_from_text("back", "Fat / Lipides 5 g                     7 %"))
    [row] = rows
    assert [line.text for line in row.sources] == ["Fat / Lipides 5 g", "7 %"]
    assert row.bbox.x0 == pytest.approx(40.0) and row.bbox.x1 == pytest.approx(40 + 41 * 12)


@pytest.mark.parametrize("tilt", [-5.0, -2.5, 3.0, 5.0])
def test_a_tilted_photo_keeps_values_on_their_rows(tilt: float) -> None:
    page = page_from_text("back", TABLE, tilt_deg=tilt)
    assert estimate_skew(page.lines()) == pytest.approx(tilt, abs=0.01)
    straight = page_text(page_from_text("back", TABLE))
    assert page_text(page) == straight


def test_without_polygons_the_page_is_read_as_straight() -> None:
    page = page_from_text("back", TABLE)
    flat = page.model_copy(
        update={
            "blocks": [
                OcrBlock(lines=[line.model_copy(update={"polygon": None})], bbox=line.bbox) for line in page.lines()
            ]
        }
    )
    assert estimate_skew(flat.lines()) == 0.0
    assert page_text(flat) == page_text(page)


def test_parser_pulls_side_by_side_columns_apart() -> None:
    facts = parse_label([Panel(name="back", text=page_text(page_from_text("back", SIDE_BY_SIDE, tilt_deg=4.0)))])
    english, french = sorted(facts.ingredients, key=lambda item: item.language)
    assert english.language == "en" and english.text.startswith("Whole wheat flour, Water, Yeast")
    assert french.language == "fr" and french.text.startswith("Farine de blé entier, Eau, Levure")
    assert {(c.language, c.text) for c in facts.contains} == {("en", "Wheat."), ("fr", "Blé.")}
    assert [(m.language, m.text) for m in facts.may_contain] == [("fr", "Sésame.")]


def test_parser_reads_values_and_daily_values_on_one_row() -> None:
    facts = parse_label([Panel(name="back", text=page_text(page_from_text("back", TABLE, tilt_deg=-4.0)))])
    table = facts.nutrition_facts
    assert table is not None
    assert table.calories == 150
    assert (table.nutrients["fat"].amount, table.nutrients["fat"].dv_percent) == (5, 7)
    assert table.nutrients["saturated_plus_trans"].dv_percent == 5
    assert (table.nutrients["sodium"].amount, table.nutrients["sodium"].dv_percent) == (95, 4)
    assert table.nutrients["carbohydrate"].dv_percent is None


def test_padded_boxes_that_overlap_still_show_a_paragraph_break() -> None:
    # detectors pad their boxes: rows 24 px high on a 21 px pitch overlap; a skipped row is the break
    page = _page(
        ("Contains: Oats.", 0, 0),
        ("May contain: Peanuts.", 0, 21),
        ("Contient : Avoine.", 0, 63),
        ("Peut contenir : Arachides.", 0, 84),
    )
    assert page_text(page) == "Contains: Oats.\nMay contain: Peanuts.\n\nContient : Avoine.\nPeut contenir : Arachides."


def _rows(page: OcrPage) -> dict[str, tuple[float | None, float | None]]:
    table = parse_label([Panel(name="back", text=page_text(page))]).nutrition_facts
    assert table is not None
    return {key: (value.amount, value.dv_percent) for key, value in table.nutrients.items()}


@pytest.mark.parametrize("tilt", [0.0, 4.0, -4.0])
@pytest.mark.parametrize("strength", [0.1, 0.2, 0.3])
def test_a_photo_in_perspective_keeps_each_percent_on_its_row(strength: float, tilt: float) -> None:
    """A keystone fans the rows out: the %DV far right of its label sits a row higher or lower than the label's
    left end. Each row is followed along its own slope, so every %DV stays with its nutrient (issue 11, item 5)."""
    straight = _rows(page_from_text("back", TABLE))
    assert _rows(keystone(page_from_text("back", TABLE, tilt_deg=tilt), strength)) == straight


@pytest.mark.parametrize("name", ["HORIZONTAL", "DUAL", "AGGREGATE", "NARROW", "TWOAMOUNTS"])
@pytest.mark.parametrize("strength", [0.0, 0.15])
def test_every_table_format_photographed_tilted_and_in_perspective_reads_like_its_text(
    name: str, strength: float
) -> None:
    """The formats of B.01.454-B.01.459 (tests/checks/nutrition_facts/format_tables.py) as a tilted photo, and a
    keystoned one: the same rows, amounts and %DV as the text gives."""
    text = getattr(format_tables, name)
    page = page_from_text("back", text, tilt_deg=3.0)
    if strength:
        page = keystone(page, strength)
    assert _rows(page) == _rows(page_from_text("back", text))
