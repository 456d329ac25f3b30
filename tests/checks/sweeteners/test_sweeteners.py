"""Section 11 (sweeteners): one table per rule; rows edit the granola sample's lists and statements."""

from __future__ import annotations

import pytest

from labeliq.checks.sweeteners import checker as sweeteners
from labeliq.models import Finding
from tests.checks.factories import edited_sample, sample_context, sample_panels

EN_TAIL = "Salt, Tocopherols."
FR_TAIL = "Sel, Tocophérols."
EN_CONTAINS = "Contains: Oats, Wheat, Almonds, Milk, Soy."
FR_CONTAINS = "Contient : Avoine, Blé, Amandes, Lait, Soya."
PKU_EN = "Persons with phenylketonuria: contains phenylalanine."
PKU_FR = "Phénylcétonuriques : contient de la phénylalanine."
Edit = tuple[str, str, str]


def add(en: str, fr: str, pku_en: str = "", pku_fr: str = "") -> list[Edit]:
    """Append a sweetener to both lists, optionally with a statement on the next line of each."""
    return [
        ("back", EN_TAIL, f"Salt, Tocopherols, {en}." + (f"\n{pku_en}" if pku_en else "")),
        ("back", FR_TAIL, f"Sel, Tocophérols, {fr}." + (f"\n{pku_fr}" if pku_fr else "")),
    ]


def nft_block() -> str:
    back = sample_panels()["back"]
    return back[: back.index("Ingredients:")]


def run(edits: list[Edit], **context: object) -> list[Finding]:
    return sweeteners.check(edited_sample(edits), sample_context(**context))


def expect(findings: list[Finding], rule: str, verdict: str) -> None:
    got = {f.verdict.value for f in findings if f.rule == rule}
    assert verdict in got, f"{rule}: expected {verdict}, got {got}: {[f.message for f in findings if f.rule == rule]}"
    if verdict == "pass":
        assert got == {"pass"}, [f.message for f in findings if f.rule == rule]
    elif verdict != "fail":
        assert "fail" not in got, [f.message for f in findings if f.rule == rule]


# the label's common name says what the food is (never the words of the context's `category`)
TABLE_TOP_NAME: list[Edit] = [
    ("front", "Oat & Honey Granola Bars", "Table-Top Sweetener"),
    ("front", "Barres granola à l'avoine et au miel", "Édulcorant de table"),
]
GUM_NAME: list[Edit] = [
    ("front", "Oat & Honey Granola Bars", "Sugar-Free Chewing Gum"),
    ("front", "Barres granola à l'avoine et au miel", "Gomme à mâcher sans sucre"),
]


@pytest.mark.parametrize(
    ("edits", "context", "verdict"),
    [
        pytest.param([], {}, "not_applicable", id="11.1-no-sweetener"),
        pytest.param(add("Sucralose", "Sucralose"), {}, "pass", id="11.1-sucralose-permitted"),
        pytest.param(add("Steviol glycosides", "Glycosides de stéviol"), {}, "pass", id="11.1-steviol-glycosides"),
        pytest.param(add("Stevia", "Stévia"), {}, "needs_review", id="11.1-stevia-not-a-listed-name"),
        pytest.param(
            add("Monk fruit extract", "Extrait de fruit du moine"), {}, "fail", id="11.1-monk-fruit-outside-table-top"
        ),
        pytest.param(
            [*add("Monk fruit extract", "Extrait de fruit du moine"), *TABLE_TOP_NAME],
            {},
            "pass",
            id="11.1-monk-fruit-in-table-top",
        ),
        pytest.param(
            add("Monk fruit extract", "Extrait de fruit du moine"),
            {"category": "table-top sweetener"},
            "fail",
            id="11.1-category-words-decide-nothing",
        ),
        pytest.param(
            add("Sodium saccharin", "Saccharine sodique"), {}, "needs_review", id="11.1-saccharin-food-unlisted"
        ),
        pytest.param(
            [*add("Sodium saccharin", "Saccharine sodique"), *GUM_NAME],
            {},
            "pass",
            id="11.1-saccharin-in-gum",
        ),
    ],
)
def test_11_1_permitted_sweeteners(edits: list[Edit], context: dict[str, object], verdict: str) -> None:
    expect(run(edits, **context), "11.1", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(add("Aspartame", "Aspartame", PKU_EN, PKU_FR), "pass", id="11.2-statement-in-both-languages"),
        pytest.param(add("Aspartame", "Aspartame"), "fail", id="11.2-no-statement"),
        pytest.param(
            add(
                "Aspartame",
                "Aspartame",
                "Phenylketonurics: contains phenylalanine / Phénylcétonuriques : contient de la phénylalanine.",
            ),
            "pass",
            id="11.2-one-bilingual-statement-line",
        ),
        pytest.param(add("Aspartame", "Aspartame", PKU_EN), "fail", id="11.2-french-statement-missing"),
        pytest.param(
            add(
                "Aspartame",
                "Aspartame",
                "Aspartame contains phenylalanine.",
                "L'aspartame contient de la phénylalanine.",
            ),
            "pass",
            id="11.2-aspartame-contains-wording",
        ),
    ],
)
def test_11_2_phenylalanine_statement(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "11.2", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(
            add("Aspartame", "Aspartame", PKU_EN, PKU_FR), "needs_review", id="11.3-right-after-list-bold-unknown"
        ),
        pytest.param(
            [
                ("back", EN_TAIL, f"Salt, Tocopherols, Aspartame. {PKU_EN}"),
                ("back", FR_TAIL, f"Sel, Tocophérols, Aspartame. {PKU_FR}"),
            ],
            "needs_review",
            id="11.3-same-line-as-last-ingredient",
        ),
        pytest.param(
            [
                *add("Aspartame", "Aspartame"),
                ("back", EN_CONTAINS, f"{EN_CONTAINS}\n{PKU_EN}"),
                ("back", FR_CONTAINS, f"{FR_CONTAINS}\n{PKU_FR}"),
            ],
            "fail",
            id="11.3-after-contains-statement",
        ),
    ],
)
def test_11_3_statement_placement(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "11.3", verdict)


SWEETNESS = "\n1 packet is as sweet as 2 tsp of sugar.\n1 sachet est aussi sucré que 2 c. à thé de sucre.\n"


@pytest.mark.parametrize(
    ("edits", "context", "verdict"),
    [
        pytest.param(add("Sucralose", "Sucralose"), {}, "not_applicable", id="11.4-not-a-table-top-sweetener"),
        pytest.param([*add("Sucralose", "Sucralose"), *TABLE_TOP_NAME], {}, "fail", id="11.4-no-sweetness-statement"),
        pytest.param(
            [*add("Sucralose", "Sucralose"), *TABLE_TOP_NAME, ("front", "210 g", "210 g" + SWEETNESS)],
            {},
            "pass",
            id="11.4-sweetness-stated",
        ),
        pytest.param(
            add("Sucralose", "Sucralose"),
            {"category": None},
            "not_applicable",
            id="11.4-category-unknown-name-not-a-sweetener",
        ),
    ],
)
def test_11_4_table_top_sweetness(edits: list[Edit], context: dict[str, object], verdict: str) -> None:
    expect(run(edits, **context), "11.4", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(add("Polydextrose", "Polydextrose"), "fail", id="11.5-no-amount"),
        pytest.param(
            [*add("Polydextrose", "Polydextrose"), ("front", "210 g", "210 g\nPolydextrose: 4 g per bar / par barre")],
            "pass",
            id="11.5-amount-per-serving",
        ),
    ],
)
def test_11_5_polydextrose_amount(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "11.5", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(add("Erythritol", "Érythritol"), "pass", id="11.6-nft-present-no-statement-needed"),
        pytest.param([*add("Erythritol", "Érythritol"), ("back", nft_block(), "")], "fail", id="11.6-no-nft-no-amount"),
        pytest.param(
            [
                *add("Erythritol", "Érythritol"),
                ("back", nft_block(), "Erythritol 5 g per bar / Érythritol 5 g par barre\n"),
            ],
            "pass",
            id="11.6-no-nft-amount-stated",
        ),
    ],
)
def test_11_6_erythritol(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "11.6", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(add("Maltitol", "Maltitol"), "fail", id="11.7-polyol-without-nft-row"),
        pytest.param(
            [
                *add("Maltitol", "Maltitol"),
                (
                    "back",
                    " Sugars / Sucres 8 g                  8 %\n",
                    " Sugars / Sucres 8 g                  8 %\n Maltitol 4 g\n",
                ),
            ],
            "pass",
            id="11.7-nft-row-present",
        ),
    ],
)
def test_11_7_sugar_alcohols_in_nft(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "11.7", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(add("Sodium cyclamate", "Cyclamate de sodium"), "fail", id="11.9-cyclamate-in-food"),
        pytest.param(add("Sucralose", "Sucralose"), None, id="11.9-no-cyclamate"),
    ],
)
def test_11_9_cyclamate(edits: list[Edit], verdict: str | None) -> None:
    findings = run(edits)
    if verdict is None:
        assert not [f for f in findings if f.rule == "11.9"]
    else:
        expect(findings, "11.9", verdict)
