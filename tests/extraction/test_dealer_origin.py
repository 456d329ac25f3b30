"""Dealer name and address, "Imported by / Importé par" and origin statements."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]


@pytest.mark.parametrize(
    ("text", "dealer"),
    [
        pytest.param(
            "Maple Grove Foods Inc.\n412 Woolwich St., Guelph, Ontario N1H 3W4",
            "Maple Grove Foods Inc., 412 Woolwich St., Guelph, Ontario N1H 3W4",
            id="3.1-company-and-address",
        ),
        pytest.param(
            "Distributed by / Distribué par :\nNorthern Pantry\nToronto, ON M5V 2T6",
            "Northern Pantry, Toronto, ON M5V 2T6",
            id="3.1-distributed-by",
        ),
        pytest.param(
            "Les Aliments Boréal Ltée\n1200, boul. René-Lévesque\nQuébec (Québec) G1R 5S9",
            "Les Aliments Boréal Ltée, 1200, boul. René-Lévesque, Québec (Québec) G1R 5S9",
            id="2.2-french-only-dealer",
        ),
        pytest.param(
            "Sunny Acres Beverages\nwww.sunnyacres.com", "Sunny Acres Beverages, www.sunnyacres.com", id="3.2-website"
        ),
        pytest.param("Questions? 1-800-555-0199", "Questions? 1-800-555-0199", id="3.2-phone-only"),
    ],
)
def test_dealer(parse: Parse, text: str, dealer: str) -> None:
    assert [d.text for d in parse(back=text).dealer] == [dealer]


@pytest.mark.parametrize(
    "source",
    [
        "Source: Saint-Élie-de-Caxton, Quebec\nSource : Saint-Élie-de-Caxton (Québec)\n",
        "Source location / Lieu de la source : Hope, British Columbia\n",
        "Spring source: Hope, BC\n",
        "Spring: Hope, British Columbia\n",
        "Underground source – Hope, British Columbia\n",
    ],
)
def test_water_source_location_is_not_the_dealer(parse: Parse, source: str) -> None:
    """Where a water is drawn (FDR B.12.002(a)) is no dealer name and place of business (SFCR 208(1)(b)); the
    dealer's address on "chemin de la Source" still is."""
    facts = parse(
        back=f"{source}\nEaux Boisées inc.\n1250, chemin de la Source, Saint-Élie-de-Caxton (Québec) G1X 2N1\n",
    )
    assert [d.text for d in facts.dealer] == [
        "Eaux Boisées inc., 1250, chemin de la Source, Saint-Élie-de-Caxton (Québec) G1X 2N1"
    ]
    assert source.splitlines()[0] in [s.text for s in facts.other_statements]


def test_imported_by_gives_the_statement_and_the_dealer(parse: Parse) -> None:
    facts = parse(
        side=(
            "Imported by / Importé par :\nBella Tavola Imports Inc.\n"
            "2250 Rue Guénette, Saint-Laurent (Québec) H4R 2E9\nProduct of Italy / Produit d'Italie\n"
        )
    )
    assert [(i.text, i.language) for i in facts.imported_by] == [
        (
            "Imported by / Importé par : Bella Tavola Imports Inc., 2250 Rue Guénette, Saint-Laurent (Québec) H4R 2E9",
            "bilingual",
        )
    ]
    assert [d.text for d in facts.dealer] == [
        "Bella Tavola Imports Inc., 2250 Rue Guénette, Saint-Laurent (Québec) H4R 2E9"
    ]
    assert [(o.text, o.language) for o in facts.origin_statements] == [
        ("Product of Italy", "en"),
        ("Produit d'Italie", "fr"),
    ]
    assert facts.origin_statements[0].source.line_start == 3


def test_imported_for_on_one_line(parse: Parse) -> None:
    facts = parse(back="Imported for: Polar Goods Ltd., Vancouver, BC V6B 1A1")
    assert [i.text for i in facts.imported_by] == ["Imported for: Polar Goods Ltd., Vancouver, BC V6B 1A1"]
    assert [d.text for d in facts.dealer] == ["Polar Goods Ltd., Vancouver, BC V6B 1A1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Made in Canada from domestic and imported ingredients.",
            [("Made in Canada from domestic and imported ingredients.", "en")],
            id="3.8-made-in-canada-qualified",
        ),
        pytest.param(
            "Made in Canada from domestic and/or\nimported ingredients.",
            [("Made in Canada from domestic and/or imported ingredients.", "en")],
            id="3.8-wrapped-and-or",
        ),
        pytest.param(
            "Fabriqué au Canada à partir d'ingrédients importés.",
            [("Fabriqué au Canada à partir d'ingrédients importés.", "fr")],
            id="3.8-fabrique-au-canada",
        ),
        pytest.param(
            "Product of France and United States",
            [("Product of France and United States", "en")],
            id="3.6-two-countries",
        ),
        pytest.param("Printed in Canada", [("Printed in Canada", "en")], id="3.10-printed-in"),
    ],
)
def test_origin_statements(parse: Parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.text, o.language) for o in parse(back=text).origin_statements] == expected
