"""Photos through the whole tool: `labeliq check front.jpg back.jpg` judges as the same label given as text,
bad files of every kind are refused with exit code 2 and a message naming the file and the reason, and a
wide photo of two panels is read as two panels. These run the real OCR engine, so they are few."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from labeliq.extraction.images import extract_panel, extract_panels, read_photo_panels
from labeliq.extraction.photo_facts import facts_from_photos
from tests.bench.bench_extract import field_values, text_facts
from tests.images.render import jpeg_bytes, render_sample, side_by_side

REPO = Path(__file__).resolve().parents[2]
PHOTOS = REPO / "samples" / "granola-photos"
TEXT = REPO / "samples" / "granola-compliant"


def labeliq(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "labeliq.cli", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


def verdicts(report_path: Path) -> dict[str, list[str]]:
    report = json.loads(report_path.read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for result in report["results"].values():
        for finding in result["findings"]:
            out.setdefault(finding["rule"], set()).add(finding["verdict"])
    return {rule: sorted(values) for rule, values in sorted(out.items())}


@pytest.mark.slow  # two OCR runs and two full checks in subprocesses: 6 s idle, 30 s on a busy machine
@pytest.mark.parametrize(
    ("photos", "text"),
    [("granola-photos", "granola-compliant"), ("pita-photos", "pita-halal-side-by-side")],
)
def test_photos_give_the_same_verdicts_as_the_text(photos: str, text: str, tmp_path: Path) -> None:
    photo_dir, text_dir = REPO / "samples" / photos, REPO / "samples" / text
    photo_run = labeliq(
        "check",
        "--context",
        photo_dir / "context.json",
        "--out",
        tmp_path / "photo",
        photo_dir / "front.jpg",
        photo_dir / "back.jpg",
    )
    assert photo_run.returncode == 0, photo_run.stderr
    text_run = labeliq(
        "check",
        "--context",
        text_dir / "context.json",
        "--out",
        tmp_path / "text",
        text_dir / "front.txt",
        text_dir / "back.txt",
    )
    assert text_run.returncode == 0, text_run.stderr
    assert verdicts(tmp_path / "photo" / "report.json") == verdicts(tmp_path / "text" / "report.json")
    report = json.loads((tmp_path / "photo" / "report.json").read_text(encoding="utf-8"))
    assert {p["name"]: p["image_uri"] for p in report["label_facts"]["panels"]} == {
        "front": "front.jpg",
        "back": "back.jpg",
    }


def test_photo_facts_match_the_text_and_point_into_the_photo() -> None:
    facts = facts_from_photos([PHOTOS / "front.jpg", PHOTOS / "back.jpg"])
    truth = field_values(text_facts(TEXT))
    read = field_values(facts)
    wrong = {field for field, value in truth.items() if value is not None and read.get(field) != value}
    assert not wrong, {field: (truth[field], read.get(field)) for field in wrong}
    sizes = {p.name: (p.width_px or 0, p.height_px or 0) for p in facts.panels}
    assert facts.nutrition_facts is not None
    located = [
        *(f.source for f in facts.ingredients),
        *(f.source for f in facts.contains),
        *(f.source for f in facts.dates),
        *(f.source for f in facts.common_names),
        *(v.source for v in facts.nutrition_facts.nutrients.values()),
    ]
    for source in located:
        box, (width, height) = source.bbox, sizes[source.panel]
        assert box is not None and 0 <= box.x0 < box.x1 <= width and 0 <= box.y0 < box.y1 <= height
        assert source.ocr_confidence is not None and 0.5 < source.ocr_confidence <= 1.0
    sodium = facts.nutrition_facts.nutrients["sodium"].source.bbox
    fat = facts.nutrition_facts.nutrients["fat"].source.bbox
    assert sodium is not None and fat is not None and sodium.y0 > fat.y1  # sodium is printed below fat


def test_a_wide_photo_of_two_panels_is_read_as_two_panels(tmp_path: Path) -> None:
    front = render_sample(REPO / "samples" / "granola-compliant", seed=5)["front"]
    other = render_sample(REPO / "samples" / "crackers-date-allergen-faults", seed=5)["front"]
    path = tmp_path / "front.jpg"
    path.write_bytes(jpeg_bytes(side_by_side([front, other], gutter_px=160)))
    panels = extract_panels(path)
    assert [p.name for p in panels] == ["front", "front-2"]
    assert "Oat & Honey Granola Bars" in panels[0].text and "Cheddar & Onion Crackers" in panels[1].text
    with pytest.raises(ValueError, match="holds 2 panels"):
        extract_panel(path)
    single = [item.panel.name for item in read_photo_panels("front.jpg", jpeg_bytes(front))]
    assert single == ["front"]


# --- bad files -------------------------------------------------------------------------------------------------


def _bomb_png(width: int, height: int) -> bytes:
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")
    )


def _jpeg(size: tuple[int, int] = (400, 300)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (240, 240, 240)).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


BAD_FILES = [
    pytest.param("back.jpg", b"", {}, "is empty", id="empty"),
    pytest.param("back.jpg", _jpeg()[:700], {}, "truncated or corrupt", id="truncated-jpeg"),
    pytest.param(
        "back.jpg", b"Ingredients: Oats, Honey.\n", {}, "not a JPEG, PNG, WebP, TIFF or PDF", id="text-as-jpg"
    ),
    pytest.param("back.png", _bomb_png(60_000, 60_000), {}, "pixels", id="decompression-bomb"),
    pytest.param("back.jpg", _jpeg(), {"LABELIQ_MAX_IMAGE_BYTES": "500"}, "the limit is 500", id="over-size"),
    pytest.param("back.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", {}, "PDF cannot be opened", id="corrupt-pdf"),
]


@pytest.mark.parametrize(("name", "data", "env", "reason"), BAD_FILES)
def test_bad_files_are_refused_with_exit_code_2(
    name: str, data: bytes, env: dict[str, str], reason: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    done = labeliq("check", "--out", out, TEXT / "front.txt", path, env=env)
    assert done.returncode == 2, done.stderr
    assert str(path) in done.stderr and reason in done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / "report.json").exists()  # nothing was judged on a partial label
