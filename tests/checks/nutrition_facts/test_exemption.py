"""B.01.401(3): what cancels the table exemptions, one test read by the table check (10.A) and the symbol check (7.10).

Each row is a list of ingredients as printed on a label sold only where it is made (B.01.401(2)(b)(v), an exempt
kind of B.01.350(13) too), and the paragraph of B.01.401(3) it meets, or None. The table check and the symbol check
must give the same answer: a table required (10.A2 fail; 7.10 a question, since no table was read) or not (10.A1
pass; 7.10 not applicable).
"""

from __future__ import annotations

import pytest

from labeliq.checks.fop_symbol import checker as fop_symbol
from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.checks.nutrition_facts.exemption import cancellers
from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, Panel, ProductContext

FRONT = "Butter Cookies\nBiscuits au beurre\n300 g"

CASES = [
    pytest.param(
        "Enriched wheat flour (wheat flour, niacin, reduced iron, thiamine mononitrate, riboflavin, folic acid), "
        "sugar, butter, eggs",
        None,
        id="B.01.401(3)(b)-enrichment-of-flour-in-brackets-is-not-added",
    ),
    pytest.param(
        "Wheat flour, niacin, reduced iron, thiamine mononitrate, riboflavin, folic acid, sugar, butter",
        None,
        id="B.01.401(3)(b)-enrichment-of-flour-printed-flat-is-not-added",
    ),
    pytest.param(
        "Wheat flour, sugar, butter, ascorbic acid (antioxidant), tocopherols",
        None,
        id="B.01.401(3)(a)-ascorbic-acid-and-tocopherols-as-additives-are-not-nutrients",
    ),
    pytest.param("Maple syrup, vitamin D3", "(a)", id="B.01.401(3)(a)-an-added-vitamin"),
    pytest.param("Rolled oats, sugar, reduced iron", "(a)", id="B.01.401(3)(a)-iron-added-to-the-product"),
    pytest.param("Wheat flour, sugar, zinc oxide, butter", "(a)", id="B.01.401(3)(a)-a-mineral-after-sugar-is-added"),
    pytest.param(
        "Rolled oats, fortified soy beverage (water, soybeans, calcium carbonate, vitamin D2), sugar",
        "(b)",
        id="B.01.401(3)(b)-a-vitamin-declared-as-a-component-of-an-ingredient-other-than-flour",
    ),
]


def _label(ingredients: str) -> LabelFacts:
    return parse_label(
        [
            Panel(name="front", is_principal_display=True, text=FRONT),
            Panel(name="back", text=f"Ingredients: {ingredients}."),
        ]
    )


@pytest.mark.parametrize(("ingredients", "paragraph"), CASES)
def test_one_test_for_the_table_and_the_symbol(ingredients: str, paragraph: str | None) -> None:
    facts = _label(ingredients)
    assert [c.paragraph for c in cancellers(facts)] == ([paragraph] if paragraph else [])
    context = ProductContext(product_kind="made_in_store")
    table = {f.rule: f.verdict.value for f in nutrition_facts.check(facts, context) if f.rule.startswith("10.A")}
    symbol = [f.verdict.value for f in fop_symbol.check(facts, context) if f.rule == "7.10"]
    if paragraph is None:
        assert (table, symbol) == ({"10.A1": "pass"}, ["not_applicable"])
    else:
        assert (table.get("10.A2"), symbol) == ("fail", ["needs_review"])


def test_the_fail_cites_the_paragraph_it_rests_on() -> None:
    facts = _label("Rolled oats, fortified soy beverage (water, soybeans, vitamin D2), sugar")
    found = [
        f for f in nutrition_facts.check(facts, ProductContext(product_kind="farmers_market")) if f.rule == "10.A2"
    ]
    assert [f.citation for f in found] == ["FDR B.01.401(1), B.01.401(3)(b)"]
    assert "vitamin D2" in found[0].message
