"""Text folding shared by the parser and the checkers, so "Blé", "BLE" and "ble" compare equal.

Matching is on the hot path of every label: a checker may look for hundreds of lexicon terms in one text.
A pattern built per term and per call overflows `re`'s cache of 512 compiled patterns, so every label paid
for compiling them again; and compiling is itself the largest cost of a process's first label, since `re`
parses each pattern in Python. So a whole word is found here without a regex (a substring search, then a look
at the characters on either side), a term list becomes one Aho-Corasick automaton (pyahocorasick, in C: built
in a fraction of what compiling the same terms as one alternation takes), and folding a character is worked out
once and then looked up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

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


@lru_cache(maxsize=64)
def _word_class(word: str) -> re.Pattern[str]:
    return re.compile(f"[{word}]")


@lru_cache(maxsize=64)
def _empty_term(word: str, word_after: str) -> re.Pattern[str]:
    return re.compile(f"(?<![{word}])(?![{word_after}])")


def word_spans(text: str, term: str, word: str = "a-z0-9", word_after: str | None = None) -> list[tuple[int, int]]:
    """Where `term` occurs in `text` as a whole word: what `re.finditer` gives for the pattern
    `(?<![word])` + `re.escape(term)` + `(?![word_after])`, without compiling a pattern per term.

    `word` is the character class (as inside `[...]`) a neighbour must not belong to; `word_after`, when given,
    is the class for the character after the term (some lexicons bound the two sides differently).
    """
    word_after = word if word_after is None else word_after
    if not term:
        return [(m.start(), m.end()) for m in _empty_term(word, word_after).finditer(text)]
    before, after = _word_class(word), _word_class(word_after)
    spans: list[tuple[int, int]] = []
    size, start = len(term), text.find(term)
    while start >= 0:
        end = start + size
        if (start == 0 or not before.match(text, start - 1)) and not after.match(text, end):
            spans.append((start, end))
            start = text.find(term, end)
        else:
            start = text.find(term, start + 1)
    return spans


def has_word(text: str, term: str, word: str = "a-z0-9") -> bool:
    """Whether `term` occurs in `text` (both as given, not folded) as a whole word; see `word_spans`."""
    if not term:
        return _empty_term(word, word).search(text) is not None
    before, size, start = _word_class(word), len(term), text.find(term)
    while start >= 0:
        if (start == 0 or not before.match(text, start - 1)) and not before.match(text, start + size):
            return True
        start = text.find(term, start + 1)
    return False


def has_term(text: str, term: str) -> bool:
    """Whole-word (or whole-phrase) match after folding both sides."""
    return has_word(fold(text), fold(term))


@dataclass(frozen=True)
class TermMatcher:
    """One automaton for a whole list of folded terms: which of them occur in a folded text as whole words.

    The automaton reports every occurrence of every term, overlapping ones included, in one pass over the text;
    an occurrence counts when the characters on either side of it are not word characters.
    """

    automaton: ahocorasick.Automaton | None
    word: re.Pattern[str]
    empty: re.Pattern[str] | None  # a term that folds to nothing matches at any word boundary

    def hits(self, folded: str) -> set[str]:
        """The terms found; the same as searching the text once per term with a whole-word pattern."""
        found: set[str] = set()
        if self.automaton is not None:
            word = self.word
            for last, term in self.automaton.iter(folded):
                if term in found:
                    continue
                start = last + 1 - len(term)
                if (start == 0 or not word.match(folded, start - 1)) and not word.match(folded, last + 1):
                    found.add(term)
        if self.empty is not None and self.empty.search(folded):
            found.add("")
        return found


@lru_cache(maxsize=512)
def term_matcher(folded_terms: tuple[str, ...], word: str = "a-z0-9") -> TermMatcher:
    """The matcher of these terms (already folded like the text), built once per process and term list.

    `word` is the character class of a word: a term must not touch one of these characters on either side.
    """
    terms = {t for t in folded_terms if t}
    automaton = None
    if terms:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for term in terms:
            automaton.add_word(term, term)
        automaton.make_automaton()
    return TermMatcher(automaton, _word_class(word), _empty_term(word, word) if "" in folded_terms else None)


@lru_cache(maxsize=256)
def _longest_first(terms: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], TermMatcher]:
    ordered = tuple((term, fold(term)) for term in sorted(terms, key=len, reverse=True))
    return ordered, term_matcher(tuple(folded for _, folded in ordered))


def find_terms(text: str, terms: Sequence[str]) -> list[str]:
    """The terms that occur in text as whole words, longest first so "soybean oil" beats "soy"."""
    ordered, matcher = _longest_first(tuple(terms))
    hits = matcher.hits(fold(text))
    return [term for term, folded in ordered if folded in hits]
