"""fold / has_term / find_terms compiled once per term list must say exactly what the plain definition says.

The reference below is the definition the checkers were written against (one whole-word regex per term, after
folding); the combined matcher and the per-character folding tables are only allowed to be faster.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labeliq.extraction.lines import fold_same_length
from labeliq.text import find_terms, fold, has_term, has_word, term_matcher, word_spans

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})


def reference_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


def reference_has_term(text: str, term: str) -> bool:
    pattern = r"(?<![a-z0-9])" + re.escape(reference_fold(term)) + r"(?![a-z0-9])"
    return re.search(pattern, reference_fold(text)) is not None


def reference_find_terms(text: str, terms: list[str]) -> list[str]:
    return [t for t in sorted(terms, key=len, reverse=True) if reference_has_term(text, t)]


def reference_fold_same_length(text: str) -> str:
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        out.append(base if len(base) == 1 else ch.lower())
    return "".join(out).replace("’", "'").replace("‘", "'")


# Label-like text: a small alphabet so terms really occur in texts, with accents, ligatures, quotes and spaces.
_ALPHABET = "abcoilsy éÉèçœŒﬁ’`«»\u00a0\t\n-,.()0123ΣΑ"
_texts = st.text(alphabet=_ALPHABET, max_size=40)
_terms = st.lists(st.text(alphabet=_ALPHABET, max_size=8), max_size=12)


@given(_texts)
@settings(max_examples=400, deadline=None)
def test_fold_is_the_reference_fold(text: str) -> None:
    assert fold(text) == reference_fold(text)
    assert fold_same_length(text) == reference_fold_same_length(text)


@given(_texts, _terms)
@settings(max_examples=400, deadline=None)
def test_find_terms_is_one_regex_per_term(text: str, terms: list[str]) -> None:
    assert find_terms(text, terms) == reference_find_terms(text, terms)
    for term in terms:
        assert has_term(text, term) == reference_has_term(text, term)


@pytest.mark.parametrize(
    ("text", "terms", "found"),
    [
        pytest.param("Soybean oil, soy lecithin", ["soy", "soybean oil", "oil"], ["soybean oil", "soy", "oil"]),
        pytest.param("soy sauce", ["soy", "soy sauce", "sauce"], ["soy sauce", "sauce", "soy"], id="same-start"),
        pytest.param("soybeans", ["soy", "soybean"], [], id="whole-words-only"),
        pytest.param("BLÉ entier", ["blé", "Ble", "wheat"], ["blé", "Ble"], id="folded-duplicates-kept"),
        pytest.param("Œufs, sucre", ["oeufs", "œufs"], ["œufs"], id="ligature-is-not-decomposed"),
        pytest.param("fish-free", ["fish", "fish-free"], ["fish-free", "fish"], id="hyphen-is-a-boundary"),
        pytest.param("milk", [], [], id="no-terms"),
    ],
)
def test_find_terms_examples(text: str, terms: list[str], found: list[str]) -> None:
    assert find_terms(text, terms) == found
    assert found == reference_find_terms(text, terms)


@given(st.text(alphabet="abc 1-é", max_size=30), st.lists(st.text(alphabet="abc 1-", max_size=6), max_size=10))
@settings(max_examples=400, deadline=None)
def test_term_matcher_with_letters_as_words_is_one_regex_per_term(text: str, terms: list[str]) -> None:
    """The sweetener lookup bounds words by letters only, so a digit next to a name does not hide it."""
    expected = {t for t in terms if re.search(r"(?<![a-z])" + re.escape(t) + r"(?![a-z])", text)}
    assert term_matcher(tuple(terms), word="a-z").hits(text) == expected


@given(st.text(alphabet="abc 1-.é", max_size=30), st.text(alphabet="abc 1-.", max_size=5))
@settings(max_examples=400, deadline=None)
def test_word_spans_is_the_regex_it_replaces(text: str, term: str) -> None:
    """Whole-word spans found by substring search are re.finditer's, bounds on either side chosen apart."""
    for word, after in (("a-z0-9", None), ("a-z0-9.", "a-z0-9"), ("a-z", "a-z")):
        pattern = rf"(?<![{word}])" + re.escape(term) + rf"(?![{after or word}])"
        assert word_spans(text, term, word, after) == [m.span() for m in re.finditer(pattern, text)]
    assert has_word(text, term) == (re.search(r"(?<![a-z0-9])" + re.escape(term) + r"(?![a-z0-9])", text) is not None)
