"""The new-check form's context fields: every `labeliq check --context` key with its type and the rules it informs.

The list is checked against `ProductContext` by the tests, so a key added to the model without a form field (or the
other way round) fails the build instead of silently never reaching the checkers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from labeliq.models import OriginCommodity, ProductKind

FieldKind = Literal["text", "quantity", "bool", "int", "number", "date", "json", "choice"]


@dataclass(frozen=True)
class ContextField:
    key: str
    label: str
    kind: FieldKind
    help: str  # which rules the value informs, as the README's context table says
    choices: tuple[str, ...] = ()  # the allowed values of a "choice" field (a Literal of the model)


CONTEXT_FIELDS: tuple[ContextField, ...] = (
    ContextField(
        "category",
        "Food category",
        "text",
        'A description for people and the report, e.g. "granola bar", "canned soup"; no rule decides anything from '
        "its words (the product kind below does).",
    ),
    ContextField(
        "product_kind",
        "Product kind (regulated)",
        "choice",
        "One of the kinds whose rules differ by regulation, if the food is one: decides the Nutrition Facts and "
        "nutrition symbol prohibitions and exemptions (FDR B.01.401(2), (4), (5); B.01.350(5), (9), (13), (15)), the "
        "date marking exemptions and expiration dates (B.01.007(3), (7); B.24, B.25) and the sugars grouping "
        "exemptions (B.01.008.3(4)).",
        choices=get_args(ProductKind),
    ),
    ContextField(
        "reference_amount",
        "Reference amount",
        "quantity",
        "Informs the Nutrition Facts serving checks, nutrient content claims and front-of-pack symbol thresholds.",
    ),
    ContextField(
        "serving_of_stated_size",
        "Serving of stated size",
        "quantity",
        "Informs the claims based on the serving of stated size.",
    ),
    ContextField(
        "single_serving_container",
        "Single-serving container",
        "bool",
        "Informs the serving-size and claim rules for single-serving packages.",
    ),
    ContextField(
        "durable_life_days",
        "Durable life (days)",
        "int",
        "Whole days, 0 or more. Decides whether a best-before date is required (90 days or less).",
    ),
    ContextField(
        "packaged_at_retail",
        "Packaged at retail",
        "bool",
        'Informs the "packaged on" date rules and the retail exemptions.',
    ),
    ContextField("requires_refrigeration", "Requires refrigeration", "bool", "Informs the storage-instruction rules."),
    ContextField("imported", "Imported", "bool", 'Informs the "Imported by / Importé par" and origin rules.'),
    ContextField(
        "wholly_manufactured_abroad",
        "Wholly manufactured abroad",
        "bool",
        "Informs the origin statements for food made abroad.",
    ),
    ContextField(
        "country_of_origin", "Country of origin", "text", "Informs the origin statements for food made abroad."
    ),
    ContextField(
        "origin_commodity",
        "Origin commodity",
        "choice",
        'If the food is one of the commodities that, imported, generally must show "Product of [country]" (CFIA ILT, '
        "country of origin, mandatory labelling): wine or brandy, dairy, honey, fish, fresh fruit or vegetables, "
        "eggs, meat, maple or processed fruit or vegetable products.",
        choices=get_args(OriginCommodity),
    ),
    ContextField(
        "main_dish", "Main dish", "bool", "Informs the front-of-pack symbol thresholds (30 % DV for main dishes)."
    ),
    ContextField(
        "intended_solely_for_children_under_4",
        "Intended solely for children under 4",
        "bool",
        "Informs the Nutrition Facts format and the claims for young children.",
    ),
    ContextField(
        "all_nutrients_zero",
        "Every nutrient would be declared as 0",
        "bool",
        'If every item of the Nutrition Facts table other than the serving may be expressed as "0" (e.g. plain '
        "water, a spice, plain tea): the table is then not required (FDR B.01.401(2)(a)) unless the label cancels "
        "the exemption (B.01.401(3)).",
    ),
    ContextField(
        "supplemented_food",
        "Supplemented food",
        "bool",
        "Informs the Supplemented Food Facts table and caution identifier rules.",
    ),
    ContextField(
        "cautionary_statements",
        "Required cautionary statements (supplemented food)",
        "json",
        'JSON, e.g. [{"en": "Do not drink more than 2 cans per day", "fr": "Ne pas boire plus de 2 canettes par '
        'jour"}]: the statements column 4 of the List of Permitted Supplemental Ingredients requires for this '
        "food's supplemental ingredients and amounts ([] if none). Each must be in the Caution / Attention list "
        "(FDR B.29.020(1)); without the key, a question.",
    ),
    ContextField(
        "available_display_surface_cm2",
        "Available display surface (cm²)",
        "number",
        "A number above 0. Informs the small-package exemptions (e.g. under 100 cm²).",
    ),
    ContextField(
        "principal_display_surface_cm2",
        "Principal display surface (cm²)",
        "number",
        "A number above 0. Informs the minimum type heights (needs review without a pixel scale).",
    ),
    ContextField(
        "date",
        "Judged on",
        "date",
        "The day the label is judged (default: today). Best-before and transition dates use it.",
    ),
    ContextField(
        "serving_household_measure",
        "Household measure of the serving (relabel)",
        "json",
        'JSON, e.g. {"en": "1/2 cup", "fr": "1/2 tasse"}. Relabel mode: the household measure of the sticker serving.',
    ),
    ContextField(
        "density_g_per_ml",
        "Density (g/mL, relabel)",
        "number",
        "A number above 0, at most 5. Relabel mode: converts a table per 100 g to a serving in mL (or back).",
    ),
    ContextField(
        "supplier_nutrients_per_100",
        "Supplier's nutrients per 100 g or mL (relabel)",
        "json",
        'JSON, e.g. {"trans_fat": 0.1, "potassium": 300}. Relabel mode: amounts the foreign label does not declare.',
    ),
    ContextField(
        "canadian_dealer",
        "Canadian dealer (relabel)",
        "json",
        'JSON, e.g. {"name": "...", "address": "..."}. Relabel mode: the importer after "Imported by / Importé par".',
    ),
)

QUANTITY_UNITS: tuple[str, ...] = ("g", "mL", "kg", "L")
