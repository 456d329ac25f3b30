"""English and French versions compared with the translation lexicons (FDR B.01.012(2)): match, mismatch or a word
no lexicon knows (only the last leaves the question to a person)."""

from __future__ import annotations

import pytest

from labeliq.checks.common.translation import compare, compare_lists, unknown_words


@pytest.mark.parametrize(
    ("english", "french", "status"),
    [
        pytest.param("Chewy Granola Bars", "Barres tendres granola", "match", id="1.2-word-order-differs"),
        pytest.param("Tomato & Basil Pasta Sauce", "Sauce pour pâtes tomates et basilic", "match", id="1.2-plurals"),
        pytest.param("Iced Cappuccino", "Cappuccino glacé", "match", id="1.2-accents-folded"),
        pytest.param("Whole grain rolled oats", "Flocons d'avoine à grains entiers", "match", id="5.17-whole-entry"),
        pytest.param("Tomato Soup", "Soupe aux carottes", "mismatch", id="1.2-another-food"),
        pytest.param("Tomato Soup", "Soupe aux zorblattes", "unknown", id="1.2-unknown-word-left-to-a-person"),
        # French "thé" folds to "the", which is an English article, not a French one
        pytest.param("Orange Pekoe Black Tea", "Thé noir orange pekoe", "match", id="1.2-french-the-is-tea"),
        # the longest translation covers both words ("clou de girofle"), not "girofle" alone
        pytest.param("Whole Cloves", "Clous de girofle entiers", "match", id="1.2-longest-translation-first"),
        pytest.param("Cashew Beverage", "Boisson aux noix de cajou", "match", id="1.2-noix-de-cajou"),
        pytest.param("Natural Spring Water", "Eau de source naturelle", "match", id="1.2-spring-water"),
        pytest.param("Beef Strip Loin Steak", "Bifteck de contre-filet de bœuf", "match", id="1.2-retail-meat-cut"),
    ],
)
def test_compare(english: str, french: str, status: str) -> None:
    assert compare(english, french).status == status


def test_lists_compare_entry_by_entry_with_components() -> None:
    en = [("Sugars", [("brown sugar", []), ("honey", [])]), ("Salt", [])]
    fr = [("Sucres", [("cassonade", []), ("miel", [])]), ("Sel", [])]
    assert compare_lists(en, fr).status == "match"  # type: ignore[arg-type]
    swapped = [("Sel", []), ("Sucres", [("cassonade", []), ("miel", [])])]
    assert compare_lists(en, swapped).status == "mismatch"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "unknown"),
    [
        pytest.param("Chewy Granola Bars", [], id="1.7-food-words"),
        pytest.param("Crunchitos", ["crunchito"], id="1.7-coined-word"),
        pytest.param("Sauce pour pâtes", [], id="1.7-french-food-words"),
    ],
)
def test_unknown_words(name: str, unknown: list[str]) -> None:
    assert unknown_words(name) == unknown
