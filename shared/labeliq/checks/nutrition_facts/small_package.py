"""The small-package alternative to the Nutrition Facts table (FDR B.01.467).

A package with less than 100 cm² of available display surface need not carry the table if its outer label says how
to obtain the nutrition information, with a postal address or a toll-free number, in English and French (B.01.467(1),
(3)). Such labels often print a short statement of energy and a few nutrients instead ("Per 1 piece (3 g): 10
Calories, 0 g fat, 2 g sugar alcohols"): it is not a broken table, and the core-row and rounding rules of the table
(B.01.401) are not judged on it. But such a statement is itself "a reference to the energy value" or to a nutrient
(B.01.401(3)(e)(i)), so it takes the alternative away (B.01.467(2)(a)), as added vitamins or minerals, a claim or a
nutrition symbol do; only a product that meets "free of sugars" keeps it (2.1), with no added vitamin or mineral and
its energy (Calories) and sugar alcohols (g) shown immediately after the last of the list of ingredients, the
"Contains" and "May contain" statements and the phenylalanine statement.
"""

from __future__ import annotations

import re

from labeliq.checks.common.findings import failed, passed
from labeliq.checks.nutrition_facts import exemption
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
# B.01.467(2.1)(b): the energy value in Calories and the sugar alcohols in grams per serving of stated size
_ENERGY = re.compile(r"\d+\s*(calories|cal)\b")
_POLYOLS = re.compile(r"\d+(?:[.,]\d+)?\s*g\s*(?:of\s+|de\s+)?(?:sugar alcohols?|polyols?|polyalcools?)")
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


# What the simplified (B.01.401(6)(a)-(e)) and single-serving (6.1)(a)-(e) tables always keep besides the serving.
_ALWAYS_KEPT = ("fat", "carbohydrate", "protein")


def is_short_statement(nft: NutritionFacts) -> bool:
    """Energy and a few nutrients without the table's title or most of its core rows.

    A titled table with the energy, fat, carbohydrate and protein rows and a "Not a significant source of ..."
    statement is the simplified format of B.01.401(6) (a spice's table may show only four core rows), and a titled
    table with those rows is at least the single-serving table of (6.1): both are Nutrition Facts tables, judged by
    the table rules, not a statement in place of one.
    """
    titled = bool(_TITLE.search(fold(nft.title)))
    if not titled:
        return True
    present = sum(1 for key in _CORE if key in nft.nutrients)
    kept = nft.calories is not None and all(key in nft.nutrients for key in _ALWAYS_KEPT)
    return present < 5 and not kept


# B.01.469: below 15 cm2 of available display surface no Nutrition Facts table is needed at all.
TINY_PACKAGE_CM2 = 15.0


def free_of_sugars_claim(facts: LabelFacts) -> str:
    """The "free of sugars" statement or claim the label makes ("Sugar-free", "Sans sucre"), or ""."""
    for claim in facts.claims:
        if _FREE_OF_SUGARS.search(fold(claim.text)):
            return claim.text
    return next((p.text[m.start() : m.end()] for p in facts.panels if (m := _FREE_OF_SUGARS.search(fold(p.text)))), "")


def without_free_of_sugars(facts: LabelFacts) -> LabelFacts:
    """The facts without their "free of sugars" claims: under B.01.467(2.1) such a claim does not take the
    small-package alternative away, but the other conditions of B.01.401(3) still do."""
    kept = [c for c in facts.claims if not _FREE_OF_SUGARS.search(fold(c.text))]
    return facts if len(kept) == len(facts.claims) else facts.model_copy(update={"claims": kept})


def _after_last_list_element(facts: LabelFacts, nft: NutritionFacts) -> bool:
    """B.01.467(2.1)(b): the statement follows the last of the list, the Contains and May contain statements and
    the phenylalanine statement on its panel, with nothing but blank lines between."""
    sources = [i.source for i in facts.ingredients] + [s.source for s in (*facts.contains, *facts.may_contain)]
    sources += [s.source for s in facts.phenylalanine_statements]
    ends = [s.line_end for s in sources if s.panel == nft.source.panel and s.line_end is not None]
    panel = facts.panel(nft.source.panel)
    start = nft.source.line_start
    if not ends or panel is None or start is None or start <= max(ends):
        return False
    between = panel.text.splitlines()[max(ends) + 1 : start]
    return all(not line.strip() for line in between)


def _statement_text(facts: LabelFacts, nft: NutritionFacts) -> str:
    panel = facts.panel(nft.source.panel)
    start, end = nft.source.line_start, nft.source.line_end
    if panel is None or start is None:
        return " ".join(nft.title.split())
    lines = panel.text.splitlines()[start : (end if end is not None else start) + 1]
    return " ".join(" ".join(lines).split())


def _short_statement(facts: LabelFacts, nft: NutritionFacts, found: str, ads: float) -> Finding:
    """B.01.467(2)(a) with B.01.401(3)(e)(i), and the "free of sugars" exception of B.01.467(2.1)."""
    shown = _statement_text(facts, nft)
    free = free_of_sugars_claim(facts)
    if not free:
        finding = failed(
            R10_A4,
            f"The package ({ads:g} cm² of available display surface) gives energy or nutrient amounts "
            f'("{shown[:100]}") instead of a Nutrition Facts table. B.01.467(2) says the small-package alternative '
            '"does not apply to a prepackaged product that is (a) described in paragraph B.01.401(3)(a), (b) or (e)", '
            'and B.01.401(3)(e)(i) describes a label that contains "a reference to the energy value, a nutrient set '
            'out in column 1 of the table to this section [...] or a constituent of such a nutrient", as this '
            'statement is. Only a product that meets "free of sugars" may show its energy and sugar alcohols that way '
            "(B.01.467(2.1)).",
            "FDR B.01.467(2)(a), B.01.401(3)(e)(i)",
            shown,
            nft.source.panel,
        )
        return finding.model_copy(
            update={
                "fix": "Remove the energy and nutrient amounts and keep only the indication of how to obtain the "
                "nutrition information (B.01.467(1)), or print a Nutrition Facts table. A product that meets the "
                '"free of sugars" conditions may instead show its Calories and grams of sugar alcohols per serving '
                "right after the list of ingredients and its statements (B.01.467(2.1))."
            }
        )
    folded = fold(shown)
    stated = _ENERGY.search(folded) and _POLYOLS.search(folded)
    if not stated or not _after_last_list_element(facts, nft):
        finding = failed(
            R10_A4,
            f'The package makes the "free of sugars" claim "{free}" and gives "{shown[:100]}" instead of a Nutrition '
            'Facts table; B.01.467(2.1)(b) allows that only when "the energy value expressed in Calories per serving '
            "of stated size and the amount of sugar alcohols expressed in grams per serving of stated size are shown "
            'immediately after whichever of the following elements appears last on the label": the list of '
            'ingredients, the "Contains" and "May contain" statements and the phenylalanine statement.',
            "FDR B.01.467(2.1)(b)",
            shown,
            nft.source.panel,
        )
        return finding.model_copy(
            update={
                "fix": "Show the Calories and the grams of sugar alcohols per serving right after the list of "
                'ingredients and its "Contains" statement.'
            }
        )
    presentation = _claim_presentation(facts, free)
    if presentation is not None:
        return presentation
    return passed(
        R10_A4,
        f'The package ({ads:g} cm² of available display surface) makes the "free of sugars" claim "{free}", adds no '
        "vitamin or mineral, shows its energy and sugar alcohols right after the list of ingredients and its "
        f"statements, and says how to obtain the nutrition information ('{found[:120]}'): it need not carry a "
        "Nutrition Facts table (B.01.467(1), (2.1)).",
        "FDR B.01.467(1), (2.1), (3)",
        found,
    )


# B.01.467(2.1)(c)(ii): "in lower case letters except for the first letter of each word"
_CAPITAL_INSIDE_A_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-ZÀ-Þ]")


def _claim_presentation(facts: LabelFacts, free: str) -> Finding | None:
    """B.01.467(2.1)(c)(i), (ii), what text shows of them: the claim on the principal display panel, in lower case
    but for each word's first letter. Its size and colour ((iii), (iv)) are for the package check."""
    on_pdp = [p for p in facts.principal_display_panels() if free in p.text]
    cite = "FDR B.01.467(2.1)(c)"
    if not on_pdp:
        finding = failed(
            R10_A4.part("claim"),
            f'The "free of sugars" claim "{free}" that keeps the small-package alternative must be "legibly set out on '
            'the principal display panel" (B.01.467(2.1)(c)(i)); it is not on the principal display panel.',
            f"{cite}(i)",
            free,
        )
        return finding.model_copy(update={"fix": f'Print "{free}" on the principal display panel.'})
    if _CAPITAL_INSIDE_A_WORD.search(free):
        finding = failed(
            R10_A4.part("claim"),
            f'The "free of sugars" claim "{free}" must be "in lower case letters except for the first letter of each '
            'word of the statement or claim, which may be an upper case letter" (B.01.467(2.1)(c)(ii)).',
            f"{cite}(ii)",
            free,
            on_pdp[0].name,
        )
        return finding.model_copy(update={"fix": f'Print the claim as "{free.capitalize()}".'})
    return None


def _cancelled(facts: LabelFacts) -> str:
    """The first fact of B.01.401(3) that takes the alternative away (B.01.467(2)(a)). A "free of sugars" claim does
    not (2.1), and the words "nutrition facts" in the indication itself are how it names the information."""
    found = [c for c in exemption.cancellers(without_free_of_sugars(facts)) if c.paragraph != "(e)(iv)"]
    return str(found[0]) if found else ""


def findings(facts: LabelFacts, context: ProductContext) -> list[Finding] | None:
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
    if ads is None or not is_small(context) or (nft is not None and not is_short_statement(nft)):
        return None
    found = indication(facts)
    cancelled = _cancelled(facts)
    shown = "a short statement of energy and nutrients" if nft is not None else "no Nutrition Facts table"
    if cancelled:
        finding = failed(
            R10_A4,
            f"The package ({ads:g} cm² of available display surface) shows {shown}, but the small-package "
            f'alternative is not available because {cancelled}: B.01.467(2) says it "does not apply to a prepackaged '
            'product that is (a) described in paragraph B.01.401(3)(a), (b) or (e)". The label must carry a Nutrition '
            "Facts table.",
            "FDR B.01.467(2)(a), B.01.401(3)",
            found,
        )
        fix = f"Print a Nutrition Facts table on the label: {cancelled} takes the small-package alternative away."
        return [finding.model_copy(update={"fix": fix})]
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
    if nft is not None:
        return [_short_statement(facts, nft, found, ads)]
    return [
        passed(
            R10_A4,
            f"The package has {ads:g} cm² of available display surface (under 100 cm²) and says how to obtain the "
            f"nutrition information ('{found[:120]}'), so it need not carry a Nutrition Facts table.",
            CITE,
            found,
        )
    ]


def statement_in_use(facts: LabelFacts, context: ProductContext) -> bool:
    """The label takes the B.01.467 path: a package under 100 cm² with an indication of how to obtain the
    information, and a short statement (or nothing) where a table would be."""
    nft = facts.nutrition_facts
    return is_small(context) and (nft is None or is_short_statement(nft)) and bool(indication(facts))
