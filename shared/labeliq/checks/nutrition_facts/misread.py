"""A fail read off a photo that may be the OCR's mistake, not the label's, becomes a question (issue 11, item 5).

On a photo, a value can be misread ("3.5 g" read as "35 g") or laid out on the wrong row (a %DV left on a line
of its own). Such a misreading breaks every relation the value takes part in: its rounding, its %DV, the energy
from the macronutrients, the sums. A fail that rests on a photo row is therefore sent to review, with
"possible misread" and the row's place on the photo, when
- the OCR read the row with low confidence, or
- the row fails two or more independent checks (a label error usually breaks one; a misread number breaks all of
  its relations), or
- the fail says a value is missing while the table holds a value that no row took.
Text panels are what the user typed: their fails stand.
"""

from __future__ import annotations

from labeliq.checks.common import nft_values
from labeliq.models import Finding, NutritionFacts, Verdict, union_box

# RapidOCR reads clean table text at 0.87-0.99 here (tests/images); below this a digit is often wrong.
LOW_CONFIDENCE = 0.80
_MACROS = ("fat", "carbohydrate", "protein")


def rows_of(rule: str, nft: NutritionFacts) -> tuple[str, ...]:
    """The table rows a finding's verdict rests on, from its id (10.B.fat, 10.E1.sodium, 10.E5, 10.E4.fat...)."""
    parts = rule.split(".")
    base = ".".join(parts[:2])
    aspect = parts[2] if len(parts) > 2 else ""
    if base == "10.E5":
        return _MACROS
    if base == "10.E4":
        return ("saturated_fat", "trans_fat", "fat") if aspect == "fat" else ("sugars", "fibre", "carbohydrate")
    aspect = aspect.removesuffix("_unit")
    if aspect == "saturated_plus_trans":
        return ("saturated_fat", "trans_fat")
    if aspect in nft_values.UNITS or aspect in nft.nutrients:
        return (aspect,)
    return ()


def _is_photo(nft: NutritionFacts) -> bool:
    return any(v.source.ocr_confidence is not None for v in nft.nutrients.values())


def _missing_value(finding: Finding) -> bool:
    return "not declared" in finding.message or "without a % Daily Value" in finding.message


def review_possible_misreads(findings: list[Finding], nft: NutritionFacts | None) -> list[Finding]:
    """The findings, with each fail that may rest on a misread photo value turned into a needs_review."""
    if nft is None or not _is_photo(nft):
        return findings
    fails_per_row: dict[str, int] = {}
    for finding in findings:
        if finding.verdict == Verdict.FAIL:
            for key in rows_of(finding.rule, nft):
                fails_per_row[key] = fails_per_row.get(key, 0) + 1
    out = []
    for finding in findings:
        if finding.verdict != Verdict.FAIL:
            out.append(finding)
            continue
        keys = [k for k in rows_of(finding.rule, nft) if k in nft.nutrients]
        reason = _reason(finding, keys, nft, fails_per_row)
        out.append(_as_review(finding, keys, nft, reason) if reason else finding)
    return out


def _reason(finding: Finding, keys: list[str], nft: NutritionFacts, fails_per_row: dict[str, int]) -> str:
    if _missing_value(finding) and nft.unattached_values:
        shown = ", ".join(f'"{v}"' for v in nft.unattached_values[:3])
        return f"the photo's table holds {shown}, which no row took: the value may be on the wrong line"
    for key in keys:
        confidence = nft.nutrients[key].source.ocr_confidence
        if confidence is not None and confidence < LOW_CONFIDENCE:
            return f"the OCR read the {key.replace('_', ' ')} row with low confidence ({confidence:.2f})"
    for key in keys:
        if fails_per_row.get(key, 0) >= 2:
            return (
                f"the {key.replace('_', ' ')} row as read fails {fails_per_row[key]} independent checks (its "
                "rounding, its %DV, the energy or the sums), as a misread digit would"
            )
    return ""


def _as_review(finding: Finding, keys: list[str], nft: NutritionFacts, reason: str) -> Finding:
    rows = [nft.nutrients[k] for k in keys]
    boxes = [r.source.bbox for r in rows if r.source.bbox is not None]
    location = finding.location or (union_box(boxes) if boxes else nft.source.bbox)
    evidence = "; ".join(nft_values.evidence(r) for r in rows) or finding.evidence
    return finding.model_copy(
        update={
            "verdict": Verdict.NEEDS_REVIEW,
            "message": f"Possible misread: {reason}. If the label prints what was read, this fails: {finding.message}",
            "location": location,
            "question": f'Does the label print "{evidence}" as read from the photo? If it does, the finding is a fail.',
            "fix": "",
        }
    )
