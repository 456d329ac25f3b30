"""Each claim template is compiled only when its words occur in the text: no written form of a claim may be lost.

Every alternative of every template, written out with a subject of its language, must still be read as its kind.
"""

from __future__ import annotations

import re

import pytest

from labeliq.checks.common import claim_parse

_SUBJECT = {"en": "sodium", "fr": "sodium"}


def _written_out(alternative: str, lang: str) -> str:
    text = alternative.replace("{S}", _SUBJECT[lang])
    text = re.sub(r"\[([^\]])[^\]]*\]", r"\1", text)  # "[- ]" -> "-"
    return re.sub(r"(.)\?", r"\1", text)  # "ajoutes?" -> "ajoutes"


_CASES = [
    pytest.param(kind, lang, _written_out(alternative, lang), id=f"{kind}-{lang}-{_written_out(alternative, lang)}")
    for kind, lang, template in claim_parse._TEMPLATES
    for alternative in template.split("|")
]


@pytest.mark.parametrize(("kind", "lang", "text"), _CASES)
def test_every_written_form_is_read_as_its_kind(kind: str, lang: str, text: str) -> None:
    claims = claim_parse.parse(f"Crackers {text} 200 g")
    assert [(c.kind, c.subject, c.language) for c in claims if c.kind == kind] == [(kind, "sodium", lang)]


def test_a_template_with_other_regex_syntax_is_refused() -> None:
    with pytest.raises(ValueError, match="only plain text"):
        claim_parse._words_needed(r"(?:low|lower) in {S}")
