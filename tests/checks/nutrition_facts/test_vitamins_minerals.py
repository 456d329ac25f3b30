"""Vitamins and mineral nutrients in the table (FDR B.01.402(4), (6), (7), items 14-37): one row per rule.

The label is a fortified breakfast cereal whose table was worked out by hand from the FDR tables: every amount is a
legal multiple of its item's column 4 and every %DV is amount / Daily Value rounded to 1 % (fat 1 g of 75 g = 1 %,
sodium 190 mg of 2300 mg = 8 %, iron 4 mg of 18 mg = 22 %, vitamin D 2 µg of 20 µg = 10 %, thiamine 0.3 mg of 1.2 mg
= 25 %, folate 60 µg DFE of 400 µg = 15 %, zinc 1 mg of 11 mg = 9 %). Energy: 9 x 1 + 4 x 25 + 4 x 2 = 117 -> 110.
"""

from __future__ import annotations

import datetime as dt

import pytest

from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Finding, Panel, ProductContext

CTX = ProductContext(date=dt.date(2026, 11, 24), reference_amount={"value": 30, "unit": "g"})

FRONT = "Toasted Wheat Flakes\nFlocons de blé grillés\n375 g"
TABLE = """Nutrition Facts / Valeur nutritive
Per 1 cup (30 g) / pour 1 tasse (30 g)
Calories 110          % Daily Value* / % valeur quotidienne*
Fat / Lipides 1 g                     1 %
Saturated / saturés 0.2 g
+ Trans / trans 0 g                   1 %
Carbohydrate / Glucides 25 g
Fibre / Fibres 3 g                   11 %
Sugars / Sucres 4 g                   4 %
Protein / Protéines 2 g
Cholesterol / Cholestérol 0 mg
Sodium 190 mg                         8 %
Potassium 100 mg                      3 %
Calcium 100 mg                        8 %
Iron / Fer 4 mg                      22 %
Vitamin D / Vitamine D 2 µg          10 %
Thiamine / Thiamine 0.3 mg           25 %
Niacin / Niacine 2 mg                13 %
Vitamin B6 / Vitamine B6 0.2 mg      12 %
Folate 60 µg DFE / 60 µg ÉFA         15 %
Zinc 1 mg                             9 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""
INGREDIENTS = (
    "Ingredients: Whole grain wheat, sugar, wheat bran, salt, barley malt extract, vitamins and minerals (iron, "
    "thiamine hydrochloride, niacinamide, pyridoxine hydrochloride, folic acid, zinc oxide, vitamin D3).\n"
    "Ingrédients : Blé entier, sucre, son de blé, sel, extrait de malt d'orge, vitamines et minéraux (fer, "
    "chlorhydrate de thiamine, niacinamide, chlorhydrate de pyridoxine, acide folique, oxyde de zinc, vitamine D3)."
)


def _findings(
    table: str = TABLE, ingredients: str = INGREDIENTS, front: str = FRONT, context: ProductContext = CTX
) -> list[Finding]:
    facts = parse_label([Panel(name="front", text=front), Panel(name="back", text=ingredients + "\n\n" + table)])
    return nutrition_facts.check(facts, context)


def _verdicts(findings: list[Finding], rule: str) -> set[str]:
    return {f.verdict.value for f in findings if f.rule == rule}


def test_fortified_cereal_table_has_no_fail_and_every_added_nutrient_is_declared() -> None:
    findings = _findings()
    assert [f.message for f in findings if f.verdict.value == "fail"] == []
    added = [f for f in findings if f.rule == "10.C.added"]
    assert len(added) == 6 and {f.verdict.value for f in added} == {"pass"}  # thiamine, niacin, B6, folate, zinc, D
    for key in ("vitamin_d", "thiamine", "niacin", "vitamin_b6", "folate", "zinc"):
        assert _verdicts(findings, f"10.C.{key}") == {"pass"}, key  # rounding of column 4
        assert _verdicts(findings, f"10.D.{key}") == {"pass"}, key  # %DV present and consistent


CASES = [
    pytest.param(
        TABLE.replace("Vitamin D / Vitamine D 2 µg          10 %\n", ""),
        INGREDIENTS,
        "10.C.added",
        "fail",
        id="10.C-B.01.402(6)-added-vitamin-D3-not-declared",
    ),
    pytest.param(
        TABLE.replace("2 µg          10 %", "80 IU         10 %"),
        INGREDIENTS,
        "10.C.vitamin_d_unit",
        "fail",
        id="10.C-vitamin-D-in-IU-not-micrograms",
    ),
    pytest.param(
        TABLE.replace("0.3 mg           25 %", "0.3 mg"),
        INGREDIENTS,
        "10.D.thiamine",
        "fail",
        id="10.D-thiamine-without-percent-daily-value",
    ),
    pytest.param(
        TABLE.replace("Zinc 1 mg                             9 %", "Zinc 0 mg 2 %"),
        INGREDIENTS,
        "10.E3.zinc",
        "fail",
        id="10.E3-zinc-0-mg-must-show-0-percent",
    ),
    pytest.param(
        TABLE.replace("60 µg DFE / 60 µg ÉFA", "63 µg DFE / 63 µg ÉFA"),
        INGREDIENTS,
        "10.C.folate",
        "fail",
        id="10.C-folate-63-not-a-multiple-of-10-above-50",
    ),
    pytest.param(
        TABLE.replace("2 mg                13 %", "2 mg                30 %"),
        INGREDIENTS,
        "10.D.niacin",
        "needs_review",
        id="10.D-niacin-percent-disagrees-with-unconfirmed-DV-is-a-question",
    ),
    pytest.param(
        TABLE.replace("Vitamin B6 / Vitamine B6 0.2 mg      12 %\n", ""),
        INGREDIENTS.replace("pyridoxine hydrochloride", "vitamin B6"),
        "10.C.added",
        "fail",
        id="10.C-vitamin-B6-by-its-vitamin-name-not-declared",
    ),
    pytest.param(TABLE, INGREDIENTS, "10.C.order", "pass", id="10.C-B.01.460-order-of-the-table-to-B.01.402"),
    pytest.param(
        TABLE.replace("Zinc 1 mg                             9 %\n", "").replace(
            "Vitamin D / Vitamine D 2 µg          10 %\n", "Vitamin D / Vitamine D 2 µg          10 %\nZinc 1 mg 9 %\n"
        ),
        INGREDIENTS,
        "10.C.order",
        "fail",
        id="10.C-B.01.460-zinc-before-the-vitamins",
    ),
    pytest.param(
        TABLE.replace("Iron / Fer 4 mg                      22 %\n", "").replace(
            "Zinc 1 mg", "Iron / Fer 4 mg 22 %\nZinc 1 mg"
        ),
        INGREDIENTS,
        "10.C.order",
        "fail",
        id="10.C-B.01.460-vitamins-and-minerals-come-after-iron",
    ),
]


@pytest.mark.parametrize(("table", "ingredients", "rule", "verdict"), CASES)
def test_vitamin_and_mineral_rules(table: str, ingredients: str, rule: str, verdict: str) -> None:
    assert verdict in _verdicts(_findings(table, ingredients), rule)


PLAIN_TABLE = "\n".join(
    line
    for line in TABLE.splitlines()
    if not line.startswith(("Vitamin D", "Thiamine", "Niacin", "Vitamin B6", "Folate", "Zinc"))
)


@pytest.mark.parametrize(
    "ingredients",
    [
        pytest.param(
            "Ingredients: Enriched wheat flour (wheat flour, niacin, reduced iron, thiamine mononitrate, riboflavin, "
            "folic acid), sugar, salt.",
            id="10.C-B.01.402(7)-components-of-flour-need-not-be-declared",
        ),
        pytest.param(
            "Ingredients: Wheat flour, niacin, reduced iron, thiamine mononitrate, riboflavin, folic acid, sugar.",
            id="10.C-flour-enrichment-printed-without-brackets-is-the-flours",
        ),
        pytest.param(
            "Ingredients: Apple juice, ascorbic acid.", id="10.C-ascorbic-acid-as-an-additive-is-not-an-added-vitamin"
        ),
        pytest.param(
            "Ingredients: Firm tofu (soybeans, water, magnesium chloride).",
            id="10.C-magnesium-chloride-coagulant-is-not-an-added-mineral",
        ),
    ],
)
def test_no_added_nutrient_finding_fails(ingredients: str) -> None:
    assert "fail" not in _verdicts(_findings(PLAIN_TABLE, ingredients), "10.C.added")


def test_component_vitamin_of_an_ingredient_must_be_declared() -> None:
    ingredients = "Ingredients: Whole grain oats, milk (skim milk, vitamin A palmitate, vitamin D3), sugar."
    findings = [f for f in _findings(PLAIN_TABLE, ingredients) if f.rule == "10.C.added"]
    assert {f.verdict.value for f in findings} == {"fail"}
    assert all("B.01.402(7)" in f.citation and f.fix for f in findings)


def test_iodide_added_to_table_salt_is_exempt() -> None:
    context = CTX.model_copy(update={"product_kind": "salt"})
    findings = _findings(
        PLAIN_TABLE, "Ingredients: Salt, calcium silicate, potassium iodide, dextrose.", context=context
    )
    assert _verdicts(findings, "10.C.added") == set()


def test_claim_naming_a_vitamin_needs_the_vitamin_in_the_table() -> None:
    front = FRONT + "\nExcellent source of vitamin D / Excellente source de vitamine D"
    findings = _findings(PLAIN_TABLE, "Ingredients: Whole grain wheat, sugar, salt.", front=front)
    claimed = [f for f in findings if f.rule == "10.C.claimed"]
    assert claimed and claimed[0].verdict.value == "fail" and claimed[0].fix
    assert _verdicts(_findings(TABLE, front=front), "10.C.claimed") == {"pass"}


def test_order_fail_says_the_order_to_print() -> None:
    table = TABLE.replace("Zinc 1 mg                             9 %\n", "").replace(
        "Vitamin D / Vitamine D 2 µg          10 %\n", "Vitamin D / Vitamine D 2 µg          10 %\nZinc 1 mg 9 %\n"
    )
    (finding,) = [f for f in _findings(table) if f.rule == "10.C.order"]
    assert finding.fix.startswith("List the rows in this order: Potassium, Calcium, Iron, Vitamin D, Thiamine")
    assert finding.fix.endswith("Folate, Zinc.") and "B.01.460" in finding.citation


def test_young_childrens_vitamin_percent_is_not_judged_against_the_adults_daily_value() -> None:
    """B.01.001.1(2)(b): a food solely for children 1 to 4 years takes Part 2, column 3 of the Table of Daily Values,
    which we do not hold for thiamine: the adults' 25 % is a question, not a pass."""
    young = CTX.model_copy(update={"intended_solely_for_children_under_4": True})
    findings = [f for f in _findings(context=young) if f.rule == "10.D.thiamine"]
    assert [f.verdict.value for f in findings] == ["needs_review"]
    assert "children 1 to 4 years" in findings[0].message and findings[0].question
