"""Where on a photo a finding's evidence was read, so a reviewer can find the spot without rereading the label.

A finding only gets a location when that is certain: its evidence is exactly the text of one fact read from a
photo of the finding's own panel (photo_facts filled that fact's box). Evidence a checker composed, shortened or
took from several facts, or a finding with no panel, gets none rather than a guessed box.
"""

from __future__ import annotations

from collections import defaultdict

from labeliq.models import BoundingBox, CheckResult, Finding, LabelFacts, Provenance, iter_models

FactBoxes = dict[tuple[str, str], list[BoundingBox]]


def fact_boxes(facts: LabelFacts) -> FactBoxes:
    """(panel, fact text) -> the distinct boxes facts with that text were read at on that panel."""
    boxes: defaultdict[tuple[str, str], list[BoundingBox]] = defaultdict(list)
    for model in iter_models(facts):
        fields = type(model).model_fields
        if "source" not in fields or "text" not in fields:  # asked of the class: no attribute lookup that fails
            continue
        source, text = model.source, model.text  # type: ignore[attr-defined]
        if isinstance(source, Provenance) and source.bbox is not None and isinstance(text, str) and text.strip():
            key = (source.panel, text.strip())
            if source.bbox not in boxes[key]:
                boxes[key].append(source.bbox)
    return dict(boxes)


def locate(finding: Finding, boxes: FactBoxes) -> Finding:
    """The finding with its location when its evidence is one fact's text on its panel (one box, no ambiguity)."""
    if finding.location is not None or finding.panel is None or not finding.evidence.strip():
        return finding
    found = boxes.get((finding.panel, finding.evidence.strip()), [])
    if len(found) != 1:
        return finding
    return finding.model_copy(update={"location": found[0]})


def locate_results(results: dict[str, CheckResult], facts: LabelFacts) -> dict[str, CheckResult]:
    """Every finding of a group's results located where its evidence allows; results without photos unchanged."""
    boxes = fact_boxes(facts)
    if not boxes:
        return results
    return {
        name: result.model_copy(update={"findings": [locate(f, boxes) for f in result.findings]})
        for name, result in results.items()
    }


def location_text(finding: Finding) -> str:
    """The location for a report's evidence cell, e.g. "[back, x 120–840, y 610–700]"; "" when it has none."""
    box = finding.location
    if box is None:
        return ""
    where = f"{finding.panel}, " if finding.panel else ""
    return f"[{where}x {box.x0:.0f}–{box.x1:.0f}, y {box.y0:.0f}–{box.y1:.0f}]"
