"""Nutrient content and health claims checker: one table per rule of cfia-rules.md section 14."""

from __future__ import annotations

import datetime as dt

import pytest

from labeliq.checks.common import claim_parse
from labeliq.checks.health_claims import checker as health_claims
from labeliq.models import Claim, LabelFacts, NutritionFacts, ProductContext, Provenance, TextFact
from tests.checks.factories import claim, nft_label, nutrition_table, parsed_sample

CTX = ProductContext(date=dt.date(2026, 11, 24), reference_amount={"value": 35, "unit": "g"})


def verdicts(facts: LabelFacts, rule: str, context: ProductContext = CTX) -> list[str]:
    return [f.verdict.value for f in health_claims.check(facts, context) if f.rule == rule]


def both(en: str, fr: str) -> list[Claim]:
    return [claim(en, language="en"), claim(fr, language="fr")]


PARSE_CASES = [
    pytest.param("Source of fibre", ("source", "fibre", "en"), id="parse-source-of-fibre"),
    pytest.param("Faible teneur en sodium", ("low", "sodium", "fr"), id="parse-faible-teneur-en-sodium"),
    pytest.param("Sodium-free", ("free", "sodium", "en"), id="parse-sodium-free"),
    pytest.param("Sans sucre ajouté", ("no_added", "sugars", "fr"), id="parse-sans-sucre-ajoute"),
    pytest.param("Excellent source of protein", ("excellent_source", "protein", "en"), id="parse-excellent-source"),
    pytest.param("Light in calories", ("light", "energy", "en"), id="parse-light-in-calories"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_claim_parsing(text: str, expected: tuple[str, str, str]) -> None:
    parsed = claim_parse.parse(text)
    assert [(p.kind, p.subject, p.language) for p in parsed] == [expected]


def test_gluten_free_is_not_a_nutrient_content_claim() -> None:
    assert claim_parse.parse("Gluten-free") == []


A4_CASES = [
    pytest.param(both("Very low in fat", "Très faible teneur en lipides"), "fail", id="14.A4-very-low-in-fat"),
    pytest.param(both("Extra low sodium", "Faible teneur en sodium"), "fail", id="14.A4-extra-low-sodium"),
    pytest.param(both("Low in fat", "Faible teneur en lipides"), None, id="14.A4-low-in-fat-no-modifier"),
    pytest.param(
        both("Very high source of fibre", "Source très élevée de fibres"), None, id="14.A4-very-high-source-is-a-claim"
    ),
]


@pytest.mark.parametrize(("claims", "expected"), A4_CASES)
def test_modifiers(claims: list[Claim], expected: str | None) -> None:
    found = verdicts(nft_label(claims=claims), "14.A4")
    assert (expected in found) if expected else found == []


A6_CASES = [
    pytest.param(both("Source of protein", "Source de protéines"), "pass", id="14.A6-source-of-protein-allowed"),
    pytest.param(both("No added sugars", "Sans sucres ajoutés"), "pass", id="14.A6-no-added-sugars-allowed"),
    pytest.param(both("Source of fibre", "Source de fibres"), "fail", id="14.A6-source-of-fibre-not-allowed-under-4"),
    pytest.param(both("Low in fat", "Faible teneur en lipides"), "fail", id="14.A6-low-in-fat-not-allowed-under-4"),
]


@pytest.mark.parametrize(("claims", "expected"), A6_CASES)
def test_children_under_four(claims: list[Claim], expected: str) -> None:
    context = CTX.model_copy(update={"intended_solely_for_children_under_4": True})
    assert set(verdicts(nft_label(claims=claims, ingredients=["Oats", "Milk"]), "14.A6", context)) == {expected}


A7_CASES = [
    pytest.param(nft_label(claims=both("Source of fibre", "Source de fibres")), "pass", id="14.A7-fibre-in-table"),
    pytest.param(
        nft_label(nutrition_table(drop=("fibre",)), claims=both("Source of fibre", "Source de fibres")),
        "fail",
        id="14.A7-fibre-claimed-not-in-table",
    ),
    pytest.param(
        nft_label(no_table=True, claims=both("Low in sodium", "Faible teneur en sodium")), "fail", id="14.A7-no-table"
    ),
    pytest.param(
        nft_label(claims=both("Source of vitamin C", "Source de vitamine C")), "fail", id="14.A7-vitamin-c-not-in-table"
    ),
]


@pytest.mark.parametrize(("facts", "expected"), A7_CASES)
def test_claimed_nutrient_in_table(facts: LabelFacts, expected: str) -> None:
    assert set(verdicts(facts, "14.A7")) == {expected}


A8_CASES = [
    pytest.param(both("Source of fibre", "Source de fibres"), "pass", id="14.A8-both-languages"),
    pytest.param([claim("Source of fibre")], "fail", id="14.A8-english-only"),
    pytest.param([claim("Faible teneur en sodium", language="fr")], "fail", id="14.A8-french-only"),
    pytest.param(
        [claim("Source of fibre / Source de fibres", language="bilingual")], "pass", id="14.A8-one-bilingual-line"
    ),
]


@pytest.mark.parametrize(("claims", "expected"), A8_CASES)
def test_bilingual(claims: list[Claim], expected: str) -> None:
    assert verdicts(nft_label(claims=claims), "14.A8") == [expected]


A10_CASES = [
    pytest.param(["Apples", "Water", "Ascorbic acid"], "pass", id="14.A10-apple-sauce-no-sweetener"),
    pytest.param(["Apples", "Water", "Sucralose"], "fail", id="14.A10-sweetener-added"),
    pytest.param(["Apples", "Sugar", "Water"], "fail", id="14.A10-sugar-added"),
]


@pytest.mark.parametrize(("ingredients", "expected"), A10_CASES)
def test_unsweetened(ingredients: list[str], expected: str) -> None:
    facts = nft_label(claims=both("Unsweetened", "Non sucré"), ingredients=ingredients)
    assert set(verdicts(facts, "14.A10")) == {expected}


A12_CASES = [
    pytest.param(both("Light", "Léger"), "fail", id="14.A12-light-alone"),
    pytest.param(both("Light in colour", "Léger en couleur"), "pass", id="14.A12-light-in-colour"),
    pytest.param(both("Light tasting", "Goût léger"), "pass", id="14.A12-light-tasting"),
]


@pytest.mark.parametrize(("claims", "expected"), A12_CASES)
def test_light_sensory(claims: list[Claim], expected: str) -> None:
    assert set(verdicts(nft_label(claims=claims), "14.A12")) == {expected}


def test_light_in_calories_needs_review_not_fail() -> None:
    facts = nft_label(claims=both("Light in calories", "Léger en calories"))
    assert verdicts(facts, "14.A12") == []
    assert set(verdicts(facts, "14.B.light.energy")) == {"needs_review"}


A14_CASES = [
    pytest.param({"calcium": (20, 2)}, "fail", id="14.A14-calcium-2pct-below-5"),
    pytest.param({"calcium": (100, 8)}, "pass", id="14.A14-calcium-8pct"),
    pytest.param({"calcium": (100, None)}, "fail", id="14.A14-calcium-no-percent-declared"),
]


@pytest.mark.parametrize(("rows", "expected"), A14_CASES)
def test_vitamin_mineral_claims(rows: dict[str, tuple[float, float | None]], expected: str) -> None:
    facts = nft_label(nutrition_table(**rows), claims=both("Source of calcium", "Source de calcium"))
    assert set(verdicts(facts, "14.A14")) == {expected}


B_CASES = [
    pytest.param(
        both("Sodium-free", "Sans sodium"),
        {"sodium": (95, 4)},
        "14.B.free.sodium",
        "fail",
        id="14.B-sodium-free-but-95mg",
    ),
    pytest.param(
        both("Sodium-free", "Sans sodium"), {"sodium": (0, 0)}, "14.B.free.sodium", "pass", id="14.B-sodium-free-0mg"
    ),
    pytest.param(
        both("Fat-free", "Sans gras"), {"fat": (0.5, 1)}, "14.B.free.fat", "fail", id="14.B-fat-free-but-0.5g"
    ),
    pytest.param(
        both("Cholesterol-free", "Sans cholestérol"),
        {"cholesterol": (5, None)},
        "14.B.free.cholesterol",
        "fail",
        id="14.B-cholesterol-free-but-5mg",
    ),
    pytest.param(
        both("Low in sodium", "Faible teneur en sodium"),
        {"sodium": (95, 4)},
        "14.B.low.sodium",
        "pass",
        id="14.B-low-sodium-95mg-meets-remembered-140mg",
    ),
    pytest.param(
        both("Source of fibre", "Source de fibres"),
        {},
        "14.B.source.fibre",
        "pass",
        id="14.B-source-of-fibre-3g-meets-remembered-2g",
    ),
    pytest.param(
        both("Good source of fibre", "Bonne source de fibres"),
        {},
        "14.B.good_source.fibre",
        "fail",
        id="14.B-good-source-of-fibre-not-permitted",
    ),
    pytest.param(
        both("No added salt", "Sans sel ajouté"),
        {},
        "14.B.no_added.sodium",
        "fail",
        id="14.B-no-added-salt-but-salt-listed",
    ),
]


@pytest.mark.parametrize(("claims", "rows", "rule", "expected"), B_CASES)
def test_claim_criteria(
    claims: list[Claim], rows: dict[str, tuple[float, float | None]], rule: str, expected: str
) -> None:
    facts = nft_label(nutrition_table(**rows), claims=claims, ingredients=["Oats", "Salt"])
    assert set(verdicts(facts, rule)) == {expected}


# 14.B on the remembered TPNCSC conditions (cfia-rules.md 14.B): met by every amount the rounded value allows ->
# pass; met by none -> fail; at the edge, or a basis the table cannot give -> needs_review.
RA_30 = ProductContext(date=dt.date(2026, 11, 24), reference_amount={"value": 30, "unit": "g"})
NO_RA = ProductContext(date=dt.date(2026, 11, 24))
MEAL = ProductContext(date=dt.date(2026, 11, 24), reference_amount={"value": 35, "unit": "g"}, main_dish=True)
REMEMBERED_CASES = [
    pytest.param(("Source of fibre", "Source de fibres"), {"fibre": (1, 4)}, CTX, "fail", id="fibre-1g-below-2g"),
    pytest.param(("Source of fibre", "Source de fibres"), {"fibre": (2, 7)}, CTX, "needs_review", id="fibre-2g-edge"),
    pytest.param(("Source of fibre", "Source de fibres"), {}, NO_RA, "needs_review", id="fibre-3g-no-reference-amount"),
    pytest.param(
        ("High source of fibre", "Source élevée de fibres"), {"fibre": (5, 18)}, CTX, "pass", id="high-fibre-5g"
    ),
    pytest.param(
        ("Very high source of fibre", "Source très élevée de fibres"),
        {"fibre": (5, 18)},
        CTX,
        "fail",
        id="very-high-fibre-5g-below-6g",
    ),
    pytest.param(("Low in sodium", "Faible teneur en sodium"), {"sodium": (140, 6)}, CTX, "needs_review", id="na-edge"),
    pytest.param(("Low in sodium", "Faible teneur en sodium"), {"sodium": (200, 9)}, CTX, "fail", id="na-200mg"),
    pytest.param(("Low in sodium", "Faible teneur en sodium"), {"sodium": (95, 4)}, MEAL, "needs_review", id="na-meal"),
    pytest.param(("Low fat", "Faible teneur en lipides"), {"fat": (2, 3)}, CTX, "pass", id="fat-2g-per-35g"),
    pytest.param(("Low fat", "Faible teneur en lipides"), {"fat": (2.5, 3)}, RA_30, "fail", id="fat-per-50g-over-3g"),
    pytest.param(
        ("Low in saturated fat", "Faible teneur en gras saturés"),
        {"saturated_fat": (1, None), "trans_fat": (0, None)},
        CTX,
        "pass",
        id="sat-1g-of-150cal",
    ),
    pytest.param(
        ("Low in saturated fat", "Faible teneur en gras saturés"),
        {"saturated_fat": (1.5, None), "trans_fat": (0, None), "calories": (60, None)},
        CTX,
        "fail",
        id="sat-1.5g-of-60cal-share-of-energy-over-15pct",
    ),
    pytest.param(("Sugar-free", "Sans sucre"), {"sugars": (1, 1)}, CTX, "fail", id="sugar-free-1g"),
    pytest.param(("Sugar-free", "Sans sucre"), {"sugars": (0, 0)}, CTX, "needs_review", id="sugar-free-0g-energy"),
]


@pytest.mark.parametrize(("claims", "rows", "context", "expected"), REMEMBERED_CASES)
def test_remembered_conditions(
    claims: tuple[str, str], rows: dict[str, tuple[float, float | None]], context: ProductContext, expected: str
) -> None:
    rows = dict(rows)
    calories = rows.pop("calories", (150, None))[0]
    table = nutrition_table(calories=calories, **rows)
    facts = nft_label(table, claims=both(*claims))
    found = [f for f in health_claims.check(facts, context) if f.rule.startswith("14.B.")]
    assert {f.verdict.value for f in found} == {expected}
    assert all("cfia-rules.md 14.B" in f.evidence and "not in our sources" in f.evidence for f in found)


# 14.C health claims: exact wording from the table following B.01.603, then its numeric conditions.
K_CLAIM_EN = (
    "A healthy diet containing foods high in potassium and low in sodium may reduce the risk of high blood pressure, "
    "a risk factor for stroke and heart disease. Harvest Tomato Soup is a good source of potassium and is sodium-free."
)
K_CLAIM_FR = (
    "Une alimentation saine comprenant des aliments à teneur élevée en potassium et pauvres en sodium peut réduire le "
    "risque d’hypertension, facteur de risque d’accident "
    "cérébrovasculaire et de maladie du coeur. La soupe Harvest est "
    "une bonne source de potassium et ne contient pas de sodium."
)
CA_CLAIM_EN = (
    "A healthy diet with adequate calcium and vitamin D, and regular physical activity, help to achieve strong bones "
    "and may reduce the risk of osteoporosis. Maple Milk is a good source of calcium."
)
FAT_CLAIM_EN = (
    "A healthy diet low in saturated and trans fats may reduce the risk of heart disease. "
    "Crunchy Oats are low in saturated and trans fats."
)


def label_with_text(text: str, table: NutritionFacts | None = None) -> LabelFacts:
    return nft_label(table, front_text=text)


C_CASES = [
    pytest.param(
        K_CLAIM_EN + "\n" + K_CLAIM_FR,
        {"potassium": (400, 12), "sodium": (0, 0)},
        "14.C.1",
        {"pass", "needs_review"},
        id="14.C.1-potassium-400mg-sodium-free",
    ),
    pytest.param(
        K_CLAIM_EN + "\n" + K_CLAIM_FR,
        {"potassium": (300, 9), "sodium": (0, 0)},
        "14.C.1",
        {"pass", "fail", "needs_review"},
        id="14.C.1-potassium-300mg-below-350",
    ),
    pytest.param(
        K_CLAIM_EN + "\n" + K_CLAIM_FR,
        {"potassium": (400, 12), "sodium": (95, 4)},
        "14.C.1",
        {"pass", "fail", "needs_review"},
        id="14.C.1-sodium-free-but-95mg",
    ),
    pytest.param(
        CA_CLAIM_EN,
        {"calcium": (150, 12)},
        "14.C.2",
        {"pass", "fail", "needs_review"},
        id="14.C.2-calcium-150mg-below-200",
    ),
    pytest.param(
        K_CLAIM_EN,
        {"potassium": (400, 12), "sodium": (0, 0)},
        "14.C.bilingual",
        {"fail"},
        id="14.C.bilingual-english-only",
    ),
    pytest.param(
        "A healthy diet low in saturated fat may reduce the risk of heart disease. Crunchy Oats are low in fat.",
        {},
        "14.C.wording",
        {"fail"},
        id="14.C.wording-not-the-exact-statement",
    ),
    pytest.param("Helps prevent heart disease and cancer.", {}, "14.C.drug", {"fail"}, id="14.C.drug-prevents-disease"),
    pytest.param("Cures colds fast.", {}, "14.C.drug", {"fail"}, id="14.C.drug-cures-colds"),
    pytest.param(
        "Prevents sticking to the pan.", {}, "14.C.drug", set(), id="14.C.drug-prevents-sticking-is-not-a-disease"
    ),
    pytest.param(
        "A delicious treat\nMade for people with celiac disease",
        {},
        "14.C.drug",
        set(),
        id="14.C.drug-treat-far-from-disease",
    ),
    pytest.param(
        "Helps reduce the risk of heart disease.", {}, "14.C.wording", {"fail"}, id="14.C.wording-short-risk-claim"
    ),
    pytest.param("Peut aider à prévenir le cancer.", {}, "14.C.drug", {"fail"}, id="14.C.drug-french-prevenir-cancer"),
    pytest.param(
        "A healthy diet low in saturated and trans fats may reduce the risk of heart disease. "
        "Crunchy Oats are low in saturated and trans fats.\n"
        "Une alimentation saine pauvre en graisses saturées et en graisses trans peut réduire le risque de maladie du "
        "coeur. Les Crunchy Oats sont pauvres en lipides saturés et en lipides trans.",
        {},
        "14.C.wording",
        set(),
        id="14.C.3-exact-wording-plural-and-lipides-is-not-a-wording-fail",
    ),
]


@pytest.mark.parametrize(("text", "rows", "rule", "expected"), C_CASES)
def test_health_claims(text: str, rows: dict[str, tuple[float, float | None]], rule: str, expected: set[str]) -> None:
    facts = label_with_text(text, nutrition_table(**rows))
    assert set(verdicts(facts, rule)) == expected


def test_item3_sodium_over_480mg_fails() -> None:
    table = nutrition_table(sodium=(500, 22), saturated_fat=(0.5, None), saturated_plus_trans=(None, 3))
    messages = [
        f.message for f in health_claims.check(label_with_text(FAT_CLAIM_EN, table), CTX) if f.verdict.value == "fail"
    ]
    assert any("480 mg or less sodium" in m for m in messages)


def test_health_claim_for_children_under_four_fails() -> None:
    context = CTX.model_copy(update={"intended_solely_for_children_under_4": True})
    facts = label_with_text(K_CLAIM_EN + "\n" + K_CLAIM_FR, nutrition_table(potassium=(400, 12), sodium=(0, 0)))
    assert "fail" in verdicts(facts, "14.A6", context)


def test_no_claim_is_not_applicable() -> None:
    assert verdicts(nft_label(), "14.A1") == ["not_applicable"]


@pytest.mark.parametrize("name", ["granola-compliant", "soup-nutrition-faults", "crackers-date-allergen-faults"])
def test_samples_have_no_claim_fail(name: str) -> None:
    facts, context = parsed_sample(name)
    assert [f.rule for f in health_claims.check(facts, context) if f.verdict.value == "fail"] == []


def test_granola_source_of_fibre_passes_on_the_remembered_condition_stated() -> None:
    facts, context = parsed_sample("granola-compliant")
    found = [f for f in health_claims.check(facts, context) if f.rule == "14.B.source.fibre"]
    assert found and all(f.verdict.value == "pass" for f in found)
    assert "2 g or more fibre" in found[0].evidence and "2.5–3.5 g" in found[0].evidence


def test_function_claim_needs_review() -> None:
    facts = nft_label(claims=[claim("Supports healthy digestion", kind="health")])
    assert verdicts(facts, "14.C.function") == ["needs_review"]


def test_high_in_symbol_is_not_judged_as_a_claim() -> None:
    facts = nft_label(claims=[claim("High in sodium")], fop=["High in sodium / Élevé en sodium"])
    assert verdicts(facts, "14.A8") == []


@pytest.mark.parametrize(
    ("claims", "text", "expected"),
    [
        pytest.param([], "Suitable for sodium-restricted diets.", ["fail"], id="14.A13-sodium-diet-without-claim"),
        pytest.param(
            both("Low in sodium", "Faible teneur en sodium"),
            "Low in sodium\nSuitable for sodium-restricted diets.",
            ["pass"],
            id="14.A13-sodium-diet-with-low-sodium-claim",
        ),
        pytest.param([], "For use in an energy-reduced diet.", ["fail"], id="14.A13-energy-diet-without-claim"),
        pytest.param([], "A tasty snack.", [], id="14.A13-no-diet-representation"),
    ],
)
def test_diet_representations(claims: list[Claim], text: str, expected: list[str]) -> None:
    facts = nft_label(claims=claims, front_text=text)
    assert verdicts(facts, "14.A13") == expected


# --- 14.A2, 14.A3, 14.A5, 14.A11: presentation of nutrient content claims ----------------------------------

CEREAL_CTX = ProductContext(
    date=dt.date(2026, 11, 24), reference_amount={"value": 30, "unit": "g"}, category="breakfast cereal"
)
PROTEIN = both("Source of protein", "Source de protéines")


@pytest.mark.parametrize(
    ("claims", "rule", "context", "back_text", "expected"),
    [
        pytest.param(both("Source of fibre", "Source de fibres"), "14.A2", CTX, "", ["needs_review"], id="14.A2-size"),
        pytest.param([], "14.A2", CTX, "", [], id="14.A2-no-claim-not-in-play"),
        pytest.param(
            both("Reduced in sodium", "Teneur réduite en sodium"),
            "14.A3",
            CTX,
            "",
            ["needs_review"],
            id="14.A3-comparative-claim-needs-adjacent-comparison",
        ),
        pytest.param(both("Source of fibre", "Source de fibres"), "14.A3", CTX, "", [], id="14.A3-source-not-in-play"),
        pytest.param(
            both("Sodium-free", "Sans sodium"), "14.A5", CTX, "", ["needs_review"], id="14.A5-free-claim-ask-inherent"
        ),
    ],
)
def test_claim_presentation(
    claims: list[Claim], rule: str, context: ProductContext, back_text: str, expected: list[str]
) -> None:
    assert verdicts(nft_label(claims=claims, back_text=back_text), rule, context) == expected


CEREAL_NAMES = ("Toasted Oat Cereal", "Céréales d'avoine grillées")
MILK_BASIS = "Per 30 g cereal with 125 mL skim milk / Pour 30 g de céréales avec 125 mL de lait écrémé"


@pytest.mark.parametrize(
    ("names", "back_text", "expected"),
    [
        pytest.param(CEREAL_NAMES, MILK_BASIS, ["pass"], id="14.A11-cereal-protein-claim-with-milk-basis"),
        pytest.param(CEREAL_NAMES, "", ["fail"], id="14.A11-cereal-protein-claim-without-milk-basis"),
        pytest.param(("Oat Cereal Bars", "Barres de céréales"), "", [], id="14.A11-cereal-bar-not-a-breakfast-cereal"),
        pytest.param((), "", [], id="14.A11-category-words-decide-nothing"),
    ],
)
def test_14_A11_breakfast_cereal_from_the_common_name(
    names: tuple[str, ...], back_text: str, expected: list[str]
) -> None:
    facts = nft_label(claims=PROTEIN, back_text=back_text)
    named = facts.model_copy(
        update={"common_names": [TextFact(text=n, source=Provenance(panel="front")) for n in names]}
    )
    assert verdicts(named, "14.A11", CEREAL_CTX) == expected


TOOTH_DECAY = "Does not promote tooth decay. / Ne favorise pas la carie dentaire."


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(("Sugar-free Chewing Gum", "Gomme à mâcher sans sucre"), "pass", id="14.5-gum-may-claim"),
        pytest.param(("Oat & Honey Granola Bars", "Barres granola"), "fail", id="14.5-granola-bar-may-not-claim"),
        pytest.param((), "needs_review", id="14.5-no-common-name-asks"),
    ],
)
def test_item_5_food_from_the_common_name(names: tuple[str, ...], expected: str) -> None:
    """FDR B.01.603 item 5 (tooth decay) is for gum, hard candy and breath fresheners: the common name shows which."""
    facts = nft_label(front_text=TOOTH_DECAY)
    named = facts.model_copy(
        update={"common_names": [TextFact(text=n, source=Provenance(panel="front")) for n in names]}
    )
    found = [f for f in health_claims.check(named, CEREAL_CTX) if "tooth" in f.evidence.lower()]
    assert expected in {f.verdict.value for f in found}
    assert "fail" not in {f.verdict.value for f in found} or expected == "fail"
