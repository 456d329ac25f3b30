"""Brand and common name on the principal display panel (cfia-rules.md 1.1, 1.2).

A brand is not a common name (CFIA ILT, common name): a front that shows only a brand, a net
quantity and claims has no common name, and the parser must say so (an empty `common_names`) so the
common-name checker can fail rule 1.1. Each row is a realistic front; most share one back panel whose
dealer name does not start with the brand, so the brand is found from the front alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]

BACK = """\
Ingredients: Whole wheat flour, Canola oil, Salt, Sesame seeds, Barley malt extract.
Contains: Wheat, Sesame, Barley.
Ingrédients : Farine de blé entier, Huile de canola, Sel, Graines de sésame, Extrait de malt d'orge.
Contient : Blé, Sésame, Orge.
Distributed by / Distribué par:
Greenfield Foods Inc., Toronto, Ontario M5V 2T6
"""


@pytest.mark.parametrize(
    ("front", "brands", "names"),
    [
        pytest.param(
            "NORTHERN MILL\nSesame Crackers\nCraquelins au sésame\n200 g",
            ["NORTHERN MILL"],
            [("Sesame Crackers", "en"), ("Craquelins au sésame", "fr")],
            id="1.1-caps-brand-then-name-en-fr",
        ),
        pytest.param(
            "NORTHERN MILL\n200 g\nSource of fibre / Source de fibres",
            ["NORTHERN MILL"],
            [],
            id="1.1-caps-brand-only-front-has-no-common-name",
        ),
        pytest.param(
            "Northern Mill\nSource of fibre\nSource de fibres\n200 g",
            ["Northern Mill"],
            [],
            id="1.1-title-case-brand-only-is-not-the-name",
        ),
        pytest.param(
            "Greenfield\n200 g\nLow in fat / Faible teneur en lipides",
            ["Greenfield"],
            [],
            id="1.1-brand-that-starts-the-dealer-name-alone",
        ),
        pytest.param(
            "NORTHERN\n200 g",
            ["NORTHERN"],
            [],
            id="1.1-one-word-caps-brand-alone",
        ),
        pytest.param(
            "Harvest Table\nSoupe aux tomates\n540 mL",
            ["Harvest Table"],
            [("Soupe aux tomates", "fr")],
            id="1.2-brand-not-taken-for-the-missing-english-name",
        ),
        pytest.param(
            "Northern Mill\nWhole Wheat Crackers\nCraquelins de blé entier\n200 g",
            ["Northern Mill"],
            [("Whole Wheat Crackers", "en"), ("Craquelins de blé entier", "fr")],
            id="1.1-mixed-case-brand-above-the-name",
        ),
        pytest.param(
            "Northern Mill\nStone Ground Whole Wheat\nCrackers\nCraquelins de blé entier\nmoulu sur pierre\n200 g",
            ["Northern Mill"],
            [("Stone Ground Whole Wheat Crackers", "en"), ("Craquelins de blé entier moulu sur pierre", "fr")],
            id="1.1-name-wrapped-over-two-lines-gives-the-full-name",
        ),
        pytest.param(
            "Stone Ground Whole Wheat\nCrackers\nCraquelins de blé entier\nmoulu sur pierre\n200 g",
            [],
            [("Stone Ground Whole Wheat Crackers", "en"), ("Craquelins de blé entier moulu sur pierre", "fr")],
            id="1.1-wrapped-name-without-brand-not-cut-into-a-brand",
        ),
        pytest.param(
            "NORTHERN MILL\nCream of Mushroom\nSoup\nCrème de champignons\n540 mL",
            ["NORTHERN MILL"],
            [("Cream of Mushroom Soup", "en"), ("Crème de champignons", "fr")],
            id="1.1-english-name-wraps-french-does-not",
        ),
        pytest.param(
            "NORTHERN MILL\nNew! / Nouveau!\nSesame Crackers\nCraquelins au sésame\n200 g",
            ["NORTHERN MILL"],
            [("Sesame Crackers", "en"), ("Craquelins au sésame", "fr")],
            id="1.1-new-nouveau-tag-is-not-the-name",
        ),
        pytest.param(
            "Northern Mill\nFamily size\nSesame Crackers\nCraquelins au sésame\n400 g",
            ["Northern Mill"],
            [("Sesame Crackers", "en"), ("Craquelins au sésame", "fr")],
            id="1.1-family-size-tag-is-not-the-name-nor-joined-to-it",
        ),
        pytest.param(
            "Northern Mill\nFamily size / Format familial\nSesame Crackers\nCraquelins au sésame\n400 g",
            ["Northern Mill"],
            [("Sesame Crackers", "en"), ("Craquelins au sésame", "fr")],
            id="1.1-bilingual-size-tag-is-not-the-name",
        ),
        pytest.param(
            "NORTHERN MILL\nNew!\n200 g",
            ["NORTHERN MILL"],
            [],
            id="1.1-brand-and-tag-only-has-no-common-name",
        ),
        pytest.param(
            "Northern Mill®\nGluten free / Sans gluten\n200 g",
            ["Northern Mill®"],
            [],
            id="1.1-trade-marked-brand-with-claims-only",
        ),
        pytest.param(
            "TOMATO SOUP\nSOUPE AUX TOMATES\n540 mL",
            [],
            [("TOMATO SOUP", "en"), ("SOUPE AUX TOMATES", "fr")],
            id="1.1-capitalised-name-without-brand-stays-the-name",
        ),
        pytest.param(
            "Pita Bread\nPain pita de blé\n6 pitas\n360 g",
            [],
            [("Pita Bread", "en"), ("Pain pita de blé", "fr")],
            id="1.2-name-unknown-to-the-lexicon-shares-a-word-with-the-french",
        ),
        pytest.param(
            "NORTHERN MILL\nSesame Crackers\nMade with whole grain"
            "\nCraquelins au sésame\nFaits de grains entiers\n200 g",
            ["NORTHERN MILL"],
            [("Sesame Crackers", "en"), ("Craquelins au sésame", "fr")],
            id="1.1-descriptor-under-the-name-is-not-joined-to-it",
        ),
        pytest.param(
            "NORTHERN MILL\nSesame Crackers\nCraquelins au sésame"
            "\nMade with whole grain\nFaits de grains entiers\n200 g",
            ["NORTHERN MILL"],
            [("Sesame Crackers", "en"), ("Craquelins au sésame", "fr")],
            id="1.1-descriptor-pair-after-the-name-pair",
        ),
        pytest.param(
            "NORTHERN MILL\nMulti-\ngrain Crackers\nCraquelins multi-\ngrains\n200 g",
            ["NORTHERN MILL"],
            [("Multi-grain Crackers", "en"), ("Craquelins multi-grains", "fr")],
            id="1.1-name-hyphenated-across-lines-keeps-its-hyphen",
        ),
        pytest.param(
            "Harvest Table\nTomato Soup / Soupe aux tomates\n540 mL",
            ["Harvest Table"],
            [("Tomato Soup", "en"), ("Soupe aux tomates", "fr")],
            id="1.1-name-pair-on-one-line",
        ),
    ],
)
def test_brand_and_common_name(parse: Parse, front: str, brands: list[str], names: list[tuple[str, str]]) -> None:
    facts = parse(front=front, back=BACK)
    assert [b.text for b in facts.brand] == brands
    assert [(n.text, n.language) for n in facts.common_names] == names


def test_wrapped_name_points_at_both_lines(parse: Parse) -> None:
    facts = parse(
        front="Northern Mill\nStone Ground Whole Wheat\nCrackers\nCraquelins de blé entier\nmoulu sur pierre\n200 g",
        back=BACK,
    )
    english, french = facts.common_names
    assert (english.source.line_start, english.source.line_end) == (1, 2)
    assert (french.source.line_start, french.source.line_end) == (3, 4)
    assert english.evidence == "Stone Ground Whole Wheat\nCrackers"
    # the wrapped lines are the name, not left over as other statements
    assert not any("moulu" in o.text or o.text == "Crackers" for o in facts.other_statements)


def test_tag_line_stays_as_an_other_statement(parse: Parse) -> None:
    facts = parse(front="NORTHERN MILL\nNew! / Nouveau!\nSesame Crackers\nCraquelins au sésame\n200 g", back=BACK)
    assert [o.text for o in facts.other_statements if o.source.panel == "front"] == ["New! / Nouveau!"]


def test_brand_only_front_fails_the_common_name_rule(parse: Parse) -> None:
    """End to end: the checker sees no common name and fails 1.1 (it used to pass on the brand)."""
    from labeliq.checks.common_name.checker import check
    from labeliq.models import ProductContext

    facts = parse(front="NORTHERN MILL\n200 g\nSource of fibre / Source de fibres", back=BACK)
    verdicts = {f.verdict.value for f in check(facts, ProductContext()) if f.rule == "1.1"}
    assert verdicts == {"fail"}


FRENCH_DEALER_BACK = """\
Ingredients: Pork, Water, Salt, Sugar, Sodium nitrite.
Ingrédients : Porc, Eau, Sel, Sucre, Nitrite de sodium.
Charcuterie Boréale Ltée
88 Industrial Rd., Brandon, Manitoba R7A 5Y6
"""
CHOCOLATE_BACK = """\
Ingredients: Sugar, Cocoa butter, Milk ingredients, Unsweetened chocolate, Soy lecithin.
Ingrédients : Sucre, Beurre de cacao, Substances laitières, Chocolat non sucré, Lécithine de soya.
Northern Lights Confectionery Ltd., 1200 Boundary Rd., Burnaby, British Columbia V5K 4T7
"""


@pytest.mark.parametrize(
    ("front", "back", "brands", "names"),
    [
        pytest.param(
            "BORÉALE\nSliced Smoked Ham\nJambon fumé tranché\n175 g",
            FRENCH_DEALER_BACK,
            ["BORÉALE"],
            [("Sliced Smoked Ham", "en"), ("Jambon fumé tranché", "fr")],
            id="1.1-accented-caps-brand-inside-a-french-company-name",
        ),
        pytest.param(
            "RIVIÈRE-ROUGE\nMedium Cheddar Cheese\nFromage cheddar mi-fort\n270 g",
            BACK,
            ["RIVIÈRE-ROUGE"],
            [("Medium Cheddar Cheese", "en"), ("Fromage cheddar mi-fort", "fr")],
            id="1.1-accented-caps-brand-without-food-words",
        ),
        pytest.param(
            "NORTHERN LIGHTS\nMilk Chocolate\nChocolat au lait\n45 g",
            CHOCOLATE_BACK,
            ["NORTHERN LIGHTS"],
            [("Milk Chocolate", "en"), ("Chocolat au lait", "fr")],
            id="1.2-name-made-of-its-own-ingredients-is-the-name",
        ),
        pytest.param(
            "NORTHERN LIGHTS\nDark Chocolate Bar\nCOCOA & SUGAR / CACAO ET SUCRE\n45 g",
            CHOCOLATE_BACK,
            ["NORTHERN LIGHTS"],
            [("Dark Chocolate Bar", "en")],
            id="1.2-ingredient-pair-under-the-name-is-a-variety",
        ),
    ],
)
def test_brand_and_name_on_new_product_types(
    parse: Parse, front: str, back: str, brands: list[str], names: list[tuple[str, str]]
) -> None:
    facts = parse(front=front, back=back)
    assert [b.text for b in facts.brand] == brands
    assert [(n.text, n.language) for n in facts.common_names] == names
