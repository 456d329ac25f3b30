"""The relabel section of report.json: the foreign label's facts and the proposed Canadian sticker.

Every sticker field keeps the text it was made from, whether a machine made it and a review state, because a
translation is a proposal until a person approves or edits it (the jobs API's decisions change `state`). Numbers
of the converted Nutrition Facts table carry the arithmetic that produced them, so a reviewer can redo it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from labeliq.models import Provenance, Strict

FieldState = Literal["proposed", "approved", "edited"]
FIELD_STATES: tuple[FieldState, ...] = ("proposed", "approved", "edited")
NutritionBasis = Literal["per_100g", "per_100ml", "per_serving"]

# The sticker's fields, in the order a label reads (the keys of RelabelProposal.fields).
FIELD_KEYS: tuple[str, ...] = (
    "common_name",
    "net_quantity",
    "ingredients",
    "contains",
    "may_contain",
    "nutrition_facts",
    "nutrition_symbol",
    "best_before",
    "storage",
    "origin",
    "imported_by",
)


# ---------------------------------------------------------------------------------------------
# The foreign label, read in its own language
# ---------------------------------------------------------------------------------------------


class ForeignText(Strict):
    """A piece of the foreign label as printed, with where it was read."""

    text: str
    evidence: str = ""
    source: Provenance


class ForeignIngredient(Strict):
    name: str  # as printed, percentage and emphasis removed
    printed: str  # as printed
    percent: float | None = None
    emphasised: list[str] = Field(default_factory=list)  # allergen words printed in capitals or marked *like this*
    components: list[ForeignIngredient] = Field(default_factory=list)


class ForeignNutrient(Strict):
    key: str  # an NFt key (labeliq.models.NUTRIENT_KEYS), or "salt", "energy_kcal", "added_sugars", "vitamin_d"
    label: str  # the row label as printed
    amount: float
    unit: str  # "g", "mg", "µg", "kcal", "kJ"
    amount_text: str
    less_than: bool = False  # printed "< 0,5 g": the amount is an upper bound


class ForeignNutrition(Strict):
    basis: NutritionBasis
    title: str
    serving_text: str = ""  # US: "2 1/2 cups (28g)"
    serving_amount: float | None = None  # metric, g or mL
    serving_unit: Literal["g", "mL"] | None = None
    serving_metric_converted: bool = False  # the metric serving was converted from US units, not printed
    nutrients: dict[str, ForeignNutrient] = Field(default_factory=dict)
    source: Provenance


class ForeignQuantity(Strict):
    text: str
    amount: float
    unit: Literal["g", "mL"]
    converted_from: str = ""  # e.g. "7 oz" when the metric amount was computed, not printed
    source: Provenance


class ForeignDate(Strict):
    words: str
    date_text: str
    end_of_period: bool = False  # "entro fine 10/2027": the end of the month (or year) printed
    source: Provenance


class ForeignFacts(Strict):
    """What the foreign label says, in its own language."""

    language: str  # "it", "es", "de", "pt", "pl", "en" (American English)
    language_name: str
    names: list[ForeignText] = Field(default_factory=list)  # front-panel lines that may be the product's name
    ingredients: ForeignText | None = None
    ingredient_items: list[ForeignIngredient] = Field(default_factory=list)
    contains: ForeignText | None = None
    contains_items: list[str] = Field(default_factory=list)
    may_contain: ForeignText | None = None
    may_contain_items: list[str] = Field(default_factory=list)
    nutrition: ForeignNutrition | None = None
    net_quantity: ForeignQuantity | None = None
    best_before: ForeignDate | None = None
    storage: list[ForeignText] = Field(default_factory=list)
    origin: ForeignText | None = None
    producer: list[ForeignText] = Field(default_factory=list)
    unread: list[ForeignText] = Field(default_factory=list)  # lines no section took


# ---------------------------------------------------------------------------------------------
# The proposed sticker
# ---------------------------------------------------------------------------------------------


# What a person calls each sticker field, in the DOCX page and the web page alike.
STICKER_FIELD_TITLES: dict[str, str] = {
    "common_name": "Common name",
    "net_quantity": "Net quantity",
    "ingredients": "Ingredients",
    "contains": "Contains",
    "may_contain": "May contain",
    "nutrition_facts": "Nutrition Facts",
    "nutrition_symbol": "Nutrition symbol",
    "best_before": "Best before",
    "storage": "Storage",
    "origin": "Origin",
    "imported_by": "Imported by",
}


class StickerField(Strict):
    """One field of the sticker in English and French, with its source and review state."""

    key: str
    en: str
    fr: str
    source_text: str  # what it was made from, as printed on the foreign label (or the context key it came from)
    provenance: list[Provenance] = Field(default_factory=list)
    machine_made: bool
    state: FieldState = "proposed"
    needs_person: bool = False  # a person must look before approving (always for the common name)
    notes: list[str] = Field(default_factory=list)  # why it needs a person, what was dropped or assumed
    untranslated: list[str] = Field(default_factory=list)  # source terms the translator could not translate
    decided_by: str | None = None  # who approved or edited it (set through labeliq.relabel.decisions)
    decision_reason: str | None = None


class ConvertedNutrient(Strict):
    """One row of the proposed Canadian table, with the arithmetic from the source."""

    key: str
    name_en: str
    name_fr: str
    unit: str
    amount: float | None = None  # rounded, as printed on the sticker; None when it cannot be computed
    true_amount: float | None = None  # before rounding
    dv_percent: int | None = None
    origin: Literal["label", "computed_from_salt", "supplier", "not_declared"]
    computation: str  # e.g. "5.2 g/100 g x 130 g / 100 = 6.76 g -> 7 g (FDR B.01.401 item 3)"


class ConvertedNutrition(Strict):
    """The Nutrition Facts table of the sticker, per the Canadian serving of stated size."""

    basis: NutritionBasis
    serving_amount: float
    serving_unit: Literal["g", "mL"]
    serving_household_en: str = ""
    serving_household_fr: str = ""
    serving_grams_or_ml_from_source: float  # the source amount the serving is compared with (g or mL of food)
    factor: float  # serving / source basis
    factor_text: str  # how the factor was found (density, US serving, ...)
    calories: int | None = None
    calories_computation: str = ""
    rows: list[ConvertedNutrient] = Field(default_factory=list)
    not_declared: list[str] = Field(default_factory=list)  # core nutrients the source does not give
    dropped: list[str] = Field(default_factory=list)  # source rows the Canadian table does not show


class StickerCheck(Strict):
    """What our own checkers said about the rendered sticker."""

    verdict: str
    failing_rules: list[str] = Field(default_factory=list)
    uncontrollable_fails: list[str] = Field(default_factory=list)  # fails caused by data the source does not give
    needs_review_rules: list[str] = Field(default_factory=list)


class RelabelProposal(Strict):
    """The `relabel` section of report.json."""

    source_language: str
    source_language_name: str
    translator: str  # "glossary", "llm:gemini-2.5-flash"
    source_facts: ForeignFacts
    fields: dict[str, StickerField]
    nutrition: ConvertedNutrition | None = None
    nutrition_symbol: list[str] = Field(default_factory=list)  # "sodium", "sugars", "saturated_fat"
    sticker_panels: dict[str, str] = Field(default_factory=dict)  # panel name -> text, as rendered and checked
    untranslated_terms: list[str] = Field(default_factory=list)
    unsettled: list[str] = Field(default_factory=list)  # what the tool could not settle, in words
    check: StickerCheck | None = None
