"""The serving of stated size against the reference amount (cfia-rules.md 10.E8).

CFIA expects the serving to reflect the Table of Reference Amounts (and a single-serving container to hold less
than 200 % of the reference amount), but the table is incorporated by reference and not gathered here, and the
product's category in it is a judgement. So this is always a `needs_review`, with both numbers when the context
gives the reference amount, so the reviewer starts from what the label says.
"""

from __future__ import annotations

from labeliq.checks.common.findings import review
from labeliq.checks.nutrition_facts.rules import R10_E8
from labeliq.models import Finding, NutritionFacts, ProductContext

CITATION = "CFIA ILT, nutrition facts table (serving size); Table of Reference Amounts"


def serving_finding(nft: NutritionFacts, context: ProductContext) -> Finding:
    serving = nft.serving_text.strip() or "not read"
    ra = context.reference_amount
    if ra is None:
        return review(
            R10_E8,
            f"The serving of stated size ({serving}) cannot be compared with the Table of Reference Amounts: the "
            "context gives no reference amount. Check that the serving reflects the reference amount for the "
            "product's category (a single-serving container holds less than 200 % of it).",
            CITATION,
            serving,
            nft.source.panel,
        )
    detail = ""
    if nft.serving_amount is not None and (nft.serving_unit or "").lower() == ra.unit.lower():
        ratio = nft.serving_amount / ra.value * 100
        detail = f" The serving is {ratio:.0f} % of the reference amount."
    single = (
        " The context says the package is a single-serving container: it should hold less than 200 % of the "
        "reference amount."
        if context.single_serving_container
        else ""
    )
    return review(
        R10_E8,
        f"The serving of stated size ({serving}) should reflect the reference amount given in the context "
        f"({ra.value:g} {ra.unit}).{detail}{single} Whether it does depends on the Table of Reference Amounts' "
        "rules for the product's category, which a person must check.",
        CITATION,
        serving,
        nft.source.panel,
    )
