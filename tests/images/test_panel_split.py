"""A wide photo holding several panels is cut at full-height blank gutters; one panel's columns are not."""

from __future__ import annotations

from labeliq.extraction.ocr_result import OcrPage
from labeliq.extraction.panel_split import gutters, split_page
from tests.images.fakes import page_from_text

FRONT = "MAPLE GROVE\nOat & Honey Granola Bars\nBarres granola à l'avoine et au miel\n210 g"
SIDE = "Best before / Meilleur avant\n27 MR 15\nMaple Grove Foods Inc.\nGuelph, Ontario N1H 3W4"


def _wide(left: str, right: str, gutter_px: float, width: int = 1500) -> OcrPage:
    a = page_from_text("front", left, width=width, origin_x=20)
    b = page_from_text("front", right, width=width, origin_x=20 + 40 * 12 + gutter_px)
    return a.model_copy(update={"height_px": 500, "blocks": [*a.blocks, *b.blocks]})


def test_two_panels_side_by_side_become_front_and_front_2() -> None:
    panels = split_page(_wide(FRONT, SIDE, gutter_px=160))
    assert [p.panel for p in panels] == ["front", "front-2"]
    assert panels[0].lines()[0].text == "MAPLE GROVE"
    assert "27 MR 15" in [line.text for line in panels[1].lines()]
    # boxes stay in the photo's pixels, so provenance points into the file the user gave
    assert min(line.bbox.x0 for line in panels[1].lines()) > 500


def test_a_narrow_gutter_is_a_column_break_not_a_panel_edge() -> None:
    assert gutters(_wide(FRONT, SIDE, gutter_px=30)) == []


def test_a_photo_taller_than_wide_is_never_split() -> None:
    page = _wide(FRONT, SIDE, gutter_px=160)
    assert split_page(page.model_copy(update={"height_px": 1400})) == [page.model_copy(update={"height_px": 1400})]


def test_a_lone_stray_box_is_not_a_panel() -> None:
    page = _wide(FRONT, "®", gutter_px=300)
    assert gutters(page) == []


def test_an_empty_page_is_left_alone() -> None:
    page = OcrPage(panel="front", engine="rapidocr", width_px=2000, height_px=500, blocks=[])
    assert split_page(page) == [page]
