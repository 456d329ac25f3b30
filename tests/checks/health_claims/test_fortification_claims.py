"""Fortification statements ("enriched with calcium and vitamin D", "enrichi de fer") as vitamin and mineral
representations judged by 14.A14 (FDR D.01.004(1), D.02.002(1)); the name of an enriched standardized food
("enriched flour", B.13.001) and an ingredient list are not such statements."""

from __future__ import annotations

import datetime as dt

import pytest

from labeliq.checks.common import claim_parse
from labeliq.checks.health_claims import checker as health_claims
from labeliq.extraction.text_parser import parse_label
from labeliq.intake import make_panel
from labeliq.models import LabelFacts, ProductContext
from tests.checks.factories import claim, nft_label, nutrition_table

CTX = ProductContext(date=dt.date(2026, 11, 24), reference_amount={"value": 35, "unit": "g"})


def fortified(text: str) -> list[tuple[str, str]]:
    return [(p.subject, p.language) for p in claim_parse.parse(text) if p.kind == "fortified"]


PARSE_CASES = [
    pytest.param("Fortified with iron", [("iron", "en")], id="14.A14-parse-fortified-with-iron"),
    pytest.param("Iron-fortified", [("iron", "en")], id="14.A14-parse-iron-fortified"),
    pytest.param("With added vitamin D", [("vitamin_d", "en")], id="14.A14-parse-with-added-vitamin-d"),
    pytest.param(
        "Enriched with calcium and vitamins A and D",
        [("calcium", "en"), ("vitamin_a", "en"), ("vitamin_d", "en")],
        id="14.A14-parse-list-calcium-and-vitamins-a-and-d",
    ),
    pytest.param(
        "Enrichie de calcium et de vitamines A, D, riboflavine et B12",
        [("calcium", "fr"), ("vitamin_a", "fr"), ("vitamin_d", "fr"), ("riboflavin", "fr"), ("vitamin_b12", "fr")],
        id="14.A14-parse-fr-list-with-riboflavine-and-b12",
    ),
    pytest.param("Enrichi de calcium", [("calcium", "fr")], id="14.A14-parse-enrichi-de-calcium"),
    pytest.param("Enrichi en fer", [("iron", "fr")], id="14.A14-parse-enrichi-en-fer"),
    pytest.param("Additionné de vitamine D", [("vitamin_d", "fr")], id="14.A14-parse-additionne-de-vitamine-d"),
    pytest.param(
        "Iron-fortified / Enrichies de fer", [("iron", "en"), ("iron", "fr")], id="14.A14-parse-bilingual-line"
    ),
    pytest.param(
        "With added vitamin D3 for strong bones", [("vitamin_d", "en")], id="14.A14-parse-list-ends-at-other-words"
    ),
    pytest.param("Fortified with vitamins and minerals", [("", "en")], id="14.A14-parse-no-nutrient-named"),
    # False triggers: the standardized name of an enriched food (B.13.001, B.13.052(2)) and other "added" wording.
    pytest.param("Enriched wheat flour", [], id="14.A14-parse-enriched-flour-is-a-name"),
    pytest.param("Farine de blé enrichie", [], id="14.A14-parse-farine-enrichie-is-a-name"),
    pytest.param("Enriched pasta", [], id="14.A14-parse-enriched-pasta-is-a-name"),
    pytest.param("Vitamin D3", [], id="14.A14-parse-bare-vitamin-is-not-a-claim"),
    pytest.param("With added sugar", [], id="14.A14-parse-added-sugar-is-not-vitamin"),
    pytest.param("Enriched with love", [], id="14.A14-parse-enriched-with-no-nutrient"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_fortification_parsing(text: str, expected: list[tuple[str, str]]) -> None:
    assert fortified(text) == expected


def a14(facts: LabelFacts, context: ProductContext = CTX) -> list[str]:
    return sorted(f.verdict.value for f in health_claims.check(facts, context) if f.rule == "14.A14")


JUDGE_CASES = [
    pytest.param("Fortified with iron", {"iron": (2, 11)}, ["pass"], id="14.A14-iron-11pct-passes"),
    pytest.param("Fortified with iron", {"iron": (0.5, 3)}, ["fail"], id="14.A14-iron-3pct-fails"),
    pytest.param("Enrichi en fer", {"iron": (2, None)}, ["fail"], id="14.A14-fer-no-percent-fails"),
    pytest.param(
        "Enriched with calcium and vitamins A and D",
        {"calcium": (300, 23), "vitamin_a": (100, 11), "vitamin_d": (2, 10)},
        ["pass", "pass", "pass"],
        id="14.A14-list-all-declared-pass",
    ),
    pytest.param(
        "Enriched with calcium and vitamins A and D",
        {"calcium": (300, 23), "vitamin_a": (100, 11)},
        ["fail", "pass", "pass"],
        id="14.A14-list-vitamin-d-not-declared-fails",
    ),
    pytest.param("With added vitamin D", {"vitamin_d": (0.6, 3)}, ["fail"], id="14.A14-vitamin-d-3pct-fails"),
    pytest.param("Fortified with vitamins and minerals", {}, ["needs_review"], id="14.A14-unnamed-needs-review"),
]


@pytest.mark.parametrize(("text", "rows", "expected"), JUDGE_CASES)
def test_fortification_judged_per_nutrient(
    text: str, rows: dict[str, tuple[float, float | None]], expected: list[str]
) -> None:
    facts = nft_label(nutrition_table(**rows), claims=[claim(text)])
    assert a14(facts) == expected


def test_fortification_is_not_a_tpncsc_claim_for_children_under_4() -> None:
    """B.01.503(2) limits the claims of the TPNCSC's column 4; "iron-fortified" is a D.02.002 statement instead."""
    context = CTX.model_copy(update={"intended_solely_for_children_under_4": True})
    facts = nft_label(nutrition_table(iron=(5.5, 50)), claims=[claim("Iron-fortified")])
    findings = [f for f in health_claims.check(facts, context) if f.rule in ("14.A6", "14.A14")]
    assert [(f.rule, f.verdict.value) for f in findings] == [("14.A14", "pass")]


def test_ingredient_list_and_enriched_flour_are_not_claims() -> None:
    front = "Crackers\nCraquelins\n200 g"
    back = (
        "Ingredients: Enriched wheat flour, Canola oil, Vitamin D3, Reduced iron.\n"
        "Ingrédients : Farine de blé enrichie, Huile de canola, Vitamine D3, Fer réduit."
    )
    facts = parse_label([make_panel("front", front), make_panel("back", back)])
    assert [c.text for c in facts.claims if c.kind == "nutrient_content"] == []
    assert a14(facts) == []


def test_name_with_its_fortification_stays_the_common_name() -> None:
    """ "Oat beverage with added calcium" is the food's name and a statement about calcium: the claim words must not
    take the line away from the common name (a false 1.1 fail)."""
    front = "PRAIRIE\nOat Beverage with added calcium\nBoisson d'avoine additionnée de calcium\n1.75 L"
    facts = parse_label([make_panel("front", front)])
    assert [n.text for n in facts.common_names] == [
        "Oat Beverage with added calcium",
        "Boisson d'avoine additionnée de calcium",
    ]
    assert [(p.subject, p.language) for c in facts.claims for p in claim_parse.parse(c.text)] == [
        ("calcium", "en"),
        ("calcium", "fr"),
    ]
