"""The title repairs of labeliq.extraction.lines skip a repair whose word is not in the line (squashed): the result
must be what applying every repair in turn gives, on any text, including the characters re.IGNORECASE equates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labeliq.extraction import lines

# letters of the repaired words, their OCR confusions, case variants, and what IGNORECASE matches beyond lower()
_ALPHABET = "nutrifacsvleobdmgpkyhNUTRIFACSVLEOBDMG 01!|3@4é É:\u0130\u0131\u017f\u212a\u0307\t\u00a0"


def every_repair_in_turn(text: str) -> str:
    for pattern, word, _ in lines._KEYWORD_REPAIRS:
        text = lines._repair_keyword(pattern, word, text)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_skipping_changes_nothing_on_any_text(text: str) -> None:
    assert lines._repair_keywords(text) == every_repair_in_turn(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [w for _, w, _ in lines._REPAIRED_WORDS]
            + [
                "Nutrit1on Facts",
                "C0nta1ns",
                "lngredients",
                "\u017fodium",
                "Calc\u0131um",
                "\u0130ron",
                "Pota\u017f\u017fium",
            ]
        ),
        min_size=1,
        max_size=3,
    ),
    st.text(alphabet=_ALPHABET, max_size=8),
)
def test_skipping_changes_nothing_around_titles(words: list[str], noise: str) -> None:
    for text in (noise.join(words) + ":", " ".join(w.upper() for w in words) + noise, noise + " N u t r i t i o n"):
        assert lines._repair_keywords(text) == every_repair_in_turn(text)


def test_a_misread_title_is_still_repaired() -> None:
    assert lines.clean_text("Nutrit1on Facts") == "Nutrition Facts"
    assert lines.clean_text("C0NTA1NS: milk") == "CONTAINS: milk"
    assert lines.clean_text("S0dlum 10 mg") == "Sodium 10 mg"
