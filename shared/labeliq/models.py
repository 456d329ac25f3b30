"""Pydantic contracts shared by extraction, checks, report, functions and CLI.

Every boundary of the system (a function's request, a Firestore document, report.json) is one of
these models, so a malformed value is refused where it enters instead of deep inside a checker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator, model_validator

SCHEMA_VERSION = "2.1"

Language = Literal["en", "fr", "bilingual", "other", "unknown"]
Group = Literal["identity", "content", "tables"]
GROUPS: tuple[Group, ...] = ("identity", "content", "tables")


def iter_models(value: object) -> Iterator[BaseModel]:
    """Every model in a tree of models, lists and dicts, parents before children (for walks over LabelFacts).

    An explicit stack rather than recursion: the depth of a tree read from a label (nested ingredient lists)
    is the label's to choose, and must never reach the interpreter's recursion limit.
    """
    stack: list[object] = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, BaseModel):
            yield current
            children: list[object] = [getattr(current, name) for name in type(current).model_fields]
        elif isinstance(current, list):
            children = list(current)
        elif isinstance(current, dict):
            children = list(current.values())
        else:
            continue
        stack.extend(reversed(children))  # the first child is walked first, as printed


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    NOT_APPLICABLE = "not_applicable"


class Strict(BaseModel):
    """Base for boundary models: unknown keys are an error, so a typo never passes silently.

    A model's validator is built on its first use, not at import (defer_build): a function's cold start builds only
    the models its request touches (a replayed step: the request, the job), not the report's whole tree."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


# ---------------------------------------------------------------------------------------------
# Provenance and extracted facts
# ---------------------------------------------------------------------------------------------


class BoundingBox(Strict):
    """Pixel box on the source image: x0, y0 top-left; x1, y1 bottom-right."""

    x0: float
    y0: float
    x1: float
    y1: float


def union_box(boxes: list[BoundingBox]) -> BoundingBox:
    """The smallest box holding every box given (a block from its lines, a finding's place from its rows)."""
    return BoundingBox(
        x0=min(b.x0 for b in boxes),
        y0=min(b.y0 for b in boxes),
        x1=max(b.x1 for b in boxes),
        y1=max(b.y1 for b in boxes),
    )


class Provenance(Strict):
    """Where a fact was read: which panel, which lines, and (for photos) where and how surely."""

    panel: str
    line_start: int | None = None  # 0-based line index in the panel text
    line_end: int | None = None
    column: int | None = None  # 0, 1, 2... from the left when a line held side-by-side language columns
    bbox: BoundingBox | None = None
    ocr_confidence: float | None = None


class TextFact(Strict):
    """A piece of label text, its language, and the evidence it was read from."""

    text: str
    language: Language = "unknown"
    evidence: str = ""  # the raw line(s) as printed / as OCR read them
    source: Provenance


# How deep components may nest in an ingredient tree. Printed lists go three or four levels deep; the bound keeps
# every walk over the tree (and its JSON) far from Python's and pydantic's recursion limits, whatever the label.
MAX_INGREDIENT_DEPTH = 16
# How many ingredients and components one list may hold; the rest stays in the list's text only. A real list has
# well under a hundred: the bound keeps the checkers' work per list constant, whatever the text.
MAX_INGREDIENTS = 400


class Ingredient(Strict):
    name: str  # as printed, trimmed, e.g. "Modified milk ingredients"
    components: list[Ingredient] = Field(default_factory=list)


class IngredientList(Strict):
    language: Language
    title: str  # the title exactly as printed, e.g. "Ingredients:" / "Ingrédients :"
    text: str  # the list body after the title, as printed (line breaks folded)
    ingredients: list[Ingredient] = Field(default_factory=list)
    parse_errors: list[str] = Field(default_factory=list)  # e.g. "unbalanced parentheses"
    source: Provenance


class AllergenStatement(Strict):
    """A "Contains"/"Contient" or "May contain"/"Peut contenir" statement."""

    kind: Literal["contains", "may_contain"]
    language: Language
    title: str  # as printed, e.g. "Contains:"
    text: str  # body as printed
    items: list[str] = Field(default_factory=list)  # each entry as printed, e.g. "Milk", "Wheat"
    source: Provenance


class DateMark(Strict):
    """A durable-life or packaging date as printed."""

    kind: Literal["best_before", "packaged_on", "expiry", "use_by", "other"]
    words: str  # the phrase(s) as printed, e.g. "Best before / Meilleur avant"
    words_languages: list[Language] = Field(default_factory=list)  # languages the words appear in
    date_text: str  # the date token as printed, e.g. "26 JN 28" or "2026-06-28"; "" if absent
    explanation: str = ""  # e.g. "see bottom of can" when the date is elsewhere
    source: Provenance


class NutrientValue(Strict):
    """One row of the Nutrition Facts table as printed."""

    key: str  # canonical key, see NUTRIENT_KEYS
    label: str  # the row label as printed, e.g. "Fat / Lipides"
    amount: float | None = None
    unit: str | None = None  # "g", "mg", "µg", "Cal", "kJ"
    amount_text: str = ""  # the amount token as printed, e.g. "0.5 g"
    dv_percent: float | None = None  # %DV as printed on this row, None when none is printed
    source: Provenance


NUTRIENT_KEYS: tuple[str, ...] = (
    "fat",
    "saturated_fat",
    "trans_fat",
    "saturated_plus_trans",  # the combined %DV line
    "polyunsaturated_fat",
    "omega_6",
    "omega_3",
    "monounsaturated_fat",
    "cholesterol",
    "sodium",
    "carbohydrate",
    "fibre",
    "soluble_fibre",
    "insoluble_fibre",
    "sugars",
    "sugar_alcohols",
    "starch",
    "protein",
    "potassium",
    "calcium",
    "iron",
    # vitamins and mineral nutrients of the table to B.01.402 (items 14-37), in its order
    "vitamin_a",
    "vitamin_c",
    "vitamin_d",
    "vitamin_e",
    "vitamin_k",
    "thiamine",
    "riboflavin",
    "niacin",
    "vitamin_b6",
    "folate",
    "vitamin_b12",
    "biotin",
    "pantothenic_acid",
    "choline",
    "phosphorus",
    "iodide",
    "magnesium",
    "zinc",
    "selenium",
    "copper",
    "manganese",
    "chromium",
    "molybdenum",
    "chloride",
    "energy_kj",
)


class NutritionFacts(Strict):
    """The Nutrition Facts / Valeur nutritive table, every value as printed."""

    title: str  # as printed, e.g. "Nutrition Facts Valeur nutritive"
    title_languages: list[Language] = Field(default_factory=list)
    serving_text: str = ""  # e.g. "Per 1 cup (250 mL) / par 1 tasse (250 mL)"
    serving_amount: float | None = None  # metric amount in parentheses
    serving_unit: str | None = None  # "g" or "mL"
    servings_per_container: str | None = None
    calories: float | None = None
    calories_text: str = ""
    nutrients: dict[str, NutrientValue] = Field(default_factory=dict)  # keyed by NUTRIENT_KEYS
    dv_footnote: str = ""  # "*5% or less is a little, 15% or more is a lot" as printed
    not_significant_source: str = ""  # simplified format statement, as printed
    other_language_text: list[str] = Field(default_factory=list)  # lines in a third language
    # Values read inside the table that no row took (an amount or a %DV on a line of its own): on a photo, a sign
    # that a row's value may have been misread or laid out on the wrong line.
    unattached_values: list[str] = Field(default_factory=list)
    source: Provenance


class SupplementedFoodFacts(Strict):
    """Presence of a Supplemented Food Facts table, caution list and identifier."""

    sfft_title: str = ""  # "Supplemented Food Facts / Aliment supplémenté ..." as printed
    # the table's core rows (FDR B.29.002 table items 1-16, worded and rounded as B.01.401's), read like an NFt
    table: NutritionFacts | None = None
    # the rows under its "Supplemented with" subheading (B.29.002 table item 18), keyed as NUTRIENT_KEYS or, for a
    # substance that is not a nutrient of the table, by its first name ("caffeine"); they are in `table` too
    supplemental: list[NutrientValue] = Field(default_factory=list)
    caution_title: str = ""  # "Caution" / "Attention" as printed
    caution_statements: list[TextFact] = Field(default_factory=list)
    identifier_text: str = ""  # SFCI text, e.g. "Supplemented food / Aliment supplémenté"
    source: Provenance


ClaimKind = Literal[
    "nutrient_content",
    "health",
    "natural",
    "kosher",
    "halal",
    "organic",
    "homemade",
    "artisan",
    "gluten_free",
    "allergen_free",
    "origin",
    "ge",
    "raising",
    "sweetener",
    "other",
]


class Claim(Strict):
    kind: ClaimKind
    text: str  # the claim as printed, e.g. "Source of fibre"
    language: Language = "unknown"
    certifier: str = ""  # certifying body printed with or near a halal/kosher/organic claim, as printed
    source: Provenance


class Panel(Strict):
    """One photo or text file of the package: its name, role and full text."""

    name: str  # the file stem, e.g. "front", "back"
    is_principal_display: bool = False  # stem starts with "front"
    is_bottom: bool = False  # stem starts with "bottom"
    text: str  # full text as read (OCR or text file)
    image_uri: str | None = None
    width_px: int | None = None
    height_px: int | None = None


class LabelFacts(Strict):
    """Everything extraction read from the panels; every fact carries its provenance."""

    panels: list[Panel] = Field(default_factory=list)
    common_names: list[TextFact] = Field(default_factory=list)
    brand: list[TextFact] = Field(default_factory=list)
    net_quantity: list[TextFact] = Field(default_factory=list)
    ingredients: list[IngredientList] = Field(default_factory=list)
    contains: list[AllergenStatement] = Field(default_factory=list)  # kind == "contains"
    may_contain: list[AllergenStatement] = Field(default_factory=list)  # kind == "may_contain"
    phenylalanine_statements: list[TextFact] = Field(default_factory=list)
    nutrition_facts: NutritionFacts | None = None
    supplemented: SupplementedFoodFacts | None = None
    dates: list[DateMark] = Field(default_factory=list)
    storage_instructions: list[TextFact] = Field(default_factory=list)
    dealer: list[TextFact] = Field(default_factory=list)  # name and principal place of business
    imported_by: list[TextFact] = Field(default_factory=list)  # "Imported by/for ..." statements
    origin_statements: list[TextFact] = Field(default_factory=list)  # "Product of X", "Made in ..."
    claims: list[Claim] = Field(default_factory=list)
    fop_symbol: list[TextFact] = Field(default_factory=list)  # "High in / Élevé en ..." text
    irradiation: list[TextFact] = Field(default_factory=list)
    sweetener_statements: list[TextFact] = Field(default_factory=list)  # e.g. "as sweet as 2 tsp sugar"
    other_statements: list[TextFact] = Field(default_factory=list)  # anything unclassified
    # What the parser left out to bound its work (labeliq.extraction.bounds), one sentence each; empty on real labels.
    limits: list[str] = Field(default_factory=list)

    def panel(self, name: str) -> Panel | None:
        return next((p for p in self.panels if p.name == name), None)

    def principal_display_panels(self) -> list[Panel]:
        return [p for p in self.panels if p.is_principal_display]

    def full_text(self) -> str:
        return "\n".join(p.text for p in self.panels)


# ---------------------------------------------------------------------------------------------
# What the label cannot tell
# ---------------------------------------------------------------------------------------------


class Quantity(Strict):
    value: float = Field(gt=0)
    unit: Literal["g", "mL", "ml", "kg", "L"]


# The kinds of food whose rules differ by regulation, given explicitly (ProductContext.product_kind): a rule never
# decides them from words in the free-text category.
ProductKind = Literal[
    # B.01.401(4), (5): no Nutrition Facts table; B.01.350(15): no nutrition symbol
    "formulated_liquid_diet",
    "human_milk_fortifier",
    "human_milk_substitute",
    "meal_replacement",
    "nutritional_supplement",
    "very_low_energy_diet_food",
    # B.01.350(15): no nutrition symbol
    "food_for_infants_6_to_12_months",
    "protein_restricted_diet_food",
    # B.01.401(2): may be exempt from the Nutrition Facts table
    "fresh_fruit_or_vegetable",
    "raw_single_ingredient_meat_poultry_or_fish",
    "alcoholic_beverage",
    "restaurant_portion",
    "made_in_store",
    "farmers_market",
    # B.01.350(5), (9): exempt from the nutrition symbol (cheese and yogurt for some nutrients)
    "sweetening_agent",
    "salt",
    "fat_or_oil",
    "cheese",
    "yogurt",
    # B.01.007(3)(c), (d): exempt from the best-before / packaged-on date; B.01.007(7): "use by" instead
    "vending_machine_serving",
    "prepackaged_donut",
    "fresh_yeast",
    # SFCR 231, 244 (CFIA ILT, shell eggs): net quantity by numerical count; a single ingredient: no list
    # (FDR B.01.008(1)(b))
    "shell_eggs",
]

# The commodities that, imported, generally must show "Product of [country]" (CFIA ILT, country of origin,
# mandatory labelling; cfia-rules.md 3.5). Not a kind of food for the other rules: a product can be both a
# "cheese" (product_kind) and a "dairy_product" here.
OriginCommodity = Literal[
    "wine_or_brandy",
    "dairy_product",
    "honey",
    "fish_or_fish_product",
    "fresh_fruit_or_vegetable",
    "shell_eggs",
    "processed_eggs",
    "meat_product",
    "maple_product",
    "processed_fruit_or_vegetable_product",
]


class HouseholdMeasure(Strict):
    """The serving's household measure in both languages, e.g. {"en": "1/2 cup", "fr": "1/2 tasse"}."""

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)


class CanadianDealer(Strict):
    """The Canadian importer or dealer a relabelled food names after "Imported by / Importé par"."""

    name: str = Field(min_length=1)
    address: str = Field(min_length=1)


class CautionaryStatement(Strict):
    """One cautionary statement of the List of Permitted Supplemental Ingredients, in English and French."""

    en: str = Field(min_length=1, max_length=300)
    fr: str = Field(min_length=1, max_length=300)


class ProductContext(Strict):
    """Facts about the product that are not on the label; every field optional."""

    category: str | None = None  # free text for people and the report; no rule reads its words
    product_kind: ProductKind | None = None
    reference_amount: Quantity | None = None
    serving_of_stated_size: Quantity | None = None
    single_serving_container: bool | None = None
    durable_life_days: int | None = Field(default=None, ge=0)
    packaged_at_retail: bool | None = None
    requires_refrigeration: bool | None = None
    imported: bool | None = None
    wholly_manufactured_abroad: bool | None = None
    country_of_origin: str | None = None
    origin_commodity: OriginCommodity | None = None
    main_dish: bool | None = None
    intended_solely_for_children_under_4: bool | None = None
    # B.01.401(2)(a): every item of the table except the serving may be expressed as "0" (a fact of the formulation)
    all_nutrients_zero: bool | None = None
    supplemented_food: bool | None = None
    # B.29.020(1): the cautionary statements column 4 of the List of Permitted Supplemental Ingredients requires for
    # this food's supplemental ingredients and amounts (the List is not in the sources; [] means none is required)
    cautionary_statements: list[CautionaryStatement] | None = None
    available_display_surface_cm2: float | None = Field(default=None, gt=0)
    principal_display_surface_cm2: float | None = Field(default=None, gt=0)
    date: dt.date | None = None  # the day the label is judged; None means today
    # relabel mode (labeliq.relabel): what the sticker needs that a foreign label does not tell
    serving_household_measure: HouseholdMeasure | None = None
    density_g_per_ml: float | None = Field(default=None, gt=0, le=5)
    supplier_nutrients_per_100: dict[str, float] | None = None  # per 100 g/mL, Canadian units, from the supplier
    canadian_dealer: CanadianDealer | None = None

    @field_validator("supplier_nutrients_per_100")
    @classmethod
    def _known_nutrients(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        if value is None:
            return None
        unknown = sorted(set(value) - set(NUTRIENT_KEYS))
        if unknown:
            raise ValueError(f"unknown nutrient key(s) {unknown}; allowed: {', '.join(NUTRIENT_KEYS)}")
        negative = sorted(k for k, v in value.items() if v < 0)
        if negative:
            raise ValueError(f"negative amount for {negative}")
        return value

    def judged_on(self) -> dt.date:
        return self.date or dt.date.today()


# ---------------------------------------------------------------------------------------------
# Findings and reports
# ---------------------------------------------------------------------------------------------


ReviewAction = Literal["accept", "override", "defer"]
VersionKind = Literal["machine", "review", "recheck"]


class FindingReview(Strict):
    """A reviewer's decision on one finding, kept beside the machine verdict (never replacing it)."""

    verdict: Verdict  # the verdict the reviewer stands by (the machine's for accept and defer)
    action: ReviewAction
    reason: str = ""
    reviewer: str
    at: dt.datetime


class FactCorrection(Strict):
    """A reviewer's correction of one extracted fact (an OCR misread, a missed line), with who and why."""

    path: str  # a dotted path into LabelFacts, e.g. "net_quantity.0.text"
    value: JsonValue
    reason: str
    by: str
    at: dt.datetime
    previous: JsonValue = None  # the value before the correction (None when the path was added)


class FindingText(Strict):
    """A finding's words in one more language (the French report): the checker writes them beside the English,
    so either report can be rendered from one stored report.json without a rerun."""

    message: str
    fix: str = ""
    question: str = ""


class Finding(Strict):
    rule: str  # identifier of the row in cfia-rules.md, e.g. "6.5", "10.B.fat", "14.A4"
    verdict: Verdict
    message: str  # a sentence a person understands: what is wrong, where, what the rule requires
    evidence: str = ""  # the label text the verdict rests on
    citation: str  # the regulation, e.g. "FDR B.01.007(5)"
    panel: str | None = None  # the panel the evidence is on, when known
    source: Literal["rules", "llm"] = "rules"
    location: BoundingBox | None = None  # where on the panel's photo the evidence was read, when known
    # "package": a needs_review that only the physical package can settle (type size, colour, border, the radura
    # and the nutrition symbol graphics), listed in summary.package_checks; "label": everything else
    scope: Literal["label", "package"] = "label"
    # Stable across versions of one job's report (labeliq.workspace.finding_ids): decisions name findings by it.
    finding_id: str = ""
    review: FindingReview | None = None  # a reviewer's decision; `verdict` above stays the machine's
    corrected_facts: list[FactCorrection] = Field(default_factory=list)  # corrections this finding's evidence uses
    # Schema 2.1 (issue 15): what a specialist acts on.
    fix: str = ""  # a fail: what to change on the label, in the label's words where possible
    question: str = ""  # a needs_review: the one question a person must answer
    highlight: tuple[int, int] | None = None  # [start, end) of the words that matter inside `evidence`
    fr: FindingText | None = None  # the message, fix and question in French

    @field_validator("rule")
    @classmethod
    def _rule_is_identifier(cls, value: str) -> str:
        if not value or " " in value:
            raise ValueError(f"rule must be an identifier such as '6.5' or '10.B', got {value!r}")
        return value


VERDICT_SEVERITY: dict[Verdict, int] = {
    Verdict.NOT_APPLICABLE: 0,
    Verdict.PASS: 1,
    Verdict.NEEDS_REVIEW: 2,
    Verdict.FAIL: 3,
}


def worst_verdict(verdicts: list[Verdict]) -> Verdict:
    """A checker fails if any finding fails; otherwise it needs review if any does; and so on."""
    return max(verdicts, key=VERDICT_SEVERITY.__getitem__, default=Verdict.NOT_APPLICABLE)


class CheckResult(Strict):
    checker: str
    group: Group
    verdict: Verdict
    findings: list[Finding]
    error: str | None = None  # set when the checker itself could not run

    @classmethod
    def from_findings(cls, checker: str, group: Group, findings: list[Finding]) -> CheckResult:
        return cls(
            checker=checker,
            group=group,
            verdict=worst_verdict([f.verdict for f in findings]),
            findings=findings,
        )


class LlmUsage(Strict):
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    output_tokens: int = 0
    # Label text the model was not shown (the prompt is bounded per group call), one sentence per cut text.
    prompt_cuts: list[str] = Field(default_factory=list)


class GroupResult(Strict):
    """What one check group produced: the unit a workflow branch writes."""

    job_id: str
    group: Group
    results: dict[str, CheckResult]
    llm_usage: LlmUsage = Field(default_factory=LlmUsage)


class Summary(Strict):
    verdict: Verdict
    counts: dict[Verdict, int]
    failing_rules: list[str]
    needs_review_rules: list[str]
    package_checks: list[str] = Field(default_factory=list)  # rules of the package-scope findings: the checklist
    checker_errors: list[str] = Field(default_factory=list)  # checkers that could not judge (raised, or not built)

    @model_validator(mode="before")
    @classmethod
    def _drop_legacy_not_built(cls, data: Any) -> Any:
        """Reports stored before schema 2.0 carry `not_built` (always empty once every checker was built): they
        still load, so a report written before a deploy renders after it."""
        if isinstance(data, dict) and "not_built" in data:
            data = {k: v for k, v in data.items() if k != "not_built"}
        return data


class Report(Strict):
    schema_version: str = SCHEMA_VERSION
    job_id: str
    version: int = 1
    product: str  # the common name (EN / FR) for titles
    judged_on: dt.date
    generated_at: dt.datetime
    context: ProductContext
    label_facts: LabelFacts
    results: dict[str, CheckResult]
    summary: Summary
    llm_usage: LlmUsage = Field(default_factory=LlmUsage)
    mode: Literal["check", "relabel"] = "check"
    relabel: RelabelProposal | None = None  # relabel mode: the foreign label and the proposed sticker
    # Versions of a job's report (labeliq.workspace): the machine's v1, then reviews and rechecks, never rewritten.
    kind: VersionKind = "machine"
    base_version: int | None = None  # the version a review or recheck was made from
    created_by: str | None = None  # the reviewer who made a review or recheck version
    fact_corrections: list[FactCorrection] = Field(default_factory=list)  # every correction behind a recheck


# ---------------------------------------------------------------------------------------------
# Jobs
# ---------------------------------------------------------------------------------------------


class JobStatus(StrEnum):
    QUEUED = "QUEUED"
    EXTRACTING = "EXTRACTING"
    EXTRACTED = "EXTRACTED"
    CHECKING = "CHECKING"
    ASSEMBLED = "ASSEMBLED"
    DONE = "DONE"
    FAILED = "FAILED"


JOB_STATUS_ORDER: dict[JobStatus, int] = {
    JobStatus.QUEUED: 0,
    JobStatus.EXTRACTING: 1,
    JobStatus.EXTRACTED: 2,
    JobStatus.CHECKING: 3,
    JobStatus.ASSEMBLED: 4,
    JobStatus.DONE: 5,
    JobStatus.FAILED: 6,
}


class StatusRegression(ValueError):
    """Raised when a transition would move a job's status backwards (a poller must never see it)."""


def can_transition(current: JobStatus, target: JobStatus) -> bool:
    """Forward only; FAILED and DONE are terminal; repeating the current status is a no-op."""
    if current == target:
        return True
    if current in (JobStatus.DONE, JobStatus.FAILED):
        return False
    if target == JobStatus.FAILED:
        return True
    return JOB_STATUS_ORDER[target] > JOB_STATUS_ORDER[current]


JOB_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"


JobMode = Literal["check", "relabel"]
# The Word report's language (labeliq.docx_text): chosen with the job, or at download.
ReportLanguage = Literal["en", "fr"]


class JobManifest(Strict):
    """incoming/{job_id}/job.json: written last by the uploader; it is the trigger."""

    job_id: str = Field(pattern=JOB_ID_PATTERN)
    panels: list[str] = Field(min_length=1)  # object names relative to incoming/{job_id}/
    context: ProductContext = Field(default_factory=ProductContext)
    # A recheck: the name (among `panels`) of an uploaded LabelFacts JSON to check instead of reading panels.
    facts: str | None = None
    # Chosen by the user, never guessed: `relabel` reads a foreign label and proposes a Canadian sticker.
    mode: JobMode = "check"
    # The language of the report.docx the workflow renders (a download's ?language= still picks another).
    report_language: ReportLanguage = "en"


class GroupFailure(Strict):
    """A check group that failed for good (after the workflow's retries): its checkers could not run."""

    error: str  # the reason, as the workflow caught it (the function's own message when it sent one)
    at: dt.datetime  # when the failure was recorded on the job (by assemble, once the group was settled)


class Job(Strict):
    job_id: str = Field(pattern=JOB_ID_PATTERN)
    status: JobStatus = JobStatus.QUEUED
    panels: list[str] = Field(default_factory=list)
    context: ProductContext = Field(default_factory=ProductContext)
    created_at: dt.datetime
    updated_at: dt.datetime
    error: str | None = None
    report_version: int | None = None
    # sha256 of the manifest's panels and context and of each panel object's size and MD5, fixed when the job is
    # created: a later upload under the same id with other inputs is refused (job ids are create-once).
    inputs_digest: str | None = None
    mode: JobMode = "check"  # from the manifest: extract and assemble do relabel mode's extra work
    report_language: ReportLanguage = "en"  # from the manifest: the language render_docx writes the DOCX in
    # Check groups that failed for good, by group: a lasting record of which checks could not run (the first
    # reason recorded for a group stays).
    group_failures: dict[str, GroupFailure] = Field(default_factory=dict)

    def advanced(self, target: JobStatus, now: dt.datetime, error: str | None = None) -> Job:
        if not can_transition(self.status, target):
            raise StatusRegression(f"job {self.job_id}: {self.status.value} -> {target.value} refused")
        if target == self.status:
            return self
        return self.model_copy(update={"status": target, "updated_at": now, "error": error or self.error})


# The relabel section's models live with relabel mode; they need Provenance and Strict above, hence the late import.
# Report names it; its validator is built on first use, when this name is there.
from labeliq.relabel.proposal import RelabelProposal  # noqa: E402
