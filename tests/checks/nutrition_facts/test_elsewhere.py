"""A label without a table that points to the nutrition information elsewhere (B.01.401(1), B.01.466, B.01.467).

The granola sample with its table replaced by such a line: one finding that the table is missing (or, when the line
places it on an insert or the inner side of the label, a question), never fails of every core row.
"""

from __future__ import annotations

import pytest

from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Finding, Panel, ProductContext
from tests.checks.factories import sample_panels

POINTERS = [
    pytest.param(
        "Nutrition facts online / Valeur nutritive en ligne: www.maplegrovefoods.ca", "fail", id="10.A-online"
    ),
    pytest.param(
        "For nutrition information visit www.maplegrovefoods.ca\n"
        "Pour l'information nutritionnelle, visitez www.maplegrovefoods.ca",
        "fail",
        id="10.A-visit-a-website",
    ),
    pytest.param(
        "Nutrition Facts table on the inside label / Tableau de la valeur nutritive à l'intérieur de l'étiquette",
        "needs_review",
        id="10.A-B.01.466-on-the-inner-side-of-the-label",
    ),
]


def _findings(pointer: str, claim: bool = True, **context: object) -> list[Finding]:
    panels = sample_panels("granola-compliant")
    front = panels["front"] if claim else panels["front"].replace("Source of fibre\nSource de fibres\n", "")
    back = panels["back"]
    back = pointer + "\n\n" + back[back.index("Ingredients:") :]
    facts = parse_label([Panel(name="front", is_principal_display=True, text=front), Panel(name="back", text=back)])
    assert facts.nutrition_facts is None
    return nutrition_facts.check(facts, ProductContext.model_validate(context))


@pytest.mark.parametrize(("pointer", "verdict"), POINTERS)
def test_one_finding_that_the_table_is_not_on_the_label(pointer: str, verdict: str) -> None:
    findings = _findings(pointer)
    assert [f.rule for f in findings if f.rule.startswith("10.B")] == []
    (table,) = [f for f in findings if f.rule in ("10.A1", "10.A2")]
    assert table.verdict.value == verdict
    assert table.evidence and table.evidence in pointer and table.panel == "back"
    if verdict == "fail":
        assert "must be on the label (B.01.401(1))" in table.message and "B.01.467" in table.citation
        assert table.fix is not None and table.fix.startswith("Print the Nutrition Facts")
    else:
        assert "B.01.466(1), (2)" in table.citation and table.question


def test_a_small_package_with_a_website_only_still_needs_a_number_or_address() -> None:
    """B.01.467(3)(b): the indication includes a postal address or a toll-free number; a website is not one. The
    words "nutrition facts" in the indication do not take the alternative away (small_package.py)."""
    line = "Nutrition facts online / Valeur nutritive en ligne: www.maplegrovefoods.ca"
    findings = _findings(line, claim=False, available_display_surface_cm2=80)
    (small,) = [f for f in findings if f.rule.startswith("10.A") and f.rule != "10.A5"]
    assert (small.rule, small.verdict.value) == ("10.A4", "fail")
    assert "postal address or a toll-free telephone number" in small.message
