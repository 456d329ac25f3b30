"""Common name (cfia-rules.md section 1): one table per rule, label fragments and the verdict the FDR/SFCR give.

Rows edit the granola-compliant sample (a real bilingual label) and parse it, so the checker is judged on
what the parser reads; rows about a name the parser need not recognise set the common names directly.
"""

from __future__ import annotations

from typing import Any

import pytest

from labeliq.checks.common import names
from labeliq.checks.common_name.checker import check
from labeliq.models import LabelFacts, Provenance, TextFact
from tests.checks.factories import edited_sample, parsed_panels, sample_context, verdicts

EN = "Oat & Honey Granola Bars\n"
FR = "Barres granola à l'avoine et au miel\n"


def with_names(*names: tuple[str, str], brand: str | None = None, ingredients: str | None = None) -> LabelFacts:
    facts = edited_sample(
        [("back", "Natural flavour, Salt", ingredients)] if ingredients else None,
    )
    update: dict[str, Any] = {
        "common_names": [TextFact(text=t, language=lang, source=Provenance(panel="front")) for t, lang in names]  # type: ignore[arg-type]
    }
    if brand is not None:
        update["brand"] = [TextFact(text=brand, source=Provenance(panel="front"))]
    return facts.model_copy(update=update)


@pytest.mark.parametrize(
    "facts, context, expected",
    [
        pytest.param(edited_sample(), {}, "pass", id="1.1-bilingual-name-on-front"),
        # The parser may fall back to the brand when no name is printed, so "no name" is given as facts.
        pytest.param(with_names(), {}, "fail", id="1.1-no-common-name"),
        pytest.param(
            with_names(), {"product_kind": "fresh_fruit_or_vegetable"}, "needs_review", id="1.1-fresh-produce-exemption"
        ),
        pytest.param(with_names(), {"category": "fresh vegetables"}, "fail", id="1.1-category-words-decide-nothing"),
    ],
)
def test_1_1_common_name_on_pdp(facts: LabelFacts, context: dict[str, Any], expected: str) -> None:
    assert verdicts(check(facts, sample_context(**context)), "1.1") == {expected}


def test_1_1_name_only_on_back_panel_fails() -> None:
    facts = with_names(("Oat & Honey Granola Bars", "en"), ("Barres granola à l'avoine et au miel", "fr"))
    moved = [n.model_copy(update={"source": Provenance(panel="back")}) for n in facts.common_names]
    assert verdicts(check(facts.model_copy(update={"common_names": moved}), sample_context()), "1.1") == {"fail"}


@pytest.mark.parametrize(
    "facts, expected",
    [
        pytest.param(edited_sample(), "pass", id="1.2-english-and-french"),
        pytest.param(edited_sample([("front", FR, "")]), "fail", id="1.2-french-name-missing"),
        pytest.param(edited_sample([("front", EN, "")]), "fail", id="1.2-english-name-missing"),
        pytest.param(with_names(("Scotch Whisky", "en")), "pass", id="1.2-B.01.012(10)-one-language-spirit"),
        pytest.param(with_names(("Tomato Soup", "en"), ("Soupe aux tomates", "unknown")), "pass", id="1.2-fr-guessed"),
        pytest.param(with_names(("Spaghetti", "en")), "needs_review", id="1.2-name-same-in-both-languages"),
    ],
)
def test_1_2_bilingual(facts: LabelFacts, expected: str) -> None:
    assert verdicts(check(facts, sample_context()), "1.2") == {expected}


@pytest.mark.parametrize(
    "pds, needle",
    [
        pytest.param(None, "1.6 mm (0.8 mm", id="1.3-pds-unknown"),
        pytest.param(8.0, "0.8 mm", id="1.3-small-pds-0.8mm"),
        pytest.param(150.0, "1.6 mm", id="1.3-pds-150-1.6mm"),
    ],
)
def test_1_3_type_height_needs_review(pds: float | None, needle: str) -> None:
    findings = [f for f in check(edited_sample(), sample_context(principal_display_surface_cm2=pds)) if f.rule == "1.3"]
    assert [f.verdict.value for f in findings] == ["needs_review"]
    assert needle in findings[0].message


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("Jersey partially skimmed milk", {"pass"}, id="1.6-modifier-before-prescribed-name"),
        pytest.param("Partially skimmed Jersey milk", {"fail"}, id="1.6-modifier-inside-prescribed-name"),
        pytest.param("Skim milk powder", {"pass"}, id="1.6-skim-milk-powder"),
        pytest.param("Non-fat dry milk", {"fail"}, id="1.6-us-name-not-canadian"),
        pytest.param("Oat & Honey Granola Bars", set(), id="1.6-unstandardized-not-judged"),
    ],
)
def test_1_6_standardized_names(name: str, expected: set[str]) -> None:
    facts = with_names((name, "en"), ("Lait", "fr"))
    assert verdicts(check(facts, sample_context()), "1.6") == expected


@pytest.mark.parametrize(
    "name, brand, expected",
    [
        pytest.param("Crunchitos", "Crunchitos", {"needs_review"}, id="1.7-name-is-the-brand"),
        pytest.param("Oat & Honey Granola Bars", "MAPLE GROVE", {"pass"}, id="1.7-descriptive-name-settled-by-lexicon"),
    ],
)
def test_1_7_brand_as_common_name(name: str, brand: str, expected: set[str]) -> None:
    facts = with_names((name, "en"), ("Barres granola", "fr"), brand=brand)
    assert verdicts(check(facts, sample_context()), "1.7") == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("Plant-based chicken nuggets", {"needs_review"}, id="1.8-meat-alternative-without-simulated"),
        pytest.param("Simulated chicken nuggets (plant-based)", {"pass"}, id="1.8-simulated-chicken"),
        pytest.param("Chicken noodle soup", set(), id="1.8-real-meat-not-concerned"),
    ],
)
def test_1_8_simulated_meat(name: str, expected: set[str]) -> None:
    facts = with_names((name, "en"), ("Pépites", "fr"))
    assert verdicts(check(facts, sample_context()), "1.8") == expected


@pytest.mark.parametrize(
    "ingredients, expected",
    [
        pytest.param(None, set(), id="1.9-natural-flavour-only"),
        pytest.param("Artificial flavour, Salt", {"needs_review"}, id="1.9-artificial-flavour-picture-unknown"),
    ],
)
def test_1_9_artificial_flavour(ingredients: str | None, expected: set[str]) -> None:
    facts = with_names(("Oat & Honey Granola Bars", "en"), ("Barres granola", "fr"), ingredients=ingredients)
    assert verdicts(check(facts, sample_context()), "1.9") == expected


BEANS_BACK = "Ingredients: Green beans, Water, Salt.\nIngrédients : Haricots verts, Eau, Sel.\n"


@pytest.mark.parametrize(
    ("front", "settled"),
    [
        pytest.param(
            "Cut Green Beans\nHaricots verts coupés\nin water / dans l'eau\n398 mL\n", True, id="medium-on-pdp"
        ),
        pytest.param("Cut Green Beans in Water\nHaricots verts coupés dans l'eau\n398 mL\n", True, id="medium-in-name"),
        pytest.param("Cut Green Beans\nHaricots verts coupés\n398 mL\n", False, id="medium-nowhere-on-pdp"),
    ],
)
def test_1_5_packing_medium_may_be_anywhere_on_the_principal_display_panel(front: str, settled: bool) -> None:
    """B.01.006.1(a): the packing medium must appear on the PDP; only a condition (c) must form part of the name."""
    facts = parsed_panels({"front": front, "back": BEANS_BACK})
    assert names.true_nature_settled(facts) is settled
