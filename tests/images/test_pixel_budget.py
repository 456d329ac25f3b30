"""Pixel budgets counted from headers before any decoding, pages decoded one at a time, and a photo with no
readable text refused: a 16 KB PDF of 12 pages at 6,306 px square used to decode 2 GB before OCR."""

from __future__ import annotations

import gc
import io
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from PIL import Image

from labeliq.extraction.image_intake import PDF_RENDER_DPI, ImageLimits, ImageRejected, panel_pixels
from labeliq.extraction.images import read_photo_panels
from labeliq.extraction.ocr_result import OcrPage
from labeliq.intake import IntakeError, IntakeLimits, check_job_pixels
from tests.images.fakes import page_from_text

ROOT = Path(__file__).resolve().parents[2]


def blank_pdf(pages: int, side_px: int) -> bytes:
    """A PDF of blank pages that render to side_px square at the intake's DPI (a few KB whatever the size)."""
    import pypdfium2

    side_pt = side_px * 72 / PDF_RENDER_DPI
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(side_pt, side_pt)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_pdf_over_the_file_budget_is_refused_from_its_page_boxes() -> None:
    data = blank_pdf(12, 6306)
    assert len(data) < 20_000
    with pytest.raises(
        ImageRejected, match=r"12 pages render to 477,\d{3},\d{3} pixels in all; the limit for one file is 80,000,000"
    ):
        panel_pixels("label.pdf", data)


def test_refusing_the_hostile_pdf_keeps_extract_memory_small() -> None:
    """Measured in a child process: the peak RSS of refusing it, against the 2.4 GB it used to take."""
    script = (
        "import sys\n"
        "from tests.images.test_pixel_budget import blank_pdf\n"
        "from labeliq.extraction.images import read_photo_panels\n"
        "from labeliq.extraction.image_intake import ImageRejected\n"
        "data = blank_pdf(12, 6306)\n"
        "try:\n"
        "    read_photo_panels('label.pdf', data, engine=object())\n"
        "except ImageRejected as exc:\n"
        "    print('refused', exc.reason)\n"
        # VmHWM belongs to this program's own memory map; ru_maxrss would carry the forking pytest's size over exec.
        "hwm_kb = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
        "print('peak_mb', hwm_kb // 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "refused" in out.stdout, out.stderr[-2000:]
    peak_mb = int(out.stdout.split("peak_mb")[1])
    assert peak_mb < 400, f"refusing a hostile PDF took {peak_mb} MB"


class _RecordingEngine:
    """Reads each page as a label, and records whether the previous page's image was let go first."""

    name = "recording"

    def __init__(self) -> None:
        self.previous: weakref.ref[Image.Image] | None = None
        self.alive_when_next_read: list[bool] = []

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        gc.collect()
        if self.previous is not None:
            self.alive_when_next_read.append(self.previous() is not None)
        self.previous = weakref.ref(image)
        return page_from_text(panel, "Ingredients: oats, honey.")


def test_pdf_pages_are_decoded_one_at_a_time() -> None:
    engine = _RecordingEngine()
    photos = read_photo_panels("label.pdf", blank_pdf(3, 1500), engine=engine)
    assert [p.panel.name for p in photos] == ["label", "label-p2", "label-p3"]
    assert engine.alive_when_next_read == [False, False], "a page's pixels were still held when the next was read"


def test_a_job_over_the_pixel_budget_is_refused_before_any_decoding() -> None:
    limits = IntakeLimits(max_file_pixels=80_000_000, max_job_pixels=50_000_000)
    images = {"front.pdf": blank_pdf(3, 3000), "back.pdf": blank_pdf(3, 3000)}  # 27 M pixels each
    with pytest.raises(IntakeError, match=r"54,000,000 pixels in all; the limit for one label is 50,000,000"):
        check_job_pixels(images, limits)
    check_job_pixels({"front.pdf": images["front.pdf"]}, limits)


class _NothingReadEngine:
    name = "blank"

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        return page_from_text(panel, "")


def test_a_photo_where_no_text_can_be_read_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (250, 250, 250)).save(buffer, format="JPEG")
    with pytest.raises(ImageRejected, match="no text could be read"):
        read_photo_panels("front.jpg", buffer.getvalue(), engine=_NothingReadEngine(), limits=ImageLimits())
