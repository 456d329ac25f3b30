"""Text folding shared by the parser and the checkers, so "Blé", "BLE" and "ble" compare equal."""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})


class _FoldTable(dict[int, str]):
    """A str.translate table filled on first use with each character's folded form, so folding costs one C-level
    pass over the text (NFKD and dropping combining marks work character by character, so the result is the
    same as folding the whole text at once)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code).translate(_QUOTES)
        decomposed = unicodedata.normalize("NFKD", ch)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case, accents stripped, typographic quotes straightened, runs of spaces folded.

    Checkers fold the same label text once per term they look for: the last folds are kept (a few long texts,
    many short ones), so asking again costs a dictionary look-up instead of a pass over the text.
    """
    return _fold_short(text) if len(text) <= _SHORT else _fold_long(text)


_SHORT = 2_000


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_FOLD)).strip()


# Bounded memory: at most 4096 short texts and 8 long ones (a panel's text is at most 1 MB).
_fold_short = functools.lru_cache(maxsize=4096)(_fold)
_fold_long = functools.lru_cache(maxsize=8)(_fold)


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(fold(term)) + r"(?![a-z0-9])")


def has_term(text: str, term: str) -> bool:
    """Whole-word (or whole-phrase) match after folding both sides."""
    return _term_pattern(term).search(fold(text)) is not None


def find_terms(text: str, terms: list[str]) -> list[str]:
    """The terms that occur in text as whole words, longest first so "soybean oil" beats "soy"."""
    folded = fold(text)
    found = []
    for term in sorted(terms, key=len, reverse=True):
        if _term_pattern(term).search(folded):
            found.append(term)
    return found
