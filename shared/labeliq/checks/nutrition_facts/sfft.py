"""The core rows of a Supplemented Food Facts table (FDR B.29.002), judged by the Nutrition Facts table's rules.

The table to B.29.002 words, units and rounds items 1 to 16 exactly as the table to B.01.401 does (same items, same
numbers), its simplified format (B.29.002(4)) needs the same six zeros, and B.29.002(3) computes a mineral's %DV from
its rounded amount as B.01.401(1.2) does. So the NFt checks run on the SFFt's rows, and their citations and messages
name the SFFt's provisions. The vitamins and minerals of the table to B.29.003 and the supplemental ingredients
(item 18, "Supplemented with") are judged in sfft_rows.
"""

from __future__ import annotations

from labeliq.checks.nutrition_facts import consistency, daily_value, nft_format, rounding_findings, sfft_rows
from labeliq.models import Finding, LabelFacts, ProductContext

# Most specific first: a provision of B.01.401 and its counterpart in Division 29.
_CITATIONS = (
    ("B.01.401(1.2)", "B.29.002(3)"),
    ("B.01.401(6.1)(h), (i)", "B.29.002(5)(i), (j)"),
    ("B.01.401(6.1)", "B.29.002(5)"),
    ("B.01.401(6)", "B.29.002(4)"),
    ("B.01.401(1)", "B.29.002(1)"),
    ("B.01.401", "B.29.002"),
    ("B.01.402", "B.29.003"),
)


def _as_sfft(finding: Finding) -> Finding:
    citation, message = finding.citation, finding.message
    for nft, sfft in _CITATIONS:
        citation = citation.replace(nft, sfft)
        message = message.replace(nft, sfft)
    message = message.replace("Nutrition Facts table", "Supplemented Food Facts table")
    return finding.model_copy(update={"citation": citation, "message": message})


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    """The SFFt's serving, descriptions, footnote, core rows, rounding, %DV and cross-checks (B.29.002)."""
    sup = facts.supplemented
    table = sup.table if sup is not None else None
    if table is None or facts.nutrition_facts is not None:
        return []
    supplemental = sup.supplemental if sup is not None else []
    # a core mineral added as a supplemental ingredient is declared only under "Supplemented with" (B.29.002(9)),
    # rounded and given its %DV by item 18 (sfft_rows), not by items 13-15; it still counts as shown
    moved = {row.key for row in supplemental}
    above = table.model_copy(update={"nutrients": {k: v for k, v in table.nutrients.items() if k not in moved}})
    findings = nft_format.check_serving(table)
    findings += nft_format.check_descriptions(table)
    findings += nft_format.check_footnote(facts, table)
    findings += nft_format.check_core_rows(table, context)
    findings += rounding_findings.check_core(above)
    findings += daily_value.check_missing_percent(above)
    findings += daily_value.check_forbidden_percent(above)
    findings += daily_value.check_minerals(above, context.judged_on())
    findings += daily_value.check_others(above)
    findings += consistency.check_sums(table)
    findings += consistency.check_energy(table)
    findings += consistency.check_kilojoules(table)
    return [_as_sfft(f) for f in findings] + sfft_rows.vitamin_rows(above) + sfft_rows.supplemental_rows(supplemental)
