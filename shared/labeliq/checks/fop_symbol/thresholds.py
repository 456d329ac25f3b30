"""Which nutrients require the front-of-package "High in" symbol (FDR B.01.350(1)-(4), table to B.01.350).

Pure arithmetic: the %DV per serving of stated size or per reference amount, whichever is greater
(B.01.350(2)), against 10 %, 15 % or 30 % by reference amount and main-dish status (the table's columns
2-7). The NFt gives amounts per serving, rounded, so each amount is an interval; a nutrient whose
interval straddles the threshold is "borderline" and either answer is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from labeliq.checks.common import daily_values, nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.models import NutritionFacts, ProductContext, Quantity

SYMBOL_NUTRIENTS = ("saturated_fat", "sugars", "sodium")
NAMES = {"saturated_fat": "saturated fat (saturated + trans)", "sugars": "sugars", "sodium": "sodium"}
# Table to B.01.350, columns 2-4 (general) and 5-7 (children 1 to < 4): thresholds in % DV.
SMALL_RA_LIMIT = 30.0  # "reference amount of 30 g or 30 mL or less"
MAIN_DISH_RA = 200.0  # "main dish with a reference amount of 200 g or more" (column 4)
MAIN_DISH_RA_CHILDREN = 170.0  # column 7
PCT_SMALL, PCT_LARGE, PCT_MAIN_DISH = 10.0, 15.0, 30.0

Requirement = Literal["required", "not_required", "borderline", "unknown"]


@dataclass(frozen=True)
class NutrientAssessment:
    nutrient: str
    requirement: Requirement
    percent_low: float | None  # %DV range on the basis amount
    percent_high: float | None
    threshold: float
    explanation: str  # one sentence with the numbers
    threshold_why: str = ""  # which column of the table to B.01.350 applies


@dataclass(frozen=True)
class Basis:
    factor: float  # multiply per-serving amounts by this
    amount: float  # the basis amount (g or mL)
    unit: str
    threshold: float
    why: str


def _metric(quantity: Quantity) -> tuple[float, str]:
    if quantity.unit == "kg":
        return quantity.value * 1000, "g"
    if quantity.unit == "L":
        return quantity.value * 1000, "mL"
    return quantity.value, "mL" if quantity.unit in ("mL", "ml") else "g"


def threshold_for(ra: float, main_dish: bool, children: bool) -> tuple[float, str]:
    """The %DV threshold and which column of the table to B.01.350 gives it."""
    main_limit = MAIN_DISH_RA_CHILDREN if children else MAIN_DISH_RA
    group = "products for children 1 to < 4 years" if children else "general"
    if main_dish and ra >= main_limit:
        return PCT_MAIN_DISH, f"main dish with a reference amount of {main_limit:g} g or more ({group}): 30 % DV"
    if ra <= SMALL_RA_LIMIT:
        return PCT_SMALL, f"reference amount of 30 g or mL or less ({group}): 10 % DV"
    return PCT_LARGE, f"reference amount greater than 30 g or mL ({group}): 15 % DV"


def basis(nft: NutritionFacts, context: ProductContext) -> Basis | str:
    """The amount the %DV is computed on, or the reason it cannot be determined."""
    if context.reference_amount is None:
        return "the product context gives no reference amount (Table of Reference Amounts), which B.01.350(2) needs"
    ra, ra_unit = _metric(context.reference_amount)
    if context.serving_of_stated_size is not None:
        serving, serving_unit = _metric(context.serving_of_stated_size)
    elif nft.serving_amount is not None:
        serving = nft.serving_amount
        serving_unit = "mL" if (nft.serving_unit or "g").lower() in ("ml", "l") else "g"
        if (nft.serving_unit or "").lower() == "l":
            serving *= 1000
    else:
        return "the serving of stated size is unknown (no metric amount in the Nutrition Facts table or context)"
    if serving_unit != ra_unit:
        return (
            f"the serving of stated size ({serving:g} {serving_unit}) "
            f"and the reference amount ({ra:g} {ra_unit}) are in "
            "different units, so the greater of the two cannot be determined from text"
        )
    threshold, why = threshold_for(ra, bool(context.main_dish), bool(context.intended_solely_for_children_under_4))
    amount = max(serving, ra)
    which = "reference amount" if ra > serving else "serving of stated size"
    return Basis(amount / serving, amount, ra_unit, threshold, f"per {amount:g} {ra_unit} ({which}); {why}")


def _dv(nutrient: str, children: bool) -> float | None:
    key = "saturated_plus_trans" if nutrient == "saturated_fat" else nutrient
    dv = daily_values.for_children_1_to_4(key) if children else daily_values.current(key)
    return dv.amount if dv is not None else None


def _row_interval(nft: NutritionFacts, key: str) -> tuple[float, float] | None:
    """A row's true-amount range; a row omitted from a simplified table (B.01.401(6)) may be expressed as "0"."""
    span = nft_values.interval(nft, key)
    if span is None and nft.not_significant_source.strip():
        return nft_rounding.true_interval(key, 0)
    return span


def _amount_interval(nft: NutritionFacts, nutrient: str) -> tuple[float, float] | None:
    if nutrient != "saturated_fat":
        return _row_interval(nft, nutrient)
    sat, trans = _row_interval(nft, "saturated_fat"), _row_interval(nft, "trans_fat")
    if sat is None and trans is None:
        return None
    parts = [p for p in (sat, trans) if p is not None]
    return sum(p[0] for p in parts), sum(p[1] for p in parts)


def assess(nft: NutritionFacts, context: ProductContext, chosen: Basis) -> list[NutrientAssessment]:
    children = bool(context.intended_solely_for_children_under_4)
    out: list[NutrientAssessment] = []
    for nutrient in SYMBOL_NUTRIENTS:
        name = NAMES[nutrient]
        dv = _dv(nutrient, children)
        span = _amount_interval(nft, nutrient)
        if span is None:
            out.append(
                NutrientAssessment(nutrient, "unknown", None, None, chosen.threshold, f"{name} is not in the table")
            )
            continue
        if dv is None:
            out.append(_from_printed_percent(nft, nutrient, chosen))
            continue
        low = span[0] * chosen.factor / dv * 100
        high = span[1] * chosen.factor / dv * 100
        if low >= chosen.threshold:
            requirement: Requirement = "required"
        elif high < chosen.threshold:
            requirement = "not_required"
        else:
            requirement = "borderline"
        text = f"{name} {low:.1f}–{high:.1f} % DV {chosen.why.split(';')[0]}, threshold {chosen.threshold:g} %"
        why = chosen.why.split("; ", 1)[-1]
        out.append(NutrientAssessment(nutrient, requirement, low, high, chosen.threshold, text, why))
    return out


def _from_printed_percent(nft: NutritionFacts, nutrient: str, chosen: Basis) -> NutrientAssessment:
    """Children 1 to < 4: the column-2 Daily Value is not in our sources, but the table prints the % DV computed
    with it (B.01.001.1(2)(a)(i)); that % (within its rounding to 1 %) settles a threshold it is far from."""
    name = NAMES[nutrient]
    unknown = f"the column-2 Daily Value (children 1 to < 4 years) for {name} is not confirmed in the sources"
    key = "saturated_plus_trans" if nutrient == "saturated_fat" else nutrient
    printed = (
        nft_values.sat_trans_dv_percent(nft)[0]
        if key == "saturated_plus_trans"
        else (nft.nutrients[key].dv_percent if key in nft.nutrients else None)
    )
    if printed is None:
        return NutrientAssessment(nutrient, "unknown", None, None, chosen.threshold, unknown)
    low, high = max(printed - 0.5, 0) * chosen.factor, (printed + 0.5) * chosen.factor
    text = (
        f"{name} {low:.1f}–{high:.1f} % DV {chosen.why.split(';')[0]} from the % DV the table prints "
        f"({nft_rounding.fmt(printed)} %, computed with the children's Daily Value, which our sources do not give), "
        f"threshold {chosen.threshold:g} %"
    )
    why = chosen.why.split("; ", 1)[-1]
    if high < chosen.threshold:
        return NutrientAssessment(nutrient, "not_required", low, high, chosen.threshold, text, why)
    if low >= chosen.threshold:
        return NutrientAssessment(nutrient, "required", low, high, chosen.threshold, text, why)
    return NutrientAssessment(nutrient, "unknown", None, None, chosen.threshold, f"{unknown}, and {text}")


def calcium_percent(nft: NutritionFacts, chosen: Basis) -> float | None:
    """Calcium %DV on the basis amount, for the cheese and yogurt exemptions (B.01.350(12))."""
    mg = nft_values.amount(nft, "calcium")
    dv = daily_values.current("calcium")
    if mg is None or dv is None:
        return None
    return mg * chosen.factor / dv.amount * 100
