"""OCR pages built from panel text, so layout and provenance are tested without running an OCR engine.

Each text line becomes a row of boxes 24 px high on a 40 px pitch; each part of a line separated by three or
more spaces becomes its own box starting at 12 px per character column, as an OCR engine boxes the columns
of a printed panel. A tilt turns every box about the page origin, as a phone held askew does.
"""

from __future__ import annotations

import math
import re

from PIL import Image

from labeliq.extraction.ocr_result import OcrBlock, OcrLine, OcrPage
from labeliq.models import BoundingBox

CHAR_W = 12.0
LINE_H = 24.0
PITCH = 40.0


def _rotate(x: float, y: float, degrees: float) -> tuple[float, float]:
    t = math.radians(degrees)
    return x * math.cos(t) - y * math.sin(t), x * math.sin(t) + y * math.cos(t)


def ocr_line(
    text: str, x: float, y: float, confidence: float = 0.95, tilt_deg: float = 0.0, origin_x: float = 0.0
) -> OcrLine:
    corners = [(x, y), (x + CHAR_W * len(text), y), (x + CHAR_W * len(text), y + LINE_H), (x, y + LINE_H)]
    p = [_rotate(cx, cy, tilt_deg) for cx, cy in corners]
    p = [(px + origin_x, py + 200.0) for px, py in p]
    xs, ys = [px for px, _ in p], [py for _, py in p]
    return OcrLine(
        text=text,
        bbox=BoundingBox(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys)),
        confidence=confidence,
        polygon=(p[0], p[1], p[2], p[3]),
    )


def page_from_text(
    panel: str,
    text: str,
    confidence: float = 0.95,
    tilt_deg: float = 0.0,
    width: int = 1400,
    origin_x: float = 40.0,
    low_confidence: dict[str, float] | None = None,
) -> OcrPage:
    """An OcrPage whose boxes sit where the text's characters are; a substring in low_confidence lowers it."""
    lines = []
    for row, raw in enumerate(text.splitlines()):
        for match in re.finditer(r"\S+(?: {1,2}\S+)*", raw):
            part = match.group(0)
            score = confidence
            for needle, value in (low_confidence or {}).items():
                if needle in part:
                    score = value
            lines.append(ocr_line(part, match.start() * CHAR_W, row * PITCH, score, tilt_deg, origin_x=origin_x))
    height = int(200 + PITCH * (len(text.splitlines()) + 2) + width * abs(math.sin(math.radians(tilt_deg))))
    return OcrPage(
        panel=panel,
        engine="rapidocr",
        width_px=width,
        height_px=height,
        blocks=[OcrBlock(lines=[line], bbox=line.bbox) for line in lines],
    )


class TextEngine:
    """An OcrEngine that "reads" a prepared text per panel name."""

    name = "rapidocr"

    def __init__(self, texts: dict[str, str], tilt_deg: float = 0.0, confidence: dict[str, float] | None = None):
        self.texts = texts
        self.tilt_deg = tilt_deg
        self.confidence = confidence or {}

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        return page_from_text(
            panel, self.texts[panel], self.confidence.get(panel, 0.95), self.tilt_deg, width=image.width
        )
