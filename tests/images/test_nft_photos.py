"""Nutrition Facts tables photographed badly (rendered, then tilted, taken in perspective, blurred), read by the real
OCR engine: every amount and %DV lands on its row, so the checker judges the photo as it judges the text; and a
photo too blurred to read is refused, never judged as an empty label (issue 11, item 5). Real OCR: few and slow."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import ImageFilter

from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.photo_facts import facts_from_photos
from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, Panel, ProductContext
from tests.checks.nutrition_facts.test_vitamins_minerals import FRONT, INGREDIENTS, TABLE
from tests.images.render import Degradation, Style, degrade, jpeg_bytes, keystone, render_panel

CTX = ProductContext(date=dt.date(2026, 11, 24), reference_amount={"value": 30, "unit": "g"})
FRONT_PANEL = Panel(name="front", text=FRONT, is_principal_display=True)
INGREDIENTS_PANEL = Panel(name="side", text=INGREDIENTS)


def _rows(facts: LabelFacts) -> dict[str, tuple[float | None, float | None]]:
    assert facts.nutrition_facts is not None
    return {k: (v.amount, v.dv_percent) for k, v in facts.nutrition_facts.nutrients.items()}


@pytest.fixture(scope="module")
def photographed() -> LabelFacts:
    image = keystone(render_panel("back", TABLE, Style(body_px=26)), 0.12)
    image = degrade(image, Degradation(rotate_deg=4.0, blur_radius=1.0, noise_sigma=5.0, light_falloff=0.25))
    return facts_from_photos([("back.jpg", jpeg_bytes(image, 85))], text_panels=[FRONT_PANEL, INGREDIENTS_PANEL])


@pytest.mark.slow
def test_a_tilted_blurred_table_in_perspective_reads_like_its_text(photographed: LabelFacts) -> None:
    text = parse_label([FRONT_PANEL, INGREDIENTS_PANEL, Panel(name="back", text=TABLE)])
    assert _rows(photographed) == _rows(text)


@pytest.mark.slow
def test_the_photographed_table_is_judged_without_a_fail(photographed: LabelFacts) -> None:
    findings = nutrition_facts.check(photographed, CTX)
    assert [f"{f.rule}: {f.message}" for f in findings if f.verdict.value == "fail"] == []


@pytest.mark.slow
def test_a_photo_too_blurred_to_read_is_refused_with_exit_code_2(tmp_path: Path) -> None:
    photo = tmp_path / "back.jpg"
    image = render_panel("back", TABLE, Style())
    small = image.resize((image.width // 2, image.height // 2))  # detection time goes with pixels: keep it quick
    photo.write_bytes(jpeg_bytes(small.filter(ImageFilter.GaussianBlur(5))))
    front = tmp_path / "front.txt"
    front.write_text(FRONT, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "check", "--out", str(out), str(front), str(photo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=dict(os.environ),
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{photo}: no text could be read" in done.stderr and "Traceback" not in done.stderr
    assert not (out / "report.json").exists()
