"""Nutrition Facts formats that differ from our samples' vertical bilingual tables: the parser reads their rows."""

from __future__ import annotations

import pytest

from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel

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
