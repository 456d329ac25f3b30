"""Photo panels to Panel objects: intake (validation), OCR, panel splitting, then reading order.

The engine is a setting (LABELIQ_OCR_ENGINE): RapidOCR runs anywhere from pip alone; Document AI needs a
processor in the cloud project. Both give the same OcrPage, so everything after OCR is shared.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from labeliq.extraction.image_intake import ImageLimits, ImageRejected, iter_panel_images
from labeliq.extraction.layout import LaidOutLine, laid_out_text
from labeliq.extraction.ocr_result import OcrEngine, OcrPage
from labeliq.extraction.panel_split import split_page
from labeliq.heartbeat import beat
from labeliq.models import Panel


def default_engine() -> OcrEngine:
    from labeliq.extraction.ocr_rapid import RapidOcrEngine

    return RapidOcrEngine()


@functools.cache
def _documentai_engine(processor: str | None) -> OcrEngine:
    """One engine (so one gRPC client) per processor and process, however many panels are read."""
    from labeliq.config import Settings
    from labeliq.extraction.ocr_documentai import DocumentAiEngine

    return DocumentAiEngine.from_settings(Settings(ocr_engine="documentai", documentai_processor=processor))


def engine_from_settings() -> OcrEngine:
    """The engine LABELIQ_OCR_ENGINE names; Document AI also needs LABELIQ_DOCUMENTAI_PROCESSOR."""
    from labeliq.config import load_settings

    settings = load_settings()
    if settings.ocr_engine == "documentai":
        return _documentai_engine(settings.documentai_processor)
    return default_engine()


@dataclass(frozen=True)
class PhotoPanel:
    """A panel read from a photo, with what provenance needs: the OCR page and, per text line, its boxes."""

    panel: Panel
    page: OcrPage
    line_sources: list[LaidOutLine | None]  # index = line index in panel.text


def read_photo_panels(
    file_name: str, data: bytes, engine: OcrEngine | None = None, limits: ImageLimits | None = None
) -> list[PhotoPanel]:
    """Every panel of a panel file: one per PDF page, or several when a wide photo holds several panels."""
    engine = engine or engine_from_settings()
    out = []
    for image in iter_panel_images(file_name, data, limits):  # one page decoded at a time, read, then let go
        beat()  # a serverless step keeps its lease between pages (labeliq.heartbeat)
        for page in split_page(engine.read(image.name, image.image)):
            text, sources = laid_out_text(page)
            lowered = page.panel.lower()
            panel = Panel(
                name=page.panel,
                is_principal_display=lowered.startswith("front"),
                is_bottom=lowered.startswith("bottom"),
                text=text,
                image_uri=file_name,
                width_px=page.width_px,
                height_px=page.height_px,
            )
            out.append(PhotoPanel(panel, page, sources))
    if not any(_READABLE_WORD.search(item.panel.text) for item in out):
        # Judged as it stands, a photo with no text reads as a label that shows nothing ("no common name", ...).
        raise ImageRejected(
            file_name,
            "no text could be read in it (is it a label photo, in focus and lit?); "
            "send a clearer photo or the panel's text as a .txt file",
        )
    return out


# A word of at least two letters: what OCR reads off a label, and not off a blank or blurred photo.
_READABLE_WORD = re.compile(r"[^\W\d_]{2}")


def read_panels(
    file_name: str, data: bytes, engine: OcrEngine | None = None, limits: ImageLimits | None = None
) -> list[tuple[Panel, OcrPage]]:
    """Every panel of a panel file with the OCR page behind it (the cloud extract step's entry)."""
    return [(item.panel, item.page) for item in read_photo_panels(file_name, data, engine, limits)]


def extract_panels(path: Path, engine: OcrEngine | None = None, limits: ImageLimits | None = None) -> list[Panel]:
    """The CLI's entry: a photo file to its panels (a PDF or a wide photo may hold several)."""
    return [item.panel for item in read_photo_panels(path.name, path.read_bytes(), engine, limits)]


def extract_panel(path: Path, engine: OcrEngine | None = None, limits: ImageLimits | None = None) -> Panel:
    """A photo of one panel; a file that holds several panels is refused rather than silently cut short."""
    panels = extract_panels(path, engine, limits)
    if len(panels) != 1:
        raise ValueError(f"{path.name} holds {len(panels)} panels ({', '.join(p.name for p in panels)})")
    return panels[0]
