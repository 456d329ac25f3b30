"""A wide photo that holds several panels (the front and a side photographed together) split into panels.

Each panel is judged on its own (the principal display panel's rules apply to the front only), so a photo
whose text falls into groups separated by a wide blank gutter from the top of the photo to the bottom is cut
there. The cut is made on the OCR result, not the pixels: text boxes are immune to noise and uneven light,
and the boxes keep the photo's own coordinates, so provenance still points into the file the user gave.
Two language columns of one panel are not split: their gutter is a few characters wide, and a photo must
be clearly wider than tall before it is considered at all.
"""

from __future__ import annotations

import itertools
import statistics

from labeliq.extraction.ocr_result import OcrBlock, OcrPage
from labeliq.models import union_box

MIN_ASPECT = 1.4  # width / height of a photo that may hold several panels side by side
MIN_GUTTER_FRACTION = 0.06  # of the photo's width
MIN_GUTTER_LINE_HEIGHTS = 4.0
MIN_LINES_PER_PANEL = 2


def gutters(page: OcrPage) -> list[float]:
    """The x of each blank gutter that runs the full height of the photo and is wide enough to part panels."""
    lines = page.lines()
    if page.width_px < MIN_ASPECT * page.height_px or len(lines) < 2 * MIN_LINES_PER_PANEL:
        return []
    line_height = statistics.median(line.bbox.y1 - line.bbox.y0 for line in lines)
    min_gap = max(MIN_GUTTER_FRACTION * page.width_px, MIN_GUTTER_LINE_HEIGHTS * line_height)
    spans = sorted((line.bbox.x0, line.bbox.x1) for line in lines)
    cuts = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= min_gap:
            cuts.append((right + x0) / 2)
        right = max(right, x1)
    centres = [(line.bbox.x0 + line.bbox.x1) / 2 for line in lines]
    edges = [float("-inf"), *cuts, float("inf")]
    counts = [sum(lo <= c < hi for c in centres) for lo, hi in itertools.pairwise(edges)]
    if min(counts) < MIN_LINES_PER_PANEL:
        return []
    return cuts


def split_page(page: OcrPage) -> list[OcrPage]:
    """The page itself, or one page per panel named `<panel>`, `<panel>-2`, ... from left to right."""
    cuts = gutters(page)
    if not cuts:
        return [page]
    edges = [float("-inf"), *cuts, float("inf")]
    out = []
    for index, (lo, hi) in enumerate(itertools.pairwise(edges)):
        blocks = []
        for block in page.blocks:
            kept = [line for line in block.lines if lo <= (line.bbox.x0 + line.bbox.x1) / 2 < hi]
            if kept:
                blocks.append(OcrBlock(lines=kept, bbox=union_box([line.bbox for line in kept])))
        name = page.panel if index == 0 else f"{page.panel}-{index + 1}"
        out.append(page.model_copy(update={"panel": name, "blocks": blocks}))
    return out
