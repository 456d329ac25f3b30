"""Arithmetic cross-checks inside the Nutrition Facts table (cfia-rules.md 10.E4, 10.E5, 10.E6).

Every comparison is done on intervals of true amounts (nft_rounding.true_interval), so a table that is
consistent for some true values the rounding allows never fails.
"""

from __future__ import annotations

from labeliq.checks.common import nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.findings import failed, passed
from labeliq.checks.common.rule import Rule
from labeliq.checks.nutrition_facts.rules import R10_E4, R10_E5, R10_E6
from labeliq.models import Finding, NutritionFacts

# Atwater average factors, kcal/g: cfia-rules.md 10.E5 ([PG] CFIA "Elements within the NFt: energy" and the
# CFIA 2003 Guide s.6.4.1: protein 4, fat 9, carbohydrate 4). Fibre and sugar alcohols may contribute as little
# as 0 kcal/g (ibid.: carbohydrate energy may be < 4 when it includes fibre or sugar alcohols).
KCAL_FAT = 9.0
KCAL_PROTEIN = 4.0
KCAL_CARB = 4.0
# Our design choice, not a rule (cfia-rules.md 10.E5): flag only outside 80-120 % of the macronutrient range.
ENERGY_BAND = 0.20
# 1 Calorie = 4.184 kJ (cfia-rules.md 10.E6; [PG] CFIA 2003 Guide).
KJ_PER_KCAL = 4.184
KJ_STEP = 10.0  # kJ rounded to the nearest multiple of 10 kJ (FDR B.01.402 table item 2)


def _fmt_span(span: tuple[float, float]) -> str:
    return f"{round(span[0]):d}–{round(span[1]):d}"


def check_sums(nft: NutritionFacts) -> list[Finding]:
    """10.E4: saturated + trans <= fat; sugars + fibre (+ sugar alcohols + starch) <= carbohydrate."""
    out: list[Finding] = []
    fat = nft_values.interval(nft, "fat")
    # Omega-6 and omega-3 are part of polyunsaturated fat, so they are not added again.
    fat_keys = ("saturated_fat", "trans_fat", "polyunsaturated_fat", "monounsaturated_fat")
    fat_parts = {k: span for k in fat_keys if (span := nft_values.interval(nft, k)) is not None}
    if fat is not None and fat_parts:
        low = sum(span[0] for span in fat_parts.values())
        names = " + ".join(nft_rounding.RULES[k].name.lower() for k in fat_parts)
        out.append(_sum_finding(R10_E4.part("fat"), names, low, "fat", fat, nft, (*fat_parts, "fat")))
    carb = nft_values.interval(nft, "carbohydrate")
    keys = ("sugars", "fibre", "sugar_alcohols", "starch")
    spans = [nft_values.interval(nft, k) for k in keys]
    present = [s for s in spans if s is not None]
    if carb is not None and present:
        low = sum(s[0] for s in present)
        names = " + ".join(k.replace("_", " ") for k, s in zip(keys, spans, strict=True) if s is not None)
        out.append(
            _sum_finding(R10_E4.part("carbohydrate"), names, low, "carbohydrate", carb, nft, (*keys, "carbohydrate"))
        )
    return out


def _sum_finding(
    rule: Rule,
    parts_name: str,
    parts_low: float,
    whole_name: str,
    whole: tuple[float, float],
    nft: NutritionFacts,
    keys: tuple[str, ...],
) -> Finding:
    rows = [nft_values.row(nft, k) for k in keys]
    evidence = "; ".join(nft_values.evidence(r) for r in rows if r is not None)
    cite = "CFIA, Elements within the Nutrition Facts table (carbohydrate includes fibre, sugars, sugar alcohols)"
    if parts_low <= whole[1] + 1e-9:
        return passed(
            rule, f"The declared {parts_name} fit within the declared {whole_name}.", cite, evidence, nft.source.panel
        )
    return failed(
        rule,
        f"The declared {parts_name} add up to at least {nft_rounding.fmt(round(parts_low, 2))} g, more than the "
        f"declared {whole_name} allows (at most {nft_rounding.fmt(round(whole[1], 2))} g after rounding); "
        f"the parts of a nutrient cannot exceed the whole.",
        cite,
        evidence,
        nft.source.panel,
    )


def energy_from_macros(nft: NutritionFacts) -> tuple[float, float] | None:
    """The range of Calories the declared fat, carbohydrate and protein allow (None if one is missing)."""
    fat, carb, protein = (nft_values.interval(nft, k) for k in ("fat", "carbohydrate", "protein"))
    if fat is None or carb is None or protein is None:
        return None
    low_energy_carb = 0.0  # fibre and sugar alcohols counted at 0 kcal/g for the lower bound
    for key in ("fibre", "sugar_alcohols"):
        span = nft_values.interval(nft, key)
        if span is not None:
            low_energy_carb += span[1]
    available_low = max(0.0, carb[0] - low_energy_carb)
    kcal_min = KCAL_FAT * fat[0] + KCAL_PROTEIN * protein[0] + KCAL_CARB * available_low
    kcal_max = KCAL_FAT * fat[1] + KCAL_PROTEIN * protein[1] + KCAL_CARB * carb[1]
    return kcal_min, kcal_max


def check_energy(nft: NutritionFacts) -> list[Finding]:
    """10.E5: declared Calories against 4/9/4 kcal/g of the declared macronutrients, by intervals, +-20 %."""
    declared = nft_values.energy_interval(nft)
    macros = energy_from_macros(nft)
    if declared is None or macros is None or nft.calories is None:
        return []
    band = (macros[0] * (1 - ENERGY_BAND), macros[1] * (1 + ENERGY_BAND))
    evidence = nft.calories_text or f"Calories {nft_rounding.fmt(nft.calories)}"
    cite = (
        "CFIA, Elements within the Nutrition Facts table: energy (Atwater factors 4/9/4); 20 % band is a design choice"
    )
    if declared[1] >= band[0] and declared[0] <= band[1]:
        return [
            passed(
                R10_E5,
                f"{nft_rounding.fmt(nft.calories)} Calories is consistent with the macronutrients "
                f"(about {_fmt_span(macros)} Calories from 9 kcal/g fat, 4 kcal/g carbohydrate and protein).",
                cite,
                evidence,
                nft.source.panel,
            )
        ]
    return [
        failed(
            R10_E5,
            f"Energy is printed as {nft_rounding.fmt(nft.calories)} Calories, but the declared fat, carbohydrate and "
            f"protein give about {_fmt_span(macros)} Calories (9 kcal/g fat, 4 kcal/g carbohydrate and protein, "
            "fibre and sugar alcohols counted at 0-4 kcal/g); the declared energy is outside that range even with "
            "a 20 % allowance.",
            cite,
            evidence,
            nft.source.panel,
        )
    ]


def check_kilojoules(nft: NutritionFacts) -> list[Finding]:
    """10.E6: optional kJ = Calories x 4.184, rounded to the nearest 10 kJ (FDR B.01.402 item 2)."""
    row = nft_values.row(nft, "energy_kj")
    declared = nft_values.energy_interval(nft)
    kj = nft_values.amount(nft, "energy_kj")
    if row is None or kj is None or declared is None:
        return []
    low, high = declared[0] * KJ_PER_KCAL, declared[1] * KJ_PER_KCAL
    cite = "FDR B.01.402 table item 2; 1 Calorie = 4.184 kJ"
    half_step = KJ_STEP / 2
    if kj - half_step <= high + 1e-9 and kj + half_step >= low - 1e-9:
        return [
            passed(
                R10_E6,
                f"{nft_rounding.fmt(kj)} kJ matches the declared Calories.",
                cite,
                nft_values.evidence(row),
                row.source.panel,
            )
        ]
    return [
        failed(
            R10_E6,
            f"Energy is printed as {nft_rounding.fmt(kj)} kJ, but the declared Calories correspond to about "
            f"{nft_rounding.fmt(round(low))}–{nft_rounding.fmt(round(high))} kJ (1 Calorie = 4.184 kJ, rounded to "
            "the nearest 10 kJ).",
            cite,
            nft_values.evidence(row),
            row.source.panel,
        )
    ]
