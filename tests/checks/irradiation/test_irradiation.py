"""Irradiation (cfia-rules.md section 4), one table per rule: FDR B.26.003 and B.01.035.

Labels are small realistic spice / produce panels parsed by the text parser, plus edits of the
granola-compliant sample (a food that may not be irradiated).
"""

from __future__ import annotations

import pytest

from labeliq.checks.irradiation.checker import check
from labeliq.models import Finding
from tests.checks.factories import edited_sample, parsed_panels, sample_context, verdicts

SPICE_BACK = (
    "Ingredients: Ground cumin.\nIngrédients : Cumin moulu.\n"
    "Best before / Meilleur avant\n27 MR 15\n"
    "Spice Road Trading Ltd.\n55 Dundas St. W., Toronto, Ontario M5G 2C3\n"
)


def spice(front_statement: str, back_extra: str = "", name: str = "Ground Cumin\nCumin moulu") -> list[Finding]:
    front = f"SPICE ROAD\n{name}\n{front_statement}\n50 g".replace("\n\n", "\n")
    return check(parsed_panels({"front": front, "back": SPICE_BACK + back_extra}), sample_context(category="spices"))


@pytest.mark.parametrize(
    "findings, expected",
    [
        pytest.param(spice("Irradiated / Irradié"), {"pass"}, id="4.1-ground-spice-may-be-irradiated"),
        pytest.param(
            check(
                edited_sample([("front", "210 g", "Treated by irradiation / Traité par irradiation\n210 g")]),
                sample_context(),
            ),
            {"fail"},
            id="4.1-granola-bar-not-in-div-26-table",
        ),
        pytest.param(check(edited_sample(), sample_context()), {"not_applicable"}, id="4.1-no-statement"),
        pytest.param(spice("Not irradiated / Non irradié"), {"not_applicable"}, id="4.1-negated-statement"),
        pytest.param(
            spice("", back_extra="", name="Strawberry Jam\nConfiture de fraises\nIrradiated / Irradié"),
            {"fail"},
            id="4.1-jam-not-in-table",
        ),
    ],
)
def test_4_1_only_listed_foods_may_be_irradiated(findings: list[Finding], expected: set[str]) -> None:
    assert verdicts(findings, "4.1") == expected


@pytest.mark.parametrize(
    "findings, expected",
    [
        pytest.param(spice("Treated with radiation / Traité par radiation"), {"needs_review"}, id="4.2-radura-unseen"),
        pytest.param(spice("", back_extra="Irradiated / Irradié\n"), {"fail"}, id="4.2-statement-not-on-pdp"),
        pytest.param(spice(""), set(), id="4.2-no-irradiation"),
    ],
)
def test_4_2_symbol_and_statement_on_pdp(findings: list[Finding], expected: set[str]) -> None:
    assert verdicts(findings, "4.2") == expected


def test_4_3_symbol_size_needs_bounding_boxes() -> None:
    assert verdicts(spice("Irradiated / Irradié"), "4.3") == {"needs_review"}


@pytest.mark.parametrize(
    "ingredients, expected_41, expected_44",
    [
        pytest.param(
            "Ingredients: Tomatoes, irradiated onions, salt.\nIngrédients : Tomates, oignons irradiés, sel.\n",
            set(),
            {"needs_review"},
            id="4.4-irradiated-onions-declared",
        ),
        pytest.param(
            "Ingredients: Tomatoes, irradiated carrots, salt.\nIngrédients : Tomates, carottes irradiées, sel.\n",
            {"fail"},
            {"needs_review"},
            id="4.4-irradiated-carrots-not-permitted",
        ),
        pytest.param(
            "Ingredients: Tomatoes, onions, salt.\nIngrédients : Tomates, oignons, sel.\n",
            set(),
            set(),
            id="4.4-no-irradiated-ingredient",
        ),
    ],
)
def test_4_4_irradiated_ingredients(ingredients: str, expected_41: set[str], expected_44: set[str]) -> None:
    front = "Salsa\nSalsa\n430 mL"
    back = ingredients + "Spice Road Trading Ltd.\n55 Dundas St. W., Toronto, Ontario M5G 2C3\n"
    findings = check(parsed_panels({"front": front, "back": back}), sample_context(category="salsa"))
    assert verdicts(findings, "4.4") == expected_44
    assert verdicts(findings, "4.1") - {"not_applicable"} == expected_41


@pytest.mark.parametrize(
    "statement, expected",
    [
        pytest.param("Irradiated / Irradié", {"pass"}, id="4.5-english-and-french"),
        pytest.param("Treated by irradiation / Traité par irradiation", {"pass"}, id="4.5-treated-by-irradiation"),
        pytest.param("Irradiated", {"fail"}, id="4.5-english-only"),
        pytest.param("Irradié", {"fail"}, id="4.5-french-only"),
    ],
)
def test_4_5_statement_bilingual(statement: str, expected: set[str]) -> None:
    assert verdicts(spice(statement), "4.5") == expected
