"""Reviewer corrections of extracted facts (an OCR misread, a missed line), and the recheck report they give.

A correction names a dotted path into LabelFacts ("net_quantity.0.text", "nutrition_facts.nutrients.sodium.amount",
"dates.1" to append a whole fact) and the value to put there. The corrected facts are validated as LabelFacts, so a
correction can never produce facts the checkers cannot read. The checks then run again through the workflow; the
recheck version says, on each finding whose evidence uses a corrected value, which fact was corrected by whom.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import AliasChoices, Field, JsonValue, ValidationError

from labeliq.models import FactCorrection, LabelFacts, Report, Strict
from labeliq.text import fold
from labeliq.workspace.errors import invalid


class CorrectionIn(Strict):
    path: str = Field(min_length=1, max_length=300, validation_alias=AliasChoices("path", "field"))
    value: JsonValue
    reason: str = Field(min_length=1, max_length=4000)


class FactsRequest(Strict):
    base_version: int = Field(ge=1)
    corrections: list[CorrectionIn] = Field(min_length=1, max_length=200)


def _step(container: Any, segment: str, path: str) -> tuple[Any, str | int]:
    if isinstance(container, dict):
        return container, segment
    if isinstance(container, list):
        if not segment.isdigit() or int(segment) > len(container):
            raise invalid(f"correction path {path}: {segment!r} is not an index of a list of {len(container)}")
        return container, int(segment)
    raise invalid(f"correction path {path}: nothing to correct below {segment!r}", code="bad_correction")


def _set_path(data: dict[str, Any], path: str, value: JsonValue) -> JsonValue:
    """Put value at path in data (in place) and return what was there before."""
    segments = path.split(".")
    node: Any = data
    for segment in segments[:-1]:
        container, key = _step(node, segment, path)
        if isinstance(key, int) and key == len(container):
            raise invalid(f"correction path {path}: index {key} is past the end", code="bad_correction")
        if isinstance(container, dict) and key not in container:
            raise invalid(f"correction path {path}: the facts have no {segment!r}", code="bad_correction")
        node = container[key]
    container, key = _step(node, segments[-1], path)
    if isinstance(container, list):
        assert isinstance(key, int)
        if key == len(container):
            container.append(value)
            return None
        previous: JsonValue = container[key]
        container[key] = value
        return previous
    if node is data and key not in LabelFacts.model_fields:
        raise invalid(f"correction path {path}: LabelFacts has no field {key!r}", code="bad_correction")
    previous = container.get(key)
    container[key] = value
    return previous


def apply_corrections(
    facts: LabelFacts, corrections: list[CorrectionIn], *, by: str, at: dt.datetime
) -> tuple[LabelFacts, list[FactCorrection]]:
    """The corrected facts and the record of each correction; a path or value that does not fit is refused."""
    data = facts.model_dump(mode="json")
    applied: list[FactCorrection] = []
    for correction in corrections:
        previous = _set_path(data, correction.path, correction.value)
        applied.append(
            FactCorrection(
                path=correction.path, value=correction.value, reason=correction.reason, by=by, at=at, previous=previous
            )
        )
    try:
        corrected = LabelFacts.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise invalid(f"the corrected facts are not valid at {where}: {first['msg']}", code="bad_correction") from None
    return corrected, applied


def _texts(value: JsonValue) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [f"{value:g}"]
    return []


def _uses(evidence: str, correction: FactCorrection) -> bool:
    """Whether a finding's evidence rests on the corrected fact: it quotes the new value (or part of it)."""
    folded = fold(evidence)
    if len(folded) < 2:
        return False
    for text in _texts(correction.value):
        value = fold(text)
        if len(value) >= 2 and (value in folded or folded in value):
            return True
    return False


def recheck_report(
    checked: Report,
    corrections: list[FactCorrection],
    *,
    job_id: str,
    version: int,
    base_version: int,
    by: str,
) -> Report:
    """The report the recheck run produced, as version `version` of the job, naming the corrections it rests on."""
    results = {}
    for name, result in checked.results.items():
        findings = [
            f.model_copy(update={"corrected_facts": [c for c in corrections if _uses(f.evidence, c)]})
            for f in result.findings
        ]
        results[name] = result.model_copy(update={"findings": findings})
    return checked.model_copy(
        update={
            "job_id": job_id,
            "version": version,
            "kind": "recheck",
            "base_version": base_version,
            "created_by": by,
            "fact_corrections": corrections,
            "results": results,
        }
    )
