"""The OCR result every engine produces (RapidOCR locally, Document AI in the cloud), so layout and parsing
never know which engine read the photo."""

from __future__ import annotations

from typing import Literal, Protocol

from PIL import Image

from labeliq.models import BoundingBox, Language, Strict

Point = tuple[float, float]


class OcrLine(Strict):
    text: str
    bbox: BoundingBox
    confidence: float  # 0..1
    language: Language = "unknown"
    # The text's own quadrilateral (top-left, top-right, bottom-right, bottom-left) when the engine gives one:
    # on a tilted photo the axis-aligned box of a long line is far taller than the text, the polygon is not.
    polygon: tuple[Point, Point, Point, Point] | None = None


class OcrBlock(Strict):
    lines: list[OcrLine]
    bbox: BoundingBox


class OcrPage(Strict):
    panel: str
    engine: Literal["rapidocr", "documentai"]
    width_px: int
    height_px: int
    blocks: list[OcrBlock]

    def lines(self) -> list[OcrLine]:
        return [line for block in self.blocks for line in block.lines]


class OcrEngine(Protocol):
    name: str

    def read(self, panel: str, image: Image.Image) -> OcrPage: ...
