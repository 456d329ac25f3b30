"""Findings for the rounding of every printed amount (cfia-rules.md 10.B core rows, 10.C additional rows).

One finding per nutrient, so the report says exactly which row is wrong, what the rule allows and why.
A printed "0" is also tested against the condition the FDR attaches to it where the label can show that
the condition cannot hold (fat "0 g" next to a non-zero saturated or trans fat; "0" Calories next to
macronutrients worth 5 Calories or more).
"""

from __future__ import annotations

import re
from decimal import Decimal

from labeliq.checks.common import nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.findings import failed, passed
from labeliq.checks.common.micronutrients import MICRONUTRIENTS
from labeliq.checks.common.rule import Rule
from labeliq.checks.nutrition_facts import consistency as nft_consistency
from labeliq.checks.nutrition_facts.rules import R10_B, R10_C
from labeliq.models import Finding, NutritionFacts

ADDITIONAL_KEYS = (
    "energy_kj",
    "polyunsaturated_fat",
    "omega_6",
    "omega_3",
    "monounsaturated_fat",
    "soluble_fibre",
    "insoluble_fibre",
    "sugar_alcohols",
    "starch",
    *(m.key for m in MICRONUTRIENTS),
)
_OTHER_FATTY_ACIDS = ("polyunsaturated_fat", "omega_6", "omega_3", "monounsaturated_fat")


def rounding_message(key: str, printed: float) -> tuple[bool, str]:
    """(legal, sentence) for a printed amount: the sentence says the value, the rule and the citation."""
    rule = nft_rounding.RULES[key]
    verdict = nft_rounding.judge(key, printed)
    shown = f"{nft_rounding.fmt(printed)} {rule.unit}"
    where = verdict.tier.describe(rule.unit)
    if verdict.legal:
        return True, f"{rule.name} is printed as {shown}, a value the rounding rule allows ({rule.citation})."
    if verdict.tier.increment is None:
        need = f'"0 {rule.unit}"'
    else:
        options = nft_rounding.nearest_multiples(verdict.printed, verdict.tier.increment)
        shown_options = " or ".join(f"{nft_rounding.fmt(o)} {rule.unit}" for o in options)
        need = f"the nearest multiple of {nft_rounding.fmt(verdict.tier.increment)} {rule.unit} ({shown_options})"
    return False, f"{rule.name} is printed as {shown}; {where} the FDR requires {need}; {rule.citation}."


def _zero_problem(nft: NutritionFacts, key: str) -> str:
    """Why a printed "0" cannot be right, when the table itself shows it, else ""."""
    if key == "fat":
        nonzero = [
            k
            for k in ("saturated_fat", "trans_fat", *_OTHER_FATTY_ACIDS)
            if (v := nft_values.amount(nft, k)) is not None and v > 0
        ]
        if nonzero:
            names = ", ".join(nft_rounding.RULES[k].name.lower() for k in nonzero)
            return (
                f'fat may be declared as "0 g" only if saturated and trans fat are declared as "0 g" and no other '
                f"fatty acid is declared above 0 g, but {names} is declared above 0 g"
            )
    if key == "energy":
        macros = nft_consistency.energy_from_macros(nft)
        if macros is not None and macros[0] >= 5:
            return (
                f'energy may be declared as "0" only if the product is "free of energy" (less than 5 Calories), but '
                f"the declared macronutrients give at least {nft_rounding.fmt(round(macros[0], 1))} Calories"
            )
    return ""


def _finding(nft: NutritionFacts, key: str, printed: float, rule_id: Rule, evidence: str, panel: str) -> Finding:
    legal, message = rounding_message(key, printed)
    citation = nft_rounding.RULES[key].citation
    if legal and printed == 0:
        problem = _zero_problem(nft, key)
        if problem:
            return failed(
                rule_id,
                f"{nft_rounding.RULES[key].name} is printed as 0 "
                f"{nft_rounding.RULES[key].unit}; {problem}; {citation}.",
                citation,
                evidence,
                panel,
            )
    if legal:
        return passed(rule_id, message, citation, evidence, panel)
    printed_text = f"{nft_rounding.fmt(printed)} {nft_rounding.RULES[key].unit}"  # highlighted in the row
    fix, fix_fr = rounding_fix(key, printed)
    return failed(rule_id, message, citation, evidence, panel, term=printed_text, fix=fix, fix_fr=fix_fr)


def _comma(text: str) -> str:
    """French decimals: 2.5 g is written 2,5 g."""
    return re.sub(r"(?<=\d)\.(?=\d)", ",", text)


def rounding_fix(key: str, printed: float) -> tuple[str, str]:
    """What to print instead of an amount the rounding rule cannot produce ("2.5 g instead of 2.3 g"), EN and FR."""
    rule = nft_rounding.RULES[key]
    verdict = nft_rounding.judge(key, printed)
    shown = f"{nft_rounding.fmt(printed)} {rule.unit}"
    if verdict.legal:
        return "", ""
    if verdict.tier.increment is None:
        options = [Decimal(0)]
    else:
        options = nft_rounding.nearest_multiples(verdict.printed, verdict.tier.increment)
    values = [f"{nft_rounding.fmt(o)} {rule.unit}" for o in options]
    return (
        f"Print {rule.name.lower()} as {' or '.join(values)} instead of {shown} (round the true amount as the FDR "
        "prescribes).",
        _comma(
            f"Indiquez {' ou '.join(values)} au lieu de {shown} sur cette ligne du tableau, en arrondissant la "
            "quantité réelle comme le prescrit le RAD."
        ),
    )


def check_core(nft: NutritionFacts) -> list[Finding]:
    out: list[Finding] = []
    if nft.calories is not None:
        evidence = nft.calories_text or f"Calories {nft_rounding.fmt(nft.calories)}"
        out.append(_finding(nft, "energy", nft.calories, R10_B.part("energy"), evidence, nft.source.panel))
    out += _row_findings(nft, nft_values.CORE_ROWS, R10_B)
    return out


def _row_findings(nft: NutritionFacts, keys: tuple[str, ...], rule: Rule) -> list[Finding]:
    """One rounding finding per printed row, as `<rule>.<key>`; rows the table does not show are skipped."""
    out: list[Finding] = []
    for key in keys:
        value = nft_values.row(nft, key)
        amount = nft_values.amount(nft, key)
        if value is None or amount is None:
            continue
        out.append(_finding(nft, key, amount, rule.part(key), nft_values.evidence(value), value.source.panel))
    return out


def check_micronutrients(nft: NutritionFacts) -> list[Finding]:
    """Rounding of the vitamins and minerals (column 4 of items 14-37 of the table to B.01.402)."""
    return _row_findings(nft, tuple(m.key for m in MICRONUTRIENTS), R10_C)


def check_additional(nft: NutritionFacts) -> list[Finding]:
    out = _row_findings(nft, ADDITIONAL_KEYS, R10_C)
    out += _servings_per_container(nft)
    out += _fatty_acid_set(nft)
    return out


_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")


def _servings_per_container(nft: NutritionFacts) -> list[Finding]:
    text = (nft.servings_per_container or "").strip()
    if not text or "varied" in text.lower() or "variable" in text.lower():
        return []
    match = _NUMBER.search(text)
    if match is None:
        return []
    count = float(match.group(1).replace(",", "."))
    legal, message = rounding_message("servings_per_container", count)
    cite = nft_rounding.RULES["servings_per_container"].citation
    if legal:
        return [passed(R10_C.part("servings_per_container"), message, cite, text, nft.source.panel)]
    return [failed(R10_C.part("servings_per_container"), message, cite, text, nft.source.panel)]


def _fatty_acid_set(nft: NutritionFacts) -> list[Finding]:
    """B.01.402(3): once any of these is shown, omega-6, omega-3 and monounsaturated must all be shown."""
    shown = [k for k in _OTHER_FATTY_ACIDS if k in nft.nutrients]
    if not shown:
        return []
    missing = [k for k in ("omega_6", "omega_3", "monounsaturated_fat") if k not in nft.nutrients]
    cite = "FDR B.01.402(3)"
    if not missing:
        return [passed(R10_C.part("fatty_acids"), "Omega-6, omega-3 and monounsaturated fat are all declared.", cite)]
    names = ", ".join(nft_rounding.RULES[k].name.lower() for k in missing)
    return [
        failed(
            R10_C.part("fatty_acids"),
            f"The table declares {nft_rounding.RULES[shown[0]].name.lower()} but not {names}; when any of these fatty "
            "acids is shown, omega-6, omega-3 and monounsaturated fat must all be in the table.",
            cite,
            "; ".join(nft_values.evidence(nft.nutrients[k]) for k in shown),
            nft.source.panel,
        )
    ]
