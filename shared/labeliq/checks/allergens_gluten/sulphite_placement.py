"""Where declared sulphites sit in the list (cfia-rules.md 9.3, FDR B.01.010.2(3),(7)).

The 10 ppm threshold is not on the label, so the rule is in play only when sulphites are declared. Declared
in the list, they go in parentheses after the ingredient they are part of, or at the end of the list among the
items B.01.008.2(4) lets close it in any order; a sulphite followed by an ordinary food ingredient is out of place.
An entry the lexicons cannot classify is left to a person rather than guessed.
"""

from __future__ import annotations

from labeliq.checks.allergens_gluten.rules import R9_3
from labeliq.checks.allergens_gluten.sources import sulphites_named
from labeliq.checks.allergens_gluten.statements import list_languages, statements_for
from labeliq.checks.common import findings as F
from labeliq.checks.common.ingredients_text import ParsedList, parsed_lists, short, strip_qualifiers
from labeliq.checks.common.lexicons import sugars_kind
from labeliq.checks.ingredients.placement import tail_class
from labeliq.models import Finding, LabelFacts

CITATION = "FDR B.01.010.2(3),(7)"
_ORDINARY = frozenset(
    {"water", "eau", "salt", "sel", "flour", "farine", "wheat flour", "farine de ble", "milk", "lait", "butter"}
    | {"beurre", "vinegar", "vinaigre", "starch", "amidon", "rice", "riz", "eggs", "oeufs", "sugar", "sucre"}
)


def _ordinary_food(name: str, pl: ParsedList) -> bool:
    """A name that is plainly a food ingredient with a weight position, never one of the B.01.008.2(4) classes."""
    folded = strip_qualifiers(name, pl.language)
    return folded in _ORDINARY or sugars_kind(name, pl.language) is not None


def _list_finding(pl: ParsedList) -> Finding | None:
    lang = pl.language or "en"
    positions = [i for i, e in enumerate(pl.entries) if sulphites_named(e.name, lang)]
    in_components = any(sulphites_named(e.bracket_body, lang) for e in pl.entries if e.bracket_body)
    if not positions:
        if in_components:
            return F.passed(
                R9_3,
                f"Sulphites are declared in parentheses after the ingredient they are part of in the "
                f"{lang.upper()} list, as B.01.010.2(7)(a) allows.",
                CITATION,
                short(pl.body, 100),
                pl.panel,
            )
        return None
    first = positions[0]
    followers = [e for e in pl.entries[first + 1 :] if not sulphites_named(e.name, lang)]
    sulphite = pl.entries[first].raw
    ordinary = [e.name for e in followers if _ordinary_food(e.name, pl)]
    if ordinary:
        return F.failed(
            R9_3,
            f"In the {lang.upper()} list, '{sulphite}' is followed by {', '.join(ordinary)}: sulphites declared as "
            "an ingredient go at the end of the list (with spices, flavours, additives, vitamins and minerals), or in "
            "parentheses after the ingredient they are part of.",
            CITATION,
            short(", ".join(e.raw for e in pl.entries[first:]), 120),
            pl.panel,
        )
    unknown = [e.name for e in followers if tail_class(e.name) is None]
    if unknown:
        return F.review(
            R9_3,
            f"In the {lang.upper()} list, '{sulphite}' is followed by {', '.join(unknown)}, which could not be "
            "classified: if any of them is not a seasoning, flavour, additive, vitamin or mineral, the sulphites "
            "must move to the end of the list or into parentheses after their ingredient.",
            CITATION,
            short(", ".join(e.raw for e in pl.entries[first:]), 120),
            pl.panel,
        )
    return F.passed(
        R9_3,
        f"Sulphites ('{sulphite}') close the {lang.upper()} list among the items that may be shown at the end in any "
        "order.",
        CITATION,
        short(", ".join(e.raw for e in pl.entries[first:]), 120),
        pl.panel,
    )


def sulphite_placement_findings(facts: LabelFacts) -> list[Finding]:
    findings = [f for pl in parsed_lists(facts) if (f := _list_finding(pl)) is not None]
    if findings:
        return findings
    for lang in ("en", "fr"):
        for statement in statements_for(facts, "contains", lang):
            if sulphites_named(statement.text, lang):
                listed = any(lang in list_languages(lst) for lst in facts.ingredients)
                where = "" if listed else " (no list of ingredients in that language was read)"
                return [
                    F.passed(
                        R9_3,
                        f"Sulphites are declared in the Contains statement{where}, which B.01.010.2(3)(b) allows "
                        "instead of the list.",
                        CITATION,
                        short(statement.title + " " + statement.text, 100),
                        statement.source.panel,
                    )
                ]
    return []
