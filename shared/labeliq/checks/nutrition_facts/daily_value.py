"""%Daily Value checks of the Nutrition Facts table (cfia-rules.md 10.E1, 10.E2, 10.E3).

Minerals are computed from the declared (rounded) mg, as FDR B.01.401(1.2) says, so the expected
percentage is exact. For fat, saturated + trans, fibre, sugars and cholesterol the FDR does not say
whether the rounded or the true amount is used, so any percentage reachable from the rounding interval
is accepted. An exact x.5 % accepts either neighbour (the FDR sets no tie-break; cfia-rules.md section 0).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import TypedDict

from labeliq.checks.common import daily_values, nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.findings import failed, passed
from labeliq.checks.nutrition_facts.rules import R10_D, R10_E1, R10_E2, R10_E3
from labeliq.models import Finding, NutrientValue, NutritionFacts

MINERALS = ("sodium", "potassium", "calcium", "iron")
# Rows whose %DV the core table requires (FDR B.01.401 table items 3, 6, 8, 10, 11, 13, 14, 15).
REQUIRED_DV = ("fat", "saturated_plus_trans", "sodium", "fibre", "sugars", "potassium", "calcium", "iron")
# Cholesterol %DV is optional (item 7(b)); checked only when printed.
OTHERS = ("fat", "fibre", "sugars", "cholesterol")


def nearest_percents(amount: float, dv: float) -> set[int]:
    """Nearest whole percent of amount/dv, exactly; both neighbours on an exact .5 tie."""
    ratio = Fraction(Decimal(str(amount))) / Fraction(Decimal(str(dv))) * 100
    floor = ratio.numerator // ratio.denominator
    frac = ratio - floor
    if frac == Fraction(1, 2):
        return {floor, floor + 1}
    return {floor + 1} if frac > Fraction(1, 2) else {floor}


def _pct(value: float) -> str:
    return f"{nft_rounding.fmt(value)} %"


def _choices(values: set[int]) -> str:
    return " or ".join(f"{v} %" for v in sorted(values))


class _DvFix(TypedDict):
    term: str
    fix: str
    fix_fr: str


def _dv_fix(name: str, printed: float, expected: set[int]) -> _DvFix:
    """The printed %DV highlighted, and the value to print instead."""
    french = " ou ".join(f"{v} %" for v in sorted(expected))
    return {
        "term": _pct(printed),
        "fix": f"Print the % Daily Value of {name.lower()} as {_choices(expected)} instead of {_pct(printed)}.",
        "fix_fr": f"Indiquez {french} au lieu de {_pct(printed)} comme % de la valeur quotidienne sur cette ligne du "
        "tableau.",
    }


def check_minerals(nft: NutritionFacts, judged_on: dt.date) -> list[Finding]:
    """10.E1 (and 10.E3 for "0 mg"): mineral %DV from the declared mg and the DV in force."""
    out: list[Finding] = []
    for key in MINERALS:
        value = nft_values.row(nft, key)
        mg = nft_values.amount(nft, key)
        if value is None or mg is None or value.dv_percent is None:
            continue
        out.append(_mineral_finding(key, value, mg, judged_on))
    return out


def _mineral_finding(key: str, value: NutrientValue, mg: float, judged_on: dt.date) -> Finding:
    name = nft_rounding.RULES[key].name
    printed = value.dv_percent or 0.0
    evidence = nft_values.evidence(value)
    panel = value.source.panel
    cite = "FDR B.01.401(1.2) and table item " + nft_rounding.RULES[key].citation.rsplit(" ", 1)[-1]
    if mg == 0:
        rule = R10_E3.part(key)
        if printed == 0:
            return passed(rule, f"{name} is declared as 0 mg and its %DV as 0 %.", cite, evidence, panel)
        return failed(
            rule,
            f"{name} is declared as 0 mg but its %DV is printed as {_pct(printed)}; "
            "a nutrient declared as 0 mg must show 0 %.",
            cite,
            evidence,
            panel,
        )
    rule = R10_E1.part(key)
    now = daily_values.current(key)
    if now is None:
        return passed(rule, f"{name}: no Daily Value is set, nothing to compute.", cite, evidence, panel)
    expected = nearest_percents(mg, now.amount)
    if printed in expected:
        return passed(
            rule,
            f"{name} {nft_rounding.fmt(mg)} mg is {_pct(printed)} "
            f"of the {nft_rounding.fmt(now.amount)} mg Daily Value.",
            cite,
            evidence,
            panel,
        )
    old = daily_values.obsolete(key)
    if old is not None and printed in nearest_percents(mg, old.amount):
        if old.obsolete_until is not None and judged_on <= old.obsolete_until:
            return passed(
                rule,
                f"{name} %DV ({_pct(printed)}) uses the former {nft_rounding.fmt(old.amount)} mg Daily Value, "
                f"still allowed until {old.obsolete_until.isoformat()} (label judged {judged_on.isoformat()}).",
                cite,
                evidence,
                panel,
            )
        return failed(
            rule,
            f"{name} is {nft_rounding.fmt(mg)} mg and its %DV is printed as {_pct(printed)}, which was computed with "
            f"the obsolete {nft_rounding.fmt(old.amount)} mg Daily Value (allowed only until "
            f"{old.obsolete_until.isoformat() if old.obsolete_until else 'the end of the transition'}); "
            "with the current "
            f"{nft_rounding.fmt(now.amount)} mg Daily Value it must be {_choices(expected)}.",
            cite + "; Table of Daily Values (2022)",
            evidence,
            panel,
            **_dv_fix(name, printed, expected),
        )
    return failed(
        rule,
        f"{name} is {nft_rounding.fmt(mg)} mg and its %DV is printed as {_pct(printed)}"
        f"{_pre_2016_hint(key, mg, printed)}; the %DV of a mineral is "
        f"computed from the declared amount: {nft_rounding.fmt(mg)} / {nft_rounding.fmt(now.amount)} mg "
        f"= {_choices(expected)}.",
        cite,
        evidence,
        panel,
        **_dv_fix(name, printed, expected),
    )


def check_others(nft: NutritionFacts) -> list[Finding]:
    """10.E2 (interval arithmetic) and 10.E3 for fat, saturated + trans, fibre, sugars, cholesterol."""
    out: list[Finding] = []
    for key in OTHERS:
        value = nft_values.row(nft, key)
        grams = nft_values.amount(nft, key)
        span = nft_values.interval(nft, key)
        if value is None or grams is None or span is None or value.dv_percent is None:
            continue
        out.append(
            _interval_finding(key, nft_rounding.RULES[key].name, value, value.dv_percent, grams, span, grams == 0)
        )
    sat_trans = _sat_trans(nft)
    if sat_trans is not None:
        out.append(sat_trans)
    return out


def _sat_trans(nft: NutritionFacts) -> Finding | None:
    printed, holder = nft_values.sat_trans_dv_percent(nft)
    sat, trans = nft_values.amount(nft, "saturated_fat"), nft_values.amount(nft, "trans_fat")
    sat_span, trans_span = nft_values.interval(nft, "saturated_fat"), nft_values.interval(nft, "trans_fat")
    if printed is None or holder is None or sat is None or trans is None or sat_span is None or trans_span is None:
        return None
    span = (sat_span[0] + trans_span[0], sat_span[1] + trans_span[1])
    return _interval_finding(
        "saturated_plus_trans", "Saturated + trans fat", holder, printed, sat + trans, span, sat == 0 and trans == 0
    )


def _interval_finding(
    key: str,
    name: str,
    value: NutrientValue,
    printed: float,
    declared: float,
    span: tuple[float, float],
    declared_zero: bool,
) -> Finding:
    dv = daily_values.current(key)
    evidence = nft_values.evidence(value)
    panel = value.source.panel
    unit = nft_values.UNITS.get(key, "g")
    cite = "FDR B.01.401 table, column 4 (percentage rounded to the nearest 1 %)"
    if declared_zero:
        if printed == 0:
            return passed(
                R10_E3.part(key), f"{name} is declared as 0 {unit} and its %DV as 0 %.", cite, evidence, panel
            )
        return failed(
            R10_E3.part(key),
            f"{name} is declared as 0 {unit} but its %DV is printed as {_pct(printed)}; "
            f"a nutrient declared as 0 {unit} must show 0 %.",
            cite,
            evidence,
            panel,
        )
    rule = R10_E2.part(key)
    if dv is None:
        return passed(rule, f"{name}: no Daily Value to compute.", cite, evidence, panel)
    low, high = span[0] / dv.amount * 100, span[1] / dv.amount * 100
    allowed = nft_rounding.percent_choices(low, high) | nearest_percents(declared, dv.amount)
    if printed in allowed:
        return passed(
            rule,
            f"{name} %DV {_pct(printed)} is consistent with {nft_rounding.fmt(declared)} {unit} "
            f"of a {nft_rounding.fmt(dv.amount)} {dv.unit} Daily Value.",
            cite,
            evidence,
            panel,
        )
    return failed(
        rule,
        f"{name} is declared as {nft_rounding.fmt(declared)} {unit} (a true amount of about "
        f"{nft_rounding.fmt(round(span[0], 3))}–{nft_rounding.fmt(round(span[1], 3))} "
        f"{unit}) and its %DV is printed as "
        f"{_pct(printed)}{_pre_2016_hint(key, declared, printed)}; against the {nft_rounding.fmt(dv.amount)} "
        f"{dv.unit} Daily Value it can only be "
        f"{_choices(allowed)}.",
        cite + "; Table of Daily Values (2022)",
        evidence,
        panel,
    )


def check_missing_percent(nft: NutritionFacts) -> list[Finding]:
    """A row whose %DV the core table requires but none was printed (10.D / B.01.401 column 3)."""
    out: list[Finding] = []
    for key in REQUIRED_DV:
        if key == "saturated_plus_trans":
            printed, _ = nft_values.sat_trans_dv_percent(nft)
            present = nft_values.row(nft, "saturated_fat") is not None or nft_values.row(nft, "trans_fat") is not None
            value = nft_values.row(nft, "trans_fat") or nft_values.row(nft, "saturated_fat")
        else:
            value = nft_values.row(nft, key)
            printed = value.dv_percent if value is not None else None
            present = value is not None and value.amount is not None
        if not present or printed is not None or value is None:
            continue
        name = "Saturated + trans fat" if key == "saturated_plus_trans" else nft_rounding.RULES[key].name
        out.append(
            failed(
                R10_D.part(key),
                f"{name} is declared without a % Daily Value; the core table requires the amount as a percentage "
                "of the daily value per serving of stated size.",
                "FDR B.01.401 table, column 3",
                nft_values.evidence(value),
                value.source.panel,
            )
        )
    return out


def _pre_2016_hint(key: str, amount: float, printed: float) -> str:
    old = daily_values.pre_2016(key)
    if old is None or amount <= 0 or printed not in nearest_percents(amount, old.amount):
        return ""
    return f" (which matches the obsolete pre-2016 Daily Value of {nft_rounding.fmt(old.amount)} {old.unit})"


def check_forbidden_percent(nft: NutritionFacts) -> list[Finding]:
    """The current core table gives carbohydrate and protein no %DV (B.01.401 table items 9 and 12)."""
    out: list[Finding] = []
    for key in ("carbohydrate", "protein"):
        value = nft_values.row(nft, key)
        if value is None or value.dv_percent is None:
            continue
        name = nft_rounding.RULES[key].name
        out.append(
            failed(
                R10_D.part(key),
                f"{name} is shown with a % Daily Value ({_pct(value.dv_percent)}); the Nutrition Facts table gives the "
                f"amount of {name.lower()} in grams only, with no % Daily Value (the pre-2016 format had one).",
                nft_rounding.RULES[key].citation + ", column 3",
                nft_values.evidence(value),
                value.source.panel,
            )
        )
    return out
