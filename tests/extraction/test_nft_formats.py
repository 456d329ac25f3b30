"""Nutrition Facts formats that differ from our samples' vertical bilingual tables: the parser reads their rows."""

from __future__ import annotations

import pytest

from labeliq.checks.common import nft_values
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel
from tests.checks.nutrition_facts import format_tables

LINEAR = (
    "Nutrition Facts / Valeur nutritive Per 1 cup (250 mL) / par 1 tasse (250 mL): Calories 110, % Daily Value* / "
    "% valeur quotidienne*, Fat / Lipides 0 g 0 %, Saturated / saturés 0 g + Trans / trans 0 g 0 %, Carbohydrate / "
    "Glucides 26 g, Fibre / Fibres 0 g 0 %, Sugars / Sucres 22 g 22 %, Protein / Protéines 2 g, Cholesterol / "
    "Cholestérol 0 mg, Sodium 10 mg 0 %, Potassium 450 mg 13 %, Calcium 20 mg 2 %, Iron / Fer 0.3 mg 2 %. *5% or "
    "less is a little, 15% or more is a lot / *5 % ou moins c'est peu, 15 % ou plus c'est beaucoup"
)


def _table(back: str):  # type: ignore[no-untyped-def]
    facts = parse_label([Panel(name="front", text="Orange Juice\nJus d'orange\n1 L"), Panel(name="back", text=back)])
    assert facts.nutrition_facts is not None
    return facts.nutrition_facts


@pytest.mark.parametrize(
    ("key", "amount", "dv"),
    [
        pytest.param("fat", 0.0, 0.0, id="linear-fat"),
        pytest.param("trans_fat", 0.0, None, id="linear-trans-after-plus"),
        pytest.param("carbohydrate", 26.0, None, id="linear-carbohydrate-no-dv"),
        pytest.param("sugars", 22.0, 22.0, id="linear-sugars"),
        pytest.param("potassium", 450.0, 13.0, id="linear-potassium"),
        pytest.param("iron", 0.3, 2.0, id="linear-iron-decimal"),
    ],
)
def test_linear_format_rows(key: str, amount: float, dv: float | None) -> None:
    row = _table(LINEAR).nutrients[key]
    assert (row.amount, row.dv_percent) == (amount, dv)


def test_linear_format_calories_and_serving() -> None:
    table = _table(LINEAR)
    assert table.calories == 110
    assert (table.serving_amount, table.serving_unit) == (250, "mL")


# --- the other formats of B.01.454-B.01.464, from tests/checks/nutrition_facts/format_tables.py -------------------

FORMAT_ROWS = [
    pytest.param(format_tables.DUAL, "sodium", 280.0, 12.0, id="dual-as-sold-column-is-read"),
    pytest.param(format_tables.DUAL, "iron", 1.0, 6.0, id="dual-iron-after-column-headings"),
    pytest.param(format_tables.TWOAMOUNTS, "sugars", 27.0, 27.0, id="dual-amounts-first-serving-is-read"),
    pytest.param(format_tables.HORIZONTAL, "carbohydrate", 26.0, None, id="horizontal-second-row-on-a-line"),
    pytest.param(format_tables.HORIZONTAL, "fibre", 2.0, 7.0, id="horizontal-fibre-beside-saturated"),
    pytest.param(format_tables.HORIZONTAL, "iron", 1.0, 6.0, id="horizontal-iron-beside-potassium"),
    pytest.param(format_tables.NARROW, "fat", 5.0, 7.0, id="narrow-value-on-the-line-below-the-label"),
    pytest.param(format_tables.NARROW, "carbohydrate", 12.0, None, id="narrow-label-wrapped-after-slash"),
    pytest.param(format_tables.NARROW, "cholesterol", 20.0, None, id="narrow-cholesterol-wrapped"),
    pytest.param(format_tables.NARROW, "vitamin_d", 2.5, 13.0, id="narrow-vitamin-d-micrograms"),
    pytest.param(format_tables.AGGREGATE, "fibre", 4.0, 14.0, id="aggregate-first-food-is-read"),
    pytest.param(format_tables.SIMPLIFIED, "sodium", 190.0, 8.0, id="simplified-sodium"),
    pytest.param(format_tables.INFANT, "iron", 6.0, 55.0, id="infant-iron"),
    pytest.param(format_tables.INFANT, "fat", 1.5, None, id="infant-fat-without-percent"),
]


@pytest.mark.parametrize(("text", "key", "amount", "dv"), FORMAT_ROWS)
def test_format_rows(text: str, key: str, amount: float, dv: float | None) -> None:
    row = _table(text).nutrients[key]
    assert (row.amount, row.dv_percent) == (amount, dv)


@pytest.mark.parametrize(
    ("text", "calories", "serving", "combined_dv"),
    [
        pytest.param(format_tables.DUAL, 160, 40, 8, id="dual"),
        pytest.param(format_tables.TWOAMOUNTS, 110, 250, 0, id="dual-amounts"),
        pytest.param(format_tables.HORIZONTAL, 180, 40, 15, id="horizontal"),
        pytest.param(format_tables.NARROW, 130, 250, 16, id="narrow-percent-on-its-own-line"),
        pytest.param(format_tables.AGGREGATE, 160, 43, 3, id="aggregate"),
    ],
)
def test_format_energy_serving_and_combined_percent(text: str, calories: int, serving: int, combined_dv: int) -> None:
    table = _table(text)
    assert (table.calories, table.serving_amount) == (calories, serving)
    assert table.nutrients["saturated_plus_trans"].dv_percent == combined_dv
    assert set(nft_values.CORE_ROWS) <= set(table.nutrients)


def test_simplified_format_statement_is_read() -> None:
    table = _table(format_tables.SIMPLIFIED)
    assert table.not_significant_source.startswith("Not a significant source of saturated fat")
    assert "saturated_fat" not in table.nutrients
