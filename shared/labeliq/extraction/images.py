"""Photo panels to Panel objects: intake (validation), OCR, then reading order, ready for the text parser."""

from __future__ import annotations

from pathlib import Path

from labeliq.extraction.image_intake import ImageLimits, load_panel_images
from labeliq.extraction.layout import page_text
from labeliq.extraction.ocr_result import OcrEngine, OcrPage
from labeliq.models import Panel


def default_engine() -> OcrEngine:
    from labeliq.extraction.ocr_rapid import RapidOcrEngine

    return RapidOcrEngine()


def read_panels(
    file_name: str, data: bytes, engine: OcrEngine | None = None, limits: ImageLimits | None = None
) -> list[tuple[Panel, OcrPage]]:
    """Every page of a panel file as a Panel (its text in reading order) with the OCR page behind it."""
    engine = engine or default_engine()
    out = []
    for image in load_panel_images(file_name, data, limits):
        page = engine.read(image.name, image.image)
        panel = Panel(
            name=image.name,
            is_principal_display=image.name.lower().startswith("front"),
            is_bottom=image.name.lower().startswith("bottom"),
            text=page_text(page),
            image_uri=file_name,
            width_px=page.width_px,
            height_px=page.height_px,
        )
        out.append((panel, page))
    return out


def extract_panels(path: Path, engine: OcrEngine | None = None, limits: ImageLimits | None = None) -> list[Panel]:
    """The CLI's entry: a photo file to its panels (a PDF may hold several)."""
    return [panel for panel, _ in read_panels(path.name, path.read_bytes(), engine, limits)]
