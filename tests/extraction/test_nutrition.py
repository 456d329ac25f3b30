"""Nutrition Facts rows as printed, including where the combined saturated + trans %DV sits."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.models import LabelFacts, NutritionFacts

Parse = Callable[..., LabelFacts]


def table_of(parse: Parse, text: str) -> NutritionFacts:
    table = parse(back=text).nutrition_facts
    assert table is not None
    return table


def test_dv_printed_on_the_saturated_line_belongs_to_saturated_plus_trans(parse: Parse) -> None:
    table = table_of(
        parse,
        "Nutrition Facts / Valeur nutritive\n"
        "Serving Size 1 cup (250 mL) / Portion 1 tasse (250 mL)\n"
        "Calories 110 / 460 kJ\n"
        "% Daily Value / % valeur quotidienne\n"
        "Fat / Lipides 2,5 g  3 %\n"
        "Saturated / saturés 1,5 g  8 %\n"
        "+ Trans / trans 0 g\n"
        "Sodium 120 mg 5 %\n"
        "Vitamin D / Vitamine D 2.5 µg 10 %\n",
    )
    assert table.serving_text == "Serving Size 1 cup (250 mL) / Portion 1 tasse (250 mL)"
    assert (table.serving_amount, table.serving_unit) == (250, "mL")
    assert table.calories == 110
    energy = table.nutrients["energy_kj"]
    assert (energy.amount, energy.unit) == (460, "kJ")
    fat = table.nutrients["fat"]
    assert (fat.amount, fat.amount_text, fat.dv_percent) == (2.5, "2,5 g", 3)  # French decimal comma kept as printed
    assert table.nutrients["saturated_fat"].dv_percent is None
    assert table.nutrients["trans_fat"].dv_percent is None
    combined = table.nutrients["saturated_plus_trans"]
    assert combined.dv_percent == 8 and combined.amount is None
    assert (combined.source.line_start, combined.source.line_end) == (5, 6)
    vitamin_d = table.nutrients["vitamin_d"]
    assert (vitamin_d.amount, vitamin_d.unit, vitamin_d.dv_percent) == (2.5, "µg", 10)


def test_french_first_table_with_a_combined_line(parse: Parse) -> None:
    table = table_of(
        parse,
        "Valeur nutritive\nNutrition Facts\npour 1 tranche (30 g)\nPer 1 slice (30 g)\n"
        "Teneur                 % valeur quotidienne\nAmount                 % Daily Value\n"
        "Calories 80\n"
        "Lipides / Fat 1 g                1 %\n"
        "saturés / Saturated 0.2 g\n"
        "+ trans / Trans 0 g\n"
        "Saturated + Trans / saturés + trans    1 %\n"
        "Glucides / Carbohydrate 15 g\n"
        "Sodium 150 mg 7 %\n",
    )
    assert table.title == "Valeur nutritive Nutrition Facts"
    assert table.title_languages == ["en", "fr"]
    assert table.serving_text == "pour 1 tranche (30 g) / Per 1 slice (30 g)"
    assert table.nutrients["saturated_fat"].amount_text == "0.2 g"
    assert table.nutrients["saturated_plus_trans"].dv_percent == 1
    assert table.nutrients["carbohydrate"].dv_percent is None
    assert table.nutrients["sodium"].dv_percent == 7


@pytest.mark.parametrize(
    ("row", "key", "amount", "unit", "dv"),
    [
        pytest.param("Fat / Lipides 5 g 7 %", "fat", 5.0, "g", 7.0, id="10.B-fat"),
        pytest.param("Fibre / Fibres 3 g 11 %", "fibre", 3.0, "g", 11.0, id="10.B-fibre"),
        pytest.param("Sugars / Sucres 8 g 8 %", "sugars", 8.0, "g", 8.0, id="10.B-sugars"),
        pytest.param("Protein / Protéines 0.3 g", "protein", 0.3, "g", None, id="10.B-protein-tenth"),
        pytest.param("Cholesterol / Cholestérol 2 mg", "cholesterol", 2.0, "mg", None, id="10.B-cholesterol"),
        pytest.param("Iron / Fer 1.25 mg 7 %", "iron", 1.25, "mg", 7.0, id="10.B-iron"),
        pytest.param("Potassium 450 mg 13 %", "potassium", 450.0, "mg", 13.0, id="10.B-potassium"),
        pytest.param("Sugar Alcohols / Polyalcools 4 g", "sugar_alcohols", 4.0, "g", None, id="10.C-sugar-alcohols"),
        pytest.param("Polyunsaturated / polyinsaturés 1.5 g", "polyunsaturated_fat", 1.5, "g", None, id="10.C-poly"),
        pytest.param("Omega-3 / oméga-3 0.2 g", "omega_3", 0.2, "g", None, id="10.C-omega-3"),
        pytest.param("S0dium 1O mg 0 %", "sodium", 10.0, "mg", 0.0, id="ocr-zero-and-letter-o"),
    ],
)
def test_single_rows(parse: Parse, row: str, key: str, amount: float, unit: str, dv: float | None) -> None:
    table = table_of(parse, f"Nutrition Facts / Valeur nutritive\nPer 1 bar (35 g)\nCalories 150\n{row}\n")
    value = table.nutrients[key]
    assert (value.amount, value.unit, value.dv_percent) == (amount, unit, dv)


def test_not_a_significant_source_in_both_languages(parse: Parse) -> None:
    table = table_of(
        parse,
        "Nutrition Facts\nValeur nutritive\nPer 1 tbsp (15 mL) / pour 1 c. à soupe (15 mL)\nCalories 0\n"
        "Sodium 0 mg 0 %\n"
        "Not a significant source of fat, saturated fat, trans fat, cholesterol,\n"
        "carbohydrate, fibre, sugars, protein, potassium, calcium or iron.\n"
        "Source négligeable de lipides, lipides saturés, lipides trans, cholestérol,\n"
        "glucides, fibres, sucres, protéines, potassium, calcium et fer.\n",
    )
    assert table.not_significant_source.startswith("Not a significant source of fat")
    assert "calcium or iron." in table.not_significant_source
    assert "Source négligeable de lipides" in table.not_significant_source
    assert table.not_significant_source.endswith("calcium et fer.")
    assert table.serving_amount == 15 and table.serving_unit == "mL"


def test_no_table_means_none(parse: Parse) -> None:
    assert parse(back="Ingredients: Water, Salt.").nutrition_facts is None


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Nutrition facts online / Valeur nutritive en ligne: www.maplegrovefoods.ca", id="online"),
        pytest.param("See nutrition facts at www.maplegrovefoods.ca.", id="see-nutrition-facts-at"),
        pytest.param("Voir la valeur nutritive au www.maplegrovefoods.ca.", id="voir-la-valeur-nutritive"),
        pytest.param(
            "Nutrition Facts table on the inside label / Tableau de la valeur nutritive à l'intérieur", id="inside"
        ),
    ],
)
def test_the_title_words_in_a_sentence_are_not_a_table(parse: Parse, line: str) -> None:
    """B.01.401(1): a sentence naming the table is not the table; reading it as one failed every core row."""
    assert parse(back=f"{line}\n\nIngredients: Rolled oats, honey.\nContains: Oats.").nutrition_facts is None


def test_a_real_table_after_such_a_sentence_is_read(parse: Parse) -> None:
    text = (
        "Nutrition facts online / Valeur nutritive en ligne: www.maplegrovefoods.ca\n\n"
        "Nutrition Facts / Valeur nutritive / Información nutricional\n"
        "Per 1 bar (35 g) / pour 1 barre (35 g)\nCalories 150\nFat / Lipides 5 g 7 %\n"
    )
    table = table_of(parse, text)
    assert table.calories == 150 and table.title.startswith("Nutrition Facts / Valeur nutritive")
