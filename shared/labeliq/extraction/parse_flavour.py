"""Flavour lines on the front: "HONEY & ALMOND / MIEL ET AMANDES" names what the food tastes of, not the food.

The common name names the food (FDR B.01.001 "common name"; B.01.006(1) puts it on the principal display
panel): "Chewy Granola Bars", "Pasta Sauce". A line whose every word is an ingredient of the same label (or a
flavour word such as "original", "flavour", "saveur") describes a variety of that food, so it is set aside when
another line on the front names the food; alone on the front it may still be the name ("Apple Juice").
"""

from __future__ import annotations

import re

from labeliq.text import fold

_WORD = re.compile(r"[a-z]+")
# Linking and flavour words a variety line is made of besides its ingredients (EN and FR).
_FLAVOUR_WORDS = frozenset(
    [
        "and",
        "with",
        "et",
        "avec",
        "au",
        "aux",
        "a",
        "la",
        "le",
        "les",
        "de",
        "du",
        "des",
        "d",
        "l",
        "n",
        "in",
        "of",
        "flavour",
        "flavor",
        "flavoured",
        "flavored",
        "saveur",
        "saveurs",
        "arome",
        "aromatise",
        "aromatisee",
        "gout",
        "original",
        "originale",
        "classic",
        "classique",
        "natural",
        "naturel",
        "naturelle",
        "naturellement",
    ]
)


def _stem(word: str) -> str:
    """Plural and feminine endings off, so "almonds" meets "almond" and "amandes" meets "amande"."""
    for ending in ("ies", "es", "s", "x"):
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def ingredient_stems(ingredient_texts: list[str]) -> frozenset[str]:
    return frozenset(_stem(w) for text in ingredient_texts for w in _WORD.findall(fold(text)))


def is_flavour_line(text: str, ingredients: frozenset[str]) -> bool:
    """Every word is an ingredient of this label or a flavour/linking word, and at least one is an ingredient."""
    words = _WORD.findall(fold(text))
    content = [w for w in words if w not in _FLAVOUR_WORDS]
    if not content or not ingredients:
        return False
    return all(_stem(w) in ingredients for w in content)
