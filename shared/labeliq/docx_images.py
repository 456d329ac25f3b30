"""Pictures for the Word report of a photo job: panel thumbnails with numbered markers, and a crop per finding.

A location such as "[front, x 162–689, y 133–188]" means nothing without the photo: the report shows where on the
package each failing or open item was read. The caller passes the panels' image bytes (domain code does no I/O);
each picture is made small (bounded pixels, JPEG) so a report of many findings stays light to mail. Pillow comes
with the `ocr` extra that reads photos in the first place; without it, or for an image it cannot decode, the report
says where the evidence is in words only.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labeliq.models import BoundingBox, LabelFacts

if TYPE_CHECKING:
    from PIL.Image import Image

THUMB_MAX_PX = 640  # the longer side of a panel thumbnail: about 8 cm wide at 200 dpi
CROP_MAX_PX = 520  # the longer side of a finding's crop
CROP_MARGIN = 0.6  # context around the box, as a share of its size (at least CROP_MIN_MARGIN_PX)
CROP_MIN_MARGIN_PX = 40
JPEG_QUALITY = 72
BOX_RED = (200, 0, 20)


PDF_PAGE_JPEG_QUALITY = 90  # a PDF page handed on to the pictures below, which shrink it again


def photo_sources(facts: LabelFacts) -> dict[str, str]:
    """Panel name -> the name of the photo or PDF file it was read from (its boxes are in that photo's pixels, or
    in its page's as rendered for the OCR). Callers read the files and pass them to `picture_bytes`."""
    return {panel.name: panel.image_uri for panel in facts.panels if panel.image_uri}


def picture_bytes(sources: Mapping[str, str], files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Panel name -> the image the report draws it from: a photo's own bytes, or for a PDF the panel's page
    rendered as the OCR read it (labeliq.extraction.image_intake, the same resolution, so its boxes fit). A PDF
    that cannot be rendered here (no pypdfium2, or refused) leaves its panels out: the report then says where the
    evidence is in words only."""
    out: dict[str, bytes] = {}
    pages_of: dict[str, dict[str, bytes]] = {}
    for panel, source in sources.items():
        data = files.get(source)
        if data is None:
            continue
        if not source.lower().endswith(".pdf"):
            out[panel] = data
            continue
        if source not in pages_of:
            pages_of[source] = _pdf_pages(source, data)
        page = _page_of(panel, pages_of[source])
        if page is not None:
            out[panel] = page
    return out


def _page_of(panel: str, pages: Mapping[str, bytes]) -> bytes | None:
    """The page a panel was read from: its own name (`front`, `front-p2`), or the page a wide page was split
    from (`front-p2-2`); the longest page name that fits wins, so `front-p2` is not taken for page 1."""
    fitting = [
        name for name in pages if panel == name or (panel.startswith(f"{name}-") and panel[len(name) + 1 :].isdigit())
    ]
    return pages[max(fitting, key=len)] if fitting else None


def _pdf_pages(file_name: str, data: bytes) -> dict[str, bytes]:
    """Page name (as the panels of this PDF are named) -> the page as a JPEG, rendered one page at a time."""
    try:
        from labeliq.extraction.image_intake import ImageRejected, iter_panel_images
    except ModuleNotFoundError:  # Pillow is not installed: no pictures at all
        return {}
    pages: dict[str, bytes] = {}
    try:
        for page in iter_panel_images(file_name, data):
            out = io.BytesIO()
            page.image.save(out, format="JPEG", quality=PDF_PAGE_JPEG_QUALITY)
            pages[page.name] = out.getvalue()
    except (ImageRejected, ModuleNotFoundError):  # refused here, or pypdfium2 missing: words only
        return {}
    return pages


@dataclass(frozen=True)
class Picture:
    jpeg: bytes
    width_px: int
    height_px: int


class PanelPictures:
    """Panel name -> its photo, decoded once on first use."""

    def __init__(self, images: Mapping[str, bytes] | None) -> None:
        self._bytes = dict(images or {})
        self._decoded: dict[str, Image | None] = {}

    def __bool__(self) -> bool:
        return bool(self._bytes)

    def names(self) -> list[str]:
        return list(self._bytes)

    def image(self, panel: str | None) -> Image | None:
        if panel is None or panel not in self._bytes:
            return None
        if panel not in self._decoded:
            self._decoded[panel] = _decode(self._bytes[panel])
        return self._decoded[panel]

    def thumbnail(self, panel: str, markers: list[tuple[int, BoundingBox]]) -> Picture | None:
        """The panel at thumbnail size with each marker's box outlined and its number beside it."""
        image = self.image(panel)
        if image is None:
            return None
        from PIL import ImageDraw

        scale = min(1.0, THUMB_MAX_PX / max(image.size))
        small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        draw = ImageDraw.Draw(small)
        from PIL import ImageFont

        font = ImageFont.load_default(size=max(14, THUMB_MAX_PX // 28))
        for number, box in markers:
            x0, y0, x1, y1 = (v * scale for v in (box.x0, box.y0, box.x1, box.y1))
            draw.rectangle((x0, y0, x1, y1), outline=BOX_RED, width=3)
            label = str(number)
            left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
            w, h = right - left + 8, bottom - top + 6
            tx = max(0.0, min(x0, small.width - w))
            ty = y0 - h if y0 - h >= 0 else min(y1, small.height - h)
            draw.rectangle((tx, ty, tx + w, ty + h), fill=BOX_RED)
            draw.text((tx + 4 - left, ty + 3 - top), label, fill=(255, 255, 255), font=font)
        return _jpeg(small)

    def crop(self, panel: str | None, box: BoundingBox) -> Picture | None:
        """The part of the panel around the box, with the box drawn: the words a finding rests on, in place."""
        image = self.image(panel)
        if image is None:
            return None
        from PIL import ImageDraw

        margin_x = max(CROP_MIN_MARGIN_PX, (box.x1 - box.x0) * CROP_MARGIN)
        margin_y = max(CROP_MIN_MARGIN_PX, (box.y1 - box.y0) * CROP_MARGIN)
        left = max(0, int(box.x0 - margin_x))
        top = max(0, int(box.y0 - margin_y))
        right = min(image.width, int(box.x1 + margin_x) + 1)
        bottom = min(image.height, int(box.y1 + margin_y) + 1)
        if right <= left or bottom <= top:
            return None
        part = image.crop((left, top, right, bottom))
        scale = min(1.0, CROP_MAX_PX / max(part.size))
        if scale < 1.0:
            part = part.resize((max(1, round(part.width * scale)), max(1, round(part.height * scale))))
        draw = ImageDraw.Draw(part)
        draw.rectangle(
            ((box.x0 - left) * scale, (box.y0 - top) * scale, (box.x1 - left) * scale, (box.y1 - top) * scale),
            outline=BOX_RED,
            width=3,
        )
        return _jpeg(part)


def _decode(data: bytes) -> Image | None:
    """The photo upright and in RGB, as the OCR read it (boxes are in these pixels); None when it cannot be."""
    try:
        from PIL import Image as PilImage
        from PIL import ImageOps, UnidentifiedImageError
    except ModuleNotFoundError:
        return None
    try:
        with PilImage.open(io.BytesIO(data)) as opened:
            opened.load()
            return ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, PilImage.DecompressionBombError):
        return None


def _jpeg(image: Image) -> Picture:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Picture(out.getvalue(), image.width, image.height)
