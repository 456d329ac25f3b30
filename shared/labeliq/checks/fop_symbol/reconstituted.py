"""Products reconstituted before eating (cfia-rules.md 7.6, FDR B.01.350(3),(4)).

When the reference amount refers only to the prepared food, the %DV and the threshold category both rest on
the serving of stated size, not on the greater of serving and reference amount. Whether the reference amount
refers to the prepared form is in the Table of Reference Amounts, not on the label, so a label that shows it is
prepared before eating gets a `needs_review`; other labels get nothing (the rule is not in play).
"""

from __future__ import annotations

import re

from labeliq.checks.common.findings import review
from labeliq.checks.fop_symbol.rules import R7_6
from labeliq.models import Finding, LabelFacts, ProductContext

CITATION = "FDR B.01.350(3),(4)"
_PREPARED = re.compile(
    r"\bas prepared\b|\btel(le)? que pr[ée]par[ée]e?\b|\breconstitut"
    r"|\badd \d+.{0,20}\b(water|milk)\b|\bajouter .{0,20}\b(eau|lait)\b",
    re.I,
)
# what the label's own common name shows (a powder, a concentrate), never the words of the context's category
_NAMED = re.compile(r"\b(powder|concentrate|reconstitut\w*|dehydrated|poudre|concentr[ée]e?)\b", re.I)


def reconstitution_finding(facts: LabelFacts, context: ProductContext) -> Finding | None:
    nft = facts.nutrition_facts
    table_text = f"{nft.title} {nft.serving_text}" if nft else ""
    names = " | ".join(n.text for n in facts.common_names)
    hit = _PREPARED.search(table_text) or _NAMED.search(names)
    if hit is None:
        for panel in facts.panels:
            if (hit := re.search(r"\bas prepared\b|\btel(le)? que pr[ée]par[ée]e?\b", panel.text, re.I)) is not None:
                break
    if hit is None:
        return None
    return review(
        R7_6,
        f"The product appears to be prepared or reconstituted before eating ('{hit.group(0).strip()}'). If its "
        "reference amount refers only to the prepared food, the %DV for the nutrition symbol and the threshold "
        "category (15 %, 10 % or 30 %) are based on the serving of stated size, not on the greater of serving and "
        "reference amount: confirm in the Table of Reference Amounts and recompute on the serving if so.",
        CITATION,
        hit.group(0).strip(),
        nft.source.panel if nft else None,
    )
