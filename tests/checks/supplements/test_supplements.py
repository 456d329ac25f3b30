"""Section 12 (supplemented foods): one table per rule over a caffeinated energy drink label and the granola sample."""

from __future__ import annotations

import datetime as dt

import pytest

from labeliq.checks.supplements import checker as supplements
from labeliq.models import Finding, ProductContext
from tests.checks.factories import assert_verdict, edited_sample, parsed_panels, sample_context

FRONT = """SURGE
Caffeinated Energy Drink
Boisson énergisante caféinée
Supplemented / Supplémenté
Health Canada / Santé Canada
473 mL"""
SFFT_TITLE = "Supplemented Food Facts\nRenseignements sur l'aliment supplémenté"
CAUTION_EN = (
    "Caution: Not recommended for children, pregnant or breastfeeding women, individuals sensitive to caffeine. "
    "Do not consume more than 1 can per day."
)
CAUTION_FR = (
    "Attention : Non recommandé aux enfants, aux femmes enceintes ou qui allaitent et aux personnes sensibles à la "
    "caféine. Ne pas consommer plus de 1 canette par jour."
)
BACK = f"""{SFFT_TITLE}
Per 1 can (473 mL) / par 1 canette (473 mL)
Calories 110
Fat / Lipides 0 g
Carbohydrate / Glucides 28 g
 Sugars / Sucres 27 g
Protein / Protéines 0 g
Sodium 200 mg
Supplemental Ingredients / Ingrédients supplémentaires
Caffeine / Caféine 180 mg
Niacin / Niacine 20 mg
{CAUTION_EN}
{CAUTION_FR}

Ingredients: Carbonated water, Sugars (sugar, glucose), Citric acid, Taurine, Natural flavour, Caffeine, Niacinamide.
Ingrédients : Eau gazéifiée, Sucres (sucre, glucose), Acide citrique, Taurine, Arôme naturel, Caféine, Niacinamide.
"""
NFT_TITLE = "Nutrition Facts\nValeur nutritive"
SFCI = "Supplemented / Supplémenté\nHealth Canada / Santé Canada\n"


def drink(front: str = FRONT, back: str = BACK, **context: object) -> list[Finding]:
    ctx = ProductContext(**{"category": "energy drink", "date": dt.date(2026, 11, 24), **context})  # type: ignore[arg-type]
    return supplements.check(parsed_panels({"front": front, "back": back}), ctx)


@pytest.mark.parametrize(
    ("front", "back", "verdict"),
    [
        pytest.param(FRONT, BACK, "pass", id="12.1-sfft-on-supplemented-food"),
        pytest.param(FRONT, BACK.replace(SFFT_TITLE, NFT_TITLE), "fail", id="12.1-cautions-with-nft-instead-of-sfft"),
        pytest.param(
            FRONT,
            BACK + "\nNutrition Facts\nValeur nutritive\nPer 1 can (473 mL)\nCalories 110\nFat / Lipides 0 g\n",
            "fail",
            id="12.1-both-sfft-and-nft",
        ),
    ],
)
def test_12_1_table_kind(front: str, back: str, verdict: str) -> None:
    assert_verdict(drink(front, back), "12.1", verdict)


@pytest.mark.parametrize(
    ("edits", "context", "verdict"),
    [
        pytest.param([], {}, "not_applicable", id="12.1-granola-not-supplemented"),
        pytest.param(
            [("back", "Salt, Tocopherols.", "Salt, Tocopherols, Caffeine.")],
            {},
            "needs_review",
            id="12.1-caffeine-with-nft-context-silent",
        ),
        pytest.param([], {"supplemented_food": True}, "fail", id="12.1-context-says-supplemented-but-nft"),
        pytest.param(
            [("back", "Store in a cool, dry place.", "Caution: Contents may be hot.\nStore in a cool, dry place.")],
            {},
            "needs_review",
            id="12.1-a-caution-line-alone-is-not-a-supplemented-food",
        ),
        pytest.param(
            [],
            {"supplemented_food": True, "date": "2025-06-01"},
            "needs_review",
            id="12.1-before-transition-end",
        ),
    ],
)
def test_12_1_from_context(edits: list[tuple[str, str, str]], context: dict[str, object], verdict: str) -> None:
    assert_verdict(supplements.check(edited_sample(edits), sample_context(**context)), "12.1", verdict)


@pytest.mark.parametrize(
    ("back", "verdict"),
    [
        pytest.param(BACK, "pass", id="12.2-caution-attention-titles-in-sentence-case"),
        pytest.param(BACK.replace("Attention :", "Mise en garde :"), "fail", id="12.2-french-title-mise-en-garde"),
        pytest.param(
            BACK.replace("Do not consume more than 1 can per day.", "DO NOT CONSUME MORE THAN 1 CAN PER DAY."),
            "fail",
            id="12.2-statement-in-capitals",
        ),
    ],
)
def test_12_2_caution_list(back: str, verdict: str) -> None:
    assert_verdict(drink(back=back), "12.2", verdict)


@pytest.mark.parametrize(
    ("front", "back", "verdict"),
    [
        pytest.param(FRONT, BACK, "needs_review", id="12.5-identifier-with-cautions"),
        pytest.param(FRONT.replace(SFCI, ""), BACK, "fail", id="12.5-cautions-without-identifier"),
        pytest.param(
            FRONT,
            BACK.replace(CAUTION_EN + "\n", "").replace(CAUTION_FR + "\n", ""),
            "fail",
            id="12.5-identifier-without-cautions",
        ),
    ],
)
def test_12_5_caution_identifier(front: str, back: str, verdict: str) -> None:
    assert_verdict(drink(front, back), "12.5", verdict)


HIGH_CAFFEINE = "HIGH CAFFEINE CONTENT / TENEUR ÉLEVÉE EN CAFÉINE\n473 mL"


@pytest.mark.parametrize(
    ("front", "verdict"),
    [
        pytest.param(FRONT.replace("473 mL", HIGH_CAFFEINE), "pass", id="12.6-high-caffeine-no-vitamin-claim"),
        pytest.param(
            FRONT.replace("473 mL", HIGH_CAFFEINE + "\nWith B vitamins / Avec vitamines B"),
            "fail",
            id="12.6-high-caffeine-with-vitamin-claim",
        ),
    ],
)
def test_12_6_high_caffeine_and_vitamin_claims(front: str, verdict: str) -> None:
    assert_verdict(drink(front=front), "12.6", verdict)


@pytest.mark.parametrize(
    ("date", "verdict"),
    [
        pytest.param(dt.date(2026, 11, 24), "pass", id="12.10-after-transition"),
        pytest.param(dt.date(2025, 12, 31), "needs_review", id="12.10-last-day-of-transition"),
    ],
)
def test_12_10_transition(date: dt.date, verdict: str) -> None:
    assert_verdict(drink(date=date), "12.10", verdict)


def test_12_11_small_package_needs_review() -> None:
    assert_verdict(drink(available_display_surface_cm2=80), "12.11", "needs_review")
    assert not [f for f in drink() if f.rule == "12.11"]


# --- 12.7, 12.8, 12.9: representation size, adulteration, FOP small-package exemption ----------------------

NO_CAUTIONS = BACK.replace(CAUTION_EN + "\n", "").replace(CAUTION_FR + "\n", "")
CLAIM_FRONT = FRONT + "\nGood source of vitamin C\nBonne source de vitamine C"


@pytest.mark.parametrize(
    ("front", "back", "context", "rule", "verdict"),
    [
        pytest.param(CLAIM_FRONT, BACK, {}, "12.7", "needs_review", id="12.7-claim-beside-cautions-measure-letters"),
        pytest.param(FRONT, BACK, {}, "12.7", "not_applicable", id="12.7-cautions-but-no-claim"),
        pytest.param(CLAIM_FRONT, NO_CAUTIONS, {}, "12.7", "not_applicable", id="12.7-no-cautions-no-size-limit"),
        pytest.param(FRONT, BACK, {}, "12.8", "not_applicable", id="12.8-itself-a-supplemented-food"),
        pytest.param(FRONT, BACK, {}, "12.9", "not_applicable", id="12.9-ads-not-small-fop-rules-apply"),
        pytest.param(
            FRONT,
            BACK,
            {"available_display_surface_cm2": 80},
            "12.9",
            "not_applicable",
            id="12.9-small-with-sfci-exempt-from-symbol",
        ),
        pytest.param(
            FRONT.replace("Supplemented / Supplémenté\nHealth Canada / Santé Canada\n", ""),
            NO_CAUTIONS,
            {"available_display_surface_cm2": 80, "supplemented_food": True},
            "12.9",
            "needs_review",
            id="12.9-small-without-sfci-depends-on-representations",
        ),
    ],
)
def test_12_7_to_12_9(front: str, back: str, context: dict[str, object], rule: str, verdict: str) -> None:
    assert_verdict(drink(front, back, **context), rule, verdict)


def test_12_7_to_12_9_not_in_play_for_ordinary_food() -> None:
    from tests.checks.factories import edited_sample

    findings = supplements.check(edited_sample(), sample_context())
    assert not [f for f in findings if f.rule in ("12.7", "12.8", "12.9")]


def test_12_2_bold_title_and_border_are_a_package_check() -> None:
    """B.29.020(1)(b), (2): bold and the border or background are not in the text; the check goes to the package
    checklist (scope "package"), so it does not hold the label's verdict."""
    from labeliq.scope import scope_of

    (presentation,) = [f for f in drink() if f.rule == "12.2.presentation"]
    assert presentation.verdict.value == "needs_review" and scope_of(presentation) == "package"


CAUTIONS = [
    {"en": "Not recommended for children", "fr": "Non recommandé aux enfants"},
    {"en": "Do not consume more than 1 can per day", "fr": "Ne pas consommer plus de 1 canette par jour"},
]


@pytest.mark.parametrize(
    ("cautions", "verdict"),
    [
        pytest.param(None, "needs_review", id="12.4-no-context-key-is-a-question"),
        pytest.param(CAUTIONS, "pass", id="12.4-every-required-statement-shown-EN-and-FR"),
        pytest.param([], "pass", id="12.4-none-required"),
        pytest.param(
            [*CAUTIONS, {"en": "Do not mix with alcohol", "fr": "Ne pas mélanger avec de l'alcool"}],
            "fail",
            id="12.4-a-required-statement-missing",
        ),
    ],
)
def test_12_4_required_cautionary_statements(cautions: list[dict[str, str]] | None, verdict: str) -> None:
    findings = drink(cautionary_statements=cautions)
    assert_verdict(findings, "12.4", verdict)
    (finding,) = [f for f in findings if f.rule == "12.4"]
    if verdict == "fail":
        assert "Do not mix with alcohol" in finding.fix and "Ne pas mélanger" in finding.fix
    if verdict == "needs_review":
        assert finding.question
