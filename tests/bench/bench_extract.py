"""`make bench-extract`: how exactly the photo path reads each field, on clean and on degraded renders.

Every text sample in samples/ is rendered as photos (tests/images/render.py), once clean and once as a bad
phone photo (tilt, blur, noise, uneven light, JPEG). Ground truth is the same field parsed from the sample's
text by the same parser, so the numbers measure OCR and layout, not the parser. Per field, the exact-match
rate (whitespace folded, nothing else forgiven) and the seconds per image (wall and CPU). Not a test: it
prints a table.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import yaml

from labeliq.extraction.images import read_photo_panels
from labeliq.extraction.ocr_rapid import RapidOcrEngine
from labeliq.extraction.ocr_result import OcrEngine
from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, Language, Panel
from tests.images.render import Style, jpeg_bytes, render_sample, render_text_panel, sample_panels

REPO = Path(__file__).resolve().parents[2]
_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _by_language(items: Sequence[object], language: Language) -> str | None:
    texts = [_norm(getattr(item, "text", "")) for item in items if getattr(item, "language", None) == language]
    return " | ".join(texts) if texts else None


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def field_values(facts: LabelFacts) -> dict[str, str | None]:
    """The benchmarked fields as strings; None when the label has no such field."""
    fields: dict[str, str | None] = {
        "common name EN": _by_language(facts.common_names, "en"),
        "common name FR": _by_language(facts.common_names, "fr"),
        "ingredients EN": _by_language(facts.ingredients, "en"),
        "ingredients FR": _by_language(facts.ingredients, "fr"),
        "contains EN": _by_language(facts.contains, "en"),
        "contains FR": _by_language(facts.contains, "fr"),
        "best before": " | ".join(_norm(d.date_text) for d in facts.dates if d.kind == "best_before") or None,
        "net quantity": " | ".join(_norm(f.text) for f in facts.net_quantity) or None,
        "dealer": " | ".join(_norm(f.text) for f in facts.dealer) or None,
    }
    table = facts.nutrition_facts
    if table is not None:
        fields["NFT serving"] = f"{_number(table.serving_amount)} {table.serving_unit}"
        fields["NFT calories"] = _number(table.calories)
        for key, value in table.nutrients.items():
            fields[f"NFT {key}"] = f"{_number(value.amount)} {value.unit} / {_number(value.dv_percent)} %"
    return fields


def text_facts(sample: Path) -> LabelFacts:
    return parse_label([Panel(name=name, text=text) for name, text in sample_panels(sample).items()])


def _engine(name: str, params: Sequence[str] = ()) -> OcrEngine:
    """The engine, warmed up: loading the models once per process is not a per-image cost."""
    engine: OcrEngine
    if name == "tesseract":
        from tests.bench.tesseract_engine import TesseractEngine

        engine = TesseractEngine()
    else:
        overrides = {key: yaml.safe_load(value) for key, value in (item.split("=", 1) for item in params)}
        engine = RapidOcrEngine(overrides)
    engine.read("warm-up", render_text_panel("Nutrition Facts / Valeur nutritive\n", Style()))
    return engine


def photo_facts(
    sample: Path, seed: int, degraded: bool, engine: OcrEngine | None, timings: list[tuple[float, float]]
) -> LabelFacts:
    panels = []
    base = sum(map(ord, sample.name)) + 1000 * seed
    for name, image in render_sample(sample, seed=base, degraded=degraded).items():
        data = jpeg_bytes(image, 90)
        wall, cpu = time.perf_counter(), time.process_time()
        panels += [item.panel for item in read_photo_panels(f"{name}.jpg", data, engine)]
        timings.append((time.perf_counter() - wall, time.process_time() - cpu))
    return parse_label(panels)


def compare(truth: dict[str, str | None], read: dict[str, str | None]) -> dict[str, bool]:
    return {field: read.get(field) == expected for field, expected in truth.items() if expected is not None}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--samples", type=Path, default=REPO / "samples")
    parser.add_argument("--verbose", action="store_true", help="print every mismatch")
    parser.add_argument("--seeds", type=int, default=3, help="renders per sample and condition (fonts and damage vary)")
    parser.add_argument("--engine", choices=["rapidocr", "tesseract"], default="rapidocr")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a RapidOCR parameter, e.g. Rec.rec_batch_num=1 (repeatable; values are YAML scalars)",
    )
    args = parser.parse_args(argv)
    samples = sorted(p for p in args.samples.iterdir() if p.is_dir() and any(p.glob("*.txt")))
    results: dict[str, dict[str, list[bool]]] = {"clean": defaultdict(list), "degraded": defaultdict(list)}
    timings: dict[str, list[tuple[float, float]]] = {"clean": [], "degraded": []}
    engine = _engine(args.engine, args.param)
    for condition in ("clean", "degraded"):
        for sample in samples:
            truth = field_values(text_facts(sample))
            for seed in range(args.seeds):
                facts = photo_facts(sample, seed, condition == "degraded", engine, timings[condition])
                read = field_values(facts)
                for field, ok in compare(truth, read).items():
                    results[condition][field].append(ok)
                    if not ok and args.verbose:
                        print(
                            f"[{condition} seed {seed}] {sample.name} {field}: "
                            f"expected {truth[field]!r}, read {read.get(field)!r}"
                        )
    groups = sorted({g for r in results.values() for g in r}, key=lambda g: (g.startswith("NFT"), g))
    print(
        f"\nengine: {args.engine} {' '.join(args.param)}; {len(samples)} samples x {args.seeds} renders per condition"
    )
    print(f"{'field':<26} {'clean':>14} {'degraded':>14}")
    for group in groups:
        cells = []
        for condition in ("clean", "degraded"):
            oks = results[condition][group]
            cells.append(f"{sum(oks)}/{len(oks)}" + (f" {100 * sum(oks) / len(oks):5.1f}%" if oks else ""))
        print(f"{group:<26} {cells[0]:>14} {cells[1]:>14}")
    for condition in ("clean", "degraded"):
        oks = [ok for values in results[condition].values() for ok in values]
        walls = [w for w, _ in timings[condition]]
        cpus = [c for _, c in timings[condition]]
        print(
            f"{condition}: {sum(oks)}/{len(oks)} fields exact ({100 * sum(oks) / max(1, len(oks)):.1f}%); "
            f"seconds per image: wall median {statistics.median(walls):.2f} max {max(walls):.2f}, "
            f"CPU median {statistics.median(cpus):.2f} max {max(cpus):.2f} ({len(walls)} images)"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average during the run: {load:.1f} on {os.cpu_count()} CPUs (wall times grow with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
