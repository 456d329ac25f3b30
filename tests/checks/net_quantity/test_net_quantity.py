"""Net quantity (cfia-rules.md 3.11-3.17): SFCR 199, 221, 229-237 and the CFIA ILT, one table per rule.

Rows replace the "210 g" declaration on the front of the granola-compliant sample and parse the label.
"""

from __future__ import annotations

from typing import Any

import pytest

from labeliq.checks.net_quantity.checker import check
from labeliq.models import Finding
from tests.checks.factories import edited_sample, sample_context, verdicts


def declared(text: str, **context: Any) -> list[Finding]:
    return check(edited_sample([("front", "210 g", text)]), sample_context(**context))


def moved_to_back() -> list[Finding]:
    facts = edited_sample([("front", "210 g", ""), ("back", "Best before", "Net 210 g\nBest before")])
    return check(facts, sample_context())


@pytest.mark.parametrize(
    "findings, expected",
    [
        pytest.param(declared("210 g"), {"pass"}, id="3.11-metric-on-pdp"),
        pytest.param(declared("12 oz"), {"fail"}, id="3.11-12oz-canadian-units-only"),
        pytest.param(declared(""), {"fail"}, id="3.11-no-net-quantity"),
        pytest.param(moved_to_back(), {"fail"}, id="3.11-net-quantity-not-on-pdp"),
    ],
)
def test_3_11_metric_on_pdp(findings: list[Finding], expected: set[str]) -> None:
    assert verdicts(findings, "3.11") == expected


@pytest.mark.parametrize(
    "text, context, expected",
    [
        pytest.param("210 g", {}, {"pass"}, id="3.12-grams-below-1000"),
        pytest.param("1000 g", {}, {"fail"}, id="3.12-1000g-must-be-1kg"),
        pytest.param("1 kg", {}, {"pass"}, id="3.12-1kg"),
        pytest.param("1500 mL", {}, {"fail"}, id="3.12-1500mL-must-be-1.5L"),
        pytest.param("1 360 g", {}, {"fail"}, id="3.12-space-thousands-1360g-must-be-kg"),
        pytest.param("0.5 kg", {}, {"pass"}, id="3.12-500g-as-0.5kg-allowed"),
        pytest.param("0.75 L", {}, {"fail"}, id="3.12-0.75L-must-be-750mL"),
        pytest.param("0.980 kg", {"packaged_at_retail": True}, {"pass"}, id="3.12-decimal-kg-packed-at-retail"),
    ],
)
def test_3_12_unit_by_size(text: str, context: dict[str, Any], expected: set[str]) -> None:
    assert verdicts(declared(text, **context), "3.12") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("454 g", {"pass"}, id="3.13-three-figures"),
        pytest.param("453.6 g", {"fail"}, id="3.13-four-figures"),
        pytest.param("86 g", {"pass"}, id="3.13-two-figures-below-100"),
        pytest.param("1.50 kg", {"pass"}, id="3.13-final-decimal-zero-optional"),
        pytest.param("½ kg", {"fail"}, id="3.13-fraction-in-metric"),
        pytest.param("1/2 kg", {"fail"}, id="3.13-slash-fraction"),
        pytest.param(".5 kg", {"fail"}, id="3.13-no-leading-zero"),
    ],
)
def test_3_13_figures(text: str, expected: set[str]) -> None:
    assert verdicts(declared(text), "3.13") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("210 g", {"pass"}, id="3.14-g-symbol"),
        pytest.param("500G", {"fail"}, id="3.14-capital-G"),
        pytest.param("500 G", {"fail"}, id="3.14-capital-G-spaced"),
        pytest.param("500 gr", {"fail"}, id="3.14-gr-not-a-symbol"),
        pytest.param("500g", {"fail"}, id="3.14-no-space"),
        pytest.param("500 g.", {"fail"}, id="3.14-punctuation-after-symbol"),
        pytest.param("540 ml", {"pass"}, id="3.14-ml-lower-case"),
        pytest.param("2 L", {"pass"}, id="3.14-L"),
        pytest.param("50 grams", {"fail"}, id="3.14-word-english-only"),
        pytest.param("50 grams / 50 grammes", {"pass"}, id="3.14-words-both-languages"),
    ],
)
def test_3_14_symbols(text: str, expected: set[str]) -> None:
    assert verdicts(declared(text), "3.14") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("210 g", {"pass"}, id="3.15-unqualified"),
        pytest.param("approx. 500 g", {"fail"}, id="3.15-approx"),
        pytest.param("Environ 500 g", {"fail"}, id="3.15-environ"),
        pytest.param("Average weight 500 g", {"fail"}, id="3.15-average-weight"),
        pytest.param("~500 g", {"fail"}, id="3.15-tilde"),
        pytest.param("Net weight / Poids net 500 g", {"pass"}, id="3.15-net-weight-words-allowed"),
    ],
)
def test_3_15_no_qualifier(text: str, expected: set[str]) -> None:
    assert verdicts(declared(text), "3.15") == expected


@pytest.mark.parametrize(
    "pds, needle",
    [
        pytest.param(30.0, "1.6 mm", id="3.16-pds-30cm2-1.6mm"),
        pytest.param(200.0, "3.2 mm", id="3.16-pds-200cm2-3.2mm"),
        pytest.param(645.0, "6.4 mm", id="3.16-pds-645cm2-6.4mm"),
        pytest.param(2000.0, "9.5 mm", id="3.16-pds-2000cm2-9.5mm"),
        pytest.param(3000.0, "12.7 mm", id="3.16-pds-3000cm2-12.7mm"),
        pytest.param(None, "not given", id="3.16-pds-unknown"),
    ],
)
def test_3_16_numeral_height_needs_review(pds: float | None, needle: str) -> None:
    found = [f for f in declared("210 g", principal_display_surface_cm2=pds) if f.rule == "3.16"]
    assert [f.verdict.value for f in found] == ["needs_review"]
    assert needle in found[0].message


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("210 g 7.4 oz", {"pass"}, id="3.17-grams-and-ounces-grouped"),
        pytest.param("355 mL 12 fl oz", {"pass"}, id="3.17-fluid-ounces"),
        pytest.param("355 mL 12 oz", {"fail"}, id="3.17-liquid-in-ounces"),
        pytest.param("946 mL 2 pints", {"fail"}, id="3.17-us-pints-not-marked"),
        pytest.param("946 mL 2 U.S. pints", {"pass"}, id="3.17-us-pints-marked"),
        pytest.param("210 g", set(), id="3.17-metric-only"),
    ],
)
def test_3_17_canadian_units(text: str, expected: set[str]) -> None:
    assert verdicts(declared(text), "3.17") == expected
