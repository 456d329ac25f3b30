"""Nutrition Facts table checker: one table per rule of cfia-rules.md section 10, verdicts from the FDR text."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.checks.nutrition_facts import daily_value as nft_daily_value
from labeliq.models import Finding, LabelFacts, ProductContext, Provenance, SupplementedFoodFacts, TextFact
from tests.checks.factories import claim, nft_label, nutrition_table, parsed_sample

JUDGED = dt.date(2026, 11, 24)
CTX = ProductContext(date=JUDGED, reference_amount={"value": 35, "unit": "g"})


def verdicts(facts: LabelFacts, rule: str, context: ProductContext = CTX) -> list[str]:
    """Verdicts of the findings whose rule is `rule` (exactly)."""
    return [f.verdict.value for f in nutrition_facts.check(facts, context) if f.rule == rule]


def finding(facts: LabelFacts, rule: str, context: ProductContext = CTX) -> Finding:
    found = [f for f in nutrition_facts.check(facts, context) if f.rule == rule]
    assert len(found) == 1, [f.rule for f in nutrition_facts.check(facts, context)]
    return found[0]


# ---------------------------------------------------------------------------------------------
# 10.B rounding: is the printed value one the rule of B.01.401 column 4 can produce?
# ---------------------------------------------------------------------------------------------

ROUNDING_CASES = [
    pytest.param("fat", 2.3, False, id="10.B.fat-2.3-not-a-multiple-of-0.5"),
    pytest.param("fat", 2.5, True, id="10.B.fat-2.5-legal"),
    pytest.param("fat", 0.5, True, id="10.B.fat-0.5-legal-in-0.5-tier"),
    pytest.param("fat", 0.3, True, id="10.B.fat-0.3-legal-in-0.1-tier"),
    pytest.param("fat", 5, True, id="10.B.fat-5-legal-in-both-tiers"),
    pytest.param("fat", 5.5, False, id="10.B.fat-5.5-above-5-rounds-to-whole-g"),
    pytest.param("fat", 0.6, False, id="10.B.fat-0.6-illegal"),
    pytest.param("fat", 12, True, id="10.B.fat-12-legal"),
    pytest.param("saturated_fat", 1.5, True, id="10.B.saturated_fat-1.5-legal"),
    pytest.param("saturated_fat", 1.2, False, id="10.B.saturated_fat-1.2-illegal"),
    pytest.param("trans_fat", 0.2, True, id="10.B.trans_fat-0.2-legal"),
    pytest.param("cholesterol", 2, False, id="10.B.cholesterol-2-only-multiples-of-5"),
    pytest.param("cholesterol", 15, True, id="10.B.cholesterol-15-legal"),
    pytest.param("sodium", 3, True, id="10.B.sodium-3-legal-below-5"),
    pytest.param("sodium", 95, True, id="10.B.sodium-95-legal"),
    pytest.param("sodium", 92, False, id="10.B.sodium-92-not-a-multiple-of-5"),
    pytest.param("sodium", 145, False, id="10.B.sodium-145-above-140-multiple-of-10"),
    pytest.param("sodium", 140, True, id="10.B.sodium-140-legal"),
    pytest.param("carbohydrate", 0.3, False, id="10.B.carbohydrate-0.3-below-0.5-is-0"),
    pytest.param("carbohydrate", 0, True, id="10.B.carbohydrate-0-legal"),
    pytest.param("fibre", 2.5, False, id="10.B.fibre-2.5-whole-grams"),
    pytest.param("sugars", 9, True, id="10.B.sugars-9-legal"),
    pytest.param("protein", 0.3, True, id="10.B.protein-0.3-legal-no-zeroing"),
    pytest.param("protein", 1.5, False, id="10.B.protein-1.5-whole-grams"),
    pytest.param("potassium", 125, True, id="10.B.potassium-125-multiple-of-25"),
    pytest.param("potassium", 130, False, id="10.B.potassium-130-illegal"),
    pytest.param("potassium", 400, True, id="10.B.potassium-400-multiple-of-50"),
    pytest.param("potassium", 275, False, id="10.B.potassium-275-above-250-multiple-of-50"),
    pytest.param("calcium", 30, True, id="10.B.calcium-30-multiple-of-10"),
    pytest.param("calcium", 35, False, id="10.B.calcium-35-illegal"),
    pytest.param("iron", 0.75, True, id="10.B.iron-0.75-multiple-of-0.25"),
    pytest.param("iron", 0.7, False, id="10.B.iron-0.7-illegal"),
    pytest.param("iron", 2.75, False, id="10.B.iron-2.75-above-2.5-multiple-of-0.5"),
    pytest.param("iron", 0.3, True, id="10.B.iron-0.3-multiple-of-0.1"),
    pytest.param("energy", 40, True, id="10.B.energy-40-legal"),
    pytest.param("energy", 52, False, id="10.B.energy-52-above-50-multiple-of-10"),
    pytest.param("energy", 3, True, id="10.B.energy-3-legal-below-5"),
    pytest.param("energy", 47, False, id="10.B.energy-47-multiple-of-5"),
]


@pytest.mark.parametrize(("key", "printed", "legal"), ROUNDING_CASES)
def test_rounding_judgement(key: str, printed: float, legal: bool) -> None:
    assert nft_rounding.judge(key, printed).legal is legal


@pytest.mark.parametrize(("key", "printed", "legal"), ROUNDING_CASES)
def test_rounding_finding(key: str, printed: float, legal: bool) -> None:
    if key == "energy":
        facts = nft_label(nutrition_table(calories=printed))
    else:
        facts = nft_label(nutrition_table(**{key: (printed, None)}))
    assert verdicts(facts, f"10.B.{key}") == ["pass" if legal else "fail"]


def test_rounding_message_says_value_rule_and_citation() -> None:
    message = finding(nft_label(nutrition_table(fat=(2.3, 3))), "10.B.fat").message
    assert "printed as 2.3 g" in message
    assert "between 0.5 g and 5 g" in message
    assert "nearest multiple of 0.5 g (2.5 g)" in message
    assert "FDR B.01.401 table item 3" in message


ZERO_CASES = [
    pytest.param("fat", {"fat": (0, 0), "saturated_fat": (0.5, None)}, "fail", id="10.B.fat-0-with-saturated-0.5"),
    pytest.param(
        "fat", {"fat": (0, 0), "saturated_fat": (0, None), "trans_fat": (0, None)}, "pass", id="10.B.fat-0-free"
    ),
    pytest.param(
        "fat", {"fat": (0, 0), "saturated_fat": (0, None), "trans_fat": (0.2, None)}, "fail", id="10.B.fat-0-trans"
    ),
]


@pytest.mark.parametrize(("key", "rows", "expected"), ZERO_CASES)
def test_zero_needs_free_of_condition(key: str, rows: dict[str, tuple[float, float | None]], expected: str) -> None:
    facts = nft_label(nutrition_table(**rows))
    assert verdicts(facts, f"10.B.{key}") == [expected]


@pytest.mark.parametrize(
    ("calories", "expected"),
    [
        pytest.param(0, "fail", id="10.B.energy-0-but-macros-give-150-Cal"),
        pytest.param(150, "pass", id="10.B.energy-150-legal"),
    ],
)
def test_energy_zero_needs_free_of_energy(calories: float, expected: str) -> None:
    assert verdicts(nft_label(nutrition_table(calories=calories)), "10.B.energy") == [expected]


def test_energy_zero_is_legal_for_a_water_like_table() -> None:
    zero = {k: (0, None) for k in ("fat", "saturated_fat", "trans_fat", "carbohydrate", "fibre", "sugars", "protein")}
    facts = nft_label(nutrition_table(calories=0, **zero))
    assert verdicts(facts, "10.B.energy") == ["pass"]


# Reference rounding written from the FDR clauses (round half up), independent of the checker's tiers.
def reference_round(key: str, value: Decimal) -> Decimal:
    def nearest(step: str) -> Decimal:
        inc = Decimal(step)
        return (value / inc).quantize(Decimal(1), rounding=ROUND_HALF_UP) * inc

    if key == "fat":
        return nearest("0.1") if value < Decimal("0.5") else nearest("0.5") if value <= 5 else nearest("1")
    if key == "sodium":
        return nearest("1") if value < 5 else nearest("5") if value <= 140 else nearest("10")
    if key == "potassium":
        if value < 5:
            return Decimal(0)
        return nearest("10") if value < 50 else nearest("25") if value < 250 else nearest("50")
    if key == "iron":
        if value < Decimal("0.05"):
            return Decimal(0)
        return (
            nearest("0.1") if value < Decimal("0.5") else nearest("0.25") if value < Decimal("2.5") else nearest("0.5")
        )
    if key == "sugars":
        return Decimal(0) if value < Decimal("0.5") else nearest("1")
    if key == "protein":
        return nearest("0.1") if value < Decimal("0.5") else nearest("1")
    raise KeyError(key)


@settings(max_examples=300, deadline=None)
@given(
    key=st.sampled_from(["fat", "sodium", "potassium", "iron", "sugars", "protein"]),
    value=st.decimals(min_value=0, max_value=2000, places=3, allow_nan=False, allow_infinity=False),
)
def test_property_every_true_amount_rounds_to_a_legal_value_whose_interval_contains_it(
    key: str, value: Decimal
) -> None:
    printed = reference_round(key, value)
    assert nft_rounding.judge(key, float(printed)).legal
    low, high = nft_rounding.true_interval(key, float(printed))
    assert low - 1e-9 <= float(value) <= high + 1e-9


@settings(max_examples=200, deadline=None)
@given(value=st.decimals(min_value="0.5", max_value=5, places=2))
def test_property_fat_between_half_and_five_is_legal_only_on_half_grams(value: Decimal) -> None:
    assert nft_rounding.judge("fat", float(value)).legal is (value % Decimal("0.5") == 0 or value < Decimal("0.5"))


# ---------------------------------------------------------------------------------------------
# 10.E1-E3 %DV
# ---------------------------------------------------------------------------------------------

E1_CASES = [
    pytest.param("sodium", 480, 20, JUDGED, "fail", id="10.E1.sodium-480mg-20pct-should-be-21"),
    pytest.param("sodium", 480, 21, JUDGED, "pass", id="10.E1.sodium-480mg-21pct"),
    pytest.param("potassium", 400, 9, JUDGED, "fail", id="10.E1.potassium-obsolete-4700-after-2025"),
    pytest.param("potassium", 400, 9, dt.date(2025, 6, 1), "pass", id="10.E1.potassium-4700-still-allowed-2025"),
    pytest.param("potassium", 400, 12, JUDGED, "pass", id="10.E1.potassium-400mg-12pct"),
    pytest.param("iron", 2.25, 12, JUDGED, "pass", id="10.E1.iron-tie-12.5-lower-neighbour"),
    pytest.param("iron", 2.25, 13, JUDGED, "pass", id="10.E1.iron-tie-12.5-upper-neighbour"),
    pytest.param("iron", 2.25, 14, JUDGED, "fail", id="10.E1.iron-14pct-wrong"),
    pytest.param("calcium", 30, 2, JUDGED, "pass", id="10.E1.calcium-30mg-2pct"),
    pytest.param("calcium", 30, 3, JUDGED, "fail", id="10.E1.calcium-30mg-3pct-wrong"),
]


@pytest.mark.parametrize(("key", "mg", "pct", "judged", "expected"), E1_CASES)
def test_mineral_percent_from_declared_amount(key: str, mg: float, pct: float, judged: dt.date, expected: str) -> None:
    facts = nft_label(nutrition_table(**{key: (mg, pct)}))
    assert verdicts(facts, f"10.E1.{key}", ProductContext(date=judged)) == [expected]


def test_obsolete_potassium_message_names_the_old_daily_value() -> None:
    found = finding(nft_label(nutrition_table(potassium=(400, 9))), "10.E1.potassium")
    assert "obsolete 4700 mg" in found.message and "12 %" in found.message


@pytest.mark.parametrize(
    ("amount", "dv", "expected"),
    [
        pytest.param(Decimal("2.25"), 18, {12, 13}, id="tie-both-neighbours"),
        pytest.param(Decimal("480"), 2300, {21}, id="20.87-rounds-up"),
        pytest.param(Decimal("95"), 2300, {4}, id="4.13-rounds-down"),
    ],
)
def test_nearest_percents(amount: Decimal, dv: float, expected: set[int]) -> None:
    assert nft_daily_value.nearest_percents(float(amount), dv) == expected


E2_CASES = [
    pytest.param("fat", {"fat": (2, 3)}, "pass", id="10.E2.fat-2g-3pct"),
    pytest.param("fat", {"fat": (2, 5)}, "fail", id="10.E2.fat-2g-5pct-wrong"),
    pytest.param("fibre", {"fibre": (3, 11)}, "pass", id="10.E2.fibre-3g-11pct"),
    pytest.param("fibre", {"fibre": (3, 9)}, "pass", id="10.E2.fibre-3g-9pct-true-2.5g"),
    pytest.param("fibre", {"fibre": (3, 14)}, "fail", id="10.E2.fibre-3g-14pct-wrong"),
    pytest.param("sugars", {"sugars": (8, 10)}, "fail", id="10.E2.sugars-8g-10pct-wrong"),
    pytest.param(
        "saturated_plus_trans",
        {"saturated_fat": (1, None), "trans_fat": (0, None), "saturated_plus_trans": (None, 5)},
        "pass",
        id="10.E2.saturated_plus_trans-1g-5pct",
    ),
    pytest.param(
        "saturated_plus_trans",
        {"saturated_fat": (1, None), "trans_fat": (0, None), "saturated_plus_trans": (None, 10)},
        "fail",
        id="10.E2.saturated_plus_trans-1g-10pct-wrong",
    ),
]


@pytest.mark.parametrize(("key", "rows", "expected"), E2_CASES)
def test_percent_by_interval_arithmetic(
    key: str, rows: dict[str, tuple[float | None, float | None]], expected: str
) -> None:
    assert verdicts(nft_label(nutrition_table(**rows)), f"10.E2.{key}") == [expected]


E3_CASES = [
    pytest.param("fibre", {"fibre": (0, 1)}, "fail", id="10.E3.fibre-0g-1pct"),
    pytest.param("fibre", {"fibre": (0, 0)}, "pass", id="10.E3.fibre-0g-0pct"),
    pytest.param("sodium", {"sodium": (0, 0)}, "pass", id="10.E3.sodium-0mg-0pct"),
    pytest.param("sodium", {"sodium": (0, 1)}, "fail", id="10.E3.sodium-0mg-1pct"),
]


@pytest.mark.parametrize(("key", "rows", "expected"), E3_CASES)
def test_zero_amount_zero_percent(key: str, rows: dict[str, tuple[float | None, float | None]], expected: str) -> None:
    assert verdicts(nft_label(nutrition_table(**rows)), f"10.E3.{key}") == [expected]


def test_missing_required_percent_fails() -> None:
    assert verdicts(nft_label(nutrition_table(sodium=(95, None))), "10.D.sodium") == ["fail"]


# ---------------------------------------------------------------------------------------------
# 10.E4 sums, 10.E5 energy, 10.E6 kJ
# ---------------------------------------------------------------------------------------------

E4_CASES = [
    pytest.param(
        "10.E4.fat", {"fat": (5, 7), "saturated_fat": (7, None)}, "fail", id="10.E4.fat-saturated-7g-over-fat-5g"
    ),
    pytest.param("10.E4.fat", {"fat": (2.5, 3), "saturated_fat": (2.5, None)}, "pass", id="10.E4.fat-saturated-equal"),
    pytest.param(
        "10.E4.carbohydrate",
        {"carbohydrate": (12, None), "sugars": (10, 10), "fibre": (5, 18)},
        "fail",
        id="10.E4.carbohydrate-sugars-plus-fibre-15g-over-12g",
    ),
    pytest.param(
        "10.E4.carbohydrate",
        {"carbohydrate": (10, None), "sugars": (8, 8), "fibre": (3, 11)},
        "pass",
        id="10.E4.carbohydrate-11g-within-rounding-of-10g",
    ),
]


@pytest.mark.parametrize(("rule", "rows", "expected"), E4_CASES)
def test_parts_within_whole(rule: str, rows: dict[str, tuple[float | None, float | None]], expected: str) -> None:
    assert verdicts(nft_label(nutrition_table(**rows)), rule) == [expected]


E5_CASES = [
    pytest.param(150, {}, "pass", id="10.E5-granola-150-Cal"),
    pytest.param(
        40, {"fat": (2.5, 3), "carbohydrate": (15, None), "protein": (2, None)}, "fail", id="10.E5-40-Cal-vs-89"
    ),
    pytest.param(300, {}, "fail", id="10.E5-300-Cal-vs-150"),
    pytest.param(
        110,
        {"carbohydrate": (24, None), "sugar_alcohols": (12, None), "fibre": (3, 11)},
        "pass",
        id="10.E5-polyols-lower-energy",
    ),
    # "0" Calories stands for any energy under 5 Calories ("free of energy", table to B.01.401 item 2; TPNCSC item 1):
    # a herbal tea bag with 1 g carbohydrate and 0.3 g protein (about 3-8 Calories) may print 0.
    pytest.param(
        0,
        {"fat": (0, 0), "carbohydrate": (1, None), "fibre": (0, 0), "sugars": (0, 0), "protein": (0.3, None)},
        "pass",
        id="10.E5-zero-Calories-under-5-free-of-energy",
    ),
    pytest.param(
        0,
        {"fat": (0, 0), "carbohydrate": (3, None), "fibre": (0, 0), "sugars": (0, 0), "protein": (1, None)},
        "fail",
        id="10.E5-zero-Calories-vs-about-14",
    ),
]


@pytest.mark.parametrize(("calories", "rows", "expected"), E5_CASES)
def test_energy_cross_check(calories: float, rows: dict[str, tuple[float | None, float | None]], expected: str) -> None:
    assert verdicts(nft_label(nutrition_table(calories=calories, **rows)), "10.E5") == [expected]


@pytest.mark.parametrize(
    ("kj", "expected"),
    [
        pytest.param(630, "pass", id="10.E6-150-Cal-630-kJ"),
        pytest.param(150, "fail", id="10.E6-150-Cal-150-kJ"),
    ],
)
def test_kilojoules(kj: float, expected: str) -> None:
    assert verdicts(nft_label(nutrition_table(energy_kj=(kj, None))), "10.E6") == [expected]


# ---------------------------------------------------------------------------------------------
# 10.A required / forbidden / foreign; titles, descriptions, footnote, missing rows; 10.C
# ---------------------------------------------------------------------------------------------


def _supplemented() -> LabelFacts:
    facts = nft_label()
    sfft = SupplementedFoodFacts(sfft_title="Supplemented Food Facts", source=Provenance(panel="back"))
    return facts.model_copy(update={"supplemented": sfft})


def _ground(facts: LabelFacts) -> LabelFacts:
    text = "Lean ground beef"
    name = TextFact(text=text, language="en", evidence=text, source=Provenance(panel="front"))
    return facts.model_copy(update={"common_names": [name]})


A_CASES = [
    pytest.param("10.A1", nft_label(), ProductContext(), "pass", id="10.A1-table-present"),
    pytest.param("10.A1", nft_label(no_table=True), ProductContext(), "fail", id="10.A1-no-table-no-exemption"),
    pytest.param(
        "10.A1",
        nft_label(no_table=True),
        ProductContext(all_nutrients_zero=True),
        "pass",
        id="10.A1-B.01.401(2)(a)-every-value-would-be-0",
    ),
    pytest.param(
        "10.A2",
        nft_label(no_table=True, claims=[claim("Sodium-free")]),
        ProductContext(all_nutrients_zero=True),
        "fail",
        id="10.A2-a-claim-cancels-the-all-zero-exemption",
    ),
    pytest.param(
        "10.A1",
        nft_label(no_table=True),
        ProductContext(product_kind="fresh_fruit_or_vegetable"),
        "needs_review",
        id="10.A1-no-table-fresh-fruit-may-be-exempt",
    ),
    pytest.param(
        "10.A2",
        nft_label(no_table=True, claims=[claim("Source of fibre")]),
        ProductContext(product_kind="fresh_fruit_or_vegetable"),
        "fail",
        id="10.A2-claim-cancels-exemption",
    ),
    pytest.param(
        "10.A1",
        nft_label(no_table=True, ingredients=["Wheat flour", "Butter", "Sugar"]),
        ProductContext(product_kind="made_in_store"),
        "pass",
        id="10.A1-B.01.401(2)(b)(v)-sold-where-made-nothing-calls-for-a-table",
    ),
    pytest.param(
        "10.A2",
        nft_label(no_table=True, ingredients=["Maple syrup", "Vitamin D3"]),
        ProductContext(product_kind="farmers_market"),
        "fail",
        id="10.A2-B.01.401(3)(a)-an-added-vitamin-cancels-the-farmers-market-exemption",
    ),
    pytest.param(
        "10.A2",
        _ground(nft_label(no_table=True)),
        ProductContext(product_kind="raw_single_ingredient_meat_poultry_or_fish"),
        "fail",
        id="10.A2-B.01.401(3)(d)-ground-meat-is-never-exempt",
    ),
    pytest.param(
        "10.A1",
        nft_label(no_table=True),
        ProductContext(product_kind="raw_single_ingredient_meat_poultry_or_fish", packaged_at_retail=True),
        "pass",
        id="10.A1-B.01.401(2)(b)(iii)-raw-single-ingredient-meat-nothing-calls-for-a-table",
    ),
    pytest.param(
        "10.A1",
        nft_label(no_table=True, ingredients=["Pork", "Water", "Salt", "Sodium phosphate"]),
        ProductContext(product_kind="raw_single_ingredient_meat_poultry_or_fish"),
        "needs_review",
        id="10.A1-a-list-of-four-ingredients-contradicts-single-ingredient",
    ),
    pytest.param("10.A3", _supplemented(), ProductContext(), "fail", id="10.A3-supplemented-food-with-NFt"),
    pytest.param(
        "10.A3",
        nft_label(),
        ProductContext(product_kind="meal_replacement"),
        "fail",
        id="10.A3-meal-replacement-with-NFt",
    ),
    pytest.param(
        "10.A1",
        nft_label(),
        ProductContext(category="fortified breakfast cereal, not a meal replacement or nutritional supplement"),
        "pass",
        id="10.A1-category-words-decide-nothing",
    ),
    pytest.param(
        "10.A4",
        nft_label(no_table=True),
        ProductContext(available_display_surface_cm2=80),
        "fail",
        id="10.A4-small-package-without-how-to-obtain-the-information",
    ),
    pytest.param(
        "10.A4",
        nft_label(
            no_table=True,
            back_text="For nutrition information call 1-800-555-0199.\n"
            "Pour des renseignements nutritionnels, composez le 1-800-555-0199.",
        ),
        ProductContext(available_display_surface_cm2=80),
        "pass",
        id="10.A4-small-package-with-a-toll-free-number",
    ),
    pytest.param(
        "10.A4",
        nft_label(
            nft=nutrition_table(title="Per 1 piece (3 g)"),
            back_text="For nutrition information call 1-800-555-0199.",
        ),
        ProductContext(available_display_surface_cm2=60),
        "fail",
        id="10.A4-energy-statement-without-free-of-sugars-takes-the-alternative-away",
    ),
    pytest.param(
        "10.A4",
        nft_label(
            no_table=True,
            claims=[claim("Source of fibre")],
            back_text="For nutrition information call 1-800-555-0199.",
        ),
        ProductContext(available_display_surface_cm2=60),
        "fail",
        id="10.A4-claim-cancels-the-small-package-alternative",
    ),
    pytest.param(
        "10.A5",
        nft_label(back_text="Nutrition Facts\nAmount per serving\nCalories 150\nIncludes 5g Added Sugars 10%"),
        ProductContext(),
        "fail",
        id="10.A5-US-panel",
    ),
    pytest.param("10.A5", nft_label(), ProductContext(), "not_applicable", id="10.A5-canadian-only"),
    pytest.param("10.A7", nft_label(), ProductContext(), "needs_review", id="10.A7-format-version-is-layout"),
    pytest.param("10.E9", nft_label(), ProductContext(), "needs_review", id="10.E9-presentation-is-layout"),
]


@pytest.mark.parametrize(("rule", "facts", "context", "expected"), A_CASES)
def test_table_required_or_forbidden(rule: str, facts: LabelFacts, context: ProductContext, expected: str) -> None:
    assert verdicts(facts, rule, context) == [expected]


FORMAT_CASES = [
    pytest.param("10.B.title", nutrition_table(), "pass", id="10.B.title-bilingual"),
    pytest.param("10.B.title", nutrition_table(title="Nutrition Facts"), "fail", id="10.B.title-no-french"),
    pytest.param("10.B.footnote", nutrition_table(), "pass", id="10.B.footnote-both"),
    pytest.param(
        "10.B.footnote",
        nutrition_table(footnote="*5% or less is a little, 15% or more is a lot"),
        "fail",
        id="10.B.footnote-english-only",
    ),
    pytest.param(
        "10.B.footnote",
        nutrition_table(footnote="*5% or less is low, 15% or more is high"),
        "fail",
        id="10.B.footnote-wording",
    ),
    pytest.param(
        "10.B.footnote", nutrition_table(footnote=""), "needs_review", id="10.B.footnote-absent-format-exempt?"
    ),
    pytest.param("10.B.serving", nutrition_table(serving=(35, "g")), "pass", id="10.B.serving-35g"),
    pytest.param("10.B.serving", nutrition_table(serving=(35.5, "g")), "fail", id="10.B.serving-35.5g-whole-grams"),
    pytest.param("10.B.serving", nutrition_table(serving=(7.5, "g")), "pass", id="10.B.serving-7.5g-below-10"),
    pytest.param("10.B.potassium", nutrition_table(drop=("potassium",)), "fail", id="10.B.potassium-row-missing"),
]


@pytest.mark.parametrize(("rule", "table", "expected"), FORMAT_CASES)
def test_table_wording(rule: str, table: object, expected: str) -> None:
    assert verdicts(nft_label(table), rule) == [expected]  # type: ignore[arg-type]


def test_description_not_in_fdr_fails() -> None:
    table = nutrition_table()
    table.nutrients["saturated_fat"] = table.nutrients["saturated_fat"].model_copy(
        update={"label": "Sat. Fat / Gras saturés"}
    )
    found = finding(nft_label(table), "10.B.description")
    assert found.verdict.value == "fail" and "gras satures" in found.message


C_CASES = [
    pytest.param(
        "10.C.servings_per_container", {"servings_per_container": "about 2.5"}, {}, "pass", id="10.C-servings-2.5"
    ),
    pytest.param(
        "10.C.servings_per_container", {"servings_per_container": "about 6.5"}, {}, "fail", id="10.C-servings-6.5"
    ),
    pytest.param("10.C.vitamin_d", {}, {"vitamin_d": (2.5, 10)}, "pass", id="10.C.vitamin_d-2.5ug"),
    pytest.param("10.C.vitamin_d", {}, {"vitamin_d": (2.3, 10)}, "fail", id="10.C.vitamin_d-2.3ug"),
    pytest.param("10.C.vitamin_a", {}, {"vitamin_a": (60, 7)}, "fail", id="10.C.vitamin_a-60ug-multiple-of-50"),
    pytest.param("10.C.sugar_alcohols", {}, {"sugar_alcohols": (4, None)}, "pass", id="10.C.sugar_alcohols-4g"),
    pytest.param(
        "10.C.fatty_acids", {}, {"polyunsaturated_fat": (1.5, None)}, "fail", id="10.C.fatty_acids-poly-without-omegas"
    ),
]


@pytest.mark.parametrize(("rule", "table_args", "rows", "expected"), C_CASES)
def test_additional_information(
    rule: str, table_args: dict[str, str], rows: dict[str, tuple[float, float | None]], expected: str
) -> None:
    assert verdicts(nft_label(nutrition_table(**table_args, **rows)), rule) == [expected]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ingredients", "rows", "expected"),
    [
        pytest.param(["Oats", "Maltitol", "Salt"], {}, "fail", id="10.C.added-sugar-alcohol-not-declared"),
        pytest.param(
            ["Oats", "Maltitol"], {"sugar_alcohols": (6, None)}, "pass", id="10.C.added-sugar-alcohol-declared"
        ),
        pytest.param(["Orange juice", "Vitamin D3"], {}, "fail", id="10.C.added-vitamin-d-not-declared"),
    ],
)
def test_added_nutrients_declared(ingredients: list[str], rows: dict[str, tuple[float, None]], expected: str) -> None:
    facts = nft_label(nutrition_table(**rows), ingredients=ingredients)
    assert verdicts(facts, "10.C.added") == [expected]


# ---------------------------------------------------------------------------------------------
# End to end through the text parser
# ---------------------------------------------------------------------------------------------


def test_granola_sample_has_no_fail() -> None:
    facts, context = parsed_sample("granola-compliant")
    fails = [f for f in nutrition_facts.check(facts, context) if f.verdict.value == "fail"]
    assert fails == []


def test_soup_sample_fails_the_planted_faults() -> None:
    facts, context = parsed_sample("soup-nutrition-faults")
    fails = {f.rule: f for f in nutrition_facts.check(facts, context) if f.verdict.value == "fail"}
    assert set(fails) == {"10.B.fat", "10.E1.sodium", "10.E1.potassium", "10.E5"}
    assert "2.3 g" in fails["10.B.fat"].message
    assert "21 %" in fails["10.E1.sodium"].message
    assert "4700" in fails["10.E1.potassium"].message and "12 %" in fails["10.E1.potassium"].message
    assert "40 Calories" in fails["10.E5"].message


@pytest.mark.parametrize(
    ("sodium", "expected"),
    [
        pytest.param((95, 8), ["pass"], id="10.E1.sodium-children-95-mg-is-8-percent-of-1200-mg"),
        pytest.param((95, 4), ["fail"], id="10.E1.sodium-children-4-percent-uses-the-adult-2300-mg"),
    ],
)
def test_children_products_use_column_2_daily_values(sodium: tuple[float, float], expected: list[str]) -> None:
    """Children 1 to < 4: sodium 1200 mg is confirmed (cfia-rules.md 10.D); fat, fibre... are not, so review."""
    context = CTX.model_copy(update={"intended_solely_for_children_under_4": True})
    facts = nft_label(nutrition_table(sodium=sodium))
    assert verdicts(facts, "10.D", context) == ["needs_review"]
    assert verdicts(facts, "10.E1.sodium", context) == expected


@pytest.mark.parametrize(
    ("rows", "rule", "expected"),
    [
        pytest.param({"carbohydrate": (24, 8)}, "10.D.carbohydrate", ["fail"], id="10.D.carbohydrate-has-no-percent"),
        pytest.param({"protein": (3, 6)}, "10.D.protein", ["fail"], id="10.D.protein-has-no-percent"),
        pytest.param({}, "10.D.carbohydrate", [], id="10.D.carbohydrate-grams-only"),
    ],
)
def test_no_percent_for_carbohydrate_or_protein(
    rows: dict[str, tuple[float, float]], rule: str, expected: list[str]
) -> None:
    assert verdicts(nft_label(nutrition_table(**rows)), rule) == expected


def test_pre_2016_daily_value_is_named_in_the_message() -> None:
    # 480 mg / 2400 mg = 20 %: the obsolete pre-2016 sodium DV
    found = finding(nft_label(nutrition_table(sodium=(480, 20))), "10.E1.sodium")
    assert found.verdict.value == "fail" and "pre-2016 Daily Value of 2400 mg" in found.message


def test_third_language_inside_the_table_needs_review() -> None:
    table = nutrition_table().model_copy(update={"other_language_text": ["Grasa 5 g"]})
    assert verdicts(nft_label(table), "10.A5") == ["needs_review"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            {"fat": (5, 7), "polyunsaturated_fat": (3, None), "monounsaturated_fat": (3, None)},
            "fail",
            id="10.E4.fat-sat-1-poly-3-mono-3-over-fat-5",
        ),
        pytest.param(
            {"fat": (5, 7), "polyunsaturated_fat": (1.5, None), "monounsaturated_fat": (2, None)},
            "pass",
            id="10.E4.fat-fatty-acids-within-fat",
        ),
    ],
)
def test_fatty_acids_within_fat(rows: dict[str, tuple[float, float | None]], expected: str) -> None:
    assert verdicts(nft_label(nutrition_table(**rows)), "10.E4.fat") == [expected]


@pytest.mark.parametrize(
    ("drop", "expected"),
    [
        pytest.param(("potassium",), "fail", id="10.A6-simplified-with-only-3-zero-items"),
        pytest.param(("potassium", "calcium", "iron", "cholesterol"), "pass", id="10.A6-simplified-with-6-zero-items"),
    ],
)
def test_simplified_format_needs_six_zero_items(drop: tuple[str, ...], expected: str) -> None:
    statement = "Not a significant source of potassium, calcium, iron or cholesterol"
    facts = nft_label(nutrition_table(drop=drop, not_significant=statement))
    assert expected in verdicts(facts, "10.A6")


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        pytest.param(
            "Not a significant source of potassium, calcium, iron or cholesterol", {"pass"}, id="10.A6-names-all"
        ),
        pytest.param(
            "Not a significant source of potassium, calcium or cholesterol", {"pass", "fail"}, id="10.A6-iron-unnamed"
        ),
        pytest.param("Not a significant source of other nutrients", {"pass"}, id="10.A6-other-nutrients"),
    ],
)
def test_simplified_statement_names_omitted_nutrients(statement: str, expected: set[str]) -> None:
    # trans 0 g and sodium 0 mg + four omitted = six items that may be "0"
    table = nutrition_table(
        drop=("potassium", "calcium", "iron", "cholesterol"), not_significant=statement, sodium=(0, 0)
    )
    assert set(verdicts(nft_label(table), "10.A6")) == expected


# --- 10.E8: serving of stated size against the reference amount --------------------------------------------


@pytest.mark.parametrize(
    ("context", "needle"),
    [
        pytest.param(
            ProductContext.model_validate({**CTX.model_dump(), "reference_amount": {"value": 50, "unit": "g"}}),
            "70 %",
            id="10.E8-serving-below-ra-gives-the-ratio",
        ),
        pytest.param(
            ProductContext.model_validate({**CTX.model_dump(), "reference_amount": None}),
            "no reference amount",
            id="10.E8-no-ra-in-context",
        ),
    ],
)
def test_10_e8_serving_against_reference_amount(context: ProductContext, needle: str) -> None:
    found = finding(nft_label(), "10.E8", context)
    assert found.verdict.value == "needs_review"
    assert needle in found.message


@pytest.mark.parametrize(
    ("ra", "single", "verdict"),
    [
        pytest.param(None, None, "pass", id="10.E8-serving-equals-ra-B.01.002A(1)(c)"),
        pytest.param({"value": 30, "unit": "g"}, True, "pass", id="10.E8-single-serving-under-200-percent-of-ra"),
        pytest.param({"value": 30, "unit": "g"}, None, "needs_review", id="10.E8-multi-serving-not-the-ra"),
        pytest.param({"value": 10, "unit": "g"}, True, "needs_review", id="10.E8-single-serving-over-200-percent"),
    ],
)
def test_10_e8_settled_from_the_numbers(ra: dict[str, object] | None, single: bool | None, verdict: str) -> None:
    update: dict[str, object] = {"single_serving_container": single}
    if ra is not None:
        update["reference_amount"] = ra
    context = ProductContext.model_validate({**CTX.model_dump(), **update})
    assert finding(nft_label(), "10.E8", context).verdict.value == verdict


@pytest.mark.parametrize(
    ("single", "needle"),
    [
        pytest.param(None, "column 3A of the Table of Reference Amounts", id="10.E8-question-multi-serving-column-3A"),
        pytest.param(True, "one sitting (B.01.002A(1)(b)(i))", id="10.E8-question-single-serving-one-sitting"),
    ],
)
def test_10_e8_review_asks_what_the_table_of_reference_amounts_says(single: bool | None, needle: str) -> None:
    update = {"reference_amount": {"value": 10, "unit": "g"}, "single_serving_container": single}
    context = ProductContext.model_validate({**CTX.model_dump(), **update})
    found = finding(nft_label(), "10.E8", context)
    assert found.verdict.value == "needs_review"
    assert needle in found.question and found.fr is not None and found.fr.question
