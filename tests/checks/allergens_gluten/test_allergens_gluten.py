"""Allergens, gluten and sulphites (cfia-rules.md section 9): one table per rule, label text and the FDR verdict.

Rows are printed panel text parsed by parse_label, many taken from the CFIA Industry Labelling Tool
examples ("Enriched flour (wheat) • Buttermilk (cultured milk ...) • Butter", "Contains: Wheat • Milk •
Sesame • Sulphites"); a few rows whose point is a line position build the facts directly.
"""

from __future__ import annotations

import pytest

from labeliq.checks.allergens_gluten.checker import check
from labeliq.checks.allergens_gluten.sources import declared_keys, scan_list
from labeliq.models import AllergenStatement, Finding, LabelFacts, Panel, Provenance, TextFact, Verdict
from tests.checks.factories import assert_verdict, edited_sample, parsed_panels, printed_list, sample_context, verdicts


def back(
    en_list: str,
    contains: str | None = None,
    may: str | None = None,
    fr_list: str | None = None,
    contient: str | None = None,
    peut: str | None = None,
    front: str = "",
) -> list[Finding]:
    """A back panel with the English block, then (optionally) the French block, parsed and checked."""
    lines = [f"Ingredients: {en_list}"]
    lines += [f"Contains: {contains}"] if contains is not None else []
    lines += [f"May contain: {may}"] if may is not None else []
    if fr_list is not None:
        lines += ["", f"Ingrédients : {fr_list}"]
        lines += [f"Contient : {contient}"] if contient is not None else []
        lines += [f"Peut contenir : {peut}"] if peut is not None else []
    lines += ["", "Maple Grove Foods Inc.", "412 Woolwich St., Guelph, Ontario N1H 3W4"]
    panels = {"back": "\n".join(lines)}
    if front:
        panels["front"] = front
    return check(parsed_panels(panels), sample_context())


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        pytest.param("Whey powder", "en", "milk", id="9.1-whey-is-milk"),
        pytest.param("Sodium caseinate", "en", "milk", id="9.1-caseinate-is-milk"),
        pytest.param("Liquid albumin", "en", "egg", id="9.1-albumin-is-egg"),
        pytest.param("Tahini", "en", "sesame", id="9.1-tahini-is-sesame"),
        pytest.param("Semolina", "en", "wheat", id="9.1-semolina-is-wheat"),
        pytest.param("Spelt flakes", "en", "wheat", id="9.2-spelt-is-wheat"),
        pytest.param("Barley malt extract", "en", "barley", id="9.2-malt-is-barley"),
        pytest.param("Enriched flour", "en", "wheat", id="9.1-flour-is-wheat"),
        pytest.param("Lactosérum", "fr", "milk", id="9.1-lactoserum-est-lait"),
        pytest.param("Extrait de malt d'orge", "fr", "barley", id="9.2-orge"),
        pytest.param("Beurre", "fr", "milk", id="9.1-beurre-est-lait"),
        pytest.param("Noix de Grenoble", "fr", "walnut", id="9.1-noix-de-grenoble"),
        pytest.param("Soy lecithin", "en", "soy", id="9.1-soy-lecithin-is-soy"),
    ],
)
def test_9_1_9_2_sources_are_recognised(text: str, lang: str, source: str) -> None:
    assert source in {d.key for d in scan_list(text, lang).sources}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "not_source"),
    [
        pytest.param("Cocoa butter", "en", "milk", id="9.1-cocoa-butter-is-not-milk"),
        pytest.param("Coconut milk", "en", "milk", id="9.1-coconut-milk-is-not-milk"),
        pytest.param("Buckwheat flour", "en", "wheat", id="9.1-buckwheat-is-not-wheat"),
        pytest.param("Rice flour", "en", "wheat", id="9.1-rice-flour-is-not-wheat"),
        pytest.param("Noix de coco", "fr", "walnut", id="9.1-noix-de-coco-nest-pas-noix"),
        pytest.param("Blé d'Inde", "fr", "wheat", id="9.1-ble-d-inde-est-du-mais"),
        pytest.param("Maltodextrin", "en", "barley", id="9.2-maltodextrin-is-not-malt"),
        pytest.param("Soybean oil", "en", "soy", id="9.14-refined-soybean-oil-set-apart"),
        pytest.param("Nutmeg", "en", "walnut", id="9.1-nutmeg-is-not-a-nut"),
    ],
)
def test_9_1_look_alikes_are_not_sources(text: str, lang: str, not_source: str) -> None:
    assert not_source not in {d.key for d in scan_list(text, lang).sources}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"en_list": "Enriched flour (wheat), Sugar, Butter (milk), Liquid albumin (egg), Salt."},
            "pass",
            id="9.6-sources-in-parentheses",
        ),
        pytest.param(
            {
                "en_list": "Enriched flour (wheat) • Buttermilk (cultured milk, salt, sodium citrate) • Butter • Cane "
                "sugar • Lemon zest • Sea salt • Sodium bicarbonate."
            },
            "pass",
            id="9.6-CFIA-milk-named-once-covers-butter",
        ),
        pytest.param({"en_list": "Flour, Sugar, Whey powder, Salt."}, "fail", id="9.6-flour-and-whey-undeclared"),
        pytest.param(
            {"en_list": "Flour, Sugar, Whey powder, Salt.", "contains": "Wheat, Milk."},
            "pass",
            id="9.6-declared-in-contains",
        ),
        pytest.param({"en_list": "Chickpeas, Tahini, Lemon juice, Salt."}, "fail", id="9.6-tahini-without-sesame"),
        pytest.param({"en_list": "Surimi, Water, Salt."}, "fail", id="9.6-surimi-without-fish-species"),
        pytest.param({"en_list": "Surimi (pollock, sugar, salt), Water."}, "pass", id="9.6-surimi-with-pollock"),
        pytest.param({"en_list": "Rice flour, Cocoa butter, Sugar."}, "not_applicable", id="9.6-no-allergen"),
        pytest.param(
            {"en_list": "Rice, Water.", "fr_list": "Farine, Sucre, Lactosérum."}, "fail", id="9.6-liste-francaise"
        ),
        pytest.param({"en_list": "Sugar, Cocoa butter, Lecithin, Vanilla."}, "needs_review", id="9.6-lecithin-alone"),
    ],
)
def test_9_6_sources_declared(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.6", expected)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {
                "en_list": "Wheat flour, Water, Sugar, Yeast, Sesame seeds, Whey powder, Potassium bisulphite.",
                "contains": "Wheat • Milk • Sesame • Sulphites",
            },
            "pass",
            id="9.7-CFIA-example-all-declared",
        ),
        pytest.param(
            {"en_list": "Wheat flour, Milk, Eggs, Salt.", "contains": "Wheat, Milk."}, "fail", id="9.7-egg-missing"
        ),
        pytest.param(
            {"en_list": "Wheat flour, Dried apricots (apricots, sodium metabisulphite).", "contains": "Wheat."},
            "fail",
            id="9.7-sulphites-missing",
        ),
        pytest.param(
            {"en_list": "Wheat flour, Milk.", "contains": "WHEAT, MILK."}, "fail", id="9.7-entries-in-capitals"
        ),
        pytest.param(
            {"en_list": "Wheat flour, Water.", "contains": "Wheat.", "fr_list": "Farine de blé, Eau."},
            "fail",
            id="9.7-no-french-contient",
        ),
        pytest.param(
            {
                "en_list": "Rice, Salt.",
                "fr_list": "Riz, Farine d'avoine, Sel.",
                "contains": "Oats.",
                "contient": "Blé.",
            },
            "fail",
            id="9.7-contient-misses-avoine",
        ),
    ],
)
def test_9_7_contains_statement_complete(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.7", expected)


def test_9_7_generic_name_is_reported_once_under_9_4() -> None:
    findings = back("Salmon, Rice.", contains="Fish.")
    assert_verdict(findings, "9.4", "fail")
    assert "fail" not in verdicts(findings, "9.7")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"en_list": "Almonds, Milk chocolate.", "contains": "Almonds, Milk."}, "pass", id="9.4-prescribed"
        ),
        pytest.param({"en_list": "Rice, Salt.", "may": "Tree nuts."}, "fail", id="9.4-tree-nuts-generic"),
        pytest.param({"en_list": "Shrimp, Rice.", "contains": "Shellfish."}, "fail", id="9.4-shellfish-generic"),
        pytest.param({"en_list": "Salmon, Rice.", "contains": "Fish."}, "fail", id="9.4-fish-needs-species"),
        pytest.param({"en_list": "Wheat flour, Water.", "contains": "Gluten."}, "fail", id="9.4-gluten-generic"),
        pytest.param({"en_list": "Spelt flour, Water.", "contains": "Spelt."}, "fail", id="9.4-spelt-not-prescribed"),
        pytest.param({"en_list": "Raisins, Mixed nuts, Salt."}, "fail", id="9.4-mixed-nuts-in-list"),
        pytest.param(
            {"en_list": "Raisins, Mixed nuts (almonds, cashews), Salt.", "contains": "Almonds, Cashews."},
            "pass",
            id="9.4-mixed-nuts-named-in-list",
        ),
        pytest.param(
            {"en_list": "Rice.", "may": "Walnuts.", "fr_list": "Riz.", "peut": "Noix."},
            "pass",
            id="9.4-noix-is-walnuts-in-french",
        ),
        pytest.param(
            {"en_list": "Rice.", "may": "Tree nuts.", "fr_list": "Riz.", "peut": "Noix."},
            "fail",
            id="9.4-noix-translating-tree-nuts",
        ),
        pytest.param(
            {"en_list": "Rice.", "may": "Shrimp.", "fr_list": "Riz.", "peut": "Fruits de mer."},
            "fail",
            id="9.4-fruits-de-mer-generic",
        ),
    ],
)
def test_9_4_prescribed_names(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.4", expected)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param({"en_list": "Potatoes, Dried onion (sulphur dioxide), Salt."}, "fail", id="9.5-SO2-unnamed"),
        pytest.param(
            {"en_list": "Potatoes, Dried onion (sulphur dioxide (sulphites)), Salt."},
            "pass",
            id="9.5-SO2-followed-by-sulphites",
        ),
        pytest.param(
            {"en_list": "Potatoes, Dried onion (sulphur dioxide), Salt, Potassium metabisulphite."},
            "pass",
            id="9.5-another-sulphite-name-in-list",
        ),
        pytest.param(
            {"en_list": "Potatoes, Dried onion (sulphur dioxide), Salt.", "contains": "Sulphites."},
            "pass",
            id="9.5-sulphites-in-contains",
        ),
        pytest.param(
            {"en_list": "Potatoes, Sodium metabisulphite.", "contains": "Sodium metabisulphite."},
            "fail",
            id="9.5-agent-name-in-contains",
        ),
        pytest.param(
            {"en_list": "Potatoes.", "fr_list": "Pommes de terre, Oignon déshydraté (anhydride sulfureux)."},
            "fail",
            id="9.5-anhydride-sulfureux-sans-sulfites",
        ),
        pytest.param(
            {"en_list": "Potatoes.", "fr_list": "Pommes de terre, Oignon déshydraté (anhydride sulfureux (sulfites))."},
            "pass",
            id="9.5-anhydride-sulfureux-suivi-de-sulfites",
        ),
    ],
)
def test_9_5_sulphite_names(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.5", expected)


@pytest.mark.parametrize(
    ("panel_text", "expected"),
    [
        pytest.param(
            "Ingredients: Water, Sugar, Peanuts.\nContains: Peanuts.\nMay contain: Sesame.", "pass", id="9.8-in-order"
        ),
        pytest.param(
            "Ingredients: Water, Sugar, Peanuts.\nMade in Canada.\nContains: Peanuts.",
            "fail",
            id="9.8-text-between-list-and-contains",
        ),
        pytest.param("Contains: Wheat.\nIngredients: Wheat flour, Water.", "fail", id="9.8-contains-before-the-list"),
        pytest.param(
            "Ingredients: Wheat flour, Water.\nMay contain: Sesame.\nContains: Wheat.",
            "fail",
            id="9.8-may-contain-before-contains",
        ),
    ],
)
def test_9_8_order(panel_text: str, expected: str) -> None:
    assert_verdict(check(parsed_panels({"back": panel_text}), sample_context()), "9.8", expected)


def _phe_facts(same_line: bool) -> LabelFacts:
    text = (
        "Ingredients: Water, Citric acid, Aspartame, Milk.\n"
        + ("Phenylketonurics: Contains phenylalanine. Contains: Milk." if same_line else "Phenylketonurics: Contains "
           "phenylalanine.\nContains: Milk.")
    )  # fmt: skip
    ingredients = printed_list("Water, Citric acid, Aspartame, Milk.")
    ingredients.source.line_start, ingredients.source.line_end = 0, 0
    contains_line = 1 if same_line else 2
    return LabelFacts(
        panels=[Panel(name="back", text=text)],
        ingredients=[ingredients],
        phenylalanine_statements=[
            TextFact(
                text="Phenylketonurics: Contains phenylalanine.",
                language="en",
                source=Provenance(panel="back", line_start=1, line_end=1),
            )
        ],
        contains=[
            AllergenStatement(
                kind="contains",
                language="en",
                title="Contains:",
                text="Milk.",
                items=["Milk"],
                source=Provenance(panel="back", line_start=contains_line, line_end=contains_line),
            )
        ],
    )


@pytest.mark.parametrize(
    ("same_line", "expected"),
    [
        pytest.param(True, "needs_review", id="9.9-contains-on-the-phenylalanine-line"),
        pytest.param(False, None, id="9.9-contains-on-its-own-line"),
    ],
)
def test_9_9_title_height(same_line: bool, expected: str | None) -> None:
    findings = check(_phe_facts(same_line), sample_context())
    if expected is None:
        assert not verdicts(findings, "9.9")
    else:
        assert_verdict(findings, "9.9", expected)
    assert_verdict(findings, "9.8", "pass")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"en_list": "Rice.", "may": "Peanuts.", "fr_list": "Riz.", "peut": "Arachides."},
            "pass",
            id="9.10-bilingual",
        ),
        pytest.param(
            {"en_list": "Rice.", "may": "Peanuts.", "fr_list": "Riz."}, "fail", id="9.10-english-only-may-contain"
        ),
        pytest.param({"en_list": "Rice, Milk powder.", "may": "Milk."}, "fail", id="9.10-may-contain-added-milk"),
        pytest.param({"en_list": "Rice.", "may": "traces of peanuts."}, "needs_review", id="9.10-traces-of-wording"),
    ],
)
def test_9_10_precautionary_statement(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.10", expected)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"en_list": "Rice, Salt.", "may": "Peanuts.", "front": "Peanut-free\nSans arachides"},
            "fail",
            id="9.11-peanut-free-and-may-contain-peanuts",
        ),
        pytest.param(
            {"en_list": "Rice, Salt.", "front": "Allergen-free\nSans allergènes"}, "fail", id="9.11-allergen-free"
        ),
        pytest.param(
            {"en_list": "Rice, Milk powder.", "front": "Dairy-free"}, "fail", id="9.11-dairy-free-with-milk-powder"
        ),
        pytest.param(
            {"en_list": "Rice, Salt.", "front": "Peanut-free\nSans arachides"}, "pass", id="9.11-peanut-free-consistent"
        ),
        pytest.param(
            {"en_list": "Rice flour, Salt.", "may": "Wheat.", "front": "Gluten-free\nSans gluten"},
            "needs_review",
            id="9.11-gluten-free-with-may-contain-wheat",
        ),
    ],
)
def test_9_11_conflicting_claims(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.11", expected)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"en_list": "Rice flour, Sunflower oil, Salt.", "front": "Gluten-free\nSans gluten"},
            "pass",
            id="9.12-rice-crackers-gluten-free",
        ),
        pytest.param(
            {"en_list": "Gluten-free oats, Honey, Salt.", "front": "Gluten-free\nSans gluten"},
            "pass",
            id="9.12-gluten-free-oats",
        ),
        pytest.param(
            {"en_list": "Rolled oats, Honey, Salt.", "front": "Gluten-free\nSans gluten"},
            "fail",
            id="9.12-regular-oats",
        ),
        pytest.param(
            {"en_list": "Rice flour, Barley malt extract.", "front": "Gluten-free"}, "fail", id="9.12-malt-is-gluten"
        ),
        pytest.param({"en_list": "Rice flour, Salt.", "front": "Low gluten"}, "fail", id="9.12-low-gluten"),
    ],
)
def test_9_12_gluten_free(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.12", expected)


def test_9_13_wheat_free_canary_seed() -> None:
    assert_verdict(back("Canary seed, Rice flour.", front="Wheat-free"), "9.13", "fail")
    assert not verdicts(back("Rice flour, Salt.", front="Wheat-free"), "9.13")


@pytest.mark.parametrize(
    ("kwargs", "expected_97", "expected_914"),
    [
        pytest.param(
            {"en_list": "Wheat flour, Soybean oil, Salt.", "contains": "Wheat."},
            "pass",
            "needs_review",
            id="9.14-soybean-oil-not-a-fail",
        ),
        pytest.param(
            {"en_list": "Wheat flour, Soybean oil, Salt.", "contains": "Wheat, Soy."}, "pass", None, id="9.14-declared"
        ),
    ],
)
def test_9_14_refined_oils(kwargs: dict[str, str], expected_97: str, expected_914: str | None) -> None:
    findings = back(**kwargs)
    assert_verdict(findings, "9.7", expected_97)
    if expected_914 is None:
        assert not verdicts(findings, "9.14")
    else:
        assert_verdict(findings, "9.14", expected_914)


def test_9_15_no_list_at_retail() -> None:
    facts = parsed_panels({"front": "Fresh bread\nPain frais\n500 g"})
    assert_verdict(check(facts, sample_context(packaged_at_retail=True)), "9.15", "not_applicable")
    assert_verdict(check(facts, sample_context(packaged_at_retail=False)), "9.6", "needs_review")


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        pytest.param("Wheat • Milk • Sesame", "en", {"wheat", "milk", "sesame"}, id="9.4-entries-read"),
        pytest.param("Blé, Lait, Œufs", "fr", {"wheat", "milk", "egg"}, id="9.4-oe-ligature-folded"),
        pytest.param("Sesame seeds", "en", {"sesame"}, id="9.4-sesame-seeds-prescribed"),
    ],
)
def test_declared_names(text: str, lang: str, keys: set[str]) -> None:
    assert declared_keys(text, lang) >= keys  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sample", "expected_fails"),
    [
        pytest.param("granola-compliant", set(), id="9-granola-compliant-has-no-fail"),
        pytest.param("crackers-date-allergen-faults", {"9.4", "9.5", "9.7"}, id="9-crackers-faults"),
    ],
)
def test_samples_end_to_end(sample: str, expected_fails: set[str]) -> None:
    findings = check(edited_sample(sample=sample), sample_context(sample))
    assert {f.rule for f in findings if f.verdict == Verdict.FAIL} == expected_fails
    if sample.startswith("crackers"):
        contains = [f.message for f in findings if f.rule == "9.7" and f.verdict == Verdict.FAIL]
        assert any("Milk" in m and "Sulphites" in m for m in contains), contains


# --- 9.3: where declared sulphites sit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"en_list": "Apricots, Sugar, Citric acid, Sulphites."}, "pass", id="9.3-sulphites-close-the-list"
        ),
        pytest.param(
            {"en_list": "Apricots, Sulphites, Sugar, Salt."}, "fail", id="9.3-sulphites-before-sugar-out-of-place"
        ),
        pytest.param(
            {"en_list": "Golden raisins (raisins, sulphites), Wheat flour, Salt."},
            "pass",
            id="9.3-sulphites-in-parentheses-after-their-ingredient",
        ),
        pytest.param(
            {"en_list": "Apricots, Sodium metabisulphite (sulphites), Dried kiwi."},
            "needs_review",
            id="9.3-followed-by-an-unclassified-entry",
        ),
        pytest.param(
            {"en_list": "Dried apricots, Sugar.", "contains": "Sulphites."},
            "pass",
            id="9.3-sulphites-declared-in-contains",
        ),
    ],
)
def test_9_3_sulphite_placement(kwargs: dict[str, str], expected: str) -> None:
    assert_verdict(back(**kwargs), "9.3", expected)


def test_9_3_not_in_play_without_sulphites() -> None:
    assert verdicts(back("Rolled oats, Honey, Salt."), "9.3") == set()
