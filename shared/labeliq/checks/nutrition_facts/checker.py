"""Checker for the Nutrition Facts table (cfia-rules.md section 10).

The work is split by idea: nft_presence (10.A: required, forbidden, exempt, foreign), nft_format (title,
descriptions, footnote, serving, missing rows), nft_rounding_findings (10.B / 10.C rounding),
nft_daily_value (10.D / 10.E1-E3), nft_consistency (10.E4-E6). This module only orders them.
"""

from __future__ import annotations

from labeliq.checks.nutrition_facts import consistency as nft_consistency
from labeliq.checks.nutrition_facts import daily_value as nft_daily_value
from labeliq.checks.nutrition_facts import dual, misread, nft_format, sfft, small_package, vitamins_minerals
from labeliq.checks.nutrition_facts import presence as nft_presence
from labeliq.checks.nutrition_facts import rounding_findings as nft_rounding_findings
from labeliq.checks.nutrition_facts import serving as nft_serving
from labeliq.models import Finding, LabelFacts, ProductContext


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    small = small_package.findings(facts, context)
    if small is not None:
        # B.01.467: a package under 100 cm² that says how to get the information; a short statement is not a table
        return small + nft_presence.check_foreign_table(facts)
    findings = nft_presence.check_presence(facts, context)
    findings += nft_presence.check_foreign_table(facts)
    nft = facts.nutrition_facts
    if nft is None:
        return findings + sfft.check(facts, context)
    findings += nft_format.check_title(nft)
    findings += nft_format.check_serving(nft)
    findings += nft_format.check_descriptions(nft)
    findings += nft_format.check_footnote(facts, nft)
    findings += nft_format.check_core_rows(nft, context)
    findings += nft_rounding_findings.check_core(nft)
    findings += nft_rounding_findings.check_additional(nft)
    findings += vitamins_minerals.check_declared(facts, nft, context)
    infants = nft_format.for_infants(context)
    young = "infants 6 to 12 months" if infants else None
    if context.intended_solely_for_children_under_4 and not infants:
        young = "children 1 to 4 years"
    findings += vitamins_minerals.check_rows(nft, young)
    findings += vitamins_minerals.check_order(nft)
    findings += dual.check(facts, nft)
    findings += nft_daily_value.check_missing_percent(nft, infants)
    findings += nft_daily_value.check_forbidden_percent(nft, infants)
    if infants or context.intended_solely_for_children_under_4:
        findings += nft_daily_value.check_young_children(nft, infants)
    else:
        findings += nft_daily_value.check_minerals(nft, context.judged_on())
        findings += nft_daily_value.check_others(nft)
    findings += nft_consistency.check_sums(nft)
    findings += nft_consistency.check_energy(nft)
    findings += nft_consistency.check_kilojoules(nft)
    findings += nft_presence.layout_reviews(facts)
    findings.append(nft_serving.serving_finding(nft, context))
    return misread.review_possible_misreads(findings, nft)
