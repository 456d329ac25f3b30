"""OCR pages built from panel text, so layout and provenance are tested without running an OCR engine.

Each text line becomes a row of boxes 24 px high on a 40 px pitch; each part of a line separated by three or
more spaces becomes its own box starting at 12 px per character column, as an OCR engine boxes the columns
of a printed panel. A tilt turns every box about the page origin, as a phone held askew does.
"""

from __future__ import annotations

import math
import re

import numpy as np
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


def keystone(page: OcrPage, strength: float, width: float = 1400.0, height: float = 900.0) -> OcrPage:
    """The page as a phone photographs it from the left: the right edge shorter than the left by 2 x strength, so
    rows fan out and each keeps a slope of its own (a perspective transform of every polygon)."""
    src = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
    dst = [(0.0, 0.0), (width, strength * height), (width, height - strength * height), (0.0, height)]
    matrix = _homography(src, dst)

    def warp(x: float, y: float) -> tuple[float, float]:
        u, v, w = (sum(matrix[r][c] * value for c, value in enumerate((x, y, 1.0))) for r in range(3))
        return u / w, v / w

    blocks = []
    for line in page.lines():
        assert line.polygon is not None
        a, b, c, d = (warp(x, y) for x, y in line.polygon)
        xs, ys = [p[0] for p in (a, b, c, d)], [p[1] for p in (a, b, c, d)]
        moved = line.model_copy(
            update={"polygon": (a, b, c, d), "bbox": BoundingBox(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys))}
        )
        blocks.append(OcrBlock(lines=[moved], bbox=moved.bbox))
    return page.model_copy(update={"blocks": blocks})


def _homography(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[list[float]]:
    rows, rhs = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y])
        rows.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y])
        rhs += [u, v]
    h = [float(value) for value in np.linalg.solve(np.array(rows), np.array(rhs))]
    return [h[0:3], h[3:6], [h[6], h[7], 1.0]]
