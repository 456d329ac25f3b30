"""A finding carries the box of the photo fact its evidence quotes, and only when that is certain."""

from __future__ import annotations

from labeliq.finding_location import fact_boxes, locate, locate_results, location_text
from labeliq.models import BoundingBox, CheckResult, Claim, Finding, LabelFacts, Provenance, Verdict

BOX = BoundingBox(x0=120.4, y0=610.0, x1=840.0, y1=700.2)


def _claim(text: str, panel: str, bbox: BoundingBox | None) -> Claim:
    return Claim(kind="nutrient_content", text=text, source=Provenance(panel=panel, line_start=0, bbox=bbox))


def _finding(evidence: str, panel: str | None) -> Finding:
    return Finding(
        rule="9.1", verdict=Verdict.FAIL, message="m", evidence=evidence, citation="FDR B.01.503", panel=panel
    )


FACTS = LabelFacts(
    claims=[
        _claim("Source of fibre", "back", BOX),
        _claim("Source de fibres", "back", None),  # read from text: no box
        _claim("Low fat", "back", BOX),
        _claim("Low fat", "back", BoundingBox(x0=1, y0=2, x1=3, y1=4)),  # printed twice: ambiguous
    ]
)


def test_evidence_that_is_one_photo_fact_on_its_panel_gets_that_box() -> None:
    located = locate(_finding(" Source of fibre ", "back"), fact_boxes(FACTS))
    assert located.location == BOX
    assert location_text(located) == "[back, x 120–840, y 610–700]"


def test_no_location_without_certainty() -> None:
    boxes = fact_boxes(FACTS)
    assert locate(_finding("Source of fibre", "front"), boxes).location is None  # another panel
    assert locate(_finding("Source of fibre", None), boxes).location is None  # panel unknown
    assert locate(_finding("Source of", "back"), boxes).location is None  # not the whole fact
    assert locate(_finding("Source de fibres", "back"), boxes).location is None  # a text fact has no box
    assert locate(_finding("Low fat", "back"), boxes).location is None  # two boxes: which one is unknown
    assert locate(_finding("", "back"), boxes).location is None
    assert location_text(_finding("Source of fibre", "back")) == ""


def test_results_are_located_finding_by_finding() -> None:
    result = CheckResult.from_findings(
        "claims", "content", [_finding("Source of fibre", "back"), _finding("Something else", "back")]
    )
    located = locate_results({"claims": result}, FACTS)["claims"]
    assert [f.location for f in located.findings] == [BOX, None]
    assert located.verdict == result.verdict
    assert locate_results({"claims": result}, LabelFacts()) == {"claims": result}  # no photos: untouched
