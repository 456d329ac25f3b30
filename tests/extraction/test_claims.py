"""Claims in free text, by kind and language, with the certifier printed near halal/kosher/organic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]

CLAIMS = [
    ("Source of fibre", "nutrient_content", "en"),
    ("Source de fibres", "nutrient_content", "fr"),
    ("Excellent source of protein", "nutrient_content", "en"),
    ("Low in fat", "nutrient_content", "en"),
    ("Faible teneur en gras saturés", "nutrient_content", "fr"),
    ("Sodium-free", "nutrient_content", "en"),
    ("No added sugar", "nutrient_content", "en"),
    ("Sans sucre ajouté", "nutrient_content", "fr"),
    ("Light", "nutrient_content", "en"),
    ("Léger", "nutrient_content", "fr"),
    ("Very low sodium", "nutrient_content", "en"),
    ("Élevé en fibres", "nutrient_content", "fr"),
    ("Helps reduce cholesterol", "health", "en"),
    ("Aide à réduire le cholestérol", "health", "fr"),
    ("All natural", "natural", "en"),
    ("Naturel", "natural", "fr"),
    ("Kosher", "kosher", "en"),
    ("Casher", "kosher", "fr"),
    ("כשר", "kosher", "other"),
    ("Halal", "halal", "bilingual"),
    ("حلال", "halal", "other"),
    ("Organic", "organic", "en"),
    ("Biologique", "organic", "fr"),
    ("85% organic ingredients", "organic", "en"),
    ("85 % d'ingrédients biologiques", "organic", "fr"),
    ("Homemade", "homemade", "en"),
    ("Fait maison", "homemade", "fr"),
    ("Artisan", "artisan", "bilingual"),
    ("Gluten-free", "gluten_free", "en"),
    ("Sans gluten", "gluten_free", "fr"),
    ("Low gluten", "gluten_free", "en"),
    ("Peanut-free", "allergen_free", "en"),
    ("Sans arachides", "allergen_free", "fr"),
    ("Non-GMO", "ge", "en"),
    ("Sans OGM", "ge", "fr"),
    ("Raised without the use of antibiotics", "raising", "en"),
    ("Élevé sans antibiotiques", "raising", "fr"),
    ("Hormone free", "raising", "en"),
    ("Sweetened with stevia", "sweetener", "en"),
]


@pytest.mark.parametrize(("text", "kind", "language"), [pytest.param(*row, id=f"{row[1]}-{row[0]}") for row in CLAIMS])
def test_claim_kind_and_language(parse: Parse, text: str, kind: str, language: str) -> None:
    facts = parse(back=text)
    assert [(c.kind, c.text, c.language) for c in facts.claims] == [(kind, text, language)]
    assert facts.other_statements == []


def test_health_claim_sentence_over_three_lines(parse: Parse) -> None:
    facts = parse(
        back=(
            "A healthy diet low in saturated and trans fats may\n"
            "reduce the risk of heart disease. Sunny Oats is free of\n"
            "saturated and trans fats.\n"
        )
    )
    health = [c for c in facts.claims if c.kind == "health"]
    assert [c.text for c in health] == [
        "A healthy diet low in saturated and trans fats may reduce the risk of heart disease."
    ]
    assert (health[0].source.line_start, health[0].source.line_end) == (0, 1)
    nutrient = [c.text for c in facts.claims if c.kind == "nutrient_content"]
    assert "Sunny Oats is free of saturated and trans fats." in nutrient


def test_claim_pair_on_one_line_gives_two_claims(parse: Parse) -> None:
    facts = parse(front="Peanut-free / Sans arachides")
    assert [(c.text, c.language) for c in facts.claims] == [("Peanut-free", "en"), ("Sans arachides", "fr")]


@pytest.mark.parametrize(
    ("panels", "certifier"),
    [
        pytest.param(
            {"back": "Certified Halal by the Halal Monitoring Authority (HMA)."},
            "the Halal Monitoring Authority (HMA)",
            id="8.3-certifier-in-the-claim",
        ),
        pytest.param(
            {
                "front": "HALAL\nHalal Bites\nBouchées halal\n200 g",
                "back": "Certified by: ISNA Halal Certification Agency",
            },
            "ISNA Halal Certification Agency",
            id="8.3-certifier-on-another-panel",
        ),
        pytest.param({"back": "Halal"}, "", id="8.3-no-certifier"),
        pytest.param(
            {"back": "Organic\nCertified organic by Ecocert Canada"}, "Ecocert Canada", id="8.8-organic-certifier"
        ),
        pytest.param({"back": "Certifié biologique par Québec Vrai"}, "Québec Vrai", id="8.8-organic-certifier-fr"),
    ],
)
def test_certifier(parse: Parse, panels: dict[str, str], certifier: str) -> None:
    facts = parse(**panels)
    certified = [c for c in facts.claims if c.kind in ("halal", "organic")]
    assert certified
    assert {c.certifier for c in certified} == {certifier}


def test_words_inside_an_ingredient_list_are_not_claims(parse: Parse) -> None:
    facts = parse(back="Ingredients: Organic oats, Natural flavour, Gluten-free oat flour.")
    assert facts.claims == []


def test_organic_common_name_stays_the_common_name(parse: Parse) -> None:
    facts = parse(
        front=(
            "NEW!\nNature's Harvest®\nOrganic Rolled Oats\nFlocons d'avoine biologiques\n"
            "Canada Organic / Biologique Canada\nCertified organic by Ecocert Canada\n1 kg"
        )
    )
    assert [(n.text, n.language) for n in facts.common_names] == [
        ("Organic Rolled Oats", "en"),
        ("Flocons d'avoine biologiques", "fr"),
    ]
    assert [b.text for b in facts.brand] == ["Nature's Harvest®"]
    assert ("Canada Organic", "en") in [(c.text, c.language) for c in facts.claims]
    assert ("Biologique Canada", "fr") in [(c.text, c.language) for c in facts.claims]
    assert {c.certifier for c in facts.claims} == {"Ecocert Canada"}
    assert [q.text for q in facts.net_quantity] == ["1 kg"]
