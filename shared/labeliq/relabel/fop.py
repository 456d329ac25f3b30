"""The front-of-package nutrition symbol the sticker needs, decided by the checker's own threshold arithmetic.

The converted table is parsed like any label and assessed with labeliq.checks.fop_symbol.thresholds (FDR B.01.350), so
the sticker carries "High in / Élevé en" for exactly the nutrients the fop_symbol checker would require. Words are
those of Schedule K.1 ("Sat fat / Gras sat.", "Sugars / Sucres", "Sodium"); the symbol's design and size are not
text and stay for a person, as do the exemptions of B.01.350(3)-(12).
"""

from __future__ import annotations

from labeliq.checks.fop_symbol import thresholds as fop_thresholds
from labeliq.models import LabelFacts, ProductContext

SYMBOL_WORDS = {"saturated_fat": "Sat fat / Gras sat.", "sugars": "Sugars / Sucres", "sodium": "Sodium"}


def symbol_nutrients(facts: LabelFacts, context: ProductContext) -> tuple[list[str], list[str]]:
    """(nutrients the symbol must show, notes for a person) from the sticker's parsed table."""
    nft = facts.nutrition_facts
    if nft is None:
        return [], []
    chosen = fop_thresholds.basis(nft, context)
    if isinstance(chosen, str):
        return [], [f"Whether a front-of-package nutrition symbol is needed could not be settled: {chosen}."]
    required: list[str] = []
    notes: list[str] = []
    for item in fop_thresholds.assess(nft, context, chosen):
        if item.requirement == "required":
            required.append(item.nutrient)
            notes.append(f"Nutrition symbol needed: {item.explanation}.")
        elif item.requirement in ("borderline", "unknown"):
            notes.append(f"Nutrition symbol not settled for {item.nutrient}: {item.explanation}.")
    if required:
        notes.append(
            "The symbol's design, size and place on the principal display panel (FDR B.01.350-B.01.357, Schedule "
            "K.1) and the exemptions of B.01.350 are for a person to confirm."
        )
    return required, notes


def symbol_lines(nutrients: list[str]) -> list[str]:
    if not nutrients:
        return []
    return ["High in / Élevé en", *(SYMBOL_WORDS[n] for n in nutrients), "Health Canada / Santé Canada"]
