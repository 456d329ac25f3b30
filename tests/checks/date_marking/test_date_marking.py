"""Date marking (cfia-rules.md section 6): one table per rule, label fragments and the verdict FDR B.01.007 gives.

Most rows edit the granola-compliant sample (a real bilingual back panel) and parse it, so the checker is
judged on what the parser reads; rows whose point is layout build the facts directly.
"""

from __future__ import annotations

from typing import Any

import pytest

from labeliq.checks.date_marking.checker import check
from labeliq.checks.date_marking.date_format import read_date
from labeliq.models import DateMark, Finding, LabelFacts, Panel, Provenance, Verdict
from tests.checks.factories import assert_verdict, edited_sample, printed_list, sample_context, verdicts

DATE_BLOCK = "Best before / Meilleur avant\n27 MR 15"
STORAGE = "Store in a cool, dry place.\nConserver dans un endroit frais et sec."


def run(date_block: str | None = None, storage: str | None = None, **context: Any) -> list[Finding]:
    """The granola label with its date block (and storage lines) replaced, checked under context overrides."""
    edits = []
    if date_block is not None:
        edits.append(("back", DATE_BLOCK, date_block))
    if storage is not None:
        edits.append(("back", STORAGE, storage))
    return check(edited_sample(edits), sample_context(**context))


SHORT_LIFE = {"durable_life_days": 30, "packaged_at_retail": False}


@pytest.mark.parametrize(
    ("date_block", "context", "expected"),
    [
        pytest.param("Best before / Meilleur avant\nJA 15", SHORT_LIFE, "pass", id="6.1-bilingual-best-before-30-days"),
        pytest.param("Best before 17 JN 28 Meilleur avant", SHORT_LIFE, "pass", id="6.1-CFIA-example-words-around"),
        pytest.param("", SHORT_LIFE, "fail", id="6.1-no-date-30-days"),
        pytest.param("Best before\nJA 15", SHORT_LIFE, "fail", id="6.1-english-words-only"),
        pytest.param("", {"durable_life_days": None}, "needs_review", id="6.1-durable-life-unknown"),
        pytest.param(
            "",
            {"durable_life_days": None, "category": "fresh chicken breasts", "requires_refrigeration": True},
            "needs_review",
            id="6.1-refrigerated-durable-life-unknown-is-a-question",
        ),
        pytest.param("", {"durable_life_days": 240}, "not_applicable", id="6.1-over-90-days-optional"),
        pytest.param(
            "",
            {"durable_life_days": None, "category": "frozen pizza"},
            "needs_review",
            id="6.1-category-words-decide-nothing",
        ),
    ],
)
def test_6_1_best_before_required(date_block: str, context: dict[str, Any], expected: str) -> None:
    assert_verdict(run(date_block, **context), "6.1", expected)


RETAIL = {"durable_life_days": 5, "packaged_at_retail": True}
ILT_PACKAGED = (
    "Packaged on/ Empaqueté le 17 JN 28 Best if consumed within 5 days after the packaging date appearing on the "
    "label/ Meilleur si consommé dans les 5 jours suivant la date d'emballage sur l'étiquette."
)


@pytest.mark.parametrize(
    ("date_block", "expected"),
    [
        pytest.param(ILT_PACKAGED, "pass", id="6.2-CFIA-packaged-on-with-durable-life"),
        pytest.param("Best before / Meilleur avant\nJN 28", "pass", id="6.2-best-before-also-allowed"),
        pytest.param("Packaged on / Empaqueté le\n17 JN 28", "needs_review", id="6.2-durable-life-maybe-on-poster"),
        pytest.param("Packaged on\n17 JN 28", "fail", id="6.2-packaged-on-english-only"),
        pytest.param("", "fail", id="6.2-no-date-at-retail"),
    ],
)
def test_6_2_packaged_at_retail(date_block: str, expected: str) -> None:
    assert_verdict(run(date_block, **RETAIL), "6.2", expected)


def test_6_2_retail_without_durable_life_is_a_question() -> None:
    assert_verdict(run("", durable_life_days=None, packaged_at_retail=True), "6.2", "needs_review")


@pytest.mark.parametrize(
    ("date_block", "expected"),
    [
        pytest.param(DATE_BLOCK, "pass", id="6.3-words-grouped-with-date"),
        pytest.param(
            "Best before: see bottom of can\nMeilleur avant : voir le fond de la boîte",
            "pass",
            id="6.3-explanation-of-location",
        ),
        pytest.param("Best before / Meilleur avant", "fail", id="6.3-words-without-date"),
    ],
)
def test_6_3_words_with_date(date_block: str, expected: str) -> None:
    assert_verdict(run(date_block), "6.3", expected)


@pytest.mark.parametrize(
    ("date_text", "expected"),
    [
        pytest.param("27 MR 15", "pass", id="6.4-year-month-day"),
        pytest.param("2027 JN 28", "pass", id="6.4-four-digit-year-first"),
        pytest.param("JN 28", "pass", id="6.4-year-optional"),
        pytest.param("28 FE 29", "pass", id="6.4-leap-day-2028"),
        pytest.param("2027-03-15", "fail", id="6.4-ISO-date"),
        pytest.param("06/28/25", "fail", id="6.4-US-order-numeric"),
        pytest.param("28 JN 2027", "fail", id="6.4-day-month-year"),
        pytest.param("JN 31", "fail", id="6.4-June-31-does-not-exist"),
        pytest.param("27 FE 29", "fail", id="6.4-Feb-29-2027-does-not-exist"),
    ],
)
def test_6_4_format(date_text: str, expected: str) -> None:
    assert_verdict(run(f"Best before / Meilleur avant\n{date_text}"), "6.4", expected)


@pytest.mark.parametrize(
    ("date_text", "expected"),
    [
        pytest.param("17 JN 28", "pass", id="6.5-JN-code"),
        pytest.param("27 AL 15", "pass", id="6.5-AL-code"),
        pytest.param("June 28 juin", "pass", id="6.5-CFIA-month-in-both-languages"),
        pytest.param("27 JU 28", "fail", id="6.5-JU-is-not-a-month-code"),
        pytest.param("27 AP 15", "fail", id="6.5-AP-is-not-a-month-code"),
        pytest.param("27 MY 15", "fail", id="6.5-MY-is-not-a-month-code"),
        pytest.param("27 JUN 28", "fail", id="6.5-JUN-is-not-a-month-code"),
        pytest.param("27 SEP 12", "fail", id="6.5-SEP-is-not-a-month-code"),
        pytest.param("June 28", "fail", id="6.5-month-word-english-only"),
    ],
)
def test_6_5_month_codes(date_text: str, expected: str) -> None:
    assert_verdict(run(f"Best before / Meilleur avant\n{date_text}"), "6.5", expected)


def test_6_5_cfia_example_with_words_around_the_date() -> None:
    findings = run("Best before June 28 juin Meilleur avant")
    assert_verdict(findings, "6.5", "pass")
    assert "fail" not in {f.verdict.value for f in findings}


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        pytest.param("prepackaged_donut", "pass", id="6.7-donuts-exempt"),
        pytest.param("fresh_fruit_or_vegetable", "pass", id="6.7-fresh-vegetables-exempt"),
        pytest.param("vending_machine_serving", "pass", id="6.7-vending-machine-serving-exempt"),
        pytest.param(None, None, id="6.7-no-kind-not-exempt"),
    ],
)
def test_6_7_exemptions(kind: str | None, expected: str | None) -> None:
    findings = run("", product_kind=kind, durable_life_days=5)
    if expected is None:
        assert not verdicts(findings, "6.7")
        assert_verdict(findings, "6.1", "fail")
    else:
        assert_verdict(findings, "6.7", expected)
        assert "fail" not in verdicts(findings, "6.1")


@pytest.mark.parametrize(
    ("date_block", "expected"),
    [
        pytest.param(DATE_BLOCK, "pass", id="6.8-optional-date-in-prescribed-form"),
        pytest.param("Best by 27 MR 15", "fail", id="6.8-best-by-is-another-system"),
        pytest.param("BB/MA 27 MR 15", "fail", id="6.8-BB-MA-abbreviation"),
        pytest.param("Best before\n27 MR 15", "fail", id="6.8-optional-date-english-words-only"),
    ],
)
def test_6_8_optional_date_keeps_the_system(date_block: str, expected: str) -> None:
    assert_verdict(run(date_block, durable_life_days=365), "6.8", expected)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        pytest.param("fresh_yeast", "pass", id="6.9-use-by-on-fresh-yeast"),
        pytest.param(None, "fail", id="6.9-use-by-on-other-food"),
        pytest.param("cheese", "fail", id="6.9-use-by-on-another-kind"),
    ],
)
def test_6_9_use_by(kind: str | None, expected: str) -> None:
    findings = run("Use by / Employez avant\n26 JA 15", product_kind=kind, durable_life_days=30)
    assert_verdict(findings, "6.9", expected)


def test_6_9_use_by_on_a_label_named_yeast_asks_whether_it_is_fresh_yeast() -> None:
    edits = [
        ("back", DATE_BLOCK, "Use by / Employez avant\n26 JA 15"),
        ("front", "Oat & Honey Granola Bars", "Baker's Yeast"),
        ("front", "Barres granola à l'avoine et au miel", "Levure de boulanger"),
    ]
    findings = check(edited_sample(edits), sample_context(durable_life_days=30))
    review = [f for f in findings if f.rule == "6.9"]
    assert [f.verdict.value for f in review] == ["needs_review"]
    assert "fresh yeast" in review[0].question


@pytest.mark.parametrize(
    ("date_block", "kind", "expected"),
    [
        pytest.param("Exp. 2027 JA 15", "meal_replacement", "pass", id="6.10-expiry-on-meal-replacement"),
        pytest.param("", "human_milk_substitute", "fail", id="6.10-infant-formula-without-expiry"),
        pytest.param("Exp. 2027 JA 15", None, "needs_review", id="6.10-expiry-on-ordinary-food"),
    ],
)
def test_6_10_expiration_date(date_block: str, kind: str | None, expected: str) -> None:
    assert_verdict(run(date_block, product_kind=kind), "6.10", expected)


COLD = {"durable_life_days": 21, "requires_refrigeration": True, "category": "fresh pasta"}


@pytest.mark.parametrize(
    ("date_block", "storage", "expected"),
    [
        pytest.param(
            DATE_BLOCK, "Keep refrigerated.\nGarder réfrigéré.", "pass", id="6.11-bilingual-keep-refrigerated"
        ),
        pytest.param(
            "Best before/ Meilleur avant JN 28 Keep refrigerated/ Garder réfrigéré", "", "pass", id="6.11-CFIA-one-line"
        ),
        pytest.param(DATE_BLOCK, "Keep refrigerated.", "fail", id="6.11-english-only"),
        pytest.param(DATE_BLOCK, STORAGE, "fail", id="6.11-room-temperature-text-only"),
        pytest.param(
            DATE_BLOCK,
            "Refrigerate after opening.\nRéfrigérer après ouverture.",
            "fail",
            id="6.11-after-opening-does-not-cover-unopened",
        ),
    ],
)
def test_6_11_storage_instructions(date_block: str, storage: str, expected: str) -> None:
    assert_verdict(run(date_block, storage, **COLD), "6.11", expected)


def _facts_with_date_inside_list() -> LabelFacts:
    text = "Ingredients: Oats, Sugar,\nBest before / Meilleur avant JN 28\nHoney, Salt."
    ingredients = printed_list("Oats, Sugar, Honey, Salt.")
    ingredients.source.line_start, ingredients.source.line_end = 0, 2
    mark = DateMark(
        kind="best_before",
        words="Best before / Meilleur avant",
        words_languages=["en", "fr"],
        date_text="JN 28",
        source=Provenance(panel="back", line_start=1, line_end=1),
    )
    return LabelFacts(panels=[Panel(name="back", text=text)], ingredients=[ingredients], dates=[mark])


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param(_facts_with_date_inside_list(), "needs_review", id="6.12-date-inside-ingredient-list"),
        pytest.param(edited_sample(), None, id="6.12-date-apart-from-list"),
    ],
)
def test_6_12_not_grouped_with_list(facts: LabelFacts, expected: str | None) -> None:
    findings = check(facts, sample_context())
    if expected is None:
        assert not verdicts(findings, "6.12")
    else:
        assert_verdict(findings, "6.12", expected)


@pytest.mark.parametrize(
    ("lot", "expected"),
    [
        pytest.param("LOT 27MA15B", "needs_review", id="6.13-lot-code-with-MA"),
        pytest.param("Lot: BB2741", "needs_review", id="6.13-lot-code-with-BB"),
        pytest.param("LOT 2741715", None, id="6.13-plain-lot-code"),
    ],
)
def test_6_13_lot_codes(lot: str, expected: str | None) -> None:
    findings = run(f"{DATE_BLOCK}\n{lot}")
    if expected is None:
        assert not verdicts(findings, "6.13")
    else:
        assert_verdict(findings, "6.13", expected)


@pytest.mark.parametrize(
    ("text", "month", "day", "year"),
    [
        pytest.param("17 JN 28", 6, 28, 2017, id="6.4-reads-year-month-day"),
        pytest.param("June 28 juin", 6, 28, None, id="6.4-reads-words"),
        pytest.param("2027 DE 31", 12, 31, 2027, id="6.4-reads-four-digit-year"),
    ],
)
def test_date_reading_values(text: str, month: int, day: int, year: int | None) -> None:
    reading = read_date(text)
    assert reading.ok and (reading.month, reading.day, reading.year) == (month, day, year)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("7 JN 28", "6.4", id="6.4-one-digit-year"),
        pytest.param("JN 28 27", "6.4", id="6.4-year-after-day"),
        pytest.param("28 juin", "6.5", id="6.5-french-word-only"),
        pytest.param("JN 0", "6.4", id="6.4-day-zero"),
    ],
)
def test_date_reading_problems(text: str, rule: str) -> None:
    assert read_date(text).problems_for(rule)


@pytest.mark.parametrize(
    ("sample", "rule", "expected"),
    [
        pytest.param("granola-compliant", None, None, id="6-granola-compliant-has-no-fail"),
        pytest.param("crackers-date-allergen-faults", "6.5", "fail", id="6.5-crackers-JU"),
    ],
)
def test_samples_end_to_end(sample: str, rule: str | None, expected: str | None) -> None:
    from tests.checks.factories import sample_panels

    panels = sample_panels(sample)
    facts = edited_sample(sample=sample) if panels else edited_sample()
    findings = check(facts, sample_context(sample))
    if rule is None:
        assert Verdict.FAIL not in {f.verdict for f in findings}, [f.message for f in findings]
    else:
        assert_verdict(findings, rule, str(expected))
        assert {f.rule for f in findings if f.verdict == Verdict.FAIL} == {rule}


@pytest.mark.parametrize(
    ("date_block", "rule", "expected"),
    [
        pytest.param("BEST BEFORE / MEILLEUR AVANT 27MR15", "6.5", "pass", id="6.5-glued-code-read"),
        pytest.param("BEST BEFORE / MEILLEUR AVANT\n27JU15", "6.5", "fail", id="6.5-glued-JU-still-caught"),
        pytest.param("Best before / Meilleur avant\n\nLOT 27MA15", "6.3", "fail", id="6.3-lot-code-is-not-the-date"),
    ],
)
def test_dates_the_parser_did_not_isolate(date_block: str, rule: str, expected: str) -> None:
    assert_verdict(run(date_block), rule, expected)


def _bottom_label(reference: bool) -> LabelFacts:
    from labeliq.extraction.text_parser import parse_label

    back = sample_panel_text("back").replace(
        DATE_BLOCK + "\n", "Best before: see bottom / Meilleur avant : voir le dessous\n"
    )
    if not reference:
        back = back.replace("Best before: see bottom / Meilleur avant : voir le dessous\n", "")
    panels = [
        Panel(name="front", is_principal_display=True, text=sample_panel_text("front")),
        Panel(name="back", text=back),
        Panel(name="bottom", is_bottom=True, text="Best before / Meilleur avant\n27 MR 15"),
    ]
    return parse_label(panels)


def sample_panel_text(name: str) -> str:
    from tests.checks.factories import sample_panels

    return sample_panels()[name]


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        pytest.param(True, "pass", id="6.3-bottom-date-referred-to-elsewhere"),
        pytest.param(False, "fail", id="6.3-bottom-date-without-reference"),
    ],
)
def test_6_3_date_on_the_bottom(reference: bool, expected: str) -> None:
    findings = check(_bottom_label(reference), sample_context())
    bottom = [f for f in findings if f.rule == "6.3" and f.panel == "bottom"]
    assert expected in {f.verdict.value for f in bottom}, [f.message for f in findings if f.rule == "6.3"]


@pytest.mark.parametrize(
    ("storage", "expected"),
    [
        pytest.param("Store in refrigerator.\nConserver au réfrigérateur.", "pass", id="6.11-store-in-refrigerator"),
        pytest.param("Keep frozen.\nGarder congelé.", "pass", id="6.11-keep-frozen"),
        pytest.param(
            "Store at or below 4 °C.\nConserver à 4 °C ou moins.", "pass", id="6.11-temperature-in-both-languages"
        ),
    ],
)
def test_6_11_storage_wordings(storage: str, expected: str) -> None:
    assert_verdict(run(DATE_BLOCK, storage, **COLD), "6.11", expected)
