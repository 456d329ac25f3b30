"""Relabel mode on a foreign label given as photos: the local OCR reads the Polish alphabet and the sticker is the
one the text sample gives. Runs the real OCR engine, so there is one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PHOTOS = REPO / "samples-relabel" / "polish-cookies-photos"


def test_polish_photos_give_the_text_samples_sticker(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "check", "--mode", "relabel", "--context", str(PHOTOS / "context.json"),
         "--out", str(tmp_path), str(PHOTOS / "front.jpg"), str(PHOTOS / "back.jpg")],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    relabel = report["relabel"]
    assert relabel["source_language"] == "pl"
    assert report["summary"]["failing_rules"] == []
    assert relabel["fields"]["contains"]["en"] == "Contains: Wheat, Eggs, Milk, Oats."
    assert relabel["fields"]["may_contain"]["fr"] == "Peut contenir : Noisettes, Sésame."
    rows = {r["key"]: (r["amount"], r["dv_percent"]) for r in relabel["nutrition"]["rows"]}
    assert rows["saturated_fat"] == (3.0, 16) and rows["sodium"] == (70.0, 3) and rows["iron"] == (0.75, 4)
    source = relabel["source_facts"]["ingredients"]["source"]
    assert source["panel"] == "back"
    assert source["bbox"] is not None and 0 < source["ocr_confidence"] <= 1  # where on the photo it was read
