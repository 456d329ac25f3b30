"""The Tesseract engine the bench compares ours with (tests/bench/tesseract_engine.py) reads a bilingual line,
accents included, into the shared OCR model; without the binary the test says what to install."""

from __future__ import annotations

import shutil

import pytest

from tests.bench.bench_goals import TESSERACT_PACKAGES
from tests.images.render import Style, render_text_panel


@pytest.mark.skipif(
    shutil.which("tesseract") is None, reason=f"tesseract is not installed (apt-get install {TESSERACT_PACKAGES})"
)
def test_tesseract_reads_a_french_line_with_its_accents() -> None:
    from tests.bench.tesseract_engine import TesseractEngine

    image = render_text_panel("Contient : Avoine, Blé, Amandes.\n", Style())
    page = TesseractEngine().read("back", image)
    text = " ".join(line.text for line in page.lines())
    assert "Blé" in text and "Avoine" in text
    assert all(0 <= line.bbox.x0 < line.bbox.x1 <= image.width for line in page.lines())
    assert page.width_px == image.width
