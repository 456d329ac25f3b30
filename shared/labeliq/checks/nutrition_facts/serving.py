"""The serving of stated size against the reference amount (cfia-rules.md 10.E8).

CFIA expects the serving to reflect the Table of Reference Amounts (and a single-serving container to hold less
than 200 % of the reference amount), but the table is incorporated by reference and not gathered here, and the
product's category in it is a judgement. B.01.002A(1) settles two cases from the numbers alone (a serving
equal to the reference amount; a single-serving package under 200 % of it); every other case is a `needs_review`
with both numbers, so the reviewer starts from what the label says.
"""

from __future__ import annotations

from labeliq.checks.common.findings import passed, review
from labeliq.checks.nutrition_facts.rules import R10_E8
from labeliq.models import Finding, NutritionFacts, ProductContext

CITATION = "CFIA ILT, nutrition facts table (serving size); Table of Reference Amounts"


CITATION_SETTLED = "FDR B.01.002A(1)"


def _settled(nft: NutritionFacts, context: ProductContext) -> str | None:
    """The cases B.01.002A(1) settles from the numbers alone: a serving equal to the reference amount, or a
    single-serving package (the serving is the package's net quantity) holding less than 200 % of it."""
    ra = context.reference_amount
    if ra is None or nft.serving_amount is None or (nft.serving_unit or "").lower() != ra.unit.lower():
        return None
    ratio = nft.serving_amount / ra.value * 100
    if abs(ratio - 100) < 0.5:
        return (
            f"The serving of stated size ({nft.serving_amount:g} {nft.serving_unit}) is the reference amount given "
            f"in the context ({ra.value:g} {ra.unit})."
        )
    if context.single_serving_container and ratio < 200:
        return (
            f"The package is a single serving ({nft.serving_amount:g} {nft.serving_unit}, {ratio:.0f} % of the "
            f"{ra.value:g} {ra.unit} reference amount, less than 200 %), so its serving of stated size is its net "
            "quantity (B.01.002A(1)(b))."
        )
    return None


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
    settled = _settled(nft, context)
    if settled is not None:
        return passed(R10_E8, settled, CITATION_SETTLED, serving, nft.source.panel)
    single = (
        " The context says the package is a single-serving container: it should hold less than 200 % of the "
        "reference amount."
        if context.single_serving_container
        else ""
    )
    question, question_fr = _question(serving, ra.value, ra.unit, bool(context.single_serving_container))
    return review(
        R10_E8,
        f"The serving of stated size ({serving}) should reflect the reference amount given in the context "
        f"({ra.value:g} {ra.unit}).{detail}{single} Whether it does depends on the Table of Reference Amounts' "
        "rules for the product's category, which a person must check.",
        CITATION,
        serving,
        nft.source.panel,
        question=question,
        question_fr=question_fr,
    )


def _question(serving: str, ra_value: float, ra_unit: str, single: bool) -> tuple[str, str]:
    """What a person must look up, in English and French: B.01.002A(1)(c) sends a multiple-serving package to
    column 3A of the Table of Reference Amounts, which is not in our sources."""
    ra = f"{ra_value:g} {ra_unit}"
    if single:
        return (
            f'The context calls the package a single serving ("{serving}", 200 % or more of the {ra} reference '
            "amount): can one person reasonably eat it at one sitting (B.01.002A(1)(b)(i))? If not, column 3A of "
            "the Table of Reference Amounts sets the serving.",
            f"Le contexte dit que l'emballage est une portion individuelle (« {serving} », 200 % ou plus de la "
            f"quantité de référence de {ra}) : une personne peut-elle raisonnablement le consommer en une seule "
            "occasion (B.01.002A(1)b)(i)) ? Sinon, la colonne 3A du Tableau des quantités de référence fixe la "
            "portion.",
        )
    return (
        f'Is "{serving}" the serving that column 3A of the Table of Reference Amounts sets for this food (reference '
        f"amount {ra})? A multiple-serving package's serving follows column 3A (B.01.002A(1)(c)), and that table is "
        "not in our sources.",
        f"« {serving} » est-elle la portion que la colonne 3A du Tableau des quantités de référence fixe pour cet "
        f"aliment (quantité de référence {ra}) ? La portion d'un emballage à portions multiples suit la colonne 3A "
        "(B.01.002A(1)c)); ce tableau n'est pas dans nos sources.",
    )
