"""Bilingual labelling (cfia-rules.md section 2): one table per rule, label fragments and the FDR/SFCR verdict.

Rows edit the granola-compliant sample and parse it; rows about facts the text parser does not produce
(a third language inside the Nutrition Facts table) set those facts directly.
"""

from __future__ import annotations

from typing import Any

import pytest

from labeliq.checks.bilingual.checker import check
from labeliq.models import Finding, LabelFacts
from tests.checks.factories import edited_sample, sample_context

EN_LIST_END = "Almonds, Milk powder, Soy lecithin, Natural flavour, Salt, Tocopherols.\n"
EN_ALLERGENS = "Contains: Oats, Wheat, Almonds, Milk, Soy.\nMay contain: Peanuts.\n\n"


def findings_for(facts: LabelFacts, rule: str, **context: Any) -> list[Finding]:
    return [f for f in check(facts, sample_context(**context)) if f.rule == rule]


def field_verdict(facts: LabelFacts, field: str) -> str:
    (finding,) = [f for f in findings_for(facts, "2.1") if field in f.message]
    return finding.verdict.value


@pytest.mark.parametrize(
    "edits, field, expected",
    [
        pytest.param([], "list of ingredients", "pass", id="2.1-ingredients-en-and-fr"),
        pytest.param([], "'Contains' statement", "pass", id="2.1-contains-en-and-fr"),
        pytest.param([], "storage instructions", "pass", id="2.1-storage-en-and-fr"),
        pytest.param([], "date marking words", "pass", id="2.1-best-before-meilleur-avant"),
        pytest.param([], "Nutrition Facts table title", "pass", id="2.1-nft-title-bilingual"),
        pytest.param(
            [("back", "Contient : Avoine, Blé, Amandes, Lait, Soya.\n", "")],
            "'Contains' statement",
            "fail",
            id="2.1-contient-missing",
        ),
        pytest.param(
            [("back", "Peut contenir : Arachides.\n", "")],
            "precautionary ('May contain') statement",
            "fail",
            id="2.1-peut-contenir-missing",
        ),
        pytest.param(
            [("back", "Conserver dans un endroit frais et sec.\n", "")],
            "storage instructions",
            "fail",
            id="2.1-storage-english-only",
        ),
        pytest.param(
            [("back", "Best before / Meilleur avant", "Best before")],
            "date marking words",
            "fail",
            id="2.1-best-before-english-only",
        ),
    ],
)
def test_2_1_mandatory_information_in_both_languages(
    edits: list[tuple[str, str, str]], field: str, expected: str
) -> None:
    assert field_verdict(edited_sample(edits), field) == expected


@pytest.mark.parametrize(
    "address, expected",
    [
        pytest.param("412 Woolwich St., Guelph, Ontario N1H 3W4", "pass", id="2.2-english-address"),
        pytest.param("412, rue Woolwich, Guelph (Ontario) N1H 3W4", "pass", id="2.2-french-only-address"),
    ],
)
def test_2_2_dealer_may_be_in_one_language(address: str, expected: str) -> None:
    facts = edited_sample([("back", "412 Woolwich St., Guelph, Ontario N1H 3W4", address)])
    assert {f.verdict.value for f in findings_for(facts, "2.2")} == {expected}
    assert not [f for f in check(facts, sample_context()) if f.verdict.value == "fail"]


@pytest.mark.parametrize(
    "edits, expected",
    [
        pytest.param([], {"pass"}, id="2.7-source-of-fibre-both-languages"),
        pytest.param([("front", "Source de fibres\n", "")], {"fail"}, id="2.7-claim-english-only"),
        pytest.param([("front", "Source of fibre\n", "")], {"fail"}, id="2.7-claim-french-only"),
        pytest.param([("front", "Source of fibre\nSource de fibres\n", "")], set(), id="2.7-no-claim"),
    ],
)
def test_2_7_voluntary_claims_bilingual(edits: list[tuple[str, str, str]], expected: set[str]) -> None:
    assert {f.verdict.value for f in findings_for(edited_sample(edits), "2.7")} == expected


@pytest.mark.parametrize(
    "other_language, expected",
    [
        pytest.param([], "pass", id="2.8-english-and-french-only"),
        pytest.param(["Información nutricional"], "fail", id="2.8-spanish-inside-nft"),
    ],
)
def test_2_8_no_third_language_in_nft_facts(other_language: list[str], expected: str) -> None:
    facts = edited_sample()
    assert facts.nutrition_facts is not None
    nft = facts.nutrition_facts.model_copy(update={"other_language_text": other_language})
    facts = facts.model_copy(update={"nutrition_facts": nft})
    assert {f.verdict.value for f in findings_for(facts, "2.8")} == {expected}


SAME_LINE = [("back", EN_LIST_END + EN_ALLERGENS + "Ingrédients :", EN_LIST_END.rstrip("\n") + " Ingrédients :")]
CONTAINS_ONE_LINE = [
    ("back", "Contient : Avoine, Blé, Amandes, Lait, Soya.\n", ""),
    (
        "back",
        "Contains: Oats, Wheat, Almonds, Milk, Soy.\n",
        "Contains: Oats, Wheat, Almonds, Milk, Soy. / Contient : Avoine, Blé, Amandes, Lait, Soya.\n",
    ),
]

SIDE_BY_SIDE = [
    ("back", "Contient : Avoine, Blé, Amandes, Lait, Soya.\n", ""),
    (
        "back",
        "Contains: Oats, Wheat, Almonds, Milk, Soy.\n",
        "Contains: Oats, Wheat, Almonds, Milk, Soy.        Contient : Avoine, Blé, Amandes, Lait, Soya.\n",
    ),
]


@pytest.mark.parametrize(
    "edits, ads, kind, expected",
    [
        pytest.param([], None, "ingredients", {"pass"}, id="2.9-lists-on-separate-lines"),
        pytest.param([], None, "'Contains'", {"pass"}, id="2.9-contains-on-separate-lines"),
        pytest.param(SAME_LINE, 250.0, "ingredients", {"fail"}, id="2.9-french-list-starts-where-english-ends"),
        pytest.param(SAME_LINE, 80.0, "ingredients", {"pass"}, id="2.9-same-line-allowed-under-100cm2"),
        pytest.param(SAME_LINE, None, "ingredients", {"needs_review"}, id="2.9-same-line-ads-unknown"),
        pytest.param(CONTAINS_ONE_LINE, 250.0, "'Contains'", {"fail"}, id="2.9-contains-contient-on-one-line"),
        pytest.param(SIDE_BY_SIDE, 250.0, "'Contains'", {"pass"}, id="2.9-side-by-side-columns"),
    ],
)
def test_2_9_versions_not_on_the_same_line(
    edits: list[tuple[str, str, str]], ads: float | None, kind: str, expected: set[str]
) -> None:
    found = findings_for(edited_sample(edits), "2.9", available_display_surface_cm2=ads)
    assert {f.verdict.value for f in found if kind in f.message} == expected


@pytest.mark.parametrize(
    "edits, expected",
    [
        pytest.param([], {"pass"}, id="2.8-printed-table-en-fr"),
        pytest.param(
            [("back", "Per 1 bar (35 g)\n", "Per 1 bar (35 g)\nPor 1 barra (35 g)\n")],
            {"fail"},
            id="2.8-spanish-serving-line-inside-table",
        ),
        pytest.param(
            [("front", "210 g", "210 g\nBarras de granola de avena y miel")], {"pass"}, id="2.8-spanish-outside-table"
        ),
    ],
)
def test_2_8_no_third_language_in_printed_nft(edits: list[tuple[str, str, str]], expected: set[str]) -> None:
    assert {f.verdict.value for f in findings_for(edited_sample(edits), "2.8")} == expected


@pytest.mark.parametrize(
    "french",
    [
        pytest.param("Importé par / Imported by", id="2.1-importe-par"),
        pytest.param("Importée par / Imported by", id="2.1-importee-par-feminine"),
    ],
)
def test_imported_by_counts_in_french_with_either_agreement(french: str) -> None:
    from labeliq.checks.common.origin_text import IMPORTED_BY_EN, IMPORTED_BY_FR

    assert IMPORTED_BY_FR.search(french) and IMPORTED_BY_EN.search(french)


# --- 2.3, 2.4, 2.6, 2.10: one-language exemptions, separate PDPs, Quebec note ------------------------------


def _english_only(extra_front: str = "") -> LabelFacts:
    from tests.checks.factories import parsed_panels, sample_panels

    panels = sample_panels()
    back = panels["back"]
    back = back[: back.index("Ingrédients :")] + back[back.index("Best before") :]
    front = panels["front"].replace("Barres granola à l'avoine et au miel\n", "").replace("Source de fibres\n", "")
    return parsed_panels({"front": front + extra_front, "back": back})


@pytest.mark.parametrize(
    ("which", "rule", "expected"),
    [
        pytest.param("bilingual", "2.3", "not_applicable", id="2.3-bilingual-label-needs-no-local-food-exemption"),
        pytest.param("bilingual", "2.4", "not_applicable", id="2.4-bilingual-label-needs-no-specialty-exemption"),
        pytest.param("english", "2.3", "needs_review", id="2.3-english-only-ask-local-or-test-market"),
        pytest.param("english", "2.4", "needs_review", id="2.4-english-only-ask-specialty-food"),
        pytest.param("bilingual", "2.10", "not_applicable", id="2.10-quebec-rules-noted-not-judged"),
    ],
)
def test_2_3_2_4_2_10_exemptions(which: str, rule: str, expected: str) -> None:
    facts = edited_sample() if which == "bilingual" else _english_only()
    assert {f.verdict.value for f in findings_for(facts, rule)} == {expected}


def test_2_4_passover_window_is_named() -> None:
    messages = [f.message for f in findings_for(_english_only("Kosher for Passover\n"), "2.4")]
    assert any("40 days" in m for m in messages)


@pytest.mark.parametrize(
    ("panel_names", "expected"),
    [
        pytest.param(("front",), set(), id="2.6-one-pdp-no-finding"),
        pytest.param(("front-en", "front-fr"), {"needs_review"}, id="2.6-two-pdps-check-same-size"),
    ],
)
def test_2_6_separate_principal_display_panels(panel_names: tuple[str, ...], expected: set[str]) -> None:
    from labeliq.extraction.text_parser import parse_label
    from labeliq.models import Panel
    from tests.checks.factories import sample_panels

    panels = sample_panels()
    facts = parse_label(
        [Panel(name=n, text=panels["front"], is_principal_display=True) for n in panel_names]
        + [Panel(name="back", text=panels["back"])]
    )
    assert {f.verdict.value for f in findings_for(facts, "2.6")} == expected
