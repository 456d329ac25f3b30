"""A claim's remembered TPNCSC amount condition judged against what the Nutrition Facts table can prove.

The conditions of the Table of Permitted Nutrient Content Statements and Claims (incorporated by reference in FDR
B.01.503(1)(a)) are not in the stored sources; cfia-rules.md 14.B summarises them from memory ("2 g or more fibre
per reference amount and serving of stated size"). A specialist would rather read "met, under this condition, which
we could not confirm" than be asked about a claim the table settles either way, so a claim is judged against the
remembered condition with the rounding of the table taken into account, and the condition and its status are
written in the finding's evidence:
- met: every true amount the printed, rounded value allows (FDR B.01.401 table, column 4) meets the condition per
  serving of stated size, per reference amount and, where the condition says so, per 50 g: pass;
- contradicted: no true amount the printed value allows can meet it on one of those bases: fail;
- anything else (a value at the edge of the condition, no reference amount to scale to, a prepackaged-meal
  variant, or a further condition the table cannot show): needs_review, saying which.
Per-reference-amount and per-50-g amounts are the serving's amounts scaled by weight (or volume): the same food.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from labeliq.checks.common import nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.models import NutritionFacts, ProductContext

Outcome = Literal["met", "contradicted", "unsettled"]
STATUS = (
    "Table of Permitted Nutrient Content Statements and Claims, as summarised in cfia-rules.md 14.B; "
    "the Table is not in the stored sources"
)


@dataclass(frozen=True)
class Judgement:
    outcome: Outcome
    condition: str  # the remembered condition, in words
    detail: str  # what the table shows on each basis, or why it cannot settle


def _interval(nft: NutritionFacts, keys: list[str]) -> tuple[float, float] | None:
    """The true amounts (summed over keys) that the printed rows allow; None when a row is missing."""
    low = high = 0.0
    for key in keys:
        span = nft_values.energy_interval(nft) if key == "energy" else nft_values.interval(nft, key)
        if span is None:
            return None
        low, high = low + span[0], high + span[1]
    return low, high


def _compare(op: str, low: float, high: float, value: float) -> Outcome:
    eps = 1e-9
    if op == ">=":
        return "met" if low >= value - eps else "contradicted" if high < value - eps else "unsettled"
    if op == "<=":
        return "met" if high <= value + eps else "contradicted" if low > value + eps else "unsettled"
    if op == "<":
        return "met" if high < value - eps else "contradicted" if low >= value - eps else "unsettled"
    raise ValueError(f"unknown operator {op!r} in nutrient_claims.json")


def _bases(nft: NutritionFacts, context: ProductContext, per_50g: bool) -> tuple[list[tuple[str, float]], str]:
    """(name, scale from the serving) for each basis the condition is stated on, and why a basis is missing."""
    serving = f"{nft_rounding.fmt(nft.serving_amount or 0)} {nft.serving_unit or ''}".strip()
    bases = [(f"per serving of stated size ({serving})", 1.0)]
    ra = context.reference_amount
    if ra is None:
        return bases, "the context gives no reference amount, so the amount per reference amount is not known"
    factor = nft_values.per_reference_amount(nft, context)
    if factor is None:
        return bases, (
            f"the serving ({nft.serving_text.strip() or 'not read'}) is not in the unit of the reference amount "
            f"({ra.value:g} {ra.unit}), so the amount per reference amount is not known"
        )
    if abs(factor - 1) < 1e-9:
        bases[0] = (f"per serving of stated size ({serving}, which is the reference amount)", 1.0)
    else:
        bases.append((f"per reference amount ({ra.value:g} {ra.unit})", factor))
    if per_50g and (nft.serving_unit or "").lower() == "g" and ra.unit == "g" and ra.value <= 30:
        bases.append(("per 50 g (reference amount 30 g or less)", 50 / (nft.serving_amount or 1)))
    return bases, ""


def _fmt(value: float) -> str:
    return nft_rounding.fmt(round(value, 2))


def _names(keys: list[str]) -> str:
    return " + ".join(nft_rounding.RULES[k].name.lower() if k in nft_rounding.RULES else k for k in keys)


def _words(condition: dict[str, Any]) -> str:
    names = _names(condition["of"])
    unit = nft_values.unit(condition["of"][0])
    op = {">=": "or more", "<=": "or less", "<": "(less than)"}[condition["op"]]
    value = nft_rounding.fmt(condition["value"])
    return f"less than {value} {unit} {names}" if condition["op"] == "<" else f"{value} {unit} {op} {names}"


def judge(entry: dict[str, Any], nft: NutritionFacts, context: ProductContext) -> Judgement | None:
    """The remembered amount condition of one claim (entry of nutrient_claims.json criteria) against the table.

    None when the entry has no amount condition (a comparison with a reference food, a protein rating)."""
    conditions: list[dict[str, Any]] = entry.get("conditions", [])
    if not conditions:
        return None
    bases, missing = _bases(nft, context, bool(entry.get("per_50g_if_ra_30g_or_less")))
    outcomes: list[Outcome] = []
    shown: list[str] = []
    for condition in conditions:
        span = _interval(nft, condition["of"])
        if span is None:
            outcomes.append("unsettled")
            shown.append(f"no amount of {_names(condition['of'])} (the table does not declare it)")
            continue
        unit = nft_values.unit(condition["of"][0])
        for basis, scale in bases:
            low, high = span[0] * scale, span[1] * scale
            outcomes.append(_compare(condition["op"], low, high, condition["value"]))
            shown.append(f"{_fmt(low)}–{_fmt(high)} {unit} of {_names(condition['of'])} {basis}")
    share = entry.get("energy_share")
    if share is not None:
        outcomes.append(_energy_share(share, nft, shown))
    words = "; ".join(_words(c) for c in conditions)
    if share is not None:
        words += f"; {share['max_pct']:g} % or less of the energy from {_names(share['of'])}"
    words += " per reference amount and serving of stated size"
    if entry.get("per_50g_if_ra_30g_or_less"):
        words += " (and per 50 g when the reference amount is 30 g or less)"
    detail = "the printed values allow " + "; ".join(shown)
    if "contradicted" in outcomes:
        return Judgement("contradicted", words, detail)
    reasons = []
    if "unsettled" in outcomes:
        reasons.append("a value is at the edge of the condition once the table's rounding is allowed for")
    if missing:
        reasons.append(missing)
    if entry.get("meal_variant") and context.main_dish:
        meal = entry["meal_variant"]
        reasons.append(f"the context says main dish, and a prepackaged meal has its own condition ({meal})")
    if entry.get("also"):
        reasons.append(f"the condition also asks for {entry['also']}, which the table does not show")
    if reasons:
        return Judgement("unsettled", words, detail + "; " + "; ".join(reasons))
    return Judgement("met", words, detail)


def _energy_share(share: dict[str, Any], nft: NutritionFacts, shown: list[str]) -> Outcome:
    span = _interval(nft, share["of"])
    energy = nft_values.energy_interval(nft)
    if span is None or energy is None or energy[1] <= 0:
        shown.append("the share of energy cannot be computed")
        return "unsettled"
    factor = float(share["factor"])
    high = 100 * factor * span[1] / energy[0] if energy[0] > 0 else float("inf")
    low = 100 * factor * span[0] / energy[1]
    names = _names(share["of"])
    share_text = f"{low:.0f}–{high:.0f} %" if high != float("inf") else "any share"
    shown.append(f"{share_text} of the energy from {names}")
    return _compare("<=", low, high, float(share["max_pct"]))
