"""Reading order: OCR lines back into panel text the text parser understands.

Text boxes that share a row are joined left to right; a wide gap between them (two language columns side by
side, or a Nutrition Facts value and its %DV) becomes a run of spaces that reaches the character column the
box starts at, so a photo reads like a text panel: the right-hand column starts at the same column on every
row, which is what the parser uses to pull English and French apart. A row holding only right-column text is
indented to that column for the same reason. Vertical gaps become blank lines (paragraph breaks).

Photos are seldom straight. A tilt of 3° moves the right end of a 600 px line by 30 px, a whole text row, so
rows are grouped in a frame turned back by the page's tilt, estimated from the text polygons the engine
gives. Each output line keeps the boxes it came from (in the photo's own pixels), so a fact parsed from line N
can point back to where it is on the photo.
"""

from __future__ import annotations

import itertools
import math
import statistics
from dataclasses import dataclass

from labeliq.extraction.ocr_result import OcrLine, OcrPage
from labeliq.models import BoundingBox, union_box

WIDE_GAP = "     "  # what the parser reads as a column break
_MIN_INDENT_COLUMNS = 8
_COLUMN_TOLERANCE = 3
_MAX_SKEW_DEG = 15.0


@dataclass(frozen=True)
class LaidOutLine:
    text: str
    bbox: BoundingBox  # in the photo's pixels
    confidence: float
    sources: tuple[OcrLine, ...]


@dataclass(frozen=True)
class _Placed:
    """A line with its box in the deskewed frame, and its own centre line there: under perspective each row keeps a
    slope of its own after the page is deskewed (a keystone fans the rows out)."""

    line: OcrLine
    box: BoundingBox
    x_left: float = 0.0
    mid_left: float = 0.0  # y of the text's centre line at x_left
    slope: float = 0.0  # dy/dx of that centre line
    height: float = 1.0  # the text's own height (not its tilted box's)
    reliable: bool = False  # long enough for its slope to mean something

    def mid_at(self, x: float) -> float:
        return self.mid_left + self.slope * (x - self.x_left)

    @property
    def x_centre(self) -> float:
        return (self.box.x0 + self.box.x1) / 2


def estimate_skew(lines: list[OcrLine]) -> float:
    """The page's tilt in degrees (positive: text rises to the left), the median over long text polygons."""
    angles = []
    for line in lines:
        if line.polygon is None:
            continue
        (x0, y0), (x1, y1), _, (_, y3) = line.polygon
        width, height = math.hypot(x1 - x0, y1 - y0), abs(y3 - y0)
        if width > 2 * max(height, 1.0) and x1 > x0:
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    if not angles:
        return 0.0
    skew = statistics.median(angles)
    return skew if abs(skew) <= _MAX_SKEW_DEG else 0.0


def _deskewed(line: OcrLine, skew_deg: float) -> BoundingBox:
    if line.polygon is None or skew_deg == 0.0:
        return line.bbox
    theta = math.radians(-skew_deg)
    cos, sin = math.cos(theta), math.sin(theta)
    xs = [x * cos - y * sin for x, y in line.polygon]
    ys = [x * sin + y * cos for x, y in line.polygon]
    return BoundingBox(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys))


def _place(line: OcrLine, skew_deg: float) -> _Placed:
    box = _deskewed(line, skew_deg)
    flat = _Placed(line, box, box.x0, (box.y0 + box.y1) / 2, 0.0, max(box.y1 - box.y0, 1.0))
    if line.polygon is None:
        return flat
    theta = math.radians(-skew_deg)
    cos, sin = math.cos(theta), math.sin(theta)
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = ((x * cos - y * sin, x * sin + y * cos) for x, y in line.polygon)
    if x1 <= x0:
        return flat
    slope = ((y1 + y2) / 2 - (y0 + y3) / 2) / max((x1 + x2) / 2 - (x0 + x3) / 2, 1.0)
    height = max(math.hypot(x3 - x0, y3 - y0), 1.0)
    if abs(math.degrees(math.atan(slope))) > _MAX_SKEW_DEG:
        return flat
    reliable = (x1 - x0) > 3 * height
    return _Placed(line, box, (x0 + x3) / 2, (y0 + y3) / 2, slope if reliable else 0.0, height, reliable)


def _same_row(row: list[_Placed], item: _Placed) -> float:
    """How far (in text heights, 0 = on the line) `item` is from the row's centre line where the item stands; the
    row's line follows its longest text, so a %DV far right of its label still finds the label's row."""
    anchors = [p for p in row if p.reliable] or row
    anchor = max(anchors, key=lambda p: p.box.x1 - p.box.x0)
    x = item.x_centre
    return abs(item.mid_at(x) - anchor.mid_at(x)) / min(anchor.height, item.height)


def _join_best(candidates: list[list[_Placed]], rows: list[list[_Placed]], item: _Placed) -> None:
    distances = [(_same_row(row, item), row) for row in candidates]
    best = min(distances, key=lambda pair: pair[0], default=None)
    if best is not None and best[0] < 0.5:
        best[1].append(item)
    else:
        rows.append([item])


def _group(placed: list[_Placed]) -> list[list[_Placed]]:
    """Boxes whose centre lines are within half a text height share a row.

    Long text lines make the rows first (their slope is known); short boxes (a %DV, an amount) then join the row
    whose line passes nearest them, so a short box is never compared with a row not built yet."""
    rows: list[list[_Placed]] = []
    ordered = sorted(placed, key=lambda p: ((p.box.y0 + p.box.y1) / 2, p.box.x0))
    for item in [p for p in ordered if p.reliable]:
        _join_best(rows[-4:], rows, item)  # rows are built top-down: only the last few can still match
    for item in [p for p in ordered if not p.reliable]:
        _join_best(rows, rows, item)
    rows = [sorted(row, key=lambda p: p.box.x0) for row in rows]
    return sorted(rows, key=lambda row: min(p.box.y0 for p in row))


def group_rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    skew = estimate_skew(lines)
    return [[p.line for p in row] for row in _group([_place(line, skew) for line in lines])]


def _char_width(placed: list[_Placed]) -> float:
    widths = [(p.box.x1 - p.box.x0) / len(p.line.text) for p in placed if len(p.line.text.strip()) >= 4]
    return statistics.median(widths) if widths else 10.0


def _is_wide(previous: _Placed, current: _Placed, char_height: float) -> bool:
    return current.box.x0 - previous.box.x1 > 1.5 * char_height


@dataclass(frozen=True)
class _Row:
    placed: list[_Placed]
    box: BoundingBox  # deskewed


def lay_out(page: OcrPage) -> list[LaidOutLine]:
    return [line for line, _ in _lay_out(page)]


def _lay_out(page: OcrPage) -> list[tuple[LaidOutLine, BoundingBox]]:
    """Each row's text and its box in the deskewed frame (for paragraph breaks)."""
    lines = [line for line in page.lines() if line.text.strip()]
    skew = estimate_skew(lines)
    placed = [_place(line, skew) for line in lines]
    if not placed:
        return []
    rows = _group(placed)
    origin = min(p.box.x0 for p in placed)
    char_w = _char_width(placed)

    def column(item: _Placed) -> int:
        return round((item.box.x0 - origin) / char_w)

    def char_height(row: list[_Placed]) -> float:
        return statistics.median(p.box.y1 - p.box.y0 for p in row) or 1.0

    # Where columns start on this page: every box that follows a wide gap.
    column_starts = [
        column(current)
        for row in rows
        for previous, current in itertools.pairwise(row)
        if _is_wide(previous, current, char_height(row))
    ]
    out = []
    for row in rows:
        height = char_height(row)
        first = column(row[0])
        indent = 0
        if first >= _MIN_INDENT_COLUMNS and any(abs(first - start) <= _COLUMN_TOLERANCE for start in column_starts):
            indent = first
        text = " " * indent + row[0].line.text
        for previous, current in itertools.pairwise(row):
            if _is_wide(previous, current, height):
                text += " " * max(len(WIDE_GAP), column(current) - len(text))
            else:
                text += " "
            text += current.line.text
        sources = tuple(p.line for p in row)
        laid = LaidOutLine(
            text=text.rstrip(),
            bbox=union_box([line.bbox for line in sources]),
            confidence=min(line.confidence for line in sources),
            sources=sources,
        )
        # the row's extent from its boxes' medians: a box left slightly tilted must not make the row taller
        box = BoundingBox(
            x0=min(p.box.x0 for p in row),
            y0=statistics.median(p.box.y0 for p in row),
            x1=max(p.box.x1 for p in row),
            y1=statistics.median(p.box.y1 for p in row),
        )
        out.append((laid, box))
    return out


def laid_out_text(page: OcrPage) -> tuple[str, list[LaidOutLine | None]]:
    """The panel text, and for each of its lines the laid-out line it came from (None for a blank line).

    Rows are joined by newlines; a vertical gap clearly wider than the page's usual one is a paragraph break.
    """
    rows = _lay_out(page)
    if not rows:
        return "", []
    # Detected boxes are padded, so consecutive rows usually overlap a little: a break is a gap well beyond the
    # page's usual one, by half a row or more.
    gaps = [box.y0 - previous.y1 for (_, previous), (_, box) in itertools.pairwise(rows)]
    usual_gap = statistics.median(gaps) if len(gaps) >= 3 else 0.0  # too few rows to know the usual one
    threshold = max(0.0, usual_gap) + 0.5 * statistics.median(box.y1 - box.y0 for _, box in rows)
    texts = [rows[0][0].text]
    sources: list[LaidOutLine | None] = [rows[0][0]]
    for gap, ((_, _previous), (current, _box)) in zip(gaps, itertools.pairwise(rows), strict=True):
        if gap > threshold:
            texts.append("")
            sources.append(None)
        texts.append(current.text)
        sources.append(current)
    return "\n".join(texts), sources


def page_text(page: OcrPage) -> str:
    return laid_out_text(page)[0]
