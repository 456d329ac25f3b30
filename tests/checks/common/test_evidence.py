"""Evidence quotes the words that matter, wherever they sit: never a fixed-length prefix (issue 15)."""

from __future__ import annotations

import pytest

from labeliq.checks.common.evidence import ELLIPSIS, excerpt, find_span, quote

CRACKERS_LIST = (
    "Ingredients: Enriched wheat flour, Canola oil, Cheddar cheese (milk, bacterial culture, salt, calcium "
    "chloride, microbial enzyme), Dried onion (sulphur dioxide), Salt, Yeast, Barley malt extract, Paprika extract."
)


def test_a_long_list_is_quoted_around_the_offending_words_with_ellipses_on_both_sides() -> None:
    quoted = quote(CRACKERS_LIST, "sulphur dioxide", limit=90)
    assert quoted.text.startswith(ELLIPSIS) and quoted.text.endswith(ELLIPSIS)
    assert quoted.marked == "sulphur dioxide"
    assert len(quoted.text) <= 90
    # cut at word boundaries: no half word on either side
    assert quoted.text[1] != " " and quoted.text[1:].split()[0] in CRACKERS_LIST.split()


def test_the_prefix_cut_that_hid_the_sulphiting_agent_now_shows_it() -> None:
    assert "sulphur dioxide" not in CRACKERS_LIST[:90]
    assert "sulphur dioxide" in quote(CRACKERS_LIST, "sulphur dioxide", limit=90).text


def test_short_evidence_is_kept_whole_with_the_span_marked() -> None:
    quoted = quote("Best before / Meilleur avant 27 JU 28", "JU")
    assert quoted.text == "Best before / Meilleur avant 27 JU 28"
    assert quoted.highlight == (32, 34)


@pytest.mark.parametrize(
    ("text", "term", "marked"),
    [
        pytest.param(
            "Oignon déshydraté (ANHYDRIDE SULFUREUX)", "anhydride sulfureux", "ANHYDRIDE SULFUREUX", id="case"
        ),
        pytest.param(
            "Fromage (lait,\nculture bactérienne)", "culture bacterienne", "culture bactérienne", id="accents"
        ),
        pytest.param("May contain:  Tree   nuts.", "tree nuts", "Tree   nuts", id="spaces"),
    ],
)
def test_the_words_are_found_whatever_their_case_accents_or_spacing(text: str, term: str, marked: str) -> None:
    assert quote(text, term).marked == marked


def test_a_term_that_is_not_in_the_evidence_marks_nothing() -> None:
    assert find_span("Contains: Wheat, Barley.", "milk") is None
    assert quote("Contains: Wheat, Barley.", "milk").highlight is None


def test_a_stored_finding_is_cut_shorter_around_its_highlight_for_a_report_cell() -> None:
    span = find_span(CRACKERS_LIST, "calcium chloride")
    assert span is not None
    cell = excerpt(CRACKERS_LIST, span, 60)
    assert cell.marked == "calcium chloride"
    assert cell.text.startswith(ELLIPSIS) and cell.text.endswith(ELLIPSIS)


def test_words_near_the_end_get_the_whole_room_before_them() -> None:
    cell = excerpt(CRACKERS_LIST, find_span(CRACKERS_LIST, "Paprika extract"), 60)
    assert cell.marked == "Paprika extract"
    assert cell.text.startswith(ELLIPSIS) and not cell.text.endswith(ELLIPSIS)
    assert len(cell.text) > 50


def test_without_a_span_a_long_text_keeps_its_start_and_says_it_was_cut() -> None:
    cell = excerpt(CRACKERS_LIST, None, 40)
    assert cell.text.endswith(ELLIPSIS) and cell.text.startswith("Ingredients:")
    assert cell.highlight is None
