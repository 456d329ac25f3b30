"""Section 5 (list of ingredients): one table per rule, rows are edits of the granola sample's panels."""

from __future__ import annotations

import pytest

from labeliq.checks.ingredients import checker as ingredients
from labeliq.models import Finding, LabelFacts, ProductContext
from tests.checks.factories import edited_sample, sample_context

EN = (
    "Ingredients: Whole grain rolled oats, Sugars (honey, brown sugar, glucose\nsyrup), Crisp rice (rice flour, "
    "sugar, salt), Sunflower oil, Wheat flour,\nAlmonds, Milk powder, Soy lecithin, Natural flavour, Salt, Tocopherols."
)
FR = (
    "Ingrédients : Flocons d'avoine à grains entiers, Sucres (miel, cassonade,\nsirop de glucose), Riz croustillant "
    "(farine de riz, sucre, sel), Huile de\ntournesol, Farine de blé, Amandes, Lait en poudre, Lécithine de soya, Arôme"
    "\nnaturel, Sel, Tocophérols."
)


def verdicts(findings: list[Finding], rule: str, language: str | None = None) -> set[str]:
    return {
        f.verdict.value
        for f in findings
        if f.rule == rule and (language is None or f" {language} " in f" {f.message} ")
    }


def run(edits: list[tuple[str, str, str]], **context: object) -> list[Finding]:
    facts: LabelFacts = edited_sample(edits)
    ctx: ProductContext = sample_context(**context)
    return ingredients.check(facts, ctx)


def en_list(text: str) -> list[tuple[str, str, str]]:
    return [("back", EN, text)]


def fr_list(text: str) -> list[tuple[str, str, str]]:
    return [("back", FR, text)]


def expect(findings: list[Finding], rule: str, verdict: str, language: str | None = None) -> None:
    got = verdicts(findings, rule, language)
    assert verdict in got, f"{rule}: expected {verdict}, got {got}: {[f.message for f in findings if f.rule == rule]}"
    if verdict == "pass":
        assert "fail" not in got


@pytest.mark.parametrize(
    ("edits", "context", "verdict"),
    [
        pytest.param([], {}, "pass", id="5.1-list-present"),
        pytest.param([("back", EN, ""), ("back", FR, "")], {}, "needs_review", id="5.1-no-list-cannot-tell-if-needed"),
        pytest.param(
            [("back", EN, ""), ("back", FR, "")],
            {"packaged_at_retail": True},
            "not_applicable",
            id="5.1-packaged-at-retail-exempt",
        ),
    ],
)
def test_5_1_list_required(edits: list[tuple[str, str, str]], context: dict[str, object], verdict: str) -> None:
    expect(run(edits, **context), "5.1", verdict)


@pytest.mark.parametrize(
    ("edits", "verdict", "language"),
    [
        pytest.param([], "pass", "EN", id="5.2-Ingredients-colon"),
        pytest.param([], "pass", "FR", id="5.2-Ingredients-spaced-colon-FR"),
        pytest.param(en_list("Ingredients : Oats, Salt."), "pass", "EN", id="5.2-spaced-colon-EN"),
        pytest.param(en_list("Ingredient: Oats, Salt."), "fail", "EN", id="5.2-singular-title"),
        pytest.param(en_list("Ingredients list: Oats, Salt."), "fail", "EN", id="5.2-extra-word-after-title"),
        pytest.param(en_list("Ingredients: Made with oats, Salt."), "fail", "EN", id="5.2-words-before-first"),
        pytest.param(fr_list("Ingredients : Flocons d'avoine, Sel."), "fail", "FR", id="5.2-FR-title-without-accent"),
    ],
)
def test_5_2_title(edits: list[tuple[str, str, str]], verdict: str, language: str) -> None:
    expect(run(edits), "5.2", verdict, language)


def test_5_3_order_passes_when_nothing_on_the_label_contradicts_it() -> None:
    found = [f for f in run([]) if f.rule == "5.3"]
    assert [f.verdict.value for f in found] == ["pass"]
    assert "formulation" in found[0].message  # says what the pass rests on and what text cannot show


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="5.5-sample-sentence-case"),
        pytest.param(en_list("Ingredients: Whole Grain Rolled Oats, Salt."), "fail", id="5.5-title-case-entry"),
        pytest.param(en_list("Ingredients: WHOLE GRAIN OATS, SALT."), "fail", id="5.5-all-caps"),
        pytest.param(en_list("Ingredients: whole grain oats, Salt."), "fail", id="5.5-lower-case-first-letter"),
        pytest.param(en_list("Ingredients: Crisp rice (Rice flour, salt), Salt."), "fail", id="5.5-capital-component"),
        pytest.param(en_list("Ingredients: Oats, Canola oil, TBHQ, BHT."), "pass", id="5.5-acronyms-upper-case"),
        pytest.param(
            en_list("Ingredients: Wheat flour, Niacin, Vitamin B12, Folic acid."), "pass", id="5.5-alpha-descriptor"
        ),
        pytest.param(en_list("Ingredients: Water, Dijon mustard, Salt."), "pass", id="5.5-proper-noun-in-name"),
        pytest.param(
            en_list("Ingredients: Oats, Salt, A B vitamin (niacinamide)."),
            "pass",
            id="5.5-alpha-descriptor-before-vitamin",
        ),
        pytest.param(
            en_list("Ingredients: Oats, Salt, Tocopherols (E306)."), "pass", id="5.5-e-number-beside-name-keeps-capital"
        ),
    ],
)
def test_5_5_case(edits: list[tuple[str, str, str]], verdict: str) -> None:
    expect(run(edits), "5.5", verdict, "EN")


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param(fr_list("Ingrédients : Morue de l'Atlantique, Sel."), "pass", id="5.5-fr-elided-proper-noun"),
        pytest.param(fr_list("Ingrédients : Moutarde de Dijon, Sel."), "pass", id="5.5-fr-proper-noun"),
        pytest.param(fr_list("Ingrédients : Flocons d'Avoine, Sel."), "fail", id="5.5-fr-elided-common-word"),
    ],
)
def test_5_5_case_french(edits: list[tuple[str, str, str]], verdict: str) -> None:
    expect(run(edits), "5.5", verdict, "FR")


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="5.6-commas"),
        pytest.param(en_list("Ingredients: Oats • Salt • Canola oil"), "pass", id="5.6-bullets"),
        pytest.param(en_list("Ingredients: Oats; Salt; Canola oil."), "fail", id="5.6-semicolons"),
        pytest.param(en_list("Ingredients: Oats, Canola oil/sunflower oil, Salt."), "fail", id="5.6-slash"),
        pytest.param(en_list("Ingredients: Oats, Canola and/or sunflower oil, Salt."), "pass", id="5.6-and-or-allowed"),
        pytest.param(
            en_list("Ingredients: Oats, Crisp rice (rice flour; salt), Salt."), "fail", id="5.6-component-semicolon"
        ),
    ],
)
def test_5_6_separators(edits: list[tuple[str, str, str]], verdict: str) -> None:
    expect(run(edits), "5.6", verdict, "EN")


def test_5_6_slash_in_a_list_of_unknown_language_needs_review() -> None:
    findings = run([("back", EN, "Ingredients / Ingrédients : Oats / Avoine, Salt / Sel.")])
    assert any(
        f.rule == "5.6" and f.verdict.value == "needs_review" and "could not be told" in f.message for f in findings
    )
    assert not [f for f in findings if f.rule == "5.6" and f.verdict.value == "fail"]


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="5.7-balanced"),
        pytest.param(en_list("Ingredients: Oats, Crisp rice (rice flour, salt, Salt."), "fail", id="5.7-never-closed"),
        pytest.param(en_list("Ingredients: Oats, Crisp rice rice flour, salt), Salt."), "fail", id="5.7-never-opened"),
        pytest.param(en_list("Ingredients: Oats, Crisp rice (rice flour, salt], Salt."), "fail", id="5.7-mismatched"),
    ],
)
def test_5_7_components_in_parentheses(edits: list[tuple[str, str, str]], verdict: str) -> None:
    expect(run(edits), "5.7", verdict, "EN")


SUGARS_EN = "Sugars (honey, brown sugar, glucose\nsyrup)"


@pytest.mark.parametrize(
    ("edits", "verdict", "language"),
    [
        pytest.param([], "pass", "EN", id="5.8-grouped-sugars-component-sugar-not-regrouped"),
        pytest.param([], "pass", "FR", id="5.8-FR-Sucres-group"),
        pytest.param([("back", SUGARS_EN, "Honey, Brown sugar, Glucose\nsyrup")], "fail", "EN", id="5.8-ungrouped"),
        pytest.param([("back", SUGARS_EN, "Honey")], "fail", "EN", id="5.8-lone-honey-still-grouped"),
        pytest.param(
            [("back", SUGARS_EN, "Sugar (honey, brown sugar, glucose\nsyrup)")], "fail", "EN", id="5.8-singular-term"
        ),
        pytest.param(
            [("back", SUGARS_EN, "Sugars (Honey, Brown sugar, glucose\nsyrup)")],
            "fail",
            "EN",
            id="5.8-capitals-in-group",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Sugars (honey; brown sugar; glucose\nsyrup)")],
            "fail",
            "EN",
            id="5.8-semicolons-in-group",
        ),
        pytest.param(
            [("back", "Sucres (miel, cassonade,\nsirop de glucose)", "Miel, Cassonade,\nSirop de glucose")],
            "fail",
            "FR",
            id="5.8-FR-ungrouped-miel",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Sugars (honey, brown sugar), Malt extract")],
            "needs_review",
            "EN",
            id="5.8-malt-extract-of-no-named-grain-needs-review",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Sugars (honey, brown sugar), Barley malt extract")],
            "fail",
            "EN",
            id="5.8-barley-malt-extract-is-annex-1B-malted-barley-extract",
        ),
        pytest.param(
            [
                (
                    "back",
                    "Sucres (miel, cassonade,\nsirop de glucose)",
                    "Sucres (miel, cassonade), Extrait de malt d'orge",
                )
            ],
            "fail",
            "FR",
            id="5.8-FR-extrait-de-malt-d-orge-is-annex-1B",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Sugars (honey), Apple juice concentrate")], "fail", "EN", id="5.8-juice-concentrate"
        ),
    ],
)
def test_5_8_sugars_grouping(edits: list[tuple[str, str, str]], verdict: str, language: str) -> None:
    expect(run(edits), "5.8", verdict, language)


@pytest.mark.parametrize(
    ("edits", "context", "rule_verdicts"),
    [
        pytest.param(
            [("back", SUGARS_EN, "Honey"), ("back", "Sugars / Sucres 8 g", "Sugars / Sucres 0 g")],
            {},
            {"5.9": "pass"},
            id="5.9-less-than-0.5-g-sugars",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Cane sugar"), ("back", "sugar, salt", "salt")],
            {},
            {"5.9": "pass"},
            id="5.9-single-ingredient-named-sugar",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Liquid honey")],
            {"product_kind": "sweetening_agent"},
            {"5.9": "pass"},
            id="5.9-sweetening-agent-itself",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Liquid honey, Cane sugar")],
            {"category": "liquid honey"},
            {"5.8": "fail"},
            id="5.9-category-words-decide-nothing",
        ),
        pytest.param(
            [("back", SUGARS_EN, "Honey, Cane sugar")],
            {},
            {"5.8": "fail"},
            id="5.9-two-sugars-no-exemption",
        ),
    ],
)
def test_5_9_exemptions(
    edits: list[tuple[str, str, str]], context: dict[str, object], rule_verdicts: dict[str, str]
) -> None:
    findings = run(edits, **context)
    for rule, verdict in rule_verdicts.items():
        expect(findings, rule, verdict, "EN")
    if "5.9" in rule_verdicts:
        assert "fail" not in verdicts(findings, "5.8", "EN")


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="5.10-group-has-only-sugars"),
        pytest.param([("back", SUGARS_EN, "Sugars (honey, maltitol)")], "fail", id="5.10-sugar-alcohol-in-group"),
        pytest.param([("back", SUGARS_EN, "Sugars (honey, sucralose)")], "fail", id="5.10-sweetener-in-group"),
    ],
)
def test_5_10_no_sweeteners_in_sugars(edits: list[tuple[str, str, str]], verdict: str) -> None:
    expect(run(edits), "5.10", verdict, "EN")


@pytest.mark.parametrize(
    ("edits", "verdict", "language"),
    [
        pytest.param([], "pass", "EN", id="5.13-no-colour-class-name"),
        pytest.param(en_list("Ingredients: Oats, Salt, Colour."), "fail", "EN", id="5.13-colour-alone"),
        pytest.param(en_list("Ingredients: Oats, Salt, Colour (caramel)."), "fail", "EN", id="5.13-colour-group"),
        pytest.param(
            en_list("Ingredients: Oats, Salt, Artificial colours."), "fail", "EN", id="5.13-artificial-colours"
        ),
        pytest.param(en_list("Ingredients: Oats, Salt, Caramel (colour)."), "pass", "EN", id="5.13-function-note-ok"),
        pytest.param(fr_list("Ingrédients : Avoine, Sel, Colorant."), "fail", "FR", id="5.13-FR-colorant"),
    ],
)
def test_5_13_colour_class_name(edits: list[tuple[str, str, str]], verdict: str, language: str) -> None:
    expect(run(edits), "5.13", verdict, language)


def test_5_14_type_needs_review() -> None:
    expect(run([]), "5.14", "needs_review")


@pytest.mark.parametrize(
    ("edits", "verdict"),
    [
        pytest.param([], "pass", id="5.17-same-count-and-structure"),
        pytest.param(
            [("back", "Amandes, Lait en poudre", "Lait en poudre")], "fail", id="5.17-FR-list-misses-an-ingredient"
        ),
        pytest.param(
            [("back", "Huile de\ntournesol", "Huile de\ncanola")], "needs_review", id="5.17-translation-differs"
        ),
        pytest.param([("back", FR, "")], "needs_review", id="5.17-only-one-language"),
        pytest.param(
            [
                ("back", ", Salt, Tocopherols.", ", Salt 0.5%, Tocopherols."),
                ("back", ", Sel, Tocophérols.", ", Sel 0,5 %, Tocophérols."),
            ],
            "pass",
            id="5.17-french-decimal-comma-is-not-a-separator",
        ),
    ],
)
def test_5_17_english_french_match(edits: list[tuple[str, str, str]], verdict: str) -> None:
    expect(run(edits), "5.17", verdict)


@pytest.mark.parametrize(
    ("sample", "failing"),
    [
        ("granola-compliant", []),
        ("soup-nutrition-faults", []),
        # its lone "Barley malt extract" is Annex 1B's "Malted barley extract": grouped after "Sugars" in each list
        ("crackers-date-allergen-faults", [("5.8", "Barley malt extract"), ("5.8", "Extrait de malt d'orge")]),
    ],
)
def test_samples_fail_only_where_the_regulation_says(sample: str, failing: list[tuple[str, str]]) -> None:
    findings = ingredients.check(edited_sample(sample=sample), sample_context(sample))
    fails = [f for f in findings if f.verdict.value == "fail"]
    assert len(fails) == len(failing)
    for finding, (rule, name) in zip(fails, failing, strict=True):
        assert finding.rule == rule and name in finding.message


# --- 5.4, 5.12, 5.15, 5.16, 5.18: tail items, exempt components, border, location, variation wording ---------

EN_ONE_LINE = (
    "Ingredients: Whole grain rolled oats, Sugars (honey, brown sugar, glucose syrup), Crisp rice (rice flour, "
    "sugar, salt), Sunflower oil, Wheat flour, Almonds, Milk powder"
)


@pytest.mark.parametrize(
    ("edits", "rule", "verdict"),
    [
        pytest.param([], "5.4", "pass", id="5.4-flavour-and-tocopherols-close-the-list"),
        pytest.param(
            en_list(EN_ONE_LINE + ", Seasoning (garlic powder, onion powder), Natural flavour."),
            "5.4",
            "needs_review",
            id="5.4-seasoning-in-the-tail-needs-the-2-percent-check",
        ),
        pytest.param(
            en_list(EN_ONE_LINE + ", Salt."), "5.4", "not_applicable", id="5.4-list-ending-with-salt-uses-no-tail"
        ),
        pytest.param([], "5.12", "pass", id="5.12-wheat-flour-and-salt-need-no-components"),
        pytest.param([], "5.15", "needs_review", id="5.15-border-is-not-in-text"),
        pytest.param([], "5.16", "pass", id="5.16-list-on-the-back-panel"),
        pytest.param(
            en_list(EN_ONE_LINE.replace("Sunflower oil", "Sunflower oil and/or canola oil") + ", Salt."),
            "5.18",
            "needs_review",
            id="5.18-and-or-substitution-wording",
        ),
    ],
)
def test_tail_components_border_location_variation(edits: list[tuple[str, str, str]], rule: str, verdict: str) -> None:
    expect(run(edits), rule, verdict, "EN" if rule in ("5.4", "5.18") else None)


def test_5_18_absent_without_variation_wording() -> None:
    assert verdicts(run([]), "5.18") == set()


def test_5_16_list_only_on_the_bottom_panel_needs_review() -> None:
    from labeliq.extraction.text_parser import parse_label
    from labeliq.models import Panel
    from tests.checks.factories import sample_panels

    panels = sample_panels()
    facts = parse_label(
        [
            Panel(name="front", text=panels["front"], is_principal_display=True),
            Panel(name="bottom", text=panels["back"], is_bottom=True),
        ]
    )
    expect(ingredients.check(facts, sample_context()), "5.16", "needs_review")
