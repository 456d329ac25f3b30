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
_WORD_CHAR = re.compile(r"[a-z0-9]")


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
class _TermMatcher:
    """One pattern for a whole term list, and what a match of one term implies about the others.

    The pattern tries every word start and reports the longest term that ends a word there (a lookahead, so
    terms that overlap are all seen). A shorter term starting at the same place is a prefix of that longest
    one that ends a word inside it, so it is known from the longest one alone (`shorter`).
    """

    ordered: tuple[tuple[str, str], ...]  # (term, folded) longest first, as find_terms returns them
    pattern: re.Pattern[str] | None
    shorter: dict[str, tuple[str, ...]]
    empty: bool  # a term that folds to nothing matches wherever a word boundary is not followed by a letter

    def folded_hits(self, folded: str) -> set[str]:
        hits: set[str] = set()
        if self.pattern is not None:
            for match in self.pattern.finditer(folded):
                longest = match.group(1)
                hits.add(longest)
                hits.update(self.shorter[longest])
        if self.empty and re.search(_BEFORE + _AFTER, folded):
            hits.add("")
        return hits


@lru_cache(maxsize=256)
def _matcher(terms: tuple[str, ...]) -> _TermMatcher:
    ordered = tuple((term, fold(term)) for term in sorted(terms, key=len, reverse=True))
    folded = sorted({f for _, f in ordered if f}, key=len, reverse=True)
    known = set(folded)
    shorter = {
        f: tuple(f[:i] for i in range(1, len(f)) if not _WORD_CHAR.match(f[i]) and f[:i] in known) for f in folded
    }
    alternatives = "|".join(re.escape(f) for f in folded)
    pattern = re.compile(_BEFORE + "(?=(" + alternatives + ")" + _AFTER + ")") if folded else None
    return _TermMatcher(ordered, pattern, shorter, "" in {f for _, f in ordered})


def find_terms(text: str, terms: Sequence[str]) -> list[str]:
    """The terms that occur in text as whole words, longest first so "soybean oil" beats "soy"."""
    matcher = _matcher(tuple(terms))
    hits = matcher.folded_hits(fold(text))
    return [term for term, folded in matcher.ordered if folded in hits]
