"""Checker for the Nutrition Facts table (cfia-rules.md section 10).

The work is split by idea: nft_presence (10.A: required, forbidden, exempt, foreign), nft_format (title,
descriptions, footnote, serving, missing rows), nft_rounding_findings (10.B / 10.C rounding),
nft_daily_value (10.D / 10.E1-E3), nft_consistency (10.E4-E6). This module only orders them.
"""

from __future__ import annotations

import re

from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.nutrition_facts import consistency as nft_consistency
from labeliq.checks.nutrition_facts import daily_value as nft_daily_value
from labeliq.checks.nutrition_facts import nft_format
from labeliq.checks.nutrition_facts import presence as nft_presence
from labeliq.checks.nutrition_facts import rounding_findings as nft_rounding_findings
from labeliq.checks.nutrition_facts import serving as nft_serving
from labeliq.checks.nutrition_facts.rules import R10_C, R10_D
from labeliq.models import Finding, LabelFacts, NutritionFacts, ProductContext
from labeliq.text import fold

# Sugar alcohols by name (FDR B.01.402 table item 12 "naming the sugar alcohol"); cfia-rules.md 10.C.
_SUGAR_ALCOHOLS = ("sorbitol", "maltitol", "xylitol", "erythritol", "isomalt", "lactitol", "mannitol", "polyglycitol")
_VITAMIN = re.compile(r"^(vitamin|vitamine)\s+([acd])\d?\b")


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    findings = nft_presence.check_presence(facts, context)
    findings += nft_presence.check_foreign_table(facts)
    nft = facts.nutrition_facts
    if nft is None:
        return findings
    findings += nft_format.check_title(nft)
    findings += nft_format.check_serving(nft)
    findings += nft_format.check_descriptions(nft)
    findings += nft_format.check_footnote(facts, nft)
    findings += nft_format.check_core_rows(nft, context)
    findings += nft_rounding_findings.check_core(nft)
    findings += nft_rounding_findings.check_additional(nft)
    findings += _added_nutrients(facts, nft)
    findings += nft_daily_value.check_missing_percent(nft)
    findings += nft_daily_value.check_forbidden_percent(nft)
    if context.intended_solely_for_children_under_4:
        findings.append(_children_daily_values(nft))
    else:
        findings += nft_daily_value.check_minerals(nft, context.judged_on())
        findings += nft_daily_value.check_others(nft)
    findings += nft_consistency.check_sums(nft)
    findings += nft_consistency.check_energy(nft)
    findings += nft_consistency.check_kilojoules(nft)
    findings += nft_presence.layout_reviews(facts)
    findings.append(nft_serving.serving_finding(nft, context))
    return findings


def _added_nutrients(facts: LabelFacts, nft: NutritionFacts) -> list[Finding]:
    """B.01.402(6): an added sugar alcohol or vitamin must be declared in the table (cfia-rules.md 10.C)."""
    out: list[Finding] = []
    names = [i.name for lst in facts.ingredients for i in lst.ingredients]
    for name in names:
        folded = fold(name)
        polyol = next((p for p in _SUGAR_ALCOHOLS if re.search(rf"\b{p}\b", folded)), None)
        if polyol is not None:
            out.append(_declared("sugar_alcohols", f'the sugar alcohol "{name}"', nft, name))
            continue
        match = _VITAMIN.match(folded)
        if match is not None:
            out.append(_declared(f"vitamin_{match.group(2)}", f'"{name}"', nft, name))
    return out


def _declared(key: str, what: str, nft: NutritionFacts, evidence: str) -> Finding:
    cite = "FDR B.01.402(6)"
    if key in nft.nutrients:
        return passed(
            R10_C.part("added"), f"{what} is added and declared in the table.", cite, evidence, nft.source.panel
        )
    return failed(
        R10_C.part("added"),
        f"The ingredient list shows {what}, but the Nutrition Facts table does not declare it; the table must show "
        "the amount of any sugar alcohol, vitamin or mineral nutrient added to the product.",
        cite,
        evidence,
        nft.source.panel,
    )


def _children_daily_values(nft: NutritionFacts) -> Finding:
    """Foods solely for children 1 to < 4 years use the column-2 Daily Values, most of which are not in our sources."""
    return review(
        R10_D,
        "The product is intended solely for children under 4 years, so its % Daily Values use the children's column of "
        "the Table of Daily Values; those values are not confirmed in the sources (only sodium 1200 mg and potassium "
        "2000 mg are), so a reviewer must check the %DV column.",
        "FDR B.01.401; Table of Daily Values, column 2",
        nft.title,
        nft.source.panel,
    )
