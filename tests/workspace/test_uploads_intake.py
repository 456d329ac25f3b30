"""API uploads take panels in by labeliq.intake's rule, as `labeliq check` and the extract function do (issue 16.9).

The API had its own copy of the rules: names were compared by casefold only, an invisible or direction character
in a name (U+202E, which can make `front\u202etxt.gpj.txt` read as an image) was accepted, and a deeply nested
context was parsed without a limit.
"""

from __future__ import annotations

import io
import json

import pytest

from labeliq.config import Settings
from labeliq.intake import MAX_JSON_DEPTH
from labeliq.workspace.errors import ApiError
from labeliq.workspace.uploads import parse_context, read_part, validate_panels

FRONT = b"Granola Bar / Barre granola 40 g"


def refused(files: list[tuple[str | None, bytes]]) -> ApiError:
    with pytest.raises(ApiError) as caught:
        validate_panels(files, Settings())
    return caught.value


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\x1b"], ids=["rtl", "zero-width", "isolate", "esc"])
def test_a_name_with_an_invisible_control_or_direction_character_is_refused(char: str) -> None:
    error = refused([("front.txt", FRONT), (f"back{char}gpj.txt", b"Ingredients: oats")])
    assert error.status == 400 and f"U+{ord(char):04X}" in error.detail


def test_names_differing_only_in_case_or_normalisation_are_one_name() -> None:
    assert refused([("front.txt", FRONT), ("FRONT.TXT", FRONT)]).status == 400
    decomposed = "Cafe\u0301.txt"  # the same name as "Café.txt", spelled with a combining accent
    error = refused([("Caf\u00e9.txt", FRONT), (decomposed, FRONT)])
    assert error.status == 400 and "already used" in error.detail


def test_a_deeply_nested_context_is_refused_naming_the_limit() -> None:
    deep = '{"category": ' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(ApiError) as caught:
        parse_context(deep)
    assert caught.value.status == 422 and f"the limit is {MAX_JSON_DEPTH}" in caught.value.detail


def test_a_context_is_validated_as_the_cli_validates_it() -> None:
    assert parse_context(json.dumps({"durable_life_days": 200})).durable_life_days == 200
    with pytest.raises(ApiError, match="unknown key 'colour'"):
        parse_context('{"colour": "red"}')


def test_an_oversized_part_is_read_only_up_to_the_cap_and_refused_by_name() -> None:
    settings = Settings()
    cap = max(settings.max_image_bytes, settings.max_text_panel_bytes)
    part = io.BytesIO(b"a" * (cap + 5_000_000))
    data = read_part(part, settings)
    assert len(data) == cap + 1  # never the whole part
    error = refused([("front.txt", data)])
    assert error.status == 413 and error.detail.startswith(
        f"front.txt: the file is larger than {cap:,} bytes; the limit"
    )
