"""Reading order: OCR lines back into panel text the text parser understands.

Text boxes that share a row are joined left to right; a wide gap between them (two language columns side by
side, or a Nutrition Facts value and its %DV) becomes a run of spaces, exactly as a text panel shows it, so the
one text parser serves photos and text files alike. Each output line keeps the boxes it came from, so a fact
parsed from line N can point back to where it is on the photo.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from labeliq.extraction.ocr_result import OcrLine, OcrPage, union_box
from labeliq.models import BoundingBox

WIDE_GAP = "     "  # what the parser reads as a column break


@dataclass(frozen=True)
class LaidOutLine:
    text: str
    bbox: BoundingBox
    confidence: float
    sources: tuple[OcrLine, ...]


def _row_overlap(a: BoundingBox, b: BoundingBox) -> float:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap / max(1.0, min(a.y1 - a.y0, b.y1 - b.y0))


def group_rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Lines whose vertical extents overlap by more than half the smaller height share a row."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda item: ((item.bbox.y0 + item.bbox.y1) / 2, item.bbox.x0)):
        for row in rows:
            if _row_overlap(union_box([item.bbox for item in row]), line.bbox) > 0.5:
                row.append(line)
                break
        else:
            rows.append([line])
    return [sorted(row, key=lambda item: item.bbox.x0) for row in rows]


def lay_out(page: OcrPage) -> list[LaidOutLine]:
    out = []
    for row in group_rows(page.lines()):
        heights = [line.bbox.y1 - line.bbox.y0 for line in row]
        char_height = sorted(heights)[len(heights) // 2] or 1.0
        parts = [row[0].text]
        for previous, current in itertools.pairwise(row):
            gap = current.bbox.x0 - previous.bbox.x1
            parts.append(WIDE_GAP if gap > 1.5 * char_height else " ")
            parts.append(current.text)
        confidence = min(line.confidence for line in row)
        out.append(LaidOutLine("".join(parts), union_box([line.bbox for line in row]), confidence, tuple(row)))
    return out


def page_text(page: OcrPage) -> str:
    """Rows joined by newlines; a vertical gap wider than a row's height is a paragraph break (a blank line)."""
    rows = lay_out(page)
    if not rows:
        return ""
    heights = sorted(row.bbox.y1 - row.bbox.y0 for row in rows)
    row_height = heights[len(heights) // 2]
    out = [rows[0].text]
    for previous, current in itertools.pairwise(rows):
        if current.bbox.y0 - previous.bbox.y1 > row_height:
            out.append("")
        out.append(current.text)
    return "\n".join(out)
