"""The small-package alternative to the Nutrition Facts table (FDR B.01.467).

A package with less than 100 cm² of available display surface need not carry the table if its outer label says how
to obtain the nutrition information, with a postal address or a toll-free number, in English and French (B.01.467(1),
(3)). Such labels often print a short statement of energy and a few nutrients instead ("Per 1 piece (3 g): 10
Calories, 0 g fat, 2 g sugar alcohols"): it is not a broken table, and the core-row and rounding rules of the table
(B.01.401) are not judged on it. The alternative is lost when vitamins or minerals are added or a claim or nutrition
symbol is made (B.01.467(2)(a) via B.01.401(3)(a), (b), (e)); "free of sugars" gum and candy keep it under (2.1).
"""

from __future__ import annotations

import re

from labeliq.checks.common.findings import failed, passed
from labeliq.checks.nutrition_facts.rules import R10_A4
from labeliq.models import Finding, LabelFacts, NutritionFacts, ProductContext
from labeliq.text import fold
from labeliq.text_patterns import POSTAL_CA

SMALL_PACKAGE_CM2 = 100.0
CITE = "FDR B.01.467(1), (3)"
_INDICATION = re.compile(
    r"nutrition(al)? (information|facts|info)|information nutritionnelle|renseignements nutritionnels|"
    r"valeur nutritive|nutrition\b"
)
_TOLL_FREE = re.compile(r"\b1?[\s.-]*\(?8(00|33|44|55|66|77|88)\)?[\s.-]*\d{3}[\s.-]*\d{4}\b")
_FREE_OF_SUGARS = re.compile(r"sugar[- ]?free|free of sugar|sans sucre|exempt de sucre")
_TITLE = re.compile(r"nutrition\s*facts|valeur\s*nutritive")
_CORE = ("fat", "saturated_fat", "trans_fat", "cholesterol", "sodium", "carbohydrate", "fibre", "sugars", "protein")


def is_small(context: ProductContext) -> bool:
    ads = context.available_display_surface_cm2
    return ads is not None and ads < SMALL_PACKAGE_CM2


def indication(facts: LabelFacts) -> str:
    """The line(s) saying how to obtain the nutrition information with a toll-free number or postal address."""
    for panel in facts.panels:
        lines = panel.text.splitlines()
        for i, line in enumerate(lines):
            if not _INDICATION.search(fold(line)) or _TITLE.search(fold(line)):
                continue
            window = " ".join(lines[i : i + 3])
            if _TOLL_FREE.search(window) or POSTAL_CA.search(window):
                return " ".join(window.split())
    return ""


def is_short_statement(nft: NutritionFacts) -> bool:
    """Energy and a few nutrients without the table's title or most of its core rows."""
    titled = bool(_TITLE.search(fold(nft.title)))
    present = sum(1 for key in _CORE if key in nft.nutrients)
    return not titled or present < 5


# B.01.469: below 15 cm2 of available display surface no Nutrition Facts table is needed at all.
TINY_PACKAGE_CM2 = 15.0


def findings(facts: LabelFacts, context: ProductContext, cancelled: str) -> list[Finding] | None:
    """The B.01.467 / B.01.469 findings when the label takes the small-package path; None when it does not."""
    nft = facts.nutrition_facts
    ads = context.available_display_surface_cm2
    if nft is None and ads is not None and ads < TINY_PACKAGE_CM2:
        return [
            passed(
                R10_A4,
                f"The package has {ads:g} cm² of available display surface (under 15 cm²), so its label need not "
                "carry a Nutrition Facts table, whatever else it shows.",
                "FDR B.01.469",
            )
        ]
    if not is_small(context) or (nft is not None and not is_short_statement(nft)):
        return None
    ads = context.available_display_surface_cm2
    found = indication(facts)
    if cancelled.startswith("the label contains the words") or _FREE_OF_SUGARS.search(fold(cancelled)):
        cancelled = ""  # the indication itself names the information; "free of sugars" gum keeps it, (2.1)
    shown = "a short statement of energy and nutrients" if nft is not None else "no Nutrition Facts table"
    if cancelled:
        return [
            failed(
                R10_A4,
                f"The package ({ads:g} cm² of available display surface) shows {shown}, but the small-package "
                f"alternative is not available because {cancelled}; the label must carry a Nutrition Facts table.",
                "FDR B.01.467(2)(a), B.01.401(3)",
                found,
            )
        ]
    if not found:
        return [
            failed(
                R10_A4,
                f"The package ({ads:g} cm² of available display surface) shows {shown}; without a Nutrition Facts "
                "table its outer label must say how to obtain the nutrition information, with a postal address or a "
                "toll-free telephone number, in English and French.",
                CITE,
            )
        ]
    return [
        passed(
            R10_A4,
            f"The package has {ads:g} cm² of available display surface (under 100 cm²) and says how to obtain the "
            f"nutrition information ('{found[:120]}'), so it need not carry a Nutrition Facts table; the table's "
            "rows and rounding are not judged on the short statement it shows instead.",
            CITE,
            found,
        )
    ]


def statement_in_use(facts: LabelFacts, context: ProductContext) -> bool:
    """The label takes the B.01.467 path: a package under 100 cm² with an indication of how to obtain the
    information, and a short statement (or nothing) where a table would be."""
    nft = facts.nutrition_facts
    return is_small(context) and (nft is None or is_short_statement(nft)) and bool(indication(facts))
