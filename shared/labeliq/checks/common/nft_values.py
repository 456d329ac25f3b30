"""Reading amounts out of the parsed Nutrition Facts table in the unit each rule reasons in.

Every NFt check needs the same three things for a row: its amount in the rule's unit, the range of true
amounts its rounding allows, and the label text to quote as evidence. They live here once.
"""

from __future__ import annotations

from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.micronutrients import MICRONUTRIENTS
from labeliq.models import NutrientValue, NutritionFacts, ProductContext

# Core rows of the table, in the order of FDR B.01.401 (items 3-15; item 6 is the combined %DV line).
CORE_ROWS = (
    "fat",
    "saturated_fat",
    "trans_fat",
    "cholesterol",
    "sodium",
    "carbohydrate",
    "fibre",
    "sugars",
    "protein",
    "potassium",
    "calcium",
    "iron",
)
# The unit each core or additional row is declared in (FDR B.01.401 / B.01.402 tables, column 3).
UNITS: dict[str, str] = {
    "fat": "g",
    "saturated_fat": "g",
    "trans_fat": "g",
    "polyunsaturated_fat": "g",
    "omega_6": "g",
    "omega_3": "g",
    "monounsaturated_fat": "g",
    "cholesterol": "mg",
    "sodium": "mg",
    "carbohydrate": "g",
    "fibre": "g",
    "soluble_fibre": "g",
    "insoluble_fibre": "g",
    "sugars": "g",
    "sugar_alcohols": "g",
    "starch": "g",
    "protein": "g",
    "potassium": "mg",
    "calcium": "mg",
    "iron": "mg",
    "energy_kj": "kJ",
    **{m.key: m.unit for m in MICRONUTRIENTS},
}

_TO_MG = {"g": 1000.0, "mg": 1.0, "µg": 0.001, "ug": 0.001, "mcg": 0.001}


def unit(key: str) -> str:
    """The unit a claim or a finding states a row's amount in: Calories for energy, else the FDR column 3 unit."""
    return "Calories" if key == "energy" else UNITS.get(key, "g")


_TO_BASE = {"g": ("g", 1.0), "kg": ("g", 1000.0), "ml": ("mL", 1.0), "l": ("mL", 1000.0)}


def per_reference_amount(nft: NutritionFacts, context: ProductContext) -> float | None:
    """Scale from the serving of stated size to the reference amount (RA / serving, both in g or both in mL);
    None when either is unknown or they are measured differently (a weight against a volume)."""
    ra = context.reference_amount
    if ra is None or not nft.serving_amount or nft.serving_amount <= 0:
        return None
    ra_base = _TO_BASE.get(ra.unit.lower())
    serving_base = _TO_BASE.get((nft.serving_unit or "g").lower())
    if ra_base is None or serving_base is None or ra_base[0] != serving_base[0]:
        return None
    return (ra.value * ra_base[1]) / (nft.serving_amount * serving_base[1])


def row(nft: NutritionFacts, key: str) -> NutrientValue | None:
    return nft.nutrients.get(key)


def amount(nft: NutritionFacts, key: str) -> float | None:
    """The row's amount in the unit the FDR declares it in (None when absent or unreadable)."""
    value = nft.nutrients.get(key)
    if value is None or value.amount is None:
        return None
    return in_unit(value.amount, value.unit, UNITS.get(key, value.unit or ""))


def in_unit(value: float, unit: str | None, target: str) -> float:
    """Convert between g, mg and µg; any other unit (or none) is taken as printed in the target unit."""
    source = (unit or target).strip().replace("μ", "µ")
    if source == target or source not in _TO_MG or target not in _TO_MG:
        return value
    return value * _TO_MG[source] / _TO_MG[target]


def interval(nft: NutritionFacts, key: str) -> tuple[float, float] | None:
    """True amounts the printed row allows, in the FDR unit (None when the row is absent)."""
    value = amount(nft, key)
    if value is None:
        return None
    if key not in nft_rounding.RULES:
        return value, value
    return nft_rounding.true_interval(key, value)


def energy_interval(nft: NutritionFacts) -> tuple[float, float] | None:
    if nft.calories is None:
        return None
    return nft_rounding.true_interval("energy", nft.calories)


def evidence(value: NutrientValue) -> str:
    """The row as printed: label, amount and %DV."""
    parts = [value.label.strip(), value.amount_text.strip() or _amount_text(value)]
    if value.dv_percent is not None:
        parts.append(f"{nft_rounding.fmt(value.dv_percent)} %")
    return " ".join(p for p in parts if p)


def _amount_text(value: NutrientValue) -> str:
    if value.amount is None:
        return ""
    return f"{nft_rounding.fmt(value.amount)} {value.unit or ''}".strip()


def panel(nft: NutritionFacts, value: NutrientValue | None = None) -> str:
    return value.source.panel if value is not None else nft.source.panel


def sat_trans_dv_percent(nft: NutritionFacts) -> tuple[float | None, NutrientValue | None]:
    """The printed %DV of the combined saturated + trans line, wherever the parser put it."""
    for key in ("saturated_plus_trans", "trans_fat", "saturated_fat"):
        value = nft.nutrients.get(key)
        if value is not None and value.dv_percent is not None:
            return value.dv_percent, value
    return None, None
