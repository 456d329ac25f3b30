"""The core rows of a Supplemented Food Facts table, judged by the NFt's rules and cited to FDR B.29.002.

The label is a supplemented energy drink worked out by hand: 50 g sugars, 200 Calories (4 x 50), sodium 200 mg of
2300 mg = 9 %, sugars 50 g of 100 g = 50 %.
"""

from __future__ import annotations

import datetime as dt

import pytest

from labeliq.checks.fop_symbol import checker as fop_symbol
from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Finding, Panel, ProductContext

CTX = ProductContext(
    date=dt.date(2026, 11, 24),
    supplemented_food=True,
    reference_amount={"value": 250, "unit": "mL"},  # type: ignore[arg-type]
    serving_of_stated_size={"value": 473, "unit": "mL"},  # type: ignore[arg-type]
    single_serving_container=True,
)
FRONT = "Carbonated Energy Drink\nBoisson énergisante gazéifiée\nHigh in / Élevé en\nSugars / Sucres\n473 mL"
INGREDIENTS = (
    "Ingredients: Carbonated water, Sugar, Citric acid, Caffeine.\n"
    "Ingrédients : Eau gazéifiée, Sucre, Acide citrique, Caféine.\n\n"
)
SFFT = """Supplemented Food Facts
Renseignements sur l'aliment supplémenté
Per 1 can (473 mL)
pour 1 canette (473 mL)
Calories 200            % Daily Value*
                        % valeur quotidienne*
Fat / Lipides 0 g                     0 %
 Saturated / saturés 0 g
 + Trans / trans 0 g                  0 %
Carbohydrate / Glucides 50 g
 Fibre / Fibres 0 g                   0 %
 Sugars / Sucres 50 g                50 %
Protein / Protéines 0 g
Cholesterol / Cholestérol 0 mg
Sodium 200 mg                         9 %
Potassium 0 mg                        0 %
Calcium 0 mg                          0 %
Iron / Fer 0 mg                       0 %
Supplemented with† / Supplémenté en†
Caffeine / Caféine 150 mg
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
†Includes naturally occurring and supplemental amounts
† Comprend les quantités naturelles et supplémentées
"""


def _findings(back: str = SFFT, front: str = FRONT) -> list[Finding]:
    facts = parse_label([Panel(name="front", text=front), Panel(name="back", text=back)])
    return nutrition_facts.check(facts, CTX)


def test_the_sfft_is_read_as_a_table_and_its_caffeine_row_is_left_alone() -> None:
    facts = parse_label([Panel(name="front", text=FRONT), Panel(name="back", text=SFFT)])
    assert facts.nutrition_facts is None and facts.supplemented is not None and facts.supplemented.table is not None
    table = facts.supplemented.table
    assert table.calories == 200 and table.nutrients["sodium"].dv_percent == 9
    assert "Supplemented Food Facts" in table.title and "caffeine" not in table.nutrients
    # B.29.002 item 18: the rows under "Supplemented with" are its supplemental ingredients
    assert [(r.key, r.amount, r.unit) for r in facts.supplemented.supplemental] == [("caffeine", 150, "mg")]
    assert not [c.text for c in facts.claims]  # the † statement of item 17 is the table's, not a "natural" claim


def test_a_well_formed_sfft_has_no_fail_and_its_findings_cite_b29() -> None:
    findings = _findings()
    assert [f.message for f in findings if f.verdict.value == "fail"] == []
    energy = [f for f in findings if f.rule == "10.B.energy"]
    assert energy and all("B.29.002" in f.citation and "B.01.401" not in f.citation for f in energy)


@pytest.mark.parametrize(
    ("edit", "rule"),
    [
        pytest.param(("Calories 200 ", "Calories 205 "), "10.B.energy", id="energy-not-rounded-to-10"),
        pytest.param(("Sodium 200 mg                         9 %", "Sodium 200 mg 5 %"), "10.E1.sodium", id="sodium"),
        pytest.param(("Sugars / Sucres 50 g                50 %", "Sugars / Sucres 50 g 20 %"), "10.E2.sugars", id="s"),
    ],
)
def test_an_sfft_error_fails_as_it_would_in_a_table(edit: tuple[str, str], rule: str) -> None:
    failed = [f for f in _findings(SFFT.replace(*edit)) if f.rule == rule and f.verdict.value == "fail"]
    assert failed and all("B.29.002" in f.citation and "B.01.401" not in f.citation for f in failed)


def test_the_nutrition_symbol_reads_the_sfft_amounts() -> None:
    """B.01.350 applies to supplemented foods: 50 g sugars per 473 mL is 50 % DV, over the 15 % threshold."""
    without_symbol = FRONT.replace("High in / Élevé en\nSugars / Sucres\n", "")
    facts = parse_label([Panel(name="front", text=without_symbol), Panel(name="back", text=INGREDIENTS + SFFT)])
    verdicts = {f.verdict.value for f in fop_symbol.check(facts, CTX) if f.rule == "7.2"}
    assert verdicts == {"fail"}


IRON_ROW = "Iron / Fer 0 mg                       0 %\n"
CAFFEINE_ROW = "Caffeine / Caféine 150 mg\n"

# B.29.003 items 11-34 (vitamins and minerals above "Supplemented with") are worded, united and rounded as items
# 14-37 of the table to B.01.402; item 18 of the table to B.29.002 sets part of a supplemental ingredient's manner.
ROW_CASES = [
    pytest.param(IRON_ROW, IRON_ROW + "Vitamin C / Vitamine C 30 mg 33 %\n", {}, id="B.29.003-vitamin-C-passes"),
    pytest.param(
        IRON_ROW,
        IRON_ROW + "Vitamin D / Vitamine D 2.3 µg 12 %\n",
        {"10.C.vitamin_d": ("fail", "FDR B.29.003 table item 13")},
        id="B.29.003-item-13-vitamin-D-rounded-to-0.5-µg",
    ),
    pytest.param(
        IRON_ROW,
        IRON_ROW + "Vitamin A / Vitamine A 100 µg\n",
        {"10.D.vitamin_a": ("fail", "FDR B.29.003 table item 11, column 3")},
        id="B.29.003-item-11-vitamin-A-without-its-percent",
    ),
    pytest.param(
        CAFFEINE_ROW,
        CAFFEINE_ROW + "Niacin / Niacine 10 mg\n",
        {"10.D.niacin": ("fail", "FDR B.29.002 table item 18, column 3(b)")},
        id="B.29.002-item-18-a-supplemental-vitamin-shows-its-percent",
    ),
    pytest.param(
        CAFFEINE_ROW,
        CAFFEINE_ROW + "Vitamin B12 / Vitamine B12 2.4 µg 100 %\n",
        {
            "10.C.vitamin_b12": ("needs_review", "FDR B.29.002 table item 18, column 4(1)"),
            "10.D.vitamin_b12": ("pass", "FDR B.29.002 table item 18, column 3(b)"),
        },
        id="B.29.002-item-18-a-decimal-amount-is-a-question-on-the-List",
    ),
    pytest.param(
        CAFFEINE_ROW,
        CAFFEINE_ROW + "Vitamin B12 / Vitamine B12 2 mg 100 %\n",
        {
            "10.C.vitamin_b12_unit": ("needs_review", "FDR B.29.002 table item 18, column 3(a)"),
            "10.D.vitamin_b12": ("pass", "FDR B.29.002 table item 18, column 3(b)"),
        },
        id="B.29.002-item-18-a-unit-other-than-B.29.003s-is-a-question-on-the-List",
    ),
    pytest.param(
        CAFFEINE_ROW,
        CAFFEINE_ROW + "Calcium 58 mg 4 %\n",
        {"10.D.calcium": ("pass", "FDR B.29.002 table item 18, column 3(b)")},
        id="B.29.002(9)-calcium-added-is-declared-only-under-supplemented-with",
    ),
]


@pytest.mark.parametrize(("find", "replace", "expected"), ROW_CASES)
def test_vitamin_and_supplemental_rows(find: str, replace: str, expected: dict[str, tuple[str, str]]) -> None:
    sfft = SFFT.replace(find, replace)
    if "Calcium 58 mg" in replace:  # B.29.002(9): a core mineral added as a supplemental ingredient leaves its row
        sfft = sfft.replace("Calcium 0 mg                          0 %\n", "")
    findings = _findings(sfft)
    got = {f.rule: (f.verdict.value, f.citation) for f in findings if f.rule in expected}
    assert got == expected
    assert [f.rule for f in findings if f.verdict.value == "fail" and f.rule not in expected] == []
    questions = [f for f in findings if f.verdict.value == "needs_review" and f.rule.startswith("10.C")]
    assert all(f.question and f.fr is not None and f.fr.question for f in questions)
    assert [f.rule for f in questions if f.rule not in expected] == []  # caffeine's own row asks nothing
