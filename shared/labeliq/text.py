"""Text folding shared by the parser and the checkers, so "Blé", "BLE" and "ble" compare equal."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})


def fold(text: str) -> str:
    """Lower case, accents stripped, typographic quotes straightened, runs of spaces folded."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().lower()


def has_term(text: str, term: str) -> bool:
    """Whole-word (or whole-phrase) match after folding both sides."""
    pattern = r"(?<![a-z0-9])" + re.escape(fold(term)) + r"(?![a-z0-9])"
    return re.search(pattern, fold(text)) is not None


def find_terms(text: str, terms: list[str]) -> list[str]:
    """The terms that occur in text as whole words, longest first so "soybean oil" beats "soy"."""
    folded = fold(text)
    found = []
    for term in sorted(terms, key=len, reverse=True):
        pattern = r"(?<![a-z0-9])" + re.escape(fold(term)) + r"(?![a-z0-9])"
        if re.search(pattern, folded):
            found.append(term)
    return found
