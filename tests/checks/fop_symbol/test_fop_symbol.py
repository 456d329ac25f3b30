"""Front-of-package nutrition symbol checker: one table per rule of cfia-rules.md section 7."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from labeliq.checks.fop_symbol import checker as fop_symbol
from labeliq.checks.fop_symbol import thresholds as fop_thresholds
from labeliq.models import LabelFacts, NutritionFacts, ProductContext, Provenance, TextFact
from tests.checks.factories import claim, nft_label, nutrition_table, parsed_sample

JUDGED = dt.date(2026, 11, 24)
SYMBOL_SODIUM = "High in / Élevé en\nSodium\nHealth Canada / Santé Canada"
SOUP_ROWS: dict[str, tuple[float | None, float | None]] = {
    "fat": (2.5, 3),
    "saturated_fat": (0.5, None),
    "trans_fat": (0, None),
    "saturated_plus_trans": (None, 3),
    "carbohydrate": (15, None),
    "fibre": (2, 7),
    "sugars": (9, 9),
    "protein": (2, None),
    "cholesterol": (0, None),
    "sodium": (480, 21),
    "potassium": (400, 12),
    "calcium": (30, 2),
    "iron": (0.75, 4),
}


def soup(**rows: tuple[float | None, float | None]) -> NutritionFacts:
    return nutrition_table(rows={**SOUP_ROWS, **rows}, calories=90, serving=(250, "mL"))


def context(**overrides: Any) -> ProductContext:
    base: dict[str, Any] = {
        "category": "canned soup",
        "reference_amount": {"value": 250, "unit": "mL"},
        "date": JUDGED,
    }
    return ProductContext.model_validate({**base, **overrides})


def verdicts(facts: LabelFacts, rule: str, ctx: ProductContext) -> list[str]:
    return [f.verdict.value for f in fop_symbol.check(facts, ctx) if f.rule == rule]


SALTY = ["Water", "Tomato paste", "Salt", "Sugar", "Butter"]

# 7.2-7.5: a symbol is required when the %DV on the greater of serving and RA meets the threshold.
REQUIRED_CASES = [
    pytest.param(soup(), [SYMBOL_SODIUM], context(), "7.13.sodium", "pass", id="7.13-sodium-21pct-required-and-shown"),
    pytest.param(soup(), [], context(), "7.2", "fail", id="7.2-sodium-21pct-required-no-symbol"),
    pytest.param(soup(sodium=(340, 15)), [], context(), "7.2", "pass", id="7.2-sodium-340mg-below-345mg-threshold"),
    pytest.param(soup(sodium=(350, 15)), [], context(), "7.2", "fail", id="7.2-sodium-350mg-meets-15pct"),
    pytest.param(
        soup(sodium=(240, 10)),
        [],
        context(reference_amount={"value": 30, "unit": "mL"}),
        "7.2",
        "fail",
        id="7.3-RA-30-threshold-10pct-sodium-240mg",
    ),
    pytest.param(
        soup(sodium=(600, 26)),
        [],
        context(main_dish=True, reference_amount={"value": 250, "unit": "mL"}),
        "7.2",
        "pass",
        id="7.3-main-dish-RA-250-threshold-30pct-600mg-below",
    ),
    pytest.param(
        soup(sodium=(700, 30)),
        [],
        context(main_dish=True),
        "7.2",
        "fail",
        id="7.3-main-dish-700mg-meets-30pct",
    ),
    pytest.param(
        soup(saturated_fat=(2.5, None), trans_fat=(1, None), saturated_plus_trans=(None, 18)),
        [SYMBOL_SODIUM],
        context(),
        "7.13.saturated_fat",
        "fail",
        id="7.4-sat-2.5g-plus-trans-1g-over-15pct-missing-from-symbol",
    ),
    pytest.param(
        soup(saturated_fat=(2.5, None), trans_fat=(0, None), saturated_plus_trans=(None, 13)),
        [SYMBOL_SODIUM],
        context(),
        "7.13.saturated_fat",
        "pass",
        id="7.4-sat-2.5g-alone-below-3g",
    ),
    pytest.param(
        soup(saturated_fat=(2, None), trans_fat=(1, None), saturated_plus_trans=(None, 15)),
        [SYMBOL_SODIUM],
        context(),
        "7.13.saturated_fat",
        "needs_review",
        id="7.4-sat-plus-trans-3g-at-threshold-within-rounding-omitted-asks-the-unrounded-amount",
    ),
    pytest.param(
        soup(sodium=(200, 9)),
        [SYMBOL_SODIUM],
        context(),
        "7.13.sodium",
        "fail",
        id="7.13-sodium-listed-but-below-threshold",
    ),
    pytest.param(
        soup(sugars=(16, 16)),
        [SYMBOL_SODIUM],
        context(),
        "7.13.sugars",
        "fail",
        id="7.13-sugars-16g-required-missing",
    ),
    pytest.param(
        soup(sugars=(16, 16)),
        ["High in / Élevé en\nSugars / Sucres\nSodium\nHealth Canada / Santé Canada"],
        context(),
        "7.13.sugars",
        "pass",
        id="7.13-sugars-and-sodium-both-listed",
    ),
    pytest.param(
        nutrition_table(rows={**SOUP_ROWS, "sodium": (120, 5)}, calories=90, serving=(100, "mL")),
        [],
        context(reference_amount={"value": 300, "unit": "mL"}),
        "7.2",
        "fail",
        id="7.2-RA-greater-than-serving-scales-120mg-to-360mg",
    ),
    pytest.param(soup(), [], context(reference_amount=None), "7.2", "needs_review", id="7.2-no-reference-amount"),
    pytest.param(
        soup(),
        [],
        context(reference_amount={"value": 250, "unit": "g"}),
        "7.2",
        "needs_review",
        id="7.2-serving-mL-RA-g-cannot-compare",
    ),
]


@pytest.mark.parametrize(("table", "symbol", "ctx", "rule", "expected"), REQUIRED_CASES)
def test_symbol_requirement(
    table: NutritionFacts, symbol: list[str], ctx: ProductContext, rule: str, expected: str
) -> None:
    facts = nft_label(table, fop=symbol, ingredients=SALTY)
    assert expected in verdicts(facts, rule, ctx)


def test_borderline_nutrient_listed_in_the_symbol_passes() -> None:
    table = soup(saturated_fat=(2, None), trans_fat=(1, None), saturated_plus_trans=(None, 15))
    symbol = ["High in / Élevé en\nSat fat / Gras sat.\nSodium\nHealth Canada / Santé Canada"]
    facts = nft_label(table, fop=symbol, ingredients=SALTY)
    assert verdicts(facts, "7.13.saturated_fat", context()) == ["pass"]


DATE_CASES = [
    pytest.param(dt.date(2025, 12, 31), "7.1", "not_applicable", id="7.1-before-2026-not-mandatory"),
    pytest.param(dt.date(2025, 12, 31), "7.2", "pass", id="7.1-no-fail-for-missing-symbol-in-2025"),
    pytest.param(dt.date(2026, 1, 1), "7.2", "fail", id="7.1-mandatory-from-2026-01-01"),
]


@pytest.mark.parametrize(("judged", "rule", "expected"), DATE_CASES)
def test_compliance_date(judged: dt.date, rule: str, expected: str) -> None:
    facts = nft_label(soup(), ingredients=SALTY)
    assert verdicts(facts, rule, context(date=judged)) == [expected]


EXEMPT_CASES = [
    pytest.param(context(product_kind="sweetening_agent"), [], "7.7", "not_applicable", id="7.7-maple-syrup-exempt"),
    pytest.param(context(product_kind="fat_or_oil"), [], "7.7", "not_applicable", id="7.7-butter-exempt"),
    pytest.param(context(product_kind="salt"), [], "7.7", "not_applicable", id="7.7-salt-exempt"),
    pytest.param(context(category="peanut butter"), [], "7.2", "fail", id="7.7-peanut-butter-not-a-fat-or-oil"),
    pytest.param(context(category="sugar cookies"), [], "7.2", "fail", id="7.7-sugar-cookies-not-a-sweetening-agent"),
    pytest.param(
        context(available_display_surface_cm2=12), [], "7.7", "not_applicable", id="7.7-ADS-under-15cm2-exempt"
    ),
    pytest.param(
        context(available_display_surface_cm2=80), [], "7.2", "needs_review", id="7.10-ADS-under-100cm2-maybe-exempt"
    ),
    pytest.param(context(product_kind="alcoholic_beverage"), [], "7.2", "needs_review", id="7.10-alcohol-maybe-exempt"),
    pytest.param(context(product_kind="meal_replacement"), [SYMBOL_SODIUM], "7.11", "fail", id="7.11-meal-replacement"),
    pytest.param(
        context(product_kind="food_for_infants_6_to_12_months"), [SYMBOL_SODIUM], "7.11", "fail", id="7.11-infant-food"
    ),
    pytest.param(
        context(product_kind="food_for_infants_6_to_12_months"),
        [],
        "7.11",
        "not_applicable",
        id="7.11-infant-food-no-symbol",
    ),
    pytest.param(
        context(category="maple syrup granola, not a meal replacement"),
        [],
        "7.2",
        "fail",
        id="7.7-category-words-decide-nothing",
    ),
]


@pytest.mark.parametrize(("ctx", "symbol", "rule", "expected"), EXEMPT_CASES)
def test_exemptions_and_prohibitions(ctx: ProductContext, symbol: list[str], rule: str, expected: str) -> None:
    facts = nft_label(soup(), fop=symbol, ingredients=SALTY)
    assert verdicts(facts, rule, ctx) == [expected]


@pytest.mark.parametrize(
    ("ingredients", "expected"),
    [
        pytest.param(["Tomatoes", "Carrots", "Onions"], "needs_review", id="7.8-no-added-sodium-whole-foods"),
        pytest.param(["Tomatoes", "Salt"], "fail", id="7.8-salt-added-no-exemption"),
        pytest.param([], "needs_review", id="7.8-no-ingredient-list"),
    ],
)
def test_whole_food_exemption(ingredients: list[str], expected: str) -> None:
    facts = nft_label(soup(), ingredients=ingredients or None)
    assert verdicts(facts, "7.2", context()) == [expected]


CHEESE = ["Milk", "Salt", "Bacterial culture"]


@pytest.mark.parametrize(
    ("category", "calcium", "rows", "ingredients", "expected"),
    [
        pytest.param(
            "cheese", (200, 15), {"sodium": (400, 17)}, CHEESE, "pass", id="7.9-cheese-calcium-15pct-exempt-for-sodium"
        ),
        pytest.param(
            "cheese", (100, 8), {"sodium": (400, 17)}, CHEESE, "fail", id="7.9-cheese-calcium-8pct-not-exempt"
        ),
        pytest.param(
            "cheese", (200, 15), {"saturated_fat": (4, 20)}, CHEESE, "pass", id="7.9-milk-fat-only-exempt-sat-fat"
        ),
        pytest.param(
            "cheese",
            (200, 15),
            {"saturated_fat": (4, 20)},
            [*CHEESE, "Palm oil"],
            "fail",
            id="7.9-palm-oil-ends-the-sat-fat-exemption",
        ),
        pytest.param(
            "yogurt",
            (200, 15),
            {"sugars": (12, 12)},
            ["Milk", "Sugar", "Bacterial culture"],
            "fail",
            id="7.9-added-sugar-ends-the-yogurt-exemption",
        ),
        pytest.param(
            "cheese", (200, 15), {"saturated_fat": (4, 20)}, [], "needs_review", id="7.9-no-ingredient-list-asks"
        ),
    ],
)
def test_cheese_exemption(
    category: str,
    calcium: tuple[float, float],
    rows: dict[str, tuple[float, float]],
    ingredients: list[str],
    expected: str,
) -> None:
    table = nutrition_table(rows={**SOUP_ROWS, "calcium": calcium, **rows}, calories=90, serving=(30, "g"))
    facts = nft_label(table, ingredients=ingredients or None, fop=[])
    ctx = context(product_kind=category, reference_amount={"value": 30, "unit": "g"})
    found = [f for f in fop_symbol.check(facts, ctx) if f.rule == "7.2"]
    # B.01.350(9),(11),(12): the exemption holds unless an ingredient it does not name adds the nutrient
    assert [f.verdict.value for f in found] == [expected]


INTERPLAY_CASES = [
    pytest.param("Low in sodium", "fail", id="7.15-low-in-sodium-with-sodium-symbol"),
    pytest.param("Reduced in sodium", None, id="7.15-reduced-in-sodium-allowed"),
    pytest.param("Source of fibre", None, id="7.15-other-nutrient-allowed"),
]


@pytest.mark.parametrize(("claim_text", "expected"), INTERPLAY_CASES)
def test_claims_interplay(claim_text: str, expected: str | None) -> None:
    facts = nft_label(soup(), fop=[SYMBOL_SODIUM], claims=[claim(claim_text)], ingredients=SALTY)
    found = verdicts(facts, "7.15", context())
    assert found == ([expected] if expected else [])


def test_unsweetened_with_sugars_symbol_fails() -> None:
    facts = nft_label(
        soup(sugars=(20, 20)),
        fop=["High in / Élevé en\nSugars / Sucres\nSodium"],
        claims=[claim("Unsweetened")],
        ingredients=SALTY,
    )
    assert verdicts(facts, "7.15", context()) == ["fail"]


@pytest.mark.parametrize(
    ("rule", "symbol", "expected"),
    [
        pytest.param("7.12", [SYMBOL_SODIUM], ["needs_review"], id="7.12-appearance-needs-image"),
        pytest.param("7.14", [SYMBOL_SODIUM], ["needs_review"], id="7.14-placement-needs-layout"),
        pytest.param("7.17", [SYMBOL_SODIUM], ["needs_review"], id="7.17-look-alike-needs-image"),
        pytest.param("7.12", [], [], id="7.12-no-symbol-nothing-to-review"),
    ],
)
def test_layout_rows(rule: str, symbol: list[str], expected: list[str]) -> None:
    facts = nft_label(soup(), fop=symbol, ingredients=SALTY)
    assert verdicts(facts, rule, context()) == expected


@pytest.mark.parametrize(
    ("ra", "main_dish", "children", "threshold"),
    [
        pytest.param(30, False, False, 10, id="7.3-RA-30-is-10pct"),
        pytest.param(31, False, False, 15, id="7.3-RA-31-is-15pct"),
        pytest.param(200, True, False, 30, id="7.3-main-dish-200-is-30pct"),
        pytest.param(199, True, False, 15, id="7.3-main-dish-199-is-15pct"),
        pytest.param(170, True, True, 30, id="7.3-children-main-dish-170-is-30pct"),
    ],
)
def test_thresholds(ra: float, main_dish: bool, children: bool, threshold: float) -> None:
    assert fop_thresholds.threshold_for(ra, main_dish, children)[0] == threshold


def test_children_use_column_2_sodium_daily_value() -> None:
    # 480 mg / 1200 mg = 40 % >= 15 %; the sugars column-2 DV is not in the sources, but the table prints 9 % DV
    # computed with it, far under 15 %: not required
    facts = nft_label(soup(), fop=[SYMBOL_SODIUM], ingredients=SALTY)
    ctx = context(intended_solely_for_children_under_4=True)
    assert verdicts(facts, "7.13.sodium", ctx) == ["pass"]
    assert verdicts(facts, "7.13.sugars", ctx) == ["pass"]


@pytest.mark.parametrize(
    ("sugars", "expected"),
    [
        pytest.param((20, 40), ["fail"], id="children-printed-40pct-sugars-needs-the-symbol"),
        pytest.param((8, 15), ["not_applicable"], id="children-printed-15pct-at-threshold-unknown-dv-not-judged"),
    ],
)
def test_children_unknown_daily_value_judged_on_the_printed_percent(
    sugars: tuple[float, float], expected: list[str]
) -> None:
    facts = nft_label(soup(sugars=sugars), fop=[SYMBOL_SODIUM], ingredients=SALTY)
    ctx = context(intended_solely_for_children_under_4=True)
    assert verdicts(facts, "7.13.sugars", ctx) == expected


@pytest.mark.parametrize("name", ["granola-compliant", "soup-nutrition-faults", "crackers-date-allergen-faults"])
def test_samples_have_no_fop_fail(name: str) -> None:
    facts, ctx = parsed_sample(name)
    assert [f.rule for f in fop_symbol.check(facts, ctx) if f.verdict.value == "fail"] == []


def test_soup_sample_sodium_symbol_required_and_present() -> None:
    facts, ctx = parsed_sample("soup-nutrition-faults")
    found = {f.rule: f.verdict.value for f in fop_symbol.check(facts, ctx)}
    assert found["7.13.sodium"] == "pass"
    assert found["7.2"] == "pass"


def test_symbol_text_read_as_a_claim_is_not_a_7_15_conflict() -> None:
    facts = nft_label(
        soup(), fop=["High in sodium / Élevé en sodium"], claims=[claim("High in sodium")], ingredients=SALTY
    )
    assert verdicts(facts, "7.15", context()) == []


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [
        pytest.param(SYMBOL_SODIUM, "pass", id="7.13.wording-bilingual"),
        pytest.param("High in\nSodium\nHealth Canada", "fail", id="7.13.wording-english-only"),
        pytest.param(
            "High in\nSodium\nHealth Canada\nÉlevé en\nSodium\nSanté Canada", "pass", id="7.13.wording-two-versions"
        ),
        pytest.param(
            "High in / Élevé en\nSat fat\nSodium\nHealth Canada / Santé Canada", "fail", id="7.13.wording-no-gras-sat"
        ),
        pytest.param("High in / Élevé en\nSodium", "needs_review", id="7.13.wording-credit-line-not-read"),
    ],
)
def test_symbol_wording(symbol: str, expected: str) -> None:
    facts = nft_label(soup(), fop=[symbol], ingredients=SALTY)
    assert verdicts(facts, "7.13.wording", context()) == [expected]


def test_nutrients_omitted_from_a_simplified_table_count_as_zero() -> None:
    table = nutrition_table(
        rows={"fat": (0, 0), "carbohydrate": (10, None), "protein": (0, None), "sodium": (10, 0)},
        calories=40,
        serving=(250, "mL"),
        not_significant="Not a significant source of saturated fat, trans fat, sugars, fibre",
    )
    found = {
        f.rule: f.verdict.value for f in fop_symbol.check(nft_label(table, ingredients=["Water", "Salt"]), context())
    }
    assert found["7.2"] == "pass"


# --- 7.6: products reconstituted before eating -------------------------------------------------------------


@pytest.mark.parametrize(
    ("back_text", "ctx", "expected"),
    [
        pytest.param("", context(), [], id="7.6-ready-to-serve-soup-not-in-play"),
        pytest.param(
            "Nutrition Facts / Valeur nutritive\nAs prepared / Tel que préparé",
            context(),
            ["needs_review"],
            id="7.6-as-prepared-column-check-ra-basis",
        ),
        pytest.param("", context(category="dry soup mix powder"), [], id="7.6-category-words-decide-nothing"),
    ],
)
def test_7_6_reconstituted_products(back_text: str, ctx: ProductContext, expected: list[str]) -> None:
    facts = nft_label(soup(), fop=[SYMBOL_SODIUM], back_text=back_text)
    assert verdicts(facts, "7.6", ctx) == expected


def test_7_6_powder_named_on_the_label_checks_ra_basis() -> None:
    facts = nft_label(soup(), fop=[SYMBOL_SODIUM])
    named = facts.model_copy(
        update={"common_names": [TextFact(text="Chicken Noodle Soup Mix Powder", source=Provenance(panel="front"))]}
    )
    assert verdicts(named, "7.6", context()) == ["needs_review"]


@pytest.mark.parametrize(
    ("kind", "ingredients", "claims", "expected"),
    [
        pytest.param("made_in_store", ["Wheat flour", "Butter", "Sugar"], [], ["not_applicable"], id="7.10-store-made"),
        pytest.param(
            "farmers_market", ["Rolled oats", "Sugar", "Reduced iron"], [], ["needs_review"], id="7.10-added-iron"
        ),
        pytest.param(
            "farmers_market",
            ["Wheat flour", "Reduced iron", "Thiamine"],
            [],
            ["not_applicable"],
            id="7.10-the-enrichment-of-flour-is-not-added-to-the-product",
        ),
        pytest.param(
            "made_in_store", ["Wheat flour"], [claim("Source of fibre")], ["needs_review"], id="7.10-claim-needs-table"
        ),
        pytest.param(None, ["Wheat flour"], [], [], id="7.10-no-kind-not-in-play"),
    ],
)
def test_13_kinds_without_a_table(
    kind: str | None, ingredients: list[str], claims: list[Any], expected: list[str]
) -> None:
    """B.01.350(13): exempt unless a table is required, which B.01.401(3) decides from what the label shows."""
    facts = nft_label(no_table=True, ingredients=ingredients, claims=claims)
    assert verdicts(facts, "7.10", context(product_kind=kind)) == expected


@pytest.mark.parametrize(
    ("name", "ground_meat"),
    [
        pytest.param("Medium Roast Ground Coffee", False, id="ground-coffee-is-not-ground-meat"),
        pytest.param("Lean Ground Beef", True, id="ground-beef"),
        pytest.param("Porc haché", True, id="porc-hache"),
    ],
)
def test_ground_means_ground_meat_only_with_a_meat_word(name: str, ground_meat: bool) -> None:
    from labeliq.checks.fop_symbol.exempt_kinds import table_triggers
    from labeliq.models import Provenance, TextFact

    facts = nft_label(no_table=True).model_copy(
        update={"common_names": [TextFact(text=name, language="en", source=Provenance(panel="front"))]}
    )
    assert any("ground meat" in t for t in table_triggers(facts)) is ground_meat
