"""Section 5: the list of ingredients, as printed (FDR B.01.008 to B.01.010; CFIA ILT).

Each language's list is judged on its own (title, case, separators, brackets, sugars group, the
colour class name) and the two are then compared. What text cannot show (bold, type size, borders,
the weights behind the order) is needs_review, with the reason.
"""

from __future__ import annotations

import re

from labeliq import lexicons
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.ingredients_case import case_problem
from labeliq.checks.common.ingredients_text import (
    ParsedList,
    bracket_problems,
    parsed_lists,
    short,
    strip_qualifiers,
    walk,
)
from labeliq.checks.common.lexicons import colour_class_entries, sugars_group_terms
from labeliq.checks.common.translation import compare_lists, entry_pairs
from labeliq.checks.ingredients.placement import placement_findings
from labeliq.checks.ingredients.rules import R5_1, R5_2, R5_3, R5_5, R5_6, R5_7, R5_13, R5_14, R5_17
from labeliq.checks.ingredients.sugars import check_sugars
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

CITE_REQUIRED = "FDR B.01.008(1)(b),(2)"
CITE_TITLE = "FDR B.01.008.2(1)"
CITE_ORDER = "FDR B.01.008.2(3)(a),(4)"
CITE_CASE = "FDR B.01.008.2(3)(b),(5)(c)"
CITE_SEPARATORS = "FDR B.01.008.2(3)(c),(5)(d)"
CITE_COMPONENTS = "FDR B.01.008.2(5)"
CITE_COLOUR = "FDR B.01.010; CFIA ILT, food additives (food colours)"
CITE_TYPE = "FDR B.01.008.1, B.01.008.2(1)(b),(2)"
CITE_MATCH = "FDR B.01.012(2); CFIA ILT, bilingual labelling"

_TITLES = {"en": re.compile(r"^ingredients\s*:?$", re.I), "fr": re.compile(r"^ingrédients\s*:?$", re.I)}
_EXPECTED_TITLE = {"en": "'Ingredients:'", "fr": "'Ingrédients :'"}
_INTERVENING = re.compile(
    r"^(made with|made from|prepared with|contains|fait de|fait avec|préparé avec|contient)\b"
    r"|^[a-zà-ÿ][a-zà-ÿ ]{0,20}:",  # "Ingredients list: ..." leaves "list:" before the first ingredient
    re.I,
)
_SLASH_OK = re.compile(r"and/or|et/ou|ou/et|\d\s*/\s*\d|w/")


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    lists = parsed_lists(facts)
    findings = [_required(facts, context, lists)]
    if not lists:
        return findings
    for pl in lists:
        findings.append(_title(pl))
        findings.append(_case(pl))
        findings.append(_separators(pl))
        findings.append(_brackets(pl))
        findings.append(_colour(pl))
    findings.extend(check_sugars(facts, context, lists))
    findings.append(_order(lists, context, facts))
    findings.append(
        review(
            R5_14,
            "Type of the list cannot be judged from text: single colour equivalent to 100 % black on a white or "
            "neutral background, sans-serif type, x-height at least 1.1 mm (1.4 mm if the NFt nutrients are set in "
            "8 pt or more), only the titles in bold, the title 'Ingredients'/'Ingrédients' in bold, and the border "
            "or contrasting background that sets the list apart.",
            CITE_TYPE,
            short(lists[0].source.title + " " + lists[0].body, 80),
            lists[0].panel,
        )
    )
    findings.append(_languages_match(lists))
    findings.extend(placement_findings(facts, lists))
    return findings


def _lang(pl: ParsedList) -> str:
    return (pl.language or "unknown").upper()


def _required(facts: LabelFacts, context: ProductContext, lists: list[ParsedList]) -> Finding:
    if lists:
        counts = ", ".join(f"{_lang(pl)}: {len(pl.entries)}" for pl in lists)
        return passed(R5_1, f"A list of ingredients is shown ({counts} ingredients).", CITE_REQUIRED)
    if context.product_kind == "shell_eggs":
        return not_applicable(
            R5_1,
            "No list of ingredients: shell eggs (context product_kind) are a single ingredient, and a list is "
            "required only when a food has more than one (B.01.008(1)(b)).",
            "FDR B.01.008(1)(b)",
        )
    if context.packaged_at_retail:
        return not_applicable(
            R5_1,
            "No list of ingredients was found; the context says the food is packaged at retail from bulk, which is "
            "exempt under B.01.008(2)(a) unless it is a mixture of nuts.",
            CITE_REQUIRED,
        )
    return review(
        R5_1,
        "No list of ingredients was found. A list is required when the food has more than one ingredient; "
        "whether it has one, and whether an exemption of B.01.008(2) applies, cannot be told from the label "
        "(the context gives neither).",
        CITE_REQUIRED,
    )


def _title(pl: ParsedList) -> Finding:
    title = pl.source.title.strip()
    evidence = short(f"{title} {pl.body}", 80)
    if pl.language is None:
        return review(
            R5_2, f"The language of the list titled '{title}' could not be told.", CITE_TITLE, evidence, pl.panel
        )
    expected = _EXPECTED_TITLE[pl.language]
    if not title:
        return failed(
            R5_2,
            f"The {_lang(pl)} list of ingredients has no title; it must be introduced by {expected}.",
            CITE_TITLE,
            evidence,
            pl.panel,
        )
    if not _TITLES[pl.language].match(title):
        return failed(
            R5_2,
            f"The {_lang(pl)} list is titled '{title}'; the FDR requires {expected} (or the same word without or "
            "with a spaced colon).",
            CITE_TITLE,
            evidence,
            pl.panel,
        )
    if _INTERVENING.match(pl.body):
        return failed(
            R5_2,
            f"In the {_lang(pl)} list, words stand between the title '{title}' and the first ingredient "
            f"('{short(pl.body, 40)}'); nothing may come between them.",
            CITE_TITLE,
            evidence,
            pl.panel,
        )
    return passed(
        R5_2,
        f"The {_lang(pl)} list is titled '{title}' and the first ingredient follows it (bold is judged under 5.14).",
        CITE_TITLE,
        evidence,
        pl.panel,
    )


def _case(pl: ParsedList) -> Finding:
    groups = sugars_group_terms(None)
    problems = []
    for entry in pl.entries:
        problem = case_problem(entry)
        if problem:
            problems.append(problem)
        if entry.folded in groups:
            continue  # the entries of the sugars group are judged under 5.8 (all lower case)
        problems.extend(p for c in walk(entry.components) if (p := case_problem(c)))
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        return failed(
            R5_5,
            f"Case in the {_lang(pl)} list of ingredients: {shown}. Each ingredient is lower case with its first "
            "letter upper case, components entirely lower case; only additive acronyms (BHT, TBHQ) and "
            "alpha-descriptors (vitamin B3) stay upper case.",
            CITE_CASE,
            short(pl.body),
            pl.panel,
        )
    return passed(
        R5_5,
        f"The {_lang(pl)} list uses an upper-case first letter for each ingredient and lower case elsewhere.",
        CITE_CASE,
        short(pl.body),
        pl.panel,
    )


def _separators(pl: ParsedList) -> Finding:
    problems = []
    if ";" in pl.top_separators:
        problems.append("ingredients are separated by ';'")
    for entry in walk(pl.entries):
        if ";" in entry.separators:
            problems.append(f"components of '{entry.name}' are separated by ';'")
    without_ok = _SLASH_OK.sub("", pl.body)
    if "/" in without_ok and pl.language is None:
        return review(
            R5_6,
            "A '/' separates names in a list whose language could not be told (an English/French list printed as "
            "one?); each language version is a separate list with ingredients separated by bullets or commas.",
            CITE_SEPARATORS,
            short(pl.body),
            pl.panel,
        )
    if "/" in without_ok:
        slash = re.search(r"[^,•(\[]*/[^,•)\]]*", without_ok)
        problems.append(f"a '/' separates names ('{(slash.group(0) if slash else '/').strip()}')")
    if problems:
        return failed(
            R5_6,
            f"Separators in the {_lang(pl)} list: {'; '.join(problems)}. Ingredients are separated by a bullet or "
            "a comma, components by a comma.",
            CITE_SEPARATORS,
            short(pl.body),
            pl.panel,
            term=";" if ";" in pl.body else None,
        )
    bullets = [e.name for e in walk(pl.entries) if re.search(r"[•·●]", e.separators)]
    if bullets:
        return review(
            R5_6,
            f"Components of {', '.join(bullets)} in the {_lang(pl)} list are separated by bullets; the FDR asks for "
            "commas between components (a supplier's grouped list may have been carried over as printed).",
            CITE_SEPARATORS,
            short(pl.body),
            pl.panel,
        )
    return passed(
        R5_6,
        f"The {_lang(pl)} list separates ingredients by {'bullets' if '•' in pl.top_separators else 'commas'}.",
        CITE_SEPARATORS,
        short(pl.body),
        pl.panel,
    )


def _brackets(pl: ParsedList) -> Finding:
    problems = bracket_problems(pl.body)
    problems += [e for e in pl.source.parse_errors if re.search(r"parenthes|bracket", e, re.I) and e not in problems]
    empty = [e.name for e in walk(pl.entries) if e.bracket_body.strip() == "" and re.search(r"[(\[{]", e.raw)]
    if empty:
        problems.append(f"empty parentheses after {', '.join(empty)}")
    if problems:
        return failed(
            R5_7,
            f"Brackets in the {_lang(pl)} list do not balance: {'; '.join(problems)}. Components are shown in "
            "parentheses right after their ingredient.",
            CITE_COMPONENTS,
            short(pl.body),
            pl.panel,
        )
    with_components = sum(1 for e in pl.entries if e.components)
    return passed(
        R5_7,
        f"The {_lang(pl)} list shows components in balanced parentheses "
        f"({with_components} ingredients with components).",
        CITE_COMPONENTS,
        short(pl.body),
        pl.panel,
    )


def _colour(pl: ParsedList) -> Finding:
    offenders = [e.raw.strip() for e in colour_class_entries(pl.entries)]
    if offenders:
        return failed(
            R5_13,
            f"The {_lang(pl)} list declares colour by the class name ({', '.join(offenders)}). The 'colour' class "
            "name is repealed: each food colour is declared by its specific name (e.g. 'allura red'); '(colour)' "
            "may only follow a specific name as a function note.",
            CITE_COLOUR,
            short(pl.body),
            pl.panel,
        )
    return passed(
        R5_13,
        f"The {_lang(pl)} list does not use 'colour' as a class name.",
        CITE_COLOUR,
        short(pl.body),
        pl.panel,
    )


def _order(lists: list[ParsedList], context: ProductContext, facts: LabelFacts | None = None) -> Finding:
    """B.01.008.2(3)(a): the weights are in the formulation, so text can only look for a contradiction: water
    late in the list of a drink, soup or sauce (a table per millilitres) is one. None found is a pass that says
    what it rests on; one found is a question for a person."""
    notes = []
    nft = facts.nutrition_facts if facts is not None else None
    liquid = nft is not None and (nft.serving_unit or "").lower() == "ml"
    for pl in lists:
        names = [fold(e.name) for e in pl.entries]
        for water in ("water", "eau"):
            if liquid and water in names and names.index(water) > 2:
                notes.append(
                    f"'{pl.entries[names.index(water)].name}' is ingredient {names.index(water) + 1} of the "
                    f"{_lang(pl)} list of a food served by volume, where water is usually first"
                )
    if notes:
        return review(
            R5_3,
            "Is the list in descending order by weight before mixing? " + "; ".join(notes) + ".",
            CITE_ORDER,
            short(lists[0].body, 80),
            lists[0].panel,
        )
    return passed(
        R5_3,
        "Nothing the label shows contradicts descending order by weight (the ingredients that may close the list in "
        "any order are allowed there); the weights themselves are in the formulation, which the label cannot show.",
        CITE_ORDER,
        short(lists[0].body, 80),
        lists[0].panel,
    )


def _translation_index() -> dict[str, set[str]]:
    """Language-prefixed folded name -> the English names it may stand for ("bicarbonate de sodium" is two)."""
    data = lexicons.load("ingredient_translations")
    index: dict[str, set[str]] = {}
    for en, fr_names in data["pairs"].items():
        index.setdefault(f"en:{fold(en)}", set()).add(fold(en))
        for fr in fr_names:
            index.setdefault(f"fr:{fold(fr)}", set()).add(fold(en))
    return index


def _languages_match(lists: list[ParsedList]) -> Finding:
    en = [pl for pl in lists if pl.language == "en"]
    fr = [pl for pl in lists if pl.language == "fr"]
    if not en or not fr:
        present = "English" if en else "French" if fr else "no identified language"
        return review(
            R5_17,
            f"Only one language version of the list was found ({present}); both are required unless a bilingual "
            "exemption of B.01.012 applies, which the context does not say.",
            CITE_MATCH,
        )
    en_list, fr_list = en[0], fr[0]
    evidence = short(f"{en_list.body} | {fr_list.body}")
    if len(en_list.entries) != len(fr_list.entries):
        return failed(
            R5_17,
            f"The English list has {len(en_list.entries)} ingredients and the French list "
            f"{len(fr_list.entries)}: the two versions must declare the same ingredients.",
            CITE_MATCH,
            evidence,
            en_list.panel,
        )
    index = _translation_index()
    mismatches = []
    for position, (e, f) in enumerate(zip(en_list.entries, fr_list.entries, strict=True), start=1):
        if len(e.components) != len(f.components):
            mismatches.append(
                f"ingredient {position} has {len(e.components)} components in English ('{e.name}') and "
                f"{len(f.components)} in French ('{f.name}')"
            )
            continue
        en_key = index.get(f"en:{strip_qualifiers(e.name, 'en')}")
        fr_key = index.get(f"fr:{strip_qualifiers(f.name, 'fr')}")
        if en_key and fr_key and not en_key & fr_key:
            mismatches.append(f"ingredient {position} is '{e.name}' in English but '{f.name}' in French")
    if not mismatches:
        compared = compare_lists(entry_pairs(list(en_list.entries)), entry_pairs(list(fr_list.entries)))
        if compared.status == "match":
            return passed(
                R5_17,
                f"The English and French lists declare the same {len(en_list.entries)} ingredients in the same order: "
                "each French name is the English name's translation in the lexicon.",
                CITE_MATCH,
                evidence,
                en_list.panel,
            )
        if compared.status == "unknown":
            return review(
                R5_17,
                "The English and French lists have the same structure, but the translation lexicon does not know "
                f"{'; '.join(compared.unknown[:4])}: does each French name translate the English one?",
                CITE_MATCH,
                evidence,
                en_list.panel,
            )
        mismatches = [f"{pair} differ" for pair in compared.differing[:4]]
    if mismatches:
        return review(
            R5_17,
            "The English and French lists have the same number of ingredients but may differ: "
            + "; ".join(mismatches[:4])
            + ".",
            CITE_MATCH,
            evidence,
            en_list.panel,
        )
    return passed(
        R5_17,
        f"The English and French lists both declare {len(en_list.entries)} ingredients with the same structure.",
        CITE_MATCH,
        evidence,
        en_list.panel,
    )
