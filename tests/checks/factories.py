"""Builders of LabelFacts for checker tests (shared: add functions, never rewrite someone else's).

Checkers take parsed facts; these helpers build the same structures the parser produces, from values
as printed, so a test row reads like the label fragment it stands for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from labeliq.models import (
    Claim,
    ClaimKind,
    Finding,
    Ingredient,
    IngredientList,
    LabelFacts,
    Language,
    NutrientValue,
    NutritionFacts,
    Panel,
    ProductContext,
    Provenance,
    TextFact,
)

# --- Nutrition Facts, claims and FOP symbol (nutrition_facts / fop_symbol / health_claims tests) ----------

NFT_LABELS: dict[str, tuple[str, str]] = {
    "fat": ("Fat / Lipides", "g"),
    "saturated_fat": ("Saturated / saturés", "g"),
    "trans_fat": ("+ Trans / trans", "g"),
    "cholesterol": ("Cholesterol / Cholestérol", "mg"),
    "sodium": ("Sodium", "mg"),
    "carbohydrate": ("Carbohydrate / Glucides", "g"),
    "fibre": ("Fibre / Fibres", "g"),
    "sugars": ("Sugars / Sucres", "g"),
    "protein": ("Protein / Protéines", "g"),
    "potassium": ("Potassium", "mg"),
    "calcium": ("Calcium", "mg"),
    "iron": ("Iron / Fer", "mg"),
    "vitamin_a": ("Vitamin A / Vitamine A", "µg"),
    "vitamin_c": ("Vitamin C / Vitamine C", "mg"),
    "vitamin_d": ("Vitamin D / Vitamine D", "µg"),
    "sugar_alcohols": ("Sugar Alcohols / Polyalcools", "g"),
    "starch": ("Starch / Amidon", "g"),
    "polyunsaturated_fat": ("Polyunsaturated / polyinsaturés", "g"),
    "omega_6": ("Omega-6", "g"),
    "omega_3": ("Omega-3", "g"),
    "monounsaturated_fat": ("Monounsaturated / monoinsaturés", "g"),
    "energy_kj": ("kJ", "kJ"),
}

# The granola-compliant sample's table: amount, %DV.
GRANOLA_ROWS: dict[str, tuple[float, float | None]] = {
    "fat": (5, 7),
    "saturated_fat": (1, None),
    "trans_fat": (0, None),
    "saturated_plus_trans": (0, 5),
    "carbohydrate": (24, None),
    "fibre": (3, 11),
    "sugars": (8, 8),
    "protein": (3, None),
    "cholesterol": (0, None),
    "sodium": (95, 4),
    "potassium": (125, 4),
    "calcium": (20, 2),
    "iron": (1, 6),
}


def _fmt(value: float) -> str:
    return f"{value:g}"


def nutrient_row(key: str, amount: float | None, dv: float | None = None, panel: str = "back") -> NutrientValue:
    label, unit = NFT_LABELS.get(key, (key, "g"))
    if key == "saturated_plus_trans":
        return NutrientValue(
            key=key, label="Saturated + Trans / saturés + trans", dv_percent=dv, source=Provenance(panel=panel)
        )
    return NutrientValue(
        key=key,
        label=label,
        amount=amount,
        unit=unit,
        amount_text="" if amount is None else f"{_fmt(amount)} {unit}",
        dv_percent=dv,
        source=Provenance(panel=panel),
    )


def nutrition_table(
    rows: dict[str, tuple[float | None, float | None]] | None = None,
    calories: float | None = 150,
    serving: tuple[float, str] = (35, "g"),
    title: str = "Nutrition Facts Valeur nutritive",
    footnote: str = "*5% or less is a little, 15% or more is a lot\n*5 "
    "% ou moins c'est peu, 15 % ou plus c'est beaucoup",
    drop: tuple[str, ...] = (),
    not_significant: str = "",
    servings_per_container: str | None = None,
    panel: str = "back",
    **overrides: tuple[float | None, float | None],
) -> NutritionFacts:
    """A table like the granola sample's, with rows replaced by `overrides` (key=(amount, %DV)) or dropped."""
    table = dict(GRANOLA_ROWS if rows is None else rows)
    table.update(overrides)
    nutrients = {k: nutrient_row(k, a, d, panel) for k, (a, d) in table.items() if k not in drop}
    return NutritionFacts(
        title=title,
        title_languages=["en", "fr"],
        serving_text=f"Per 1 bar ({_fmt(serving[0])} {serving[1]}) / pour 1 barre ({_fmt(serving[0])} {serving[1]})",
        serving_amount=serving[0],
        serving_unit=serving[1],
        servings_per_container=servings_per_container,
        calories=calories,
        calories_text="" if calories is None else f"Calories {_fmt(calories)}",
        nutrients=nutrients,
        dv_footnote=footnote,
        not_significant_source=not_significant,
        source=Provenance(panel=panel),
    )


def claim(text: str, kind: ClaimKind = "nutrient_content", language: Language = "en", panel: str = "front") -> Claim:
    return Claim(kind=kind, text=text, language=language, source=Provenance(panel=panel))


def fop_text(text: str, panel: str = "front") -> TextFact:
    return TextFact(text=text, language="bilingual", evidence=text, source=Provenance(panel=panel))


def ingredient_list(names: list[str], language: Language = "en", panel: str = "back") -> IngredientList:
    return IngredientList(
        language=language,
        title="Ingredients:" if language == "en" else "Ingrédients :",
        text=", ".join(names),
        ingredients=[Ingredient(name=n) for n in names],
        source=Provenance(panel=panel),
    )


def nft_label(
    nft: NutritionFacts | None = None,
    claims: list[Claim] | None = None,
    fop: list[str] | None = None,
    ingredients: list[str] | None = None,
    front_text: str = "",
    back_text: str = "",
    no_table: bool = False,
) -> LabelFacts:
    """LabelFacts holding a Nutrition Facts table (the granola sample's by default), claims and a FOP symbol."""
    claim_list = claims or []
    front = front_text or "\n".join(c.text for c in claim_list if c.source.panel == "front")
    return LabelFacts(
        panels=[
            Panel(name="front", is_principal_display=True, text=front),
            Panel(name="back", text=back_text),
        ],
        nutrition_facts=None if no_table else (nutrition_table() if nft is None else nft),
        claims=claim_list,
        fop_symbol=[fop_text(t) for t in (fop or [])],
        ingredients=[ingredient_list(ingredients)] if ingredients else [],
    )


# --- Sample panels through the parser (ingredients / claim_tags / sweeteners / supplements / additives) ------

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples"


def sample_panels(sample: str = "granola-compliant") -> dict[str, str]:
    """The panel texts of a sample folder, by panel name."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((SAMPLES_DIR / sample).glob("*.txt"))}


def sample_context(sample: str = "granola-compliant", **overrides: Any) -> ProductContext:
    """The sample's context.json with keys overridden (None removes nothing: it sets the key to None)."""
    data = json.loads((SAMPLES_DIR / sample / "context.json").read_text(encoding="utf-8"))
    data.update(overrides)
    return ProductContext(**data)


def parsed_panels(panels: dict[str, str]) -> LabelFacts:
    """LabelFacts as the text parser reads these panel texts."""
    from labeliq.extraction.text_parser import parse_label

    return parse_label([Panel(name=name, text=text) for name, text in panels.items()])


def edited_sample(
    edits: list[tuple[str, str, str]] | None = None, sample: str = "granola-compliant", **extra_panels: str
) -> LabelFacts:
    """A sample with (panel, find, replace) edits applied (each `find` must occur once), then parsed."""
    panels = sample_panels(sample)
    for panel, find, replace in edits or []:
        count = panels[panel].count(find)
        if count != 1:
            raise ValueError(f"{find!r} occurs {count} times in panel {panel!r} of {sample}")
        panels[panel] = panels[panel].replace(find, replace)
    panels.update(extra_panels)
    return parsed_panels(panels)


def printed_list(text: str, language: Language = "en", title: str | None = None, panel: str = "back") -> IngredientList:
    """An ingredient list exactly as printed (the checks re-read the text, so no tree is given)."""
    return IngredientList(
        language=language,
        title=("Ingredients:" if language == "en" else "Ingrédients :") if title is None else title,
        text=text,
        source=Provenance(panel=panel),
    )


# --- Verdicts of findings and whole samples through the parser (shared by several checker tests) ----------


def verdicts(findings: list[Finding], rule: str) -> set[str]:
    """The verdicts of the findings whose rule is `rule` (exactly)."""
    return {f.verdict.value for f in findings if f.rule == rule}


def assert_verdict(findings: list[Finding], rule: str, expected: str) -> None:
    """Some finding for `rule` has the expected verdict; unless a fail is expected, none fails."""
    got = verdicts(findings, rule)
    messages = [f.message for f in findings if f.rule == rule]
    assert expected in got, f"{rule}: expected {expected}, got {got}: {messages}"
    if expected != "fail":
        assert "fail" not in got, messages


def parsed_sample(name: str) -> tuple[LabelFacts, ProductContext]:
    """A sample folder as `labeliq check` reads it: panels named "front*" are principal display panels."""
    from labeliq.extraction.text_parser import parse_label

    folder = SAMPLES_DIR / name
    panels = [
        Panel(name=p.stem, is_principal_display=p.stem.startswith("front"), text=p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.txt"))
    ]
    context = ProductContext.model_validate(json.loads((folder / "context.json").read_text(encoding="utf-8")))
    return parse_label(panels), context
