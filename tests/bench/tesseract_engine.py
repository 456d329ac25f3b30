"""Tesseract as an OcrEngine, for the comparison in `make bench-extract --engine tesseract` only.

It is not shipped: it needs the Debian packages tesseract-ocr and tesseract-ocr-fra (not pip alone, so not in
a Cloud Function). Words from its TSV output are grouped into its own lines; it gives no rotated polygons, so a
tilted photo's rows are grouped by axis-aligned boxes.
"""

from __future__ import annotations

import csv
import io
import itertools
import subprocess

from PIL import Image

from labeliq.extraction.ocr_result import OcrBlock, OcrLine, OcrPage
from labeliq.models import BoundingBox, union_box


class TesseractEngine:
    name = "rapidocr"  # OcrPage.engine admits the shipped engines only; the bench reports the real name

    def __init__(self, languages: str = "eng+fra", threads: int = 1) -> None:
        self.languages = languages
        self.threads = threads

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", self.languages, "--psm", "3", "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            check=True,
            timeout=120,
            env={"OMP_THREAD_LIMIT": str(self.threads)},
        )
        lines: dict[tuple[str, str, str, str], list[tuple[str, BoundingBox, float]]] = {}
        for row in csv.DictReader(io.StringIO(done.stdout.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["level"] != "5" or not row["text"].strip():
                continue
            left, top, width, height = (float(row[k]) for k in ("left", "top", "width", "height"))
            box = BoundingBox(x0=left, y0=top, x1=left + width, y1=top + height)
            key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
            lines.setdefault(key, []).append((row["text"], box, float(row["conf"]) / 100))
        blocks = []
        for words in lines.values():
            # a line of Tesseract's may span two columns: split it where the words are far apart
            parts: list[list[tuple[str, BoundingBox, float]]] = [[words[0]]]
            for previous, current in itertools.pairwise(words):
                if current[1].x0 - previous[1].x1 > 1.5 * (current[1].y1 - current[1].y0):
                    parts.append([])
                parts[-1].append(current)
            for part in parts:
                box = union_box([b for _, b, _ in part])
                line = OcrLine(text=" ".join(t for t, _, _ in part), bbox=box, confidence=min(c for _, _, c in part))
                blocks.append(OcrBlock(lines=[line], bbox=box))
        return OcrPage(panel=panel, engine="rapidocr", width_px=image.width, height_px=image.height, blocks=blocks)
