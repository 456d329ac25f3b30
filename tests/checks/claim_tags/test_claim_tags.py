"""Section 8 (claim tags): one table per rule; rows add claim lines to the granola sample's panels."""

from __future__ import annotations

import pytest

from labeliq.checks.claim_tags import checker as claim_tags
from labeliq.models import Finding
from tests.checks.factories import assert_verdict, edited_sample, sample_context

Edit = tuple[str, str, str]
FRONT_ANCHOR = "Source de fibres"
EN_LIST_START = "Ingredients: Whole grain rolled oats"
FR_LIST_START = "Ingrédients : Flocons d'avoine à grains entiers"


def front(*lines: str) -> list[Edit]:
    return [("front", FRONT_ANCHOR, "\n".join([FRONT_ANCHOR, *lines]))]


def organic_list() -> list[Edit]:
    return [
        ("back", EN_LIST_START, "Ingredients: Organic whole grain rolled oats"),
        ("back", FR_LIST_START, "Ingrédients : Flocons d'avoine à grains entiers biologiques"),
    ]


def run(edits: list[Edit], **context: object) -> list[Finding]:
    return claim_tags.check(edited_sample(edits), sample_context(**context))


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.1-no-claim-natural-flavour-in-list-is-not-one"),
        pytest.param(front("All natural / Tout naturel"), "needs_review", id="8.1-natural-with-additives"),
        pytest.param(
            [
                *front("All natural / Tout naturel"),
                ("back", ", Soy lecithin, Natural flavour, Salt, Tocopherols.", ", Salt."),
                ("back", ", Lécithine de soya, Arôme\nnaturel, Sel, Tocophérols.", ", Sel."),
            ],
            "pass",
            id="8.1-natural-no-additives",
        ),
    ],
)
def test_8_1_natural(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.1", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.2-no-kosher"),
        pytest.param(front("Kosher / Casher"), "needs_review", id="8.2-kosher-certification-unknown"),
        pytest.param(front("Kosher style"), "needs_review", id="8.2-kosher-style-is-a-kosher-claim"),
        pytest.param(front("כשר"), "needs_review", id="8.2-hebrew-letters"),
        pytest.param(
            front("Seasoned with kosher salt / Assaisonné de sel casher"),
            "not_applicable",
            id="8.2-kosher-salt-is-no-claim",
        ),
    ],
)
def test_8_2_kosher(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.2", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.3-no-halal"),
        pytest.param(front("HALAL"), "fail", id="8.3-halal-without-certifier"),
        pytest.param(front("حلال"), "fail", id="8.3-arabic-letters-without-certifier"),
        pytest.param(
            front(
                "HALAL",
                "Certified Halal by the Halal Monitoring Authority",
                "Certifié halal par la Halal Monitoring Authority",
            ),
            "pass",
            id="8.3-certifier-named",
        ),
    ],
)
def test_8_3_halal(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.3", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.4-no-homemade"),
        pytest.param(front("Homemade / Fait maison"), "fail", id="8.4-unqualified-homemade"),
        pytest.param(front("Homemade style / Style maison"), "pass", id="8.4-homemade-style"),
        pytest.param(front("Tastes like homemade / Goût du fait maison"), "pass", id="8.4-tastes-like-homemade"),
    ],
)
def test_8_4_homemade(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.4", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.5-no-artisan"),
        pytest.param(front("Artisan made / Fabrication artisanale"), "needs_review", id="8.5-artisan-made"),
    ],
)
def test_8_5_artisan(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.5", verdict)


CERTIFIED = "Certified organic by Ecocert Canada / Certifié biologique par Ecocert Canada"


@pytest.mark.parametrize(
    ("edits", "rule", "verdict"),
    [
        pytest.param([], "8.6", "not_applicable", id="8.6-no-organic-claim"),
        pytest.param(
            [*front("Organic / Biologique", CERTIFIED), *organic_list()], "8.6", "pass", id="8.6-organic-with-certifier"
        ),
        pytest.param(
            [*front("Organic / Biologique", CERTIFIED), *organic_list()], "8.8", "pass", id="8.8-certifier-named"
        ),
        pytest.param([*front("Organic / Biologique"), *organic_list()], "8.8", "fail", id="8.8-no-certifier"),
        pytest.param(
            front("Organic / Biologique", CERTIFIED), "8.8", "fail", id="8.8-organic-contents-not-marked-in-list"
        ),
        pytest.param(
            [*front("85% organic ingredients / 85 % d'ingrédients biologiques", CERTIFIED), *organic_list()],
            "8.7",
            "pass",
            id="8.7-percentage-70-to-95",
        ),
        pytest.param(
            [*front("60% organic ingredients / 60 % d'ingrédients biologiques", CERTIFIED), *organic_list()],
            "8.7",
            "fail",
            id="8.7-percentage-below-70",
        ),
        pytest.param(
            [*front("85.5% organic ingredients / 85,5 % d'ingrédients biologiques", CERTIFIED), *organic_list()],
            "8.7",
            "fail",
            id="8.7-percentage-not-rounded-down",
        ),
        pytest.param(
            [
                *front(
                    "Organic granola / Granola biologique",
                    "85% organic ingredients / 85 % d'ingrédients biologiques",
                    CERTIFIED,
                ),
                *organic_list(),
            ],
            "8.7",
            "fail",
            id="8.7-organic-claim-below-95",
        ),
        pytest.param(
            [*front("100% organic / 100 % biologique", CERTIFIED), *organic_list()],
            "8.10",
            "fail",
            id="8.10-100-percent",
        ),
        pytest.param(
            [*front("Made with organic oats / Fait avec de l'avoine biologique", CERTIFIED), *organic_list()],
            "8.10",
            "fail",
            id="8.10-made-with-organic",
        ),
        pytest.param(
            [*front("Certified organic / Certifié biologique"), *organic_list()],
            "8.10",
            "fail",
            id="8.10-certified-organic-without-name",
        ),
        pytest.param(
            [*front("Organic", CERTIFIED.split(" / ")[0]), *organic_list()], "8.11", "fail", id="8.11-english-only"
        ),
        pytest.param(
            [*front("Organic / Biologique", CERTIFIED), *organic_list()], "8.11", "pass", id="8.11-both-languages"
        ),
    ],
)
def test_8_6_to_8_11_organic(edits: list[Edit], rule: str, verdict: str) -> None:
    assert_verdict(run(edits), rule, verdict)


def test_8_9_imported_logo_needs_origin_statement() -> None:
    edits = [*front("Canada Organic / Biologique Canada", CERTIFIED), *organic_list()]
    assert_verdict(run(edits, imported=True), "8.9", "fail")
    assert_verdict(run(edits, imported=False), "8.9", "pass")


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.12-no-ge-claim"),
        pytest.param(front("Non-GMO / Sans OGM"), "needs_review", id="8.12-non-gmo"),
    ],
)
def test_8_12_ge_claims(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.12", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="8.13-no-raising-claim"),
        pytest.param(front("Hormone free / Sans hormones"), "fail", id="8.13-hormone-free"),
        pytest.param(
            front("Raised without the use of antibiotics / Élevé sans antibiotiques"),
            "needs_review",
            id="8.13-antibiotics",
        ),
        pytest.param(
            front("Raised without the use of added hormones / Élevé sans hormones ajoutées"),
            "needs_review",
            id="8.13-no-added-hormones-needs-qualifier-check",
        ),
    ],
)
def test_8_13_raising_claims(edits: list[Edit], verdict: str) -> None:
    assert_verdict(run(edits), "8.13", verdict)


@pytest.mark.parametrize(
    "sample", ["granola-compliant", "soup-nutrition-faults", "crackers-date-allergen-faults", "pita-halal-side-by-side"]
)
def test_samples_do_not_fail(sample: str) -> None:
    findings = claim_tags.check(edited_sample(sample=sample), sample_context(sample))
    assert [f.message for f in findings if f.verdict.value == "fail"] == []
