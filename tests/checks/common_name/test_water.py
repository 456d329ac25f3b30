"""1.6.water (FDR B.12.002, B.12.008): the Division 12 statements of prepackaged water and ice, on parsed labels.

Spring-water rows edit the spring-water eval base (a compliant bilingual label, tests/eval/bases/spring-water); other
water and ice rows are short realistic labels; the false-trigger rows are foods whose label says "water" or "ice"
without being prepackaged water or ice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from labeliq.checks.common_name.checker import check
from labeliq.extraction.text_parser import parse_label
from labeliq.intake import make_panel
from labeliq.models import Finding, LabelFacts, ProductContext

SPRING_BASE = Path(__file__).resolve().parents[2] / "eval" / "bases" / "spring-water"
SOURCE = "Source: Saint-Élie-de-Caxton, Quebec\nSource : Saint-Élie-de-Caxton (Québec)\n"
TDS = "Total dissolved mineral salts: 42 ppm\nTeneur totale en sels minéraux dissous : 42 ppm\n"
FLUORIDE = "Total fluoride ion: 0.05 ppm\nTeneur totale en ion fluorure : 0,05 ppm\n"


def parsed(panels: dict[str, str]) -> LabelFacts:
    return parse_label([make_panel(name, text) for name, text in panels.items()])


def spring(*edits: tuple[str, str]) -> LabelFacts:
    """The spring-water base with (find, replace) edits on its back panel; each find occurs once."""
    panels = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SPRING_BASE.glob("*.txt"))}
    for find, replace in edits:
        assert panels["back"].count(find) == 1, find
        panels["back"] = panels["back"].replace(find, replace)
    return parsed(panels)


def water_findings(facts: LabelFacts) -> list[Finding]:
    return [f for f in check(facts, ProductContext()) if f.rule == "1.6.water"]


def verdicts(facts: LabelFacts) -> list[str]:
    return [f.verdict.value for f in water_findings(facts)]


def water(front_extra: str = "", back_extra: str = "", name: str = "Purified Water\nEau purifiée\n") -> LabelFacts:
    front = f"CLAIRO\n{name}500 mL\n{front_extra}"
    back = (
        "Ingredients: Purified water, Ozone.\nIngrédients : Eau purifiée, Ozone.\n"
        f"{back_extra}"
        "Eaux Clairo inc.\n45, rue Principale, Granby (Québec) J2G 2T7\n"
    )
    return parsed({"front": front, "back": back})


def ice(front_extra: str = "", back_extra: str = "") -> LabelFacts:
    front = f"POLAR\nIce Cubes\nGlaçons\n3 kg\n{front_extra}"
    back = f"{back_extra}Glaces Polar ltée\n12, rue du Port, Rimouski (Québec) G5L 1A1\n"
    return parsed({"front": front, "back": back})


@pytest.mark.parametrize(
    "facts, expected",
    [
        pytest.param(spring(), ["pass", "pass", "pass"], id="1.6.water-spring-water-all-three-statements"),
        pytest.param(spring((SOURCE, "")), ["fail", "pass", "pass"], id="1.6.water-spring-source-missing"),
        pytest.param(spring((TDS, "")), ["pass", "fail", "pass"], id="1.6.water-spring-dissolved-salts-missing"),
        pytest.param(spring((FLUORIDE, "")), ["pass", "pass", "fail"], id="1.6.water-spring-fluoride-missing"),
        pytest.param(
            spring((FLUORIDE, "Fluoride: 0.05 mg/L\nFluorure : 0,05 mg/L\n")),
            ["pass", "pass", "needs_review"],
            id="1.6.water-spring-fluoride-in-mg-per-litre-needs-review",
        ),
        pytest.param(
            spring((TDS, "Total dissolved solids: 42\nSolides dissous totaux : 42\n")),
            ["pass", "needs_review", "pass"],
            id="1.6.water-spring-dissolved-salts-without-unit-needs-review",
        ),
        pytest.param(
            spring((SOURCE, "Drawn from a protected spring in the Mauricie hills.\nPuisée dans les collines.\n")),
            ["needs_review", "pass", "pass"],
            id="1.6.water-spring-location-not-recognised-needs-review",
        ),
        pytest.param(
            spring((SOURCE, "Lieu de la source : Saint-Élie-de-Caxton (Québec)\n")),
            ["pass", "pass", "pass"],
            id="1.6.water-spring-french-source-label",
        ),
        pytest.param(
            spring((SOURCE, "Spring: Hope, British Columbia\nSource : Hope (Colombie-Britannique)\n")),
            ["pass", "pass", "pass"],
            id="1.6.water-spring-spring-label-with-a-province",
        ),
        pytest.param(
            spring((SOURCE, ""), ("Eaux Boisées inc.", "Source-Vive inc.")),
            ["fail", "pass", "pass"],
            id="1.6.water-spring-dealer-named-source-is-no-source-statement",
        ),
    ],
)
def test_1_6_water_mineral_or_spring_water(facts: LabelFacts, expected: list[str]) -> None:
    assert verdicts(facts) == expected


def test_1_6_water_cites_b12002_quotes_it_and_says_what_to_add() -> None:
    missing = [f for f in water_findings(spring((FLUORIDE, ""))) if f.verdict.value == "fail"]
    assert len(missing) == 1
    finding = missing[0]
    assert finding.citation == "FDR B.12.002"
    assert "total fluoride ion content expressed in parts per million" in finding.message
    assert "fluoride ion content in parts per million" in finding.fix
    assert finding.fr is not None and "ion fluorure" in finding.fr.fix


def test_1_6_water_french_mineral_water_name_triggers_b12002() -> None:
    facts = parsed(
        {
            "front": "SOURCE DU NORD\nEau minérale naturelle\nNatural Mineral Water\n1 L\n",
            "back": "Source : Lac-Édouard (Québec)\nSource: Lac-Édouard, Quebec\n"
            "Teneur totale en sels minéraux dissous : 310 ppm\nTotal dissolved mineral salts: 310 ppm\n",
        }
    )
    assert verdicts(facts) == ["pass", "pass", "fail"]
    assert all(f.citation == "FDR B.12.002" for f in water_findings(facts))


@pytest.mark.parametrize(
    "facts, expected",
    [
        pytest.param(
            water(front_extra="Fluoride: 0.1 ppm\nFluorure : 0,1 ppm\n"), "pass", id="1.6.water-water-fluoride-on-pdp"
        ),
        pytest.param(
            water(back_extra="Fluoride: 0.1 ppm\nFluorure : 0,1 ppm\n"), "fail", id="1.6.water-water-fluoride-off-pdp"
        ),
        pytest.param(water(), "fail", id="1.6.water-water-fluoride-missing"),
        pytest.param(
            water(front_extra="Fluoride: 0.1 mg/L\nFluorure : 0,1 mg/L\n"),
            "needs_review",
            id="1.6.water-water-fluoride-mg-per-l",
        ),
        pytest.param(
            water(front_extra="Fluoride: 0.7 ppm / Fluorure : 0,7 ppm\n", name="Water with added fluoride\nEau\n"),
            "pass",
            id="1.6.water-water-with-added-fluoride",
        ),
        pytest.param(
            ice(front_extra="Fluoride: < 0.1 ppm / Fluorure : < 0,1 ppm\n"), "pass", id="1.6.water-ice-fluoride-on-pdp"
        ),
        pytest.param(
            ice(back_extra="Fluoride: < 0.1 ppm / Fluorure : < 0,1 ppm\n"),
            "needs_review",
            id="1.6.water-ice-fluoride-off-pdp-needs-review",
        ),
        pytest.param(ice(), "fail", id="1.6.water-ice-fluoride-missing"),
    ],
)
def test_1_6_water_other_water_and_ice(facts: LabelFacts, expected: str) -> None:
    found = water_findings(facts)
    assert [f.verdict.value for f in found] == [expected]
    assert found[0].citation == "FDR B.12.008"


@pytest.mark.parametrize(
    "panels",
    [
        pytest.param(
            {"front": "TROPICO\nCoconut Water\nEau de coco\n330 mL\n", "back": "Ingredients: Coconut water.\n"},
            id="1.6.water-not-applicable-coconut-water",
        ),
        pytest.param(
            {
                "front": "BAKEHOUSE\nWater Crackers\nCraquelins à l'eau\n200 g\n",
                "back": "Ingredients: Wheat flour, water.\n",
            },
            id="1.6.water-not-applicable-water-crackers",
        ),
        pytest.param(
            {"front": "FARMS\nSeedless Watermelon\nMelon d'eau sans pépins\n1 kg\n", "back": "Product of Mexico\n"},
            id="1.6.water-not-applicable-watermelon",
        ),
        pytest.param(
            {"front": "NORDIC\nVanilla Ice Cream\nCrème glacée à la vanille\n1.5 L\n", "back": "Ingredients: Milk.\n"},
            id="1.6.water-not-applicable-ice-cream",
        ),
        pytest.param(
            {"front": "HARVEST\nVegetable Soup\nSoupe aux légumes\n540 mL\n", "back": "Ingredients: Water, carrots.\n"},
            id="1.6.water-not-applicable-water-in-ingredients",
        ),
        pytest.param(
            {"front": "ZEST\nSparkling Water with Lemon Juice\nEau pétillante au jus de citron\n355 mL\n"},
            id="1.6.water-not-applicable-flavoured-water-name",
        ),
    ],
)
def test_1_6_water_other_foods_get_no_water_finding(panels: dict[str, str]) -> None:
    facts = parsed(panels)
    assert facts.common_names, "the row must give the parser a common name to judge"
    assert water_findings(facts) == []
