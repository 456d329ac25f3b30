"""The local engine's repair of what its recognizer typically misreads, and its output in the shared model."""

from __future__ import annotations

import pytest
from PIL import Image

from labeliq.extraction.ocr_rapid import RapidOcrEngine, repair_reading
from tests.images.render import Style, render_text_panel


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        pytest.param("412Woolwich St., Guelph", "412 Woolwich St., Guelph", id="number-glued-to-street"),
        pytest.param("27MR 15", "27 MR 15", id="day-glued-to-month-code"),
        pytest.param("26DE 05 Meilleur avant", "26 DE 05 Meilleur avant", id="date-before-french-words"),
        pytest.param("Fat / Lipides 5 g", "Fat / Lipides 5 g", id="amount-untouched"),
        pytest.param("2L", "2L", id="unit-symbol-untouched"),
        pytest.param("N1H 3W4", "N1H 3W4", id="postal-code-untouched"),
        pytest.param("V6B2Y9", "V6B2Y9", id="glued-postal-code-untouched"),
        pytest.param("12MAPLE", "12MAPLE", id="capitals-untouched"),
        pytest.param("Fibre / Fibres 3 g     11.%", "Fibre / Fibres 3 g     11%", id="noise-period-before-percent"),
        pytest.param("Sodium 95 mg     4.5 %", "Sodium 95 mg     4.5 %", id="decimal-percent-untouched"),
    ],
)
def test_repair_reading(read: str, printed: str) -> None:
    assert repair_reading(read) == printed


def test_engine_reads_a_rendered_line_with_its_polygon() -> None:
    image = render_text_panel("Contient : Avoine, Blé, Amandes.\n", Style())
    page = RapidOcrEngine().read("back", image)
    [line] = page.lines()
    assert line.text == "Contient : Avoine, Blé, Amandes."
    assert line.polygon is not None and 0.8 < line.confidence <= 1.0
    assert 0 <= line.bbox.x0 < line.bbox.x1 <= image.width
    assert isinstance(image, Image.Image) and page.width_px == image.width


def test_the_model_loads_once_per_process_however_many_requests() -> None:
    """Each request (an extract call, a CLI panel) makes its engine from the settings; the ONNX sessions behind it
    are made once per process and shared."""
    from labeliq.extraction import images, ocr_rapid

    image = render_text_panel("Sodium 95 mg\n", Style())
    first = images.default_engine()
    first.read("back", image)
    loaded = ocr_rapid._pipeline()
    second = images.default_engine()
    assert second is not first
    second.read("side", image)
    assert ocr_rapid._pipeline() is loaded
