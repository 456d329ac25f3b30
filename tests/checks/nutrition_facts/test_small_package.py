"""10.A4, the small-package alternative (B.01.467), read strictly: each fail quotes the provision it rests on and says
how to fix the label. The gum sample (40 cm² of available display surface, a toll-free number) with a short statement
of energy, a claim or a "free of sugars" claim added.
"""

from __future__ import annotations

import json

import pytest

from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Finding, Panel, ProductContext
from tests.checks.factories import SAMPLES_DIR, sample_panels

STATEMENT = (
    "Per 1 piece (1.4 g): 5 Calories, 1 g sugar alcohols.\nPar morceau (1,4 g) : 5 Calories, 1 g de polyalcools.\n"
)
AFTER_LIST = "Contient : Soja.\n"


def _findings(front_extra: str = "", back_extra: str = "", back_tail: str = "") -> list[Finding]:
    panels = sample_panels("gum-small-package")
    front = panels["front"].replace("17 g", front_extra + "17 g")
    back = panels["back"].replace(AFTER_LIST, AFTER_LIST + back_extra) + back_tail
    context = json.loads((SAMPLES_DIR / "gum-small-package" / "context.json").read_text(encoding="utf-8"))
    facts = parse_label([Panel(name="front", is_principal_display=True, text=front), Panel(name="back", text=back)])
    return [f for f in nutrition_facts.check(facts, ProductContext(**context)) if f.rule.startswith("10.A4")]


def test_an_energy_statement_quotes_b01467_2_a_and_b01401_3_e_i() -> None:
    (finding,) = _findings(back_extra=STATEMENT)
    assert finding.verdict.value == "fail" and finding.citation == "FDR B.01.467(2)(a), B.01.401(3)(e)(i)"
    assert (
        '"does not apply to a prepackaged product that is (a) described in paragraph B.01.401(3)(a), (b) or (e)"'
        in (finding.message)
    )
    assert '"a reference to the energy value' in finding.message
    assert finding.fix is not None and finding.fix.startswith("Remove the energy and nutrient amounts")


def test_a_claim_takes_the_alternative_away_and_the_fix_says_to_print_the_table() -> None:
    (finding,) = _findings(front_extra="Low in fat / Faible teneur en lipides\n")
    assert finding.verdict.value == "fail" and "B.01.401(3)(e)(ii)" in finding.message
    assert '"does not apply to a prepackaged product' in finding.message
    assert finding.fix is not None and finding.fix.startswith("Print a Nutrition Facts table on the label:")


@pytest.mark.parametrize(
    ("front_extra", "back_tail", "rule", "verdict", "cited"),
    [
        pytest.param("Sugar-free / Sans sucre\n", "", "10.A4", "pass", "FDR B.01.467(1), (2.1), (3)", id="2.1-met"),
        pytest.param(
            "", "Sugar-free / Sans sucre\n", "10.A4.claim", "fail", "FDR B.01.467(2.1)(c)(i)", id="2.1(c)(i)-not-on-pdp"
        ),
        pytest.param(
            "SUGAR-FREE / SANS SUCRE\n", "", "10.A4.claim", "fail", "FDR B.01.467(2.1)(c)(ii)", id="2.1(c)(ii)-capitals"
        ),
    ],
)
def test_free_of_sugars_keeps_the_alternative_only_as_2_1_says(
    front_extra: str, back_tail: str, rule: str, verdict: str, cited: str
) -> None:
    findings = _findings(front_extra, STATEMENT, back_tail)
    assert [(f.rule, f.verdict.value, f.citation) for f in findings] == [(rule, verdict, cited)]
