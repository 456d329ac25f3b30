"""Name and principal place of business (cfia-rules.md 3.1, 3.2): SFCR 218(1)(b), (2) and the CFIA ILT.

Rows replace the dealer block of the granola-compliant sample and parse the label.
"""

from __future__ import annotations

import pytest

from labeliq.checks.name_address.checker import check
from labeliq.models import Finding, Provenance, TextFact
from tests.checks.factories import edited_sample, parsed_panels, sample_context, sample_panels, verdicts

DEALER = "Maple Grove Foods Inc.\n412 Woolwich St., Guelph, Ontario N1H 3W4"


def with_dealer(dealer: str) -> list[Finding]:
    return check(edited_sample([("back", DEALER, dealer)]), sample_context())


def dealer_only_on_bottom() -> list[Finding]:
    panels = sample_panels()
    panels["back"] = panels["back"].replace(DEALER, "")
    panels["bottom"] = DEALER
    return check(parsed_panels(panels), sample_context())


def dealer_on_back_and_bottom() -> list[Finding]:
    panels = sample_panels()
    panels["bottom"] = DEALER
    return check(parsed_panels(panels), sample_context())


@pytest.mark.parametrize(
    "findings, expected",
    [
        pytest.param(with_dealer(DEALER), {"pass"}, id="3.1-dealer-on-back-panel"),
        pytest.param(dealer_only_on_bottom(), {"fail"}, id="3.1-dealer-only-on-bottom"),
        pytest.param(dealer_on_back_and_bottom(), {"pass"}, id="3.1-bottom-and-elsewhere"),
        pytest.param(with_dealer(""), {"fail"}, id="3.1-no-dealer"),
    ],
)
def test_3_1_name_and_place_not_only_on_bottom(findings: list[Finding], expected: set[str]) -> None:
    assert verdicts(findings, "3.1") == expected


@pytest.mark.parametrize(
    "dealer, expected",
    [
        pytest.param(DEALER, {"pass"}, id="3.2-civic-address"),
        pytest.param("Maple Grove Foods Inc.\nGuelph, ON", {"pass"}, id="3.2-city-and-province"),
        pytest.param("Maple Grove Foods Inc.\nToronto, Canada", {"pass"}, id="3.2-city-and-country"),
        pytest.param("Maple Grove Foods Inc.\nwww.maplegrovefoods.ca", {"fail"}, id="3.2-website-only"),
        pytest.param("Maple Grove Foods Inc.\n1-800-555-0199", {"fail"}, id="3.2-phone-only"),
        pytest.param("Maple Grove Foods Inc.\nN1H 3W4", {"fail"}, id="3.2-postal-code-only"),
        pytest.param(
            "Maple Grove Foods Inc.\nGuelph, Ontario\nwww.maplegrovefoods.ca 1-800-555-0199",
            {"pass"},
            id="3.2-website-in-addition",
        ),
        pytest.param("Maple Grove Foods Inc.\nHilo, Hawaii, 96720", {"pass"}, id="3.2-foreign-city-and-state"),
    ],
)
def test_3_2_physical_location(dealer: str, expected: set[str]) -> None:
    assert verdicts(with_dealer(dealer), "3.2") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("P. Bureaux & Fils, Négociants à 12345 (France)", {"fail"}, id="3.2-ilt-numerical-code-example"),
        pytest.param("Fate Foods Inc. China", {"pass"}, id="3.2-ilt-foreign-company-and-country"),
        pytest.param("Yellow Banana Ltd. Vancouver, Calgary, Winnipeg, Toronto", {"pass"}, id="3.2-ilt-branches"),
    ],
)
def test_3_2_ilt_examples(text: str, expected: set[str]) -> None:
    facts = edited_sample([("back", DEALER, "")])
    facts = facts.model_copy(update={"dealer": [TextFact(text=text, source=Provenance(panel="back"))]})
    assert verdicts(check(facts, sample_context()), "3.2") == expected
