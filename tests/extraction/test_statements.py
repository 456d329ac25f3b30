"""Front-of-package symbol text, irradiation and sweetener statements, phenylalanine statements and
supplemented-food elements."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]
FRONT = "Good Crunch\nCookies\nBiscuits\n{}\n300 g"


@pytest.mark.parametrize(
    ("symbol", "text"),
    [
        pytest.param(
            "High in / Élevé en\nSat fat / Gras sat.\nSugars / Sucres\nHealth Canada / Santé Canada",
            "High in / Élevé en Sat fat / Gras sat. Sugars / Sucres Health Canada / Santé Canada",
            id="7.13-bilingual-vertical",
        ),
        pytest.param(
            "HIGH IN SODIUM  Health Canada\nÉLEVÉ EN SODIUM  Santé Canada",
            "HIGH IN SODIUM Health Canada ÉLEVÉ EN SODIUM Santé Canada",
            id="7.13-two-unilingual-lines",
        ),
        pytest.param("High in / Élevé en\nSodium", "High in / Élevé en Sodium", id="7.13-authority-not-read"),
    ],
)
def test_fop_symbol_text(parse: Parse, symbol: str, text: str) -> None:
    facts = parse(front=FRONT.format(symbol))
    assert [f.text for f in facts.fop_symbol] == [text]
    assert facts.claims == []
    assert [(n.text, n.language) for n in facts.common_names] == [("Cookies", "en"), ("Biscuits", "fr")]


def test_high_in_fibre_is_a_claim_not_the_symbol(parse: Parse) -> None:
    facts = parse(front=FRONT.format("High in fibre"))
    assert facts.fop_symbol == []
    assert [(c.kind, c.text) for c in facts.claims] == [("nutrient_content", "High in fibre")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Irradiated / Irradié", ["Irradiated", "Irradié"], id="4.2-irradiated-pair"),
        pytest.param("Treated with radiation", ["Treated with radiation"], id="4.2-treated-with-radiation"),
        pytest.param("Traité par irradiation", ["Traité par irradiation"], id="4.2-fr"),
        pytest.param("Do not irradiate again", ["Do not irradiate again"], id="4.5-shipping-container"),
    ],
)
def test_irradiation_statements(parse: Parse, text: str, expected: list[str]) -> None:
    assert [s.text for s in parse(front=text).irradiation] == expected


def test_irradiated_ingredient_inside_the_list_is_left_to_the_list(parse: Parse) -> None:
    facts = parse(back="Ingredients: Beef, Irradiated onion powder, Salt.")
    assert facts.irradiation == []
    assert facts.ingredients[0].ingredients[1].name == "Irradiated onion powder"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("As sweet as 2 tsp of sugar", "en", id="11.4-as-sweet-as"),
        pytest.param("Aussi sucré que 2 c. à thé de sucre", "fr", id="11.4-aussi-sucre-que"),
        pytest.param("Contains 5 g polydextrose per serving", "en", id="11.5-polydextrose"),
        pytest.param("Contient 5 g de polydextrose par portion", "fr", id="11.5-polydextrose-fr"),
    ],
)
def test_sweetener_statements(parse: Parse, text: str, language: str) -> None:
    facts = parse(back=text)
    assert [(s.text, s.language) for s in facts.sweetener_statements] == [(text, language)]
    assert facts.contains == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Phenylketonurics: Contains phenylalanine.", id="11.2-phenylketonurics"),
        pytest.param("Aspartame contains phenylalanine.", id="11.2-aspartame-contains"),
        pytest.param("Phénylcétonuriques : contient de la phénylalanine.", id="11.2-fr"),
    ],
)
def test_phenylalanine_statement(parse: Parse, text: str) -> None:
    facts = parse(back=f"Ingredients: Water, Citric acid, Aspartame.\n{text}\nContains: Milk.")
    assert [p.text for p in facts.phenylalanine_statements] == [text]
    assert [s.items for s in facts.contains] == [["Milk"]]
    assert facts.ingredients[0].text == "Water, Citric acid, Aspartame."


def test_supplemented_food_elements(parse: Parse) -> None:
    facts = parse(
        front="ZING\nEnergy Drink\nBoisson énergisante\nSupplemented food / Aliment supplémenté\n"
        "See Caution / Voir Attention\n473 mL\n",
        back=(
            "Supplemented Food Facts\nAliment supplémenté - Renseignements\n"
            "Per 1 can (473 mL) / par canette (473 mL)\nCalories 210\nFat / Lipides 0 g   0 %\n"
            "Caffeine / Caféine 180 mg\n\n"
            "Caution: Not recommended for children. Do not consume more than 1 can per day.\n"
            "Attention : Non recommandé aux enfants. Ne pas consommer plus de 1 canette par jour.\n"
        ),
    )
    sf = facts.supplemented
    assert sf is not None
    assert sf.sfft_title == "Supplemented Food Facts Aliment supplémenté - Renseignements"
    assert sf.caution_title == "Caution: / Attention :"
    assert [(s.text, s.language) for s in sf.caution_statements] == [
        ("Not recommended for children.", "en"),
        ("Do not consume more than 1 can per day.", "en"),
        ("Non recommandé aux enfants.", "fr"),
        ("Ne pas consommer plus de 1 canette par jour.", "fr"),
    ]
    assert sf.identifier_text == "Supplemented food / Aliment supplémenté See Caution / Voir Attention"
    assert facts.nutrition_facts is None
    assert [(n.text, n.language) for n in facts.common_names] == [
        ("Energy Drink", "en"),
        ("Boisson énergisante", "fr"),
    ]
    assert facts.other_statements == []


def test_no_supplemented_elements_on_an_ordinary_label(parse: Parse) -> None:
    assert parse(front="Tomato Soup\nSoupe aux tomates\n540 mL").supplemented is None


@pytest.mark.parametrize(
    ("front", "quantities"),
    [
        pytest.param("Apple Juice\nJus de pomme\n1.5 L", ["1.5 L"], id="3.12-litres"),
        pytest.param("Rice\nRiz\nNet 500 g / Poids net 500 g", ["500 g", "500 g"], id="3.14-net-words"),
        pytest.param("Honey\nMiel\n½ kg", ["½ kg"], id="3.13-fraction-kept-as-printed"),
        pytest.param("Oil\nHuile\n946 mL (32 fl oz)", ["946 mL (32 fl oz)"], id="3.17-metric-with-imperial"),
        pytest.param("Cheese\nFromage\n200 G", ["200 G"], id="3.14-capital-G-kept"),
    ],
)
def test_net_quantity_as_printed(parse: Parse, front: str, quantities: list[str]) -> None:
    facts = parse(front=front)
    assert [q.text for q in facts.net_quantity] == quantities
    assert all(q.source.panel == "front" for q in facts.net_quantity)
