"""A health claim sentence is compiled only once a panel holds the word it needs: none of the FDR's statements may
be lost by that, in English or French, and a label without them compiles none."""

from __future__ import annotations

import pytest

from labeliq.checks.health_claims import wording
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel

_STATEMENTS = [
    pytest.param(item, number, language, sentence, id=f"{item}-{language}-{number}")
    for item, languages in wording.data()["items"].items()
    for language in ("en", "fr")
    for number, sentence in enumerate(languages[language], start=1)
]


@pytest.mark.parametrize(("item", "number", "language", "sentence"), _STATEMENTS)
def test_every_statement_is_still_found(item: str, number: int, language: str, sentence: str) -> None:
    text = sentence.replace(wording.data()["placeholder"][language], "Crunchy Oat Bars")
    facts = parse_label([Panel(name="back", text=f"Crunchy Oat Bars\n{text}\n")])
    matches, _ = wording.find_matches(facts)
    assert (item, number, language) in {(m.item, m.variant, m.language) for m in matches}


def test_a_label_without_a_statement_compiles_none() -> None:
    wording._regex.cache_clear()
    facts = parse_label([Panel(name="back", text="Ingredients: rolled oats, honey.\nNet 200 g")])
    assert wording.find_matches(facts) == ([], [])
    assert wording._regex.cache_info().currsize == 0
