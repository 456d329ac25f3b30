"""The language guesser and the splitting of side-by-side columns into reading order."""

from __future__ import annotations

import pytest

from labeliq.extraction.language import guess_language
from labeliq.extraction.segment import panel_lines
from labeliq.models import Panel


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
