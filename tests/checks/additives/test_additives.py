"""Section 13 (food additives): one table per rule; rows edit the granola sample's lists."""

from __future__ import annotations

import pytest

from labeliq.checks.additives import checker as additives
from labeliq.models import Finding
from tests.checks.factories import edited_sample, sample_context

EN_TAIL = "Salt, Tocopherols."
FR_TAIL = "Sel, Tocophérols."
Edit = tuple[str, str, str]


def add(en: str, fr: str) -> list[Edit]:
    return [("back", EN_TAIL, f"Salt, Tocopherols, {en}."), ("back", FR_TAIL, f"Sel, Tocophérols, {fr}.")]


def run(edits: list[Edit], **context: object) -> list[Finding]:
    return additives.check(edited_sample(edits), sample_context(**context))


def expect(findings: list[Finding], rule: str, verdict: str) -> None:
    got = {f.verdict.value for f in findings if f.rule == rule}
    messages = [f.message for f in findings if f.rule == rule]
    assert verdict in got, f"{rule}: expected {verdict}, got {got}: {messages}"
    if verdict == "pass":
        assert got <= {"pass", "not_applicable"}, messages
    elif verdict != "fail":
        assert "fail" not in got, messages


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="13.1-lecithin-tocopherols-listed"),
        pytest.param(add("Xanthan gum, TBHQ", "Gomme de xanthane, TBHQ"), "pass", id="13.1-listed-name-and-synonym"),
        pytest.param(
            add("Sodium stearoyl fumarate", "Fumarate de stéaroyle sodique"), "needs_review", id="13.1-unknown-name"
        ),
        pytest.param(
            add("Potassium bromate", "Bromate de potassium"), "needs_review", id="13.1-not-in-lexicon-not-fail"
        ),
        pytest.param(add("Niacin, Reduced iron", "Niacine, Fer réduit"), "pass", id="13.1-vitamins-are-not-additives"),
        pytest.param(
            add("Potassium sorbate, Sodium benzoate", "Sorbate de potassium, Benzoate de sodium"),
            "pass",
            id="13.1-french-salt-names",
        ),
        pytest.param(add("Disodium phosphate", "Phosphate de sodium"), "pass", id="13.1-label-form-of-dibasic-name"),
    ],
)
def test_13_1_permitted_names(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "13.1", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="13.3-no-numbers"),
        pytest.param(add("E322", "E322"), "fail", id="13.3-E-number-alone"),
        pytest.param(add("INS 330", "SIN 330"), "fail", id="13.3-INS-number-alone"),
        pytest.param(add("Colour (E150d)", "Colorant (E150d)"), "fail", id="13.3-number-under-class-name"),
        pytest.param(add("Tartrazine (E102)", "Tartrazine (E102)"), "pass", id="13.3-number-supplements-name"),
        pytest.param(add("Citric acid E330", "Acide citrique E330"), "pass", id="13.3-number-after-name"),
    ],
)
def test_13_3_numbers_alone(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "13.3", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "not_applicable", id="13.5-no-colour"),
        pytest.param(add("Allura red, Tartrazine", "Rouge allura, Tartrazine"), "pass", id="13.5-specific-names"),
        pytest.param(add("Caramel (colour)", "Caramel (colorant)"), "pass", id="13.5-function-note"),
        pytest.param(add("Colour", "Colorant"), "fail", id="13.5-class-name"),
        pytest.param(add("Colour (allura red)", "Colorant (rouge allura)"), "fail", id="13.5-names-under-colour"),
        pytest.param(add("Red 40", "Rouge 40"), "needs_review", id="13.5-US-designation"),
    ],
)
def test_13_5_colours(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "13.5", verdict)


def named(en: str, fr: str) -> list[Edit]:
    """The front's common names replaced: the label's own name says what the food is (never `category`)."""
    return [
        ("front", "Oat & Honey Granola Bars", en),
        ("front", "Barres granola à l'avoine et au miel", fr),
    ]


def test_13_5_household_colour_preparation_needs_pdp_words() -> None:
    colour = named("Liquid Food Colour", "Colorant alimentaire liquide")
    findings = run(colour)
    expect(findings, "13.5", "fail")
    with_words = additives.check(
        edited_sample([*colour, ("front", "210 g", "210 g\nFood Colour Preparation")]), sample_context()
    )
    assert any(f.rule == "13.5" and f.verdict.value == "pass" and "Preparation" in f.message for f in with_words)


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="13.9-natural-flavour"),
        pytest.param(
            [("back", "Natural flavour", "Artificial flavour"), ("back", "Arôme\nnaturel", "Arôme\nartificiel")],
            "pass",
            id="13.9-artificial-flavour",
        ),
        pytest.param(
            [
                ("back", "Natural flavour", "Vanilla flavour (artificial)"),
                ("back", "Arôme\nnaturel", "Arôme de vanille (artificiel)"),
            ],
            "needs_review",
            id="13.9-artificial-set-apart",
        ),
        pytest.param(
            [("back", "Natural flavour", "Flavour"), ("back", "Arôme\nnaturel", "Arôme")],
            "needs_review",
            id="13.9-bare-flavour",
        ),
    ],
)
def test_13_9_artificial_flavour_wording(edits: list[Edit], verdict: str) -> None:
    expect(run(edits), "13.9", verdict)


def test_13_8_vanilla_without_colour() -> None:
    vanilla = named("Pure Vanilla Extract", "Extrait de vanille pur")
    coloured = run([*add("Caramel", "Caramel"), *vanilla])
    expect(coloured, "13.8", "fail")
    plain = run(vanilla)
    expect(plain, "13.8", "pass")
    assert not [f for f in run([], category="vanilla extract") if f.rule == "13.8"]  # category words decide nothing


@pytest.mark.parametrize("sample", ["granola-compliant", "soup-nutrition-faults", "crackers-date-allergen-faults"])
def test_samples_do_not_fail(sample: str) -> None:
    findings = additives.check(edited_sample(sample=sample), sample_context(sample))
    assert [f.message for f in findings if f.verdict.value == "fail"] == []


# --- 13.2, 13.4: additives by common name, CNICD class names -----------------------------------------------


@pytest.mark.parametrize(
    ("edits", "rule", "verdict"),
    [
        pytest.param([], "13.2", "pass", id="13.2-lecithin-and-tocopherols-by-name"),
        pytest.param(add("Emulsifier", "Émulsifiant"), "13.2", "fail", id="13.2-bare-function-word-emulsifier"),
        pytest.param(
            add("Preservative (calcium propionate)", "Agent de conservation (propionate de calcium)"),
            "13.2",
            "pass",
            id="13.2-function-word-with-the-specific-name",
        ),
        pytest.param(add("Sodium phosphates", "Phosphates de sodium"), "13.4", "pass", id="13.4-sodium-phosphates"),
    ],
)
def test_13_2_13_4_additive_names(edits: list[Edit], rule: str, verdict: str) -> None:
    expect(run(edits), rule, verdict)


def test_13_2_no_additive_is_not_applicable() -> None:
    edits: list[Edit] = [
        ("back", "Soy lecithin, Natural flavour, Salt, Tocopherols.", "Salt."),
        ("back", "Lécithine de soya, Arôme\nnaturel, Sel, Tocophérols.", "Sel."),
    ]
    expect(run(edits), "13.2", "not_applicable")
    assert not [f for f in run(edits) if f.rule == "13.4"]
