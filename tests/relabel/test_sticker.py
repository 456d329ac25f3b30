"""The proposed sticker on each foreign sample: our checkers do not fail it, the Contains statement uses prescribed
names, the fields carry source and state, and the DOCX page reads back with python-docx; the CLI runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from docx import Document

from labeliq.docx_report import render_docx
from labeliq.models import Panel, ProductContext, Report
from labeliq.relabel.job import relabel_report
from labeliq.relabel.translate import GlossaryTranslator

SAMPLES = Path(__file__).resolve().parents[2] / "samples-relabel"
NAMES = ("italian-sauce", "us-kettle-corn", "polish-cookies")


@cache
def _report(name: str) -> Report:
    folder = SAMPLES / name
    panels = [Panel(name=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    context = ProductContext.model_validate(json.loads((folder / "context.json").read_text(encoding="utf-8")))
    return relabel_report(panels, context, f"test-{name}", GlossaryTranslator())


@pytest.mark.parametrize("name", NAMES)
def test_our_checkers_do_not_fail_the_sticker(name: str) -> None:
    report = _report(name)
    assert report.mode == "relabel" and report.relabel is not None
    assert report.summary.failing_rules == []
    assert report.relabel.check is not None and report.relabel.check.failing_rules == []


@pytest.mark.parametrize(
    ("name", "contains_en", "contains_fr"),
    [
        ("italian-sauce", "Contains: Eggs, Milk.", "Contient : Œufs, Lait."),
        ("us-kettle-corn", "Contains: Milk.", "Contient : Lait."),
        ("polish-cookies", "Contains: Wheat, Eggs, Milk, Oats.", "Contient : Blé, Œufs, Lait, Avoine."),
    ],
)
def test_contains_uses_prescribed_names(name: str, contains_en: str, contains_fr: str) -> None:
    relabel = _report(name).relabel
    assert relabel is not None
    assert (relabel.fields["contains"].en, relabel.fields["contains"].fr) == (contains_en, contains_fr)


def test_nutrients_the_source_does_not_declare_are_reported_not_invented() -> None:
    folder = SAMPLES / "polish-cookies"
    panels = [Panel(name=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    data = json.loads((folder / "context.json").read_text(encoding="utf-8"))
    del data["supplier_nutrients_per_100"]
    report = relabel_report(panels, ProductContext.model_validate(data), "test-missing", GlossaryTranslator())
    relabel = report.relabel
    assert relabel is not None and relabel.check is not None and relabel.nutrition is not None
    assert relabel.nutrition.not_declared == ["trans_fat", "cholesterol", "potassium", "calcium", "iron"]
    assert "Trans" not in relabel.sticker_panels["sticker"]  # the row is left off, never filled with a guess
    assert relabel.check.failing_rules == []  # every fail comes from the missing data, and is reported as such
    assert "10.B.trans_fat" in relabel.check.uncontrollable_fails
    assert any("never invented" in item for item in relabel.unsettled)


def test_sugars_are_grouped_and_components_kept() -> None:
    relabel = _report("polish-cookies").relabel
    assert relabel is not None
    text = relabel.fields["ingredients"].en
    assert "Sugars (sugar, glucose syrup)" in text
    assert "Dried cranberries (cranberries, sugar, sunflower oil)" in text


def test_every_field_carries_source_machine_made_and_state() -> None:
    relabel = _report("italian-sauce").relabel
    assert relabel is not None
    for field in relabel.fields.values():
        assert field.state == "proposed"
    name = relabel.fields["common_name"]
    assert name.machine_made and name.needs_person and name.source_text
    assert relabel.fields["imported_by"].machine_made is False
    assert relabel.fields["best_before"].en == "Best before 27 OC 31"
    assert relabel.fields["origin"].fr == "Produit d'Italie"


def test_italian_table_is_converted_per_half_cup() -> None:
    relabel = _report("italian-sauce").relabel
    assert relabel is not None and relabel.nutrition is not None
    rows = {r.key: (r.amount, r.dv_percent) for r in relabel.nutrition.rows}
    assert relabel.nutrition.calories == 110
    assert rows["fat"] == (7.0, 9) and rows["sodium"] == (490.0, 21) and rows["sugars"] == (8.0, 8)
    assert relabel.nutrition_symbol == ["sodium"]  # 21 % DV of sodium, RA 125 mL: threshold 15 %


def test_docx_page_reads_back() -> None:
    document = Document(io.BytesIO(render_docx(_report("polish-cookies"))))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Proposed Canadian sticker (relabel mode)" in text
    assert "Contient : Blé, Œufs, Lait, Avoine." in cells
    assert "machine-made" in cells and "proposed" in cells
    assert "Nutrition Facts conversion" in text
    assert "supplier data 210 mg per 100 g" in cells


def test_cli_relabel_mode_writes_the_relabel_section(tmp_path: Path) -> None:
    folder = SAMPLES / "us-kettle-corn"
    done = subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "check", "--mode", "relabel", "--context", str(folder / "context.json"),
         "--out", str(tmp_path), *map(str, sorted(folder.glob("*.txt")))],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["mode"] == "relabel"
    assert report["relabel"]["fields"]["ingredients"]["en"].startswith("Ingredients: Popcorn, Sugars (")


def test_cli_refuses_relabel_without_translation_settings(tmp_path: Path) -> None:
    folder = SAMPLES / "us-kettle-corn"
    env = {"PATH": "/usr/bin:/bin", "LABELIQ_TRANSLATOR": "llm"}
    done = subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "check", "--mode", "relabel", "--out", str(tmp_path),
         *map(str, sorted(folder.glob("*.txt")))],
        capture_output=True, text=True, check=False, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 2
    assert "LABELIQ_LLM_API_KEY" in done.stderr
    assert not (tmp_path / "report.json").exists()


def test_check_mode_is_the_default_and_never_guessed(tmp_path: Path) -> None:
    folder = SAMPLES / "italian-sauce"
    done = subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "check", "--out", str(tmp_path), *map(str, sorted(folder.glob("*.txt")))],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["mode"] == "check" and report["relabel"] is None
