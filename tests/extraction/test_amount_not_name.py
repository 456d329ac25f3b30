"""A statement of an amount ("Total fluoride ion: 0.1 ppm", "Vitamin C content: 60 mg") is never the common name.

A common name names the food (FDR B.01.001); a line saying how much of something the food holds describes it. The
rule holds for any product: each row is a realistic front where such a line sits next to the real name, which must
win, in the one-line ("EN / FR : amount") and the two-line bilingual form.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.extraction.amount_lines import is_amount_statement
from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]

WATER_BACK = (
    "Ingredients: Purified water, Ozone.\nIngrédients : Eau purifiée, Ozone.\n"
    "Eaux Clairo inc.\n45, rue Principale, Granby (Québec) J2G 2T7\n"
)
JUICE_BACK = (
    "Ingredients: Orange juice from concentrate, Ascorbic acid.\n"
    "Ingrédients : Jus d'orange fait de concentré, Acide ascorbique.\n"
    "Sunny Grove Beverages Inc., Mississauga, Ontario L5T 2N7\n"
)
OATS_BACK = "Ingredients: Whole grain oats.\nIngrédients : Avoine à grains entiers.\n"


@pytest.mark.parametrize(
    ("front", "back", "names"),
    [
        pytest.param(
            "CLAIRO\nPurified Water\nEau purifiée\n500 mL\n"
            "Total fluoride ion content / Teneur totale en ions fluorure : 0.1 ppm\n",
            WATER_BACK,
            [("Purified Water", "en"), ("Eau purifiée", "fr")],
            id="water-fluoride-one-line-bilingual",
        ),
        pytest.param(
            "CLAIRO\nPurified Water\nEau purifiée\n500 mL\n"
            "Total fluoride ion content: 0.1 ppm\nTeneur totale en ions fluorure : 0,1 ppm\n",
            WATER_BACK,
            [("Purified Water", "en"), ("Eau purifiée", "fr")],
            id="water-fluoride-two-line-bilingual",
        ),
        pytest.param(
            "CLAIRO\nPurified Water\nEau purifiée\n500 mL\nFluoride: 0.1 ppm\nFluorure : 0,1 ppm\n",
            WATER_BACK,
            [("Purified Water", "en"), ("Eau purifiée", "fr")],
            id="water-short-fluoride-label",
        ),
        pytest.param(
            "SUNNY GROVE\nVitamin C content: 60 mg / Teneur en vitamine C : 60 mg\nOrange Juice\nJus d'orange\n1 L\n",
            JUICE_BACK,
            [("Orange Juice", "en"), ("Jus d'orange", "fr")],
            id="juice-vitamin-c-above-the-name",
        ),
        pytest.param(
            "HIGHLAND\nOat Bran Cereal\nCéréales de son d'avoine\nIron content 4 mg per serving\n"
            "Teneur en fer 4 mg par portion\n450 g\n",
            OATS_BACK,
            [("Oat Bran Cereal", "en"), ("Céréales de son d'avoine", "fr")],
            id="cereal-iron-content-without-colon",
        ),
    ],
)
def test_amount_statement_is_not_the_common_name(
    parse: Parse, front: str, back: str, names: list[tuple[str, str]]
) -> None:
    facts = parse(front=front, back=back)
    assert [(n.text, n.language) for n in facts.common_names] == names
    # the statement stays on the label (an other statement, or a claim), for the checkers that read it
    statement = next(line for line in front.splitlines() if ":" in line or "content" in line)
    kept = [s.text for s in facts.other_statements] + [c.text for c in facts.claims]
    assert any(statement in text or text in statement for text in kept), kept


@pytest.mark.parametrize(
    "text",
    ["Partly Skimmed Milk 2% M.F.", "Lait partiellement écrémé 2 % M.G.", "70% Dark Chocolate", "Purified Water"],
)
def test_a_name_with_a_number_is_still_a_name(text: str) -> None:
    assert not is_amount_statement(text)


def test_partly_skimmed_milk_keeps_its_percentage_name(parse: Parse) -> None:
    facts = parse(front="PRAIRIE\nPartly Skimmed Milk 2% M.F.\nLait partiellement écrémé 2 % M.G.\n2 L\n", back="")
    assert [n.text for n in facts.common_names] == ["Partly Skimmed Milk 2% M.F.", "Lait partiellement écrémé 2 % M.G."]
