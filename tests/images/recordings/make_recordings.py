"""Regenerate the Document AI recordings: `python -m tests.images.recordings.make_recordings`.

There is no network in tests, so the Document AI engine is tested on Documents in the shape the OCR processor
returns (`documentai.Document.to_json()`: camelCase keys, int64 indexes as strings, default values left out).
They are built from a rendered sample the way the processor structures its answer: the full text once, with
each line ending in a newline; blocks and paragraphs per text column and paragraph (so English and French
columns side by side are separate blocks, and a %DV is its own line, as Document AI reads a table without the
table extractor); polygons in normalized vertices; per-line confidence and detected languages; and a page
that says which languages it found. The geometry and the words come from reading the render locally, which is
what makes them realistic: box sizes, slight misalignments and the occasional misread are real.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from google.cloud import documentai

from labeliq.extraction.language import guess_language
from labeliq.extraction.layout import LaidOutLine, laid_out_text
from labeliq.extraction.ocr_rapid import RapidOcrEngine
from labeliq.extraction.ocr_result import OcrLine
from tests.images.render import degradation_for, degrade, render_sample

HERE = Path(__file__).parent
REPO = HERE.parents[2]
SAMPLE = "granola-compliant"


def _layout(start: int, end: int, points: list[tuple[float, float]], width: int, height: int, confidence: float):  # type: ignore[no-untyped-def]
    return documentai.Document.Page.Layout(
        text_anchor=documentai.Document.TextAnchor(
            text_segments=[documentai.Document.TextAnchor.TextSegment(start_index=start, end_index=end)]
        ),
        confidence=confidence,
        bounding_poly=documentai.BoundingPoly(
            normalized_vertices=[
                documentai.NormalizedVertex(x=round(x / width, 6), y=round(y / height, 6)) for x, y in points
            ]
        ),
        orientation=documentai.Document.Page.Layout.Orientation.PAGE_UP,
    )


def _languages(text: str) -> list[documentai.Document.Page.DetectedLanguage]:
    language = guess_language(text)
    if language not in ("en", "fr"):
        return []
    return [documentai.Document.Page.DetectedLanguage(language_code=language, confidence=0.9)]


def _points(line: OcrLine) -> list[tuple[float, float]]:
    if line.polygon is not None:
        return list(line.polygon)
    b = line.bbox
    return [(b.x0, b.y0), (b.x1, b.y0), (b.x1, b.y1), (b.x0, b.y1)]


def _columns(row: LaidOutLine) -> list[tuple[OcrLine, ...]]:
    """A row's boxes split at the wide gaps: each part goes to its own column block."""
    height = min(line.bbox.y1 - line.bbox.y0 for line in row.sources)
    parts: list[list[OcrLine]] = [[row.sources[0]]]
    for previous, current in itertools.pairwise(row.sources):
        if current.bbox.x0 - previous.bbox.x1 > 1.5 * height:
            parts.append([])
        parts[-1].append(current)
    return [tuple(part) for part in parts]


def build(name: str, degraded: bool = False) -> documentai.Document:
    image = render_sample(REPO / "samples" / SAMPLE)[name]
    if degraded:
        image = degrade(image, degradation_for(7), seed=7)
    page_ocr = RapidOcrEngine().read(name, image)
    _, rows = laid_out_text(page_ocr)
    # paragraphs: runs of rows between blank lines; within a paragraph, one block per column
    paragraphs: list[list[LaidOutLine]] = [[]]
    for row in rows:
        if row is None:
            paragraphs.append([])
        else:
            paragraphs[-1].append(row)
    width, height = image.size
    text = ""
    blocks, paras, lines = [], [], []
    page_langs: dict[str, int] = {}
    for paragraph in paragraphs:
        by_column: dict[int, list[tuple[OcrLine, ...]]] = {}
        for row in paragraph:
            for index, part in enumerate(_columns(row)):
                by_column.setdefault(index, []).append(part)
        for column_rows in by_column.values():
            block_start = len(text)
            block_points: list[tuple[float, float]] = []
            for part in column_rows:
                for line in part:
                    start = len(text)
                    text += line.text + "\n"
                    langs = _languages(line.text)
                    for lang in langs:
                        page_langs[lang.language_code] = page_langs.get(lang.language_code, 0) + len(line.text)
                    layout = _layout(start, len(text), _points(line), width, height, round(line.confidence, 4))
                    lines.append(documentai.Document.Page.Line(layout=layout, detected_languages=langs))
                    block_points += _points(line)
            xs, ys = [x for x, _ in block_points], [y for _, y in block_points]
            box = [(min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys))]
            confidence = round(min(line.layout.confidence for line in lines[-len(column_rows) :]), 4)
            block_layout = _layout(block_start, len(text), box, width, height, confidence)
            blocks.append(
                documentai.Document.Page.Block(layout=block_layout, detected_languages=_languages(text[block_start:]))
            )
            paras.append(documentai.Document.Page.Paragraph(layout=block_layout))
    total = sum(page_langs.values()) or 1
    page = documentai.Document.Page(
        page_number=1,
        dimension=documentai.Document.Page.Dimension(width=width, height=height, unit="pixels"),
        layout=_layout(0, len(text), [(0, 0), (width, 0), (width, height), (0, height)], width, height, 0.97),
        detected_languages=[
            documentai.Document.Page.DetectedLanguage(language_code=code, confidence=round(n / total, 3))
            for code, n in sorted(page_langs.items(), key=lambda item: -item[1])
        ],
        blocks=blocks,
        paragraphs=paras,
        lines=lines,
    )
    return documentai.Document(mime_type="image/png", text=text, pages=[page])


def main() -> None:
    for name, degraded in (("front", False), ("back", False), ("back", True)):
        document = build(name, degraded)
        suffix = "-degraded" if degraded else ""
        out = HERE / f"{SAMPLE}-{name}{suffix}.json"
        out.write_text(documentai.Document.to_json(document, indent=1) + "\n", encoding="utf-8")
        print(out, out.stat().st_size)


if __name__ == "__main__":
    main()
