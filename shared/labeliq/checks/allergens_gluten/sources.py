"""Which food allergen, gluten and sulphite sources a piece of label text names, and by which name.

The FDR separates the *source* of an allergen (milk, wheat, salmon) from its *prescribed name* on the
label (B.01.010.1(6),(7); B.01.010.2(6)): "whey" reveals milk but does not declare it. Every matcher here
works on one language at a time because the English list is judged against "Contains" and the French
list against "Contient", each with its own prescribed names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from labeliq.lexicons import load
from labeliq.text import TermMatcher, fold, term_matcher, word_spans

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")
SPECIES_GROUPS = ("fish", "crustacean", "mollusc")
_SEGMENT_SPLIT = re.compile(r"[,;:()\[\]{}•·.*]")


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """fold() plus the ligatures NFKD keeps ("œuf" -> "oeuf"), so lexicon terms are plain ASCII-ish."""
    return fold(text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE"))


def term_spans(folded: str, term: str) -> list[tuple[int, int]]:
    return word_spans(folded, norm(term))


def mask(folded: str, phrases: list[str]) -> str:
    """Blank out phrases ("cocoa butter") so a shorter trigger ("butter") inside them is not read."""
    chars = list(folded)
    for phrase in phrases:
        for start, end in term_spans(folded, phrase):
            chars[start:end] = "#" * (end - start)
    return "".join(chars)


@cache
def _longest_first(terms: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], TermMatcher]:
    ordered = tuple((term, norm(term)) for term in sorted(terms, key=len, reverse=True))
    return ordered, term_matcher(tuple(normed for _, normed in ordered))


_WORD_EDGES = re.compile(r"[a-z0-9](?:.*[a-z0-9])?", re.DOTALL)


@cache
def _any_spec_term(lang: Lang, kind: Literal["triggers", "prescribed"]) -> TermMatcher | None:
    """One matcher over every source's triggers (or prescribed names), so a text is searched once and a source
    none of whose terms it holds is skipped without masking its exclusions.

    Exact only because masking never creates a match: a masked phrase is a whole word, and a term that starts
    and ends with a letter or digit cannot start or end next to one. None (no skipping) if a term does not.
    """
    terms = {norm(t) for spec in source_specs().values() for t in getattr(spec.terms[lang], kind)}
    if not all(_WORD_EDGES.fullmatch(t) for t in terms):
        return None
    return term_matcher(tuple(sorted(terms)))


def _may_hold(hits: set[str] | None, terms: list[str]) -> bool:
    """False only when none of the terms is among the hits of _any_spec_term."""
    return hits is None or any(normed in hits for _, normed in _longest_first(tuple(terms))[0])


def contains_term(folded: str, terms: list[str]) -> str | None:
    """The longest term found in folded text as a whole word (one combined pattern per term list)."""
    ordered, matcher = _longest_first(tuple(terms))
    hits = matcher.hits(folded)
    return next((term for term, normed in ordered if normed in hits), None)


@dataclass(frozen=True)
class LangTerms:
    prescribed: list[str]
    triggers: list[str]
    exclude: list[str] = field(default_factory=list)
    whole_ingredient: list[str] = field(default_factory=list)
    label: str = ""  # the first prescribed name as the regulation spells it, for messages


@dataclass(frozen=True)
class SourceSpec:
    """One allergen or gluten source: what reveals it and what names declare it, per language."""

    key: str  # "milk", "wheat", "barley", "fish:salmon", "fish:*"
    group: str  # "milk", "tree_nut", "fish", "gluten" ...
    allergen: bool
    gluten: bool
    terms: dict[Lang, LangTerms]

    def display(self, lang: Lang) -> str:
        terms = self.terms[lang]
        if self.key.endswith(":*"):
            return {
                "fish": "the fish species",
                "crustacean": "the crustacean species",
                "mollusc": "the mollusc species",
            }[self.group]
        label = terms.label or (terms.prescribed[0] if terms.prescribed else self.key)
        return label[:1].upper() + label[1:]


def _lang_terms(raw: dict[str, Any]) -> LangTerms:
    return LangTerms(
        prescribed=[norm(t) for t in raw.get("prescribed", [])],
        triggers=[norm(t) for t in raw.get("triggers", [])],
        exclude=[norm(t) for t in raw.get("exclude", [])],
        whole_ingredient=[norm(t) for t in raw.get("whole_ingredient", [])],
        label=(raw.get("prescribed") or [""])[0],
    )


def species_key(group: str, name: str) -> str:
    """One key for "sardine" and "sardines", "anchovy" and "anchovies"."""
    base = norm(name)
    if base.endswith("ies"):
        base = base[:-3] + "y"
    elif base.endswith("s") and not base.endswith("ss"):
        base = base[:-1]
    return f"{group}:{base}"


@cache
def source_specs() -> dict[str, SourceSpec]:
    allergens = load("allergens")
    gluten = load("gluten_sources")
    specs: dict[str, SourceSpec] = {}
    for key, raw in allergens["allergens"].items():
        specs[key] = SourceSpec(
            key=key,
            group=raw["group"],
            allergen=True,
            gluten=bool(raw.get("gluten", False)),
            terms={lang: _lang_terms(raw[lang]) for lang in LANGS},
        )
    for key, raw in gluten["cereals"].items():
        specs[key] = SourceSpec(
            key=key, group="gluten", allergen=False, gluten=True, terms={lang: _lang_terms(raw[lang]) for lang in LANGS}
        )
    for group in SPECIES_GROUPS:
        for lang in LANGS:
            for name in allergens["species"][group][lang]:
                key = species_key(group, name)
                existing = specs.get(key)
                names = sorted({norm(name), *(existing.terms[lang].prescribed if existing else [])})
                terms = dict(existing.terms) if existing else {other: LangTerms([], []) for other in LANGS}
                terms[lang] = LangTerms(prescribed=names, triggers=names, label=_existing_label(existing, lang, name))
                specs[key] = SourceSpec(key=key, group=group, allergen=True, gluten=False, terms=terms)
        unspecified = allergens["species_unspecified_triggers"][group]
        specs[f"{group}:*"] = SourceSpec(
            key=f"{group}:*",
            group=group,
            allergen=True,
            gluten=False,
            terms={lang: LangTerms(prescribed=[], triggers=[norm(t) for t in unspecified[lang]]) for lang in LANGS},
        )
    return specs


def _existing_label(existing: SourceSpec | None, lang: Lang, name: str) -> str:
    """Keep the first spelling met ("sardine" before "sardines") as the name shown in messages."""
    if existing is not None and existing.terms[lang].label:
        return existing.terms[lang].label
    return name


@dataclass(frozen=True)
class Detection:
    key: str
    trigger: str  # the word on the label that revealed the source, folded


@dataclass(frozen=True)
class ListScan:
    """What one ingredient list (one language) reveals."""

    sources: list[Detection]
    refined_oils: list[tuple[str, str]]  # (oil name as folded, source key)
    ambiguous: list[str]  # e.g. "lecithin" without its source


def _refined_oils(lang: Lang) -> dict[str, str]:
    oils: dict[str, str] = load("allergens")["refined_oils"][lang]
    return {norm(k): v for k, v in oils.items()}


def _gluten_free_oats(lang: Lang) -> list[str]:
    return [norm(t) for t in load("gluten_sources")["gluten_free_oats"][lang]]


def scan_list(text: str, lang: Lang) -> ListScan:
    """Sources revealed by an ingredient list, refined oils set apart (9.14) and unqualified lecithin (9.1)."""
    folded = norm(text)
    oils = _refined_oils(lang)
    found_oils = [(oil, key) for oil, key in oils.items() if term_spans(folded, oil)]
    without_oils = mask(folded, list(oils))
    sources: list[Detection] = []
    segments = {s.strip() for s in _SEGMENT_SPLIT.split(without_oils)}
    any_trigger = _any_spec_term(lang, "triggers")
    hits = any_trigger.hits(without_oils) if any_trigger is not None else None
    for spec in source_specs().values():
        terms = spec.terms[lang]
        trigger = None
        if _may_hold(hits, terms.triggers):
            trigger = contains_term(mask(without_oils, terms.exclude), terms.triggers)
        if trigger is None:
            trigger = next((w for w in terms.whole_ingredient if w in segments), None)
        if trigger is not None:
            sources.append(Detection(spec.key, trigger))
    ambiguous_raw = load("allergens")["ambiguous"][lang]
    term = norm(ambiguous_raw["term"])
    qualifiers = [norm(q) for q in ambiguous_raw["qualifiers"]]
    ambiguous = []
    for start, end in term_spans(folded, term):
        before, after = folded[max(0, start - 25) : start], folded[end : end + 25]
        qualified = any(
            before.rstrip().endswith(q) or re.match(rf"\s*(?:de |d')?{re.escape(q)}\b", after) for q in qualifiers
        )
        if not qualified and not re.match(r"\s*\(", after):
            ambiguous.append(folded[start:end])
    return ListScan(sources=_drop_covered_species(sources), refined_oils=found_oils, ambiguous=ambiguous)


def _drop_covered_species(sources: list[Detection]) -> list[Detection]:
    """ "Surimi (pollock)" reveals pollock; the unspecified fish it also triggers is then covered."""
    groups_named = {d.key.split(":")[0] for d in sources if ":" in d.key and not d.key.endswith(":*")}
    return [d for d in sources if not (d.key.endswith(":*") and d.key.split(":")[0] in groups_named)]


def declared_keys(text: str, lang: Lang) -> set[str]:
    """Sources whose prescribed name appears in text (a list, a Contains statement or one entry)."""
    folded = mask(norm(text), list(_refined_oils(lang)))
    keys: set[str] = set()
    any_prescribed = _any_spec_term(lang, "prescribed")
    hits = any_prescribed.hits(folded) if any_prescribed is not None else None
    for spec in source_specs().values():
        terms = spec.terms[lang]
        if not _may_hold(hits, terms.prescribed):
            continue
        if terms.prescribed and contains_term(mask(folded, terms.exclude), terms.prescribed):
            keys.add(spec.key)
    for group in SPECIES_GROUPS:
        if any(k.startswith(f"{group}:") for k in keys):
            keys.add(f"{group}:*")
    return keys


def gluten_free_oats_only(text: str, lang: Lang) -> bool:
    """True when every mention of oats in text is "gluten-free oats" (Health Canada's marketing authorization)."""
    folded = norm(text)
    oats = source_specs()["oats"].terms[lang]
    if contains_term(folded, oats.triggers) is None:
        return False
    return contains_term(mask(folded, _gluten_free_oats(lang)), oats.triggers) is None


def generic_names(lang: Lang) -> dict[str, str]:
    names: dict[str, str] = load("allergens")["generic_names"][lang]
    return {norm(k): v for k, v in names.items()}


_LIST_GENERICS = {"tree_nut", "crustacean_or_mollusc", "fish_or_shellfish"}
_GROUP_MEMBERS = {
    "tree_nut": {"tree_nut", "peanut"},
    "crustacean_or_mollusc": {"crustacean", "mollusc"},
    "fish_or_shellfish": {"fish", "crustacean", "mollusc"},
}


def generic_sources_in_list(text: str, lang: Lang, found: list[Detection]) -> list[str]:
    """Generic words ("mixed nuts", "seafood") in a list that names no member of the group they stand for."""
    folded = norm(text)
    specs = source_specs()
    groups = {specs[d.key].group for d in found}
    out = []
    for term, group in generic_names(lang).items():
        if group in _LIST_GENERICS and term_spans(folded, term) and not (groups & _GROUP_MEMBERS[group]):
            out.append(term)
    return out


@dataclass(frozen=True)
class Sulphites:
    source_names: list[str]
    agents: list[str]
    needing_source_name: list[str]


@cache
def sulphite_terms(lang: Lang) -> Sulphites:
    raw = load("sulphites")[lang]
    return Sulphites(
        source_names=[norm(t) for t in raw["source_names"]],
        agents=[norm(t) for t in raw["agents"]],
        needing_source_name=[norm(t) for t in raw["agents_needing_source_name"]],
    )


def sulphites_named(text: str, lang: Lang) -> list[str]:
    """Sulphite source names and sulphiting agents in text."""
    terms = sulphite_terms(lang)
    folded = norm(text)
    return [t for t in terms.source_names + terms.agents if term_spans(folded, t)]


def has_sulphite_source_name(text: str, lang: Lang) -> bool:
    terms = sulphite_terms(lang)
    folded = mask(norm(text), terms.agents)
    return contains_term(folded, terms.source_names) is not None
