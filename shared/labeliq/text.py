"""Text folding shared by the parser and the checkers, so "Blé", "BLE" and "ble" compare equal.

Matching is on the hot path of every label: a checker may look for hundreds of lexicon terms in one text.
A pattern built per term and per call overflows `re`'s cache of 512 compiled patterns, so every label paid
for compiling them again. Here each term list is compiled once per process into one combined pattern, and
folding a character is worked out once and then looked up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_QUOTES = {"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "}
_BEFORE = r"(?<![a-z0-9])"  # a term starts a word ...
_AFTER = r"(?![a-z0-9])"  # ... and ends one


class _Unaccented(dict[int, str]):
    """A str.translate table filled on first use: a character's NFKD form without its combining marks.

    Decomposing character by character gives the same letters as decomposing the whole text: NFKD only
    reorders combining marks, and those are dropped.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        ch = _QUOTES.get(ch, ch)
        value = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        self[code] = value
        return value


_UNACCENTED = _Unaccented()


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, accents stripped, typographic quotes straightened, runs of spaces folded."""
    if not text.isascii() or "`" in text:
        text = text.translate(_UNACCENTED)
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=8192)
def _term_pattern(folded_term: str) -> re.Pattern[str]:
    return re.compile(_BEFORE + re.escape(folded_term) + _AFTER)


def has_term(text: str, term: str) -> bool:
    """Whole-word (or whole-phrase) match after folding both sides."""
    return _term_pattern(fold(term)).search(fold(text)) is not None


@dataclass(frozen=True)
class TermMatcher:
    """One pattern for a whole list of folded terms: which of them occur in a folded text as whole words.

    The pattern tries every word start and reports the longest term that ends a word there (a lookahead, so
    terms that overlap are all seen). A shorter term starting at the same place is a prefix of that longest
    one that ends a word inside it, so it is known from the longest one alone (`shorter`).
    """

    pattern: re.Pattern[str] | None
    shorter: dict[str, tuple[str, ...]]
    empty: re.Pattern[str] | None  # a term that folds to nothing matches at any word boundary

    def hits(self, folded: str) -> set[str]:
        """The terms found; the same as searching the text once per term with a whole-word pattern."""
        found: set[str] = set()
        if self.pattern is not None:
            for match in self.pattern.finditer(folded):
                longest = match.group(1)
                found.add(longest)
                found.update(self.shorter[longest])
        if self.empty is not None and self.empty.search(folded):
            found.add("")
        return found


@lru_cache(maxsize=512)
def term_matcher(folded_terms: tuple[str, ...], word: str = "a-z0-9") -> TermMatcher:
    """The matcher of these terms (already folded like the text), built once per process and term list.

    `word` is the character class of a word: a term must not touch one of these characters on either side.
    """
    before, after, word_char = f"(?<![{word}])", f"(?![{word}])", re.compile(f"[{word}]")
    terms = sorted({t for t in folded_terms if t}, key=len, reverse=True)
    known = set(terms)
    shorter = {t: tuple(t[:i] for i in range(1, len(t)) if not word_char.match(t[i]) and t[:i] in known) for t in terms}
    alternatives = "|".join(re.escape(t) for t in terms)
    pattern = re.compile(before + "(?=(" + alternatives + ")" + after + ")") if terms else None
    empty = re.compile(before + after) if "" in folded_terms else None
    return TermMatcher(pattern, shorter, empty)


@lru_cache(maxsize=256)
def _longest_first(terms: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], TermMatcher]:
    ordered = tuple((term, fold(term)) for term in sorted(terms, key=len, reverse=True))
    return ordered, term_matcher(tuple(folded for _, folded in ordered))


def find_terms(text: str, terms: Sequence[str]) -> list[str]:
    """The terms that occur in text as whole words, longest first so "soybean oil" beats "soy"."""
    ordered, matcher = _longest_first(tuple(terms))
    hits = matcher.hits(fold(text))
    return [term for term, folded in ordered if folded in hits]
