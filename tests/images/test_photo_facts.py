"""Facts read from photos carry their box and OCR confidence; a field photographed twice is kept once."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from labeliq.extraction.photo_facts import facts_from_photos
from labeliq.models import BoundingBox, Panel
from tests.images.fakes import CHAR_W, PITCH, TextEngine

BACK = """\
Ingredients: Whole grain rolled oats, Honey, Almonds.
Contains: Almonds.

Ingrédients : Flocons d'avoine à grains entiers, Miel, Amandes.
Contient : Amandes.

Maple Grove Foods Inc.
412 Woolwich St., Guelph, Ontario N1H 3W4
"""
FRONT = "MAPLE GROVE\nOat & Honey Granola Bars\nBarres granola à l'avoine et au miel\n210 g\n"


def blank_png(width: int = 1400, height: int = 900) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_each_photo_fact_gets_the_box_of_its_lines() -> None:
    engine = TextEngine({"back": BACK, "front": FRONT})
    facts = facts_from_photos([("back.png", blank_png()), ("front.png", blank_png())], engine=engine)
    english = next(item for item in facts.ingredients if item.language == "en")
    assert english.source.panel == "back"
    assert english.source.bbox == BoundingBox(
        x0=40.0, y0=200.0, x1=40.0 + CHAR_W * len(BACK.splitlines()[0]), y1=200.0 + 24.0
    )
    assert english.source.ocr_confidence == pytest.approx(0.95)
    french = next(item for item in facts.contains if item.language == "fr")
    assert french.source.bbox is not None and french.source.bbox.y0 == pytest.approx(200.0 + 4 * PITCH)
    [name_en] = [n for n in facts.common_names if n.language == "en"]
    assert name_en.source.panel == "front" and name_en.source.bbox is not None
    assert name_en.source.bbox.y0 == pytest.approx(200.0 + PITCH)


def test_text_panels_keep_their_provenance_without_a_box() -> None:
    engine = TextEngine({"back": BACK})
    facts = facts_from_photos([("back.png", blank_png())], engine=engine, text_panels=[Panel(name="front", text=FRONT)])
    [name_en] = [n for n in facts.common_names if n.language == "en"]
    assert name_en.source.bbox is None and name_en.source.ocr_confidence is None
    assert all(item.source.bbox is not None for item in facts.ingredients)


def test_a_field_photographed_twice_keeps_the_more_confident_reading() -> None:
    closeup = BACK.replace("Honey", "Honcy")  # the blurrier photo misread a letter
    engine = TextEngine({"back": BACK, "back-closeup": closeup}, confidence={"back": 0.97, "back-closeup": 0.71})
    facts = facts_from_photos([("back-closeup.png", blank_png()), ("back.png", blank_png())], engine=engine)
    english = [item for item in facts.ingredients if item.language == "en"]
    assert len(english) == 1
    assert english[0].source.panel == "back" and "Honey" in english[0].text
    assert len([c for c in facts.contains if c.language == "en"]) == 1


def test_different_statements_on_two_photos_are_both_kept() -> None:
    other = BACK.replace("Contains: Almonds.", "Contains: Milk, Soy, Wheat, Eggs.")
    engine = TextEngine({"back": BACK, "side": other}, confidence={"back": 0.9, "side": 0.8})
    facts = facts_from_photos([("back.png", blank_png()), ("side.png", blank_png())], engine=engine)
    assert sorted(c.text for c in facts.contains if c.language == "en") == ["Almonds.", "Milk, Soy, Wheat, Eggs."]


def test_a_reading_on_the_principal_display_panel_is_never_merged_into_another_panel() -> None:
    claim = FRONT + "Source of fibre\n"
    engine = TextEngine({"front": claim, "side": claim}, confidence={"front": 0.6, "side": 0.99})
    facts = facts_from_photos([("front.png", blank_png()), ("side.png", blank_png())], engine=engine)
    panels = sorted(c.source.panel for c in facts.claims if c.text == "Source of fibre")
    assert panels == ["front", "side"]
