"""Claims judged by their words and the ingredient list: "unsweetened", sensory "light", "no added ..." .

These need no TPNCSC numbers: FDR B.01.509(1) ("unsweetened": no added sugars and no sweetener),
B.01.513 ("light" about a sensory characteristic names it next to the claim), and a "no added salt/sugars"
claim cannot stand next to an ingredient list that shows salt or a sugars-based ingredient.
"""

from __future__ import annotations

import re

from labeliq.checks.common.claim_parse import ParsedClaim
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.lexicons import sugars_based_names
from labeliq.checks.health_claims.rules import R14_A10, R14_A12
from labeliq.models import Finding, LabelFacts
from labeliq.text import find_terms, fold

ADJACENT_CHARS = 30
# B.01.513: words naming a sensory characteristic next to "light" / "léger".
_SENSORY = (
    "taste",
    "tasting",
    "flavour",
    "flavor",
    "colour",
    "color",
    "coloured",
    "texture",
    "body",
    "bodied",
    "roast",
    "aroma",
    "scent",
    "crisp",
    "fluffy",
    "gout",
    "saveur",
    "couleur",
    "texture",
    "corps",
    "torrefaction",
    "arome",
)
# Sweeteners (FDR "sweetener": Table of permitted sweeteners, cfia-rules.md 11) and sugars-based ingredients.
_SWEETENERS = (
    "sucralose",
    "aspartame",
    "acesulfame",
    "acesulfame-potassium",
    "acesulfame potassium",
    "stevia",
    "steviol glycosides",
    "glycosides de steviol",
    "neotame",
    "advantame",
    "saccharin",
    "cyclamate",
    "monk fruit",
    "thaumatin",
    "sorbitol",
    "maltitol",
    "xylitol",
    "erythritol",
    "isomalt",
    "lactitol",
    "mannitol",
)


def unsweetened(claim: ParsedClaim, facts: LabelFacts, panel: str | None) -> list[Finding]:
    names = [i.name for lst in facts.ingredients for i in lst.ingredients]
    for component_list in facts.ingredients:
        for ingredient in component_list.ingredients:
            names += [c.name for c in ingredient.components]
    text = " ; ".join(names)
    cite = "FDR B.01.509(1)"
    if not names:
        return [
            review(
                R14_A10,
                f'"{claim.text}": no ingredient list was read to confirm there are no added sugars or sweeteners.',
                cite,
                claim.text,
                panel,
            )
        ]
    found = find_terms(text, [*_SWEETENERS, *sugars_based_names()])
    if found:
        return [
            failed(
                R14_A10,
                f'"{claim.text}" is claimed but the ingredient list contains {", ".join(found[:3])}; "unsweetened" '
                'requires the food to meet "no added sugars" and to contain no sweetener.',
                cite,
                claim.text,
                panel,
            )
        ]
    return [
        passed(R14_A10, f'"{claim.text}": no sugars-based ingredient or sweetener is listed.', cite, claim.text, panel)
    ]


def light_sensory(claim: ParsedClaim, panel: str | None) -> list[Finding]:
    folded = fold(claim.text)
    cite = "FDR B.01.513"
    start, end = claim.span
    # "adjacent" (B.01.513(1)(a)(i)) read as within a few words either side: a design choice, not a number of the FDR
    window = folded[max(0, start - ADJACENT_CHARS) : end + ADJACENT_CHARS]
    if find_terms(window, list(_SENSORY)):
        return [
            passed(
                R14_A12, f'"{claim.text}" names the sensory characteristic next to "light".', cite, claim.text, panel
            )
        ]
    if re.search(r"\brum\b|\bhrum\b", folded):
        return [
            passed(R14_A12, f'"{claim.text}" concerns rum, which is excepted.', "FDR B.01.513(2)", claim.text, panel)
        ]
    return [
        failed(
            R14_A12,
            f'"{claim.text}" uses "light" without saying what is light: "light" about a sensory characteristic must '
            'name it next to the claim (e.g. "light in colour"), and "light" about energy or fat is the claim '
            '"light in energy or fat" of the Table of Permitted Nutrient Content Statements and Claims, with its '
            "conditions.",
            cite,
            claim.text,
            panel,
        )
    ]


# Ingredients that are themselves salt (a subset of fop_nutrient_sources: no "cheese" or "broth"); sugars are the
# sugars-based ingredients of ILT Annex 1 (lexicon sugars_based).
_SALT = ("salt", "sel", "sea salt", "sel de mer", "sodium chloride", "chlorure de sodium")


def added_ingredient(subject: str, facts: LabelFacts) -> str:
    terms = list(_SALT) if subject == "sodium" else list(sugars_based_names())
    for component_list in facts.ingredients:
        for ingredient in component_list.ingredients:
            for name in [ingredient.name, *(c.name for c in ingredient.components)]:
                if find_terms(name, terms):
                    return f'"{name}"'
    return ""
