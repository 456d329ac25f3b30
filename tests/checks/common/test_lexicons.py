"""Every lexicon says where it comes from, and one list of names lives in one file only.

Two files holding the same names drift apart (the checks that read one stop agreeing with the checks that
read the other), so a list that is (almost) all found in another lexicon file is a duplicate to merge.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from labeliq import lexicons
from labeliq.checks.common.ingredients_text import ListLanguage
from labeliq.checks.common.lexicons import sugars_based_names, sugars_kind
from labeliq.text import find_terms, fold

# A list this long that is this much inside another file is a copy, not a few shared words ("fibre", "milk").
MIN_NAMES = 20
MAX_SHARE = 0.9

NAMES = sorted(
    entry.name.removesuffix(".json")
    for entry in resources.files("labeliq.lexicons").joinpath("data").iterdir()
    if entry.name.endswith(".json")
)


def name_lists(value: Any, path: str = "") -> Iterator[tuple[str, list[str]]]:
    """(path, names) for every list of strings in a lexicon, the free-text "source" and "note" left out."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "note"):
                yield from name_lists(item, f"{path}/{key}")
    elif isinstance(value, list):
        if value and all(isinstance(item, str) for item in value):
            yield path, value
        else:
            for index, item in enumerate(value):
                yield from name_lists(item, f"{path}[{index}]")


def pool(value: Any) -> set[str]:
    """Every name of a lexicon, folded (dictionary keys count: some lexicons map a name to its data)."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "note"):
                out.add(fold(key))
                out |= pool(item)
    elif isinstance(value, list):
        for item in value:
            out |= pool(item)
    elif isinstance(value, str):
        out.add(fold(value))
    return out


def copies(data: dict[str, Any]) -> list[str]:
    """Lists of MIN_NAMES or more names of which more than MAX_SHARE stand in another lexicon."""
    pools = {name: pool(value) for name, value in data.items()}
    found = []
    for name, value in data.items():
        for path, names in name_lists(value):
            folded = {fold(n) for n in names}
            if len(folded) < MIN_NAMES:
                continue
            for other, other_pool in pools.items():
                share = len(folded & other_pool) / len(folded)
                if other != name and share > MAX_SHARE:
                    found.append(f"{name}{path} ({len(folded)} names): {share:.0%} also in {other}")
    return found


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_names_its_source(name: str) -> None:
    data = lexicons.load(name)
    assert isinstance(data, dict)
    assert isinstance(data.get("source"), str)
    assert data["source"].strip()


def test_no_lexicon_list_is_a_copy_of_another_file() -> None:
    assert copies({name: lexicons.load(name) for name in NAMES}) == []


SUGARS = [f"sugar {i}" for i in range(MIN_NAMES)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            {"a": {"en": SUGARS}, "b": {"names": [*SUGARS[:-1], "honey"]}},
            ["a/en (20 names): 95% also in b", "b/names (20 names): 95% also in a"],
            id="lexicons-same-list-in-two-files",
        ),
        pytest.param(
            {"a": {"en": SUGARS}, "b": {"names": [*SUGARS[:10], *(f"salt {i}" for i in range(10))]}},
            [],
            id="lexicons-half-shared-is-not-a-copy",
        ),
        pytest.param({"a": {"en": SUGARS[:5]}, "b": {"names": SUGARS[:5]}}, [], id="lexicons-short-lists-may-repeat"),
    ],
)
def test_copies_finds_a_list_held_twice(data: dict[str, Any], expected: list[str]) -> None:
    assert copies(data) == expected


@pytest.mark.parametrize(
    ("ingredient", "found"),
    [
        pytest.param("Brown sugars", True, id="5.8-brown-sugars-plural-of-annex-1b"),
        pytest.param("Sirop", True, id="5.8-sirop-other-syrups-annex-1b"),
        pytest.param("Sirop de riz brun biologique", True, id="5.8-sirop-de-riz-brun"),
        pytest.param("Organic cane sugar", True, id="5.8-cane-sugar-annex-1a"),
        pytest.param("Agave nectar", True, id="5.8-agave-nectar-annex-1b"),
        pytest.param("Sucres (sucre, mélasse)", True, id="5.8-sucres-group"),
        pytest.param("Maltodextrin", False, id="5.8-annex-1c-left-to-grouping-rule"),
        pytest.param("Sucralose", False, id="5.8-sweetener-is-not-sugars-based"),
        pytest.param("Whole grain oats", False, id="5.8-oats-not-sugars"),
    ],
)
def test_sugars_based_names_for_claims(ingredient: str, found: bool) -> None:
    assert bool(find_terms(ingredient, list(sugars_based_names()))) is found


@pytest.mark.parametrize(
    ("name", "language", "kind"),
    [
        pytest.param("Brown sugars", "en", "sugar", id="5.8-brown-sugars-is-grouped"),
        pytest.param("Sirop", "fr", "sugar", id="5.8-sirop-alone-is-grouped"),
        pytest.param("Sirop de maltitol", "fr", None, id="5.8-sugar-alcohol-syrup-is-not-sugars"),
        pytest.param("Maltitol syrup", "en", None, id="5.8-maltitol-syrup-is-not-sugars"),
    ],
)
def test_grouping_rule_reads_the_same_lexicon(name: str, language: ListLanguage, kind: str | None) -> None:
    assert sugars_kind(name, language) == kind
