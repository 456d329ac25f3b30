"""English and French versions compared word by word with the translation lexicons (FDR B.01.012(2)).

Two versions name the same thing when every content word of each is the other's word or its translation in the
lexicons (name_translations for the words of common names, ingredient_translations for ingredient names). The
answer is "match", "mismatch" (a known word whose translations are all absent from the other version) or "unknown"
(a word no lexicon knows): only "unknown" leaves the question to a person, and a "mismatch" is a needs_review for a
person to look at, never a fail, since the lexicons are not an official table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from labeliq.lexicons import load
from labeliq.text import fold

_WORD = re.compile(r"[a-z0-9]+")
_PLURAL_END = re.compile(r"(?<=..)[sx]$")
_FEMININE_END = re.compile(r"(?<=..)e?e$")
_FUNCTION = frozenset(
    [
        "and",
        "with",
        "in",
        "of",
        "the",
        "a",
        "an",
        "style",
        "or",
        "&",
        "et",
        "de",
        "du",
        "des",
        "d",
        "l",
        "la",
        "le",
        "les",
        "au",
        "aux",
        "a",
        "avec",
        "dans",
        "en",
        "pour",
        "sur",
        "ou",
    ]
)

# French "thé" folds to "the": the English article is not a French function word.
_FUNCTION_FR = _FUNCTION - {"the"}

Status = Literal["match", "mismatch", "unknown"]


def stem(word: str) -> str:
    """One form for singular and plural, masculine and feminine: "barres", "barre" and "bars" -> "barr", "bar";
    a feminine past participle too: "grillées", "grillé" -> "grill"."""
    return _FEMININE_END.sub("", _PLURAL_END.sub("", word))


def _phrase(text: str) -> str:
    return " ".join(stem(w) for w in _WORD.findall(fold(text)))


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    """English stem or phrase -> the French stem phrases it may be."""
    out: dict[str, set[str]] = {}
    for en, frs in load("name_translations")["words"].items():
        out.setdefault(_phrase(en), set()).update(_phrase(f) for f in frs)
    for en, frs in load("ingredient_translations")["pairs"].items():
        out.setdefault(_phrase(en), set()).update(_phrase(f) for f in frs)
    # the additive lexicon's French names, each mapped to its English listed name ("acide phosphorique")
    additives = load("permitted_additives")
    english_names: dict[str, str] = {k: v for k, v in additives["synonyms"].items() if v}
    for fr, en in additives["fr"].items():
        if en:
            for name in {en, *(k for k, v in english_names.items() if v == en)}:
                out.setdefault(_phrase(name), set()).add(_phrase(fr))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _french_known() -> frozenset[str]:
    return frozenset(w for phrases in _lexicon().values() for p in phrases for w in p.split())


@dataclass
class Comparison:
    status: Status
    unknown: list[str] = field(default_factory=list)  # words no lexicon knows
    differing: list[str] = field(default_factory=list)  # known English words whose French is absent


def _content(text: str, french: bool = False) -> list[str]:
    function = _FUNCTION_FR if french else _FUNCTION
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in function]


def compare(english: str, french: str) -> Comparison:
    """Whether the English and the French texts say the same thing, word by word (multi-word entries first)."""
    lexicon = _lexicon()
    if _phrase(french) in lexicon.get(_phrase(english), ()):
        return Comparison("match")  # a whole-name entry ("whole grain rolled oats")
    en_words = _content(english)
    fr_words = _content(french, french=True)
    fr_text = " " + " ".join(fr_words) + " "
    covered_fr: set[str] = set()
    unknown: list[str] = []
    differing: list[str] = []
    i = 0
    while i < len(en_words):
        matched = False
        for size in (3, 2, 1):
            phrase = " ".join(en_words[i : i + size])
            if len(en_words[i : i + size]) < size:
                continue
            options = set(lexicon.get(phrase, ())) | ({phrase} if size == 1 else set())
            # the longest translation first, so "noix de cajou" covers both words, not "cajou" alone
            hit = next((o for o in sorted(options, key=lambda o: (-len(o), o)) if f" {o} " in fr_text), None)
            if hit is not None:
                covered_fr.update(hit.split())
                i += size
                matched = True
                break
            if size == 1 and phrase in lexicon:
                differing.append(phrase)
                i += 1
                matched = True
                break
        if not matched:
            unknown.append(en_words[i])
            i += 1
    for word in fr_words:
        if word not in covered_fr and word not in en_words:
            (differing if word in _french_known() else unknown).append(word)
    if unknown:
        return Comparison("unknown", unknown, differing)
    if differing:
        return Comparison("mismatch", [], differing)
    return Comparison("match")


def compare_lists(english: list[tuple[str, list[object]]], french: list[tuple[str, list[object]]]) -> Comparison:
    """Two ingredient lists as (name, components) pairs, compared entry by entry in order (components too)."""
    if len(english) != len(french):
        return Comparison("mismatch", [], [f"{len(english)} entries against {len(french)}"])
    unknown: list[str] = []
    differing: list[str] = []
    for (en_name, en_parts), (fr_name, fr_parts) in zip(english, french, strict=True):
        one = compare(en_name, fr_name)
        if one.status != "match":
            pair = f"'{en_name}' / '{fr_name}'"
            (unknown if one.status == "unknown" else differing).append(pair)
        inner = compare_lists(_pairs(en_parts), _pairs(fr_parts))
        unknown += inner.unknown
        differing += inner.differing
    if unknown:
        return Comparison("unknown", unknown, differing)
    if differing:
        return Comparison("mismatch", [], differing)
    return Comparison("match")


def _pairs(entries: list[object]) -> list[tuple[str, list[object]]]:
    return [(str(getattr(e, "name", "")), list(getattr(e, "components", []))) for e in entries]


def entry_pairs(entries: list[object]) -> list[tuple[str, list[object]]]:
    """Parsed ingredient entries (anything with .name and .components) as the pairs compare_lists takes."""
    return _pairs(entries)


@cache
def _english_known() -> frozenset[str]:
    return frozenset(w for phrase in _lexicon() for w in phrase.split())


def unknown_words(name: str) -> list[str]:
    """The words of a name that no lexicon knows as a food word (a coined or brand word, or a rare food)."""
    known = _english_known() | _french_known()
    return [w for w in _content(name) if w not in known and not w.isdigit()]
