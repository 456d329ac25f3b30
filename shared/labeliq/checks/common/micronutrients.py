"""The vitamins and mineral nutrients of the Nutrition Facts table (FDR B.01.402 table, items 14 to 37), as data.

Each row is read verbatim from the table to B.01.402 (/work/shared/domain/sources/food-and-drug-regulations.en.txt
and .fr.txt): the key, the English name, the unit of column 3 and the rounding of column 4. Every item of 14-37 is
rounded the same way: "0" below a first threshold, then the nearest multiple of three increasing increments between
thresholds. Their %DV is rounded to the nearest 1 % and is "0 %" when the amount is declared as 0 (column 4(2)).
Calcium, iron and potassium are core items of B.01.401 and live with the core rows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Micronutrient:
    key: str
    name: str  # English, for messages
    unit: str  # column 3 of the table to B.01.402: "mg" or "µg" (folate: µg DFE)
    item: int  # item number in the table to B.01.402
    thresholds: tuple[str, str, str]  # amounts (in `unit`) where the rounding changes, low to high
    increments: tuple[str, str, str]  # nearest multiple used above each threshold
    vitamin: bool


def _m(key: str, name: str, unit: str, item: int, thresholds: str, increments: str, vitamin: bool) -> Micronutrient:
    t = thresholds.split()
    i = increments.split()
    return Micronutrient(key, name, unit, item, (t[0], t[1], t[2]), (i[0], i[1], i[2]), vitamin)


# The rounding patterns of column 4, as (thresholds) and (increments).
_A = ("5 50 250", "10 50 100")
_C_D = ("0.1 1 5", "0.2 0.5 1")
_E_K = ("0.05 0.5 2.5", "0.1 0.25 0.5")
_B1 = ("0.005 0.05 0.25", "0.01 0.025 0.05")
_FOLATE = ("1 10 50", "2 5 10")
_PANTO = ("0.01 0.1 0.5", "0.02 0.05 0.1")
_P_CL = ("5 50 250", "10 25 50")
_CU = ("0.0015 0.025 0.05", "0.002 0.005 0.01")

MICRONUTRIENTS: tuple[Micronutrient, ...] = (
    _m("vitamin_a", "Vitamin A", "µg", 14, *_A, vitamin=True),
    _m("vitamin_c", "Vitamin C", "mg", 15, *_C_D, vitamin=True),
    _m("vitamin_d", "Vitamin D", "µg", 16, *_C_D, vitamin=True),
    _m("vitamin_e", "Vitamin E", "mg", 17, *_E_K, vitamin=True),
    _m("vitamin_k", "Vitamin K", "µg", 18, *_E_K, vitamin=True),
    _m("thiamine", "Thiamine", "mg", 19, *_B1, vitamin=True),
    _m("riboflavin", "Riboflavin", "mg", 20, *_B1, vitamin=True),
    _m("niacin", "Niacin", "mg", 21, *_E_K, vitamin=True),
    _m("vitamin_b6", "Vitamin B6", "mg", 22, *_B1, vitamin=True),
    _m("folate", "Folate", "µg", 23, *_FOLATE, vitamin=True),
    _m("vitamin_b12", "Vitamin B12", "µg", 24, *_B1, vitamin=True),
    _m("biotin", "Biotin", "µg", 25, *_E_K, vitamin=True),
    _m("pantothenic_acid", "Pantothenic acid", "mg", 26, *_PANTO, vitamin=True),
    _m("choline", "Choline", "mg", 27, *_FOLATE, vitamin=True),
    _m("phosphorus", "Phosphorus", "mg", 28, *_P_CL, vitamin=False),
    _m("iodide", "Iodide", "µg", 29, *_FOLATE, vitamin=False),
    _m("magnesium", "Magnesium", "mg", 30, *_FOLATE, vitamin=False),
    _m("zinc", "Zinc", "mg", 31, *_E_K, vitamin=False),
    _m("selenium", "Selenium", "µg", 32, *_C_D, vitamin=False),
    _m("copper", "Copper", "mg", 33, *_CU, vitamin=False),
    _m("manganese", "Manganese", "mg", 34, *_B1, vitamin=False),
    _m("chromium", "Chromium", "µg", 35, *_E_K, vitamin=False),
    _m("molybdenum", "Molybdenum", "µg", 36, *_E_K, vitamin=False),
    _m("chloride", "Chloride", "mg", 37, *_P_CL, vitamin=False),
)
BY_KEY: dict[str, Micronutrient] = {m.key: m for m in MICRONUTRIENTS}
# The core table's mineral nutrients (B.01.401 items 13-15): always declared, with a %DV.
CORE_MINERALS = ("potassium", "calcium", "iron")
# Every vitamin or mineral nutrient key the table may carry, in the order of the two tables.
ALL_KEYS: tuple[str, ...] = (*CORE_MINERALS, *(m.key for m in MICRONUTRIENTS))
