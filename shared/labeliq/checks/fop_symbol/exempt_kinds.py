"""B.01.350(13): kinds of food exempt from the nutrition symbol "unless they are required to carry a nutrition facts
table", settled from the label when it carries no table.

The kind comes from the context key product_kind (product_category group "fop_exempt_review"). Whether a table is
nevertheless required is B.01.401(3): an added vitamin or mineral nutrient (a), one declared in an ingredient (b),
ground meat (d), or a nutrient reference, nutrition or health claim or the words "nutrition facts" on the label (e).
Each shows on the label, so with none of them shown the exemption holds and the symbol is not required.
"""

from __future__ import annotations

from labeliq.checks.common import product_category
from labeliq.checks.common.findings import not_applicable, review
from labeliq.checks.fop_symbol.rules import R7_10
from labeliq.checks.nutrition_facts.exemption import cancellers
from labeliq.models import Finding, FindingText, LabelFacts, ProductContext

CITATION = "FDR B.01.350(13); B.01.401(2)(b), (3)"


def table_triggers(facts: LabelFacts) -> list[str]:
    """What on the label makes a Nutrition Facts table required despite B.01.401(2), each with its paragraph of
    B.01.401(3): the table check's own test (nutrition_facts.exemption), so the two checks agree."""
    return [str(c) for c in cancellers(facts)]


def exempt_without_table(facts: LabelFacts, context: ProductContext) -> Finding | None:
    """With no table and no symbol on a (13) kind: not required when nothing calls for a table, else a question."""
    if context.all_nutrients_zero and not table_triggers(facts):
        return not_applicable(
            R7_10,
            'Every item of the Nutrition Facts table may be expressed as "0" (context all_nutrients_zero), so no '
            "table is required (B.01.401(2)(a)) and saturated + trans fat (under 0.4 g), sugars (under 0.5 g) and "
            "sodium (under 5 mg) are each at most 2 % of their Daily Value, below every threshold of the table to "
            "B.01.350: no symbol is required.",
            "FDR B.01.350(1), B.01.401(2)(a)",
        )
    kind = product_category.matches(context, "fop_exempt_review")
    if not kind:
        return None
    triggers = table_triggers(facts)
    if not triggers:
        return not_applicable(
            R7_10,
            f"The product is a {kind[0]} (context product_kind), exempt from the nutrition symbol unless it must carry "
            "a Nutrition Facts table; the label shows nothing that requires one (no added vitamin or mineral, no "
            "nutrient reference or claim), so no symbol is required.",
            CITATION,
        )
    return review(
        R7_10,
        f"The product is a {kind[0]} (context product_kind), exempt from the nutrition symbol unless it must carry a "
        f"Nutrition Facts table, but {'; '.join(triggers)}, which requires one; no table was read, "
        "so whether the symbol is required cannot be computed.",
        CITATION,
    ).model_copy(
        update={
            "question": "Does the product carry a Nutrition Facts table, and what are its amounts?",
            "fr": FindingText(
                message="",
                question="Le produit porte-t-il un tableau de la valeur nutritive, et quelles en sont les teneurs?",
            ),
        }
    )
