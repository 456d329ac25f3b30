"""The language guesser and the splitting of side-by-side columns into reading order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.extraction.language import guess_language
from labeliq.extraction.segment import panel_lines
from labeliq.models import LabelFacts, Panel

Parse = Callable[..., LabelFacts]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Oat & Honey Granola Bars", "en"),
        ("Barres granola à l'avoine et au miel", "fr"),
        ("Ingredients : Eau, sucre, sel", "fr"),  # accents lost by OCR: the words still say French
        ("Keep refrigerated", "en"),
        ("Garder refrigere", "fr"),
        ("Best before / Meilleur avant", "bilingual"),
        ("Información nutricional", "other"),
        ("Grasa / Grasas saturadas", "other"),
        ("Sodium", "unknown"),
        ("", "unknown"),
    ],
)
def test_guess_language(text: str, language: str) -> None:
    assert guess_language(text) == language


def test_side_by_side_block_is_read_column_by_column() -> None:
    panel = Panel(
        name="back",
        text=(
            "Ingredients: Water, Tomato paste,       Ingrédients : Eau, Pâte de tomates,\n"
            "Salt, Spices.                           Sel, Épices.\n"
            "                                        Contient : Blé.\n"
            "Contains: Wheat.\n"
        ),
    )
    lines = [(line.index, line.text) for line in panel_lines(panel)]
    assert lines == [
        (0, "Ingredients: Water, Tomato paste,"),
        (1, "Salt, Spices."),
        (3, "Contains: Wheat."),
        (3, ""),
        (0, "Ingrédients : Eau, Pâte de tomates,"),
        (1, "Sel, Épices."),
        (2, "Contient : Blé."),
    ]


def test_nutrition_table_gaps_are_not_columns() -> None:
    panel = Panel(
        name="back",
        text="Nutrition Facts\nValeur nutritive\nCalories 150            % Daily Value*\nFat / Lipides 5 g      7 %\n",
    )
    assert [line.text for line in panel_lines(panel)] == [
        "Nutrition Facts",
        "Valeur nutritive",
        "Calories 150 % Daily Value*",
        "Fat / Lipides 5 g 7 %",
    ]


def test_stray_marks_are_removed_but_the_raw_text_is_kept() -> None:
    (line,) = panel_lines(Panel(name="front", text="| • Tomato  S0up ~"))
    assert line.text == "Tomato Soup"
    assert line.raw == "| • Tomato  S0up ~"


THREE_COLUMNS = """\
Ingredients: Wheat flour, Water,       Ingrédients : Farine de blé, Eau,       Ingredientes: Harina de trigo, agua,
Salt, Yeast.                           Sel, Levure.                            sal, levadura.
Contains: Wheat.                       Contient : Blé.                         Contiene: Trigo.
"""
FRENCH_FIRST_THEN_SPANISH = """\
Ingrédients : Farine de blé, Eau, Sel, Levure.
Contient : Blé.
Ingredients: Wheat flour, Water, Salt, Yeast.
Contains: Wheat.
Ingredientes: Harina de trigo, agua, sal, levadura.
Contiene: Trigo.
"""
ENGLISH_AND_SPANISH_COLUMNS_FRENCH_BELOW = """\
Ingredients: Wheat flour, Water, Salt, Yeast.    Ingredientes: Harina de trigo, agua, sal, levadura.
Contains: Wheat.                                 Contiene: Trigo.
Ingrédients : Farine de blé, Eau, Sel, Levure.
Contient : Blé.
"""
SPANISH_ON_THE_SAME_LINE = """\
Ingredients: Wheat flour, Water, Salt, Yeast. Ingredientes: Harina de trigo, agua, sal, levadura.
Contains: Wheat. Contiene: Trigo.
Ingrédients : Farine de blé, Eau, Sel, Levure.
Contient : Blé.
"""


@pytest.mark.parametrize(
    ("text", "order"),
    [
        pytest.param(THREE_COLUMNS, ["en", "fr"], id="2.1-third-language-column-split-off-the-french"),
        pytest.param(FRENCH_FIRST_THEN_SPANISH, ["fr", "en"], id="2.1-french-first-spanish-after"),
        pytest.param(
            ENGLISH_AND_SPANISH_COLUMNS_FRENCH_BELOW, ["en", "fr"], id="2.1-spanish-column-beside-the-english"
        ),
        pytest.param(SPANISH_ON_THE_SAME_LINE, ["en", "fr"], id="2.1-spanish-running-on-after-the-english"),
    ],
)
def test_third_language_is_neither_english_nor_french(parse: Parse, text: str, order: list[str]) -> None:
    facts = parse(back=text)
    expected_lists = {"en": "Wheat flour, Water, Salt, Yeast.", "fr": "Farine de blé, Eau, Sel, Levure."}
    expected_items = {"en": ["Wheat"], "fr": ["Blé"]}
    assert [(lst.language, lst.text) for lst in facts.ingredients] == [(lang, expected_lists[lang]) for lang in order]
    assert [(s.language, s.items) for s in facts.contains] == [(lang, expected_items[lang]) for lang in order]
    spanish = [o for o in facts.other_statements if "Harina" in o.text or "Trigo" in o.text]
    assert spanish, "the Spanish text is kept as other text"
    assert all(o.language in ("other", "unknown") for o in spanish)


def test_three_columns_are_three_reading_streams() -> None:
    lines = [(line.column, line.text) for line in panel_lines(Panel(name="back", text=THREE_COLUMNS)) if line.text]
    assert lines == [
        (0, "Ingredients: Wheat flour, Water,"),
        (0, "Salt, Yeast."),
        (0, "Contains: Wheat."),
        (1, "Ingrédients : Farine de blé, Eau,"),
        (1, "Sel, Levure."),
        (1, "Contient : Blé."),
        (2, "Ingredientes: Harina de trigo, agua,"),
        (2, "sal, levadura."),
        (2, "Contiene: Trigo."),
    ]


@pytest.mark.parametrize(
    ("front", "names"),
    [
        pytest.param(
            "MAPLE GROVE\nBarres granola à l'avoine et au miel\nOat & Honey Granola Bars\n210 g",
            [("Barres granola à l'avoine et au miel", "fr"), ("Oat & Honey Granola Bars", "en")],
            id="1.2-french-first-front",
        ),
        pytest.param(
            "MAPLE GROVE\nBarres granola à l'avoine     Oat & Honey\net au miel     Granola Bars\n210 g",
            [("Barres granola à l'avoine et au miel", "fr"), ("Oat & Honey Granola Bars", "en")],
            id="1.2-french-first-columns-each-name-wrapped",
        ),
        pytest.param(
            "MAPLE GROVE\nOat & Honey Granola Bars\nBarres granola à l'avoine et au miel\n"
            "Barras de granola con avena y miel\n210 g",
            [("Oat & Honey Granola Bars", "en"), ("Barres granola à l'avoine et au miel", "fr")],
            id="1.2-spanish-name-after-the-pair-is-not-a-name",
        ),
    ],
)
def test_front_names_in_french_first_and_trilingual_layouts(
    parse: Parse, front: str, names: list[tuple[str, str]]
) -> None:
    facts = parse(front=front)
    assert [b.text for b in facts.brand] == ["MAPLE GROVE"]
    assert [(n.text, n.language) for n in facts.common_names] == names
