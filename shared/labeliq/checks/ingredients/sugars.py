"""Rows 5.8-5.10: the "Sugars"/"Sucres" grouping of sugars-based ingredients (FDR B.01.008.3).

Only top-level ingredients are judged: the ILT says components in another ingredient's parentheses
need not be regrouped. What counts as sugars-based comes from ILT Annex 1 (lexicon sugars_based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.ingredients_text import Entry, ParsedList, short, walk
from labeliq.checks.common.lexicons import (
    has_sugar_word,
    sugars_group_terms,
    sugars_kind,
    sweetener_kind,
)
from labeliq.checks.ingredients.rules import R5_8, R5_9, R5_10
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import has_term

CITE_GROUP = "FDR B.01.008.3(1)-(3); CFIA ILT, list of ingredients (grouping sugars-based ingredients, Annex 1)"
CITE_EXEMPT = "FDR B.01.008.3(4)"
CITE_SWEETENERS = "CFIA ILT, list of ingredients (grouping sugars-based ingredients)"
_SINGULAR_GROUP = {"sugar", "sucre"}
SUGARS_EXEMPT_BELOW_G = 0.5


@dataclass(frozen=True)
class Exemption:
    reason: str


def _sugars_per_serving(facts: LabelFacts) -> float | None:
    if facts.nutrition_facts is None:
        return None
    row = facts.nutrition_facts.nutrients.get("sugars")
    return row.amount if row is not None else None


# B.01.008.3(4)(e): the kinds (ProductContext.product_kind) exempt from grouping sugars
_FORMULA_KINDS = {
    "formulated_liquid_diet": "a formulated liquid diet",
    "human_milk_fortifier": "a human milk fortifier",
    "human_milk_substitute": "a human milk substitute",
}


def _product_exemption(facts: LabelFacts, context: ProductContext, lists: list[ParsedList]) -> Exemption | None:
    """B.01.008.3(4): the exemptions that hold for the product, whatever the language of the list."""
    sugars = _sugars_per_serving(facts)
    # B.01.008.3(4)(f): "less than 0.5 g of sugars per serving of stated size" (FDR EN text in sources/)
    if sugars is not None and sugars < SUGARS_EXEMPT_BELOW_G:
        return Exemption(f"the Nutrition Facts table declares {sugars:g} g sugars per serving (< 0.5 g), (4)(f)")
    # the kind of food is an explicit context key, never words of `category` ("honey oat bar" is no honey)
    if context.product_kind == "sweetening_agent":
        return Exemption("the product is a sweetening agent (product_kind), (4)(a)")
    formula = _FORMULA_KINDS.get(context.product_kind or "")
    if formula:
        return Exemption(f"the product is {formula} (product_kind), (4)(e)")
    # (4)(b), (c): what the label's own common name shows the food is
    described = " ".join(c.text for c in facts.common_names)
    if re.search(r"\b(juice|jus|puree|purée|compote|apple ?sauce)\b", described, re.I):
        added = [
            e.name
            for pl in lists
            for e in pl.entries
            if sugars_kind(e.name, pl.language) == "sugar"
            and not re.search(r"\b(juice|jus|puree|purée)\b", e.name, re.I)
        ]
        if not added:
            return Exemption("the product is a fruit or vegetable juice or purée with no sweetening agent, (4)(b),(c)")
    for pl in lists:
        ungrouped = _ungrouped_sugars(pl)
        if _group_entries(pl):
            continue
        if len(ungrouped) == 1 and has_sugar_word(ungrouped[0].name):
            return Exemption(
                f"'{ungrouped[0].name}' is the only sugars-based ingredient and has 'sugar' in its name, (4)(d)"
            )
    return None


def _is_group(entry: Entry, pl: ParsedList) -> bool:
    return entry.depth == 0 and entry.folded in sugars_group_terms(None)


def _group_entries(pl: ParsedList) -> list[Entry]:
    return [e for e in pl.entries if _is_group(e, pl)]


def _ungrouped_sugars(pl: ParsedList) -> list[Entry]:
    return [e for e in pl.entries if not _is_group(e, pl) and sugars_kind(e.name, pl.language) == "sugar"]


def _review_sugars(pl: ParsedList) -> list[Entry]:
    return [e for e in pl.entries if not _is_group(e, pl) and sugars_kind(e.name, pl.language) == "review"]


def _group_format_problems(pl: ParsedList) -> list[str]:
    problems = []
    groups = _group_entries(pl)
    expected = "Sugars" if pl.language == "en" else "Sucres" if pl.language == "fr" else None
    if len(groups) > 1:
        problems.append(f"{len(groups)} separate sugars groups (all sugars-based ingredients go in one group)")
    for group in groups:
        if not group.components:
            problems.append(f"'{group.raw}' has no parentheses listing the sugars-based ingredients")
        if expected and group.name.strip() != expected:
            problems.append(
                f"the group is titled '{group.name}', the {(pl.language or '').upper()} list needs '{expected}'"
            )
        upper = [c.raw for c in walk(group.components) if c.depth == 1 and re.search(r"[A-ZÀ-Þ]", c.raw)]
        if upper:
            problems.append("entries of the group must be entirely in lower case: " + ", ".join(upper[:4]))
        if re.search(r"[;•·●]", group.separators):
            problems.append(f"entries of the group must be separated by commas, found '{group.separators}'")
    for entry in pl.entries:
        if entry.folded in _SINGULAR_GROUP and entry.components:
            kinds = [sugars_kind(c.name, pl.language) for c in entry.components]
            if any(kinds):
                problems.append(f"'{entry.name} (…)' groups sugars under a term other than 'Sugars'/'Sucres'")
    return problems


def check_sugars(facts: LabelFacts, context: ProductContext, lists: list[ParsedList]) -> list[Finding]:
    findings: list[Finding] = []
    exemption = _product_exemption(facts, context, lists)
    sugars_known = _sugars_per_serving(facts) is not None
    for pl in lists:
        lang = (pl.language or "unknown").upper()
        ungrouped = _ungrouped_sugars(pl)
        to_review = _review_sugars(pl)
        groups = _group_entries(pl)
        problems = _group_format_problems(pl)
        evidence = short(pl.body)
        if problems:
            findings.append(
                failed(
                    R5_8,
                    f"The {lang} list of ingredients does not group sugars as the FDR requires: "
                    + "; ".join(problems)
                    + ".",
                    CITE_GROUP,
                    evidence,
                    pl.panel,
                )
            )
        if ungrouped and exemption is None:
            names = ", ".join(e.name for e in ungrouped)
            if not sugars_known and not groups:
                findings.append(
                    review(
                        R5_8,
                        f"The {lang} list shows sugars-based ingredients outside a "
                        f"'Sugars (…)'/'Sucres (…)' group ({names}). They must be grouped unless the product has "
                        "less than 0.5 g sugars per serving, and no Nutrition Facts sugars value was found to tell.",
                        CITE_GROUP,
                        evidence,
                        pl.panel,
                    )
                )
            else:
                findings.append(
                    failed(
                        R5_8,
                        f"The {lang} list shows sugars-based ingredients outside the "
                        f"'Sugars (…)'/'Sucres (…)' group: {names}. Each sugars-based ingredient must be shown in "
                        "parentheses after the term 'Sugars' (EN) / 'Sucres' (FR), placed by the combined weight.",
                        CITE_GROUP,
                        evidence,
                        pl.panel,
                        term=ungrouped[0].name,
                    )
                )
        elif ungrouped and exemption is not None:
            findings.append(
                passed(
                    R5_9,
                    f"The {lang} list need not group {', '.join(e.name for e in ungrouped)}: {exemption.reason}.",
                    CITE_EXEMPT,
                    evidence,
                    pl.panel,
                )
            )
        if to_review and exemption is None:
            findings.append(
                review(
                    R5_8,
                    f"The {lang} list shows {', '.join(e.name for e in to_review)} outside a sugars group; "
                    "it may be a sugars-based ingredient (a variant of an ILT Annex 1 name or a name ending in "
                    "'-ose'). Confirm its composition and function: if it is sugars-based it must be grouped.",
                    CITE_GROUP,
                    evidence,
                    pl.panel,
                    term=to_review[0].name,
                )
            )
        if groups and not problems and not ungrouped:
            findings.append(
                passed(
                    R5_8,
                    f"The {lang} list groups its sugars-based ingredients as '{short(groups[0].raw, 80)}'.",
                    CITE_GROUP,
                    evidence,
                    pl.panel,
                )
            )
        if not groups and not ungrouped and not to_review and not problems:
            findings.append(
                not_applicable(
                    R5_8,
                    f"No sugars-based ingredient was found at the top level of the {lang} list.",
                    CITE_GROUP,
                    evidence,
                    pl.panel,
                )
            )
        findings.extend(_check_sweeteners_in_group(pl, groups))
    return findings


def _check_sweeteners_in_group(pl: ParsedList, groups: list[Entry]) -> list[Finding]:
    if not groups:
        return []
    lang = (pl.language or "unknown").upper()
    wrong = [c.name for g in groups for c in walk(g.components) if sweetener_kind(c.name) is not None]
    wrong += [c.name for g in groups for c in walk(g.components) if has_term(c.name, "sugar alcohol")]
    if wrong:
        return [
            failed(
                R5_10,
                f"The {lang} sugars group contains {', '.join(wrong)}: sugar alcohols and sweeteners are not "
                "sugars-based ingredients and must not be placed in the 'Sugars'/'Sucres' group.",
                CITE_SWEETENERS,
                short(groups[0].raw),
                pl.panel,
            )
        ]
    return [
        passed(
            R5_10,
            f"The {lang} sugars group contains no sugar alcohol or sweetener.",
            CITE_SWEETENERS,
            short(groups[0].raw),
            pl.panel,
        )
    ]
