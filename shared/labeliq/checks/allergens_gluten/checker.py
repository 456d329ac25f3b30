"""Food allergen, gluten and added sulphite declarations (cfia-rules.md section 9, FDR B.01.010.1-B.01.010.4).

Each language is judged on its own: the English list against "Contains", the French list against
"Contient", because B.01.010.3(1)(a.1) ties each statement to the list in the same language and each
language has its own prescribed source names ("Milk" / "Lait").
"""

from __future__ import annotations

import re

from labeliq.checks.allergens_gluten.claim_rules import claim_findings
from labeliq.checks.allergens_gluten.order import order_findings
from labeliq.checks.allergens_gluten.rules import R9_4, R9_6, R9_7, R9_14, R9_15
from labeliq.checks.allergens_gluten.sources import (
    Lang,
    ListScan,
    declared_keys,
    generic_names,
    generic_sources_in_list,
    has_sulphite_source_name,
    norm,
    scan_list,
    source_specs,
    sulphites_named,
)
from labeliq.checks.allergens_gluten.statement_rules import (
    generic_coverage,
    may_contain_findings,
    statement_name_findings,
)
from labeliq.checks.allergens_gluten.statements import (
    list_languages,
    pick_for_list,
    statements_for,
)
from labeliq.checks.allergens_gluten.sulphite_placement import sulphite_placement_findings
from labeliq.checks.allergens_gluten.sulphites import sulphite_name_findings
from labeliq.checks.common import findings as F
from labeliq.models import Finding, IngredientList, LabelFacts, ProductContext
from labeliq.text import fold

LANG_NAME = {"en": "English", "fr": "French"}
LANG_FR = {"en": "anglais", "fr": "français"}
CIT_DECLARE = "FDR B.01.010.1(2),(6),(7),(8),(10)"
CIT_CONTAINS = "FDR B.01.010.3(1)(b), B.01.010.2(6)(b)"
CIT_REFINED = "CFIA ILT, list of ingredients and allergens (highly refined oils, Health Canada position)"


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    findings: list[Finding] = []
    if not facts.ingredients:
        findings.append(_no_list(facts, context))
    for ingredients in facts.ingredients:
        for lang in list_languages(ingredients):
            findings += _list_findings(facts, ingredients, lang)
    if facts.ingredients and not facts.contains:
        findings.append(
            F.not_applicable(
                R9_7,
                "No Contains statement is shown (it is optional when every source is declared in the list).",
                CIT_CONTAINS,
            )
        )
    findings += sulphite_name_findings(facts)
    findings += sulphite_placement_findings(facts)
    findings += statement_name_findings(facts)
    findings += may_contain_findings(facts)
    findings += order_findings(facts)
    findings += claim_findings(facts)
    return findings


def _no_list(facts: LabelFacts, context: ProductContext) -> Finding:
    if context.product_kind == "shell_eggs":
        return _single_ingredient_eggs(facts)
    if context.packaged_at_retail:
        return F.not_applicable(
            R9_15,
            "No list of ingredients was found and the product is packaged at retail: products exempt from a list "
            "under B.01.008(2)(a) to (e) need no allergen declaration unless a list is shown.",
            "FDR B.01.010.1(4), B.01.010.2(4)",
        )
    return F.review(
        R9_6,
        "No list of ingredients was found on the label, so allergen, gluten and sulphite declarations could not be "
        "checked; unless the product is exempt under B.01.008(2), the sources must be declared.",
        "FDR B.01.010.1(2), B.01.010.1(4)",
    )


def _single_ingredient_eggs(facts: LabelFacts) -> Finding:
    """Shell eggs are one ingredient, so no list is shown (B.01.008(1)(b)); the egg source is then declared in a
    Contains statement in each language, each starting on its own line (B.01.010.1(2)(b), B.01.010.3(3); CFIA ILT's
    single-ingredient example)."""
    cite = "FDR B.01.010.1(2)(b), B.01.010.3(3); CFIA ILT, single-ingredient products"
    named = {
        lang: next((s for s in statements_for(facts, "contains", lang) if _names_egg(s.text, lang)), None)
        for lang in ("en", "fr")
    }
    if named["en"] is not None and named["fr"] is not None:
        text = f"{named['en'].title} {named['en'].text} / {named['fr'].title} {named['fr'].text}"
        return F.passed(
            R9_6,
            "Shell eggs carry no list of ingredients; the egg source is declared in the English and French Contains "
            "statements.",
            cite,
            text,
            named["en"].source.panel,
        )
    missing = " and ".join(LANG_NAME[lang] for lang, statement in named.items() if statement is None)
    return F.review(
        R9_6,
        f"Shell eggs carry no list of ingredients, and no {missing} Contains statement names the egg source; with no "
        "list, the source of a food allergen is declared in a Contains statement.",
        cite,
        question='Does the egg carton declare the egg source ("Contains: Egg" / "Contient : Œuf") where no list '
        "of ingredients is shown?",
        question_fr="L'emballage d'œufs déclare-t-il la source (« Contient : Œuf ») en l'absence de liste "
        "d'ingrédients ?",
    )


def _names_egg(text: str, lang: Lang) -> bool:
    folded = fold(text)
    return re.search(r"\beggs?\b" if lang == "en" else r"\b(?:oe|œ)ufs?\b", folded) is not None


def _where(ingredients: IngredientList, lang: Lang) -> str:
    return f"the {LANG_NAME[lang]} list of ingredients (panel '{ingredients.source.panel}')"


def _list_findings(facts: LabelFacts, ingredients: IngredientList, lang: Lang) -> list[Finding]:
    scan = scan_list(ingredients.text, lang)
    contains = pick_for_list(statements_for(facts, "contains", lang), ingredients)
    in_list = declared_keys(ingredients.text, lang)
    in_contains = declared_keys(contains.text, lang) if contains else set()
    panel = ingredients.source.panel
    evidence = f"{ingredients.title} {ingredients.text}".strip()
    findings = _declaration_findings(scan, in_list | in_contains, ingredients, lang, evidence)
    has_sulphites = bool(sulphites_named(ingredients.text, lang))
    if contains is not None:
        findings += _contains_completeness(scan, has_sulphites, in_contains, contains.text, ingredients, lang)
    else:
        other = [s for s in facts.contains if s.source.panel == panel]
        if other and len(list_languages(ingredients)) == 1:
            findings.append(
                F.failed(
                    R9_7,
                    f"A Contains statement is shown, but {_where(ingredients, lang)} is not followed by one in "
                    f'{LANG_NAME[lang]} ("{"Contains" if lang == "en" else "Contient"}"); each language version '
                    "of the statement follows the list in the same language.",
                    "FDR B.01.010.3(1)(a)(i),(a.1); FDR B.01.012(2)",
                    evidence=other[0].title + " " + other[0].text,
                    panel=panel,
                )
            )
    for oil, key in scan.refined_oils:
        if key not in in_contains and contains is not None:
            name = source_specs()[key].display(lang)
            findings.append(
                F.review(
                    R9_14,
                    f"'{oil}' in {_where(ingredients, lang)} comes from {name.lower()}, which the Contains statement "
                    f"does not name. Highly refined oils are exempt from allergen declaration; if this oil is not "
                    f"highly refined, '{name}' must be added to the Contains statement.",
                    CIT_REFINED,
                    evidence=oil,
                    panel=panel,
                )
            )
    return findings


def _declaration_findings(
    scan: ListScan, declared: set[str], ingredients: IngredientList, lang: Lang, evidence: str
) -> list[Finding]:
    specs = source_specs()
    panel = ingredients.source.panel
    findings: list[Finding] = []
    missing = [d for d in scan.sources if d.key not in declared]
    if missing:
        parts = [f"'{d.trigger}' ({specs[d.key].display(lang)})" for d in missing]
        findings.append(
            F.failed(
                R9_6,
                f"In {_where(ingredients, lang)}, {', '.join(parts)} reveal(s) a food allergen or gluten source whose "
                "prescribed name appears neither in the ingredient's common name, nor in parentheses in the list, "
                "nor in the Contains statement.",
                CIT_DECLARE,
                evidence=evidence,
                panel=panel,
            )
        )
    elif scan.sources:
        names = sorted({specs[d.key].display(lang) for d in scan.sources})
        findings.append(
            F.passed(
                R9_6,
                f"Every allergen and gluten source found in {_where(ingredients, lang)} is declared by its "
                f"prescribed name ({', '.join(names)}).",
                CIT_DECLARE,
                evidence=evidence,
                panel=panel,
            )
        )
    else:
        findings.append(
            F.not_applicable(
                R9_6,
                f"No food allergen or gluten source was recognised in {_where(ingredients, lang)}.",
                CIT_DECLARE,
                evidence=evidence,
                panel=panel,
            )
        )
    generic = generic_sources_in_list(ingredients.text, lang, scan.sources)
    if generic:
        findings.append(
            F.failed(
                R9_4,
                f"{_where(ingredients, lang)[0].upper()}{_where(ingredients, lang)[1:]} names "
                f"{', '.join(repr(g) for g in generic)} without naming the nuts or species; the source must be "
                "shown by its prescribed name (each nut, or the common name of each fish, crustacean or mollusc).",
                "FDR B.01.010.1(6)",
                evidence=evidence,
                panel=panel,
            )
        )
    bracketed = _generic_in_brackets(ingredients, lang)
    if bracketed:
        findings.append(
            F.failed(
                R9_4,
                f"{_where(ingredients, lang)[0].upper()}{_where(ingredients, lang)[1:]} declares a source in brackets "
                f"by a word that is not a prescribed source name: {', '.join(bracketed)}; the source must be named "
                "as B.01.010.1(6) prescribes (e.g. 'milk', 'almonds', 'shrimp', 'wheat').",
                "FDR B.01.010.1(2), (6)",
                evidence=evidence,
                panel=panel,
            )
        )
    for word in scan.ambiguous:
        findings.append(
            F.review(
                R9_6,
                f"'{word}' in {_where(ingredients, lang)} does not say its source: lecithin is usually from soy "
                "(sometimes egg, sunflower or canola); if it comes from an allergen source, that source must be "
                "declared by its prescribed name.",
                CIT_DECLARE,
                evidence=word,
                panel=panel,
            )
        )
    return findings


def _contains_completeness(
    scan: ListScan,
    has_sulphites: bool,
    in_contains: set[str],
    contains_text: str,
    ingredients: IngredientList,
    lang: Lang,
) -> list[Finding]:
    specs = source_specs()
    panel = ingredients.source.panel
    title = "Contains" if lang == "en" else "Contient"
    covered = generic_coverage(contains_text, lang)  # named generically: 9.4 reports those, not 9.7 again
    missing = sorted(
        {
            specs[d.key].display(lang)
            for d in scan.sources
            if d.key not in in_contains
            and specs[d.key].group not in covered
            and not (specs[d.key].gluten and "gluten" in covered)
        }
    )
    if has_sulphites and not has_sulphite_source_name(contains_text, lang):
        missing.append("Sulphites" if lang == "en" else "Sulfites")
    if missing:
        added = f"{contains_text.strip().rstrip('.').strip()}, {', '.join(missing)}."
        colon = ":" if lang == "en" else " :"
        return [
            F.failed(
                R9_7,
                f'The {LANG_NAME[lang]} "{title}" statement does not list {", ".join(missing)}, although '
                f"{_where(ingredients, lang)} shows them; when a Contains statement is used it must name every food "
                "allergen source, gluten source and (at 10 p.p.m. or more, presumed when a sulphiting agent is "
                "listed) sulphites, even if already in the list.",
                CIT_CONTAINS,
                evidence=f"{title}: {contains_text}",
                panel=panel,
                fix=f'Add {", ".join(missing)} to the {LANG_NAME[lang]} statement: "{title}{colon} {added}"',
                fix_fr=f"Ajoutez {', '.join(missing)} à la mention en {LANG_FR[lang]} : « {title}{colon} {added} »",
            )
        ]
    if any(d.key not in in_contains for d in scan.sources):
        return []  # some sources are named only generically; 9.4 reports them
    names = sorted({specs[d.key].display(lang) for d in scan.sources})
    if has_sulphites:
        names.append("sulphites")
    return [
        F.passed(
            R9_7,
            f'The {LANG_NAME[lang]} "{title}" statement names every source found in the list'
            f"{' (' + ', '.join(names) + ')' if names else ''}.",
            CIT_CONTAINS,
            evidence=f"{title}: {contains_text}",
            panel=panel,
        )
    ]


def _generic_in_brackets(ingredients: IngredientList, lang: Lang) -> list[str]:
    """ "Whey powder (dairy)", "Natural flavour (nuts)": a bracketed source given by a generic word."""
    names = generic_names(lang)
    out: list[str] = []
    for ingredient in ingredients.ingredients:
        for component in ingredient.components:
            if norm(component.name).strip() in names:
                out.append(f"'{ingredient.name} ({component.name})'")
    return out
