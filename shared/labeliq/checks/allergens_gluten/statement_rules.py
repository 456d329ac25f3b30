"""The entries and titles of "Contains" and "May contain" statements (cfia-rules.md 9.4, 9.7, 9.10).

An entry declares a source only by its prescribed name (B.01.010.1(6),(7)): "Tree nuts", "Shellfish",
"Fish" or "Gluten" name no source, and "Whey" or "Spelt" name an ingredient, not the source.
"""

from __future__ import annotations

import re

from labeliq.checks.allergens_gluten.rules import R9_4, R9_7, R9_10
from labeliq.checks.allergens_gluten.sources import (
    Lang,
    contains_term,
    declared_keys,
    generic_names,
    norm,
    scan_list,
    source_specs,
    sulphite_terms,
)
from labeliq.checks.allergens_gluten.statements import (
    entries,
    list_languages,
    statement_languages,
    statements_for,
    title_is,
)
from labeliq.checks.common import findings as F
from labeliq.models import AllergenStatement, Finding, LabelFacts

CIT_NAMES = "FDR B.01.010.1(6),(7)"
CIT_TITLE = "FDR B.01.010.3(1)(a)(i),(c)"
CIT_MAY = "FDR B.01.010.4(1); CFIA ILT, allergens and gluten (precautionary statements)"
_LEAD = re.compile(r"^(?:traces? of|des traces de|traces? d[e']|trace amounts of)\s*")
_GENERIC_HINT = {
    "tree_nut": "name each nut (e.g. Almonds, Walnuts)",
    "crustacean_or_mollusc": "name each crustacean or mollusc species (e.g. Shrimp, Mussels)",
    "fish_or_shellfish": "name each fish, crustacean or mollusc species",
    "fish": "name the fish species (e.g. Salmon)",
    "crustacean": "name the crustacean species (e.g. Shrimp)",
    "mollusc": "name the mollusc species (e.g. Scallops)",
    "milk": "use 'Milk' / 'Lait'",
    "gluten": "name the cereal (Wheat, Barley, Oats, Rye, Triticale)",
}


_GENERIC_GROUPS: dict[str, set[str]] = {
    "tree_nut": {"tree_nut"},
    "fish": {"fish"},
    "crustacean": {"crustacean"},
    "mollusc": {"mollusc"},
    "crustacean_or_mollusc": {"crustacean", "mollusc"},
    "fish_or_shellfish": {"fish", "crustacean", "mollusc"},
    "milk": {"milk"},
    "gluten": {"gluten"},
}


def generic_coverage(text: str, lang: Lang) -> set[str]:
    """Source groups a statement names only generically ("Tree nuts" -> tree_nut, "Gluten" -> gluten)."""
    names = generic_names(lang)
    groups: set[str] = set()
    for entry in re.split(r"[,•·;]|\band\b|\bet\b", norm(text)):
        group = names.get(_LEAD.sub("", entry.strip(" .:")).strip())
        if group:
            groups |= _GENERIC_GROUPS.get(group, set())
    return groups


def statement_name_findings(facts: LabelFacts) -> list[Finding]:
    findings: list[Finding] = []
    for statement in [*facts.contains, *facts.may_contain]:
        for lang in statement_languages(statement):
            findings += _entries(facts, statement, lang)
        if statement.kind == "contains":
            findings += _contains_form(statement)
    return findings


def _generic(entry: str, lang: Lang, statement: AllergenStatement, facts: LabelFacts) -> str | None:
    """The generic group an entry names instead of a source, or None."""
    folded = _LEAD.sub("", norm(entry)).strip()
    names = generic_names(lang)
    if folded in names:
        return names[folded]
    if lang == "fr" and folded == "noix" and _english_counterpart_is_generic(facts, statement):
        return "tree_nut"  # "Noix" is the FDR's French name for walnuts, but here it translates "Tree nuts"
    return None


def _english_counterpart_is_generic(facts: LabelFacts, statement: AllergenStatement) -> bool:
    names = generic_names("en")
    for other in statements_for(facts, statement.kind, "en"):
        if other is statement:
            continue
        if any(names.get(_LEAD.sub("", norm(e)).strip()) == "tree_nut" for e in entries(other)):
            return True
    return False


def _entries(facts: LabelFacts, statement: AllergenStatement, lang: Lang) -> list[Finding]:
    specs = source_specs()
    sulphites = sulphite_terms(lang)
    wrong: list[str] = []
    unknown: list[str] = []
    for entry in entries(statement):
        generic = _generic(entry, lang, statement, facts)
        if generic is not None:
            wrong.append(f"'{entry}' is a generic name ({_GENERIC_HINT.get(generic, 'use the prescribed name')})")
            continue
        if declared_keys(entry, lang):
            continue
        folded = norm(entry)
        if contains_term(folded, sulphites.source_names + sulphites.agents):
            continue  # judged by 9.5
        revealed = scan_list(entry, lang).sources
        if revealed:
            proper = ", ".join(sorted({specs[d.key].display(lang) for d in revealed}))
            wrong.append(f"'{entry}' is not a prescribed source name (use {proper})")
        elif not _is_filler(folded):
            unknown.append(entry)
    title = statement.title or ("Contains" if statement.kind == "contains" else "May contain")
    evidence = f"{title} {statement.text}".strip()
    out: list[Finding] = []
    if wrong:
        out.append(
            F.failed(
                R9_4,
                f"In the \"{title}\" statement (panel '{statement.source.panel}'), {'; '.join(wrong)}. Allergen and "
                "gluten sources must be named by their prescribed source names.",
                CIT_NAMES,
                evidence=evidence,
                panel=statement.source.panel,
            )
        )
    if unknown:
        out.append(
            F.review(
                R9_4,
                f'The entries {", ".join(repr(u) for u in unknown)} of the "{title}" statement (panel '
                f"'{statement.source.panel}') are not recognised as prescribed allergen, gluten or sulphite names.",
                CIT_NAMES,
                evidence=evidence,
                panel=statement.source.panel,
            )
        )
    if not out and entries(statement):
        out.append(
            F.passed(
                R9_4,
                f"Every entry of the \"{title}\" statement (panel '{statement.source.panel}') is a prescribed source "
                "name.",
                CIT_NAMES,
                evidence=evidence,
                panel=statement.source.panel,
            )
        )
    return out


def _is_filler(folded: str) -> bool:
    return folded in {"", "and", "et", "or", "ou"}


def _contains_form(statement: AllergenStatement) -> list[Finding]:
    out: list[Finding] = []
    if statement.title and not title_is(statement.title, ("contains", "contient")):
        out.append(
            F.failed(
                R9_7,
                f"The allergen statement is titled '{statement.title}'; the title must be 'Contains' (or "
                "'Contains:') in English and 'Contient' (or 'Contient :') in French.",
                CIT_TITLE,
                evidence=f"{statement.title} {statement.text}",
                panel=statement.source.panel,
            )
        )
    badly_cased = [e for e in entries(statement) if not _entry_case_ok(e)]
    if badly_cased:
        out.append(
            F.failed(
                R9_7,
                f'Entries {", ".join(repr(e) for e in badly_cased)} of the "{statement.title}" statement (panel '
                f"'{statement.source.panel}') must be in lower case with an upper-case first letter, separated by "
                "commas or bullets.",
                CIT_TITLE,
                evidence=f"{statement.title} {statement.text}",
                panel=statement.source.panel,
            )
        )
    return out


def _entry_case_ok(entry: str) -> bool:
    letters = [c for c in entry if c.isalpha()]
    if not letters:
        return True
    if not letters[0].isupper():
        return False
    return not (len(letters) > 3 and all(c.isupper() for c in letters))


def may_contain_findings(facts: LabelFacts) -> list[Finding]:
    findings: list[Finding] = []
    for statement in facts.may_contain:
        findings += _may_contain(facts, statement)
    present_langs = {lang for s in facts.may_contain for lang in statement_languages(s)}
    list_langs = {lang for i in facts.ingredients for lang in list_languages(i)}
    if facts.may_contain and len(present_langs) == 1:
        missing = (list_langs - present_langs) & {"en", "fr"}
        for lang in sorted(missing):
            findings.append(
                F.failed(
                    R9_10,
                    f"The precautionary ('may contain') statement appears only in "
                    f"{'English' if 'en' in present_langs else 'French'}; it must also appear in "
                    f"{'English' if lang == 'en' else 'French'} because the list before it is in both languages.",
                    "FDR B.01.010.4(1)(b)",
                    evidence=" | ".join(f"{s.title} {s.text}" for s in facts.may_contain),
                    panel=facts.may_contain[0].source.panel,
                )
            )
    return findings


def _may_contain(facts: LabelFacts, statement: AllergenStatement) -> list[Finding]:
    out: list[Finding] = []
    evidence = f"{statement.title} {statement.text}".strip()
    panel = statement.source.panel
    wording = norm(f"{statement.title} {statement.text}")
    if not title_is(statement.title, ("may contain", "peut contenir")) or re.search(r"\btraces?\b", wording):
        out.append(
            F.review(
                R9_10,
                f"The precautionary statement is introduced by '{statement.title or '(no title)'}'; Health Canada and "
                "the CFIA recommend only 'May contain:' / 'Peut contenir :' followed by prescribed source names.",
                CIT_MAY,
                evidence=evidence,
                panel=panel,
            )
        )
    for lang in statement_languages(statement):
        deliberate = declared_keys(statement.text, lang) & _deliberate_keys(facts, lang)
        if deliberate:
            names = ", ".join(sorted(source_specs()[k].display(lang) for k in deliberate))
            out.append(
                F.failed(
                    R9_10,
                    f"The precautionary statement names {names}, which the ingredients deliberately contain; "
                    "'may contain' is only for cross-contamination and is no substitute for the mandatory declaration.",
                    CIT_MAY,
                    evidence=evidence,
                    panel=panel,
                )
            )
    if not out:
        out.append(
            F.passed(
                R9_10,
                f"The precautionary statement (panel '{panel}') uses the recommended title and names sources not "
                "deliberately added.",
                CIT_MAY,
                evidence=evidence,
                panel=panel,
            )
        )
    return out


def _deliberate_keys(facts: LabelFacts, lang: Lang) -> set[str]:
    keys: set[str] = set()
    for ingredients in facts.ingredients:
        if lang in list_languages(ingredients):
            keys |= {d.key for d in scan_list(ingredients.text, lang).sources if not d.key.endswith(":*")}
    return keys
