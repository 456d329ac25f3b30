"""Supplemented-food rows about representations, adulteration and the FOP symbol (cfia-rules.md 12.7-12.9).

They are in play only once the label is a supplemented food. Letter heights (B.29.029) are not in text, so a
health-related representation next to cautions is a `needs_review`; B.29.030 concerns only foods that are not
supplemented; the FOP small-package exemption (B.01.350(13.1),(13.2)) turns on the ADS and the identifier.
"""

from __future__ import annotations

from labeliq.checks.common.findings import not_applicable, review
from labeliq.checks.supplements.rules import R12_7, R12_8, R12_9
from labeliq.models import Finding, LabelFacts, ProductContext

CITE_SIZE = "FDR B.29.029"
CITE_ADULTERATED = "FDR B.29.030"
CITE_FOP = "FDR B.01.350(13.1),(13.2), B.29.018(2)(b)"
_HEALTH_KINDS = ("nutrient_content", "health")


def representation_size(facts: LabelFacts, has_cautions: bool) -> Finding:
    if not has_cautions:
        return not_applicable(
            R12_7,
            "No list of cautionary statements is shown, so the size limit on health-related representations "
            "(B.29.029) does not apply.",
            CITE_SIZE,
        )
    claims = [c for c in facts.claims if c.kind in _HEALTH_KINDS]
    if not claims:
        return not_applicable(
            R12_7,
            "No nutrient content or health claim was found on this supplemented food with cautions, so the size "
            "limit of B.29.029 has nothing to apply to (check any health-related logo or seal by eye).",
            CITE_SIZE,
        )
    shown = "; ".join(sorted({c.text for c in claims}))
    return review(
        R12_7,
        f"This supplemented food shows cautionary statements and health-related representations ({shown}). On the "
        "principal display panel their letters may be at most twice the height of the supplemented food caution "
        "identifier's letters; elsewhere at most twice the height of the cautionary statements' letters. Measure "
        "the letter heights on the package: text does not carry them.",
        CITE_SIZE,
        shown[:160],
        claims[0].source.panel,
    )


def adulteration() -> Finding:
    return not_applicable(
        R12_8,
        "The product is itself a supplemented food; B.29.030 (a supplemented food used as an ingredient "
        "adulterates a food that is not supplemented) concerns other products.",
        CITE_ADULTERATED,
    )


def fop_exemption(facts: LabelFacts, context: ProductContext, has_identifier: bool) -> Finding:
    ads = context.available_display_surface_cm2
    if ads is None or ads >= 100:
        size = "not given" if ads is None else f"{ads:g} cm²"
        return not_applicable(
            R12_9,
            f"The available display surface is {size}, so the small-package exemption of B.01.350(13.1),(13.2) "
            "is not in play; the nutrition symbol rules apply to this supplemented food as to any food and are "
            "judged by the FOP check.",
            CITE_FOP,
        )
    if has_identifier:
        return not_applicable(
            R12_9,
            f"The available display surface is {ads:g} cm² (< 100 cm²) and the label carries a supplemented food "
            "caution identifier, so no nutrition symbol is required (B.01.350(13.2)).",
            CITE_FOP,
        )
    return review(
        R12_9,
        f"The available display surface is {ads:g} cm² (< 100 cm²) and no caution identifier was found: the "
        "supplemented food is exempt from the nutrition symbol unless it makes a representation referred to in "
        "B.29.018(2)(b) (a declaration of energy or of a nutrient or supplemental ingredient amount, or a "
        "nutritional or health-related representation) on the label or in the manufacturer's advertising, which "
        "must be checked.",
        CITE_FOP,
    )


def presentation_findings(
    facts: LabelFacts, context: ProductContext, has_cautions: bool, has_identifier: bool
) -> list[Finding]:
    return [
        representation_size(facts, has_cautions),
        adulteration(),
        fop_exemption(facts, context, has_identifier),
    ]
