"""Country of origin, "Imported by" and origin claims (cfia-rules.md 3.3-3.10), one table per rule.

Rows edit the granola-compliant sample (origin lines just above the dealer on the back panel) and parse it.
"""

from __future__ import annotations

from typing import Any

import pytest

from labeliq.checks.country_of_origin.checker import check
from labeliq.models import Finding
from tests.checks.factories import edited_sample, sample_context, verdicts

MADE_IN = (
    "Made in Canada from domestic and imported ingredients.\n"
    "Fabriqué au Canada à partir d'ingrédients canadiens et importés.\n"
)
DEALER = "Maple Grove Foods Inc.\n412 Woolwich St., Guelph, Ontario N1H 3W4"
ABROAD = {"imported": True, "wholly_manufactured_abroad": True}


def run(origin: str | None = None, dealer: str | None = None, front: str = "", **context: Any) -> list[Finding]:
    edits = []
    if origin is not None:
        edits.append(("back", MADE_IN, origin))
    if dealer is not None:
        edits.append(("back", DEALER, dealer))
    if front:
        edits.append(("front", "210 g", f"210 g\n{front}"))
    return check(edited_sample(edits), sample_context(**context))


@pytest.mark.parametrize(
    "origin, dealer, context, expected",
    [
        pytest.param(None, None, {}, {"not_applicable"}, id="3.3-domestic-food"),
        pytest.param("", None, ABROAD, {"fail"}, id="3.3-imported-canadian-dealer-no-statement"),
        pytest.param("Imported by / Importé par:\n", None, ABROAD, {"pass"}, id="3.3-imported-by-importe-par"),
        pytest.param("Imported for / Importé pour\n", None, ABROAD, {"pass"}, id="3.3-imported-for-importe-pour"),
        pytest.param("Imported by:\n", None, ABROAD, {"fail"}, id="3.3-english-only-expression"),
        pytest.param(
            "", DEALER + "\nImported by / Importé par", ABROAD, {"needs_review"}, id="3.3-expression-after-the-dealer"
        ),
        pytest.param(
            "Product of USA / Produit des États-Unis\n", None, ABROAD, {"pass"}, id="3.3-origin-shown-instead"
        ),
        pytest.param(
            "",
            "Maple Grove Foods Inc.\n1200 Pine St., Burlington, Vermont 05401, USA",
            ABROAD,
            {"pass"},
            id="3.3-foreign-manufacturer-shown",
        ),
    ],
)
def test_3_3_imported_by(origin: str | None, dealer: str | None, context: dict[str, Any], expected: set[str]) -> None:
    assert verdicts(run(origin, dealer, **context), "3.3") == expected


@pytest.mark.parametrize(
    "origin, front, expected",
    [
        pytest.param(
            "Product of Mexico / Produit du Mexique\n", "", {"needs_review"}, id="3.4-next-to-dealer-height-unknown"
        ),
        pytest.param("", "Product of Mexico / Produit du Mexique", {"fail"}, id="3.4-origin-on-other-panel"),
    ],
)
def test_3_4_origin_close_to_dealer(origin: str, front: str, expected: set[str]) -> None:
    assert verdicts(run(origin, front=front, **ABROAD), "3.4") == expected


@pytest.mark.parametrize(
    "origin, context, expected",
    [
        pytest.param("", {"origin_commodity": "honey", **ABROAD}, {"fail"}, id="3.5-imported-honey-without-product-of"),
        pytest.param(
            "Product of Mexico / Produit du Mexique\n",
            {"origin_commodity": "honey", **ABROAD},
            {"pass"},
            id="3.5-imported-honey-product-of-mexico",
        ),
        pytest.param("", {"category": "granola bar", **ABROAD}, set(), id="3.5-not-a-listed-commodity"),
        pytest.param("", {"category": "liquid honey", **ABROAD}, set(), id="3.5-category-words-decide-nothing"),
        pytest.param("", {"origin_commodity": "honey", "imported": False}, set(), id="3.5-domestic-honey"),
    ],
)
def test_3_5_mandatory_product_of(origin: str, context: dict[str, Any], expected: set[str]) -> None:
    assert verdicts(run(origin, **context), "3.5") == expected


@pytest.mark.parametrize(
    "origin, expected",
    [
        pytest.param("Product of France and United States\n", {"fail"}, id="3.6-two-countries"),
        pytest.param("Produit de France et des États-Unis\n", {"fail"}, id="3.6-deux-pays"),
        pytest.param("Product of Canada and United States\n", {"fail"}, id="3.6-canada-and-another"),
        pytest.param("Product of France / Produit de France\n", {"pass"}, id="3.6-one-country-both-languages"),
        pytest.param("Product of Italy, packed in Canada\n", {"pass"}, id="3.6-origin-then-packing-place"),
        pytest.param("A blend of Brazilian and American soybean oil\n", set(), id="3.6-blend-claim-allowed"),
    ],
)
def test_3_6_one_country_of_origin(origin: str, expected: set[str]) -> None:
    assert verdicts(run(origin), "3.6") == expected


@pytest.mark.parametrize(
    "origin, context, expected",
    [
        pytest.param("Product of Canada / Produit du Canada\n", {}, {"needs_review"}, id="3.7-needs-formulation"),
        pytest.param("Product of Canada / Produit du Canada\n", ABROAD, {"fail"}, id="3.7-made-abroad"),
        pytest.param(
            "Product of Canada / Produit du Canada\n",
            {"country_of_origin": "United States"},
            {"fail"},
            id="3.7-context-says-usa",
        ),
        pytest.param(None, {}, set(), id="3.7-no-canadian-claim"),
    ],
)
def test_3_7_product_of_canada(origin: str | None, context: dict[str, Any], expected: set[str]) -> None:
    assert verdicts(run(origin, **context), "3.7") == expected


@pytest.mark.parametrize(
    "origin, expected",
    [
        pytest.param(None, {"pass"}, id="3.8-domestic-and-imported-qualifier"),
        pytest.param(
            "Made in Canada from imported ingredients.\nFabriqué au Canada à partir d'ingrédients importés.\n",
            {"pass"},
            id="3.8-from-imported-ingredients",
        ),
        pytest.param("Made in Canada.\nFabriqué au Canada.\n", {"fail"}, id="3.8-no-qualifier"),
        pytest.param(
            "Made in Canada from domestic and/or imported ingredients.\n"
            "Fabriqué au Canada à partir d'ingrédients canadiens et/ou importés.\n",
            {"fail"},
            id="3.8-and-or-not-permitted",
        ),
        pytest.param(
            "Proudly made in Canada!\nFièrement fabriqué au Canada!\n", {"fail"}, id="3.8-proudly-made-needs-qualifier"
        ),
        pytest.param("Packaged in Canada / Emballé au Canada\n", set(), id="3.8-other-domestic-claim"),
    ],
)
def test_3_8_made_in_canada_qualifier(origin: str | None, expected: set[str]) -> None:
    assert verdicts(run(origin), "3.8") == expected


@pytest.mark.parametrize(
    "front, expected",
    [
        pytest.param("", set(), id="3.9-no-local-claim"),
        pytest.param("Local Ontario oats", {"needs_review"}, id="3.9-local-claim"),
    ],
)
def test_3_9_local(front: str, expected: set[str]) -> None:
    assert verdicts(run(front=front), "3.9") == expected


@pytest.mark.parametrize(
    "origin, expected",
    [
        pytest.param(MADE_IN + "Label printed in Canada.\n", {"pass"}, id="3.10-label-printed-in"),
        pytest.param(MADE_IN + "Printed in U.S.A.\n", {"fail"}, id="3.10-printed-in-without-label"),
        pytest.param(None, set(), id="3.10-no-reference"),
    ],
)
def test_3_10_place_of_label_manufacture(origin: str | None, expected: set[str]) -> None:
    assert verdicts(run(origin), "3.10") == expected
