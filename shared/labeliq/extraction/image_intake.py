"""Image intake: what a panel file really is, decided from its bytes, never from its extension.

The system this replaces trusted uploads by file extension. Here a file is sniffed, size- and pixel-limited
before it is decoded (a decompression bomb must not exhaust memory), fully decoded so a truncated file is
refused, turned upright by its EXIF orientation, and a PDF gives one panel image per page.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

ImageFormat = Literal["jpeg", "png", "webp", "tiff", "pdf"]

# Pillow's own bomb guard is a warning up to 2x MAX_IMAGE_PIXELS; ours is an explicit limit checked on the header.
ImageFile.LOAD_TRUNCATED_IMAGES = False

PDF_RENDER_DPI = 200


class ImageRejected(ValueError):
    """A panel file that is not a usable label image; the message names the file and the reason."""

    def __init__(self, file_name: str, reason: str) -> None:
        super().__init__(f"{file_name}: {reason}")
        self.file_name = file_name
        self.reason = reason


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int = 20_000_000
    max_pixels: int = 40_000_000
    max_pdf_pages: int = 12
    # All pages of one file together, from their headers before any is decoded: 12 pages at the per-page limit
    # would otherwise decode 2 GB of pixels from a 16 KB PDF.
    max_file_pixels: int = 80_000_000


@dataclass(frozen=True)
class PanelImage:
    """One decoded, upright page of a panel file, in RGB."""

    name: str  # the panel name: the file stem, with "-p2" etc. for PDF pages after the first
    image: Image.Image
    source_format: ImageFormat


def sniff_format(data: bytes) -> ImageFormat | None:
    """The container format from the magic bytes; None when it is none we accept."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    return None


def load_panel_images(file_name: str, data: bytes, limits: ImageLimits | None = None) -> list[PanelImage]:
    """Validate and decode a panel file; raise ImageRejected with a reason a person understands."""
    return list(iter_panel_images(file_name, data, limits))


def panel_pixels(file_name: str, data: bytes, limits: ImageLimits | None = None) -> int:
    """How many pixels the file decodes to, from its headers only (nothing is decoded); refused like the decode."""
    limits = limits or ImageLimits()
    kind = _checked_kind(file_name, data, limits)
    if kind == "pdf":
        return sum(w * h for w, h in _pdf_page_sizes(file_name, data, limits))
    width, height = _raster_size(file_name, data, limits)
    return width * height


def _checked_kind(file_name: str, data: bytes, limits: ImageLimits) -> ImageFormat:
    if not data:
        raise ImageRejected(file_name, "the file is empty")
    if len(data) > limits.max_bytes:
        raise ImageRejected(file_name, f"the file is {len(data):,} bytes; the limit is {limits.max_bytes:,}")
    kind = sniff_format(data)
    if kind is None:
        raise ImageRejected(file_name, "the content is not a JPEG, PNG, WebP, TIFF or PDF file")
    return kind


def _raster_size(file_name: str, data: bytes, limits: ImageLimits) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as opened:
            return opened.size  # read from the header; nothing is decoded
    except Image.DecompressionBombError as exc:
        raise ImageRejected(
            file_name, f"the image header claims far more pixels; the limit is {limits.max_pixels:,}"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected(file_name, "the image data cannot be decoded (corrupt file)") from exc


def iter_panel_images(file_name: str, data: bytes, limits: ImageLimits | None = None) -> Iterator[PanelImage]:
    """The decoded pages of a panel file one at a time (a page is decoded only when asked for), after checking
    the whole file's pixels from its headers."""
    limits = limits or ImageLimits()
    kind = _checked_kind(file_name, data, limits)
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if kind == "pdf":
        yield from _pdf_pages(file_name, stem, data, limits)
        return
    yield PanelImage(stem, _decode_raster(file_name, data, limits), kind)


def _decode_raster(file_name: str, data: bytes, limits: ImageLimits) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as opened:
            width, height = opened.size  # read from the header; nothing is decoded yet
            if width <= 0 or height <= 0:
                raise ImageRejected(file_name, "the image has no pixels")
            if width * height > limits.max_pixels:
                raise ImageRejected(
                    file_name,
                    f"the image is {width}x{height} = {width * height:,} pixels; the limit is {limits.max_pixels:,}",
                )
            opened.load()  # decodes everything: a truncated or corrupt file fails here
            upright = ImageOps.exif_transpose(opened)
            return upright.convert("RGB")
    except ImageRejected:
        raise
    except Image.DecompressionBombError as exc:
        # Pillow refuses far-oversized headers itself, before our check can see the size.
        raise ImageRejected(
            file_name, f"the image header claims far more pixels; the limit is {limits.max_pixels:,}"
        ) from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected(file_name, "the image data cannot be decoded (corrupt file)") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected(file_name, f"the image is truncated or corrupt ({exc})") from exc


def _pdf_page_sizes(file_name: str, data: bytes, limits: ImageLimits) -> list[tuple[int, int]]:
    """The rendered size of every page of the PDF, from the page boxes (nothing is rendered); the page count and
    each page's and the file's total pixels are checked here."""
    import pypdfium2  # only PDF uploads pay for the import

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ImageRejected(file_name, f"the PDF cannot be opened ({exc})") from exc
    try:
        page_count = len(document)
        if page_count == 0:
            raise ImageRejected(file_name, "the PDF has no pages")
        if page_count > limits.max_pdf_pages:
            raise ImageRejected(file_name, f"the PDF has {page_count} pages; the limit is {limits.max_pdf_pages}")
        scale = PDF_RENDER_DPI / 72
        sizes = []
        for index in range(page_count):
            width_pt, height_pt = document.get_page_size(index)
            size = (round(width_pt * scale), round(height_pt * scale))
            if size[0] * size[1] > limits.max_pixels:
                raise ImageRejected(file_name, f"page {index + 1} renders above the pixel limit {limits.max_pixels:,}")
            sizes.append(size)
    finally:
        document.close()
    total = sum(w * h for w, h in sizes)
    if total > limits.max_file_pixels:
        raise ImageRejected(
            file_name,
            f"its {page_count} pages render to {total:,} pixels in all; the limit for one file is "
            f"{limits.max_file_pixels:,}",
        )
    return sizes


def _pdf_pages(file_name: str, stem: str, data: bytes, limits: ImageLimits) -> Iterator[PanelImage]:
    """The pages one at a time: each is rendered when the caller asks for it, after the caller let go of the last."""
    import pypdfium2

    _pdf_page_sizes(file_name, data, limits)
    scale = PDF_RENDER_DPI / 72
    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                image = page.render(scale=scale).to_pil().convert("RGB")
            finally:
                page.close()
            name = stem if index == 0 else f"{stem}-p{index + 1}"
            yield PanelImage(name, image, "pdf")
            del image
    finally:
        document.close()
