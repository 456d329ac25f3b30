"""Ingredient lists: nesting in parentheses and square brackets, and faults recorded, not raised."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labeliq.extraction.parse_ingredients import parse_ingredient_text
from labeliq.models import Ingredient, LabelFacts

Parse = Callable[..., LabelFacts]


def tree(items: list[Ingredient]) -> list[object]:
    return [(i.name, tree(i.components)) if i.components else i.name for i in items]


@pytest.mark.parametrize(
    ("body", "expected", "errors"),
    [
        pytest.param(
            "Water, Sugars (sugar, glucose-fructose), Salt.",
            ["Water", ("Sugars", ["sugar", "glucose-fructose"]), "Salt"],
            [],
            id="5.8-sugars-group",
        ),
        pytest.param(
            "Cheese [milk, salt (sea salt), bacterial culture], Spices",
            [("Cheese", ["milk", ("salt", ["sea salt"]), "bacterial culture"]), "Spices"],
            [],
            id="5.7-square-brackets-and-nesting",
        ),
        pytest.param(
            "Flour (wheat, niacin, Salt",
            [("Flour", ["wheat", "niacin", "Salt"])],
            ["unbalanced brackets: 1 not closed"],
            id="5.7-unclosed-parenthesis",
        ),
        pytest.param(
            "Flour, wheat), Salt",
            ["Flour", "wheat", "Salt"],
            ["unbalanced brackets: unexpected ')'"],
            id="5.7-stray-closing-parenthesis",
        ),
        pytest.param(
            "Chocolate (sugar, cocoa butter], Salt",
            [("Chocolate", ["sugar", "cocoa butter"]), "Salt"],
            ["mismatched brackets: ']' closes '('"],
            id="5.7-mismatched-brackets",
        ),
        pytest.param("Water,, Salt", ["Water", "Salt"], ["empty entry between separators"], id="5.6-double-comma"),
        pytest.param("Water • Salt • Sugar", ["Water", "Salt", "Sugar"], [], id="5.6-bullets"),
        pytest.param("Oats, • Honey", ["Oats", "Honey"], [], id="ocr-bullet-beside-comma"),
    ],
)
def test_parse_ingredient_text(body: str, expected: list[object], errors: list[str]) -> None:
    items, found_errors = parse_ingredient_text(body)
    assert tree(items) == expected
    assert found_errors == errors


def test_unbalanced_list_is_still_extracted_with_its_error(parse: Parse) -> None:
    facts = parse(back="Ingredients: Flour (wheat, niacin, Salt, Yeast.\nContains: Wheat.\n")
    (lst,) = facts.ingredients
    assert lst.parse_errors == ["unbalanced brackets: 1 not closed"]
    assert lst.text == "Flour (wheat, niacin, Salt, Yeast."
    assert [s.items for s in facts.contains] == [["Wheat"]]


def test_list_wrapping_over_lines_stops_at_the_next_statement(parse: Parse) -> None:
    facts = parse(
        back=(
            "Ingredients: Water, Modified milk\n"
            "ingredients, Cheese (milk, salt,\n"
            "bacterial culture). Persons with phenylketonuria: contains phenylalanine.\n"
            "Contains: Milk.\n"
            "Keep refrigerated.\n"
        )
    )
    (lst,) = facts.ingredients
    assert lst.text == "Water, Modified milk ingredients, Cheese (milk, salt, bacterial culture)."
    assert [i.name for i in lst.ingredients] == ["Water", "Modified milk ingredients", "Cheese"]
    assert (lst.source.line_start, lst.source.line_end) == (0, 2)
    assert [p.text for p in facts.phenylalanine_statements] == ["Persons with phenylketonuria: contains phenylalanine."]
    assert [s.items for s in facts.contains] == [["Milk"]]
    assert [s.text for s in facts.storage_instructions] == ["Keep refrigerated."]


@pytest.mark.parametrize(
    ("text", "kind", "language", "title", "items"),
    [
        pytest.param(
            "Contains: Milk, Egg and Soy.", "contains", "en", "Contains:", ["Milk", "Egg", "Soy"], id="9.7-en"
        ),
        pytest.param(
            "Contient : Lait, Œufs et Soya.", "contains", "fr", "Contient :", ["Lait", "Œufs", "Soya"], id="9.7-fr"
        ),
        pytest.param("CONTAINS WHEAT", "contains", "en", "CONTAINS", ["WHEAT"], id="9.7-no-colon-caps"),
        pytest.param(
            "May contain: Peanuts, Sesame.", "may_contain", "en", "May contain:", ["Peanuts", "Sesame"], id="9.10-en"
        ),
        pytest.param("Peut contenir : Arachides.", "may_contain", "fr", "Peut contenir :", ["Arachides"], id="9.10-fr"),
    ],
)
def test_allergen_statements(parse: Parse, text: str, kind: str, language: str, title: str, items: list[str]) -> None:
    facts = parse(back=text)
    statements = facts.contains + facts.may_contain
    assert [(s.kind, s.language, s.title, s.items) for s in statements] == [(kind, language, title, items)]


def test_contains_with_an_amount_is_not_an_allergen_statement(parse: Parse) -> None:
    facts = parse(back="Contains 5 g polydextrose per serving.")
    assert facts.contains == []
    assert [s.text for s in facts.sweetener_statements] == ["Contains 5 g polydextrose per serving."]


@pytest.mark.parametrize(
    ("text", "title", "language", "names"),
    [
        pytest.param("lngredients: Water, Salt.", "lngredients:", "en", ["Water", "Salt"], id="5.2-ocr-l-for-I"),
        pytest.param("INGREDIENTS Water, Salt.", "INGREDIENTS", "en", ["Water", "Salt"], id="5.2-no-colon-caps"),
        pytest.param("Ingredients : Eau, Sel.", "Ingredients :", "fr", ["Eau", "Sel"], id="5.2-fr-accent-lost"),
        pytest.param(
            "Ingredients: Water, Salt. Contains: Milk.", "Ingredients:", "en", ["Water", "Salt"], id="9.8-same-line"
        ),
    ],
)
def test_list_titles(parse: Parse, text: str, title: str, language: str, names: list[str]) -> None:
    facts = parse(back=text)
    (lst,) = facts.ingredients
    assert (lst.title, lst.language, [i.name for i in lst.ingredients]) == (title, language, names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Contains: Mustard May contain: Sesame, Soybeans",
            [
                ("contains", "en", "Contains:", ["Mustard"]),
                ("may_contain", "en", "May contain:", ["Sesame", "Soybeans"]),
            ],
            id="9.10-contains-and-may-contain-on-one-line-en",
        ),
        pytest.param(
            "Contient : Moutarde Peut contenir : Sésame",
            [("contains", "fr", "Contient :", ["Moutarde"]), ("may_contain", "fr", "Peut contenir :", ["Sésame"])],
            id="9.10-contient-and-peut-contenir-on-one-line-fr",
        ),
        pytest.param(
            "CONTAINS: MUSTARD MAY CONTAIN: SESAME",
            [("contains", "en", "CONTAINS:", ["MUSTARD"]), ("may_contain", "en", "MAY CONTAIN:", ["SESAME"])],
            id="9.10-one-line-in-capitals",
        ),
        pytest.param(
            "Ingredients: Water, Vinegar, Mustard seed, Salt. Contains: Mustard May contain: Sesame",
            [("contains", "en", "Contains:", ["Mustard"]), ("may_contain", "en", "May contain:", ["Sesame"])],
            id="9.10-after-the-ingredient-list-on-one-line",
        ),
        pytest.param(
            "May Contain: Peanuts, Tree nuts.",
            [("may_contain", "en", "May Contain:", ["Peanuts", "Tree nuts"])],
            id="9.10-capitalised-may-contain-is-not-cut-in-two",
        ),
    ],
)
def test_allergen_statements_sharing_a_line(
    parse: Parse, text: str, expected: list[tuple[str, str, str, list[str]]]
) -> None:
    facts = parse(back=text)
    statements = facts.contains + facts.may_contain
    assert [(s.kind, s.language, s.title, s.items) for s in statements] == expected
