"""Sulphite names (cfia-rules.md 9.5): a sulphiting agent whose name does not say "sulphite" needs one.

"Sulphur dioxide", "sodium dithionite" and "sulphurous acid" (FR "anhydride sulfureux", "dithionite de
sodium", "acide sulfureux") must be followed by "(sulphites)" or the like, unless another sulphite name
already tells the consumer (B.01.010.2(6)(a)(ii), (8), (10)).
"""

from __future__ import annotations

import re

from labeliq.checks.allergens_gluten.rules import R9_5
from labeliq.checks.allergens_gluten.sources import (
    Lang,
    has_sulphite_source_name,
    mask,
    norm,
    sulphite_terms,
    term_spans,
)
from labeliq.checks.allergens_gluten.statements import entries, list_languages, pick_for_list, statements_for
from labeliq.checks.common import findings as F
from labeliq.models import Finding, IngredientList, LabelFacts

CITATION = "FDR B.01.010.2(6),(8),(10)"
_SULPHITE_STEM = re.compile(r"sul(?:ph|f)it")


def sulphite_name_findings(facts: LabelFacts) -> list[Finding]:
    findings: list[Finding] = []
    for ingredients in facts.ingredients:
        for lang in list_languages(ingredients):
            findings += _list(facts, ingredients, lang)
    for lang in ("en", "fr"):
        for statement in statements_for(facts, "contains", lang):
            terms = sulphite_terms(lang)
            for entry in entries(statement):
                folded = norm(entry)
                agent = next((a for a in terms.agents if term_spans(folded, a)), None)
                if agent and not has_sulphite_source_name(entry, lang):
                    findings.append(
                        F.failed(
                            R9_5,
                            f"The Contains statement names the sulphiting agent '{entry}'; in that statement "
                            "sulphites must be declared by one of the common names 'sulphites', 'sulfites', "
                            "'sulphiting agents' or 'sulfiting agents' ('sulfites' / 'agents de sulfitage').",
                            "FDR B.01.010.2(6)(b), B.01.010.3(1)(b)(iii)",
                            evidence=f"{statement.title} {statement.text}",
                            panel=statement.source.panel,
                        )
                    )
    return findings


def _list(facts: LabelFacts, ingredients: IngredientList, lang: Lang) -> list[Finding]:
    terms = sulphite_terms(lang)
    folded = norm(ingredients.text)
    agents = [(a, s) for a in terms.needing_source_name for s in term_spans(folded, a)]
    if not agents:
        return []
    contains = pick_for_list(statements_for(facts, "contains", lang), ingredients)
    other_sulphite = _SULPHITE_STEM.search(mask(folded, terms.needing_source_name)) is not None
    in_contains = contains is not None and has_sulphite_source_name(contains.text, lang)
    unnamed = []
    for agent, (_, end) in agents:
        follows = re.match(r"\s*[(\[]\s*(" + "|".join(re.escape(n) for n in terms.source_names) + ")", folded[end:])
        if not follows and not other_sulphite and not in_contains:
            unnamed.append(agent)
    panel = ingredients.source.panel
    evidence = f"{ingredients.title} {ingredients.text}".strip()
    if unnamed:
        names = "'sulphites'/'sulfites'" if lang == "en" else "'sulfites'/'agents de sulfitage'"
        return [
            F.failed(
                R9_5,
                f"'{', '.join(sorted(set(unnamed)))}' in the {'English' if lang == 'en' else 'French'} list of "
                f"ingredients (panel '{panel}') is not followed by {names} in parentheses, and no other sulphite "
                "name appears in the list or the Contains statement.",
                CITATION,
                evidence=evidence,
                panel=panel,
            )
        ]
    return [
        F.passed(
            R9_5,
            f"The sulphiting agent(s) {', '.join(sorted({a for a, _ in agents}))} in the list (panel '{panel}') are "
            "identified as sulphites, as B.01.010.2 requires.",
            CITATION,
            evidence=evidence,
            panel=panel,
        )
    ]
