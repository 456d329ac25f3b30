"""Name lookups over the sugars, sweetener and additive lexicons, per language.

The lexicons say where each name comes from (their "source" key); this module only decides how a
printed name is compared with them, so the checkers that read ingredient names agree (the ingredient
checkers, and the claim and FOP checks that look for sugars-based ingredients).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from labeliq import lexicons
from labeliq.checks.common.ingredients_text import Entry, ListLanguage, strip_qualifiers
from labeliq.text import TermMatcher, fold, term_matcher

SugarsKind = Literal["sugar", "review"]
SweetenerKind = Literal[
    "high_intensity", "list9_unconfirmed", "sugar_alcohol", "polydextrose", "cyclamate", "unconfirmed"
]

_LANGS: tuple[ListLanguage, ...] = ("en", "fr")
_EN_HEAD_WORDS = {"sugar", "sugars", "syrup", "honey", "molasses", "nectar"}
_FR_HEAD_TERMS = ("sucre", "miel", "mélasse", "cassonade", "sirop d'érable", "sirop de maïs", "sirop de glucose")
_NOT_SUGAR_OSE = re.compile(r"cellulose|sucralose|^(rose|dose|close|purpose|those|whose|loose|choose|verbose)$")


def _langs(language: ListLanguage | None) -> tuple[ListLanguage, ...]:
    return (language,) if language else _LANGS


@dataclass(frozen=True)
class SugarsTerms:
    terms: frozenset[str]
    review: frozenset[str]
    not_sugars: frozenset[str]
    group_terms: frozenset[str]


@cache
def _sugars(language: ListLanguage) -> SugarsTerms:
    data: dict[str, Any] = lexicons.load("sugars_based")[language]
    terms = {fold(t) for key in ("annex_1a", "annex_1b", "annex_1c") for t in data[key]}
    for pattern in data["fruit_patterns"]:
        terms.update(fold(pattern.format(fruit=fruit)) for fruit in data["fruits"])
    return SugarsTerms(
        terms=frozenset(terms),
        review=frozenset(fold(t) for t in data["review_variants"]),
        not_sugars=frozenset(fold(t) for t in data["not_sugars"]),
        group_terms=frozenset(fold(t) for t in data["group_terms"]),
    )


@cache
def sugars_based_names() -> tuple[str, ...]:
    """Annex 1A and 1B names and the group terms, EN and FR, as printed in the lexicon.

    The claim checks ("unsweetened", "no added sugars", FOP sugars sources) look for these as words anywhere in
    an ingredient name, so "Organic cane sugar" is found through "cane sugar" and "sugar". Annex 1C (functional
    substitutes such as fruit juice) is left to the grouping rule, which knows the exemptions for juices.
    """
    data: dict[str, Any] = lexicons.load("sugars_based")
    names: dict[str, None] = {}
    for lang in _LANGS:
        for key in ("annex_1a", "annex_1b", "group_terms"):
            names.update(dict.fromkeys(data[lang][key]))
    return tuple(names)


def sugars_group_terms(language: ListLanguage | None) -> set[str]:
    return {t for lang in _langs(language) for t in _sugars(lang).group_terms}


@cache
def _sugars_heads(language: ListLanguage) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """Per language, worked out once: the multi-word not-sugars, the EN terms ending in a head word (a
    qualified "organic cane sugar" ends with one), and the FR terms a qualified name starts with."""
    lex = _sugars(language)
    multi_word_not_sugars = tuple(f" {n} " for n in lex.not_sugars if " " in n)
    en_headed = frozenset(term for term in lex.terms if term.split()[-1] in _EN_HEAD_WORDS)
    fr_heads = tuple(fold(head) + " " for head in _FR_HEAD_TERMS)
    return multi_word_not_sugars, en_headed, fr_heads


def sugars_kind(name: str, language: ListLanguage | None) -> SugarsKind | None:
    """Whether a printed name is a sugars-based ingredient (ILT Annex 1), a name to review, or neither."""
    stripped = strip_qualifiers(name, language)
    if not stripped:
        return None
    for lang in _langs(language):
        lex = _sugars(lang)
        multi_word_not_sugars, en_headed, fr_heads = _sugars_heads(lang)
        spaced = f" {stripped} "
        if stripped in lex.not_sugars or any(n in spaced for n in multi_word_not_sugars):
            return None
        if stripped in lex.terms:
            return "sugar"
        if lang == "en":
            # a term the name ends with, after a space: one of the name's tails after a space
            if any(stripped[i + 1 :] in en_headed for i, ch in enumerate(stripped) if ch == " "):
                return "sugar"
        elif stripped.startswith(fr_heads):
            return "sugar"
        if stripped in lex.review:
            return "review"
    words = re.findall(r"[a-z]+", stripped)
    if any(w.endswith("ose") and len(w) >= 6 and not _NOT_SUGAR_OSE.search(w) for w in words):
        # ILT: a mono- or disaccharide is a sugars-based ingredient whose common name ends in "-ose".
        return "review"
    return None


def has_sugar_word(name: str) -> bool:
    folded = fold(name)
    return re.search(r"\bsugar\b|\bsucre\b", folded) is not None


@cache
def _sweetener_index() -> dict[str, tuple[SweetenerKind, str]]:
    """Folded printed name -> (kind, canonical key), both languages."""
    data: dict[str, Any] = lexicons.load("sweeteners")
    index: dict[str, tuple[SweetenerKind, str]] = {}
    for group, kind in (
        ("high_intensity", "high_intensity"),
        ("list9_unconfirmed", "list9_unconfirmed"),
        ("sugar_alcohols", "sugar_alcohol"),
    ):
        for key, names in data[group].items():
            for lang in _LANGS:
                for n in names[lang]:
                    index[fold(n)] = (kind, key)  # type: ignore[assignment]
    for lang in _LANGS:
        for n in data["polydextrose"][lang]:
            index[fold(n)] = ("polydextrose", "polydextrose")
        for n in data["cyclamate"][lang]:
            index[fold(n)] = ("cyclamate", "cyclamate")
        for n in data["unconfirmed_names"][lang]:
            index.setdefault(fold(n), ("unconfirmed", fold(n)))
    return index


def sweetener_kind(name: str) -> tuple[SweetenerKind, str] | None:
    """The sweetener a printed name declares, as (kind, canonical key); None when it is not one."""
    stripped = strip_qualifiers(name, None)
    index = _sweetener_index()
    if stripped in index:
        return index[stripped]
    # "Sucralose (sweetener)" reaches here as "sucralose"; a name such as "aspartame-acesulfame salt" is in the index.
    confirmed, matcher = _confirmed_sweeteners()
    hits = matcher.hits(stripped)
    for printed, value in confirmed:
        if printed in hits:
            if value[0] == "high_intensity" and value[1] == "monk_fruit_extract" and "juice" in stripped:
                continue
            return value
    return None


@cache
def _confirmed_sweeteners() -> tuple[tuple[tuple[str, tuple[SweetenerKind, str]], ...], TermMatcher]:
    """The index's confirmed names in index order, and one matcher for all of them (letters bound a word)."""
    confirmed = tuple((printed, value) for printed, value in _sweetener_index().items() if value[0] != "unconfirmed")
    return confirmed, term_matcher(tuple(printed for printed, _ in confirmed), word="a-z")


def sweeteners_data() -> dict[str, Any]:
    data: dict[str, Any] = lexicons.load("sweeteners")
    return data


@dataclass(frozen=True)
class AdditiveNames:
    known: frozenset[str]  # folded names recognised as permitted additives or their synonyms
    not_additives: frozenset[str]
    colours: frozenset[str]
    colour_class_names: frozenset[str]
    function_class_names: frozenset[str]
    us_colour_names: frozenset[str]


@cache
def additive_names() -> AdditiveNames:
    data: dict[str, Any] = lexicons.load("permitted_additives")
    known: set[str] = {fold(n) for names in data["classes"].values() for n in names}
    for name in list(known):
        # the Lists write "sodium phosphate, dibasic"; labels write the same additive "disodium phosphate"
        basic = re.fullmatch(r"(\w+) (\w+), (mono|di|tri|tetra)basic", name)
        if basic:
            known.add(f"{basic.group(3)}{basic.group(1)} {basic.group(2)}")
    for mapping in (data["synonyms"], data["fr"]):
        for printed, canonical in mapping.items():
            if canonical is None:
                continue
            known.add(fold(printed))
            known.add(fold(canonical))
    fr_colours = {
        fold(k) for k, v in data["fr"].items() if v and fold(v) in {fold(c) for c in data["classes"]["Colouring Agent"]}
    }
    colours = {fold(n) for n in data["classes"]["Colouring Agent"]} | fr_colours
    colours |= {fold(k) for k, v in data["synonyms"].items() if v and fold(v) in colours}
    not_additives = {fold(n) for lang in _LANGS for n in data["not_additives"][lang]}
    not_additives |= {fold(k) for m in (data["synonyms"], data["fr"]) for k, v in m.items() if v is None}
    return AdditiveNames(
        known=frozenset(known),
        not_additives=frozenset(not_additives),
        colours=frozenset(colours),
        colour_class_names=frozenset(fold(n) for lang in _LANGS for n in data["colour_class_names"][lang]),
        function_class_names=frozenset(fold(n) for lang in _LANGS for n in data["function_class_names"][lang]),
        us_colour_names=frozenset(fold(n) for n in data["us_colour_names"]),
    )


def is_colour_class_name(name: str) -> bool:
    """ "Colour", "Colours", "Artificial colour", "Colorant"...: the repealed class name used as a name."""
    stripped = strip_qualifiers(name, None)
    return stripped in additive_names().colour_class_names


def colour_class_entries(entries: list[Entry]) -> list[Entry]:
    """Entries that use the repealed colour class name as a name: "Colour", "Colour (caramel)".

    A component "(colour)" right after a specific name ("Caramel (colour)") is a voluntary function
    note (CFIA ILT, food colours), so it is not counted.
    """
    out: list[Entry] = []

    def visit(items: list[Entry], parent: Entry | None) -> None:
        for entry in items:
            function_note = parent is not None and parent.name and not is_colour_class_name(parent.name)
            if entry.name and is_colour_class_name(entry.name) and not function_note:
                out.append(entry)
            visit(entry.components, entry)

    visit(entries, None)
    return out
