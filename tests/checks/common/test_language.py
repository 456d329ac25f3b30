"""Which official languages a fact covers when the parser left it "unknown" (FDR B.01.012(2), rows 2.x).

The checkers ask the parser's guesser again with its weak markers, so a short text still gets the language its
words show, and a text whose words show none stays "unknown": no language is assumed.
"""

from __future__ import annotations

import pytest

from labeliq.checks.common.language import languages_of, same_in_both_languages
from labeliq.extraction.language import guess_language
from labeliq.models import Language


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        pytest.param("en", "Granola", {"en"}, id="2.1-parser-language-wins"),
        pytest.param("bilingual", "Granola", {"en", "fr"}, id="2.1-bilingual-covers-both"),
        pytest.param("unknown", "Best before / Meilleur avant", {"en", "fr"}, id="2.1-guessed-bilingual"),
        pytest.param("unknown", "The Original", {"en"}, id="2.1-unaccented-the-is-english"),
        pytest.param("unknown", "50 grams / 50 grammes", {"en", "fr"}, id="2.1-unit-words-both-languages"),
        pytest.param("unknown", "irradie", {"fr"}, id="2.1-unaccented-irradie-is-french"),
        pytest.param("unknown", "Spaghetti", set(), id="2.1-no-marker-no-language"),
        pytest.param("other", "Harina de maíz", set(), id="2.1-third-language-is-neither"),
    ],
)
def test_languages_of(language: Language, text: str, expected: set[str]) -> None:
    assert languages_of(language, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Spaghetti", True, id="2.2-spaghetti-serves-both"),
        pytest.param("Tofu", True, id="2.2-tofu-serves-both"),
        pytest.param("The Tofu", False, id="2.2-english-article-marks-english"),
        pytest.param("Soupe aux tomates", False, id="2.2-french-name"),
    ],
)
def test_same_in_both_languages(text: str, expected: bool) -> None:
    assert same_in_both_languages(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The Original", "unknown", id="parser-ignores-weak-the"),
        pytest.param("50 grams", "unknown", id="parser-ignores-weak-units"),
        pytest.param("Thé vert", "fr", id="parser-accented-the-is-french"),
    ],
)
def test_parser_does_not_use_weak_markers(text: str, expected: Language) -> None:
    assert guess_language(text) == expected
