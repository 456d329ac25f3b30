"""Each Nutrition Facts format is judged by its own rules (FDR B.01.401(6), B.01.403, B.01.406, B.01.454 ff.).

The tables (format_tables.py) are compliant as built: none may fail. The infant rows then take one rule at a time.
"""

from __future__ import annotations

import datetime as dt

import pytest

from labeliq.checks.nutrition_facts import checker as nutrition_facts
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Finding, Panel, ProductContext
from tests.checks.nutrition_facts import format_tables

CTX = ProductContext(date=dt.date(2026, 11, 24))
INFANTS = CTX.model_copy(update={"product_kind": "food_for_infants_6_to_12_months"})


def _check(text: str, context: ProductContext = CTX) -> list[Finding]:
    facts = parse_label([Panel(name="front", text="Product\nProduit\n500 g"), Panel(name="back", text=text)])
    return nutrition_facts.check(facts, context)


def _fails(findings: list[Finding]) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in findings if f.verdict.value == "fail"]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        pytest.param(format_tables.DUAL, CTX, id="10.B-dual-format-as-sold-and-prepared"),
        pytest.param(format_tables.TWOAMOUNTS, CTX, id="10.B-dual-format-two-amounts"),
        pytest.param(format_tables.HORIZONTAL, CTX, id="10.B-horizontal-format"),
        pytest.param(format_tables.NARROW, CTX, id="10.B-narrow-format-wrapped-rows"),
        pytest.param(format_tables.AGGREGATE, CTX, id="10.B-aggregate-format"),
        pytest.param(format_tables.SIMPLIFIED, CTX, id="10.A6-simplified-format"),
        pytest.param(format_tables.INFANT, INFANTS, id="10.D-infant-format-no-missing-percent"),
    ],
)
def test_compliant_format_has_no_fail(text: str, context: ProductContext) -> None:
    assert _fails(_check(text, context)) == []


def _verdicts(findings: list[Finding], rule: str) -> list[str]:
    return [f.verdict.value for f in findings if f.rule == rule]


def test_infant_table_judged_as_a_standard_table_fails() -> None:
    """Without the context key the same table is an adult one: %DV missing, saturated fat missing."""
    findings = _check(format_tables.INFANT)
    assert "fail" in _verdicts(findings, "10.D.fat") and "fail" in _verdicts(findings, "10.B.saturated_fat")


@pytest.mark.parametrize(
    ("edit", "rule", "verdict"),
    [
        pytest.param(
            ("Fat / Lipides 1.5 g", "Fat / Lipides 1.5 g   2 %"), "10.D.fat", "fail", id="10.D-B.01.403(2)-no-fat-dv"
        ),
        pytest.param(("Sodium 10 mg", "Sodium 10 mg   1 %"), "10.D.sodium", "fail", id="10.D-B.01.403(2)-no-sodium-dv"),
        pytest.param(
            ("Sodium 10 mg", "Cholesterol / Cholestérol 5 mg\nSodium 10 mg"),
            "10.B.infant_fatty_acids",
            "fail",
            id="10.B-B.01.403(4)-cholesterol-needs-saturated-and-trans",
        ),
        pytest.param(("", ""), "10.B.infant_fatty_acids", "pass", id="10.B-B.01.403(3)-saturated-trans-omitted"),
        pytest.param(("", ""), "10.E1.iron", "pass", id="10.E1-infant-iron-of-11-mg"),
        pytest.param(
            ("Iron / Fer 6 mg                  55 %", "Iron / Fer 6 mg                  33 %"),
            "10.E1.iron",
            "needs_review",
            id="10.E1-infant-iron-against-an-unconfirmed-dv-is-a-question",
        ),
    ],
)
def test_infant_rules(edit: tuple[str, str], rule: str, verdict: str) -> None:
    text = format_tables.INFANT.replace(*edit) if edit[0] else format_tables.INFANT
    findings = _check(text, INFANTS)
    assert verdict in _verdicts(findings, rule), [(f.rule, f.verdict.value) for f in findings]
    review = [f for f in findings if f.rule == rule and f.verdict.value == "needs_review"]
    assert all(f.question for f in review)


INFANT_SIMPLIFIED = """Nutrition Facts / Valeur nutritive
Per 1 jar (128 mL) / pour 1 pot (128 mL)
Calories 70
% Daily Value* / % valeur quotidienne*
Fat / Lipides 0 g
Carbohydrate / Glucides 17 g
Sugars / Sucres 14 g
Protein / Protéines 0 g
Potassium 200 mg     29 %
Not a significant source of fibre, sodium, calcium or iron
Source négligeable de fibres, sodium, calcium et fer
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""


def test_infant_simplified_format_needs_five_zeros_not_six() -> None:
    """B.01.403(5): fat, protein, fibre, sodium, calcium, iron are 0 or omitted: 6 of 10; sat/trans/cholesterol need
    not be named. Fruit purée 128 mL: potassium 200 mg = 29 % of 700 mg; energy 4 x 17 = 68 -> 70."""
    findings = _check(INFANT_SIMPLIFIED, INFANTS)
    assert _fails(findings) == []
    assert "pass" in _verdicts(findings, "10.A6")


def test_simplified_statement_for_other_foods_must_name_saturated_trans_and_cholesterol() -> None:
    assert "fail" in _verdicts(_check(INFANT_SIMPLIFIED), "10.A6")


SMALL_TABLE = """Nutrition Facts / Valeur nutritive
Per 1 pouch (25 g) / pour 1 sachet (25 g)
Calories 90        % DV* / % VQ*
Fat / Lipides 3 g          4 %
Saturated / saturés 2 g   10 %
Carbohydrate / Glucides 16 g
Sugars / Sucres 14 g      14 %
Protein / Protéines 1 g
Sodium 15 mg               1 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""


def test_small_package_table_may_omit_rows_that_would_be_zero() -> None:
    """B.01.468(1): under 100 cm² the table shows only non-zero nutrients; an omitted row is a question (is it 0?),
    never a fail. Candy 25 g: fat 3 g = 4 %, sat 2 g = 10 %, sugars 14 %, sodium 15 mg = 1 %; 27 + 64 + 4 = 95."""
    context = CTX.model_copy(update={"available_display_surface_cm2": 80})
    findings = _check(SMALL_TABLE, context)
    assert _fails(findings) == []
    omitted = [f for f in findings if f.rule == "10.B.trans_fat"]
    assert [f.verdict.value for f in omitted] == ["needs_review"] and omitted[0].question
    assert "fail" in _verdicts(_check(SMALL_TABLE), "10.B.trans_fat")  # a larger package: a missing core row fails


def test_simplified_table_on_a_small_package_is_a_table_not_a_statement() -> None:
    """B.01.401(6): a simplified table keeps only energy, fat, carbohydrate, protein and the non-zero rows; under
    100 cm² it is still a Nutrition Facts table (judged by the table rules), not a B.01.467 statement in place of one
    (which would fail 10.A4 for want of an indication of how to obtain the information)."""
    findings = _check(format_tables.SIMPLIFIED, CTX.model_copy(update={"available_display_surface_cm2": 80}))
    assert _fails(findings) == []
    assert "pass" in _verdicts(findings, "10.A6") and "fail" not in _verdicts(findings, "10.A4")


def test_a_package_under_15_cm2_needs_no_table() -> None:
    """B.01.469: no condition at all, not even an indication of how to obtain the information."""
    context = CTX.model_copy(update={"available_display_surface_cm2": 12})
    findings = _check("Ingredients: Sugar, gum base, natural flavour.\nSource of vitamin C", context)
    assert _verdicts(findings, "10.A4") == ["pass"] and _fails(findings) == []


@pytest.mark.parametrize(
    ("context", "verdict"),
    [
        pytest.param(
            {"packaged_at_retail": True, "available_display_surface_cm2": 150},
            "needs_review",
            id="10.A1-B.01.401(2)(b)(viii)-retail-sticker-under-200-cm2-may-be-exempt",
        ),
        pytest.param(
            {"packaged_at_retail": True, "available_display_surface_cm2": 250},
            "fail",
            id="10.A1-retail-package-over-200-cm2-needs-a-table",
        ),
        pytest.param(
            {"packaged_at_retail": False, "available_display_surface_cm2": 150},
            "fail",
            id="10.A1-factory-package-150-cm2-needs-a-table",
        ),
    ],
)
def test_retail_sticker_exemption_from_context_keys(context: dict[str, object], verdict: str) -> None:
    findings = _check("Ingredients: Beef, pork, salt, spices.", CTX.model_copy(update=context))
    assert _verdicts(findings, "10.A1") == [verdict]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        pytest.param(format_tables.DUAL, "pass", id="10.B.dual-prepared-column-complete"),
        pytest.param(
            format_tables.DUAL.replace("Sodium 280 mg             12 %              14 %", "Sodium 280 mg 12 %"),
            "fail",
            id="10.B.dual-B.01.406(5)(a)(iv)-prepared-sodium-percent-missing",
        ),
        pytest.param(
            format_tables.DUAL.replace("Calories                  160               280", "Calories 160"),
            "fail",
            id="10.B.dual-B.01.406(5)(a)(iii)-prepared-energy-missing",
        ),
    ],
)
def test_dual_format_prepared_column(text: str, verdict: str) -> None:
    findings = [f for f in _check(text) if f.rule == "10.B.dual"]
    assert [f.verdict.value for f in findings] == [verdict]
    if verdict == "fail":
        assert findings[0].fix.startswith("Add the as-prepared value for")


# A single-serving bar (45 g) in the shortened format of B.01.401(6.1): fat 0 g, so no saturated or trans row; no
# cholesterol, fibre, potassium, calcium or iron row; sugars and sodium, not 0, are shown. 4 x 40 + 4 x 2 = 168 -> 170.
SINGLE_SERVING = """Nutrition Facts / Valeur nutritive
Per 1 bar (45 g) / pour 1 barre (45 g)
Calories 170
% Daily Value* / % valeur quotidienne*
Fat / Lipides 0 g          0 %
Carbohydrate / Glucides 40 g
Sugars / Sucres 30 g       30 %
Protein / Protéines 2 g
Sodium 15 mg               1 %
*5% or less is a little, 15% or more is a lot
*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup
"""
SINGLE = CTX.model_copy(update={"single_serving_container": True})


@pytest.mark.parametrize(
    ("text", "context", "rule", "verdict"),
    [
        pytest.param(SINGLE_SERVING, SINGLE, "10.B.cholesterol", "pass", id="6.1-cholesterol-need-not-be-shown"),
        pytest.param(SINGLE_SERVING, SINGLE, "10.B.iron", "pass", id="6.1-iron-need-not-be-shown"),
        pytest.param(SINGLE_SERVING, SINGLE, "10.B.saturated_fat", "pass", id="6.1(h)-fat-0-so-saturated-is-0"),
        pytest.param(
            SINGLE_SERVING.replace("Sodium 15 mg               1 %\n", ""),
            SINGLE,
            "10.B.sodium",
            "needs_review",
            id="6.1(i)-sodium-left-out-only-if-it-would-be-0",
        ),
        pytest.param(
            SINGLE_SERVING,
            SINGLE.model_copy(update={"main_dish": True}),
            "10.B.cholesterol",
            "needs_review",
            id="6.1-not-for-a-prepackaged-meal",
        ),
        pytest.param(SINGLE_SERVING, CTX, "10.B.cholesterol", "fail", id="standard-format-must-show-cholesterol"),
    ],
)
def test_single_serving_shortened_table(text: str, context: ProductContext, rule: str, verdict: str) -> None:
    findings = [f for f in _check(text, context) if f.rule == rule]
    assert [f.verdict.value for f in findings] == [verdict]
    if verdict == "needs_review":
        assert findings[0].question
