"""Image intake refuses what is not a usable label image, by content, with a reason that names the file."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from labeliq.extraction.image_intake import ImageLimits, ImageRejected, load_panel_images, sniff_format


def encoded(fmt: str, size: tuple[int, int] = (64, 40), **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge canvas (a decompression bomb)."""
    raw = zlib.compress(b"\x00" * 16)

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("JPEG", "jpeg"), ("PNG", "png"), ("WEBP", "webp"), ("TIFF", "tiff"), ("PDF", "pdf")],
)
def test_sniffs_each_accepted_format(fmt: str, expected: str) -> None:
    assert sniff_format(encoded(fmt)) == expected


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF"])
def test_decodes_each_raster_format(fmt: str) -> None:
    [panel] = load_panel_images("back.img", encoded(fmt))
    assert panel.name == "back"
    assert panel.image.size == (64, 40)
    assert panel.image.mode == "RGB"


def test_pdf_gives_one_panel_per_page() -> None:
    pages = [Image.new("RGB", (300, 200), "white"), Image.new("RGB", (300, 200), "white")]
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=72)
    panels = load_panel_images("label.pdf", buffer.getvalue())
    assert [p.name for p in panels] == ["label", "label-p2"]
    assert all(p.source_format == "pdf" for p in panels)


def test_exif_orientation_is_applied() -> None:
    image = Image.new("RGB", (80, 20), "white")
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    [panel] = load_panel_images("front.jpg", buffer.getvalue())
    assert panel.image.size == (20, 80)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param("empty.jpg", b"", "empty", id="empty"),
        pytest.param("notes.jpg", b"Ingredients: water, sugar", "not a JPEG, PNG, WebP, TIFF or PDF", id="text-as-jpg"),
        pytest.param("script.png", b"#!/bin/sh\nrm -rf /\n", "not a JPEG, PNG, WebP, TIFF or PDF", id="script-as-png"),
        pytest.param("cut.jpg", encoded("JPEG", (400, 300))[:600], "truncated or corrupt", id="truncated-jpeg"),
        pytest.param("cut.png", encoded("PNG", (400, 300))[:80], "corrupt", id="truncated-png"),
        pytest.param("bomb.png", bomb_png(60_000, 60_000), "pixels; the limit", id="decompression-bomb"),
        pytest.param("broken.pdf", b"%PDF-1.7\nnot really a pdf", "PDF cannot be opened", id="corrupt-pdf"),
    ],
)
def test_refuses_bad_files_with_a_named_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ImageRejected) as caught:
        load_panel_images(name, data)
    assert str(caught.value).startswith(f"{name}: ")
    assert reason in str(caught.value)


def test_refuses_files_over_the_size_limit() -> None:
    data = encoded("PNG")
    with pytest.raises(ImageRejected, match=r"big.png: the file is .* bytes; the limit is 10"):
        load_panel_images("big.png", data, ImageLimits(max_bytes=10))


def test_pixel_limit_is_a_setting() -> None:
    data = encoded("PNG", (100, 100))
    assert load_panel_images("ok.png", data, ImageLimits(max_pixels=10_000))
    with pytest.raises(ImageRejected, match="10,000 pixels; the limit is 9,999"):
        load_panel_images("ok.png", data, ImageLimits(max_pixels=9_999))
