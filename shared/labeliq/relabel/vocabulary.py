"""The relabel lexicons (section titles, nutrient row names, glossary) and the folding they are keyed by.

Foreign labels use letters NFKD does not take apart (Polish "ł", German "ß"), so the relabel keys are folded a
little further than labeliq.text.fold; every lookup of a foreign word goes through `rfold` so data and text agree.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from labeliq import lexicons
from labeliq.text import fold

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"})


class UnreadableLabel(ValueError):
    """The foreign label cannot be read (an unsupported script, or no section of a supported language)."""


def rfold(text: str) -> str:
    """fold() plus the letters NFKD keeps whole, so "Składniki" and "skladniki" compare equal."""
    return fold(text.translate(_EXTRA))


@cache
def sections() -> dict[str, Any]:
    data: dict[str, Any] = lexicons.load("relabel_sections")
    return data


# The regulated vocabulary beside relabel_glossary.json, one data file per kind, each with its own "source".
GLOSSARY_PARTS = (
    "relabel_glossary_nutrients",
    "relabel_glossary_allergens",
    "relabel_glossary_ingredients",
    "relabel_glossary_storage",
)


class GlossaryConflict(ValueError):
    """Two glossary files give one source term two translations: the data must say one thing."""


def term_key(term: str) -> str:
    """How a source term is looked up: folded, emphasis stars and outer punctuation dropped, spaces collapsed."""
    return " ".join(rfold(term).replace("*", " ").split()).strip(" .:;,")


def merged_glossary(parts: tuple[str, ...] = GLOSSARY_PARTS) -> dict[str, Any]:
    """relabel_glossary.json with the terms of `parts` added (their keys folded as lookups fold them); the same
    term with two different translations is refused (GlossaryConflict) rather than one silently winning."""
    data: dict[str, Any] = lexicons.load("relabel_glossary")
    terms: dict[str, dict[str, Any]] = {lang: dict(entries) for lang, entries in data["terms"].items()}
    sources = {"relabel_glossary": data["source"]}
    for part in parts:
        extra: dict[str, Any] = lexicons.load(part)
        sources[part] = extra["source"]
        for lang, entries in extra["terms"].items():
            into = terms.setdefault(lang, {})
            for term, entry in entries.items():
                key = term_key(term)
                known = into.get(key)
                if known is not None and known != entry:
                    raise GlossaryConflict(f"{part}.json: '{term}' ({lang}) is {entry}, but the glossary has {known}")
                into[key] = entry
    return {**data, "terms": terms, "sources": sources}


@cache
def glossary() -> dict[str, Any]:
    return merged_glossary()


def languages() -> dict[str, dict[str, Any]]:
    langs: dict[str, dict[str, Any]] = sections()["languages"]
    return langs


def language_name(code: str) -> str:
    return str(languages()[code]["name"])


def titles(code: str, section: str) -> list[str]:
    """A section's titles in one language, longest first so "puo contenere tracce di" beats "puo contenere"."""
    names: list[str] = languages()[code][section]
    return sorted(names, key=len, reverse=True)


def nutrient_names(code: str) -> dict[str, str]:
    names: dict[str, str] = sections()["nutrients"][code]
    return names


def unsupported_script(text: str) -> str | None:
    """The name of a script the relabel reader cannot read, when the text is mostly in it."""
    ranges: list[list[str]] = sections()["non_latin_scripts"]["ranges"]
    counts: dict[str, int] = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        for name, low, high in ranges:
            if int(low, 16) <= code <= int(high, 16):
                counts[name] = counts.get(name, 0) + 1
                break
    if not counts or letters == 0:
        return None
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count * 5 >= letters else None  # a fifth of the letters: the label is in that script


def function_classes(code: str) -> list[str]:
    names: list[str] = glossary()["function_classes"]["names"].get(code, [])
    return sorted(names, key=len, reverse=True)


def country(name: str) -> dict[str, str] | None:
    names: dict[str, dict[str, str]] = glossary()["countries"]["names"]
    return names.get(rfold(name).strip(" ."))
