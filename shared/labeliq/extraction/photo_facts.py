"""Label facts from photos, each fact pointing at where on which photo it was read and how surely.

The text parser gives every fact its panel and line range; the layout kept, for every line of a photo panel's
text, the OCR boxes it came from. Joining the two fills Provenance.bbox (in the photo's pixels) and
ocr_confidence (the least sure line: one misread word is enough to misjudge a rule), so a finding can show
the spot on the photo. When the same field was photographed twice (a close-up of the ingredients beside the
whole back panel), the reading with the higher OCR confidence is kept and the other dropped, so the checks
never see two versions of one statement disagree only because of OCR.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from labeliq.extraction.image_intake import ImageLimits
from labeliq.extraction.images import PhotoPanel, read_photo_panels
from labeliq.extraction.layout import LaidOutLine
from labeliq.extraction.ocr_result import OcrEngine
from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, NutritionFacts, Panel, Provenance, iter_models, union_box
from labeliq.text import fold

SAME_TEXT_RATIO = 0.85  # two readings this similar (folded) are the same printed text


def fill_provenance(provenance: Provenance, sources: list[LaidOutLine | None]) -> Provenance:
    """The provenance with the box and the confidence of the photo lines it covers."""
    if provenance.line_start is None:
        return provenance
    end = provenance.line_end if provenance.line_end is not None else provenance.line_start
    lines = [line for line in sources[provenance.line_start : end + 1] if line is not None]
    if not lines:
        return provenance
    return provenance.model_copy(
        update={
            "bbox": union_box([line.bbox for line in lines]),
            "ocr_confidence": round(min(line.confidence for line in lines), 4),
        }
    )


def attach_photo_provenance(facts: LabelFacts, photos: Sequence[PhotoPanel]) -> LabelFacts:
    """Every fact read from a photo panel gets its box and OCR confidence (in place; returned for chaining)."""
    sources = {photo.panel.name: photo.line_sources for photo in photos}
    for model in iter_models(facts):
        for name in type(model).model_fields:
            child = getattr(model, name)
            if isinstance(child, Provenance) and child.panel in sources:
                setattr(model, name, fill_provenance(child, sources[child.panel]))
    return facts


def _confidence(item: Any) -> float | None:
    source = getattr(item, "source", None)
    return source.ocr_confidence if isinstance(source, Provenance) else None


def _same_field(a: Any, b: Any, roles: dict[str, bool]) -> bool:
    if type(a) is not type(b):
        return False
    if getattr(a, "language", None) != getattr(b, "language", None) or getattr(a, "kind", None) != getattr(
        b, "kind", None
    ):
        return False
    panel_a, panel_b = a.source.panel, b.source.panel
    if panel_a == panel_b or roles.get(panel_a) != roles.get(panel_b):
        return False
    ratio = difflib.SequenceMatcher(None, fold(getattr(a, "text", "")), fold(getattr(b, "text", ""))).ratio()
    return ratio >= SAME_TEXT_RATIO


def merge_by_confidence(items: list[Any], roles: dict[str, bool]) -> list[Any]:
    """One reading per printed statement: of photo readings of the same field, the most confident one."""
    kept: list[Any] = []
    for item in items:
        confidence = _confidence(item)
        twin = next(
            (
                index
                for index, other in enumerate(kept)
                if confidence is not None and _confidence(other) is not None and _same_field(item, other, roles)
            ),
            None,
        )
        if twin is None:
            kept.append(item)
        elif confidence is not None and confidence > (_confidence(kept[twin]) or 0.0):
            kept[twin] = item
    return kept


def _table_confidence(table: NutritionFacts) -> float:
    values = [v.source.ocr_confidence for v in table.nutrients.values() if v.source.ocr_confidence is not None]
    return sum(values) / len(values) if values else table.source.ocr_confidence or 0.0


def _best_table(facts: LabelFacts, photos: Sequence[PhotoPanel]) -> NutritionFacts | None:
    """When several photos show a Nutrition Facts table, the one read most surely."""
    tables = []
    for photo in photos:
        table = parse_label([photo.panel]).nutrition_facts
        if table is not None:
            single = LabelFacts(nutrition_facts=table)
            attach_photo_provenance(single, [photo])
            tables.append(single.nutrition_facts)
    candidates = [t for t in tables if t is not None]
    if len(candidates) < 2:
        return facts.nutrition_facts
    return max(candidates, key=_table_confidence)


def facts_from_panels(photos: Sequence[PhotoPanel], text_panels: Sequence[Panel] = ()) -> LabelFacts:
    facts = parse_label([*text_panels, *(photo.panel for photo in photos)])
    attach_photo_provenance(facts, photos)
    roles = {panel.name: panel.is_principal_display for panel in facts.panels}
    updates: dict[str, Any] = {}
    for name, field in LabelFacts.model_fields.items():
        value = getattr(facts, name)
        if name != "panels" and isinstance(value, list) and field.annotation is not None:
            updates[name] = merge_by_confidence(value, roles)
    updates["nutrition_facts"] = _best_table(facts, photos)
    return facts.model_copy(update=updates)


def facts_from_photos(
    files: Sequence[Path | tuple[str, bytes]],
    engine: OcrEngine | None = None,
    limits: ImageLimits | None = None,
    text_panels: Sequence[Panel] = (),
) -> LabelFacts:
    """Label facts from photo files (paths, or names with their bytes), every photo fact with its box."""
    photos: list[PhotoPanel] = []
    for item in files:
        name, data = (item.name, item.read_bytes()) if isinstance(item, Path) else item
        photos += read_photo_panels(name, data, engine, limits)
    return facts_from_panels(photos, text_panels)
